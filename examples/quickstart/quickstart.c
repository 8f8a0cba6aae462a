// A small C library compiled to WebAssembly (no libc: -nostdlib). The host
// program main.cpp runs it through the C++ that wasm2cpp generates.

// Provided by the host: the import "env" "report".
__attribute__((import_module("env"), import_name("report"))) void report(int value);

// Fibonacci numbers, 64-bit.
unsigned long long fib(unsigned n) {
  unsigned long long a = 0, b = 1;
  for (unsigned i = 0; i < n; ++i) {
    unsigned long long next = a + b;
    a = b;
    b = next;
  }
  return a;
}

// Counts the primes below `limit` (at most 100000) with a sieve in linear
// memory, reporting every 1000th prime to the host.
static unsigned char composite[100000];
int count_primes(int limit) {
  if (limit > 100000) limit = 100000;
  for (int i = 0; i < limit; ++i) composite[i] = 0;
  int count = 0;
  for (int i = 2; i < limit; ++i) {
    if (composite[i]) continue;
    if (++count % 1000 == 0) report(i);
    for (int j = 2 * i; j < limit; j += i) composite[j] = 1;
  }
  return count;
}

// A buffer the host writes text into, and an in-place reversal of it.
static char text[256];
char* text_buffer(void) { return text; }
int text_capacity(void) { return sizeof text; }

void reverse(char* s, int length) {
  for (int i = 0, j = length - 1; i < j; ++i, --j) {
    char t = s[i];
    s[i] = s[j];
    s[j] = t;
  }
}

// Integer division: traps (in WebAssembly, and so in the generated C++) when
// dividing by zero.
int divide(int a, int b) { return a / b; }
