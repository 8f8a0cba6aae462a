// Tables: storage, growth and the trapping bulk operations, out of line so
// that table_core.hpp (what generated code includes) needs no <vector>, and
// the rare bulk operations are not instantiated into every caller (which
// also spares GCC's -Warray-bounds false positives on constant-propagated
// trap paths).
#include <cstring>
#include <vector>

#include "wasm2cpp/table.hpp"

namespace wasm2cpp {

template <typename Ref>
struct BasicTable<Ref>::State {
  TableLimits limits;
  std::vector<Ref> elements;
  uint64_t cap = ~uint64_t{0};
};

template <typename Ref>
BasicTable<Ref>::BasicTable(const TableLimits& limits, Ref init)
    : state_(new State{limits, std::vector<Ref>(static_cast<size_t>(limits.initial), init)}) {
  elements_ = state_->elements.data();
  size_ = static_cast<uint32_t>(state_->elements.size());
}

template <typename Ref>
BasicTable<Ref>::~BasicTable() {
  delete state_;
}

template <typename Ref>
const TableLimits& BasicTable<Ref>::limits() const noexcept {
  return state_->limits;
}

template <typename Ref>
Ref BasicTable<Ref>::get(uint64_t index) const {
  if (index >= size_) throw OutOfBounds("table index out of bounds");
  return elements_[index];
}

template <typename Ref>
void BasicTable<Ref>::set(uint64_t index, Ref value) {
  if (index >= size_) throw OutOfBounds("table index out of bounds");
  elements_[index] = value;
}

template <typename Ref>
int64_t BasicTable<Ref>::grow(uint64_t delta, Ref init) noexcept {
  std::vector<Ref>& elements = state_->elements;
  uint64_t old = elements.size();
  uint64_t limit = state_->limits.maximum.value_or(0xffffffffu);
  if (limit > state_->cap) limit = state_->cap;
  if (delta > limit || old + delta > limit) return -1;
  try {
    elements.resize(static_cast<size_t>(old + delta), init);
  } catch (...) {
    return -1;
  }
  elements_ = elements.data();
  size_ = static_cast<uint32_t>(elements.size());
  return static_cast<int64_t>(old);
}

template <typename Ref>
void BasicTable<Ref>::set_max_elements_cap(uint64_t cap) noexcept {
  state_->cap = cap;
}

template <typename Ref>
void BasicTable<Ref>::fill(uint64_t dst, Ref value, uint64_t len) {
  uint64_t n = size_;
  if (dst > n || len > n - dst) trap(TrapKind::TableOutOfBounds);
  Ref* out = elements_ + dst;
  for (uint64_t i = 0; i < len; ++i) out[i] = value;
}

template <typename Ref>
void BasicTable<Ref>::copy(BasicTable& dst_table, uint64_t dst, const BasicTable& src_table,
                           uint64_t src, uint64_t len) {
  uint64_t dn = dst_table.size_, sn = src_table.size_;
  if (dst > dn || len > dn - dst || src > sn || len > sn - src) trap(TrapKind::TableOutOfBounds);
  // Ref is trivially copyable: memmove is exact and overlap-safe.
  if (len != 0)
    std::memmove(dst_table.elements_ + dst, src_table.elements_ + src,
                 static_cast<size_t>(len) * sizeof(Ref));
}

template <typename Ref>
void BasicTable<Ref>::init(uint64_t dst, const Ref* segment, uint64_t segment_size, uint64_t src,
                           uint64_t len) {
  uint64_t n = size_;
  if (dst > n || len > n - dst || src > segment_size || len > segment_size - src)
    trap(TrapKind::TableOutOfBounds);
  if (len != 0)
    std::memcpy(elements_ + dst, segment + src, static_cast<size_t>(len) * sizeof(Ref));
}

template class BasicTable<FuncRef>;
template class BasicTable<ExternRef>;

}  // namespace wasm2cpp
