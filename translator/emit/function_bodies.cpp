// Function bodies on N threads. The defined functions are cut into chunks of
// consecutive functions (by body size); threads claim chunks in order, the
// calling thread hands finished chunks to the consumer in order (and makes
// chunks itself while the next one is not ready). Nothing on the body path
// is shared and mutable: each thread has its own validator and IR, the
// emitter's only reused buffer is thread_local, and ModuleInfo, the Module
// and the options are only read.
#include "emit/function_bodies.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "validate/function_validator.hpp"

namespace wasm2cpp::emit {

namespace {

// SIMD helpers are included only where a function uses v128 values: every
// SIMD instruction reads or writes a v128 stack slot.
bool uses_simd(const FunctionIR& ir) {
  const uint8_t v128_bit = static_cast<uint8_t>(1u << slot_type_bit(ValType::V128));
  for (uint8_t mask : ir.slot_types)
    if (mask & v128_bit) return true;
  return false;
}

// Exception-handling instructions need wasm2cpp::Exception (exception.hpp).
bool uses_exceptions(const FunctionIR& ir) {
  for (const Instr& in : ir.code)
    if (wasm2cpp::info(in.op).feature == Feature::Exceptions) return true;
  return false;
}

struct MadeBody {
  uint32_t func_index = 0;
  std::string text;
  BodyFacts facts;
};

// One thread's tools, reused from function to function (the validator keeps
// its scratch stacks, the IR its vectors' capacity).
class BodyMaker {
 public:
  BodyMaker(const ModuleInfo& info, bool shared_linkage)
      : info_(info), shared_linkage_(shared_linkage) {}

  Expected<void> make(uint32_t func_index, MadeBody& out) {
    TRY(validator_.validate(info_.module, func_index, info_.options.features, ir_));
    out.func_index = func_index;
    emit_function(info_, ir_, shared_linkage_, out.text);
    out.facts.uses_simd = uses_simd(ir_);
    out.facts.uses_exceptions = uses_exceptions(ir_);
    out.facts.may_fault = ir_.uses_memory || ir_.has_calls;
    return {};
  }

 private:
  const ModuleInfo& info_;
  const bool shared_linkage_;
  FunctionValidator validator_;
  FunctionIR ir_;
};

// Consecutive defined functions [begin, end) of `defined`.
struct Chunk {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct ChunkResult {
  bool done = false;
  // The functions made before the first failure (all of them without one).
  std::vector<MadeBody> bodies;
  std::optional<Error> error;
  std::exception_ptr exception;  // e.g. std::bad_alloc, rethrown in order
  bool failed() const { return error.has_value() || exception != nullptr; }
};

class ParallelBodies {
 public:
  ParallelBodies(const ModuleInfo& info, bool shared_linkage, std::vector<uint32_t> defined,
                 std::vector<Chunk> chunks, uint32_t threads)
      : info_(info),
        shared_linkage_(shared_linkage),
        defined_(std::move(defined)),
        chunks_(std::move(chunks)),
        results_(chunks_.size()),
        // Made but not yet consumed text stays bounded: threads run at most
        // this many chunks ahead of the consumer.
        window_(8 * threads) {}

  Expected<void> run(uint32_t threads, const BodyConsumer& consume) {
    std::vector<std::thread> workers;
    // Stops and joins the workers however run() is left.
    struct Joiner {
      ParallelBodies& self;
      std::vector<std::thread>& workers;
      ~Joiner() {
        {
          std::lock_guard lock(self.mutex_);
          self.stop_ = true;
        }
        self.work_ready_.notify_all();
        for (std::thread& worker : workers) worker.join();
      }
    } joiner{*this, workers};
    for (uint32_t t = 1; t < threads; ++t) {
      try {
        workers.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        break;  // no more threads to be had: fewer will do
      }
    }
    BodyMaker maker(info_, shared_linkage_);
    for (uint32_t c = 0; c < chunks_.size(); ++c) {
      ChunkResult result;
      {
        std::unique_lock lock(mutex_);
        while (!results_[c].done) {
          if (claimable()) {
            // Rather than wait, make the next unclaimed chunk here.
            const uint32_t claimed = next_++;
            lock.unlock();
            ChunkResult made = make_chunk(claimed, maker);
            lock.lock();
            store(claimed, std::move(made));
            continue;
          }
          result_ready_.wait(lock);
        }
        result = std::move(results_[c]);
        consumed_ = c + 1;
      }
      work_ready_.notify_all();  // the window moved
      for (const MadeBody& body : result.bodies)
        TRY(consume(body.func_index, body.text, body.facts));
      if (result.exception) std::rethrow_exception(result.exception);
      if (result.error) return std::move(*result.error);
    }
    return {};
  }

 private:
  // With mutex_ held.
  bool claimable() const {
    return next_ < chunks_.size() && next_ < consumed_ + window_ && next_ <= first_failed_;
  }

  void store(uint32_t c, ChunkResult made) {
    if (made.failed()) first_failed_ = std::min(first_failed_, c);
    results_[c] = std::move(made);
    results_[c].done = true;
  }

  ChunkResult make_chunk(uint32_t c, BodyMaker& maker) {
    ChunkResult result;
    try {
      result.bodies.reserve(chunks_[c].end - chunks_[c].begin);
      for (uint32_t i = chunks_[c].begin; i < chunks_[c].end; ++i) {
        MadeBody& body = result.bodies.emplace_back();
        Expected<void> made = maker.make(defined_[i], body);
        if (!made.ok()) {
          result.bodies.pop_back();
          result.error = std::move(made).error();
          break;
        }
      }
    } catch (...) {
      result.exception = std::current_exception();
    }
    return result;
  }

  void work() {
    BodyMaker maker(info_, shared_linkage_);
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [this] { return stop_ || claimable() || next_ >= chunks_.size(); });
      if (stop_ || next_ >= chunks_.size()) return;
      const uint32_t claimed = next_++;
      lock.unlock();
      ChunkResult made = make_chunk(claimed, maker);
      lock.lock();
      store(claimed, std::move(made));
      result_ready_.notify_one();  // only the consuming thread waits on it
    }
  }

  const ModuleInfo& info_;
  const bool shared_linkage_;
  const std::vector<uint32_t> defined_;
  const std::vector<Chunk> chunks_;

  std::mutex mutex_;
  std::condition_variable work_ready_;    // a chunk became claimable, or stop
  std::condition_variable result_ready_;  // a chunk was stored
  // Guarded by mutex_:
  std::vector<ChunkResult> results_;
  uint32_t next_ = 0;      // the next chunk to claim
  uint32_t consumed_ = 0;  // chunks handed to the consumer
  uint32_t first_failed_ = ~uint32_t{0};
  bool stop_ = false;
  const uint32_t window_;
};

// Chunks of consecutive functions of about `target` body bytes each.
std::vector<Chunk> cut_chunks(const Module& module, const std::vector<uint32_t>& defined,
                              uint64_t target) {
  std::vector<Chunk> chunks;
  uint64_t size = 0;
  uint32_t begin = 0;
  for (uint32_t i = 0; i < defined.size(); ++i) {
    // Every function costs at least its declaration and prologue.
    size += module.functions[defined[i]].body.size() + 16;
    if (size >= target || i + 1 == defined.size()) {
      chunks.push_back(Chunk{begin, i + 1});
      begin = i + 1;
      size = 0;
    }
  }
  return chunks;
}

}  // namespace

uint32_t resolve_jobs(uint32_t requested, uint64_t code_bytes) {
  if (requested != 0) return requested;
  if (code_bytes < kParallelMinCodeBytes) return 1;
  return std::max(1u, std::thread::hardware_concurrency());
}

Expected<void> emit_function_bodies(const ModuleInfo& info, bool shared_linkage, uint32_t jobs,
                                    const BodyConsumer& consume) {
  const Module& module = info.module;
  std::vector<uint32_t> defined;
  uint64_t code_bytes = 0;
  for (uint32_t f = 0; f < module.functions.size(); ++f) {
    if (module.functions[f].imported) continue;
    defined.push_back(f);
    code_bytes += module.functions[f].body.size();
  }
  uint32_t threads = resolve_jobs(jobs, code_bytes);
  std::vector<Chunk> chunks;
  if (threads > 1) {
    // About 32 chunks per thread for balance, but not so small that claiming
    // one costs noticeably (a chunk of 1 KiB takes ~0.1 ms to make).
    const uint64_t target = std::clamp<uint64_t>(code_bytes / (32 * uint64_t{threads}),
                                                 1024, 64 * 1024);
    chunks = cut_chunks(module, defined, target);
    threads = static_cast<uint32_t>(std::min<size_t>(threads, chunks.size()));
  }
  if (threads <= 1) {
    // One thread: function by function, nothing held back.
    BodyMaker maker(info, shared_linkage);
    MadeBody body;
    for (uint32_t f : defined) {
      TRY(maker.make(f, body));
      TRY(consume(f, body.text, body.facts));
    }
    return {};
  }
  ParallelBodies bodies(info, shared_linkage, std::move(defined), std::move(chunks), threads);
  return bodies.run(threads, consume);
}

}  // namespace wasm2cpp::emit
