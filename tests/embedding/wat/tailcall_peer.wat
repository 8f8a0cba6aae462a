;; A second module for tail calls across instances (tail_call_test.cpp):
;; ping (in tailcall_ping) and pong (here) tail-call each other through a
;; shared table and an imported function; $big's arguments (168 bytes) do
;; not fit the smallest trampoline buffer.
(module
  (type $i64_to_i64 (func (param i64) (result i64)))
  (import "ping" "ping" (func $ping (type $i64_to_i64)))
  (import "ping" "table" (table 2 funcref))
  (elem (table 0) (i32.const 1) func $pong)

  (func $pong (export "pong") (param $n i64) (result i64)
    (if (i64.eqz (local.get $n)) (then (return (i64.const 200))))
    (if (i32.wrap_i64 (i64.and (local.get $n) (i64.const 1)))
      (then
        (return_call $big (i64.sub (local.get $n) (i64.const 1))
          (v128.const i64x2 1 2) (v128.const i64x2 3 4) (v128.const i64x2 5 6)
          (v128.const i64x2 7 8) (v128.const i64x2 9 10) (v128.const i64x2 11 12)
          (v128.const i64x2 13 14) (v128.const i64x2 15 16) (v128.const i64x2 17 18)
          (v128.const i64x2 19 20))))
    (return_call $ping (i64.sub (local.get $n) (i64.const 1))))

  (func $big (param $n i64) (param v128 v128 v128 v128 v128 v128 v128 v128 v128 v128) (result i64)
    ;; Every argument arrived intact: lane sums 1+3+...+19 = 100, 2+...+20 = 110.
    (local $sum v128)
    (local.set $sum (i64x2.add (local.get 1) (local.get 2)))
    (local.set $sum (i64x2.add (local.get $sum) (local.get 3)))
    (local.set $sum (i64x2.add (local.get $sum) (local.get 4)))
    (local.set $sum (i64x2.add (local.get $sum) (local.get 5)))
    (local.set $sum (i64x2.add (local.get $sum) (local.get 6)))
    (local.set $sum (i64x2.add (local.get $sum) (local.get 7)))
    (local.set $sum (i64x2.add (local.get $sum) (local.get 8)))
    (local.set $sum (i64x2.add (local.get $sum) (local.get 9)))
    (local.set $sum (i64x2.add (local.get $sum) (local.get 10)))
    (if (i64.ne (i64x2.extract_lane 0 (local.get $sum)) (i64.const 100)) (then (unreachable)))
    (if (i64.ne (i64x2.extract_lane 1 (local.get $sum)) (i64.const 110)) (then (unreachable)))
    (return_call $pong (local.get $n)))
)
