;; tail-call.test: a direct and an indirect tail-call cycle, and a function
;; that takes no part in tail calls.
(module
  (type $t (func (param i64) (result i64)))
  (table 1 funcref)
  (elem (i32.const 0) $down_i)
  (func $down (export "down") (param i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (i64.const 42))))
    (return_call $down2 (i64.sub (local.get 0) (i64.const 1))))
  (func $down2 (param i64) (result i64)
    (return_call $down (local.get 0)))
  (func $down_i (export "down_indirect") (param i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (i64.const 43))))
    (return_call_indirect (type $t) (i64.sub (local.get 0) (i64.const 1)) (i32.const 0)))
  (func $plain (param i64) (result i64)
    (i64.add (local.get 0) (i64.const 1)))
  (func (export "plain") (param i64) (result i64)
    (call $plain (local.get 0)))
)
