;; A vector loop: whole-vector loads and stores at affine addresses, versioned
;; like scalar ones.
(module
  (memory 1)
  (func (export "vec_add") (param $dst i32) (param $src i32) (param $n i32)
    (local $i i32)
    (loop $l
      (v128.store (i32.add (local.get $dst) (local.get $i))
        (i32x4.add (v128.load (i32.add (local.get $dst) (local.get $i)))
                   (v128.load offset=16 (i32.add (local.get $src) (local.get $i)))))
      (local.tee $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $l (i32.lt_u (local.get $n))))))
