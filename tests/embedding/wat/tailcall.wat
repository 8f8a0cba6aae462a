;; Guaranteed tail calls (tail_call_test.cpp): deep mutual recursion through
;; return_call and return_call_indirect, mixed signatures, host functions,
;; indirect-call traps, and runaway non-tail recursion.
(module
  (type $i64_to_i32 (func (param i64) (result i32)))
  (type $mixed_a_t (func (param i64 f32) (result i64 f64)))
  (type $mixed_b_t (func (param f64 i32 externref i64) (result i64 f64)))
  (type $host_t (func (param i64) (result i64)))
  (import "env" "host" (func $host (type $host_t)))
  (table $t (export "table") 8 funcref)
  (elem (table $t) (i32.const 0) func $even_i $odd_i $mixed_b $host)

  ;; Same signature, direct.
  (func $even (export "even") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
      (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
  (func $odd (export "odd") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
      (else (return_call $even (i64.sub (local.get 0) (i64.const 1))))))

  ;; Same signature, indirect (table slots 0 and 1).
  (func $even_i (export "even_indirect") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
      (else (return_call_indirect (type $i64_to_i32) (i64.sub (local.get 0) (i64.const 1)) (i32.const 1)))))
  (func $odd_i (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
      (else (return_call_indirect (type $i64_to_i32) (i64.sub (local.get 0) (i64.const 1)) (i32.const 0)))))

  ;; Mixed signatures and two results: a -> b (indirect, slot 2) -> a
  ;; (direct). The float argument accumulates so every hop's values count.
  (func $mixed_a (export "mixed") (param $n i64) (param $acc f32) (result i64 f64)
    (if (i64.eqz (local.get $n))
      (then (return (i64.const -1) (f64.promote_f32 (local.get $acc)))))
    (return_call_indirect (type $mixed_b_t)
      (f64.promote_f32 (local.get $acc)) (i32.const 1) (ref.null extern)
      (i64.sub (local.get $n) (i64.const 1)) (i32.const 2)))
  (func $mixed_b (param $acc f64) (param $step i32) (param externref) (param $n i64) (result i64 f64)
    (if (i32.eqz (ref.is_null (local.get 2))) (then (unreachable)))
    (return_call $mixed_a (local.get $n)
      (f32.add (f32.demote_f64 (local.get $acc)) (f32.convert_i32_s (local.get $step)))))

  ;; Tail calls to a host function, direct and through the table (slot 3).
  (func (export "to_host") (param i64) (result i64)
    (return_call $host (i64.add (local.get 0) (i64.const 1))))
  (func (export "to_host_indirect") (param i64) (result i64)
    (return_call_indirect (type $host_t) (local.get 0) (i32.const 3)))

  ;; return_call_indirect keeps call_indirect's traps; `depth` tail calls
  ;; happen first, so the trap comes from a tail entry as well.
  (func $indirect_at (export "indirect_at") (param $depth i64) (param $slot i32) (result i32)
    (if (i64.eqz (local.get $depth))
      (then (return_call_indirect (type $i64_to_i32) (i64.const 4) (local.get $slot))))
    (return_call $indirect_at (i64.sub (local.get $depth) (i64.const 1)) (local.get $slot)))

  ;; Non-tail recursion must still end in a call-stack-exhausted trap.
  (func $runaway (export "runaway") (param i64) (result i64)
    (i64.add (call $runaway (local.get 0)) (i64.const 1)))
  ;; ... also when the recursion passes through tail calls.
  (func $runaway_mixed (export "runaway_mixed") (param i64) (result i64)
    (i64.add (call $runaway_step (local.get 0)) (i64.const 1)))
  (func $runaway_step (param i64) (result i64)
    (return_call $runaway_mixed (local.get 0)))
)
