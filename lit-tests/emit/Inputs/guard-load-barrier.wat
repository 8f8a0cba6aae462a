;; Loads whose values guard mode must keep (a barrier) or provably keeps
;; (none); see lit-tests/emit/guard-load-barrier.test.
(module
  (memory 1)
  ;; The value dies in a local that is overwritten: barrier.
  (func (export "dead") (param $a i32) (result i32) (local $x i64)
    (local.set $x (i64.load offset=4 (local.get $a)))
    (local.set $x (i64.const 0))
    (i32.const 0))
  ;; The first value is the second load's address: consumed, no barrier;
  ;; the second is returned (the caller may ignore it): barrier.
  (func (export "chase") (param $a i32) (result i32)
    (i32.load8_u offset=8 (i32.load (local.get $a))))
  ;; Dropped at once: a volatile touch, no barrier.
  (func (export "dropped") (param $a i32)
    (drop (f64.load (local.get $a))))
  ;; A vector: barrier on the loaded value.
  (func (export "vector") (param $a i32) (result v128)
    (v128.load (local.get $a))))
