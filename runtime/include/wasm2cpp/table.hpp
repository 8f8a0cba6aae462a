// Tables of funcref or externref. Generated code indexes `elements()` after
// its own bounds check; the host API checks every access.
#pragma once

#include <cstdint>
#include <optional>
#include <type_traits>
#include <vector>

#include "wasm2cpp/trap.hpp"
#include "wasm2cpp/types.hpp"

namespace wasm2cpp {

struct TableLimits {
  uint64_t initial = 0;
  std::optional<uint64_t> maximum;
};

template <typename Ref>
class BasicTable {
  static_assert(std::is_trivially_copyable_v<Ref>);

 public:
  explicit BasicTable(const TableLimits& limits, Ref init = {})
      : limits_(limits), elements_(static_cast<size_t>(limits.initial), init) {}
  BasicTable(const BasicTable&) = delete;
  BasicTable& operator=(const BasicTable&) = delete;

  const TableLimits& limits() const noexcept { return limits_; }
  uint32_t size() const noexcept { return static_cast<uint32_t>(elements_.size()); }
  Ref* elements() noexcept { return elements_.data(); }

  // Host access: throws OutOfBounds.
  Ref get(uint64_t index) const {
    if (index >= elements_.size()) throw OutOfBounds("table index out of bounds");
    return elements_[index];
  }
  void set(uint64_t index, Ref value) {
    if (index >= elements_.size()) throw OutOfBounds("table index out of bounds");
    elements_[index] = value;
  }

  // table.grow semantics: old size, or -1 past the maximum (or 2^32 - 1
  // elements, or a host cap).
  int64_t grow(uint64_t delta, Ref init) noexcept {
    uint64_t old = elements_.size();
    uint64_t limit = limits_.maximum.value_or(0xffffffffu);
    if (limit > cap_) limit = cap_;
    if (delta > limit || old + delta > limit) return -1;
    try {
      elements_.resize(static_cast<size_t>(old + delta), init);
    } catch (...) {
      return -1;
    }
    return static_cast<int64_t>(old);
  }
  void set_max_elements_cap(uint64_t cap) noexcept { cap_ = cap; }

  // table.fill / table.copy / table.init for generated code: trap
  // (TableOutOfBounds) before writing anything when out of range; copy is
  // overlap-safe. Defined in table.cpp for FuncRef and ExternRef tables.
  void fill(uint64_t dst, Ref value, uint64_t len);
  static void copy(BasicTable& dst_table, uint64_t dst, const BasicTable& src_table, uint64_t src,
                   uint64_t len);
  void init(uint64_t dst, const Ref* segment, uint64_t segment_size, uint64_t src, uint64_t len);

 private:
  TableLimits limits_;
  std::vector<Ref> elements_;
  uint64_t cap_ = ~uint64_t{0};
};

extern template class BasicTable<FuncRef>;
extern template class BasicTable<ExternRef>;

using FuncTable = BasicTable<FuncRef>;
using ExternTable = BasicTable<ExternRef>;

}  // namespace wasm2cpp
