// Target instructions for the SIMD helpers whose portable form compilers do
// not map to one instruction (bitmask, saturating arithmetic, swizzle, float
// min/max, trunc_sat, q15mulr, ...). Included by wasm2cpp/simd.hpp before the
// helpers; each helper keeps its portable lane-by-lane form as the fallback
// for targets without these paths (and for reference in the unit tests).
//
// Only the SSE headers the user's flags enable are included (emmintrin.h,
// tmmintrin.h, smmintrin.h: about 0.1 s of compile time together, not the
// full immintrin.h). WASM2CPP_SIMD_PORTABLE forces the portable paths.
#pragma once

#if !defined(WASM2CPP_SIMD_PORTABLE) && defined(__SSE2__)
#define WASM2CPP_SIMD_SSE2 1
#include <emmintrin.h>
#if defined(__SSSE3__)
#define WASM2CPP_SIMD_SSSE3 1
#include <tmmintrin.h>
#endif
#if defined(__SSE4_1__)
#define WASM2CPP_SIMD_SSE41 1
#include <smmintrin.h>
#endif
#endif

#if !defined(WASM2CPP_SIMD_PORTABLE) && defined(__ARM_NEON) && defined(__aarch64__)
#define WASM2CPP_SIMD_NEON 1
#include <arm_neon.h>
#endif
