// One instance's exports (function, memory, table, global) satisfying another
// instance's imports, through typed Imports and through wasm2cpp::Linker, and
// the LinkErrors a mismatch produces.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "embed_consumer.hpp"
#include "embed_provider.hpp"

namespace {

// Checks that `consumer` really uses `provider`'s objects, not copies.
void expect_shares_everything(embed_provider::Instance& provider,
                              embed_consumer::Instance& consumer) {
  EXPECT_EQ(consumer.call_add(40, 2), 42);

  consumer.store_u32(64, 0xABCD);
  EXPECT_EQ(provider.load_u32(64), 0xABCD);
  EXPECT_EQ(provider.memory().load<uint32_t>(64), 0xABCDu);

  EXPECT_EQ(consumer.call_table(0, 6, 7), 13);  // provider's $add
  EXPECT_EQ(consumer.call_table(1, 6, 7), 42);  // provider's $mul
  EXPECT_THROW(consumer.call_table(2, 6, 7), wasm2cpp::Trap);

  EXPECT_EQ(provider.counter_value(), 7);
  EXPECT_EQ(consumer.bump_counter(), 8);
  EXPECT_EQ(provider.counter_value(), 8);
  EXPECT_EQ(provider.counter().value, 8);
  provider.counter().value = 100;
  EXPECT_EQ(consumer.bump_counter(), 101);
}

// A linker offering `provider`'s exports under the module name "provider".
wasm2cpp::Linker provider_linker(embed_provider::Instance& provider) {
  wasm2cpp::Linker linker;
  linker.define_instance("provider", provider.exports());
  return linker;
}

TEST(EmbeddingLinking, TypedImportsFromAnotherInstance) {
  embed_provider::Instance provider;
  const wasm2cpp::Exports& exports = provider.exports();
  embed_consumer::Instance consumer(embed_consumer::Imports{
      .provider_add = exports.function<int32_t(int32_t, int32_t)>("add"),
      .provider_memory = &provider.memory(),
      .provider_table = &provider.table(),
      .provider_counter = &provider.counter(),
  });
  expect_shares_everything(provider, consumer);
}

TEST(EmbeddingLinking, LinkerDefineInstance) {
  embed_provider::Instance provider;
  wasm2cpp::Linker linker = provider_linker(provider);
  embed_consumer::Instance consumer(linker);
  expect_shares_everything(provider, consumer);
}

TEST(EmbeddingLinking, ImportsLinkResolvesByName) {
  embed_provider::Instance provider;
  wasm2cpp::Linker linker = provider_linker(provider);
  embed_consumer::Imports imports = embed_consumer::Imports::link(linker);
  EXPECT_EQ(imports.provider_memory, &provider.memory());
  EXPECT_EQ(imports.provider_table, &provider.table());
  EXPECT_EQ(imports.provider_counter, &provider.counter());
  embed_consumer::Instance consumer(imports);
  expect_shares_everything(provider, consumer);
}

TEST(EmbeddingLinking, HostFunctionDefinedInLinkerReplacesExport) {
  embed_provider::Instance provider;
  wasm2cpp::Linker linker = provider_linker(provider);
  wasm2cpp::Function<int32_t(int32_t, int32_t)> subtract = [](int32_t a, int32_t b) {
    return a - b;
  };
  linker.define("provider", "add", subtract.ref());
  embed_consumer::Instance consumer(linker);
  EXPECT_EQ(consumer.call_add(40, 2), 38);
}

// A Function defined by value: the Linker, then the instance, own the
// callable; neither the temporary Function nor the Linker must outlive it.
TEST(EmbeddingLinking, LinkerKeepsADefinedHostFunctionAliveForTheInstance) {
  embed_provider::Instance provider;
  auto offset = std::make_shared<int32_t>(1000);
  std::weak_ptr<int32_t> watch = offset;
  std::optional<embed_consumer::Instance> consumer;
  {
    wasm2cpp::Linker linker = provider_linker(provider);
    linker.define("provider", "add",
                  wasm2cpp::Function<int32_t(int32_t, int32_t)>(
                      [offset = std::move(offset)](int32_t a, int32_t b) { return a + b + *offset; }));
    EXPECT_NE(linker.owner("provider", "add"), nullptr);
    EXPECT_EQ(linker.owner("provider", "memory"), nullptr);  // a bare value
    consumer.emplace(linker);
  }
  EXPECT_FALSE(watch.expired());  // the instance holds the lambda
  EXPECT_EQ(consumer->call_add(40, 2), 1042);
  consumer.reset();
  EXPECT_TRUE(watch.expired());  // and let it go with itself
}

// A host callable whose copies are counted: ownership is observable as
// destructor calls, not only through a weak_ptr.
struct CountedOffsetAdd {
  static inline int alive = 0;
  int32_t offset;
  explicit CountedOffsetAdd(int32_t o) : offset(o) { ++alive; }
  CountedOffsetAdd(const CountedOffsetAdd& o) : offset(o.offset) { ++alive; }
  CountedOffsetAdd(CountedOffsetAdd&& o) noexcept : offset(o.offset) { ++alive; }
  ~CountedOffsetAdd() { --alive; }
  int32_t operator()(int32_t a, int32_t b) const { return a + b + offset; }
};

// Through Linker::define: after the Linker (and the Function) are gone, the
// instance alone keeps the callable; destroying the instance destroys it.
TEST(EmbeddingLinking, InstanceKeepsALinkerHostFunctionUntilItGoes) {
  CountedOffsetAdd::alive = 0;
  embed_provider::Instance provider;
  std::optional<embed_consumer::Instance> consumer;
  {
    wasm2cpp::Linker linker = provider_linker(provider);
    linker.define("provider", "add",
                  wasm2cpp::Function<int32_t(int32_t, int32_t)>(CountedOffsetAdd(500)));
    EXPECT_EQ(CountedOffsetAdd::alive, 1);
    consumer.emplace(linker);
    EXPECT_EQ(linker.owner("provider", "add").use_count(), 3);  // linker, instance, ours
  }
  EXPECT_EQ(CountedOffsetAdd::alive, 1);
  EXPECT_EQ(consumer->call_add(40, 2), 542);
  consumer.reset();
  EXPECT_EQ(CountedOffsetAdd::alive, 0);
}

// Through typed Imports (and Imports::link copies): the instance shares the
// Function's callable; neither the Imports nor the Function need outlive it.
TEST(EmbeddingLinking, InstanceKeepsAnImportedFunctionAfterImportsAreGone) {
  CountedOffsetAdd::alive = 0;
  embed_provider::Instance provider;
  std::optional<embed_consumer::Instance> first, second;
  {
    embed_consumer::Imports imports = embed_consumer::Imports::link(provider_linker(provider));
    imports.provider_add = CountedOffsetAdd(7);
    first.emplace(imports);
    embed_consumer::Imports copy = imports;
    second.emplace(copy);
    EXPECT_EQ(imports.provider_add.owner().use_count(), 4);  // imports, copy, 2 instances
  }
  EXPECT_EQ(CountedOffsetAdd::alive, 1);
  EXPECT_EQ(first->call_add(1, 2), 10);
  first.reset();
  EXPECT_EQ(CountedOffsetAdd::alive, 1);
  EXPECT_EQ(second->call_add(1, 2), 10);
  second.reset();
  EXPECT_EQ(CountedOffsetAdd::alive, 0);
}

TEST(EmbeddingLinking, RedefiningAHostFunctionDropsTheOldOwner) {
  wasm2cpp::Linker linker;
  auto state = std::make_shared<int>(0);
  std::weak_ptr<int> watch = state;
  linker.define("env", "f", wasm2cpp::Function<int32_t()>([state = std::move(state)] { return *state; }));
  EXPECT_FALSE(watch.expired());
  wasm2cpp::Function<int32_t()> plain(nullptr, nullptr);
  linker.define("env", "f", plain.ref());
  EXPECT_TRUE(watch.expired());
  EXPECT_EQ(linker.owner("env", "f"), nullptr);
}

TEST(EmbeddingLinking, HostFunctionInSharedTableIsCalledIndirectly) {
  embed_provider::Instance provider;
  wasm2cpp::Linker linker = provider_linker(provider);
  embed_consumer::Instance consumer(linker);

  // The host replaces slot 1 of the provider's table; the consumer's
  // call_indirect through the shared table reaches the host function.
  wasm2cpp::Function<int32_t(int32_t, int32_t)> power = [](int32_t base, int32_t exponent) {
    int32_t result = 1;
    for (int32_t i = 0; i < exponent; ++i) result *= base;
    return result;
  };
  provider.table().set(1, power.ref());
  EXPECT_EQ(consumer.call_table(1, 2, 10), 1024);
  EXPECT_EQ(provider.table().get(1), power.ref());

  // A function of another signature in the slot is a trap, not a miscall.
  wasm2cpp::Function<int32_t(int32_t)> unary = [](int32_t a) { return a; };
  provider.table().set(1, unary.ref());
  try {
    consumer.call_table(1, 2, 10);
    ADD_FAILURE() << "no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::IndirectCallTypeMismatch);
  }
  provider.table().set(1, wasm2cpp::FuncRef{});
  try {
    consumer.call_table(1, 2, 10);
    ADD_FAILURE() << "no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::UninitializedElement);
  }
  // Host table access is bounds-checked.
  EXPECT_THROW(provider.table().get(2), wasm2cpp::OutOfBounds);
  EXPECT_THROW(provider.table().set(2, power.ref()), wasm2cpp::OutOfBounds);
  EXPECT_EQ(consumer.call_table(0, 2, 10), 12);
}

TEST(EmbeddingLinking, ExportedFunctionCallableByName) {
  embed_provider::Instance provider;
  auto add = provider.exports().function<int32_t(int32_t, int32_t)>("add");
  EXPECT_EQ(add(20, 22), 42);
  EXPECT_EQ(add.ref(), provider.exports().func_ref("add"));
  EXPECT_EQ(&provider.exports().memory("memory"), &provider.memory());
  EXPECT_EQ(&provider.exports().func_table("table"), &provider.table());
  EXPECT_EQ(&provider.exports().global<int32_t>("counter"), &provider.counter());
}

TEST(EmbeddingLinking, WrongSignatureFromExportsIsLinkError) {
  embed_provider::Instance provider;
  const wasm2cpp::Exports& exports = provider.exports();
  EXPECT_THROW(exports.function<int32_t(int32_t)>("add"), wasm2cpp::LinkError);
  EXPECT_THROW(exports.function<int64_t(int32_t, int32_t)>("add"), wasm2cpp::LinkError);
  EXPECT_THROW(exports.function<void(int32_t, int32_t)>("add"), wasm2cpp::LinkError);
  EXPECT_THROW(exports.function<int32_t(int32_t, int32_t)>("missing"), wasm2cpp::LinkError);
  // Not a function at all.
  EXPECT_THROW(exports.function<int32_t(int32_t, int32_t)>("memory"), wasm2cpp::LinkError);
  EXPECT_THROW(exports.memory("add"), wasm2cpp::LinkError);
  EXPECT_THROW(exports.global<int64_t>("counter"), wasm2cpp::LinkError);
  // The right signature still works after the failures.
  EXPECT_EQ(exports.function<int32_t(int32_t, int32_t)>("add")(1, 2), 3);
}

// Runs `instantiate` and returns the LinkError message (empty: no error).
template <typename F>
std::string link_error_of(F&& instantiate) {
  try {
    instantiate();
  } catch (const wasm2cpp::LinkError& error) {
    return error.what();
  }
  return "";
}

TEST(EmbeddingLinking, WrongSignatureThroughLinkerIsLinkError) {
  embed_provider::Instance provider;
  wasm2cpp::Linker linker = provider_linker(provider);
  wasm2cpp::Function<int32_t(int32_t)> unary = [](int32_t a) { return a; };
  linker.define("provider", "add", unary.ref());
  std::string message = link_error_of([&] { embed_consumer::Instance consumer(linker); });
  EXPECT_NE(message.find("incompatible import type"), std::string::npos) << message;
  message = link_error_of([&] { (void)embed_consumer::Imports::link(linker); });
  EXPECT_NE(message.find("incompatible import type"), std::string::npos) << message;
}

TEST(EmbeddingLinking, WrongKindThroughLinkerIsLinkError) {
  embed_provider::Instance provider;
  wasm2cpp::Linker linker = provider_linker(provider);
  // A memory where a global is expected.
  linker.define("provider", "counter", &provider.memory());
  std::string message = link_error_of([&] { embed_consumer::Instance consumer(linker); });
  EXPECT_NE(message.find("incompatible import type"), std::string::npos) << message;
}

TEST(EmbeddingLinking, ImmutableGlobalForMutableImportIsLinkError) {
  embed_provider::Instance provider;
  wasm2cpp::Global<int32_t> constant(5, /*mutable_=*/false);
  wasm2cpp::Linker linker = provider_linker(provider);
  linker.define("provider", "counter", &constant);
  EXPECT_THROW(embed_consumer::Instance consumer(linker), wasm2cpp::LinkError);
}

TEST(EmbeddingLinking, MissingImportIsLinkError) {
  wasm2cpp::Linker empty;
  std::string message = link_error_of([&] { embed_consumer::Instance consumer(empty); });
  EXPECT_NE(message.find("unknown import"), std::string::npos) << message;
}

TEST(EmbeddingLinking, TooSmallMemoryOrTableIsLinkError) {
  embed_provider::Instance provider;
  wasm2cpp::Memory no_pages({.initial = 0, .maximum = 1});
  EXPECT_THROW(embed_consumer::Instance consumer(embed_consumer::Imports{
                   .provider_add = provider.exports().function<int32_t(int32_t, int32_t)>("add"),
                   .provider_memory = &no_pages,
                   .provider_table = &provider.table(),
                   .provider_counter = &provider.counter(),
               }),
               wasm2cpp::LinkError);
  wasm2cpp::FuncTable one_slot({.initial = 1, .maximum = std::nullopt});
  EXPECT_THROW(embed_consumer::Instance consumer(embed_consumer::Imports{
                   .provider_add = provider.exports().function<int32_t(int32_t, int32_t)>("add"),
                   .provider_memory = &provider.memory(),
                   .provider_table = &one_slot,
                   .provider_counter = &provider.counter(),
               }),
               wasm2cpp::LinkError);
}

}  // namespace
