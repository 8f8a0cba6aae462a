;; Plugin "squarer": logs its input and its result, returns the square;
;; traps (unreachable) on negative input.
(module
  (import "host" "log" (func $log (param i32)))
  (func (export "transform") (param $x i32) (result i32)
    (local $result i32)
    (call $log (local.get $x))
    (if (i32.lt_s (local.get $x) (i32.const 0)) (then unreachable))
    (local.set $result (i32.mul (local.get $x) (local.get $x)))
    (call $log (local.get $result))
    (local.get $result)))
