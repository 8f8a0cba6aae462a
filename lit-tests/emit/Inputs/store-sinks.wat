(module
  (memory 1)
  ;; *a = *a + *b: a read-modify-write, its load plain, the addend opaque.
  (func (export "rmw") (param $a i32) (param $b i32)
    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.load (local.get $b)))))
  ;; *b = *a: the stored value opaque.
  (func (export "copy") (param $a i32) (param $b i32)
    (i64.store (local.get $b) (i64.load (local.get $a))))
  ;; *a = *a * *b: a multiply may stop depending on an operand: barriers.
  (func (export "mul") (param $a i32) (param $b i32)
    (i32.store (local.get $a) (i32.mul (i32.load (local.get $a)) (i32.load (local.get $b)))))
)
