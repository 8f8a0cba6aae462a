;; Exceptions across the host boundary and across instances: exports tags of
;; several payload types, throws them, catches what its imported function
;; (host code or another instance) throws, and memory faults inside try
;; blocks stay traps.
(module
  (import "host" "callback" (func $callback (param i32)))
  (import "host" "host_tag" (tag $host_tag (param i32 i64)))
  (tag $empty (export "empty"))
  (tag $ints (export "ints") (param i32 i64))
  (tag $floats (export "floats") (param f32 f64))
  (tag $vec (export "vec") (param v128))
  (tag $ref (export "ref") (param externref))
  (memory 1)

  (func (export "throw_empty") (throw $empty))
  (func (export "throw_ints") (param i32 i64) (throw $ints (local.get 0) (local.get 1)))
  (func (export "throw_floats") (param f32 f64) (throw $floats (local.get 0) (local.get 1)))
  (func (export "throw_vec") (throw $vec (v128.const i32x4 1 2 3 4)))
  (func (export "throw_ref") (param externref) (throw $ref (local.get 0)))
  (func (export "throw_host_tag") (param i32 i64) (throw $host_tag (local.get 0) (local.get 1)))

  ;; Calls the host callback with `arg`; returns what a catch saw:
  ;; host_tag -> payload i32 + i64 (truncated), ints -> -1, other -> -2,
  ;; no exception -> 0.
  (func (export "call_and_catch") (param $arg i32) (result i32)
    (try (result i32)
      (do (call $callback (local.get $arg)) (i32.const 0))
      (catch $host_tag (i32.wrap_i64) (i32.add))
      (catch $ints (drop) (drop) (i32.const -1))
      (catch_all (i32.const -2))))

  ;; A trap inside a try block is not an exception: catch_all must not see
  ;; it. Guard-mode memory faults and explicit checks alike.
  (func (export "load_in_try") (param $addr i32) (result i32)
    (try (result i32)
      (do (i32.load (local.get $addr)))
      (catch_all (i32.const -1))))
  (func (export "unreachable_in_try") (result i32)
    (try (result i32)
      (do (unreachable))
      (catch_all (i32.const -1))))
  (func $recurse (param i32) (result i32)
    (try (result i32)
      (do (call $recurse (i32.add (local.get 0) (i32.const 1))))
      (catch_all (i32.const -1))))
  (func (export "recurse_in_try") (result i32) (call $recurse (i32.const 0)))

  ;; Rethrows what it catches after counting it in memory[0].
  (func (export "count_and_rethrow") (param $arg i32)
    (try
      (do (call $callback (local.get $arg)))
      (catch_all
        (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
        (rethrow 0))))
  (func (export "count") (result i32) (i32.load (i32.const 0))))
