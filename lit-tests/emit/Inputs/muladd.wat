(module
  (func (export "mul_add") (param f32 f32 f32) (result f32)
    (f32.add (f32.mul (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "mul_add64") (param f64 f64 f64) (result f64)
    (f64.add (f64.mul (local.get 0) (local.get 1)) (local.get 2))))
