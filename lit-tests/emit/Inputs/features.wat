;; Exercises every instruction family of the emitter.
(module
  (import "host" "log" (func $log (param i32)))
  (import "host" "counter" (global $counter (mut i32)))
  (type $binop (func (param i32 i32) (result i32)))
  (memory (export "mem") 1 4)
  (table $tab (export "tab") 4 funcref)
  (global $g (mut i64) (i64.const 5))
  (global (export "answer") i32 (i32.const 42))
  (elem (table $tab) (i32.const 0) func $add $sub)
  (elem $passive func $mul)
  (data (i32.const 100) "\01\02\03\04")
  (data $bytes "wasm")

  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $binop) (i32.mul (local.get 0) (local.get 1)))

  (func (export "dispatch") (param i32 i32 i32) (result i32)
    (call_indirect $tab (type $binop) (local.get 1) (local.get 2) (local.get 0)))
  (func (export "init_mul") (table.init $tab $passive (i32.const 2) (i32.const 0) (i32.const 1)))

  ;; multi-value results and block parameters
  (func $divmod (export "divmod") (param i32 i32) (result i32 i32)
    (i32.div_u (local.get 0) (local.get 1))
    (i32.rem_u (local.get 0) (local.get 1)))
  (func (export "divmod_sum") (param i32 i32) (result i32)
    (call $divmod (local.get 0) (local.get 1))
    (block (param i32 i32) (result i32) i32.add))

  ;; br_table with values
  (func (export "classify") (param i32) (result i32)
    (block $c (result i32)
      (block $b (result i32)
        (block $a (result i32)
          (br_table $a $b $c $b (i32.const 10) (local.get 0)))
        (return (i32.add (i32.const 1))))
      (return (i32.add (i32.const 2))))
    (i32.add (i32.const 3)))

  ;; loops, locals, globals, imports
  (func (export "sum_to") (param $n i32) (result i64) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $n))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (i32.ne (local.get $n) (i32.const 0))))
    (global.set $g (i64.add (global.get $g) (local.get $acc)))
    (call $log (i32.wrap_i64 (local.get $acc)))
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (local.get $acc))
  (func (export "g") (result i64) (global.get $g))

  ;; memory: narrow loads/stores, grow, bulk
  (func (export "load16s") (param i32) (result i32) (i32.load16_s (local.get 0)))
  (func (export "store8_load") (param i32 i32) (result i32)
    (i32.store8 (local.get 0) (local.get 1)) (i32.load8_u (local.get 0)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "bulk") (result i32)
    (memory.init $bytes (i32.const 200) (i32.const 0) (i32.const 4))
    (memory.copy (i32.const 300) (i32.const 200) (i32.const 4))
    (memory.fill (i32.const 204) (i32.const 0x21) (i32.const 2))
    (data.drop $bytes)
    (i32.load (i32.const 300)))
  (func (export "drop_load") (param i32) (drop (i32.load (local.get 0))))

  ;; floats: bit-exact constants, select, conversions, traps
  (func (export "fsel") (param f64 i32) (result f64)
    (select (f64.mul (local.get 0) (f64.const 0x1.8p+1)) (f64.const -0x0p+0) (local.get 1)))
  (func (export "trunc") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func (export "nan_bits") (result i32) (i32.reinterpret_f32 (f32.const nan:0x200001)))

  ;; references and tables
  (func (export "ref_test") (result i32)
    (table.set $tab (i32.const 3) (ref.func $mul))
    (i32.add (table.size $tab)
      (i32.add (ref.is_null (table.get $tab (i32.const 3)))
               (i32.mul (i32.const 10) (ref.is_null (ref.null func))))))
  (func (export "trap") unreachable)
  (func $deep (export "deep") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $deep (i32.sub (local.get 0) (i32.const 1)))))))
)
