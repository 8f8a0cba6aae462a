// Owner: shared ownership of one type-erased object (a host callable behind
// a Function, the callables a Linker or an instance keeps alive). Copies
// share the object; the last one to go destroys it. A reference count and a
// deleter, with no standard library: the module header every generated
// instance file includes must not pull in <memory> (docs/performance.md,
// "Compile cost"). Thread-safe like std::shared_ptr: copies may be made and
// dropped concurrently.
#pragma once

namespace wasm2cpp {

class Owner {
 public:
  constexpr Owner() noexcept = default;
  constexpr Owner(decltype(nullptr)) noexcept {}  // NOLINT(google-explicit-constructor)
  Owner(const Owner& other) noexcept : block_(other.block_) {
    if (block_) __atomic_fetch_add(&block_->refs, 1, __ATOMIC_RELAXED);
  }
  Owner(Owner&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
  Owner& operator=(const Owner& other) noexcept {
    Owner copy(other);
    swap(copy);
    return *this;
  }
  Owner& operator=(Owner&& other) noexcept {
    Owner moved(static_cast<Owner&&>(other));
    swap(moved);
    return *this;
  }
  ~Owner() { release(); }

  // A new object of type T, built from `args`, owned by the result.
  template <typename T, typename... Args>
  static Owner make(Args&&... args) {
    Owner owner;
    owner.block_ = new Holder<T>(static_cast<Args&&>(args)...);
    return owner;
  }

  // The owned object (null when empty).
  void* get() const noexcept { return block_ ? block_->object : nullptr; }
  // How many Owners share the object (0 when empty); for tests.
  long use_count() const noexcept {
    return block_ ? __atomic_load_n(&block_->refs, __ATOMIC_RELAXED) : 0;
  }
  explicit operator bool() const noexcept { return block_ != nullptr; }
  void swap(Owner& other) noexcept {
    Block* b = block_;
    block_ = other.block_;
    other.block_ = b;
  }

  friend bool operator==(const Owner& a, const Owner& b) noexcept { return a.block_ == b.block_; }
  friend bool operator==(const Owner& a, decltype(nullptr)) noexcept { return a.block_ == nullptr; }

 private:
  struct Block {
    long refs = 1;
    void* object = nullptr;
    void (*destroy)(Block*) = nullptr;
  };
  template <typename T>
  struct Holder : Block {
    template <typename... Args>
    explicit Holder(Args&&... args) : value(static_cast<Args&&>(args)...) {
      object = &value;
      destroy = [](Block* block) { delete static_cast<Holder*>(block); };
    }
    T value;
  };

  void release() noexcept {
    if (block_ && __atomic_sub_fetch(&block_->refs, 1, __ATOMIC_ACQ_REL) == 0)
      block_->destroy(block_);
    block_ = nullptr;
  }

  Block* block_ = nullptr;
};

}  // namespace wasm2cpp
