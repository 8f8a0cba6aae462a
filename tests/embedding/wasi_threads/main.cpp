// Runs the wasi-threads program counter.wat (see there) as a command, the
// way a user's main() would: run_threaded_command gives it a shared memory
// as env.memory and wasi.thread-spawn backed by native threads.
#include <wasm2cpp/wasi/threads.hpp>

#include "wasi_threads_counter.hpp"

int main(int argc, char** argv) {
  return wasm2cpp::wasi::run_threaded_command<wasi_threads_counter::Instance>(
      argc, argv, {.initial = 1, .maximum = 1, .shared = true, .memory64 = false});
}
