;; br_table shapes (lit-tests/emit/br-table-dispatch.test).
(module
  (memory (export "memory") 1)
  ;; A bytecode program for $interp: 0 = acc += 1, 1 = acc *= 3,
  ;; 2 = acc -= 2, 3 = jump back to 0 while --count != 0, 4 = halt.
  (data (i32.const 64) "\00\01\00\01\02\03\04")
  (data (i32.const 128) "\01\00\00\00\02\00\00\00\03\00\00\00\04\00\00\00")

  ;; Dispatch loop, every target a bare label; in the same function a loop
  ;; that is versioned (an i32 sum), whose scope holds initialised
  ;; declarations the computed goto must not jump into.
  (func $interp (export "interp") (param $count i32) (result i32)
    (local $pc i32) (local $acc i32) (local $p i32)
    (local.set $p (i32.const 128))
    (loop $sum
      (local.set $acc (i32.add (local.get $acc) (i32.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $sum (i32.ne (local.get $p) (i32.const 144))))
    (local.set $pc (i32.const 64))
    (loop $next
      (block $halt
        (block $jump
          (block $sub
            (block $mul
              (block $inc
                (br_table $inc $mul $sub $jump $halt (i32.load8_u (local.get $pc))))
              (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
              (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
              (br $next))
            (local.set $acc (i32.mul (local.get $acc) (i32.const 3)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
            (br $next))
          (local.set $acc (i32.sub (local.get $acc) (i32.const 2)))
          (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
          (br $next))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (local.set $pc (select (i32.const 64) (i32.add (local.get $pc) (i32.const 1))
                               (local.get $count)))
        (br $next)))
    (local.get $acc))

  ;; Targets that carry a value: blocks, the loop itself (a parameter: the
  ;; value is copied before the jump) and the function (a return).
  (func $pick (export "pick") (param $i i32) (result i32)
    (i32.const 7)
    (loop $l (param i32) (result i32)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (block $d (param i32) (result i32)
        (block $c (param i32) (result i32)
          (block $b (param i32) (result i32)
            (block $a (param i32) (result i32)
              (br_table $a $b $c $d $l 5 $l $d (i32.rem_u (local.get $i) (i32.const 9))))
            (i32.add (i32.const 1))
            (br $l))
          (i32.mul (i32.const 3))
          (br $l))
        (i32.sub (i32.const 2))
        (br $l))
      (i32.xor (i32.const 0x55))))

  ;; Three targets in a loop: a switch.
  (func $small (export "small") (param $n i32) (result i32)
    (local $acc i32)
    (loop $l
      (block $b
        (block $a
          (br_table $a $b $a (i32.and (local.get $n) (i32.const 3))))
        (local.set $acc (i32.add (local.get $acc) (i32.const 5))))
      (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n)))
    (local.get $acc))

  ;; Four targets outside any loop: a switch.
  (func $flat (export "flat") (param $n i32) (result i32)
    (block $d
      (block $c
        (block $b
          (block $a
            (br_table $a $b $c $d (local.get $n)))
          (return (i32.const 10)))
        (return (i32.const 20)))
      (return (i32.const 30)))
    (i32.const 40)))
