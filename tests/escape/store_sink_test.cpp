// Guard mode keeps the trap of a load whose value only a store consumes
// (translator/emit/load_uses_stores.cpp): tests/escape/wat/store_sinks.wat
// stores loaded values where the C++ optimiser would delete the store, and
// the loads with it, without wasm2cpp::load_opaque / store_fenced. Compiled
// at -O2 (CMakeLists.txt); each function runs at every address around the
// end of memory and far beyond it, in both bounds modes: a trap exactly
// when address + width > size.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "escape_store_sinks_explicit.hpp"
#include "escape_store_sinks_guard.hpp"
#include "escape_support.hpp"

namespace {

using escape::expect_trap;
using wasm2cpp::TrapKind;

template <typename Instance>
class StoreSink : public testing::Test {
 protected:
  struct Case {
    const char* name;
    uint32_t width;
    std::function<void(Instance&, uint32_t)> run;
  };

  static void sweep_all(const std::vector<Case>& cases) {
    Instance m;
    const uint64_t size = m.memory().size_bytes();
    for (const Case& c : cases) {
      std::vector<uint64_t> addresses;
      for (uint64_t a = size - c.width - 3; a <= size + 3; ++a) addresses.push_back(a);
      for (uint64_t a : {0x2afull + size, 0x80000000ull, 0xfffffff0ull, 0xffffffffull}) addresses.push_back(a);
      for (uint64_t a : addresses) {
        const std::string what = std::string(c.name) + " at " + std::to_string(a);
        if (a + c.width <= size)
          EXPECT_NO_THROW(c.run(m, uint32_t(a))) << what;
        else
          expect_trap([&] { c.run(m, uint32_t(a)); }, TrapKind::MemoryOutOfBounds, what);
      }
    }
  }
};

using BoundsModes = testing::Types<escape_store_sinks_guard::Instance, escape_store_sinks_explicit::Instance>;
TYPED_TEST_SUITE(StoreSink, BoundsModes);

#define SINK(name, width) \
  { #name, width, [](TypeParam& m, uint32_t a) { m.name(int32_t(a)); } }

// The plain load of a read-modify-write: the fenced store of the same bytes
// traps for it, and cannot be a no-op store because the other operand is
// opaque (without the launder, `*a = *a + 0` is deleted with its load).
TYPED_TEST(StoreSink, ReadModifyWrite) {
  this->sweep_all({
      SINK(rmw_known_zero_addend, 4),
      SINK(rmw_known_zero_subtrahend_i64, 8),
      SINK(rmw_byte, 1),
      SINK(rmw_self_xor, 4),
  });
}

// A store made dead by a later one: the fence keeps it, and the opaque loads
// feeding it.
TYPED_TEST(StoreSink, StoreOverwrittenLater) {
  this->sweep_all({
      SINK(rmw_then_overwritten, 4),
      SINK(copy_then_overwritten_i32, 4),
      SINK(copy_then_overwritten_i64, 8),
      SINK(copy_then_overwritten_f32, 4),
      SINK(copy_then_overwritten_f64, 8),
      SINK(copy_via_local_then_overwritten, 4),
  });
}

// Values the compiler could fold or narrow without the launder.
TYPED_TEST(StoreSink, FoldedOrNarrowed) {
  this->sweep_all({
      SINK(stored_back, 4),
      SINK(difference_of_same_load, 4),
      SINK(narrow_store, 4),
      SINK(narrow_store_i64, 8),
  });
}

#undef SINK

}  // namespace
