/* Exit paths: return from main, exit(), _Exit() deep in calls, a trap. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static void __attribute__((noinline)) deep(int depth, int code) {
  if (depth == 0) _Exit(code);
  deep(depth - 1, code);
  printf("unreachable\n");
}

int main(int argc, char** argv) {
  if (argc < 3) return 99;
  int code = atoi(argv[2]);
  printf("mode %s code %d\n", argv[1], code);
  fflush(stdout);
  if (!strcmp(argv[1], "return")) return code;
  if (!strcmp(argv[1], "exit")) exit(code);
  if (!strcmp(argv[1], "deep")) deep(50, code);
  if (!strcmp(argv[1], "trap")) __builtin_trap();
  return 98;
}
