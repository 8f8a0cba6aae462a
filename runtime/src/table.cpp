// The trapping bulk table operations, out of line: they are rare, and keeping
// them out of callers spares every instantiation site the code (and GCC's
// -Warray-bounds false positives on constant-propagated trap paths).
#include <cstring>

#include "wasm2cpp/table.hpp"

namespace wasm2cpp {

template <typename Ref>
void BasicTable<Ref>::fill(uint64_t dst, Ref value, uint64_t len) {
  uint64_t n = elements_.size();
  if (dst > n || len > n - dst) trap(TrapKind::TableOutOfBounds);
  Ref* out = elements_.data() + dst;
  for (uint64_t i = 0; i < len; ++i) out[i] = value;
}

template <typename Ref>
void BasicTable<Ref>::copy(BasicTable& dst_table, uint64_t dst, const BasicTable& src_table,
                           uint64_t src, uint64_t len) {
  uint64_t dn = dst_table.elements_.size(), sn = src_table.elements_.size();
  if (dst > dn || len > dn - dst || src > sn || len > sn - src) trap(TrapKind::TableOutOfBounds);
  // Ref is trivially copyable: memmove is exact and overlap-safe.
  if (len != 0)
    std::memmove(dst_table.elements_.data() + dst, src_table.elements_.data() + src,
                 static_cast<size_t>(len) * sizeof(Ref));
}

template <typename Ref>
void BasicTable<Ref>::init(uint64_t dst, const Ref* segment, uint64_t segment_size, uint64_t src,
                           uint64_t len) {
  uint64_t n = elements_.size();
  if (dst > n || len > n - dst || src > segment_size || len > segment_size - src)
    trap(TrapKind::TableOutOfBounds);
  if (len != 0)
    std::memcpy(elements_.data() + dst, segment + src, static_cast<size_t>(len) * sizeof(Ref));
}

template class BasicTable<FuncRef>;
template class BasicTable<ExternRef>;

}  // namespace wasm2cpp
