// A WASI command (DOWNSTREAM_WASI=ON): compiled against wasi-libc by
// wasm2cpp_add_wasm(... WASI) and run by wasm2cpp::wasi's command runner.
#include <stdio.h>

int main(int argc, char** argv) {
  printf("hello from WASI: %s\n", argc > 1 ? argv[1] : "(no argument)");
  return 0;
}
