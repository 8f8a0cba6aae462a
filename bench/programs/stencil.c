// 2-D five-point Jacobi stencil on a float grid, n sweeps.
#include "common.h"

#define W 256
#define H 256
static float grid[2][H][W];

EXPORT uint32_t run(uint32_t n) {
  uint32_t seed = 777;
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) grid[0][y][x] = grid[1][y][x] = (float)(xorshift32(&seed) % 256);
  int src = 0;
  for (uint32_t step = 0; step < n; ++step) {
    const int dst = src ^ 1;
    for (int y = 1; y < H - 1; ++y)
      for (int x = 1; x < W - 1; ++x)
        grid[dst][y][x] = 0.2f * (grid[src][y][x] + grid[src][y - 1][x] + grid[src][y + 1][x] +
                                  grid[src][y][x - 1] + grid[src][y][x + 1]);
    src = dst;
  }
  uint32_t hash = MIX_INIT;
  for (int y = 0; y < H; y += 7)
    for (int x = 0; x < W; x += 5) hash = mix32(hash, (uint32_t)(int32_t)(grid[src][y][x] * 1024.0f));
  return hash;
}
