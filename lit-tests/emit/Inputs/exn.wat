;; Exception handling: catch by tag with a payload, catch_all, rethrow,
;; delegate past an inner catch, a trap inside try (not caught), and a loop
;; and branches leaving try blocks and handlers.
(module
  (tag $e (param i32))
  (tag $f)
  (memory 1)

  (func $thrower (param i32)
    (if (i32.eqz (local.get 0)) (then (throw $f)))
    (throw $e (local.get 0)))

  ;; Sum of n payloads caught in a loop: n(n+1)/2.
  (func (export "sum") (param $n i32) (result i32)
    (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (try
          (do (call $thrower (local.get $n)))
          (catch $e (local.get $acc) (i32.add) (local.set $acc)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))

  ;; delegate skips the middle catch_all: the outer catch sees the payload.
  (func (export "delegated") (param $x i32) (result i32)
    (try $outer (result i32)
      (do
        (try (result i32)
          (do
            (try (result i32)
              (do (call $thrower (local.get $x)) (i32.const 0))
              (delegate $outer)))
          (catch_all (i32.const -1))))
      (catch $e (i32.const 1000) (i32.add))
      (catch $f (i32.const -2))))

  ;; rethrow from a nested handler reaches the outer catch.
  (func (export "rethrown") (param $x i32) (result i32)
    (try (result i32)
      (do
        (try (result i32)
          (do (call $thrower (local.get $x)) (i32.const 0))
          (catch_all
            (try (result i32)
              (do (rethrow 1))
              (catch $f (i32.const -3))))))
      (catch $e)))

  ;; A memory fault inside a try is a trap, not an exception.
  (func (export "load") (param $addr i32) (result i32)
    (try (result i32)
      (do (i32.load (local.get $addr)))
      (catch_all (i32.const -1)))))
