(module
  (memory 1)
  (global $g v128 (v128.const i32x4 1 2 3 4))
  ;; lane 1 of g + [a, b, b, b] (the shuffle takes lane 0 of b's splat first)
  (func (export "shuffle_add") (param i32 i32) (result i32)
    (i32x4.extract_lane 1
      (i32x4.add (global.get $g)
        (i8x16.shuffle 0 1 2 3 16 17 18 19 16 17 18 19 16 17 18 19
          (i32x4.splat (local.get 0)) (i32x4.splat (local.get 1))))))
  ;; stores lane 2 of g at addr + 4 and reads it back through a lane load
  (func (export "lane_roundtrip") (param i32) (result i32)
    (v128.store32_lane offset=4 2 (local.get 0) (global.get $g))
    (i32x4.extract_lane 3
      (v128.load32_lane offset=4 3 (local.get 0) (v128.const i64x2 0 0))))
  ;; sign bits of f32x4.min(a, b): min(+0, -0) is -0 in every lane
  (func (export "min_signs") (param f32 f32) (result i32)
    (i32x4.bitmask (f32x4.min (f32x4.splat (local.get 0)) (f32x4.splat (local.get 1))))))
