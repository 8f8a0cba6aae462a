;; Guest code for the shared-memory tests (tests/embedding/shared_memory_test.cpp):
;; several instances import one shared memory and run on several host threads.
(module
  (import "env" "memory" (memory 1 16 shared))

  ;; Adds 1 to the i32 at $addr, $n times, with an atomic read-modify-write.
  (func (export "add_many") (param $addr i32) (param $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (drop (i32.atomic.rmw.add (local.get $addr) (i32.const 1)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next))))

  ;; Adds $n to the (non-atomic) i64 at $counter under a spin lock at $lock,
  ;; taken with cmpxchg and released with an atomic store.
  (func (export "locked_add") (param $lock i32) (param $counter i32) (param $n i64)
    (loop $spin
      (br_if $spin (i32.atomic.rmw.cmpxchg (local.get $lock) (i32.const 0) (i32.const 1))))
    (i64.store (local.get $counter) (i64.add (i64.load (local.get $counter)) (local.get $n)))
    (i32.atomic.store (local.get $lock) (i32.const 0)))

  ;; A one-value mailbox: state at $box (0 empty, 1 full, 2 and 3 busy),
  ;; value at $box + 8. Producers and consumers block in wait32 until the
  ;; state lets them in; every state change is followed by a notify.
  (func (export "put") (param $box i32) (param $value i64)
    (local $state i32)
    (loop $retry
      (local.set $state (i32.atomic.load (local.get $box)))
      (if (i32.ne (local.get $state) (i32.const 0))
        (then
          (drop (memory.atomic.wait32 (local.get $box) (local.get $state) (i64.const -1)))
          (br $retry)))
      (br_if $retry
        (i32.atomic.rmw.cmpxchg (local.get $box) (i32.const 0) (i32.const 2))))
    (i64.atomic.store offset=8 (local.get $box) (local.get $value))
    (i32.atomic.store (local.get $box) (i32.const 1))
    (drop (memory.atomic.notify (local.get $box) (i32.const -1))))

  (func (export "take") (param $box i32) (result i64)
    (local $state i32)
    (local $value i64)
    (loop $retry
      (local.set $state (i32.atomic.load (local.get $box)))
      (if (i32.ne (local.get $state) (i32.const 1))
        (then
          (drop (memory.atomic.wait32 (local.get $box) (local.get $state) (i64.const -1)))
          (br $retry)))
      (br_if $retry
        (i32.ne (i32.atomic.rmw.cmpxchg (local.get $box) (i32.const 1) (i32.const 3))
                (i32.const 1))))
    (local.set $value (i64.atomic.load offset=8 (local.get $box)))
    (i32.atomic.store (local.get $box) (i32.const 0))
    (drop (memory.atomic.notify (local.get $box) (i32.const -1)))
    (local.get $value))

  (func (export "wait32") (param $addr i32) (param $expected i32) (param $timeout i64) (result i32)
    (memory.atomic.wait32 (local.get $addr) (local.get $expected) (local.get $timeout)))
  (func (export "wait64") (param $addr i32) (param $expected i64) (param $timeout i64) (result i32)
    (memory.atomic.wait64 (local.get $addr) (local.get $expected) (local.get $timeout)))
  (func (export "notify") (param $addr i32) (param $count i32) (result i32)
    (memory.atomic.notify (local.get $addr) (local.get $count)))
  (func (export "load") (param $addr i32) (result i32) (i32.atomic.load (local.get $addr)))
  (func (export "rmw16_sub") (param $addr i32) (param $value i32) (result i32)
    (i32.atomic.rmw16.sub_u (local.get $addr) (local.get $value)))
  (func (export "grow") (param $pages i32) (result i32) (memory.grow (local.get $pages)))
  (func (export "size") (result i32) (memory.size))
)
