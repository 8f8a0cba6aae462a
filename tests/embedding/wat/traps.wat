;; Traps of several kinds and a host import that may throw; the global
;; "calls" counts entries so tests can see state survives a trap.
(module
  (import "host" "call" (func $host_call (param i32) (result i32)))
  (memory (export "memory") 1 1)
  (global $calls (export "calls") (mut i32) (i32.const 0))
  (func $enter
    (global.set $calls (i32.add (global.get $calls) (i32.const 1))))
  (func (export "unreachable")
    (call $enter)
    unreachable)
  (func (export "div_s") (param i32 i32) (result i32)
    (call $enter)
    (i32.div_s (local.get 0) (local.get 1)))
  (func (export "load_u32") (param $addr i32) (result i32)
    (call $enter)
    (i32.load (local.get $addr)))
  (func $recurse (export "recurse") (param $n i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get $n) (i32.const 1))) (i32.const 1)))
  ;; host.call(x) + 1, storing x at address 0 first.
  (func (export "call_host") (param $x i32) (result i32)
    (call $enter)
    (i32.store (i32.const 0) (local.get $x))
    (i32.add (call $host_call (local.get $x)) (i32.const 1))))
