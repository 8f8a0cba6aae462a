/* Shared by the WASI test programs: CHECK prints a failure and counts it;
   main returns failures() so any broken expectation fails the test. */
#pragma once
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int check_failures = 0;

#define CHECK(cond)                                                                   \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      printf("FAILED %s:%d: %s (errno %d %s)\n", __FILE__, __LINE__, #cond, errno,     \
             strerror(errno));                                                        \
      ++check_failures;                                                               \
    }                                                                                 \
  } while (0)

static inline int failures(void) {
  printf("%s: %d failure(s)\n", check_failures ? "FAIL" : "PASS", check_failures);
  return check_failures ? 1 : 0;
}
