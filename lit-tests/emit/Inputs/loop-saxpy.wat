;; An affine loop the emitter versions (y[i] += a * x[i], unrolled by two as
;; clang emits it), one it must not (the address goes through xor), and an
;; initialisation loop that only stores (versioned with explicit checks only).
(module
  (memory 1)
  (func (export "saxpy") (param $x i32) (param $y i32) (param $n i32) (param $a f32)
    (local $i i32)
    (loop $l
      (f32.store (i32.add (local.get $y) (local.get $i))
        (f32.add (f32.load (i32.add (local.get $y) (local.get $i)))
                 (f32.mul (local.get $a) (f32.load (i32.add (local.get $x) (local.get $i))))))
      (f32.store offset=4 (i32.add (local.get $y) (local.get $i))
        (f32.add (f32.load offset=4 (i32.add (local.get $y) (local.get $i)))
                 (f32.mul (local.get $a) (f32.load offset=4 (i32.add (local.get $x) (local.get $i))))))
      (local.tee $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $l (i32.lt_u (local.get $n)))))
  (func (export "scramble") (param $p i32) (param $n i32)
    (loop $l
      (i32.store (local.get $p) (i32.const 0))
      (local.tee $p (i32.xor (local.get $p) (i32.const 4)))
      (br_if $l (i32.ne (local.get $n)))))
  (func (export "fill") (param $p i32) (param $n i32)
    (local $i i32)
    (loop $l
      (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))) (local.get $i))
      (local.tee $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $n)))))
)
