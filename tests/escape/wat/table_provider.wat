;; Exports a table holding functions of several signatures that all take and
;; return one 32- or 64-bit value, so an indirect call through the wrong type
;; would "work" at the machine level unless the signature is checked.
(module
  (type $i32_i32 (func (param i32) (result i32)))
  (type $i64_i64 (func (param i64) (result i64)))
  (type $f32_f32 (func (param f32) (result f32)))
  (table (export "table") 4 8 funcref)
  (elem (i32.const 0) $inc32 $inc64 $neg_f32)
  (func $inc32 (type $i32_i32) (i32.add (local.get 0) (i32.const 1)))
  (func $inc64 (type $i64_i64) (i64.add (local.get 0) (i64.const 1)))
  (func $neg_f32 (type $f32_f32) (f32.neg (local.get 0)))
  (func (export "call_i32") (param $i i32) (param $x i32) (result i32)
    (call_indirect (type $i32_i32) (local.get $x) (local.get $i)))
  (func (export "table_get_is_null") (param $i i32) (result i32)
    (ref.is_null (table.get 0 (local.get $i))))
  (func (export "table_set_null") (param $i i32)
    (table.set 0 (local.get $i) (ref.null func)))
  (func (export "table_fill_null") (param $i i32) (param $n i32)
    (table.fill 0 (local.get $i) (ref.null func) (local.get $n)))
  (func (export "table_grow") (param $n i32) (result i32)
    (table.grow 0 (ref.null func) (local.get $n)))
  (func (export "table_size") (result i32) (table.size 0)))
