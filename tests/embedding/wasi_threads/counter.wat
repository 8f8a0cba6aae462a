;; A wasi-threads program written against the ABI directly (Debian's
;; wasi-libc has no wasm32-wasi-threads sysroot): _start spawns 4 threads
;; with wasi.thread-spawn; each runs in its own instance (wasi_thread_start),
;; adds 1 to a shared counter 100000 times with an atomic rmw, records its
;; thread id and signals completion with an atomic add and notify; _start
;; waits for all of them with memory.atomic.wait32, checks the counter and
;; the ids, and prints the result.
;;
;; Memory layout: 0 counter, 4 finished threads, 64 + 4i id seen by thread i,
;; 128 + 4i id returned by spawn for thread i, 256 iovec, 264 nwritten,
;; 512 message text, 600..631 digits.
(module
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "env" "memory" (memory 1 1 shared))

  (global $threads i32 (i32.const 4))
  (global $increments i32 (i32.const 100000))

  ;; Passive: every thread instantiates the module, and active segments
  ;; would rewrite shared memory each time.
  (data $message "wasi-threads: 4 threads, counter = ")

  (func (export "wasi_thread_start") (param $tid i32) (param $index i32)
    (local $n i32)
    (i32.atomic.store offset=64 (i32.shl (local.get $index) (i32.const 2)) (local.get $tid))
    (local.set $n (global.get $increments))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (drop (i32.atomic.rmw.add (i32.const 4) (i32.const 1)))
    (drop (memory.atomic.notify (i32.const 4) (i32.const -1))))

  ;; Writes `len` bytes at `ptr` to stdout.
  (func $print (param $ptr i32) (param $len i32)
    (i32.store (i32.const 256) (local.get $ptr))
    (i32.store (i32.const 260) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 256) (i32.const 1) (i32.const 264))))

  ;; Prints `value` in decimal and a newline.
  (func $print_number (param $value i32)
    (local $pos i32)
    (local.set $pos (i32.const 631))
    (i32.store8 (local.get $pos) (i32.const 10))
    (loop $digit
      (local.set $pos (i32.sub (local.get $pos) (i32.const 1)))
      (i32.store8 (local.get $pos)
        (i32.add (i32.const 48) (i32.rem_u (local.get $value) (i32.const 10))))
      (local.set $value (i32.div_u (local.get $value) (i32.const 10)))
      (br_if $digit (local.get $value)))
    (call $print (local.get $pos) (i32.sub (i32.const 632) (local.get $pos))))

  (func (export "_start")
    (local $i i32)
    (local $tid i32)
    (local $finished i32)
    (memory.init $message (i32.const 512) (i32.const 0) (i32.const 35))
    (block $spawned
      (loop $next
        (br_if $spawned (i32.eq (local.get $i) (global.get $threads)))
        (local.set $tid (call $spawn (local.get $i)))
        (if (i32.le_s (local.get $tid) (i32.const 0)) (then (call $proc_exit (i32.const 2))))
        (i32.store offset=128 (i32.shl (local.get $i) (i32.const 2)) (local.get $tid))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    ;; Wait until every thread has finished.
    (loop $wait
      (local.set $finished (i32.atomic.load (i32.const 4)))
      (if (i32.lt_u (local.get $finished) (global.get $threads))
        (then
          (drop (memory.atomic.wait32 (i32.const 4) (local.get $finished) (i64.const -1)))
          (br $wait))))
    ;; Each thread saw the id spawn returned for it, and the ids differ.
    (local.set $i (i32.const 0))
    (block $checked
      (loop $next
        (br_if $checked (i32.eq (local.get $i) (global.get $threads)))
        (if (i32.ne (i32.atomic.load offset=64 (i32.shl (local.get $i) (i32.const 2)))
                    (i32.load offset=128 (i32.shl (local.get $i) (i32.const 2))))
          (then (call $proc_exit (i32.const 3))))
        (if (i32.and (i32.gt_u (local.get $i) (i32.const 0))
                     (i32.eq (i32.load offset=128 (i32.shl (local.get $i) (i32.const 2)))
                             (i32.load offset=124 (i32.shl (local.get $i) (i32.const 2)))))
          (then (call $proc_exit (i32.const 4))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $print (i32.const 512) (i32.const 35))
    (call $print_number (i32.atomic.load (i32.const 0)))
    (if (i32.ne (i32.atomic.load (i32.const 0))
                (i32.mul (global.get $threads) (global.get $increments)))
      (then (call $proc_exit (i32.const 1)))))
)
