;; Constant addresses against the declared minimum (one page; the maximum,
;; two pages, does not count: the memory may never grow).
(module
  (memory 1 2)
  ;; The last four bytes of the minimum: always in bounds.
  (func (export "last_word") (result i32) (i32.load (i32.const 65532)))
  ;; One byte further: may trap (it does unless the memory grew).
  (func (export "straddling") (result i32) (i32.load (i32.const 65533)))
  ;; Address pushed before the stored value, offset included: ends at 65536.
  (func (export "store_at_end") (param i32)
    (i32.store offset=65516 (i32.const 16) (local.get 0)))
  ;; The address is computed (the add rewrites the constant's slot).
  (func (export "computed") (result i32) (i32.load (i32.add (i32.const 0) (i32.const 65533))))
  ;; Dropped: nothing to touch when it cannot fault.
  (func (export "dropped") (drop (i64.load (i32.const 8))))
  ;; A vector at the very end, and one past it.
  (func (export "vec_end") (result v128) (v128.load (i32.const 65520)))
  (func (export "vec_past") (result v128) (v128.load (i32.const 65521)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
