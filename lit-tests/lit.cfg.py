# lit configuration for wasm2cpp. Loaded by the lit.site.cfg.py that CMake
# writes into <build>/lit-tests; run lit on that directory:
#   python3 /usr/lib/llvm-14/build/utils/lit/lit.py -v <build>/lit-tests
#
# Substitutions available in RUN lines:
#   %wasm2cpp          the translator under test
#   %wat2wasm          wabt's wat2wasm (tests only; the translator never uses wabt)
#   %cxx               the C++ compiler of this build; %clangxx / %gxx: clang++ / g++
#                      (REQUIRES: clang / gcc; in a sanitizer build only the
#                      build's own compiler can link the runtime, so only its
#                      feature is set)
#   %cxxflags          -std=c++20 -Wall -Wextra -Werror, the runtime include dir and the
#                      build's own flags (sanitizers, -g ...) for compiling generated code
#   %ldflags           the runtime library, -pthread and the build's flags, for linking
#   %runtime_include   runtime/include;  %runtime_lib: the built runtime library
#   %python            the Python running lit (for small byte-level helpers)
#   %expect_exit N     runs the rest of the line and succeeds only if it exits with N
#   %write_bytes F HEX...  writes the bytes (in hex) to file F
#   %version           the project version, e.g. 0.1.0
#   %default_bounds_checks  guard or explicit: what --bounds-checks defaults to here
#   FileCheck, not, count are on PATH.
# Features for REQUIRES/UNSUPPORTED: clang, gcc, guard-pages (64-bit Linux or
# macOS: --bounds-checks defaults to guard), asan, ubsan.
import os
import platform
import shlex
import sys

import lit.formats

config.name = "wasm2cpp"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test", ".wat"]
config.excludes = ["Inputs", "CMakeLists.txt", "README.md", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.wasm2cpp_obj_root, "lit-tests")

# FileCheck, not and count come from a directory of links made by CMake, so
# PATH does not pick up unrelated tools from the LLVM bin directory.
tools_dir = os.path.join(config.test_exec_root, "bin")
config.environment["PATH"] = os.pathsep.join([tools_dir, os.environ.get("PATH", "")])
for passthrough in ["HOME", "TMPDIR", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"]:
    if passthrough in os.environ:
        config.environment[passthrough] = os.environ[passthrough]

build_flags = config.build_cxx_flags
cxxflags = "-std=c++20 -Wall -Wextra -Werror -I{} {}".format(
    shlex.quote(config.runtime_include), build_flags)
ldflags = "{} -pthread {}".format(shlex.quote(config.runtime_lib), build_flags)

config.substitutions.append(("%wasm2cpp", shlex.quote(config.wasm2cpp)))
config.substitutions.append(("%wat2wasm", shlex.quote(config.wat2wasm)))
config.substitutions.append(("%cxxflags", cxxflags.strip()))
config.substitutions.append(("%ldflags", ldflags.strip()))
config.substitutions.append(("%clangxx", shlex.quote(config.clangxx or "clang++")))
config.substitutions.append(("%gxx", shlex.quote(config.gxx or "g++")))
config.substitutions.append(("%cxx", shlex.quote(config.cxx)))
config.substitutions.append(("%runtime_include", shlex.quote(config.runtime_include)))
config.substitutions.append(("%runtime_lib", shlex.quote(config.runtime_lib)))
inputs_dir = os.path.join(config.test_source_root, "Inputs")
config.substitutions.append(("%expect_exit", "{} {}".format(
    shlex.quote(sys.executable), shlex.quote(os.path.join(inputs_dir, "expect_exit.py")))))
config.substitutions.append(("%write_bytes", "{} {}".format(
    shlex.quote(sys.executable), shlex.quote(os.path.join(inputs_dir, "write_bytes.py")))))
config.substitutions.append(("%python", shlex.quote(sys.executable)))
config.substitutions.append(("%version", config.version))

# The build's flags go into %cxxflags/%ldflags. With sanitizers, the runtime
# library is instrumented for the build's own compiler, whose sanitizer
# runtime the other compiler cannot link: then only that one is offered.
sanitizers = set()
for flag in shlex.split(build_flags):
    if flag.startswith("-fsanitize="):
        sanitizers.update(flag[len("-fsanitize="):].split(","))
if "address" in sanitizers:
    config.available_features.add("asan")
if "undefined" in sanitizers:
    config.available_features.add("ubsan")
if config.clangxx and (not sanitizers or config.cxx_id == "Clang"):
    config.available_features.add("clang")
if config.gxx and (not sanitizers or config.cxx_id == "GNU"):
    config.available_features.add("gcc")
if platform.system() in ("Linux", "Darwin") and sys.maxsize > 2**32:
    config.available_features.add("guard-pages")
    config.substitutions.append(("%default_bounds_checks", "guard"))
else:
    config.substitutions.append(("%default_bounds_checks", "explicit"))
