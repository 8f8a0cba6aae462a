;; Uses the v128 value type (SIMD).
(module
  (func (export "f") (param v128) (result i32)
    i32.const 3))
