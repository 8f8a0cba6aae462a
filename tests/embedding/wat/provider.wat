;; Exports one of each kind (function, memory, table, global) for another
;; instance to import.
(module
  (memory (export "memory") 1 2)
  (table (export "table") 2 funcref)
  (global (export "counter") (mut i32) (i32.const 7))
  (elem (i32.const 0) $add $mul)
  (func $add (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func $mul (param i32 i32) (result i32)
    (i32.mul (local.get 0) (local.get 1)))
  (func (export "load_u32") (param $addr i32) (result i32)
    (i32.load (local.get $addr)))
  (func (export "counter_value") (result i32)
    (global.get 0)))
