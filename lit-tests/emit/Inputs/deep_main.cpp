#include <cstdio>

#include "deep.hpp"

int main() {
  deep::Instance m;
  std::printf("%d %d %d %d %d\n", m.deep(0), m.deep(3), m.deep(100), m.ifs(1), m.loops(5));
  return 0;
}
