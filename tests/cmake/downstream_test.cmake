# End-to-end test of wasm2cpp's CMake integration, run as a script:
#
#   cmake -DSTEP=install   -DBUILD_DIR=<wasm2cpp build> -DPREFIX=<dir> -P downstream_test.cmake
#   cmake -DSTEP=installed   -DPREFIX=<dir> ... -P downstream_test.cmake
#   cmake -DSTEP=fetchcontent -DSOURCE_DIR=<wasm2cpp source> ... -P downstream_test.cmake
#
# Common variables: GENERATOR ("Ninja" / "Unix Makefiles"), WORK_DIR (wiped
# first), EXAMPLE_DIR (examples/cmake-downstream), CLANG (for prebuilt .wasm
# files), CXX_COMPILER, CXX_FLAGS, EXE_LINKER_FLAGS, BUILD_TYPE (default
# Debug); EXPECT_WASI (the build has wasm2cpp::wasi), WASI_LIBC (wasi-libc is
# installed: build and run the example's WASI command too); TRANSLATOR (fetchcontent: use this translator through
# WASM2CPP_EXECUTABLE instead of building one), BUILD_TARGET (build only this
# target instead of all).
#
# The downstream example is configured, built and run; then its inputs are
# changed behind the build system's back (a C source, a prebuilt .wasm, the
# translator) and a plain rebuild -- no reconfigure -- must produce the new
# behaviour, while a rebuild with nothing changed must do nothing.
cmake_minimum_required(VERSION 3.21)

function(fail)
  string(JOIN "" message ${ARGN})
  message(FATAL_ERROR "FAIL: ${message}")
endfunction()

function(step)
  string(JOIN "" message ${ARGN})
  message(STATUS "[${STEP}/${GENERATOR}] ${message}")
endfunction()

# Runs a command; fails the test with its output unless it exits 0.
# The combined output is returned in <out_var>.
function(run out_var)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT code EQUAL 0)
    string(JOIN " " command ${ARGN})
    fail("`${command}` exited with ${code}:\n${out}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

# Sets a file's modification time safely after every output of the previous
# build: make and ninja compare timestamps, and a build and an edit can fall
# within one tick of a coarse file-system clock.
function(touch_later path)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E sleep 1.1)
  file(TOUCH "${path}")
endfunction()

function(configure_downstream build_dir)
  set(args -S "${WORK_DIR}/src" -B "${build_dir}" -G "${GENERATOR}"
    "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
  if(CXX_COMPILER)
    list(APPEND args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
  endif()
  # The same flags as the wasm2cpp build: a sanitizer build's runtime only
  # links into code compiled the same way.
  if(CXX_FLAGS)
    list(APPEND args "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
  endif()
  if(EXE_LINKER_FLAGS)
    list(APPEND args "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}")
  endif()
  run(out "${CMAKE_COMMAND}" ${args} ${ARGN})
  step("configured ${build_dir}")
endfunction()

# Builds; <out_var> receives the build tool's output. A build must never
# re-run CMake: the tests are about build-time dependencies only.
function(build build_dir out_var)
  set(target_args "")
  if(BUILD_TARGET)
    set(target_args --target "${BUILD_TARGET}")
  endif()
  run(out "${CMAKE_COMMAND}" --build "${build_dir}" -j 2 ${target_args})
  if(out MATCHES "Re-running CMake|Configuring done")
    fail("the build re-ran CMake:\n${out}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

function(expect_output build_dir expected)
  run(out "${build_dir}/downstream")
  string(STRIP "${out}" out)
  if(NOT out STREQUAL expected)
    fail("downstream printed '${out}', expected '${expected}'")
  endif()
  step("downstream printed ${expected}")
endfunction()

function(expect_translated build_output why)
  if(NOT build_output MATCHES "wasm2cpp: translating")
    fail("${why}: the module was not re-translated:\n${build_output}")
  endif()
endfunction()

# A second build with nothing changed must not run any command.
function(expect_no_work build_dir)
  build("${build_dir}" out)
  # wasm2cpp globs its sources with CONFIGURE_DEPENDS, so a build that
  # includes it (FetchContent) always re-checks the globs: that step is
  # allowed, any other one is not.
  string(REGEX REPLACE "[^\n]*(Re-checking globbed directories|VerifyGlobs|verify_globs)[^\n]*"
    "" out "${out}")
  if(GENERATOR STREQUAL "Ninja")
    if(out MATCHES "\\[[0-9]+/[0-9]+\\][^\n]*")
      fail("a build with nothing changed did work: '${CMAKE_MATCH_0}'\n${out}")
    endif()
    run(explain ninja -C "${build_dir}" -n -d explain)
    string(REGEX REPLACE "[^\n]*(Re-checking globbed directories|VerifyGlobs|verify_globs)[^\n]*"
      "" explain "${explain}")
    if(explain MATCHES "ninja explain:[^\n]*")
      fail("ninja still finds something out of date: '${CMAKE_MATCH_0}'\n${explain}")
    endif()
  elseif(out MATCHES "(Generating|Building|Linking|wasm2cpp: )[^\n]*")
    fail("a build with nothing changed did work: '${CMAKE_MATCH_0}'\n${out}")
  endif()
  step("a build with nothing changed did nothing")
endfunction()

function(write_answer_source value)
  file(WRITE "${WORK_DIR}/src/answer.c" "int answer(void) { return ${value}; }\n")
  touch_later("${WORK_DIR}/src/answer.c")
endfunction()

# Builds <wasm> from a one-line C file whose answer() returns <value>.
function(make_answer_wasm wasm value)
  set(c_file "${WORK_DIR}/prebuilt_${value}.c")
  file(WRITE "${c_file}" "int answer(void) { return ${value}; }\n")
  run(out "${CLANG}" --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--export=answer
    "${c_file}" -o "${wasm}.tmp")
  file(RENAME "${wasm}.tmp" "${wasm}")
  touch_later("${wasm}")
endfunction()

# The C route: answer.c -> wasm2cpp_add_wasm -> wasm2cpp_add_module -> host.
function(check_c_source_route build_dir)
  build("${build_dir}" out)
  expect_output("${build_dir}" 42)
  expect_no_work("${build_dir}")

  write_answer_source(1234)
  build("${build_dir}" out)
  expect_translated("${out}" "after editing answer.c")
  expect_output("${build_dir}" 1234)
  expect_no_work("${build_dir}")
endfunction()

# Rebuilding (or replacing) the translator must regenerate the module.
function(check_translator_dependency build_dir translator)
  if(NOT EXISTS "${translator}")
    fail("translator '${translator}' not found")
  endif()
  touch_later("${translator}")
  build("${build_dir}" out)
  expect_translated("${out}" "after updating the translator")
  expect_no_work("${build_dir}")
endfunction()

foreach(required GENERATOR WORK_DIR STEP)
  if(NOT DEFINED ${required})
    fail("-D${required}=... is required")
  endif()
endforeach()
if(NOT BUILD_TYPE)
  set(BUILD_TYPE Debug)
endif()

if(STEP STREQUAL "install")
  # Install the wasm2cpp build under test into a fresh prefix and check the
  # package layout.
  file(REMOVE_RECURSE "${PREFIX}")
  run(out "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")
  foreach(file
      bin/wasm2cpp
      include/wasm2cpp/runtime.hpp
      lib/cmake/wasm2cpp/wasm2cppConfig.cmake
      lib/cmake/wasm2cpp/wasm2cppConfigVersion.cmake
      lib/cmake/wasm2cpp/wasm2cppTargets.cmake
      lib/cmake/wasm2cpp/wasm2cppFunctions.cmake)
    if(NOT EXISTS "${PREFIX}/${file}")
      fail("'${file}' was not installed into ${PREFIX}:\n${out}")
    endif()
  endforeach()
  file(GLOB runtime_library "${PREFIX}/lib*/libwasm2cpp_runtime.a")
  if(NOT runtime_library)
    fail("the runtime library was not installed into ${PREFIX}/lib")
  endif()
  if(EXPECT_WASI)  # the build has the WASI library
    file(GLOB wasi_library "${PREFIX}/lib*/libwasm2cpp_wasi.a")
    file(GLOB wasi_headers "${PREFIX}/include/wasm2cpp/wasi/*.hpp")
    if(NOT wasi_library OR NOT wasi_headers)
      fail("the WASI library or its headers were not installed into ${PREFIX}")
    endif()
    file(GLOB targets_files "${PREFIX}/lib*/cmake/wasm2cpp/wasm2cppTargets.cmake")
    file(READ "${targets_files}" targets)
    if(NOT targets MATCHES "add_library\\(wasm2cpp::wasi STATIC IMPORTED\\)")
      fail("the package does not export wasm2cpp::wasi")
    endif()
  endif()
  step("installed into ${PREFIX}")
  return()
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(COPY "${EXAMPLE_DIR}/" DESTINATION "${WORK_DIR}/src")

if(STEP STREQUAL "installed")
  set(package_args "-DCMAKE_PREFIX_PATH=${PREFIX}" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)

  set(wasi_args "")
  if(EXPECT_WASI AND WASI_LIBC)
    set(wasi_args -DDOWNSTREAM_WASI=ON)
  endif()
  configure_downstream("${WORK_DIR}/build-c" ${package_args} ${wasi_args})
  check_c_source_route("${WORK_DIR}/build-c")
  if(wasi_args)
    run(out "${WORK_DIR}/build-c/hello_wasi" -- downstream)
    if(NOT out STREQUAL "hello from WASI: downstream\n")
      fail("hello_wasi printed '${out}'")
    endif()
    step("the WASI command ran")
  endif()
  check_translator_dependency("${WORK_DIR}/build-c" "${PREFIX}/bin/wasm2cpp")

  # The prebuilt route: replacing the .wasm file itself regenerates. This
  # build also runs the translator through WASM2CPP_EXECUTABLE (what a cross
  # build does), here a copy of the installed one. CMAKE_UNITY_BUILD is on:
  # the module's three files must still compile as separate units.
  set(wasm "${WORK_DIR}/answer.wasm")
  make_answer_wasm("${wasm}" 7)
  set(translator_copy "${WORK_DIR}/host-tools/wasm2cpp")
  file(COPY "${PREFIX}/bin/wasm2cpp" DESTINATION "${WORK_DIR}/host-tools")
  configure_downstream("${WORK_DIR}/build-wasm" ${package_args} "-DANSWER_WASM=${wasm}"
    "-DWASM2CPP_EXECUTABLE=${translator_copy}" -DANSWER_SHARDS=3 -DCMAKE_UNITY_BUILD=ON)
  build("${WORK_DIR}/build-wasm" out)
  foreach(shard answer.cpp answer_1.cpp answer_2.cpp)
    if(NOT EXISTS "${WORK_DIR}/build-wasm/wasm2cpp/answer_module/${shard}")
      fail("SHARDS 3 did not produce ${shard}")
    endif()
  endforeach()
  expect_output("${WORK_DIR}/build-wasm" 7)
  expect_no_work("${WORK_DIR}/build-wasm")
  make_answer_wasm("${wasm}" 99)
  build("${WORK_DIR}/build-wasm" out)
  expect_translated("${out}" "after replacing the .wasm")
  expect_output("${WORK_DIR}/build-wasm" 99)
  expect_no_work("${WORK_DIR}/build-wasm")
  check_translator_dependency("${WORK_DIR}/build-wasm" "${translator_copy}")
elseif(STEP STREQUAL "fetchcontent")
  # FetchContent of a snapshot of the source tree, so that edits made to the
  # tree while the test runs (wasm2cpp globs its sources) cannot make CMake
  # re-run in the middle of the checks. .git, what git ignores and build
  # trees (build/release/CMakeCache.txt ...) are left out.
  set(snapshot "${WORK_DIR}/wasm2cpp-source")
  find_program(GIT_EXECUTABLE git)
  file(GLOB entries LIST_DIRECTORIES true RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/*")
  foreach(entry IN LISTS entries)
    file(GLOB caches
      "${SOURCE_DIR}/${entry}/CMakeCache.txt" "${SOURCE_DIR}/${entry}/*/CMakeCache.txt")
    if(entry STREQUAL ".git" OR caches)
      continue()
    endif()
    if(GIT_EXECUTABLE AND EXISTS "${SOURCE_DIR}/.git")
      execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" check-ignore -q -- "${entry}"
        RESULT_VARIABLE ignored OUTPUT_QUIET ERROR_QUIET)
      if(ignored EQUAL 0)
        continue()
      endif()
    endif()
    file(COPY "${SOURCE_DIR}/${entry}" DESTINATION "${snapshot}")
  endforeach()
  set(args "-DWASM2CPP_SOURCE_DIR=${snapshot}")
  if(TRANSLATOR)  # a translator built elsewhere (what a cross build does)
    list(APPEND args "-DWASM2CPP_EXECUTABLE=${TRANSLATOR}")
  endif()
  configure_downstream("${WORK_DIR}/build" ${args})
  check_c_source_route("${WORK_DIR}/build")
  # By default the translator is built inside this build: relinking it must
  # regenerate.
  if(NOT TRANSLATOR)
    file(GLOB_RECURSE TRANSLATOR "${WORK_DIR}/build/_deps/*/translator/wasm2cpp")
  endif()
  check_translator_dependency("${WORK_DIR}/build" "${TRANSLATOR}")
else()
  fail("unknown STEP '${STEP}'")
endif()
message(STATUS "[${STEP}/${GENERATOR}] all checks passed")
