;; Guard mode keeps every trap through stores too (load_uses_stores.cpp): a
;; load whose value reaches a store (unchanged or through add/sub/xor) is
;; emitted as wasm2cpp::load_opaque and the store as wasm2cpp::store_fenced;
;; the load of a read-modify-write of the same bytes is a plain load. Each
;; function loads at $a (swept around the end of memory by
;; store_sink_test.cpp) and stores where the C++ optimiser would delete the
;; store, and the loads with it, without those helpers: a store made dead by
;; a later one, a no-op store once the addend is known to be 0, a value
;; minus itself, a store that keeps only one byte. $q is 64, computed so the
;; translator does not see a constant address.
(module
  (memory (export "memory") 1 1)

  ;; *a = *a + *q after *q = 0: without the launder on *q the store is
  ;; `*a = *a`, deleted with its load.
  (func (export "rmw_known_zero_addend") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (i32.store (local.get $q) (i32.const 0))
    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.load (local.get $q)))))
  (func (export "rmw_known_zero_subtrahend_i64") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (i64.store (local.get $q) (i64.const 0))
    (i64.store (local.get $a) (i64.sub (i64.load (local.get $a)) (i64.load (local.get $q)))))
  (func (export "rmw_byte") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (i32.store8 (local.get $q) (i32.const 0))
    (i32.store8 (local.get $a) (i32.xor (i32.load8_u (local.get $a)) (i32.load8_u (local.get $q)))))
  (func (export "rmw_self_xor") (param $a i32)
    (i32.store (local.get $a) (i32.xor (i32.load (local.get $a)) (i32.load (local.get $a)))))

  ;; *q = *q + *a; *q = 7: without the fence the first store is dead, and
  ;; both loads with it.
  (func (export "rmw_then_overwritten") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (i32.store (local.get $q) (i32.add (i32.load (local.get $q)) (i32.load (local.get $a))))
    (i32.store (local.get $q) (i32.const 7)))
  ;; *q = *a; *q = 0, each value type.
  (func (export "copy_then_overwritten_i32") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (i32.store (local.get $q) (i32.load (local.get $a)))
    (i32.store (local.get $q) (i32.const 0)))
  (func (export "copy_then_overwritten_i64") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (i64.store (local.get $q) (i64.load (local.get $a)))
    (i64.store (local.get $q) (i64.const 0)))
  (func (export "copy_then_overwritten_f32") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (f32.store (local.get $q) (f32.load (local.get $a)))
    (f32.store (local.get $q) (f32.const 0)))
  (func (export "copy_then_overwritten_f64") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (f64.store (local.get $q) (f64.load (local.get $a)))
    (f64.store (local.get $q) (f64.const 0)))
  (func (export "copy_via_local_then_overwritten") (param $a i32) (local $q i32) (local $t i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (local.set $t (i32.load (local.get $a)))
    (i32.store (local.get $q) (i32.add (local.get $t) (i32.const 5)))
    (i32.store (local.get $q) (i32.const 0)))
  ;; Stored back where it came from: a no-op store without the launder.
  (func (export "stored_back") (param $a i32)
    (i32.store (local.get $a) (i32.load (local.get $a))))

  ;; *q = *a - *a: 0 without the launder, both loads deleted.
  (func (export "difference_of_same_load") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (i32.store (local.get $q) (i32.sub (i32.load (local.get $a)) (i32.load (local.get $a)))))
  ;; Only the low byte is stored: without the launder the load is narrowed
  ;; to that byte.
  (func (export "narrow_store") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (i32.store8 (local.get $q) (i32.add (i32.load (local.get $a)) (i32.const 1))))
  (func (export "narrow_store_i64") (param $a i32) (local $q i32)
    (local.set $q (i32.add (i32.and (local.get $a) (i32.const 0)) (i32.const 64)))
    (i64.store16 (local.get $q) (i64.xor (i64.load (local.get $a)) (i64.const 3))))
)
