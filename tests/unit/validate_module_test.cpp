// One test per module-level validation rule (spec 3.4), plus C.refs.
#include "validate/validate_module.hpp"

#include <gtest/gtest.h>

#include "decode/decode_module.hpp"
#include "wasm_builder.hpp"

namespace wasm2cpp {
namespace {

namespace wb = wasm_builder;

using wb::Bytes;
using wb::ModuleBuilder;

Expected<Module> decode_and_validate(const ModuleBuilder& b, const Features& f = Features()) {
  auto m = decode_module(b.build(), f);
  if (!m) return std::move(m).error();
  auto v = validate_module(*m, f);
  if (!v) return std::move(v).error();
  return m;
}

void expect_valid(const ModuleBuilder& b, const Features& f = Features()) {
  auto m = decode_and_validate(b, f);
  EXPECT_TRUE(m.ok()) << m.error().message;
}

// Validation (not decoding) must fail, with a message starting as the
// spec's does.
void expect_invalid(const ModuleBuilder& b, const std::string& message,
                    const Features& f = Features()) {
  auto decoded = decode_module(b.build(), f);
  ASSERT_TRUE(decoded.ok()) << "should decode: " << decoded.error().message;
  auto v = validate_module(*decoded, f);
  ASSERT_FALSE(v.ok()) << "expected invalid: " << message;
  EXPECT_EQ(v.error().message.substr(0, message.size()), message)
      << "actual: " << v.error().message;
}

ModuleBuilder with_global(uint8_t type, const Bytes& init, const Bytes& imports = Bytes()) {
  ModuleBuilder b;
  if (imports.size() != 0) b.section(wb::kImportSection, imports);
  b.section(wb::kGlobalSection, Bytes().u32(1).u8(type).u8(0x00).append(init));
  return b;
}

Bytes import_global(uint8_t type, bool is_mutable) {
  return Bytes().u32(1).name("env").name("g").u8(0x03).u8(type).u8(is_mutable ? 1 : 0);
}

TEST(ValidateModule, UnknownTypeIndex) {
  ModuleBuilder defined;
  defined.section(wb::kTypeSection, Bytes().u32(1).func_type({}, {}))
      .section(wb::kFunctionSection, Bytes().u32(1).u32(1))
      .section(wb::kCodeSection, Bytes().u32(1).sized(Bytes().u32(0).u8(wb::kEnd)));
  expect_invalid(defined, "unknown type");

  ModuleBuilder imported;
  imported.section(wb::kImportSection, Bytes().u32(1).name("a").name("b").u8(0x00).u32(0));
  expect_invalid(imported, "unknown type");
}

TEST(ValidateModule, TableLimits) {
  expect_invalid(ModuleBuilder().section(wb::kTableSection,
                                         Bytes().u32(1).raw({wb::kFuncRef, 0x01, 0x02, 0x01})),
                 "size minimum must not be greater than maximum");
  // Any u32 is a valid table size.
  expect_valid(ModuleBuilder().section(
      wb::kTableSection, Bytes().u32(1).u8(wb::kFuncRef).u8(0x01).u32(0).u32(0xffffffffu)));
}

TEST(ValidateModule, MemoryLimits) {
  expect_invalid(ModuleBuilder().section(wb::kMemorySection, Bytes().u32(1).raw({0x01, 0x02, 0x01})),
                 "size minimum must not be greater than maximum");
  expect_invalid(ModuleBuilder().section(wb::kMemorySection, Bytes().u32(1).u8(0x00).u32(65537)),
                 "memory size must be at most 65536 pages (4GiB)");
  expect_invalid(
      ModuleBuilder().section(wb::kMemorySection, Bytes().u32(1).u8(0x01).u32(0).u32(65537)),
      "memory size must be at most 65536 pages (4GiB)");
  expect_valid(
      ModuleBuilder().section(wb::kMemorySection, Bytes().u32(1).u8(0x01).u32(65536).u32(65536)));
}

TEST(ValidateModule, Memory64Limits) {
  Features mem64;
  mem64.set(Feature::Memory64, true);
  expect_valid(ModuleBuilder().section(wb::kMemorySection,
                                       Bytes().u32(1).u8(0x04).u32(uint64_t{1} << 48)),
               mem64);
  expect_invalid(ModuleBuilder().section(wb::kMemorySection,
                                         Bytes().u32(1).u8(0x04).u32((uint64_t{1} << 48) + 1)),
                 "memory size must be at most", mem64);
}

TEST(ValidateModule, SharedMemoryNeedsMaximum) {
  Features threads;
  threads.set(Feature::Threads, true);
  expect_invalid(ModuleBuilder().section(wb::kMemorySection, Bytes().u32(1).raw({0x02, 0x01})),
                 "shared memory must have maximum", threads);
  expect_valid(ModuleBuilder().section(wb::kMemorySection, Bytes().u32(1).raw({0x03, 0x01, 0x02})),
               threads);
}

TEST(ValidateModule, MultipleMemoriesNeedMultiMemory) {
  ModuleBuilder two;
  two.section(wb::kImportSection, Bytes().u32(1).name("a").name("m").u8(0x02).raw({0x00, 0x00}))
      .section(wb::kMemorySection, Bytes().u32(1).raw({0x00, 0x00}));
  expect_invalid(two, "multiple memories");
  Features multi;
  multi.set(Feature::MultiMemory, true);
  expect_valid(two, multi);
}

TEST(ValidateModule, MultipleTablesNeedReferenceTypes) {
  ModuleBuilder two;
  two.section(wb::kTableSection,
              Bytes().u32(2).raw({wb::kFuncRef, 0x00, 0x00, wb::kFuncRef, 0x00, 0x00}));
  expect_valid(two);
  Features mvp = Features::none();
  expect_invalid(two, "multiple tables", mvp);
}

TEST(ValidateModule, GlobalInitMustBeConstant) {
  expect_invalid(with_global(wb::kI32, Bytes().raw({0x01, wb::kEnd})),
                 "constant expression required");  // nop
  expect_invalid(with_global(wb::kI32, Bytes().raw({0x41, 0x00, 0x41, 0x00, 0x6a, wb::kEnd})),
                 "constant expression required");  // i32.add without extended-const
  expect_invalid(with_global(wb::kI32, Bytes().raw({0x41, 0x00, 0x68, wb::kEnd})),
                 "constant expression required");  // i32.ctz
  expect_invalid(with_global(wb::kI32, Bytes().raw({0x20, 0x00, wb::kEnd})),
                 "constant expression required");  // local.get
  expect_invalid(with_global(wb::kI32, Bytes().raw({0x02, 0x40, wb::kEnd, 0x41, 0x00, wb::kEnd})),
                 "constant expression required");  // block
}

TEST(ValidateModule, GlobalInitType) {
  expect_invalid(with_global(wb::kI32, Bytes().raw({0x43, 0, 0, 0, 0, wb::kEnd})),
                 "type mismatch");  // f32.const for i32
  expect_invalid(with_global(wb::kI32, Bytes().u8(wb::kEnd)), "type mismatch");  // empty
  expect_invalid(with_global(wb::kI32, Bytes().raw({0x41, 0x00, 0x41, 0x00, wb::kEnd})),
                 "type mismatch");  // two values
  expect_invalid(with_global(wb::kFuncRef, Bytes().ref_null(wb::kExternRef)), "type mismatch");
  expect_valid(with_global(wb::kI64, Bytes().i64_const(-1)));
  expect_valid(with_global(wb::kF64, Bytes().raw({0x44, 0, 0, 0, 0, 0, 0, 0, 0, wb::kEnd})));
  expect_valid(with_global(wb::kExternRef, Bytes().ref_null(wb::kExternRef)));
}

TEST(ValidateModule, GlobalGetInConstExprNamesImmutableImportsOnly) {
  expect_valid(with_global(wb::kI32, Bytes().global_get(0), import_global(wb::kI32, false)));
  expect_invalid(with_global(wb::kI32, Bytes().global_get(0), import_global(wb::kI32, true)),
                 "constant expression required");
  expect_invalid(with_global(wb::kI32, Bytes().global_get(1), import_global(wb::kI32, false)),
                 "unknown global");
  expect_invalid(with_global(wb::kI64, Bytes().global_get(0), import_global(wb::kI32, false)),
                 "type mismatch");
  // A defined global is not in scope, even an earlier one.
  ModuleBuilder defined;
  defined.section(wb::kGlobalSection, Bytes()
                                            .u32(2)
                                            .raw({wb::kI32, 0x00}).i32_const(1)
                                            .raw({wb::kI32, 0x00}).global_get(0));
  expect_invalid(defined, "unknown global");
}

TEST(ValidateModule, ExtendedConstArithmetic) {
  Features extended;
  extended.set(Feature::ExtendedConst, true);
  const Bytes add = Bytes().raw({0x41, 0x02, 0x41, 0x03, 0x6a, wb::kEnd});
  expect_valid(with_global(wb::kI32, add), extended);
  expect_invalid(with_global(wb::kI32, Bytes().raw({0x41, 0x02, 0x42, 0x03, 0x6a, wb::kEnd})),
                 "type mismatch", extended);
  expect_invalid(with_global(wb::kI64, Bytes().raw({0x41, 0x02, 0x41, 0x03, 0x6a, wb::kEnd})),
                 "type mismatch", extended);
  // Division stays non-constant.
  expect_invalid(with_global(wb::kI32, Bytes().raw({0x41, 0x02, 0x41, 0x03, 0x6d, wb::kEnd})),
                 "constant expression required", extended);
}

TEST(ValidateModule, RefFuncInGlobalInitNeedsExistingFunction) {
  ModuleBuilder b;
  b.empty_functions(1)
      .section(wb::kGlobalSection, Bytes().u32(1).raw({wb::kFuncRef, 0x00}).ref_func(1))
      .empty_code();
  expect_invalid(b, "unknown function");
}

ModuleBuilder with_table_and_elem(uint8_t table_type, const Bytes& segment) {
  ModuleBuilder b;
  b.empty_functions(1)
      .section(wb::kTableSection, Bytes().u32(1).u8(table_type).raw({0x00, 0x01}))
      .section(wb::kElementSection, Bytes().u32(1).append(segment))
      .empty_code();
  return b;
}

TEST(ValidateModule, ElementSegments) {
  expect_valid(with_table_and_elem(wb::kFuncRef, Bytes().u32(0).i32_const(0).u32(1).u32(0)));
  // Unknown table.
  expect_invalid(with_table_and_elem(wb::kFuncRef,
                                     Bytes().u32(2).u32(1).i32_const(0).u8(0x00).u32(1).u32(0)),
                 "unknown table");
  // Offset must be i32.
  expect_invalid(with_table_and_elem(wb::kFuncRef, Bytes().u32(0).i64_const(0).u32(1).u32(0)),
                 "type mismatch");
  // Offset must be constant.
  expect_invalid(with_table_and_elem(wb::kFuncRef,
                                     Bytes().u32(0).raw({0x41, 0x00, 0x45, wb::kEnd}).u32(0)),
                 "constant expression required");
  // Function items into an externref table.
  expect_invalid(with_table_and_elem(wb::kExternRef, Bytes().u32(0).i32_const(0).u32(1).u32(0)),
                 "type mismatch");
  // Unknown function in an item.
  expect_invalid(with_table_and_elem(wb::kFuncRef, Bytes().u32(0).i32_const(0).u32(1).u32(5)),
                 "unknown function");
  // Expression items must have the segment's type.
  expect_invalid(
      with_table_and_elem(wb::kFuncRef,
                          Bytes().u32(5).u8(wb::kFuncRef).u32(1).ref_null(wb::kExternRef)),
      "type mismatch");
  expect_valid(with_table_and_elem(
      wb::kExternRef, Bytes().u32(5).u8(wb::kExternRef).u32(1).ref_null(wb::kExternRef)));
  // Passive and declarative segments need no table.
  ModuleBuilder no_table;
  no_table.empty_functions(1)
      .section(wb::kElementSection, Bytes().u32(2).u32(1).u8(0x00).u32(1).u32(0).u32(3).u8(0x00).u32(1).u32(0))
      .empty_code();
  expect_valid(no_table);
}

ModuleBuilder with_memory_and_data(uint8_t memory_flags, const Bytes& segment,
                                   const Bytes& imports = Bytes()) {
  ModuleBuilder b;
  if (imports.size() != 0) b.section(wb::kImportSection, imports);
  b.section(wb::kMemorySection, Bytes().u32(1).u8(memory_flags).u32(1))
      .section(wb::kDataSection, Bytes().u32(1).append(segment));
  return b;
}

TEST(ValidateModule, DataSegments) {
  expect_valid(with_memory_and_data(0x00, Bytes().u32(0).i32_const(0).name("hi")));
  expect_invalid(ModuleBuilder().section(wb::kDataSection,
                                         Bytes().u32(1).u32(0).i32_const(0).name("hi")),
                 "unknown memory");
  expect_invalid(with_memory_and_data(0x00, Bytes().u32(2).u32(1).i32_const(0).name("hi")),
                 "unknown memory");
  expect_invalid(with_memory_and_data(0x00, Bytes().u32(0).i64_const(0).name("hi")),
                 "type mismatch");
  expect_valid(with_memory_and_data(0x00, Bytes().u32(0).global_get(0).name("hi"),
                                    import_global(wb::kI32, false)));
  expect_invalid(with_memory_and_data(0x00, Bytes().u32(0).global_get(0).name("hi"),
                                      import_global(wb::kI32, true)),
                 "constant expression required");
  // Passive segments need no memory.
  expect_valid(ModuleBuilder().section(wb::kDataSection, Bytes().u32(1).u32(1).name("hi")));
}

TEST(ValidateModule, Memory64DataOffsetsAreI64) {
  Features mem64;
  mem64.set(Feature::Memory64, true);
  expect_valid(with_memory_and_data(0x04, Bytes().u32(0).i64_const(0).name("hi")), mem64);
  expect_invalid(with_memory_and_data(0x04, Bytes().u32(0).i32_const(0).name("hi")),
                 "type mismatch", mem64);
}

TEST(ValidateModule, StartFunction) {
  ModuleBuilder ok;
  ok.empty_functions(1).section(wb::kStartSection, Bytes().u32(0)).empty_code();
  expect_valid(ok);

  ModuleBuilder unknown;
  unknown.empty_functions(1).section(wb::kStartSection, Bytes().u32(1)).empty_code();
  expect_invalid(unknown, "unknown function");

  ModuleBuilder wrong_type;
  wrong_type.section(wb::kTypeSection, Bytes().u32(1).func_type({wb::kI32}, {}))
      .section(wb::kImportSection, Bytes().u32(1).name("a").name("f").u8(0x00).u32(0))
      .section(wb::kStartSection, Bytes().u32(0));
  expect_invalid(wrong_type, "start function");
}

TEST(ValidateModule, ExportNamesAreUnique) {
  ModuleBuilder b;
  b.empty_functions(2)
      .section(wb::kExportSection, Bytes().u32(2).name("f").u8(0x00).u32(0).name("f").u8(0x00).u32(1))
      .empty_code();
  expect_invalid(b, "duplicate export name");

  ModuleBuilder different_kinds;
  different_kinds.empty_functions(1)
      .section(wb::kMemorySection, Bytes().u32(1).raw({0x00, 0x00}))
      .section(wb::kExportSection, Bytes().u32(2).name("x").u8(0x00).u32(0).name("x").u8(0x02).u32(0))
      .empty_code();
  expect_invalid(different_kinds, "duplicate export name");
}

TEST(ValidateModule, ExportIndicesInRange) {
  auto exporting = [](uint8_t kind, uint32_t index) {
    ModuleBuilder b;
    b.empty_functions(1)
        .section(wb::kTableSection, Bytes().u32(1).raw({wb::kFuncRef, 0x00, 0x00}))
        .section(wb::kMemorySection, Bytes().u32(1).raw({0x00, 0x00}))
        .section(wb::kGlobalSection, Bytes().u32(1).raw({wb::kI32, 0x01}).i32_const(0))
        .section(wb::kExportSection, Bytes().u32(1).name("e").u8(kind).u32(index))
        .empty_code();
    return b;
  };
  for (uint8_t kind = 0; kind < 4; ++kind) expect_valid(exporting(kind, 0));
  expect_invalid(exporting(0, 1), "unknown function");
  expect_invalid(exporting(1, 1), "unknown table");
  expect_invalid(exporting(2, 1), "unknown memory");
  expect_invalid(exporting(3, 1), "unknown global");
}

TEST(ValidateModule, DeclaredFunctionReferences) {
  // Functions: 0 exported, 1 in an active segment, 2 in a declarative
  // segment, 3 in a global initialiser, 4 only the start function, 5 unused.
  ModuleBuilder b;
  b.empty_functions(6)
      .section(wb::kTableSection, Bytes().u32(1).raw({wb::kFuncRef, 0x00, 0x01}))
      .section(wb::kGlobalSection, Bytes().u32(1).raw({wb::kFuncRef, 0x00}).ref_func(3))
      .section(wb::kExportSection, Bytes().u32(1).name("f0").u8(0x00).u32(0))
      .section(wb::kStartSection, Bytes().u32(4))
      .section(wb::kElementSection, Bytes()
                                          .u32(2)
                                          .u32(0).i32_const(0).u32(1).u32(1)
                                          .u32(3).u8(0x00).u32(1).u32(2))
      .empty_code();
  auto m = decode_and_validate(b);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->declared_func_refs, (std::vector<bool>{true, true, true, true, false, false}));
}

}  // namespace
}  // namespace wasm2cpp
