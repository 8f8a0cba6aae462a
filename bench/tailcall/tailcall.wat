;; Tail-call micro-benchmark (bench/tailcall/run): cost per hop of tail
;; calls (direct, indirect, mixed signatures) next to ordinary calls.
(module
  (type $i64_to_i64 (func (param i64) (result i64)))
  (table 2 funcref)
  (elem (i32.const 0) $ping_i $pong_i)

  ;; Direct, same signature.
  (func $ping (export "direct") (param i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (i64.const 0))))
    (return_call $pong (i64.sub (local.get 0) (i64.const 1))))
  (func $pong (param i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (i64.const 1))))
    (return_call $ping (i64.sub (local.get 0) (i64.const 1))))

  ;; Indirect, same signature.
  (func $ping_i (export "indirect") (param i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (i64.const 0))))
    (return_call_indirect (type $i64_to_i64) (i64.sub (local.get 0) (i64.const 1)) (i32.const 1)))
  (func $pong_i (param i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (i64.const 1))))
    (return_call_indirect (type $i64_to_i64) (i64.sub (local.get 0) (i64.const 1)) (i32.const 0)))

  ;; Direct, different signatures.
  (func $mixed_a (export "mixed") (param i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (i64.const 0))))
    (return_call $mixed_b (f64.const 1) (i32.const 2) (i64.sub (local.get 0) (i64.const 1))))
  (func $mixed_b (param f64 i32 i64) (result i64)
    (if (i64.eqz (local.get 2)) (then (return (i64.const 1))))
    (return_call $mixed_a (i64.sub (local.get 2) (i64.const 1))))

  ;; Ordinary calls, for comparison: a counted loop calling a function that
  ;; cannot be inlined away (it recurses once).
  (func $step (param i64 i64) (result i64)
    (if (result i64) (i64.eqz (local.get 1))
      (then (i64.add (local.get 0) (i64.const 1)))
      (else (call $step (local.get 0) (i64.const 0)))))
  (func (export "ordinary") (param i64) (result i64)
    (local $acc i64)
    (loop $next
      (local.set $acc (call $step (local.get $acc) (i64.const 1)))
      (br_if $next (i64.ne (local.tee 0 (i64.sub (local.get 0) (i64.const 1))) (i64.const 0))))
    (local.get $acc))
)
