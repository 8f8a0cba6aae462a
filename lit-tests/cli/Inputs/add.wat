;; A small valid module: exports, a memory, a global, a table.
(module
  (memory (export "memory") 1)
  (global $counter (mut i32) (i32.const 0))
  (table 2 funcref)
  (elem (i32.const 0) $add $mul)
  (func $add (export "add") (param i32 i32) (result i32)
    global.get $counter
    i32.const 1
    i32.add
    global.set $counter
    local.get 0
    local.get 1
    i32.add)
  (func $mul (export "mul") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.mul)
  (func (export "apply") (param i32 i32 i32) (result i32)
    local.get 1
    local.get 2
    local.get 0
    call_indirect (param i32 i32) (result i32))
  (func (export "store_load") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.store
    local.get 0
    i32.load)
  (func (export "calls") (result i32)
    global.get $counter))
