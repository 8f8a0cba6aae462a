;; Imports another instance's tags and functions: exceptions thrown by that
;; instance are caught here by tag identity, with their payload.
(module
  (import "thrower" "ints" (tag $ints (param i32 i64)))
  (import "thrower" "empty" (tag $empty))
  (import "thrower" "throw_ints" (func $throw_ints (param i32 i64)))
  (import "thrower" "throw_empty" (func $throw_empty))
  (import "thrower" "throw_floats" (func $throw_floats (param f32 f64)))
  (tag $own (export "own") (param i32))

  ;; 0: ints(x, 100) thrown by the other instance -> x + 100; 1: empty there
  ;; -> -1; 2: floats (no catch by tag here) -> -2; 3: own tag -> x + 1000;
  ;; else no exception -> 0.
  (func (export "catch_from") (param $which i32) (param $x i32) (result i64)
    (local $y i64)
    (try (result i64)
      (do
        (block $b3
          (block $b2
            (block $b1
              (block $b0
                (br_table $b0 $b1 $b2 $b3 (local.get $which))
              )
              (call $throw_ints (local.get $x) (i64.const 100))
            )
            (call $throw_empty)
          )
          (call $throw_floats (f32.const 1) (f64.const 2))
        )
        (if (i32.eq (local.get $which) (i32.const 3)) (then (throw $own (local.get $x))))
        (i64.const 0))
      (catch $ints (local.set $y) (i64.extend_i32_s) (local.get $y) (i64.add))
      (catch $empty (i64.const -1))
      (catch $own (i64.extend_i32_s) (i64.const 1000) (i64.add))
      (catch_all (i64.const -2)))))
