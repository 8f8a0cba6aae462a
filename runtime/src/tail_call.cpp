// The tail-entry registry: ordinary entry -> tail entry, for funcrefs.
//
// Readers (every return_call_indirect that leaves the trampoline's module or
// that runs under g++) must be fast and lock-free; writers (module load and
// unload: static initialisation and destruction) are rare. So the map is an
// immutable open-addressing table published through an atomic pointer;
// a writer builds a new table under a mutex and swaps it in. Replaced tables
// are kept (never freed): a reader may still be probing one, and the total
// is bounded by a small multiple of the final size (registrations happen
// once per translated module, not per instance).
#include <algorithm>
#include <atomic>
#include <bit>
#include <memory>
#include <mutex>
#include <vector>

#include "wasm2cpp/tail_call.hpp"

namespace wasm2cpp {

namespace {

struct Table {
  // Power of two; at most half full, so probes end at an empty slot.
  size_t mask = 0;
  std::unique_ptr<TailEntryPair[]> storage;
  const TailEntryPair* slots = nullptr;  // storage.get(): a plain pointer for the fast path
};

inline size_t slot_of(void (*code)(), size_t mask) {
  // Fibonacci hashing of the address (low bits are alignment).
  uint64_t key = reinterpret_cast<uintptr_t>(code);
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

// The table readers probe; constant-initialised, so usable from any static
// initialiser and free of a function-local-static guard on the fast path.
constinit std::atomic<const Table*> published{nullptr};

struct Registry {
  std::mutex mutex;
  std::vector<TailEntryPair> entries;           // the live set (under mutex)
  std::vector<std::unique_ptr<Table>> retired;  // every table ever published

  // Under `mutex`: publish a table holding `entries`.
  void publish() {
    auto table = std::make_unique<Table>();
    size_t size = std::bit_ceil(std::max<size_t>(16, entries.size() * 2));
    table->mask = size - 1;
    table->storage = std::make_unique<TailEntryPair[]>(size);
    table->slots = table->storage.get();
    TailEntryPair* slots = table->storage.get();
    for (const TailEntryPair& pair : entries) {
      size_t slot = slot_of(pair.code, table->mask);
      while (slots[slot].code != nullptr && slots[slot].code != pair.code) slot = (slot + 1) & table->mask;
      // Identical-code folding may give two functions one address; their
      // tail entries are then equivalent too, so the first one stays.
      if (slots[slot].code == nullptr) slots[slot] = pair;
    }
    published.store(table.get(), std::memory_order_release);
    retired.push_back(std::move(table));
  }
};

Registry& registry() {
  // Never destroyed: registrations in other translation units may be torn
  // down after this one's statics.
  static Registry* instance = new Registry;
  return *instance;
}

}  // namespace

TailEntryRegistration::TailEntryRegistration(const TailEntryPair* pairs, size_t count)
    : pairs_(pairs), count_(count) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.entries.insert(r.entries.end(), pairs, pairs + count);
  r.publish();
}

TailEntryRegistration::~TailEntryRegistration() {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  // Remove exactly this registration's pairs (one occurrence each: another
  // registration may hold the same pair).
  for (size_t i = 0; i < count_; ++i) {
    auto found = std::find_if(r.entries.begin(), r.entries.end(), [&](const TailEntryPair& p) {
      return p.code == pairs_[i].code && p.entry == pairs_[i].entry;
    });
    if (found != r.entries.end()) r.entries.erase(found);
  }
  r.publish();
}

ErasedTailEntry find_tail_entry(void (*code)()) noexcept {
  const Table* table = published.load(std::memory_order_acquire);
  if (table == nullptr) return nullptr;
  for (size_t slot = slot_of(code, table->mask);; slot = (slot + 1) & table->mask) {
    const TailEntryPair& pair = table->slots[slot];
    if (pair.code == code) return pair.entry;
    if (pair.code == nullptr) return nullptr;
  }
}

}  // namespace wasm2cpp
