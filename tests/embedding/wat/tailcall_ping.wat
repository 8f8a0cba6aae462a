;; The other half of tailcall_peer.wat: ping tail-calls pong through table
;; slot 1, which the pong instance fills.
(module
  (type $i64_to_i64 (func (param i64) (result i64)))
  (table (export "table") 2 funcref)
  (func $ping (export "ping") (param $n i64) (result i64)
    (if (i64.eqz (local.get $n)) (then (return (i64.const 100))))
    (return_call_indirect (type $i64_to_i64) (i64.sub (local.get $n) (i64.const 1)) (i32.const 1)))
)
