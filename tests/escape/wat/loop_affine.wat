;; Innermost loops with affine addresses, the shape the emitter versions
;; (translator/emit/loop_versioning.hpp): a range test before the loop picks
;; an unchecked copy or the ordinary checked one. Each function is a
;; do-while loop (a body ending in br_if 0), as clang emits them. One page,
;; at most 2.
(module
  (memory (export "memory") 1 2)

  ;; for (p = dst; p != dst + 4n; p += 4) *p = p   (n >= 1; ne exit)
  (func (export "fill_up") (param $dst i32) (param $n i32)
    (local $p i32) (local $end i32)
    (local.set $p (local.get $dst))
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 2))))
    (loop $l
      (i32.store (local.get $p) (local.get $p))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $l (i32.ne (local.get $p) (local.get $end)))))

  ;; p = top; do { *(u64*)(p + 8) = p; p -= 8 } while (p >=u dst): a negative
  ;; stride whose counter wraps below 0 when dst is 0 (then the next store
  ;; is at 2^32 - 8 + 8 = 2^32: out of bounds).
  (func (export "fill_down") (param $top i32) (param $dst i32)
    (local $p i32)
    (local.set $p (local.get $top))
    (loop $l
      (i64.store offset=8 (local.get $p) (i64.extend_i32_u (local.get $p)))
      (local.tee $p (i32.sub (local.get $p) (i32.const 8)))
      (local.get $dst)
      (br_if $l (i32.ge_u))))

  ;; i = i0; do { *(base + 4i) = i; i += 1 } while (i != end): the counter may
  ;; wrap past 2^32 while the addresses stay in bounds.
  (func (export "store_wrapped") (param $base i32) (param $i0 i32) (param $end i32)
    (local $i i32)
    (local.set $i (local.get $i0))
    (loop $l
      (i32.store (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2))) (local.get $i))
      (local.tee $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.ne (local.get $end)))))

  ;; i = 0; do { dst[i] = src[i + 1] + 1 (u32, src read at offset 4); } while (++i <s n)
  (func (export "copy_next") (param $dst i32) (param $src i32) (param $n i32)
    (local $i i32) (local $a i32)
    (loop $l
      (local.set $a (i32.shl (local.get $i) (i32.const 2)))
      (i32.store (i32.add (local.get $dst) (local.get $a))
                 (i32.add (i32.load offset=4 (i32.add (local.get $src) (local.get $a))) (i32.const 1)))
      (local.tee $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $n)))))

  ;; do { acc += p[n - 1] (u8); } while (--n): the count-down form (the
  ;; counter itself is the condition).
  (func (export "sum_down") (param $p i32) (param $n i32) (result i32)
    (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (local.get $acc)
                               (i32.load8_u offset=0 (i32.add (i32.add (local.get $p) (local.get $n))
                                                              (i32.const -1)))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc))

  ;; do { *(u16*)(p) = 0x5a5a; x = *(u32*)(p + 0xfffffff0); p += 2 } while (p <u end):
  ;; the second access is out of bounds in every iteration (offset near 2^32),
  ;; so the first store happens once and then the load traps.
  (func (export "far_offset") (param $p i32) (param $end i32) (result i32)
    (local $x i32)
    (loop $l
      (i32.store16 (local.get $p) (i32.const 0x5a5a))
      (local.set $x (i32.add (local.get $x) (i32.load offset=0xfffffff0 (local.get $p))))
      (local.tee $p (i32.add (local.get $p) (i32.const 2)))
      (br_if $l (i32.lt_u (local.get $end))))
    (local.get $x))

;; i = 0; do { y[i] += 3 * x[i]; y[i + 1] += 3 * x[i + 1]; i += 2 } while (i <u n)
  ;; (u32 lanes, unrolled by two as clang emits such loops): the unchecked
  ;; copy reads both lanes' loads first, which is only right when the store
  ;; to y[i] cannot change x[i + 1]; with y == x + 4 it does.
  (func (export "axpy2") (param $x i32) (param $y i32) (param $n i32)
    (local $i i32) (local $o i32)
    (loop $l
      (local.set $o (i32.shl (local.get $i) (i32.const 2)))
      (i32.store (i32.add (local.get $y) (local.get $o))
        (i32.add (i32.load (i32.add (local.get $y) (local.get $o)))
                 (i32.mul (i32.const 3) (i32.load (i32.add (local.get $x) (local.get $o))))))
      (i32.store offset=4 (i32.add (local.get $y) (local.get $o))
        (i32.add (i32.load offset=4 (i32.add (local.get $y) (local.get $o)))
                 (i32.mul (i32.const 3) (i32.load offset=4 (i32.add (local.get $x) (local.get $o))))))
      (local.tee $i (i32.add (local.get $i) (i32.const 2)))
      (br_if $l (i32.lt_u (local.get $n)))))

  ;; Whole vectors (v128.load/store are versioned too): for (i = 0; i < n;
  ;; i += 16) dst[i..i+16) += src[i..i+16) as i32x4.
  (func (export "vec_add") (param $dst i32) (param $src i32) (param $n i32)
    (local $i i32)
    (loop $l
      (v128.store (i32.add (local.get $dst) (local.get $i))
        (i32x4.add (v128.load (i32.add (local.get $dst) (local.get $i)))
                   (v128.load (i32.add (local.get $src) (local.get $i)))))
      (local.tee $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $l (i32.lt_u (local.get $n)))))

  ;; Loads only, each vector's lanes summed: the unchecked copy needs no
  ;; barrier (its range is proven). Guard mode does not version it (a
  ;; read-only loop of v128 loads gains nothing from a copy,
  ;; translator/emit/loop_versioning.cpp), so there the checked loop's
  ;; barrier keeps the trap; explicit mode runs the copy.
  (func (export "vec_sum") (param $src i32) (param $n i32) (result i32)
    (local $i i32) (local $acc v128)
    (loop $l
      (local.set $acc (i32x4.add (local.get $acc)
        (v128.load offset=16 (i32.add (local.get $src) (local.get $i)))))
      (local.tee $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $l (i32.lt_u (local.get $n))))
    (i32.add (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
             (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))

;; Narrow SIMD forms (versioned too, each with its own width): dst[i] =
  ;; lane 2 of splat32(src[i]) + load64_zero(dst + i) = src[i], the zero
  ;; load reading 4 bytes past the stored word.
  (func (export "splat_copy") (param $dst i32) (param $src i32) (param $n i32)
    (local $i i32)
    (loop $l
      (v128.store32_lane 2 (i32.add (local.get $dst) (local.get $i))
        (i32x4.add (v128.load32_splat (i32.add (local.get $src) (local.get $i)))
                   (v128.load64_zero (i32.add (local.get $dst) (local.get $i)))))
      (local.tee $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $l (i32.lt_u (local.get $n)))))

  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
)
