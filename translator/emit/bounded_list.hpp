// A list of at most N values stored in place: the straight-line analyses
// (load_uses*.cpp) track which stack slots and locals hold a value within a
// window of a fixed number of instructions, so their lists are bounded and
// need no heap allocation per load.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

#include "support/invariant.hpp"

namespace wasm2cpp::emit {

template <typename T, size_t N>
class BoundedList {
 public:
  BoundedList() = default;
  BoundedList(std::initializer_list<T> values) {
    for (const T& v : values) push_back(v);
  }

  void push_back(const T& v) {
    WASM2CPP_INVARIANT(size_ < N);
    items_[size_++] = v;
  }
  bool contains(const T& v) const { return std::find(begin(), end(), v) != end(); }
  // Removes every element equal to `v` / satisfying `pred`, keeping the order.
  void erase(const T& v) {
    erase_if([&](const T& x) { return x == v; });
  }
  template <typename Pred>
  void erase_if(Pred pred) {
    size_ = static_cast<size_t>(std::remove_if(items_.begin(), items_.begin() + size_, pred) -
                                items_.begin());
  }
  void clear() { size_ = 0; }

  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  const T* begin() const { return items_.data(); }
  const T* end() const { return items_.data() + size_; }
  const T& operator[](size_t i) const { return items_[i]; }

 private:
  std::array<T, N> items_;  // [0, size_) in use
  size_t size_ = 0;
};

}  // namespace wasm2cpp::emit
