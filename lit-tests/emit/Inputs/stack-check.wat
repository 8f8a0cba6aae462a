(module
  (memory 1)
  ;; A tree walk: the base case returns before any call; both recursive
  ;; calls sit in one straight-line stretch and share one check.
  (func $release (param $node i32)
    (block $done
      (br_if $done (i32.eqz (local.get $node)))
      (call $release (i32.load (local.get $node)))
      (call $release (i32.load offset=4 (local.get $node)))))
  ;; Calls in both arms of an if: neither arm's check covers the other.
  (func $arms (param i32) (result i32)
    (if (result i32) (local.get 0)
      (then (call $arms (i32.sub (local.get 0) (i32.const 1))))
      (else (call $leaf))))
  ;; A call after a block end (a merge point) needs its own check.
  (func $after_merge (param i32)
    (call $after_merge (local.get 0))
    (block (br_if 0 (local.get 0)))
    (call $after_merge (local.get 0)))
  ;; A call inside a loop: one check at entry, none per iteration.
  (func $looping (param i32)
    (loop $l
      (call $looping (local.get 0))
      (br_if $l (local.get 0))))
  (func $leaf (result i32) (i32.const 7))
  (export "release" (func $release))
  (export "arms" (func $arms))
  (export "after_merge" (func $after_merge))
  (export "looping" (func $looping)))
