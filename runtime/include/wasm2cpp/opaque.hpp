// Optimisation barriers that generated code and host glue share: opaque()
// for one float value, opaque_fn() for a function pointer. No includes.
#pragma once

#if defined(__GNUC__)
#define WASM2CPP_OPAQUE_INLINE_ inline __attribute__((always_inline))
#else
#define WASM2CPP_OPAQUE_INLINE_ inline
#endif

namespace wasm2cpp {

// Returns `fn` unchanged, hidden from the optimiser.
//
// In guard-page mode a memory access can throw (the runtime turns the fault
// into a Trap), which compilers do not model: a function whose body makes no
// potentially-throwing call is deduced nothrow (GCC even at -O0, clang too),
// and a caller that has a try block or objects with destructors then drops
// its handler, or its call-site entry (std::terminate), for that call.
// Frames that catch or clean up must call guest code that may fault through
// an opaque pointer: a call to an unknown function is assumed to throw.
// Function<> and FuncRef calls already are such calls.
template <typename F>
inline F* opaque_fn(F* fn) noexcept {
#if defined(__GNUC__)
  asm("" : "+r"(fn));
#endif
  return fn;
}

// An optimisation barrier for one float value: the compiler must assume the
// result is unknown. Compilers assume NaNs never signal, so they fold
// x * 1.0, x / 1.0, x - 0.0, -0.0 - x and demote(promote(x)) to x (or -x),
// which returns a signalling NaN where WebAssembly requires a quiet one. The
// emitter routes such constants (and every promote) through this; it costs
// at most a register move.
template <typename T>
WASM2CPP_OPAQUE_INLINE_ T opaque(T x) {
#if (defined(__x86_64__) || defined(__i386__)) && defined(__SSE2__)
  __asm__("" : "+x"(x));
#elif defined(__aarch64__)
  __asm__("" : "+w"(x));
#else
  __asm__("" : "+m"(x));
#endif
  return x;
}

}  // namespace wasm2cpp
