// The module decoder's driver: header, section framing and order, and the
// cross-section consistency checks (function/code and data count/data).
// Each section's contents are decoded by its own section_<name>.cpp.
#include "decode/decode_module.hpp"

#include <fmt/format.h>

#include "decode/sections.hpp"

namespace wasm2cpp {

namespace {

using decode::DecodeContext;
using decode::SectionId;

constexpr uint32_t kMagic = 0x6d736100;  // "\0asm" read little-endian
constexpr uint32_t kVersion = 1;

// Position of each known section in the required order (custom sections are
// exempt). The data count section sits between element and code; the tag
// section (exceptions) between memory and global.
int section_rank(SectionId id) {
  switch (id) {
    case SectionId::Type: return 1;
    case SectionId::Import: return 2;
    case SectionId::Function: return 3;
    case SectionId::Table: return 4;
    case SectionId::Memory: return 5;
    case SectionId::Tag: return 6;
    case SectionId::Global: return 7;
    case SectionId::Export: return 8;
    case SectionId::Start: return 9;
    case SectionId::Element: return 10;
    case SectionId::DataCount: return 11;
    case SectionId::Code: return 12;
    case SectionId::Data: return 13;
    case SectionId::Custom: return 0;
  }
  return -1;
}

const char* section_name(SectionId id) {
  switch (id) {
    case SectionId::Custom: return "custom";
    case SectionId::Type: return "type";
    case SectionId::Import: return "import";
    case SectionId::Function: return "function";
    case SectionId::Table: return "table";
    case SectionId::Memory: return "memory";
    case SectionId::Global: return "global";
    case SectionId::Export: return "export";
    case SectionId::Start: return "start";
    case SectionId::Element: return "element";
    case SectionId::Code: return "code";
    case SectionId::Data: return "data";
    case SectionId::DataCount: return "data count";
    case SectionId::Tag: return "tag";
  }
  return "?";
}

Expected<void> decode_section_payload(SectionId id, ByteCursor& payload, DecodeContext& ctx) {
  switch (id) {
    case SectionId::Custom: return decode::decode_custom_section(payload, ctx);
    case SectionId::Type: return decode::decode_type_section(payload, ctx);
    case SectionId::Import: return decode::decode_import_section(payload, ctx);
    case SectionId::Function: return decode::decode_function_section(payload, ctx);
    case SectionId::Table: return decode::decode_table_section(payload, ctx);
    case SectionId::Memory: return decode::decode_memory_section(payload, ctx);
    case SectionId::Global: return decode::decode_global_section(payload, ctx);
    case SectionId::Export: return decode::decode_export_section(payload, ctx);
    case SectionId::Start: return decode::decode_start_section(payload, ctx);
    case SectionId::Element: return decode::decode_element_section(payload, ctx);
    case SectionId::Code: return decode::decode_code_section(payload, ctx);
    case SectionId::Data: return decode::decode_data_section(payload, ctx);
    case SectionId::DataCount: return decode::decode_data_count_section(payload, ctx);
    case SectionId::Tag: return decode::decode_tag_section(payload, ctx);
  }
  return payload.error_here("malformed section id");
}

// Rejects ids that do not exist or whose feature is disabled.
Expected<SectionId> check_section_id(uint8_t byte, const Features& features, uint64_t at) {
  if (byte > static_cast<uint8_t>(SectionId::Tag))
    return make_error(fmt::format("malformed section id {}", byte), at);
  const auto id = static_cast<SectionId>(byte);
  if (id == SectionId::DataCount && !features.has(Feature::BulkMemory))
    return make_error("malformed section id 12 " + Features::enable_hint(Feature::BulkMemory), at);
  if (id == SectionId::Tag && !features.has(Feature::Exceptions))
    return make_error("malformed section id 13 " + Features::enable_hint(Feature::Exceptions), at);
  return id;
}

Expected<void> decode_header(ByteCursor& c) {
  const uint64_t magic_at = c.offset();
  if (c.remaining() < 4) return c.error_here("unexpected end");
  TRY_ASSIGN(uint32_t magic, c.read_fixed_u32());
  if (magic != kMagic) return make_error("magic header not detected", magic_at);
  const uint64_t version_at = c.offset();
  if (c.remaining() < 4) return c.error_here("unexpected end");
  TRY_ASSIGN(uint32_t version, c.read_fixed_u32());
  if (version != kVersion)
    return make_error(fmt::format("unknown binary version {}", version), version_at);
  return {};
}

Expected<void> decode_sections(ByteCursor& c, DecodeContext& ctx) {
  int last_rank = 0;
  while (!c.at_end()) {
    const uint64_t section_at = c.offset();
    TRY_ASSIGN(uint8_t id_byte, c.read_u8());
    TRY_ASSIGN(SectionId id, check_section_id(id_byte, ctx.features, section_at));
    const int rank = section_rank(id);
    if (rank != 0) {
      // Duplicates and out-of-order sections both mean the module has
      // content after what must have been its last section of that kind.
      if (rank <= last_rank)
        return make_error(fmt::format("unexpected content after last section ({} section out "
                                      "of order or repeated)",
                                      section_name(id)),
                          section_at);
      last_rank = rank;
    }
    const uint64_t size_at = c.offset();
    TRY_ASSIGN(uint32_t size, c.read_u32());
    if (size > c.remaining())
      return make_error(fmt::format("length out of bounds ({} section size {} exceeds the {} "
                                    "bytes left)",
                                    section_name(id), size, c.remaining()),
                        size_at);
    TRY_ASSIGN(ByteCursor payload, c.sub_cursor(size));
    auto decoded = decode_section_payload(id, payload, ctx);
    if (!decoded) {
      Error error = std::move(decoded).error();
      // The payload cursor ends with the section, so running out of bytes
      // here means the section (not the module) ended early.
      if (error.message == "unexpected end") error.message = "unexpected end of section or function";
      return error;
    }
    if (!payload.at_end()) return payload.error_here("section size mismatch");
  }
  return {};
}

Expected<void> check_section_consistency(const DecodeContext& ctx, uint64_t end_offset) {
  if (ctx.function_section_count.value_or(0) != ctx.code_section_count.value_or(0))
    return make_error("function and code section have inconsistent lengths", end_offset);
  if (ctx.module.data_count &&
      *ctx.module.data_count != ctx.data_section_count.value_or(0))
    return make_error("data count and data section have inconsistent lengths", end_offset);
  return {};
}

}  // namespace

Expected<Module> decode_module(std::vector<uint8_t> bytes, const Features& features) {
  // Offsets are stored as 32 bits throughout the IR.
  if (bytes.size() > 0xffffffffu) return make_error("module too large (over 4 GiB)");
  Module module;
  module.bytes = std::move(bytes);
  ByteCursor c(std::span<const uint8_t>(module.bytes.data(), module.bytes.size()));
  DecodeContext ctx{module, features, {}, {}, {}};
  TRY(decode_header(c));
  TRY(decode_sections(c, ctx));
  TRY(check_section_consistency(ctx, c.offset()));
  return module;
}

}  // namespace wasm2cpp
