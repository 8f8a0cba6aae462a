/* Arguments and environment as the runner passes them. */
#include <stdlib.h>

#include "check.h"

extern char** environ;

int main(int argc, char** argv) {
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; ++i) printf("argv[%d]=[%s]\n", i, argv[i]);
  int count = 0;
  for (char** e = environ; *e; ++e) {
    printf("env: %s\n", *e);
    ++count;
  }
  printf("env count=%d\n", count);
  const char* greeting = getenv("GREETING");
  printf("GREETING=%s\n", greeting ? greeting : "(unset)");
  printf("MISSING=%s\n", getenv("MISSING") ? "set" : "(unset)");
  CHECK(argc >= 1);
  return failures();
}
