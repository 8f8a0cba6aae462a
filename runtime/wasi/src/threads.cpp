// wasi-threads: thread-spawn runs each guest thread on its own host thread
// (see wasm2cpp/wasi/threads.hpp for the ABI).
//
// Threads are std::threads kept in a list; each removes nothing itself but
// marks itself finished, and the list is joined when the main thread is
// done. A guest thread that traps or calls proc_exit ends the process at
// once: wasi-threads gives the other threads no chance to continue, and
// their instances share memory the trapping thread may have left
// inconsistent.
#include "wasm2cpp/wasi/threads.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <list>
#include <mutex>
#include <system_error>
#include <thread>

namespace wasm2cpp::wasi {

namespace {

constexpr int32_t kMaxThreadId = 0x1FFFFFFF;

[[noreturn]] void exit_process(int status) {
  std::fflush(nullptr);
  std::_Exit(status);
}

}  // namespace

struct ThreadSpawner::State {
  StartFunction start;
  std::mutex mutex;
  std::list<std::thread> threads;  // guarded by mutex
  std::atomic<int32_t> next_id{1};
  std::atomic<uint32_t> running{0};
  Function<int32_t(int32_t)> spawn_function;  // owns the linker's callable
};

ThreadSpawner::ThreadSpawner(StartFunction start) : state_(std::make_shared<State>()) {
  state_->start = std::move(start);
}

ThreadSpawner::~ThreadSpawner() { finish(kExitRunnerError); }

void ThreadSpawner::define(Linker& linker) {
  state_->spawn_function = Function<int32_t(int32_t)>(
      [this](int32_t start_arg) { return spawn(start_arg); });
  linker.define("wasi", "thread-spawn", state_->spawn_function.ref());
}

int32_t ThreadSpawner::spawn(int32_t start_arg) {
  const int32_t tid = state_->next_id.fetch_add(1);
  if (tid > kMaxThreadId) return -1;
  std::shared_ptr<State> state = state_;
  state->running.fetch_add(1);
  try {
    std::lock_guard<std::mutex> lock(state->mutex);
    state->threads.emplace_back([state, tid, start_arg] {
      try {
        state->start(tid, start_arg);
      } catch (const ProcExit& exit) {
        exit_process(static_cast<int>(exit.code()));
      } catch (const Trap& trap) {
        std::fprintf(stderr, "wasm trap: %s (thread %d)\n", trap.what(), tid);
        exit_process(kExitTrap);
      } catch (const std::exception& error) {
        std::fprintf(stderr, "error: %s (thread %d)\n", error.what(), tid);
        exit_process(kExitRunnerError);
      }
      state->running.fetch_sub(1);
    });
  } catch (const std::system_error&) {
    state->running.fetch_sub(1);
    return -1;  // the host is out of threads
  }
  return tid;
}

uint32_t ThreadSpawner::running() const { return state_->running.load(); }

void ThreadSpawner::finish(int status) {
  if (state_->running.load() != 0) exit_process(status);
  std::list<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    threads.swap(state_->threads);
  }
  // Every thread has left its start function; joining only waits for it to
  // return.
  for (std::thread& thread : threads) thread.join();
}

}  // namespace wasm2cpp::wasi
