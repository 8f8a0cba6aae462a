(module
  (memory 1)
  ;; fn0: the old value of l0 is still on the stack when l0 is set.
  (func (param i32 i32) (result i32)
    local.get 0
    local.get 1
    local.set 0
    local.get 0
    i32.add)
  ;; fn1: a tee'd computed value; a tee of a local onto itself writes nothing.
  (func (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
    local.tee 0
    local.get 0
    local.tee 0
    i32.mul)
  ;; fn2: a tee whose value aliases another local, under an alias of the
  ;; local it writes.
  (func (param i32 i32) (result i32)
    local.get 0
    local.get 1
    local.tee 0
    i32.sub)
  ;; fn3: br_if: the branch value is materialised, the condition is not.
  (func (param i32 i32) (result i32)
    (block (result i32)
      local.get 0
      local.get 1
      br_if 0
      drop
      i32.const 7))
  ;; fn4: a value under a loop is materialised before the loop head; the
  ;; loop's own aliases end at its br_if.
  (func (param i32) (result i32)
    i32.const 5
    (loop $l
      local.get 0
      i32.const 1
      i32.sub
      local.tee 0
      br_if $l)
    local.get 0
    i32.add)
  ;; fn5: constants of each type, exactly typed.
  (func (param f32 f64) (result i64)
    i64.const -1
    i64.const 2
    i64.add
    local.get 0
    f32.const 1.5
    f32.add
    f32.const -0
    f32.mul
    i64.trunc_sat_f32_s
    i64.xor
    local.get 1
    f64.const 0x1.8p+1
    f64.sub
    i64.trunc_sat_f64_u
    i64.or)
  ;; fn6: comparisons that would be tautological as written text.
  (func (param i32 i64) (result i32)
    local.get 0
    local.get 0
    i32.eq
    local.get 0
    i32.const 0
    i32.lt_u
    i32.add
    local.get 1
    i64.const 0
    i64.ge_u
    i32.add)
  ;; fn7: select whose first operand is an alias.
  (func (param i32 i32 i32) (result i32)
    (select (local.get 0) (i32.const 9) (local.get 2)))
)
