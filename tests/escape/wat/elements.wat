;; Long function-index element segments (emitted in the compact form: one
;; FuncRef per distinct function plus an array of slot numbers), active and
;; passive; the items follow the formulas element_test.cpp checks:
;;   active slot i (0..39):  function (i * 7 + i / 3) mod 4
;;   passive item i (0..19): function (i * 5 + 1) mod 4, copied to 40 + i
(module
  (type $t (func (result i32)))
  (table 64 funcref)
  (func $a (type $t) (i32.const 0))
  (func $b (type $t) (i32.const 1))
  (func $c (type $t) (i32.const 2))
  (func $d (type $t) (i32.const 3))
  (elem (i32.const 0) func $a $d $c $c $b $a $a $d $c $c $b $a $a $d $c $c $b $a $a $d
    $c $c $b $a $a $d $c $c $b $a $a $d $c $c $b $a $a $d $c $c)
  (elem $passive func $b $c $d $a $b $c $d $a $b $c $d $a $b $c $d $a $b $c $d $a)
  (func (export "call") (param $i i32) (result i32)
    (call_indirect (type $t) (local.get $i)))
  (func (export "init_passive")
    (table.init $passive (i32.const 40) (i32.const 0) (i32.const 20))))
