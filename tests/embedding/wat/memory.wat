;; A module that owns and exports its memory (1 page, at most 4), for the
;; host-access, grow and thread tests.
(module
  (memory (export "memory") 1 4)
  (data (i32.const 16) "hello")
  (func (export "load_u32") (param $addr i32) (result i32)
    (i32.load (local.get $addr)))
  (func (export "store_u32") (param $addr i32) (param $value i32)
    (i32.store (local.get $addr) (local.get $value)))
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages)))
  (func (export "size_pages") (result i32)
    (memory.size))
  ;; Writes value[i] = seed * i + i for i in [0, count) as u32 from address 0.
  (func (export "fill") (param $seed i32) (param $count i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (i32.store (i32.shl (local.get $i) (i32.const 2))
          (i32.add (i32.mul (local.get $seed) (local.get $i)) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))
  ;; Sum of the first count u32 values from address 0 (wrapping).
  (func (export "sum") (param $count i32) (result i32)
    (local $i i32) (local $total i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $total (i32.add (local.get $total)
          (i32.load (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $total)))
