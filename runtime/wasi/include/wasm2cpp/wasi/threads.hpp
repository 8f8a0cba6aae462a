// wasi-threads for translated programs: the `wasi.thread-spawn` import and
// the `wasi_thread_start` export, run as native threads.
//
// The ABI (github.com/WebAssembly/wasi-threads): the program imports a
// shared memory (`env.memory`) and `wasi.thread-spawn: (i32 start_arg) ->
// i32`, and exports `wasi_thread_start: (i32 tid, i32 start_arg) -> ()`.
// thread-spawn creates a new instance of the same module, linked against the
// same imports (so it shares the memory and the WASI context), on a new host
// thread, and calls its wasi_thread_start(tid, start_arg) there; it returns
// the new thread id (1 ... 0x1FFFFFFF) or a negative value when no thread
// can be created. A trap or proc_exit on any thread ends the whole process
// with the status the main thread would have had (134 for a trap).
//
//   #include "prog.hpp"
//   #include <wasm2cpp/wasi/threads.hpp>
//   int main(int argc, char** argv) {
//     return wasm2cpp::wasi::run_threaded_command<prog::Instance>(
//         argc, argv, {.initial = 17, .maximum = 16384, .shared = true});
//   }
//
// The memory limits must satisfy the module's `env.memory` import (the
// program's link-time --initial-memory / --max-memory).
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "wasm2cpp/linker.hpp"
#include "wasm2cpp/memory.hpp"
#include "wasm2cpp/wasi/command.hpp"
#include "wasm2cpp/wasi/wasi.hpp"

namespace wasm2cpp::wasi {

class ThreadSpawner {
 public:
  // Runs on each new thread: instantiate the module and call its
  // wasi_thread_start(tid, start_arg). Traps and ProcExit thrown from it end
  // the process (see above).
  using StartFunction = std::function<void(int32_t tid, int32_t start_arg)>;

  explicit ThreadSpawner(StartFunction start);
  // Waits for every spawned thread (see finish()).
  ~ThreadSpawner();
  ThreadSpawner(const ThreadSpawner&) = delete;
  ThreadSpawner& operator=(const ThreadSpawner&) = delete;

  // Defines `wasi.thread-spawn` in `linker`, calling spawn(). The spawner
  // must outlive every instance linked with it.
  void define(Linker& linker);

  // thread-spawn: starts a thread, returns its id or -1 (EAGAIN-like: the
  // host could not create a thread, or the ids are exhausted).
  int32_t spawn(int32_t start_arg);

  // Threads spawned and not yet returned from wasi_thread_start.
  uint32_t running() const;

  // The main thread has finished with `status`: when threads are still
  // running the process exits now with that status (wasi-threads: the
  // program ends when its main thread does), otherwise the finished threads
  // are joined and this returns.
  void finish(int status);

 private:
  struct State;
  std::shared_ptr<State> state_;
};

// Instantiates `Instance` against `linker` with thread-spawn defined, the
// shared `memory` as env.memory and WASI from `context`, and runs its
// _start on this thread. Returns 0 (ProcExit and Trap propagate, as for
// run_exports).
template <typename Instance>
int run_threaded(Context& context, Linker& linker, Memory& memory) {
  context.bind_memory(memory);
  context.link(linker);
  linker.define("env", "memory", &memory);
  ThreadSpawner threads([&linker](int32_t tid, int32_t start_arg) {
    Instance thread_instance(linker);
    thread_instance.exports().template function<void(int32_t, int32_t)>("wasi_thread_start")(
        tid, start_arg);
  });
  threads.define(linker);
  Instance instance(linker);
  int status = 0;
  try {
    status = run_exports(context, instance.exports());
  } catch (const ProcExit& exit) {
    threads.finish(static_cast<int>(exit.code()));
    throw;
  } catch (const Trap& trap) {
    // finish() does not return while threads run: say why first.
    if (threads.running() != 0) std::fprintf(stderr, "wasm trap: %s\n", trap.what());
    threads.finish(kExitTrap);
    throw;
  }
  threads.finish(status);
  return status;
}

// run_command() for a wasi-threads program: the same command line, with a
// shared memory of `memory_limits` as env.memory.
template <typename Instance>
int run_threaded_command(int argc, char** argv, Memory::Limits memory_limits,
                         std::string_view program_name = {},
                         const CommandDefaults& defaults = {}) {
  CommandLine command;
  std::string error = parse_command_line(argc, argv, program_name, defaults, command);
  if (!error.empty() || command.help) return print_usage(error);
  memory_limits.shared = true;
  return run_guarded(std::move(command.config), [&](Context& context) {
    Memory memory(memory_limits);
    Linker linker;
    return run_threaded<Instance>(context, linker, memory);
  });
}

}  // namespace wasm2cpp::wasi
