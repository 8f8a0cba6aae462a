// Tables of funcref or externref as generated function bodies see them: the
// element array and size they index after their own bounds check, and the
// out-of-line bulk operations. table.hpp completes the host API
// (TableLimits); the storage lives in table.cpp, so neither needs <vector>.
#pragma once

#include <cstdint>

#include "wasm2cpp/trap_kind.hpp"
#include "wasm2cpp/value_types.hpp"

namespace wasm2cpp {

// initial/maximum elements (table.hpp).
struct TableLimits;

template <typename Ref>
class BasicTable {
  static_assert(__is_trivially_copyable(Ref));

 public:
  explicit BasicTable(const TableLimits& limits, Ref init = {});
  ~BasicTable();
  BasicTable(const BasicTable&) = delete;
  BasicTable& operator=(const BasicTable&) = delete;

  const TableLimits& limits() const noexcept;
  uint32_t size() const noexcept { return size_; }
  Ref* elements() noexcept { return elements_; }

  // Host access: throws OutOfBounds.
  Ref get(uint64_t index) const;
  void set(uint64_t index, Ref value);

  // table.grow semantics: old size, or -1 past the maximum (or 2^32 - 1
  // elements, or a host cap).
  int64_t grow(uint64_t delta, Ref init) noexcept;
  void set_max_elements_cap(uint64_t cap) noexcept;

  // table.fill / table.copy / table.init for generated code: trap
  // (TableOutOfBounds) before writing anything when out of range; copy is
  // overlap-safe.
  void fill(uint64_t dst, Ref value, uint64_t len);
  static void copy(BasicTable& dst_table, uint64_t dst, const BasicTable& src_table, uint64_t src,
                   uint64_t len);
  void init(uint64_t dst, const Ref* segment, uint64_t segment_size, uint64_t src, uint64_t len);

 private:
  // Limits, cap and the element vector (table.cpp).
  struct State;

  Ref* elements_ = nullptr;  // State's vector's data, cached for generated code
  uint32_t size_ = 0;
  State* state_ = nullptr;
};

// Every member is defined in table.cpp for these two.
extern template class BasicTable<FuncRef>;
extern template class BasicTable<ExternRef>;

using FuncTable = BasicTable<FuncRef>;
using ExternTable = BasicTable<ExternRef>;

}  // namespace wasm2cpp
