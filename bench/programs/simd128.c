// SIMD kernels written with intrinsics: wasm_simd128.h for the wasm build
// (-msimd128), SSE2 for the native one, and plain C as a reference path for
// other hosts (BENCH_SIMD_SCALAR forces it, to check the checksum). Each
// kernel uses what a programmer would on each target (psadbw natively, the
// sub_sat/extadd sequence in wasm), so the ratio to native is what porting
// SIMD code to wasm and back through wasm2cpp costs:
//   matvec   f32 matrix-vector product (mul, add, lane reduction)
//   blend    u8 alpha blend through 16-bit lanes, saturating brighten
//   sad      sum of absolute differences of 16x16 blocks
//   search   byte search with compare + bitmask + popcount
//   quantise f32 -> u8 with scale, min/max clamp, truncation and narrowing
//   fir      i16 FIR filter with the 16-bit dot product
#include "common.h"

#if defined(BENCH_SIMD_SCALAR)
#define PATH_SCALAR 1
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define PATH_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define PATH_SSE2 1
#else
#define PATH_SCALAR 1
#endif

#define ROWS 64
#define COLS 256
#define IMG 65536
#define TAPS 16
#define SAMPLES 8192

static float matrix[ROWS][COLS] __attribute__((aligned(16)));
static float vector_in[COLS] __attribute__((aligned(16)));
static float vector_out[ROWS] __attribute__((aligned(16)));
static uint8_t image_a[IMG] __attribute__((aligned(16)));
static uint8_t image_b[IMG] __attribute__((aligned(16)));
static uint8_t image_out[IMG] __attribute__((aligned(16)));
static float samples_f[IMG / 4] __attribute__((aligned(16)));
static int16_t signal_in[SAMPLES + TAPS] __attribute__((aligned(16)));
static int16_t taps[TAPS] __attribute__((aligned(16)));
static int32_t signal_out[SAMPLES] __attribute__((aligned(16)));

// ---- matvec: out[r] = sum over c of m[r][c] * v[c], four partial sums per
// row (lane c % 4), reduced as (s0 + s2) + (s1 + s3) on every path.
static void matvec(void) {
  for (int r = 0; r < ROWS; ++r) {
#if PATH_WASM
    v128_t acc = wasm_f32x4_splat(0.0f);
    for (int c = 0; c < COLS; c += 4)
      acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(&matrix[r][c]),
                                               wasm_v128_load(&vector_in[c])));
    v128_t half = wasm_f32x4_add(acc, wasm_i32x4_shuffle(acc, acc, 2, 3, 0, 1));
    vector_out[r] = wasm_f32x4_extract_lane(half, 0) + wasm_f32x4_extract_lane(half, 1);
#elif PATH_SSE2
    __m128 acc = _mm_setzero_ps();
    for (int c = 0; c < COLS; c += 4)
      acc = _mm_add_ps(acc, _mm_mul_ps(_mm_load_ps(&matrix[r][c]), _mm_load_ps(&vector_in[c])));
    __m128 half = _mm_add_ps(acc, _mm_movehl_ps(acc, acc));
    vector_out[r] = _mm_cvtss_f32(half) + _mm_cvtss_f32(_mm_shuffle_ps(half, half, 1));
#else
    float s[4] = {0, 0, 0, 0};
    for (int c = 0; c < COLS; c += 4)
      for (int k = 0; k < 4; ++k) s[k] = s[k] + matrix[r][c + k] * vector_in[c + k];
    vector_out[r] = (s[0] + s[2]) + (s[1] + s[3]);
#endif
  }
  // Feed the result back so repetitions cannot be folded.
  for (int r = 0; r < ROWS; ++r) vector_in[r] = vector_out[r] * (1.0f / 4096.0f);
}

// ---- blend: out = (a * alpha + b * (256 - alpha)) >> 8, then + bright
// with unsigned saturation.
static void blend(uint32_t alpha, uint8_t bright) {
#if PATH_WASM
  const v128_t wa = wasm_i16x8_splat((int16_t)alpha), wb = wasm_i16x8_splat((int16_t)(256 - alpha));
  const v128_t add = wasm_i8x16_splat((int8_t)bright);
  for (int i = 0; i < IMG; i += 16) {
    v128_t a = wasm_v128_load(&image_a[i]), b = wasm_v128_load(&image_b[i]);
    v128_t lo = wasm_i16x8_add(wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(a), wa),
                               wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(b), wb));
    v128_t hi = wasm_i16x8_add(wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(a), wa),
                               wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(b), wb));
    v128_t mixed = wasm_u8x16_narrow_i16x8(wasm_u16x8_shr(lo, 8), wasm_u16x8_shr(hi, 8));
    wasm_v128_store(&image_out[i], wasm_u8x16_add_sat(mixed, add));
  }
#elif PATH_SSE2
  const __m128i wa = _mm_set1_epi16((short)alpha), wb = _mm_set1_epi16((short)(256 - alpha));
  const __m128i add = _mm_set1_epi8((char)bright), zero = _mm_setzero_si128();
  for (int i = 0; i < IMG; i += 16) {
    __m128i a = _mm_load_si128((const __m128i*)&image_a[i]);
    __m128i b = _mm_load_si128((const __m128i*)&image_b[i]);
    __m128i lo = _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(a, zero), wa),
                               _mm_mullo_epi16(_mm_unpacklo_epi8(b, zero), wb));
    __m128i hi = _mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(a, zero), wa),
                               _mm_mullo_epi16(_mm_unpackhi_epi8(b, zero), wb));
    __m128i mixed = _mm_packus_epi16(_mm_srli_epi16(lo, 8), _mm_srli_epi16(hi, 8));
    _mm_store_si128((__m128i*)&image_out[i], _mm_adds_epu8(mixed, add));
  }
#else
  for (int i = 0; i < IMG; ++i) {
    uint32_t mixed = ((image_a[i] * alpha + image_b[i] * (256 - alpha)) & 0xffff) >> 8;
    uint32_t sum = mixed + bright;
    image_out[i] = (uint8_t)(sum > 255 ? 255 : sum);
  }
#endif
}

// ---- sad: sum of |a - b| over the 16x16 block at (x, y) of two 256x256 images.
static uint32_t sad16(int ax, int ay, int bx, int by) {
#if PATH_WASM
  v128_t acc = wasm_i32x4_splat(0);
  for (int row = 0; row < 16; ++row) {
    v128_t a = wasm_v128_load(&image_a[(ay + row) * 256 + ax]);
    v128_t b = wasm_v128_load(&image_b[(by + row) * 256 + bx]);
    v128_t diff = wasm_v128_or(wasm_u8x16_sub_sat(a, b), wasm_u8x16_sub_sat(b, a));
    acc = wasm_i32x4_add(acc, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(diff)));
  }
  acc = wasm_i32x4_add(acc, wasm_i32x4_shuffle(acc, acc, 2, 3, 0, 1));
  return wasm_u32x4_extract_lane(acc, 0) + wasm_u32x4_extract_lane(acc, 1);
#elif PATH_SSE2
  __m128i acc = _mm_setzero_si128();
  for (int row = 0; row < 16; ++row) {
    __m128i a = _mm_loadu_si128((const __m128i*)&image_a[(ay + row) * 256 + ax]);
    __m128i b = _mm_loadu_si128((const __m128i*)&image_b[(by + row) * 256 + bx]);
    acc = _mm_add_epi64(acc, _mm_sad_epu8(a, b));
  }
  return (uint32_t)_mm_cvtsi128_si32(acc) + (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(acc, 8));
#else
  uint32_t sum = 0;
  for (int row = 0; row < 16; ++row)
    for (int col = 0; col < 16; ++col) {
      int d = image_a[(ay + row) * 256 + ax + col] - image_b[(by + row) * 256 + bx + col];
      sum += (uint32_t)(d < 0 ? -d : d);
    }
  return sum;
#endif
}

// Best match of each 16x16 block of image_a within +-4 pixels in image_b.
static uint32_t motion_search(void) {
  uint32_t total = 0;
  for (int by = 16; by < 240; by += 16)
    for (int bx = 16; bx < 240; bx += 16) {
      uint32_t best = 0xffffffffu;
      for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx) {
          uint32_t s = sad16(bx, by, bx + dx, by + dy);
          if (s < best) best = s;
        }
      total += best;
    }
  return total;
}

// ---- search: how many bytes of image_out equal needle, plus the sum of the
// positions of the first match in each 64-byte line.
static uint32_t search(uint8_t needle) {
  uint32_t count = 0, first_sum = 0;
  for (int line = 0; line < IMG; line += 64) {
    uint32_t first = 64;
    for (int i = 0; i < 64; i += 16) {
#if PATH_WASM
      uint32_t mask = wasm_i8x16_bitmask(
          wasm_i8x16_eq(wasm_v128_load(&image_out[line + i]), wasm_i8x16_splat((int8_t)needle)));
#elif PATH_SSE2
      uint32_t mask = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(
          _mm_load_si128((const __m128i*)&image_out[line + i]), _mm_set1_epi8((char)needle)));
#else
      uint32_t mask = 0;
      for (int k = 0; k < 16; ++k) mask |= (uint32_t)(image_out[line + i + k] == needle) << k;
#endif
      count += (uint32_t)__builtin_popcount(mask);
      if (mask && first == 64) first = (uint32_t)(i + __builtin_ctz(mask));
    }
    first_sum += first;
  }
  return count * 65536u + first_sum;
}

// ---- quantise: image_out[i] = clamp(samples_f[i] * scale, 0, 255), truncated.
static void quantise(float scale) {
#if PATH_WASM
  const v128_t s = wasm_f32x4_splat(scale), lo = wasm_f32x4_splat(0.0f);
  const v128_t hi = wasm_f32x4_splat(255.0f);
  for (int i = 0; i < IMG / 4; i += 16) {
    v128_t q[4];
    for (int k = 0; k < 4; ++k) {
      v128_t x = wasm_f32x4_mul(wasm_v128_load(&samples_f[i + 4 * k]), s);
      q[k] = wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_min(wasm_f32x4_max(x, lo), hi));
    }
    v128_t w0 = wasm_i16x8_narrow_i32x4(q[0], q[1]), w1 = wasm_i16x8_narrow_i32x4(q[2], q[3]);
    wasm_v128_store(&image_out[i], wasm_u8x16_narrow_i16x8(w0, w1));
  }
#elif PATH_SSE2
  const __m128 s = _mm_set1_ps(scale), lo = _mm_setzero_ps(), hi = _mm_set1_ps(255.0f);
  for (int i = 0; i < IMG / 4; i += 16) {
    __m128i q[4];
    for (int k = 0; k < 4; ++k) {
      __m128 x = _mm_mul_ps(_mm_load_ps(&samples_f[i + 4 * k]), s);
      q[k] = _mm_cvttps_epi32(_mm_min_ps(_mm_max_ps(x, lo), hi));
    }
    __m128i w0 = _mm_packs_epi32(q[0], q[1]), w1 = _mm_packs_epi32(q[2], q[3]);
    _mm_store_si128((__m128i*)&image_out[i], _mm_packus_epi16(w0, w1));
  }
#else
  for (int i = 0; i < IMG / 4; ++i) {
    float x = samples_f[i] * scale;
    x = x < 0.0f ? 0.0f : x > 255.0f ? 255.0f : x;
    image_out[i] = (uint8_t)(int32_t)x;
  }
#endif
}

// ---- fir: out[i] = sum over t of in[i + t] * taps[t] (16-bit products,
// pairs added by the dot product, sums wrap in 32 bits).
static uint32_t fir(void) {
  uint32_t hash = 0;
#if PATH_WASM
  const v128_t t0 = wasm_v128_load(&taps[0]), t1 = wasm_v128_load(&taps[8]);
  for (int i = 0; i < SAMPLES; i += 4) {
    uint32_t out[4];
    for (int k = 0; k < 4; ++k) {
      v128_t p = wasm_i32x4_add(wasm_i32x4_dot_i16x8(wasm_v128_load(&signal_in[i + k]), t0),
                                wasm_i32x4_dot_i16x8(wasm_v128_load(&signal_in[i + k + 8]), t1));
      p = wasm_i32x4_add(p, wasm_i32x4_shuffle(p, p, 2, 3, 0, 1));
      out[k] = wasm_u32x4_extract_lane(p, 0) + wasm_u32x4_extract_lane(p, 1);
    }
    wasm_v128_store(&signal_out[i], wasm_u32x4_make(out[0], out[1], out[2], out[3]));
  }
#elif PATH_SSE2
  const __m128i t0 = _mm_load_si128((const __m128i*)&taps[0]);
  const __m128i t1 = _mm_load_si128((const __m128i*)&taps[8]);
  for (int i = 0; i < SAMPLES; i += 4) {
    uint32_t out[4];
    for (int k = 0; k < 4; ++k) {
      __m128i p = _mm_add_epi32(
          _mm_madd_epi16(_mm_loadu_si128((const __m128i*)&signal_in[i + k]), t0),
          _mm_madd_epi16(_mm_loadu_si128((const __m128i*)&signal_in[i + k + 8]), t1));
      p = _mm_add_epi32(p, _mm_shuffle_epi32(p, _MM_SHUFFLE(1, 0, 3, 2)));
      out[k] = (uint32_t)_mm_cvtsi128_si32(p) + (uint32_t)_mm_cvtsi128_si32(_mm_shuffle_epi32(p, 1));
    }
    _mm_store_si128((__m128i*)&signal_out[i],
                    _mm_setr_epi32((int)out[0], (int)out[1], (int)out[2], (int)out[3]));
  }
#else
  for (int i = 0; i < SAMPLES; ++i) {
    uint32_t sum = 0;
    for (int t = 0; t < TAPS; ++t) sum += (uint32_t)(signal_in[i + t] * taps[t]);
    signal_out[i] = (int32_t)sum;
  }
#endif
  for (int i = 0; i < SAMPLES; ++i) hash = mix32(hash, (uint32_t)signal_out[i]);
  // Feed back: the next round filters a slightly different signal.
  for (int i = 0; i < SAMPLES; ++i) signal_in[i] = (int16_t)(signal_in[i] ^ (signal_out[i] & 1));
  return hash;
}

EXPORT uint32_t run(uint32_t n) {
  uint32_t seed = 4242;
  for (int r = 0; r < ROWS; ++r)
    for (int c = 0; c < COLS; ++c) matrix[r][c] = (float)(xorshift32(&seed) % 2001) / 1000.0f - 1.0f;
  for (int c = 0; c < COLS; ++c) vector_in[c] = (float)(xorshift32(&seed) % 1000) / 100.0f;
  for (int i = 0; i < IMG; ++i) {
    image_a[i] = (uint8_t)xorshift32(&seed);
    // image_b is image_a shifted by (2, 1) plus noise, so searches find matches.
    image_b[i] = (uint8_t)(image_a[(i + 256 * 255 + 254) % IMG] + xorshift32(&seed) % 5);
  }
  for (int i = 0; i < IMG / 4; ++i) samples_f[i] = (float)(xorshift32(&seed) % 40000) / 100.0f - 50.0f;
  for (int i = 0; i < SAMPLES + TAPS; ++i) signal_in[i] = (int16_t)xorshift32(&seed);
  for (int t = 0; t < TAPS; ++t) taps[t] = (int16_t)(xorshift32(&seed) % 4001) - 2000;

  uint32_t hash = MIX_INIT;
  for (uint32_t rep = 0; rep < n; ++rep) {
    for (int k = 0; k < 8; ++k) matvec();
    for (int r = 0; r < ROWS; ++r) hash = mix32(hash, (uint32_t)(int32_t)(vector_out[r] * 64.0f));
    blend(rep % 257, (uint8_t)(rep * 7));
    hash = mix32(hash, search((uint8_t)(rep * 13)));
    if (rep % 4 == 0) hash = mix32(hash, motion_search());
    quantise(0.5f + (float)(rep % 16) / 8.0f);
    hash = mix32(hash, search((uint8_t)rep));
    hash = mix32(hash, fir());
  }
  return hash;
}
