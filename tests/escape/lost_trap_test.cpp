// Guard mode keeps every trap: an out-of-bounds load traps even when the C++
// optimiser could delete it (its value dies) or narrow it (only some bits
// are used). tests/escape/wat/dead_loads.wat has one function per way a
// value dies; its generated code is compiled at -O2 (CMakeLists.txt), where
// compilers do both. Each runs at every address around the end of memory
// and far beyond it, in both bounds modes: a trap exactly when
// address + width > size.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "escape_dead_loads_explicit.hpp"
#include "escape_dead_loads_guard.hpp"
#include "escape_support.hpp"

namespace {

using escape::expect_trap;
using wasm2cpp::TrapKind;

template <typename Instance>
class LostTrap : public testing::Test {
 protected:
  struct Case {
    const char* name;
    uint32_t width;
    std::function<void(Instance&, uint32_t)> run;
    // Trap an in-bounds run raises (none: kind is ignored).
    bool traps_in_bounds = false;
    TrapKind in_bounds_kind = TrapKind::Unreachable;
  };

  // Every address from width + 3 bytes below the end to 3 above, and far out.
  static void sweep(Instance& m, const Case& c) {
    const uint64_t size = m.memory().size_bytes();
    std::vector<uint64_t> addresses;
    for (uint64_t a = size - c.width - 3; a <= size + 3; ++a) addresses.push_back(a);
    for (uint64_t a : {0x2afull + size, 0x80000000ull, 0xfffffff0ull, 0xffffffffull}) addresses.push_back(a);
    for (uint64_t a : addresses) {
      const std::string what = std::string(c.name) + " at " + std::to_string(a);
      if (a + c.width <= size) {
        if (c.traps_in_bounds)
          expect_trap([&] { c.run(m, uint32_t(a)); }, c.in_bounds_kind, what);
        else
          EXPECT_NO_THROW(c.run(m, uint32_t(a))) << what;
      } else {
        expect_trap([&] { c.run(m, uint32_t(a)); }, TrapKind::MemoryOutOfBounds, what);
      }
    }
  }

  static void sweep_all(const std::vector<Case>& cases) {
    Instance m;
    for (const Case& c : cases) sweep(m, c);
  }
};

using BoundsModes = testing::Types<escape_dead_loads_guard::Instance, escape_dead_loads_explicit::Instance>;
TYPED_TEST_SUITE(LostTrap, BoundsModes);

#define DEAD_LOAD(name, width) \
  { #name, width, [](TypeParam& m, uint32_t a) { m.name(int32_t(a)); } }

// (a) and (g): every load width, the value stored to a local that is then
// overwritten before any use.
TYPED_TEST(LostTrap, LocalOverwrittenAtEveryWidth) {
  this->sweep_all({
      DEAD_LOAD(overwritten_i32_load, 4),
      DEAD_LOAD(overwritten_i64_load, 8),
      DEAD_LOAD(overwritten_f32_load, 4),
      DEAD_LOAD(overwritten_f64_load, 8),
      DEAD_LOAD(overwritten_i32_load8_s, 1),
      DEAD_LOAD(overwritten_i32_load8_u, 1),
      DEAD_LOAD(overwritten_i32_load16_s, 2),
      DEAD_LOAD(overwritten_i32_load16_u, 2),
      DEAD_LOAD(overwritten_i64_load8_s, 1),
      DEAD_LOAD(overwritten_i64_load8_u, 1),
      DEAD_LOAD(overwritten_i64_load16_s, 2),
      DEAD_LOAD(overwritten_i64_load16_u, 2),
      DEAD_LOAD(overwritten_i64_load32_s, 4),
      DEAD_LOAD(overwritten_i64_load32_u, 4),
  });
}

TYPED_TEST(LostTrap, LocalOverwrittenSimd) {
  this->sweep_all({
      DEAD_LOAD(overwritten_v128_load, 16),
      DEAD_LOAD(overwritten_v128_load8x8_s, 8),
      DEAD_LOAD(overwritten_v128_load16x4_u, 8),
      DEAD_LOAD(overwritten_v128_load32x2_s, 8),
      DEAD_LOAD(overwritten_v128_load8_splat, 1),
      DEAD_LOAD(overwritten_v128_load16_splat, 2),
      DEAD_LOAD(overwritten_v128_load32_splat, 4),
      DEAD_LOAD(overwritten_v128_load64_splat, 8),
      DEAD_LOAD(overwritten_v128_load32_zero, 4),
      DEAD_LOAD(overwritten_v128_load64_zero, 8),
      DEAD_LOAD(overwritten_v128_load8_lane, 1),
      DEAD_LOAD(overwritten_v128_load16_lane, 2),
      DEAD_LOAD(overwritten_v128_load32_lane, 4),
      DEAD_LOAD(overwritten_v128_load64_lane, 8),
  });
}

// (b) only the low part used: a compiler narrows the access to it.
TYPED_TEST(LostTrap, PartlyUsedValue) {
  this->sweep_all({
      DEAD_LOAD(wrapped_i64_load, 8),
      DEAD_LOAD(wrapped_i64_load32_u, 4),
      DEAD_LOAD(low_lane_of_v128_load, 16),
      DEAD_LOAD(low_half_of_f64_bits, 8),
  });
}

// (c) masks, shifts, comparisons, narrow stores and sign extensions whose
// result a compiler knows from some bits (or none) of the value.
TYPED_TEST(LostTrap, MaskedOrKnownBits) {
  this->sweep_all({
      DEAD_LOAD(masked_0xff, 4),
      DEAD_LOAD(masked_i64_0xffff, 8),
      DEAD_LOAD(load8_u_shifted_out, 1),
      DEAD_LOAD(load16_u_compared_high, 2),
      DEAD_LOAD(store8_of_i32_load, 4),
      DEAD_LOAD(extend8_of_i64_load, 8),
      DEAD_LOAD(mul_by_zero, 4),
  });
}

// (d) a value stored back where it came from (a no-op store), or stored
// where a later store overwrites it.
TYPED_TEST(LostTrap, StoredBackOrOverwritten) {
  this->sweep_all({
      DEAD_LOAD(stored_back_i32, 4),
      DEAD_LOAD(stored_back_i64, 8),
      DEAD_LOAD(stored_back_v128, 16),
      DEAD_LOAD(store_overwritten, 4),
      DEAD_LOAD(global_overwritten, 4),
  });
}

// (e) a condition whose outcomes do the same thing.
TYPED_TEST(LostTrap, EqualArms) {
  this->sweep_all({
      DEAD_LOAD(select_equal_arms, 4),
      DEAD_LOAD(if_equal_arms, 4),
      DEAD_LOAD(br_if_to_next, 4),
  });
}

// (f) used only on a path that is not taken, or returned to a caller that
// ignores it (the callee is inlined).
TYPED_TEST(LostTrap, UsedOnlyOnAnotherPath) {
  this->sweep_all({
      {"used_if_taken", 4, [](TypeParam& m, uint32_t a) { m.used_if_taken(int32_t(a), 0); }},
      DEAD_LOAD(returned_then_ignored, 4),
  });
}

// Values the analysis proves consumed in full (no barrier): the address of
// a later load, a divisor, a trapping truncation's operand. Memory is zero,
// so the division traps in bounds (after the load, which comes first).
TYPED_TEST(LostTrap, ConsumedValuesTrapWithoutBarrier) {
  this->sweep_all({
      DEAD_LOAD(address_of_dropped_load, 4),
      DEAD_LOAD(address_via_local, 4),
      {"divisor", 4, [](TypeParam& m, uint32_t a) { m.divisor(int32_t(a)); }, true,
       TrapKind::IntegerDivideByZero},
      DEAD_LOAD(truncated_float, 4),
  });
}

// A loaded value computed with a constant into a later load's address or a
// divisor. load_uses.cpp gives each of these a barrier (arithmetic is not a
// sink). Without it, g++ 12 and clang++ 14 -O2 lose the trap of the
// divisor computed by extend + 1 (never 0: division and load deleted), the
// mask, the byte shifted out, the wrap and the constant-first case (the
// load is narrowed to bytes that are in bounds). These are the cases any
// future "arithmetic carries the demand" rule must pass
// (docs/generated-code.md).
TYPED_TEST(LostTrap, ComputedWithConstant) {
  this->sweep_all({
      DEAD_LOAD(address_plus_const, 4),
      DEAD_LOAD(address_shl_const, 4),
      DEAD_LOAD(address_shr_const, 4),
      DEAD_LOAD(address_mul_const_via_local, 2),
      DEAD_LOAD(divisor_xor_const, 4),
      DEAD_LOAD(divisor_extended, 4),
      DEAD_LOAD(address_masked, 4),
      DEAD_LOAD(address_shl_past_top, 4),
      DEAD_LOAD(address_mul_by_256, 4),
      DEAD_LOAD(address_byte_shifted_out, 1),
      DEAD_LOAD(address_wrapped, 8),
      DEAD_LOAD(address_const_first, 4),
  });
}

// A load covered by an earlier one through the same base (which ends
// further out) has no barrier: the earlier one traps first. Its range here
// is [a, a + 8).
TYPED_TEST(LostTrap, CoveredLoadTrapsThroughTheEarlierOne) {
  this->sweep_all({DEAD_LOAD(covered_by_earlier_load, 8)});
}

#undef DEAD_LOAD

}  // namespace
