;; Imports the provider's table and calls into it with every signature: only
;; the slot whose function has exactly that type may be called.
(module
  (type $i32_i32 (func (param i32) (result i32)))
  (type $i64_i64 (func (param i64) (result i64)))
  (type $f32_f32 (func (param f32) (result f32)))
  (type $i32_i64 (func (param i32) (result i64)))
  (import "provider" "table" (table 4 funcref))
  (func (export "call_i32") (param $i i32) (param $x i32) (result i32)
    (call_indirect (type $i32_i32) (local.get $x) (local.get $i)))
  (func (export "call_i64") (param $i i32) (param $x i64) (result i64)
    (call_indirect (type $i64_i64) (local.get $x) (local.get $i)))
  (func (export "call_f32") (param $i i32) (param $x f32) (result f32)
    (call_indirect (type $f32_f32) (local.get $x) (local.get $i)))
  (func (export "call_i32_i64") (param $i i32) (param $x i32) (result i64)
    (call_indirect (type $i32_i64) (local.get $x) (local.get $i))))
