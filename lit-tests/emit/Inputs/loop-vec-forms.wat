;; A loop over every narrow SIMD access form at affine addresses (one base,
;; different offsets): extending, splat, lane and zero loads and a lane store.
(module
  (memory 1)
  (func (export "forms") (param $p i32) (param $n i32)
    (local $i i32)
    (loop $l
      (v128.store32_lane offset=4096 1
        (i32.add (local.get $p) (local.get $i))
        (v128.xor
          (v128.load16_lane offset=2048 3
            (i32.add (local.get $p) (local.get $i))
            (v128.xor
              (v128.load8x8_s (i32.add (local.get $p) (local.get $i)))
              (v128.load32_splat offset=1024 (i32.add (local.get $p) (local.get $i)))))
          (v128.load64_zero offset=3072 (i32.add (local.get $p) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))))
