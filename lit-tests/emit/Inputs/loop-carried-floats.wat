;; Float locals and loop nests (lit-tests/emit/loop-carried-floats.test).
(module
  ;; $outer holds an inner loop: $acc and $y are read before they are
  ;; written in it (carried from one iteration to the next), $t is written
  ;; first, $i is an integer. $inner is innermost.
  (func (export "nest") (param $n i32) (result f64)
    (local $i i32) (local $j i32) (local $acc f64) (local $y f32) (local $t f64)
    (local.set $acc (f64.const 1))
    (local.set $y (f32.const 2))
    (loop $outer
      (local.set $t (f64.convert_i32_u (local.get $i)))
      (local.set $j (i32.const 0))
      (loop $inner
        (local.set $acc (f64.add (local.get $acc) (local.get $t)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $inner (i32.lt_u (local.get $j) (i32.const 3))))
      (local.set $y (f32.mul (local.get $y) (f32.const 0.5)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
    (f64.add (local.get $acc) (f64.promote_f32 (local.get $y))))

  ;; A single loop (innermost): nothing passes through opaque().
  (func (export "flat") (param $n i32) (result f64)
    (local $acc f64)
    (loop $l
      (local.set $acc (f64.add (local.get $acc) (f64.const 1.5)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n)))
    (local.get $acc)))
