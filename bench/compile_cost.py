"""Compile cost of translated code (issue #8): wasm2cpp against wasm2c.

Builds one large module from the suite's own C programs (every program
linked in `copies` times under different names, so the code is the kind the
suite runs, not synthetic), then measures for wasm2cpp and Debian's wasm2c:
translation time, output size, and the CPU time and peak memory of compiling
the output with clang at -O2 (wasm2cpp as one file and with --shards; the
shards' CPU times add up, their peak is the largest). Translation throughput
is also measured on a multi-megabyte module from binaryen's
`wasm-opt --translate-to-fuzz` when wasm-opt is installed.

CPU time comes from wait4() of each child (user + system), so it does not
depend on how busy the machine is the way wall-clock time does.
Python 3 standard library only; used by bench/run (--only compile) and
runnable on its own: bench/compile_cost.py --translator build/translator/wasm2cpp
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parent.parent
PROGRAMS_DIR = SOURCE_DIR / "bench" / "programs"
RUNTIME_INCLUDE = SOURCE_DIR / "runtime" / "include"
# The scalar programs: wasm2c 1.0.32 cannot translate SIMD.
SCALAR_PROGRAMS = ["dynprog", "interp", "lz", "matmul", "nbody", "sha256", "sort", "stencil",
                   "trees"]
WASM2C_RUNTIME_DIRS = [Path("/usr/share/wabt/wasm2c"), Path("/usr/src/wasm2c")]


def measure(argv, cwd=None):
    """Runs argv; returns (cpu seconds, peak RSS in MiB, wall seconds)."""
    start = time.monotonic()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    if process.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({process.returncode}): {stderr.decode()[-2000:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, wall


def best_of(runs, argv, cwd=None):
    """The run with the least CPU time: the others were disturbed by load."""
    results = [measure(argv, cwd) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def build_large_module(out_dir, copies, clang):
    """Links every suite program `copies` times into one freestanding .wasm."""
    objects = []
    exports = []
    programs = [PROGRAMS_DIR / f"{name}.c" for name in SCALAR_PROGRAMS]
    jobs = []
    for program in programs:
        for copy in range(copies):
            name = f"run_{program.stem}_{copy}"
            obj = out_dir / f"{name}.o"
            jobs.append([clang, "--target=wasm32", "-O2", "-DEXPORT=", f"-Drun={name}", "-c",
                         str(program), "-o", str(obj)])
            objects.append(obj)
            exports.append(name)
    libc = out_dir / "bench_libc.o"
    jobs.append([clang, "--target=wasm32", "-O2", "-c", str(PROGRAMS_DIR / "bench_libc.c"),
                 "-o", str(libc)])
    objects.append(libc)
    # Two at a time: the objects are independent.
    running = []
    for job in jobs:
        running.append(subprocess.Popen(job))
        if len(running) >= 2:
            if running.pop(0).wait() != 0:
                raise RuntimeError("compiling the large module failed")
    for process in running:
        if process.wait() != 0:
            raise RuntimeError("compiling the large module failed")
    wasm = out_dir / "large.wasm"
    subprocess.run([clang, "--target=wasm32", "-nostdlib", "-Wl,--no-entry"] +
                   [f"-Wl,--export={e}" for e in exports] + [str(o) for o in objects] +
                   ["-o", str(wasm)], check=True)
    return wasm


def fuzz_module(out_dir, megabytes):
    """A large random module from binaryen (features wasm2cpp supports)."""
    wasm_opt = shutil.which("wasm-opt")
    if not wasm_opt:
        return None
    # The module grows with the seed (1 MiB of seed gives roughly 0.5 MB of
    # wasm) but binaryen's time grows faster: 20 MiB did not finish in 10
    # minutes here.
    seed = out_dir / "fuzz-seed.bin"
    seed.write_bytes(random.Random(8).randbytes(int(megabytes * 1024 * 1024)))
    wasm = out_dir / "fuzz.wasm"
    try:
        subprocess.run([wasm_opt, str(seed), "--translate-to-fuzz", "--mvp-features",
                        "--enable-sign-ext", "--enable-nontrapping-float-to-int",
                        "--enable-mutable-globals", "--enable-bulk-memory", "-o", str(wasm)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=300)
    except (subprocess.SubprocessError, OSError):
        return None
    return wasm


def total_size(paths):
    return sum(Path(p).stat().st_size for p in paths)


def compile_cpu(compiler, sources, flags, runs):
    """Sum of CPU times and largest peak RSS over compiling each source."""
    cpu, peak, wall = 0.0, 0.0, 0.0
    for source in sources:
        c, p, w = best_of(runs, [compiler] + flags + ["-c", str(source), "-o", os.devnull])
        cpu, peak, wall = cpu + c, max(peak, p), max(wall, w)
    return cpu, peak, wall


def first_file_includes(source):
    """The preprocessor lines (#define/#include/#undef, outside the #if
    blocks of pragmas) the generated first file has before its namespace:
    exactly what it includes, however the translator changes it."""
    lines = []
    for line in Path(source).read_text().splitlines():
        if line.startswith("namespace "):
            break
        if line.startswith(("#include", "#define WASM2CPP_", "#undef WASM2CPP_")):
            lines.append(line)
    return "\n".join(lines) + "\n"


def header_costs(out_dir, stem_dir, runtime_dir, clang, clangxx, cxx_flags, runs):
    """CPU time of an empty translation unit including just what each kind of
    file includes: a function-body shard (wasm2cpp/code.hpp), the first file
    (its own include lines: the module header asked for the declarations
    only, instance_support.hpp, code.hpp, ...), and wasm2c's runtime
    header."""
    probes = [("wasm2cpp shard (code.hpp)", clangxx, "#include <wasm2cpp/code.hpp>\n", ".cpp",
               cxx_flags),
              ("wasm2cpp first file (its includes)", clangxx,
               first_file_includes(stem_dir / "large.cpp"), ".cpp",
               cxx_flags + [f"-I{stem_dir}"]),
              ("host (large.hpp: the whole runtime API)", clangxx, '#include "large.hpp"\n',
               ".cpp", cxx_flags + [f"-I{stem_dir}"])]
    if runtime_dir:
        probes.append(("wasm2c (wasm-rt.h)", clang, "#include <wasm-rt.h>\n", ".c",
                       ["-O2", "-w", f"-I{runtime_dir}"]))
    rows = []
    for label, compiler, text, suffix, flags in probes:
        probe = out_dir / ("header-probe-%d%s" % (len(rows), suffix))
        probe.write_text(text)
        c_cpu, _, _ = compile_cpu(compiler, [probe], flags, max(runs, 3))
        rows.append({"includes": label, "compile_cpu_s": c_cpu})
    return rows


def run(translator, out_dir, copies=10, shards=2, runs=1, fuzz_mb=1.0,
        clang="clang", clangxx="clang++"):
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    wasm = build_large_module(out_dir, copies, clang)
    wasm_bytes = wasm.stat().st_size
    rows = []

    def wasm2cpp_translate(input_wasm, stem, extra):
        cpu, peak, wall = best_of(max(runs, 3), [str(translator), str(input_wasm), "-o", str(stem)] + extra)
        files = sorted(stem.parent.glob(stem.name + "*.[ch]pp"))
        return cpu, peak, files

    cxx_flags = ["-std=c++20", "-O2", "-fno-math-errno", f"-I{RUNTIME_INCLUDE}"]
    for label, extra in (("wasm2cpp (1 file)", []),
                         (f"wasm2cpp (--shards {shards})", ["--shards", str(shards)])):
        stem_dir = out_dir / ("w2cpp-" + ("one" if not extra else "sharded"))
        stem_dir.mkdir()
        stem = stem_dir / "large"
        t_cpu, t_peak, files = wasm2cpp_translate(wasm, stem, extra)
        sources = [f for f in files if f.suffix == ".cpp"]
        c_cpu, c_peak, c_wall = compile_cpu(clangxx, sources, cxx_flags + [f"-I{stem_dir}"], runs)
        rows.append({"tool": label, "translate_s": t_cpu, "translate_peak_mib": t_peak,
                     "output_bytes": total_size(files), "files": len(sources),
                     "compile_cpu_s": c_cpu, "compile_peak_mib": c_peak,
                     "compile_wall_max_s": c_wall})

    wasm2c = shutil.which("wasm2c")
    runtime_dir = next((d for d in WASM2C_RUNTIME_DIRS if (d / "wasm-rt-impl.h").exists()), None)
    headers = header_costs(out_dir, out_dir / "w2cpp-one", runtime_dir, clang, clangxx, cxx_flags,
                           runs)
    if wasm2c and runtime_dir:
        w2c_dir = out_dir / "wasm2c"
        w2c_dir.mkdir()
        out_c = w2c_dir / "large_w2c.c"
        t_cpu, t_peak, _ = best_of(max(runs, 3), [wasm2c, str(wasm), "-n", "large", "-o", str(out_c)])
        c_cpu, c_peak, c_wall = compile_cpu(clang, [out_c], ["-O2", "-w", f"-I{runtime_dir}",
                                                             f"-I{w2c_dir}"], runs)
        rows.append({"tool": "wasm2c (wabt 1.0.32)", "translate_s": t_cpu,
                     "translate_peak_mib": t_peak,
                     "output_bytes": total_size([out_c, w2c_dir / "large_w2c.h"]), "files": 1,
                     "compile_cpu_s": c_cpu, "compile_peak_mib": c_peak,
                     "compile_wall_max_s": c_wall})

    throughput = []
    # The process's own start (dynamic linking, option parsing) is a fixed
    # cost per run: measured on an empty module and reported apart, so the
    # rate per byte of wasm is visible for modules of any size.
    empty = out_dir / "empty.wasm"
    empty.write_bytes(b"\0asm\1\0\0\0")
    startup_dir = out_dir / "tp-empty"
    startup_dir.mkdir()
    startup_cpu, _, _ = best_of(5, [str(translator), str(empty), "-o", str(startup_dir / "m")])
    candidates = [("suite x%d" % copies, wasm)]
    fuzz = fuzz_module(out_dir, fuzz_mb) if fuzz_mb > 0 else None
    if fuzz:
        candidates.append(("wasm-opt --translate-to-fuzz", fuzz))
    for label, module in candidates:
        stem_dir = out_dir / ("tp-" + module.stem)
        stem_dir.mkdir()
        cpu, peak, _ = best_of(5, [str(translator), str(module), "-o", str(stem_dir / "m")])
        size = module.stat().st_size
        work = cpu - startup_cpu
        throughput.append({"module": label, "wasm_bytes": size, "translate_cpu_s": cpu,
                           "mb_per_s": size / 1e6 / cpu if cpu > 0 else None,
                           "startup_cpu_s": startup_cpu,
                           "mb_per_s_after_startup": size / 1e6 / work if work > 0 else None,
                           "peak_mib": peak})
    return {"module": f"the {len(SCALAR_PROGRAMS)} scalar suite programs x {copies} copies", "wasm_bytes": wasm_bytes, "shards": shards,
            "compiler": subprocess.run([clangxx, "--version"], capture_output=True,
                                       text=True).stdout.splitlines()[0],
            "rows": rows, "headers": headers, "throughput": throughput}


def print_table(report, markdown=False, file=sys.stdout):
    print(f"\nCompile cost: {report['module']} ({report['wasm_bytes'] / 1024:.0f} KiB of wasm), "
          f"{report['compiler']} -O2, CPU time", file=file)
    header = ["tool", "translate (s)", "output (KiB)", "files", "compile CPU (s)",
              "compile peak (MiB)"]
    lines = [header]
    for row in report["rows"]:
        lines.append([row["tool"], f"{row['translate_s']:.3f}", f"{row['output_bytes'] / 1024:.0f}",
                      str(row["files"]), f"{row['compile_cpu_s']:.1f}",
                      f"{row['compile_peak_mib']:.0f}"])
    _print_rows(lines, markdown, file)
    if report.get("headers"):
        print("\nFixed cost per translation unit: an empty file with just these includes "
              "(CPU time, best of 3)", file=file)
        lines = [["includes", "compile CPU (s)"]]
        for row in report["headers"]:
            lines.append([row["includes"], f"{row['compile_cpu_s']:.2f}"])
        _print_rows(lines, markdown, file)
    print("\nTranslation throughput (CPU time, best of 5; 'after start' excludes the "
          "process start measured on an empty module)", file=file)
    lines = [["module", "wasm (KiB)", "translate (s)", "MB/s", "start (s)", "MB/s after start",
              "peak (MiB)"]]
    for row in report["throughput"]:
        after = row.get("mb_per_s_after_startup")
        lines.append([row["module"], f"{row['wasm_bytes'] / 1024:.0f}",
                      f"{row['translate_cpu_s']:.3f}",
                      f"{row['mb_per_s']:.1f}" if row["mb_per_s"] else "-",
                      f"{row['startup_cpu_s']:.3f}" if "startup_cpu_s" in row else "-",
                      f"{after:.1f}" if after else "-",
                      f"{row['peak_mib']:.0f}"])
    _print_rows(lines, markdown, file)


def _print_rows(lines, markdown, file):
    if markdown:
        for i, line in enumerate(lines):
            print("| " + " | ".join(line) + " |", file=file)
            if i == 0:
                print("|" + "---|" * len(line), file=file)
        return
    widths = [max(len(line[c]) for line in lines) for c in range(len(lines[0]))]
    for line in lines:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)), file=file)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--translator", required=True)
    parser.add_argument("--work-dir", default=str(SOURCE_DIR / "build-bench" / "compile-cost"))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--shards", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1, help="compile each output this many times")
    parser.add_argument("--fuzz-mb", type=float, default=1.0,
                        help="MiB of random seed for wasm-opt --translate-to-fuzz (0: skip)")
    parser.add_argument("--json", help="write the report here")
    args = parser.parse_args()
    report = run(Path(args.translator).resolve(), args.work_dir, args.copies, args.shards,
                 args.runs, args.fuzz_mb)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n")
    print_table(report)


if __name__ == "__main__":
    main()
