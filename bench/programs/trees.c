// Allocation-heavy: binary trees (the Benchmarks Game shape) built, walked
// and freed through a size-class free-list allocator, n iterations. The
// allocator is compiled into every build, native included, so all engines
// run the same malloc/free code; only its backing store differs.
#include "common.h"

typedef struct Node {
  struct Node* left;
  struct Node* right;
  uint32_t value;
} Node;

// --- A small malloc: one free list per 16-byte size class over an arena. ---
#define ARENA_BYTES (24u << 20)
#define CLASS_COUNT 16
static uint8_t arena[ARENA_BYTES] __attribute__((aligned(16)));
static uint32_t arena_top;
static void* free_lists[CLASS_COUNT];

static void* bench_malloc(uint32_t size) {
  const uint32_t cls = (size + 15) / 16;  // callers stay below 256 bytes
  if (free_lists[cls]) {
    void* block = free_lists[cls];
    free_lists[cls] = *(void**)block;
    return block;
  }
  const uint32_t bytes = cls * 16;
  if (arena_top + bytes > ARENA_BYTES) return 0;
  void* block = arena + arena_top;
  arena_top += bytes;
  return block;
}

static void bench_free(void* block, uint32_t size) {
  const uint32_t cls = (size + 15) / 16;
  *(void**)block = free_lists[cls];
  free_lists[cls] = block;
}

// --- The trees. ---
static Node* build(uint32_t depth, uint32_t value) {
  Node* node = bench_malloc(sizeof(Node));
  if (!node) return 0;
  node->value = value;
  node->left = depth ? build(depth - 1, 2 * value) : 0;
  node->right = depth ? build(depth - 1, 2 * value + 1) : 0;
  return node;
}

static uint32_t check(const Node* node) {
  if (!node) return 0;
  return 1 + (node->value & 7) + check(node->left) + check(node->right);
}

static void release(Node* node) {
  if (!node) return;
  release(node->left);
  release(node->right);
  bench_free(node, sizeof(Node));
}

EXPORT uint32_t run(uint32_t n) {
  arena_top = 0;
  for (int i = 0; i < CLASS_COUNT; ++i) free_lists[i] = 0;
  uint32_t hash = MIX_INIT;
  Node* long_lived = build(16, 1);
  for (uint32_t rep = 0; rep < n; ++rep) {
    for (uint32_t depth = 4; depth <= 14; depth += 2) {
      const uint32_t trees = 1u << (14 - depth);
      uint32_t total = 0;
      for (uint32_t t = 0; t < trees; ++t) {
        Node* tree = build(depth, t + rep);
        total += check(tree);
        release(tree);
      }
      hash = mix32(hash, total);
    }
  }
  hash = mix32(hash, check(long_lived));
  release(long_lived);
  return hash;
}
