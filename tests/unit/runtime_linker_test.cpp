// Exports, the Linker and the spec's import-matching rules.
#include <gtest/gtest.h>

#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "wasm2cpp/instance_support.hpp"
#include "wasm2cpp/linker.hpp"

namespace wasm2cpp {
namespace {

int32_t add(void*, int32_t a, int32_t b) { return a + b; }
int32_t add_with_env(void* env, int32_t a, int32_t b) {
  return a + b + *static_cast<int32_t*>(env);
}
void log_value(void*, int32_t) {}

// Runs f, expecting a LinkError whose message starts with `prefix` and
// mentions the import's module and field.
template <typename F>
::testing::AssertionResult link_error(F&& f, const std::string& prefix, const char* module = "m",
                                      const char* field = "f") {
  try {
    f();
  } catch (const LinkError& e) {
    std::string what = e.what();
    if (what.rfind(prefix, 0) != 0)
      return ::testing::AssertionFailure() << "message \"" << what << "\" lacks prefix " << prefix;
    if (what.find(std::string("\"") + module + "\"") == std::string::npos ||
        what.find(std::string("\"") + field + "\"") == std::string::npos)
      return ::testing::AssertionFailure() << "message \"" << what << "\" lacks the names";
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no LinkError";
}

const std::string kUnknown = "unknown import";
const std::string kIncompatible = "incompatible import type";

TEST(RuntimeLinker, ExportsLookupByNameAndKind) {
  Memory memory(Memory::Limits{1, 2});
  FuncTable table(TableLimits{1, 1});
  Global<int64_t> global(5, true);
  Function<int32_t(int32_t, int32_t)> fn(&add, nullptr);
  Exports exports;
  exports.add("add", fn.ref());
  exports.add("memory", &memory);
  exports.add("table", &table);
  exports.add("g", &global);

  EXPECT_EQ(exports.entries().size(), 4u);
  EXPECT_NE(exports.find("memory"), nullptr);
  EXPECT_EQ(exports.find("nope"), nullptr);
  EXPECT_EQ(&exports.memory("memory"), &memory);
  EXPECT_EQ(&exports.func_table("table"), &table);
  EXPECT_EQ(&exports.global<int64_t>("g"), &global);
  EXPECT_EQ(exports.global<int64_t>("g").value, 5);
  EXPECT_EQ((exports.function<int32_t(int32_t, int32_t)>("add")(2, 3)), 5);

  EXPECT_THROW(exports.memory("nope"), LinkError);
  EXPECT_THROW(exports.memory("add"), LinkError);
  EXPECT_THROW(exports.extern_table("table"), LinkError);
  EXPECT_THROW(exports.global<int32_t>("g"), LinkError);
  EXPECT_THROW(exports.func_ref("g"), LinkError);
}

// The table-driven registration generated constructors use: one entry per
// export, each kind from its own array (a defined function from its code
// pointer, type index and the shared env), in order, NUL bytes kept.
TEST(RuntimeLinker, RegisterExportsFromATable) {
  Memory memory(Memory::Limits{1, 2});
  FuncTable funcs(TableLimits{1, 1});
  ExternTable externs(TableLimits{1, 1});
  Global<int32_t> global(7, false);
  Global<int64_t> global64(-3, true);
  Tag tag(Tag::type_of<int32_t>());
  int32_t bias = 100;
  Function<int32_t(int32_t, int32_t)> imported(&add, nullptr);
  const TypeId types[] = {intern_func_type(":"), Function<int32_t(int32_t, int32_t)>::type()};
  const FuncRef imported_refs[] = {imported.ref()};
  Memory* const memories[] = {&memory, &memory};
  FuncTable* const func_tables[] = {&funcs};
  ExternTable* const extern_tables[] = {&externs};
  GlobalBase* const globals[] = {&global, &global64};
  Tag* const tags[] = {&tag};
  static const ExportEntry entries[] = {
      {"biased", 6, ExportKind::Function, 1, reinterpret_cast<void (*)()>(&add_with_env)},
      {"m\0", 2, ExportKind::Memory, 0, nullptr},
      {"imported", 8, ExportKind::ImportedFunction, 0, nullptr},
      {"funcs", 5, ExportKind::FuncTable, 0, nullptr},
      {"externs", 7, ExportKind::ExternTable, 0, nullptr},
      {"g64", 3, ExportKind::Global, 1, nullptr},
      {"g", 1, ExportKind::Global, 0, nullptr},
      {"t", 1, ExportKind::Tag, 0, nullptr},
      {"m2", 2, ExportKind::Memory, 1, nullptr},
  };
  ExportItems items;
  items.env = &bias;
  items.types = types;
  items.funcs = imported_refs;
  items.memories = memories;
  items.func_tables = func_tables;
  items.extern_tables = extern_tables;
  items.globals = globals;
  items.tags = tags;
  Exports exports;
  register_exports(exports, entries, std::size(entries), items);

  ASSERT_EQ(exports.entries().size(), 9u);
  const char* names[] = {"biased", "m", "imported", "funcs", "externs", "g64", "g", "t", "m2"};
  for (size_t i = 0; i < 9; ++i) {
    if (i != 1) {
      EXPECT_EQ(exports.entries()[i].first, names[i]) << i;
    }
  }
  EXPECT_EQ(exports.entries()[1].first, std::string("m\0", 2));
  EXPECT_EQ(exports.find("m"), nullptr);  // the NUL byte is part of the name
  const FuncRef& biased = exports.func_ref("biased");
  EXPECT_EQ(biased.type, types[1]);
  EXPECT_EQ(biased.env, &bias);
  EXPECT_EQ((exports.function<int32_t(int32_t, int32_t)>("biased")(1, 2)), 103);
  EXPECT_EQ((exports.function<int32_t(int32_t, int32_t)>("imported")(1, 2)), 3);
  EXPECT_EQ(&exports.memory(std::string("m\0", 2)), &memory);
  EXPECT_EQ(&exports.memory("m2"), &memory);
  EXPECT_EQ(&exports.func_table("funcs"), &funcs);
  EXPECT_EQ(&exports.extern_table("externs"), &externs);
  EXPECT_THROW(exports.func_table("externs"), LinkError);
  EXPECT_EQ(exports.global<int32_t>("g").value, 7);
  EXPECT_EQ(exports.global<int64_t>("g64").value, -3);
  EXPECT_EQ(&exports.tag("t"), &tag);
}

TEST(RuntimeLinker, ExportsFunctionChecksTheSignature) {
  Function<int32_t(int32_t, int32_t)> fn(&add, nullptr);
  Exports exports;
  exports.add("add", fn.ref());
  try {
    exports.function<int64_t(int32_t, int32_t)>("add");
    FAIL() << "accepted a wrong result type";
  } catch (const LinkError& e) {
    EXPECT_NE(std::string(e.what()).find("(ii:i)"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("(ii:I)"), std::string::npos) << e.what();
  }
  EXPECT_THROW(exports.function<int32_t(int32_t)>("add"), LinkError);
  EXPECT_THROW(exports.function<void(int32_t, int32_t)>("add"), LinkError);
  EXPECT_THROW(exports.function<int32_t(int32_t, int32_t)>("missing"), LinkError);
}

TEST(RuntimeLinker, DefineFindAndRegisterAnInstance) {
  Memory memory(Memory::Limits{1, 2});
  Global<int32_t> g1(1), g2(2);
  Linker linker;
  linker.define("env", "g", &g1);
  EXPECT_EQ(std::get<GlobalBase*>(*linker.find("env", "g")), &g1);
  linker.define("env", "g", &g2);  // redefinition replaces
  EXPECT_EQ(std::get<GlobalBase*>(*linker.find("env", "g")), &g2);
  EXPECT_EQ(linker.find("env", "h"), nullptr);
  EXPECT_EQ(linker.find("en", "vg"), nullptr);

  Exports exports;
  exports.add("mem", &memory);
  exports.add("g", &g1);
  linker.define_instance("spectest", exports);
  EXPECT_EQ(std::get<Memory*>(*linker.find("spectest", "mem")), &memory);
  EXPECT_EQ(std::get<GlobalBase*>(*linker.find("spectest", "g")), &g1);
  EXPECT_EQ(std::get<GlobalBase*>(*linker.find("env", "g")), &g2);
}

// Entries are kept sorted by (module, field): every name, defined in any
// order, must be found exactly, whatever names share its prefix, and a
// redefinition must replace both the value and what keeps it alive.
TEST(RuntimeLinker, ManyNamesInAnyOrderAndRedefinedOwners) {
  std::vector<std::unique_ptr<Global<int32_t>>> globals;
  const std::vector<std::pair<std::string, std::string>> names = {{"m", "b"},
                                                                  {"", ""},
                                                                  {"ab", "c"},
                                                                  {"a", "bc"},
                                                                  {"m", "a"},
                                                                  {"m", ""},
                                                                  {"a", "b"},
                                                                  {"m", "ab"},
                                                                  {"z", "a"},
                                                                  {"", "z"},
                                                                  {std::string("n\0x", 3), "f"},
                                                                  {"n", "f"}};
  Linker linker;
  for (size_t i = 0; i < names.size(); ++i) {
    globals.push_back(std::make_unique<Global<int32_t>>(static_cast<int32_t>(i)));
    linker.define(names[i].first, names[i].second, globals.back().get());
  }
  for (size_t i = 0; i < names.size(); ++i) {
    const ExternValue* found = linker.find(names[i].first, names[i].second);
    ASSERT_NE(found, nullptr) << i;
    EXPECT_EQ(std::get<GlobalBase*>(*found), globals[i].get()) << i;
  }
  EXPECT_EQ(linker.find("m", "c"), nullptr);
  EXPECT_EQ(linker.find("a", "bcd"), nullptr);
  EXPECT_EQ(linker.find("zz", ""), nullptr);

  linker.define("m", "fn", Function<int32_t(int32_t, int32_t)>(add, nullptr));
  EXPECT_EQ(linker.owner("m", "fn"), nullptr);  // a raw code pointer owns nothing
  const int32_t bias = 5;
  linker.define("m", "fn", Function<int32_t(int32_t, int32_t)>([bias](int32_t a, int32_t b) {
                  return a - b + bias;
                }));
  EXPECT_NE(linker.owner("m", "fn"), nullptr);
  linker.define("m", "fn", globals[0].get());  // a bare value drops the callable's owner
  EXPECT_EQ(linker.owner("m", "fn"), nullptr);
  EXPECT_EQ(std::get<GlobalBase*>(*linker.find("m", "fn")), globals[0].get());
  EXPECT_EQ(std::get<GlobalBase*>(*linker.find("m", "b")), globals[0].get());

  Linker copy = linker;  // value semantics
  copy.define("m", "b", globals[1].get());
  EXPECT_EQ(std::get<GlobalBase*>(*linker.find("m", "b")), globals[0].get());
  EXPECT_EQ(std::get<GlobalBase*>(*copy.find("m", "b")), globals[1].get());
}

struct CountedAdd {
  static inline int alive = 0;
  CountedAdd() { ++alive; }
  CountedAdd(const CountedAdd&) { ++alive; }
  CountedAdd(CountedAdd&&) noexcept { ++alive; }
  ~CountedAdd() { --alive; }
  int32_t operator()(int32_t a, int32_t b) const { return a + b; }
};

// Linker::define shares the callable's ownership with the Function; copies
// of the Linker and what Linker::owner returns share it too; the callable
// goes when the last of them does, and a redefinition drops the Linker's
// share.
TEST(RuntimeLinker, DefinedFunctionOwnershipIsShared) {
  CountedAdd::alive = 0;
  Owner kept;
  {
    Linker linker;
    linker.define("m", "f", Function<int32_t(int32_t, int32_t)>(CountedAdd()));
    EXPECT_EQ(CountedAdd::alive, 1);
    Linker copy = linker;
    kept = linker.owner("m", "f");
    EXPECT_EQ(kept, copy.owner("m", "f"));
    EXPECT_EQ(kept.use_count(), 3);  // linker, copy, kept
    copy.define("m", "f", Function<int32_t(int32_t, int32_t)>(add, nullptr));
    EXPECT_EQ(copy.owner("m", "f"), nullptr);
    EXPECT_EQ(kept.use_count(), 2);
    EXPECT_EQ(CountedAdd::alive, 1);
  }
  EXPECT_EQ(CountedAdd::alive, 1);  // `kept` still shares it
  auto f = Function<int32_t(int32_t, int32_t)>::from_ref(
      FuncRef{Function<int32_t(int32_t, int32_t)>::type(), nullptr, kept.get()});
  EXPECT_EQ(f.owner(), nullptr);  // a funcref alone owns nothing
  kept = nullptr;
  EXPECT_EQ(CountedAdd::alive, 0);
}

TEST(RuntimeLinker, FunctionImports) {
  Linker linker;
  Function<int32_t(int32_t, int32_t)> fn(&add, nullptr);
  linker.define("m", "f", fn.ref());
  TypeId ii_i = intern_func_type("ii:i");
  FuncRef got = link::function(linker, "m", "f", ii_i);
  EXPECT_EQ(got, fn.ref());
  EXPECT_TRUE(link_error([&] { link::function(linker, "m", "f", intern_func_type("i:i")); },
                         kIncompatible));
  EXPECT_TRUE(link_error([&] { link::function(linker, "m", "g", ii_i); }, kUnknown, "m", "g"));
  EXPECT_TRUE(link_error([&] { link::function(linker, "x", "f", ii_i); }, kUnknown, "x", "f"));
  Global<int32_t> g;
  linker.define("m", "f", &g);
  EXPECT_TRUE(link_error([&] { link::function(linker, "m", "f", ii_i); }, kIncompatible));

  // Typed Imports structs check their members directly.
  link::check_function(fn.ref(), "m", "f", ii_i);
  EXPECT_TRUE(link_error([&] { link::check_function(FuncRef{}, "m", "f", ii_i); }, kUnknown));
  Function<void(int32_t)> logger(&log_value, nullptr);
  EXPECT_TRUE(
      link_error([&] { link::check_function(logger.ref(), "m", "f", ii_i); }, kIncompatible));
}

TEST(RuntimeLinker, MemoryImportsFollowLimitsSubtyping) {
  Memory memory(Memory::Limits{2, 5});
  Linker linker;
  linker.define("m", "f", &memory);
  EXPECT_EQ(link::memory(linker, "m", "f"), &memory);
  auto check = [&](uint64_t min, std::optional<uint64_t> max) {
    link::check_memory(&memory, "m", "f", min, max, false, false, false);
  };
  check(0, std::nullopt);
  check(2, std::nullopt);
  check(1, 5);
  check(2, 6);
  EXPECT_TRUE(link_error([&] { check(3, std::nullopt); }, kIncompatible));  // min too big
  EXPECT_TRUE(link_error([&] { check(1, 4); }, kIncompatible));             // max too big
  ASSERT_EQ(memory.grow(1), 2);
  check(3, std::nullopt);  // the current size counts, not the initial one

  Memory unbounded(Memory::Limits{1, std::nullopt});
  link::check_memory(&unbounded, "m", "f", 1, std::nullopt, false, false, false);
  EXPECT_TRUE(
      link_error([&] { link::check_memory(&unbounded, "m", "f", 1, 10, false, false, false); },
                 kIncompatible));

  Memory shared(Memory::Limits{1, 1, true, false});
  link::check_memory(&shared, "m", "f", 1, 1, true, false, false);
  EXPECT_TRUE(link_error([&] { link::check_memory(&shared, "m", "f", 1, 1, false, false, false); },
                         kIncompatible));
  EXPECT_TRUE(link_error([&] { link::check_memory(&memory, "m", "f", 1, 5, true, false, false); },
                         kIncompatible));

  Memory wide(Memory::Limits{1, 1, false, true});
  link::check_memory(&wide, "m", "f", 1, 1, false, true, false);
  EXPECT_TRUE(link_error([&] { link::check_memory(&wide, "m", "f", 1, 1, false, false, false); },
                         kIncompatible));
  EXPECT_TRUE(link_error([&] { link::check_memory(&memory, "m", "f", 1, 5, false, true, false); },
                         kIncompatible));
  // A module translated for guard pages refuses an unguarded memory.
  EXPECT_TRUE(link_error([&] { link::check_memory(&wide, "m", "f", 1, 1, false, true, true); },
                         kIncompatible));
  if (memory.guarded()) link::check_memory(&memory, "m", "f", 1, 5, false, false, true);

  EXPECT_TRUE(link_error(
      [&] { link::check_memory(nullptr, "m", "f", 0, std::nullopt, false, false, false); },
      kUnknown));
  Global<int32_t> g;
  linker.define("m", "g", &g);
  EXPECT_TRUE(link_error([&] { link::memory(linker, "m", "g"); }, kIncompatible, "m", "g"));
  EXPECT_TRUE(link_error([&] { link::memory(linker, "m", "zz"); }, kUnknown, "m", "zz"));
}

TEST(RuntimeLinker, TableImportsFollowLimitsSubtypingAndElementType) {
  FuncTable funcs(TableLimits{10, 20});
  ExternTable externs(TableLimits{1, std::nullopt});
  Linker linker;
  linker.define("m", "f", &funcs);
  linker.define("m", "e", &externs);
  EXPECT_EQ(link::table<FuncTable>(linker, "m", "f"), &funcs);
  EXPECT_EQ(link::table<ExternTable>(linker, "m", "e"), &externs);
  EXPECT_TRUE(link_error([&] { link::table<ExternTable>(linker, "m", "f"); }, kIncompatible));
  EXPECT_TRUE(
      link_error([&] { link::table<FuncTable>(linker, "m", "e"); }, kIncompatible, "m", "e"));
  EXPECT_TRUE(link_error([&] { link::table<FuncTable>(linker, "m", "x"); }, kUnknown, "m", "x"));

  link::check_table(&funcs, "m", "f", 10, 20);
  link::check_table(&funcs, "m", "f", 5, std::nullopt);
  EXPECT_TRUE(
      link_error([&] { link::check_table(&funcs, "m", "f", 11, std::nullopt); }, kIncompatible));
  EXPECT_TRUE(link_error([&] { link::check_table(&funcs, "m", "f", 10, 15); }, kIncompatible));
  EXPECT_TRUE(link_error([&] { link::check_table(&externs, "m", "f", 1, 100); }, kIncompatible));
  ASSERT_EQ(funcs.grow(5, {}), 10);
  link::check_table(&funcs, "m", "f", 15, 20);
  EXPECT_TRUE(link_error(
      [&] { link::check_table(static_cast<FuncTable*>(nullptr), "m", "f", 0, std::nullopt); },
      kUnknown));
}

TEST(RuntimeLinker, GlobalImportsMatchTypeAndMutability) {
  Global<int32_t> constant(1, false);
  Global<int32_t> variable(1, true);
  Global<double> real(1.5, false);
  Linker linker;
  linker.define("m", "f", &constant);
  EXPECT_EQ(link::global(linker, "m", "f"), &constant);
  link::check_global(&constant, "m", "f", ValKind::I32, false);
  link::check_global(&variable, "m", "f", ValKind::I32, true);
  link::check_global(&real, "m", "f", ValKind::F64, false);
  EXPECT_TRUE(link_error([&] { link::check_global(&constant, "m", "f", ValKind::I32, true); },
                         kIncompatible));
  EXPECT_TRUE(link_error([&] { link::check_global(&variable, "m", "f", ValKind::I32, false); },
                         kIncompatible));
  EXPECT_TRUE(
      link_error([&] { link::check_global(&real, "m", "f", ValKind::F32, false); }, kIncompatible));
  EXPECT_TRUE(link_error([&] { link::check_global(&constant, "m", "f", ValKind::I64, false); },
                         kIncompatible));
  EXPECT_TRUE(
      link_error([&] { link::check_global(nullptr, "m", "f", ValKind::I32, false); }, kUnknown));
  Memory memory(Memory::Limits{0, 0});
  linker.define("m", "mem", &memory);
  EXPECT_TRUE(link_error([&] { link::global(linker, "m", "mem"); }, kIncompatible, "m", "mem"));
  EXPECT_TRUE(link_error([&] { link::require(linker, "nowhere", "x"); }, kUnknown, "nowhere", "x"));
}

}  // namespace
}  // namespace wasm2cpp
