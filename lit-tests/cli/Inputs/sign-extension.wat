;; Uses a sign-extension instruction.
(module
  (func (export "f") (param i32) (result i32)
    local.get 0
    i32.extend8_s))
