;; A tail call inside a try block: the callee runs after the caller's frame
;; (and its handlers) are gone, so its exception reaches the caller's caller.
(module
  (tag $e (param i32))
  (func $thrower (param i32) (result i32) (throw $e (local.get 0)))
  (func (export "f") (param i32) (result i32)
    (try (result i32)
      (do (return_call $thrower (local.get 0)))
      (catch $e (drop) (i32.const 99)))))
