// Dynamic programming: edit distance between two pseudo-random strings of
// length 2000 over a 4-letter alphabet (two rolling rows), n times.
#include "common.h"

#define LEN 2000
static uint8_t s1[LEN], s2[LEN];
static uint32_t row[2][LEN + 1];

static uint32_t min3(uint32_t a, uint32_t b, uint32_t c) {
  uint32_t m = a < b ? a : b;
  return m < c ? m : c;
}

EXPORT uint32_t run(uint32_t n) {
  uint32_t seed = 4242;
  uint32_t hash = MIX_INIT;
  for (uint32_t rep = 0; rep < n; ++rep) {
    for (int i = 0; i < LEN; ++i) {
      s1[i] = (uint8_t)(xorshift32(&seed) & 3);
      s2[i] = (uint8_t)(xorshift32(&seed) & 3);
    }
    for (int j = 0; j <= LEN; ++j) row[0][j] = (uint32_t)j;
    int cur = 0;
    for (int i = 1; i <= LEN; ++i) {
      const int next = cur ^ 1;
      row[next][0] = (uint32_t)i;
      for (int j = 1; j <= LEN; ++j) {
        const uint32_t cost = s1[i - 1] != s2[j - 1];
        row[next][j] = min3(row[cur][j] + 1, row[next][j - 1] + 1, row[cur][j - 1] + cost);
      }
      cur = next;
    }
    hash = mix32(hash, row[cur][LEN]);
  }
  return hash;
}
