# `wasm2cpp build` from an installed, then moved, prefix (label cmake):
#   cmake -DPREFIX=<installed prefix> -DWORK_DIR=<dir> -DWAT2WASM=<wat2wasm>
#         [-DCXX_COMPILER=..] [-DCXX_FLAGS=..] [-DEXE_LINKER_FLAGS=..] -P build_command_test.cmake
# The prefix is copied elsewhere first: the translator must find the
# runtime relative to itself (a relocatable install), not where it was built.
cmake_minimum_required(VERSION 3.21)

function(fail)
  string(JOIN "" message ${ARGN})
  message(FATAL_ERROR "FAIL: ${message}")
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(moved "${WORK_DIR}/moved-prefix")
file(COPY "${PREFIX}/" DESTINATION "${moved}")

file(WRITE "${WORK_DIR}/hello.wat" [=[
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "hello from an installed wasm2cpp\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 33))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))
    (call $proc_exit (i32.load (i32.const 16)))))
]=])
execute_process(COMMAND "${WAT2WASM}" "${WORK_DIR}/hello.wat" -o "${WORK_DIR}/hello.wasm"
  RESULT_VARIABLE code ERROR_VARIABLE err)
if(code)
  fail("wat2wasm: ${err}")
endif()

set(build_args build "${WORK_DIR}/hello.wasm" -o "${WORK_DIR}/hello" -v)
if(CXX_COMPILER)
  list(APPEND build_args --cxx "${CXX_COMPILER}")
endif()
if(CXX_FLAGS)
  list(APPEND build_args "--cxxflags=${CXX_FLAGS}")
endif()
if(EXE_LINKER_FLAGS)
  list(APPEND build_args "--ldflags=${EXE_LINKER_FLAGS}")
endif()
execute_process(COMMAND "${moved}/bin/wasm2cpp" ${build_args}
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(code)
  fail("wasm2cpp build exited with ${code}:\n${out}${err}")
endif()
string(FIND "${err}" "runtime from the installed prefix ${moved}" found)
if(found EQUAL -1)
  fail("the moved prefix's runtime was not used:\n${err}")
endif()
foreach(dir include lib)
  string(FIND "${err}" "${moved}/" in_prefix)
  if(in_prefix EQUAL -1)
    fail("compiler commands do not use ${moved}:\n${err}")
  endif()
endforeach()

execute_process(COMMAND "${WORK_DIR}/hello" -- a b
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 3 OR NOT out STREQUAL "hello from an installed wasm2cpp\n")
  fail("the built program: exit ${code} (expected 3), stdout '${out}', stderr '${err}'")
endif()
message(STATUS "wasm2cpp build from a moved prefix: ok")
