;; Uses a tail call (a feature that is off by default).
(module
  (func $g (result i32) i32.const 7)
  (func (export "f") (result i32)
    return_call $g))
