;; Every access width at a caller-chosen address, with a zero, a mid-sized and
;; the largest static offset; bulk operations; growth. One page, at most 3.
(module
  (memory (export "memory") 1 3)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10")

  (func (export "load8") (param $a i32) (result i32) (i32.load8_u (local.get $a)))
  (func (export "load16") (param $a i32) (result i32) (i32.load16_u (local.get $a)))
  (func (export "load32") (param $a i32) (result i32) (i32.load (local.get $a)))
  (func (export "load64") (param $a i32) (result i64) (i64.load (local.get $a)))
  (func (export "load_f32") (param $a i32) (result f32) (f32.load (local.get $a)))
  (func (export "load_f64") (param $a i32) (result f64) (f64.load (local.get $a)))
  (func (export "load128") (param $a i32) (result i64)
    (i64x2.extract_lane 1 (v128.load (local.get $a))))
  (func (export "load64_s8") (param $a i32) (result i64) (i64.load8_s (local.get $a)))
  (func (export "load64_u32") (param $a i32) (result i64) (i64.load32_u (local.get $a)))
  (func (export "load128_splat32") (param $a i32) (result i32)
    (i32x4.extract_lane 3 (v128.load32_splat (local.get $a))))
  (func (export "load128_lane64") (param $a i32) (result i64)
    (i64x2.extract_lane 1 (v128.load64_lane 1 (local.get $a) (v128.const i64x2 0 0))))

  (func (export "store8") (param $a i32) (param $v i32) (i32.store8 (local.get $a) (local.get $v)))
  (func (export "store16") (param $a i32) (param $v i32) (i32.store16 (local.get $a) (local.get $v)))
  (func (export "store32") (param $a i32) (param $v i32) (i32.store (local.get $a) (local.get $v)))
  (func (export "store64") (param $a i32) (param $v i64) (i64.store (local.get $a) (local.get $v)))
  (func (export "store128") (param $a i32) (param $v i64)
    (v128.store (local.get $a) (i64x2.splat (local.get $v))))

  ;; Static offsets: the effective address is a + offset computed without
  ;; wrapping (33 bits), so these trap for every a.
  (func (export "load8_offset_max") (param $a i32) (result i32)
    (i32.load8_u offset=4294967295 (local.get $a)))
  (func (export "load64_offset_max") (param $a i32) (result i64)
    (i64.load offset=4294967295 (local.get $a)))
  (func (export "store32_offset_max") (param $a i32) (param $v i32)
    (i32.store offset=4294967295 (local.get $a) (local.get $v)))
  (func (export "load32_offset_page") (param $a i32) (result i32)
    (i32.load offset=65536 (local.get $a)))
  (func (export "load32_offset_2g") (param $a i32) (result i32)
    (i32.load offset=2147483648 (local.get $a)))

  (func (export "fill") (param $a i32) (param $v i32) (param $n i32)
    (memory.fill (local.get $a) (local.get $v) (local.get $n)))
  (func (export "copy") (param $dst i32) (param $src i32) (param $n i32)
    (memory.copy (local.get $dst) (local.get $src) (local.get $n)))
  (func (export "init") (param $dst i32) (param $src i32) (param $n i32)
    (memory.init $seg (local.get $dst) (local.get $src) (local.get $n)))
  (data $seg "0123456789")

  (func (export "grow") (param $pages i32) (result i32) (memory.grow (local.get $pages)))
  (func (export "size") (result i32) (memory.size)))
