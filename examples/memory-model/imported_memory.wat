;; A module that does not own its memory: the host creates it and passes it
;; in as the import js.mem, like `new WebAssembly.Memory({initial: 10,
;; maximum: 100})` in the article.
(module
  (import "js" "mem" (memory 1))
  ;; The size the guest sees, in bytes.
  (func (export "size_bytes") (result i32)
    (i32.mul (memory.size) (i32.const 65536)))
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages)))
  (func (export "load_u32") (param $addr i32) (result i32)
    (i32.load (local.get $addr)))
  (func (export "store_u32") (param $addr i32) (param $value i32)
    (i32.store (local.get $addr) (local.get $value))))
