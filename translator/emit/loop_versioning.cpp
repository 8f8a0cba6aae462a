// Loop versioning analysis: symbolic evaluation of straight-line loop bodies
// over affine forms (see loop_versioning.hpp).
#include "emit/loop_versioning.hpp"

#include <algorithm>
#include <optional>

namespace wasm2cpp::emit {

namespace {

using Form = std::optional<AffineForm>;  // nullopt: not affine (unknown)

AffineForm constant_form(uint32_t c) { return AffineForm{c, {}}; }

AffineForm local_form(uint32_t local) { return AffineForm{0, {{local, 1u}}}; }

// a + factor * b, modulo 2^32.
AffineForm add_scaled(const AffineForm& a, const AffineForm& b, uint32_t factor) {
  AffineForm out{a.constant + factor * b.constant, {}};
  size_t i = 0, j = 0;
  while (i < a.terms.size() || j < b.terms.size()) {
    if (j == b.terms.size() || (i < a.terms.size() && a.terms[i].first < b.terms[j].first)) {
      out.terms.push_back(a.terms[i++]);
    } else if (i == a.terms.size() || b.terms[j].first < a.terms[i].first) {
      uint32_t coeff = factor * b.terms[j].second;
      if (coeff != 0) out.terms.emplace_back(b.terms[j].first, coeff);
      ++j;
    } else {
      uint32_t coeff = a.terms[i].second + factor * b.terms[j].second;
      if (coeff != 0) out.terms.emplace_back(a.terms[i].first, coeff);
      ++i, ++j;
    }
  }
  return out;
}

AffineForm scaled(const AffineForm& a, uint32_t factor) { return add_scaled(constant_form(0), a, factor); }

std::optional<uint32_t> as_constant(const Form& f) {
  if (f && f->terms.empty()) return f->constant;
  return std::nullopt;
}

// The accesses a versioned copy performs unchecked: every plain load and
// store, scalar or SIMD (whole-vector, extending, splat, zero and lane
// forms; the range test uses each one's width). Their guard-mode barriers
// are simd128's main cost.
std::optional<MemoryAccessInfo> versioned_access(Opcode op) { return memory_access(op); }

// The i32 compare opcodes are named after the compares (Opcode::I32<name>).
std::optional<LoopCompare> compare_of(Opcode op) {
  switch (op) {
#define WASM2CPP_LOOP_COMPARE(name, mirrored, operand, op) \
  case Opcode::I32##name: return LoopCompare::name;
#include "wasm2cpp/loop_compare.def"
    default: return std::nullopt;
  }
}


// Instructions that may not appear in a versioned body: anything that
// leaves straight-line code, calls out, changes a memory's size or touches
// memory in a way the analysis does not model as a scalar access.
bool disqualifies(Opcode op) {
  const OpcodeInfo& oi = info(op);
  if (oi.feature == Feature::Threads || ends_straight_line(op)) return true;
  switch (op) {
    case Opcode::Call:
    case Opcode::CallIndirect:
    case Opcode::ReturnCall:
    case Opcode::ReturnCallIndirect:
    case Opcode::MemoryGrow:
    case Opcode::MemoryFill:
    case Opcode::MemoryCopy:
    case Opcode::MemoryInit:
    case Opcode::TableGrow:
    case Opcode::TableFill:
    case Opcode::TableInit:
    case Opcode::TableCopy:
    case Opcode::TableGet:
    case Opcode::TableSet: return true;
    default: return false;
  }
}

size_t count_letters(std::string_view types) { return types == "*" ? 0 : types.size(); }

class Evaluator {
 public:
  Evaluator(const FunctionIR& ir, std::span<const MemoryAccessMode> memories)
      : ir_(ir), memories_(memories) {}

  // The loop at `begin` whose `end` is at `end`.
  std::optional<LoopVersion> analyse(size_t begin, size_t end) {
    const Instr& loop = ir_.code[begin];
    const BlockInfo& block = ir_.blocks[loop.a];
    if (!block.params.empty()) return std::nullopt;
    // The body must be non-empty and end in a br_if to the loop.
    if (end - begin < 2 || end - begin - 1 > kMaxBodyInstructions) return std::nullopt;
    const size_t back_edge = end - 1;
    const Instr& br = ir_.code[back_edge];
    if (br.op != Opcode::BrIf || br.a != loop.a) return std::nullopt;

    LoopVersion plan;
    plan.block = loop.a;
    plan.begin = begin;
    plan.back_edge = back_edge;
    plan.end = end;
    start_locals();
    slots_.assign(loop.height + 1, std::nullopt);
    compares_.assign(loop.height + 1, std::nullopt);
    std::vector<std::pair<size_t, AffineForm>> addresses;
    for (size_t i = begin + 1; i < back_edge; ++i) {
      const Instr& in = ir_.code[i];
      if (disqualifies(in.op)) return std::nullopt;
      if (std::optional<MemoryAccessInfo> access = versioned_access(in.op)) {
        if (mode_of(in.a) == MemoryAccessMode::Unversionable) return std::nullopt;
        Form addr = slot(access->address_height(in.height));
        if (!addr) return std::nullopt;
        addresses.emplace_back(i, *addr);
      }
      if (!step(in)) return std::nullopt;
    }
    if (addresses.empty()) return std::nullopt;

    // Induction variables: start value + constant at the back edge.
    std::vector<std::optional<uint32_t>> steps(ir_.locals.size());
    for (uint32_t x = 0; x < ir_.locals.size(); ++x) {
      if (!written_[x]) {
        if (ir_.locals[x] == ValType::I32) steps[x] = 0;  // its start value throughout
        continue;
      }
      if (!locals_[x]) continue;
      const AffineForm& f = *locals_[x];
      if (f.terms.size() == 1 && f.terms[0] == std::pair<uint32_t, uint32_t>{x, 1u}) steps[x] = f.constant;
    }
    // Change per iteration of a form, or nullopt if it uses a variant local.
    auto stride_of = [&](const AffineForm& f) -> std::optional<uint32_t> {
      uint32_t stride = 0;
      for (auto [local, coeff] : f.terms) {
        if (!steps[local]) return std::nullopt;
        stride += coeff * *steps[local];
      }
      return stride;
    };

    // The exit test.
    uint32_t cond_height = br.height - 1;
    std::optional<Comparison> cmp = cond_height < compares_.size() ? compares_[cond_height] : std::nullopt;
    if (!cmp) {
      Form value = slot(cond_height);
      if (!value) return std::nullopt;
      cmp = Comparison{LoopCompare::Ne, *value, constant_form(0)};
    }
    auto left = stride_of(cmp->left), right = stride_of(cmp->right);
    if (!left || !right) return std::nullopt;
    if (*left != 0 && *right == 0) {
      plan.counter = cmp->left, plan.bound = cmp->right, plan.counter_stride = *left;
      plan.compare = cmp->compare;
    } else if (*left == 0 && *right != 0) {
      plan.counter = cmp->right, plan.bound = cmp->left, plan.counter_stride = *right;
      plan.compare = mirrored(cmp->compare);
    } else {
      return std::nullopt;
    }

    for (auto& [index, form] : addresses) {
      auto stride = stride_of(form);
      if (!stride) return std::nullopt;
      AffineForm base = form;
      base.constant = 0;
      uint32_t group = 0;
      while (group < plan.groups.size()) {
        AffineForm other = plan.groups[group].base;
        other.constant = 0;
        if (other == base) break;
        ++group;
      }
      if (group == plan.groups.size()) plan.groups.push_back(AddressGroup{form, *stride});
      const Instr& in = ir_.code[index];
      const MemoryAccessInfo access = *versioned_access(in.op);
      int32_t delta = static_cast<int32_t>(form.constant - plan.groups[group].base.constant);
      plan.accesses.push_back(VersionedAccess{index, group, delta, in.a, in.imm, access.bytes, access.is_store});
    }
    return plan;
  }

 private:
  struct Comparison {
    LoopCompare compare;
    AffineForm left, right;
  };

  MemoryAccessMode mode_of(uint32_t memory) const {
    return memory < memories_.size() ? memories_[memory] : MemoryAccessMode::Unversionable;
  }

  // The locals' forms: an i32 local the body has not written (yet) holds
  // its start value, which is not stored (functions have many locals, and
  // most loops write few).
  void start_locals() {
    for (uint32_t local : written_list_) written_[local] = false;
    written_list_.clear();
    if (written_.size() != ir_.locals.size()) {
      written_.assign(ir_.locals.size(), false);
      locals_.assign(ir_.locals.size(), std::nullopt);
    }
  }
  Form local(uint32_t index) const {
    if (written_[index]) return locals_[index];
    return ir_.locals[index] == ValType::I32 ? Form(local_form(index)) : std::nullopt;
  }
  void set_local(uint32_t index, Form f) {
    if (!written_[index]) {
      written_[index] = true;
      written_list_.push_back(index);
    }
    locals_[index] = std::move(f);
  }

  Form slot(uint32_t height) const {
    return height < slots_.size() ? slots_[height] : std::nullopt;
  }

  void set_slot(uint32_t height, Form f, std::optional<Comparison> c = std::nullopt) {
    if (slots_.size() <= height) {
      slots_.resize(height + 1);
      compares_.resize(height + 1);
    }
    slots_[height] = std::move(f);
    compares_[height] = std::move(c);
  }

  // Applies one instruction to the symbolic state; false if it cannot be
  // modelled at all (then the loop is not versioned).
  bool step(const Instr& in) {
    const uint32_t h = in.height;
    switch (in.op) {
      case Opcode::Nop: return true;
      case Opcode::I32Const: set_slot(h, constant_form(static_cast<uint32_t>(in.imm))); return true;
      case Opcode::LocalGet:
        set_slot(h, in.type == ValType::I32 ? local(in.a) : std::nullopt);
        return true;
      case Opcode::LocalSet:
        set_local(in.a, in.type == ValType::I32 ? slot(h - 1) : std::nullopt);
        return true;
      case Opcode::LocalTee:
        set_local(in.a, in.type == ValType::I32 ? slot(h - 1) : std::nullopt);
        set_slot(h - 1, locals_[in.a]);
        return true;
      case Opcode::Drop: return true;
      case Opcode::Select:
      case Opcode::SelectT: set_slot(h - 3, std::nullopt); return true;
      case Opcode::GlobalGet:
      case Opcode::RefNull: set_slot(h, std::nullopt); return true;
      case Opcode::GlobalSet: return true;
      case Opcode::RefIsNull: set_slot(h - 1, std::nullopt); return true;
      case Opcode::I32Add:
      case Opcode::I32Sub: {
        Form a = slot(h - 2), b = slot(h - 1);
        Form r;
        if (a && b) r = add_scaled(*a, *b, in.op == Opcode::I32Add ? 1u : ~0u);
        set_slot(h - 2, r);
        return true;
      }
      case Opcode::I32Mul: {
        Form a = slot(h - 2), b = slot(h - 1);
        Form r;
        if (auto c = as_constant(b); a && c) r = scaled(*a, *c);
        else if (auto c2 = as_constant(a); b && c2) r = scaled(*b, *c2);
        set_slot(h - 2, r);
        return true;
      }
      case Opcode::I32Shl: {
        Form a = slot(h - 2);
        Form r;
        if (auto c = as_constant(slot(h - 1)); a && c) r = scaled(*a, 1u << (*c & 31));
        set_slot(h - 2, r);
        return true;
      }
      case Opcode::I32Eqz:
        if (Form a = slot(h - 1)) {
          set_slot(h - 1, std::nullopt, Comparison{LoopCompare::Eq, *a, constant_form(0)});
        } else {
          set_slot(h - 1, std::nullopt);
        }
        return true;
      default: break;
    }
    if (auto c = compare_of(in.op)) {
      Form a = slot(h - 2), b = slot(h - 1);
      std::optional<Comparison> cmp;
      if (a && b) cmp = Comparison{*c, *a, *b};
      set_slot(h - 2, std::nullopt, cmp);
      return true;
    }
    const OpcodeInfo& oi = info(in.op);
    if (oi.params == "*" || oi.results == "*") return false;
    size_t pops = count_letters(oi.params), pushes = count_letters(oi.results);
    if (pops > h) return false;
    for (size_t r = 0; r < pushes; ++r) set_slot(static_cast<uint32_t>(h - pops + r), std::nullopt);
    return true;
  }

  const FunctionIR& ir_;
  std::span<const MemoryAccessMode> memories_;
  std::vector<Form> locals_;  // where written_
  std::vector<bool> written_;
  std::vector<uint32_t> written_list_;
  std::vector<Form> slots_;
  std::vector<std::optional<Comparison>> compares_;
};

}  // namespace

const VersionedAccess* LoopVersion::access_at(size_t instr) const {
  auto it = std::lower_bound(accesses.begin(), accesses.end(), instr,
                             [](const VersionedAccess& a, size_t i) { return a.instr < i; });
  return it != accesses.end() && it->instr == instr ? &*it : nullptr;
}

namespace {

// Position of an access relative to its group's base in the same iteration.
int64_t position(const VersionedAccess& a) { return int64_t{a.delta} + static_cast<int64_t>(a.offset); }

// Whether the group's accesses tile its stride: `lanes` positions of one
// width w, spaced by w, with |stride| == lanes * w (an unrolled stream).
bool tiles_stride(const LoopVersion& plan, uint32_t group, uint32_t& lanes) {
  std::vector<int64_t> positions;
  uint32_t width = 0;
  for (const VersionedAccess& a : plan.accesses) {
    if (a.group != group) continue;
    if (width != 0 && a.bytes != width) return false;
    width = a.bytes;
    positions.push_back(position(a));
  }
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  for (size_t i = 1; i < positions.size(); ++i)
    if (positions[i] - positions[i - 1] != width) return false;
  const int64_t stride = static_cast<int32_t>(plan.groups[group].stride);
  lanes = static_cast<uint32_t>(positions.size());
  return width != 0 && (stride == int64_t{lanes} * width || stride == -int64_t{lanes} * width);
}

// Marks the loads to hoist (LoopVersion::hoist_loads) when the body is an
// unrolled stream loop. A load moves above the earlier stores of the same
// iteration only when it cannot overlap them: same group (a constant
// distance apart) with disjoint bytes, another memory, or another group
// whose whole range the range test proves disjoint. Any other memory
// access in the body (SIMD) keeps the order.
void plan_hoisting(LoopVersion& plan, const FunctionIR& ir) {
  for (size_t i = plan.begin + 1; i < plan.back_edge; ++i)
    if (info(ir.code[i].op).access_bytes != 0 && !plan.access_at(i)) return;
  // Byte lanes (lz's unrolled copies) stay with the loop vectoriser: paired
  // by SLP they ran 2% more instructions.
  // SIMD accesses are not hoisted (the hoisted reads are scalar load_at's).
  for (const VersionedAccess& a : plan.accesses)
    if (a.bytes == 1 || memory_access(ir.code[a.instr].op)->is_simd) return;
  uint32_t unrolled = 0;
  for (uint32_t g = 0; g < plan.groups.size(); ++g) {
    if (plan.groups[g].stride == 0) continue;
    uint32_t lanes = 0;
    if (!tiles_stride(plan, g, lanes) || lanes < 2 || (unrolled != 0 && lanes != unrolled)) return;
    unrolled = lanes;
  }
  if (unrolled == 0) return;
  std::vector<DisjointGroups> disjoint;
  std::vector<size_t> hoisted;
  for (size_t l = 0; l < plan.accesses.size(); ++l) {
    const VersionedAccess& load = plan.accesses[l];
    // A dropped load emits nothing in the unchecked copy: nothing to move.
    if (load.is_store || ir.code[load.instr + 1].op == Opcode::Drop) continue;
    bool after_store = false;
    for (size_t s = 0; s < l; ++s) {
      const VersionedAccess& store = plan.accesses[s];
      if (!store.is_store || store.memory != load.memory) continue;
      after_store = true;
      if (store.group == load.group) {
        if (position(load) < position(store) + store.bytes && position(store) < position(load) + load.bytes) return;
        continue;
      }
      DisjointGroups pair{std::min(load.group, store.group), std::max(load.group, store.group), load.memory};
      if (std::none_of(disjoint.begin(), disjoint.end(), [&](const DisjointGroups& d) {
            return d.first == pair.first && d.second == pair.second && d.memory == pair.memory;
          }))
        disjoint.push_back(pair);
    }
    if (after_store) hoisted.push_back(l);
  }
  if (hoisted.empty()) return;
  plan.hoist_loads = true;
  plan.disjoint = std::move(disjoint);
  for (size_t l : hoisted) plan.accesses[l].hoisted = true;
}

bool is_vector_or_float(ValType t) {
  return t == ValType::F32 || t == ValType::F64 || t == ValType::V128;
}

// Whether the straight-line body [begin + 1, end - 1) carries an f32, f64 or
// v128 local from one iteration into the next: reads it before writing it,
// and writes it (a floating-point reduction like `s += a[i]`, or a SIMD
// accumulator).
bool carries_float_local(const FunctionIR& ir, size_t begin, size_t end) {
  std::vector<uint32_t> read_first, written;  // float/vector locals only; bodies are short
  auto contains = [](const std::vector<uint32_t>& v, uint32_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  for (size_t i = begin + 1; i + 1 < end; ++i) {
    const Instr& in = ir.code[i];
    if (in.op != Opcode::LocalGet && in.op != Opcode::LocalSet && in.op != Opcode::LocalTee)
      continue;
    if (in.a >= ir.locals.size() || !is_vector_or_float(ir.locals[in.a])) continue;
    if (in.op == Opcode::LocalGet) {
      if (!contains(written, in.a) && !contains(read_first, in.a)) read_first.push_back(in.a);
    } else {
      if (contains(read_first, in.a)) return true;
      if (!contains(written, in.a)) written.push_back(in.a);
    }
  }
  return false;
}

// With guard pages the checked loop has no checks to remove: the copy gains
// where the checked loop's loads carry value barriers (guard mode's precise
// traps) that the copy does not need, and where the C++ compiler vectorises
// it. A barrier is a volatile asm, which the compiler must assume reads and
// writes memory: it pins the loads and stores around it in order. So guard
// mode versions a loop only when it loads something wider than a byte, and
// then only when
// - the body also stores: the checked loop cannot move a load above a store,
//   keep a stored value in a register or vectorise; the copy can (stencil
//   3.42 G -> 0.94 G instructions, matmul 3.00 G -> 1.53 G, sha256 -1.6% and
//   -4.9%, nbody's pair loop below); or
// - it only reads, through at least one scalar load, and carries no f32,
//   f64 or v128 local into the next iteration. A read-only loop's barriers
//   only keep its loads in order, which costs nothing measurable, so its
//   copy gains only if the C++ compiler vectorises it: an integer sum
//   (`s += a[i]` over i32: a test module 9.92 -> 6.15 ms with the copy) but
//   not a floating-point reduction (C++ does not reassociate it; the same
//   module's f64 sum ran the same without its copy) nor a loop of v128
//   loads (already vectors). Session 10 measured every guard-mode copy of
//   the suite on its own (docs/generated-code.md, "Versioned loops"): the
//   seven read-only ones this drops (matmul's column sum, nbody's two energy
//   loops, four in simd128) ran no slower without their copies (simd128
//   -1.2% instructions without the four, one of them cost 1.5%).
// The rule the loops of stores only and of byte accesses already followed:
// - A loop that only stores has no barriers to lose. The suite's four such
//   loops are initialisation loops (dynprog, matmul, sort, stencil; simd128
//   has five more): their versioned copies changed no program's run time
//   (callgrind within 0.0002%), and their vectorised copies cost compile
//   time: suite x 10, one file, clang -O2: 19.26 -> 18.47 G instructions
//   (-4.1%; CPU 8.18 -> 7.99 s, min of 5). Versioning as a whole is 2.7 G
//   of the 18.47 (no versioning: 15.77 G, 6.67 s).
// - Loops of byte accesses are typically short copies (lz: +11% instructions
//   when versioned, +5% when only loops of 16 or more iterations took the
//   copy), where the vectorised loop's alias checks and prologue cost more
//   than it saves.
// (Versioning only dense streams, which vectorise, was tried and dropped:
// nbody's strided pair loop, which stores, needs its copy: without it
// nbody ran 8% slower, 64.5 -> 69.7 ms min of 15, on 1.2% fewer
// instructions.) With explicit checks every loop pays: the copy drops a
// compare per access.
//
// pays() decides from the body's instructions alone, before the symbolic
// evaluation (most loops fail here, and the evaluation's setup costs more
// than this scan). It also rejects what analyse() would reject for an
// instruction the body may not contain (a disqualifying one, an access to a
// memory that is not versionable), and bodies too long to version.
bool pays(const FunctionIR& ir, size_t begin, size_t end,
          std::span<const MemoryAccessMode> memories) {
  if (end - begin < 2 || end - begin - 1 > kMaxBodyInstructions) return false;
  bool explicit_access = false, wide_load = false, scalar_wide_load = false, store = false;
  for (size_t i = begin + 1; i + 1 < end; ++i) {
    const Instr& in = ir.code[i];
    if (disqualifies(in.op)) return false;
    if (std::optional<MemoryAccessInfo> access = versioned_access(in.op)) {
      const MemoryAccessMode mode =
          in.a < memories.size() ? memories[in.a] : MemoryAccessMode::Unversionable;
      if (mode == MemoryAccessMode::Unversionable) return false;
      explicit_access = explicit_access || mode == MemoryAccessMode::Explicit;
      store = store || access->is_store;
      if (!access->is_store && access->bytes > 1) {
        wide_load = true;
        scalar_wide_load = scalar_wide_load || !access->is_simd;
      }
    }
  }
  if (explicit_access) return true;
  if (!wide_load) return false;
  if (store) return true;
  return scalar_wide_load && !carries_float_local(ir, begin, end);
}

}  // namespace

LoopVersions find_versionable_loops(const FunctionIR& ir, std::span<const MemoryAccessMode> memories) {
  LoopVersions out;
  // Every loop's extent from one pass: the `end` of block b carries b.
  constexpr size_t kNoEnd = SIZE_MAX;
  std::vector<size_t> loop_end(ir.blocks.size(), kNoEnd);
  bool any_loop = false;
  for (size_t i = 0; i < ir.code.size(); ++i) {
    const Instr& in = ir.code[i];
    if (in.op == Opcode::End && ir.blocks[in.a].kind == BlockKind::Loop) {
      loop_end[in.a] = i;
      any_loop = true;
    }
  }
  if (!any_loop) return out;
  out.plan_of_block.assign(ir.blocks.size(), 0);
  Evaluator evaluator(ir, memories);
  size_t budget = versioning_budget(ir.code.size());
  for (size_t i = 0; i < ir.code.size(); ++i) {
    const Instr& in = ir.code[i];
    if (in.op != Opcode::Loop || loop_end[in.a] == kNoEnd) continue;
    const size_t body = loop_end[in.a] - i - 1;
    if (body > budget || !pays(ir, i, loop_end[in.a], memories)) continue;
    std::optional<LoopVersion> plan = evaluator.analyse(i, loop_end[in.a]);
    if (!plan) continue;
    budget -= body;
    plan_hoisting(*plan, ir);
    out.loops.push_back(std::move(*plan));
    out.plan_of_block[in.a] = static_cast<uint32_t>(out.loops.size());
  }
  return out;
}

LoopCompare mirrored(LoopCompare c) {
  switch (c) {
#define WASM2CPP_LOOP_COMPARE(name, mirror, operand, op) \
  case LoopCompare::name: return LoopCompare::mirror;
#include "wasm2cpp/loop_compare.def"
  }
  return c;
}

const char* loop_compare_name(LoopCompare c) {
  switch (c) {
#define WASM2CPP_LOOP_COMPARE(name, mirrored, operand, op) \
  case LoopCompare::name: return #name;
#include "wasm2cpp/loop_compare.def"
  }
  return "Ne";
}

}  // namespace wasm2cpp::emit
