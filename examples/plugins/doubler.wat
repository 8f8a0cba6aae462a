;; Plugin "doubler": logs its input, returns it doubled.
(module
  (import "host" "log" (func $log (param i32)))
  (func (export "transform") (param $x i32) (result i32)
    (call $log (local.get $x))
    (i32.shl (local.get $x) (i32.const 1))))
