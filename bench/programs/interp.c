// An interpreter loop: a small stack-machine bytecode (switch dispatch)
// counting primes below a bound by trial division, n times.
#include "common.h"

enum Op { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JZ, JMP, HALT };

// Program: count = 0; for (i = 2; i < limit; ++i) { for (d = 2; d*d <= i; ++d)
// if (i % d == 0) goto next; ++count; next:; } return count;
// Variables: 0 = i, 1 = d, 2 = count, 3 = limit. Jump targets are offsets.
enum { LOOP = 8, INNER = 19, PRIME = 48, NEXT = 55, END = 64 };
static const int32_t program[] = {
    PUSH, 0, STORE, 2,                                      //  0: count = 0
    PUSH, 2, STORE, 0,                                      //  4: i = 2
    LOAD, 0, LOAD, 3, LT, JZ, END,                          //  8: LOOP: while i < limit
    PUSH, 2, STORE, 1,                                      // 15: d = 2
    LOAD, 1, LOAD, 1, MUL, LOAD, 0, PUSH, 1, ADD, LT,       // 19: INNER: d*d < i+1 ?
    JZ, PRIME,                                              // 30
    LOAD, 0, LOAD, 1, MOD, JZ, NEXT,                        // 32: i % d == 0 -> next
    LOAD, 1, PUSH, 1, ADD, STORE, 1, JMP, INNER,            // 39: ++d
    LOAD, 2, PUSH, 1, ADD, STORE, 2,                        // 48: PRIME: ++count
    LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, LOOP,             // 55: NEXT: ++i
    LOAD, 2, HALT,                                          // 64: END
};

static int32_t execute(int32_t limit) {
  int32_t vars[4] = {0, 0, 0, limit};
  int32_t stack[16];
  int sp = 0, pc = 0;
  for (;;) {
    switch (program[pc]) {
      case PUSH: stack[sp++] = program[pc + 1]; pc += 2; break;
      case LOAD: stack[sp++] = vars[program[pc + 1]]; pc += 2; break;
      case STORE: vars[program[pc + 1]] = stack[--sp]; pc += 2; break;
      case ADD: --sp; stack[sp - 1] += stack[sp]; ++pc; break;
      case SUB: --sp; stack[sp - 1] -= stack[sp]; ++pc; break;
      case MUL: --sp; stack[sp - 1] *= stack[sp]; ++pc; break;
      case MOD: --sp; stack[sp - 1] %= stack[sp]; ++pc; break;
      case LT: --sp; stack[sp - 1] = stack[sp - 1] < stack[sp]; ++pc; break;
      case JZ: pc = stack[--sp] == 0 ? program[pc + 1] : pc + 2; break;
      case JMP: pc = program[pc + 1]; break;
      case HALT: return sp > 0 ? stack[sp - 1] : -1;
      default: return -2;
    }
  }
}

EXPORT uint32_t run(uint32_t n) {
  uint32_t hash = MIX_INIT;
  for (uint32_t rep = 0; rep < n; ++rep) hash = mix32(hash, (uint32_t)execute(20000 + (int32_t)rep));
  return hash;
}
