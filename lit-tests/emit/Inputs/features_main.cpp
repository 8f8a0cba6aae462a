// Host for Inputs/features.wat (namespace feat): prints one line per check.
#include <cstdio>
#include <string>
#include <vector>

#include "feat.hpp"

template <typename F>
static void expect_trap(const char* what, F&& f) {
  try {
    f();
    std::printf("%s: no trap\n", what);
  } catch (const wasm2cpp::Trap& t) {
    std::printf("%s: trap %s\n", what, t.what());
  }
}

int main() {
  std::vector<int> logged;
  wasm2cpp::Global<int32_t> counter(7, true);
  feat::Imports imports;
  imports.host_log = [&](int32_t v) { logged.push_back(v); };
  imports.host_counter = &counter;
  feat::Instance m(imports);

  int added = m.dispatch(0, 7, 5);
  std::printf("dispatch add %d sub %d\n", added, m.dispatch(1, 7, 5));
  expect_trap("dispatch null", [&] { m.dispatch(2, 1, 1); });
  expect_trap("dispatch oob", [&] { m.dispatch(4, 1, 1); });
  m.init_mul();
  std::printf("dispatch mul %d\n", m.dispatch(2, 7, 5));
  auto [q, r] = m.divmod(17, 5);
  std::printf("divmod %d %d sum %d\n", q, r, m.divmod_sum(17, 5));
  expect_trap("divmod by zero", [&] { m.divmod(1, 0); });
  std::printf("classify %d %d %d %d %d\n", m.classify(0), m.classify(1), m.classify(2), m.classify(3),
              m.classify(99));
  // (Separate statements: argument evaluation order is unspecified.)
  long long sum = m.sum_to(100);
  std::printf("sum_to %lld g %lld logged %d counter %d\n", sum, (long long)m.g(),
              logged.empty() ? -1 : logged.back(), counter.value);
  std::printf("load16s %d store8_load %d\n", m.load16s(100), m.store8_load(8, 0x1ff));
  int old_pages = m.grow(1);
  int pages = m.size();
  std::printf("grow %d size %d grow-too-far %d\n", old_pages, pages, m.grow(10));
  std::printf("bulk %08x\n", m.bulk());
  expect_trap("memory.init after drop", [&] { m.bulk(); });
  expect_trap("drop_load", [&] { m.drop_load(2 * 65536 - 2); });
  expect_trap("load oob", [&] { m.load16s(-1); });
  std::printf("fsel %g %g\n", m.fsel(1.5, 1), m.fsel(1.5, 0));
  std::printf("trunc %d nan_bits %08x\n", m.trunc(-3.9f), m.nan_bits());
  expect_trap("trunc nan", [&] { m.trunc(__builtin_nanf("")); });
  std::printf("ref_test %d answer %d\n", m.ref_test(), m.answer().value);
  expect_trap("unreachable", [&] { m.trap(); });
  std::printf("deep %d\n", m.deep(1000));
  auto fn = m.exports().function<int32_t(int32_t, int32_t, int32_t)>("dispatch");
  std::printf("by name %d mem pages %llu\n", fn(0, 1, 2),
              (unsigned long long)m.exports().memory("mem").size_pages());

  // Linking by name: a missing import is a LinkError.
  wasm2cpp::Linker linker;
  try {
    feat::Instance bad(linker);
    std::printf("link: no error\n");
  } catch (const wasm2cpp::LinkError& e) {
    std::printf("link: %s\n", std::string(e.what()).substr(0, 14).c_str());
  }
  return 0;
}
