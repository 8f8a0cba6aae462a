// Guard-page traps: turning a fault in a guarded Memory reservation into a
// C++ `Trap(MemoryOutOfBounds)` thrown as if by the faulting instruction.
//
// Why this shape: generated code in guard mode does unchecked loads and
// stores, and host->guest calls must cost what a plain call costs, so there
// is no per-call sigsetjmp to return to. Instead the SIGSEGV/SIGBUS handler
// rewrites the interrupted context so that, when the handler returns (the
// kernel's sigreturn restores the signal mask and every register), the
// thread runs a trampoline that looks like a function *called by the
// faulting instruction*. The trampoline throws; the unwinder walks from it
// into the faulting frame using that frame's CFI at the faulting
// instruction (x86-64 compilers emit asynchronous unwind tables by default,
// accurate at every instruction) and on to the host's catch.
//
// Details that matter:
//  - The handler writes no memory on the interrupted stack: just below the
//    faulting rsp lie the red zone (live data of a leaf function, possibly
//    its saved registers) and, under that, the kernel's signal frame (the
//    FPU state sigreturn restores). It only stores the fake return address
//    (faulting pc + 1, so that the unwinder's "return address - 1" lookup
//    lands on the faulting instruction itself) in a thread-local and sets
//    rip to the trampoline.
//  - The trampoline, running after sigreturn, steps over the red zone, writes
//    that return address into a slot and saves every general-purpose
//    register with CFI describing where, so unwinding restores the faulting
//    frame's registers exactly (CFA rules may use any register).
//  - The faulting function must not have an LSDA that omits the faulting
//    instruction from its call-site table (the C++ personality would call
//    std::terminate). Generated functions have no try blocks and no objects
//    with destructors, hence no LSDA; see docs/generated-code.md.
//  - Faults outside every registered reservation go to the previously
//    installed handler, or crash with the default action.
#include "guard_pages.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <mutex>

#include "wasm2cpp/trap.hpp"

#if defined(__linux__) && defined(__x86_64__)
#define WASM2CPP_GUARD_PAGES 1
#include <ucontext.h>
#else
#define WASM2CPP_GUARD_PAGES 0
#endif

namespace wasm2cpp::detail {
namespace {

// 128 TiB of user address space / 8 GiB per reservation.
constexpr size_t kMaxGuardedRegions = 16384;

// Region starts (0 = free slot). Lock-free so the signal handler can read it.
std::atomic<uintptr_t> g_regions[kMaxGuardedRegions];
// Slots at or above this index have never been used.
std::atomic<size_t> g_regions_used{0};
static_assert(std::atomic<uintptr_t>::is_always_lock_free);
static_assert(std::atomic<size_t>::is_always_lock_free);

}  // namespace

bool in_guarded_region(uintptr_t address) noexcept {
  size_t used = g_regions_used.load(std::memory_order_acquire);
  for (size_t i = 0; i < used; ++i) {
    uintptr_t begin = g_regions[i].load(std::memory_order_acquire);
    if (begin != 0 && address - begin < kGuardedReservationBytes) return true;
  }
  return false;
}

}  // namespace wasm2cpp::detail

#if WASM2CPP_GUARD_PAGES

// The fake return address handed from the signal handler to the trampoline.
// Initial-exec TLS: a plain %fs-relative access, safe in a signal handler.
extern "C" {
__attribute__((visibility("hidden"))) thread_local constinit uintptr_t
    wasm2cpp_guard_fault_return_address __attribute__((tls_model("initial-exec"))) = 0;

void wasm2cpp_guard_trap_trampoline();

// Called by the trampoline with an aligned stack; unwinds through it.
[[noreturn]] __attribute__((visibility("hidden"), used, noinline)) void wasm2cpp_guard_trap_throw() {
  throw wasm2cpp::Trap(wasm2cpp::TrapKind::MemoryOutOfBounds);
}
}

// Stack layout built by the trampoline (CFA = the faulting instruction's rsp,
// which is what the unwinder restores as the faulting frame's rsp):
//   CFA-128..CFA     the faulting function's red zone, untouched
//   CFA-136          return address: faulting pc + 1
//   CFA-144          saved rax
//   CFA-152..CFA-256 rbx rcx rdx rsi rdi rbp r8 .. r15
// DWARF register 16 is the return-address column (rip).
#define WASM2CPP_SAVE(reg) \
  "  pushq %" #reg "\n"    \
  "  .cfi_adjust_cfa_offset 8\n" \
  "  .cfi_rel_offset %" #reg ", 0\n"
asm(R"(
  .pushsection .text
  .p2align 4
  .globl wasm2cpp_guard_trap_trampoline
  .hidden wasm2cpp_guard_trap_trampoline
  .type wasm2cpp_guard_trap_trampoline, @function
wasm2cpp_guard_trap_trampoline:
  .cfi_startproc
  .cfi_def_cfa %rsp, 0
  .cfi_undefined 16
  leaq -144(%rsp), %rsp
  .cfi_adjust_cfa_offset 144
  movq %rax, 0(%rsp)
  .cfi_rel_offset %rax, 0
  movq wasm2cpp_guard_fault_return_address@GOTTPOFF(%rip), %rax
  movq %fs:(%rax), %rax
  movq %rax, 8(%rsp)
  .cfi_offset 16, -136
)" WASM2CPP_SAVE(rbx) WASM2CPP_SAVE(rcx) WASM2CPP_SAVE(rdx) WASM2CPP_SAVE(rsi)
    WASM2CPP_SAVE(rdi) WASM2CPP_SAVE(rbp) WASM2CPP_SAVE(r8) WASM2CPP_SAVE(r9) WASM2CPP_SAVE(r10)
        WASM2CPP_SAVE(r11) WASM2CPP_SAVE(r12) WASM2CPP_SAVE(r13) WASM2CPP_SAVE(r14)
            WASM2CPP_SAVE(r15) R"(
  movq %rsp, %rbp
  .cfi_def_cfa_register %rbp
  andq $-16, %rsp
  cld
  call wasm2cpp_guard_trap_throw
  ud2
  .cfi_endproc
  .size wasm2cpp_guard_trap_trampoline, . - wasm2cpp_guard_trap_trampoline
  .popsection
)");
#undef WASM2CPP_SAVE

namespace wasm2cpp::detail {
namespace {

struct sigaction g_previous_segv;
struct sigaction g_previous_bus;
std::once_flag g_install_once;
bool g_installed = false;

// A fault that is not ours: behave as if this handler did not exist.
void forward_fault(int sig, siginfo_t* info, void* context) {
  const struct sigaction& previous = sig == SIGSEGV ? g_previous_segv : g_previous_bus;
  if (previous.sa_handler == SIG_DFL || previous.sa_handler == SIG_IGN) {
    // Restore the default action. A hardware fault re-executes the faulting
    // instruction on return and the kernel terminates the process with the
    // original signal (and core dump); a signal sent by kill() is re-raised.
    struct sigaction dfl = {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, nullptr);
    if (info->si_code <= 0) raise(sig);
    return;
  }
  if (previous.sa_flags & SA_SIGINFO) {
    previous.sa_sigaction(sig, info, context);
  } else {
    previous.sa_handler(sig);
  }
}

void fault_handler(int sig, siginfo_t* info, void* context) {
  if (!handle_guard_fault(sig, info, context)) forward_fault(sig, info, context);
}

bool install_one(int sig, struct sigaction& previous) {
  if (sigaction(sig, nullptr, &previous) != 0) return false;
  struct sigaction action = {};
  action.sa_sigaction = fault_handler;
  // SA_NODEFER: the handler returns normally, but a fault while it runs
  // (never expected) must not be blocked into a silent kill.
  action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigemptyset(&action.sa_mask);
  return sigaction(sig, &action, nullptr) == 0;
}

bool install_handlers() {
  std::call_once(g_install_once, [] {
    g_installed = install_one(SIGSEGV, g_previous_segv) && install_one(SIGBUS, g_previous_bus);
  });
  return g_installed;
}

}  // namespace

bool guard_pages_supported() noexcept { return true; }

bool register_guarded_region(const uint8_t* base) noexcept {
  try {
    if (!install_handlers()) return false;
  } catch (...) {
    return false;
  }
  auto begin = reinterpret_cast<uintptr_t>(base);
  for (size_t i = 0; i < kMaxGuardedRegions; ++i) {
    uintptr_t expected = 0;
    if (g_regions[i].compare_exchange_strong(expected, begin, std::memory_order_acq_rel)) {
      size_t used = g_regions_used.load(std::memory_order_relaxed);
      while (used < i + 1 &&
             !g_regions_used.compare_exchange_weak(used, i + 1, std::memory_order_acq_rel)) {
      }
      return true;
    }
  }
  return false;
}

void unregister_guarded_region(const uint8_t* base) noexcept {
  auto begin = reinterpret_cast<uintptr_t>(base);
  size_t used = g_regions_used.load(std::memory_order_acquire);
  for (size_t i = 0; i < used; ++i) {
    uintptr_t expected = begin;
    if (g_regions[i].compare_exchange_strong(expected, 0, std::memory_order_acq_rel)) return;
  }
}

}  // namespace wasm2cpp::detail

namespace wasm2cpp {

bool handle_guard_fault(int signal, void* siginfo, void* ucontext) noexcept {
  auto* info = static_cast<siginfo_t*>(siginfo);
  if (signal != SIGSEGV && signal != SIGBUS) return false;
  auto address = reinterpret_cast<uintptr_t>(info->si_addr);
  // si_code > 0: raised by the hardware, not sent by kill() or sigqueue().
  if (info->si_code <= 0 || !detail::in_guarded_region(address)) return false;
  int saved_errno = errno;
  greg_t* regs = static_cast<ucontext_t*>(ucontext)->uc_mcontext.gregs;
  wasm2cpp_guard_fault_return_address = static_cast<uintptr_t>(regs[REG_RIP]) + 1;
  regs[REG_RIP] = reinterpret_cast<greg_t>(&wasm2cpp_guard_trap_trampoline);
  errno = saved_errno;
  return true;  // on return, sigreturn restores the mask and resumes in the trampoline
}

}  // namespace wasm2cpp

#else  // !WASM2CPP_GUARD_PAGES

namespace wasm2cpp {
bool handle_guard_fault(int, void*, void*) noexcept { return false; }
}  // namespace wasm2cpp

namespace wasm2cpp::detail {
bool guard_pages_supported() noexcept { return false; }
bool register_guarded_region(const uint8_t*) noexcept { return false; }
void unregister_guarded_region(const uint8_t*) noexcept {}
}  // namespace wasm2cpp::detail

#endif
