// Long function-index element segments (the emitter's compact form) place
// every function where the module says, actively and through table.init.
#include <gtest/gtest.h>

#include "escape_elements_explicit.hpp"
#include "escape_elements_guard.hpp"

namespace {

template <typename Instance>
class ElementSegments : public testing::Test {};
using Modes = testing::Types<escape_elements_guard::Instance, escape_elements_explicit::Instance>;
TYPED_TEST_SUITE(ElementSegments, Modes);

TYPED_TEST(ElementSegments, EveryItemLandsInItsSlot) {
  TypeParam m;
  for (int32_t i = 0; i < 40; ++i) EXPECT_EQ(m.call(i), (i * 7 + i / 3) % 4) << "slot " << i;
  EXPECT_THROW(m.call(40), wasm2cpp::Trap);  // not initialised yet
  m.init_passive();
  for (int32_t i = 0; i < 20; ++i) EXPECT_EQ(m.call(40 + i), (i * 5 + 1) % 4) << "item " << i;
  EXPECT_THROW(m.call(60), wasm2cpp::Trap);
}

}  // namespace
