// WebAssembly exceptions across the host boundary (both ways) and across
// instances: typed payloads, tag identity, rethrow, and traps that stay
// traps inside try blocks (in guard and explicit bounds-check mode).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>

#include "bounds_modes.hpp"
#include "embed_catcher.hpp"
#include "embed_thrower_explicit.hpp"
#include "embed_thrower_guard.hpp"

namespace {

// What the host callback does with its argument.
enum Action : int32_t { kReturn = 0, kThrowHostTag = 1, kThrowInts = 2, kThrowOther = 3,
                        kThrowCpp = 4, kTrap = 5 };

// The thrower module translated in each bounds-check mode.
using Guard = EMBEDDING_TRANSLATION(embed_thrower_guard);
using Explicit = EMBEDDING_TRANSLATION(embed_thrower_explicit);

template <typename Mode>
struct Fixture {
  // The host's own tag, imported by the module: (i32, i64).
  wasm2cpp::Tag host_tag{wasm2cpp::Tag::type_of<int32_t, int64_t>()};
  wasm2cpp::Tag other_tag{wasm2cpp::Tag::type_of<>()};
  typename Mode::Instance instance{typename Mode::Imports{
      .host_callback =
          [this](int32_t action) {
            switch (action) {
              case kReturn: return;
              case kThrowHostTag:
                throw wasm2cpp::Exception::make(host_tag, int32_t{40}, int64_t{2});
              case kThrowInts:
                throw wasm2cpp::Exception::make(instance.ints(), int32_t{1}, int64_t{2});
              case kThrowOther: throw wasm2cpp::Exception::make(other_tag);
              case kThrowCpp: throw std::runtime_error("host error");
              default: throw wasm2cpp::Trap(wasm2cpp::TrapKind::HostTrap);
            }
          },
      .host_host_tag = &host_tag,
  }};
};

template <typename Mode>
class EmbeddingExceptions : public ::testing::Test {};
struct ModeNames {
  template <typename Mode>
  static std::string GetName(int) {
    return std::is_same_v<Mode, Guard> ? "guard" : "explicit";
  }
};
using Modes = ::testing::Types<Guard, Explicit>;
TYPED_TEST_SUITE(EmbeddingExceptions, Modes, ModeNames);

TYPED_TEST(EmbeddingExceptions, GuestExceptionsReachTheHostTyped) {
  Fixture<TypeParam> f;
  auto& m = f.instance;
  try {
    m.throw_ints(-7, int64_t{1} << 40);
    FAIL() << "no exception";
  } catch (const wasm2cpp::Exception& e) {
    EXPECT_TRUE(e.is(m.ints()));
    EXPECT_FALSE(e.is(m.empty()));
    EXPECT_EQ(e.params(), "iI");
    EXPECT_EQ(e.get<int32_t>(0), -7);
    EXPECT_EQ(e.get<int64_t>(1), int64_t{1} << 40);
    EXPECT_EQ((e.values<int32_t, int64_t>()), std::make_tuple(-7, int64_t{1} << 40));
    EXPECT_THROW(e.get<int64_t>(0), std::invalid_argument);  // wrong type
    EXPECT_THROW(e.get<int32_t>(2), std::invalid_argument);  // no such value
    EXPECT_THROW((e.values<int32_t>()), std::invalid_argument);
  }
  try {
    m.throw_floats(1.5f, -0.25);
    FAIL() << "no exception";
  } catch (const wasm2cpp::Exception& e) {
    EXPECT_TRUE(e.is(m.floats()));
    EXPECT_EQ((e.values<float, double>()), std::make_tuple(1.5f, -0.25));
  }
  try {
    m.throw_vec();
    FAIL() << "no exception";
  } catch (const wasm2cpp::Exception& e) {
    ASSERT_TRUE(e.is(m.vec()));
    wasm2cpp::v128 v = e.get<wasm2cpp::v128>(0);
    uint32_t lanes[4];
    std::memcpy(lanes, v.bytes, sizeof lanes);
    EXPECT_EQ(lanes[0], 1u);
    EXPECT_EQ(lanes[3], 4u);
  }
  int host_object = 0;
  try {
    m.throw_ref(wasm2cpp::ExternRef{&host_object});
    FAIL() << "no exception";
  } catch (const wasm2cpp::Exception& e) {
    EXPECT_TRUE(e.is(m.ref()));
    EXPECT_EQ(e.get<wasm2cpp::ExternRef>(0).value, &host_object);
  }
  // An uncaught wasm exception is also a std::exception for generic hosts.
  EXPECT_THROW(m.throw_empty(), std::exception);
  // The imported host tag keeps the host's identity.
  try {
    m.throw_host_tag(3, 4);
    FAIL() << "no exception";
  } catch (const wasm2cpp::Exception& e) {
    EXPECT_EQ(e.tag(), &f.host_tag);
    EXPECT_EQ(e.get<int64_t>(1), 4);
  }
}

TYPED_TEST(EmbeddingExceptions, HostExceptionsAreCaughtByTheGuest) {
  Fixture<TypeParam> f;
  auto& m = f.instance;
  EXPECT_EQ(m.call_and_catch(kReturn), 0);
  EXPECT_EQ(m.call_and_catch(kThrowHostTag), 42);  // payload 40 + 2
  EXPECT_EQ(m.call_and_catch(kThrowInts), -1);     // the module's own exported tag
  EXPECT_EQ(m.call_and_catch(kThrowOther), -2);    // an unknown tag: catch_all
  // Neither C++ exceptions nor traps are wasm exceptions: catch_all lets
  // them pass.
  EXPECT_THROW(m.call_and_catch(kThrowCpp), std::runtime_error);
  EXPECT_THROW(m.call_and_catch(kTrap), wasm2cpp::Trap);
  // A tag mismatch in a host-made exception is caught at the host.
  EXPECT_THROW(wasm2cpp::Exception::make(f.host_tag, 1.0), std::invalid_argument);
}

TYPED_TEST(EmbeddingExceptions, RethrowKeepsTagAndPayload) {
  Fixture<TypeParam> f;
  auto& m = f.instance;
  try {
    m.count_and_rethrow(kThrowHostTag);
    FAIL() << "no exception";
  } catch (const wasm2cpp::Exception& e) {
    EXPECT_TRUE(e.is(f.host_tag));
    EXPECT_EQ((e.values<int32_t, int64_t>()), std::make_tuple(40, int64_t{2}));
  }
  m.count_and_rethrow(kReturn);
  EXPECT_THROW(m.count_and_rethrow(kTrap), wasm2cpp::Trap);  // not counted
  EXPECT_EQ(m.count(), 1);
}

TYPED_TEST(EmbeddingExceptions, TrapsInsideTryBlocksStayTraps) {
  Fixture<TypeParam> f;
  auto& m = f.instance;
  EXPECT_EQ(m.load_in_try(0), 0);
  try {
    m.load_in_try(65536);
    FAIL() << "no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::MemoryOutOfBounds);
  }
  EXPECT_THROW(m.load_in_try(-4), wasm2cpp::Trap);
  try {
    m.unreachable_in_try();
    FAIL() << "no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::Unreachable);
  }
  try {
    m.recurse_in_try();
    FAIL() << "no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::CallStackExhausted);
  }
  // The instance stays usable.
  EXPECT_EQ(m.call_and_catch(kThrowHostTag), 42);
}

TEST(EmbeddingExceptionsLinking, ExceptionsCrossInstancesByTagIdentity) {
  wasm2cpp::Tag host_tag(wasm2cpp::Tag::type_of<int32_t, int64_t>());
  embed_thrower_guard::Instance thrower(embed_thrower_guard::Imports{
      .host_callback = [](int32_t) {},
      .host_host_tag = &host_tag,
  });
  wasm2cpp::Linker linker;
  linker.define_instance("thrower", thrower.exports());
  embed_catcher::Instance catcher(linker);
  EXPECT_EQ(catcher.catch_from(0, 5), 105);   // thrower's ints tag, payload (5, 100)
  EXPECT_EQ(catcher.catch_from(1, 0), -1);    // thrower's empty tag
  EXPECT_EQ(catcher.catch_from(2, 0), -2);    // floats: not imported, catch_all
  EXPECT_EQ(catcher.catch_from(3, 7), 1007);  // its own tag
  EXPECT_EQ(catcher.catch_from(4, 0), 0);
  EXPECT_EQ(&thrower.exports().tag("ints"), &thrower.ints());

  // A tag of another type does not link.
  wasm2cpp::Linker wrong;
  wrong.define_instance("thrower", thrower.exports());
  wasm2cpp::Tag wrong_tag(wasm2cpp::Tag::type_of<int32_t>());
  wrong.define("thrower", "ints", &wrong_tag);
  try {
    embed_catcher::Instance bad(wrong);
    FAIL() << "linked";
  } catch (const wasm2cpp::LinkError& e) {
    EXPECT_NE(std::string(e.what()).find("incompatible import type"), std::string::npos);
  }
  // Neither does a missing one.
  wasm2cpp::Linker missing;
  EXPECT_THROW(embed_catcher::Instance{missing}, wasm2cpp::LinkError);
}

}  // namespace
