;; Three memories: one imported from the host, two exported; every access
;; names its memory.
(module
  (import "env" "scratch" (memory $scratch 1 4))
  (memory $heap (export "heap") 2)
  (memory $lookup (export "lookup") 1 1)
  (data (memory $lookup) (i32.const 0) "\01\02\03\04")

  ;; heap[dst + i] = scratch[src + i] + lookup[i % 4] for i < len
  (func (export "copy_in") (param $dst i32) (param $src i32) (param $len i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 $heap (i32.add (local.get $dst) (local.get $i))
          (i32.add (i32.load8_u $scratch (i32.add (local.get $src) (local.get $i)))
                   (i32.load8_u $lookup (i32.and (local.get $i) (i32.const 3)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  (func (export "grow_scratch") (param i32) (result i32)
    (memory.grow $scratch (local.get 0)))
  (func (export "heap_pages") (result i32) (memory.size $heap)))
