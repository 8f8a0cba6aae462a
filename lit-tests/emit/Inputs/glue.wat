;; Every kind of export, a re-exported import, passive and active element
;; segments (short and compact), data and a start function: the instance
;; glue of instance-glue.test.
(module
  (import "env" "f" (func $f (param i32) (result i32)))
  (memory $mem (export "mem") 1 3)
  (table $tab (export "tab") 20 30 funcref)
  (table $ext (export "ext") 2 externref)
  (global $counter (export "counter") (mut i32) (i32.const 7))
  (global $limit (export "limit") i64 (i64.const -5))
  (type $unary (func (param i32) (result i32)))
  (func $twice (export "twice") (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 2)))
  (func $inc (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 1)))
  (func $start
    (global.set $counter (i32.add (global.get $counter) (i32.const 1))))
  ;; call item i of passive segment 1 (short) / 3 (compact) through slot 19
  (func (export "call_p1") (param $i i32) (param $x i32) (result i32)
    (table.init $tab 1 (i32.const 19) (local.get $i) (i32.const 1))
    (call_indirect (type $unary) (local.get $x) (i32.const 19)))
  (func (export "call_p3") (param $i i32) (param $x i32) (result i32)
    (table.init $tab 3 (i32.const 19) (local.get $i) (i32.const 1))
    (call_indirect (type $unary) (local.get $x) (i32.const 19)))
  (func (export "call_slot") (param $slot i32) (param $x i32) (result i32)
    (call_indirect (type $unary) (local.get $x) (local.get $slot)))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (elem (table $tab) (i32.const 0) func $twice $inc $f)
  (elem funcref (ref.func $inc) (ref.func $twice) (ref.null func))
  (elem (table $tab) (i32.const 3) func
    $inc $twice $inc $twice $inc $twice $inc $twice
    $inc $twice $inc $twice $inc $twice $inc $twice)
  (elem func $twice $inc $twice $inc $twice $inc $twice $inc
    $twice $inc $twice $inc $twice $inc $twice $f)
  (data (i32.const 16) "\2a\2b")
  (start $start)
  (export "f_again" (func $f))
  (export "mem_again" (memory $mem))
  (export "n\00ul" (global $counter)))
