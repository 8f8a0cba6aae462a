// Dense matrix multiply (double, i-k-j order), repeated n times.
#include "common.h"

#define N 160
static double a[N][N], b[N][N], c[N][N];

EXPORT uint32_t run(uint32_t n) {
  uint32_t seed = 12345;
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      a[i][j] = (double)(xorshift32(&seed) % 1000) / 100.0 - 5.0;
      b[i][j] = (double)(xorshift32(&seed) % 1000) / 100.0 - 5.0;
    }
  uint32_t hash = MIX_INIT;
  for (uint32_t rep = 0; rep < n; ++rep) {
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < N; ++j) c[i][j] = 0.0;
    for (int i = 0; i < N; ++i)
      for (int k = 0; k < N; ++k) {
        const double aik = a[i][k];
        for (int j = 0; j < N; ++j) c[i][j] += aik * b[k][j];
      }
    // Feed the result back so repetitions cannot be folded.
    a[rep % N][rep % N] = c[N - 1 - rep % N][rep % N] / 1000.0;
    double trace = 0.0;
    for (int i = 0; i < N; ++i) trace += c[i][i];
    hash = mix32(hash, (uint32_t)(int64_t)(trace * 16.0));
  }
  return hash;
}
