;; Invalid: f32.neg applied to an i32.
(module
  (func (export "f") (result i32)
    i32.const 1
    f32.neg
    drop
    i32.const 0))
