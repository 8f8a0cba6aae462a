// Sorting: introsort-style quicksort (median of three, insertion sort for
// small ranges) of 200k pseudo-random 32-bit keys, n times.
#include "common.h"

#define COUNT 200000
static uint32_t keys[COUNT];

static void insertion_sort(uint32_t* a, int lo, int hi) {
  for (int i = lo + 1; i <= hi; ++i) {
    const uint32_t v = a[i];
    int j = i - 1;
    while (j >= lo && a[j] > v) { a[j + 1] = a[j]; --j; }
    a[j + 1] = v;
  }
}

static void quicksort(uint32_t* a, int lo, int hi) {
  while (hi - lo > 16) {
    const int mid = lo + (hi - lo) / 2;
    uint32_t x = a[lo], y = a[mid], z = a[hi];
    const uint32_t pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    int i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) ++i;
      while (a[j] > pivot) --j;
      if (i <= j) { const uint32_t t = a[i]; a[i] = a[j]; a[j] = t; ++i; --j; }
    }
    // Recurse into the smaller side, loop on the larger: O(log n) stack.
    if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
    else { quicksort(a, i, hi); hi = j; }
  }
  insertion_sort(a, lo, hi);
}

EXPORT uint32_t run(uint32_t n) {
  uint32_t seed = 2024;
  uint32_t hash = MIX_INIT;
  for (uint32_t rep = 0; rep < n; ++rep) {
    for (int i = 0; i < COUNT; ++i) keys[i] = xorshift32(&seed);
    quicksort(keys, 0, COUNT - 1);
    uint32_t unsorted = 0;
    for (int i = 1; i < COUNT; ++i) unsorted += keys[i - 1] > keys[i];
    hash = mix32(mix32(hash, keys[COUNT / 3] ^ keys[COUNT - 1]), unsorted);
  }
  return hash;
}
