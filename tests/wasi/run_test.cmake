# Runs one WASI test program: the wasm2cpp build, and the same .wasm under
# node's WASI when NODE is set, each in a fresh work folder holding
#   sandbox/     preopened as /sandbox
#   secret.txt   outside the sandbox (escape attempts must leave it alone)
# then checks the exit code and that both runs printed the same.
#
# -DPROGRAM=<native runner> -DWASM=<file.wasm> -DNAME=<argv[0]> -DWORK=<dir>
# [-DNODE=<node> -DNODE_RUNNER=<node_wasi.mjs>] [-DARGS=a;b] [-DENV=K=V;...]
# [-DSTDIN=<file>] [-DEXPECT_EXIT=<n>] [-DCOMPARE_STDERR=ON|OFF]
# [-DNODE_SKIP_LINES=<regex>] (lines left out of the comparison: documented
# differences from node)
cmake_minimum_required(VERSION 3.21)
if(NOT DEFINED EXPECT_EXIT)
  set(EXPECT_EXIT 0)
endif()
if(NOT DEFINED COMPARE_STDERR)
  set(COMPARE_STDERR ON)
endif()

set(runner_args "")
foreach(kv IN LISTS ENV)
  list(APPEND runner_args --env "${kv}")
endforeach()
list(APPEND runner_args --dir "sandbox::/sandbox" --)
list(APPEND runner_args ${ARGS})

set(input_args "")
if(DEFINED STDIN)
  set(input_args INPUT_FILE "${STDIN}")
endif()

function(run_one kind)
  set(dir "${WORK}/${kind}")
  file(REMOVE_RECURSE "${dir}")
  file(MAKE_DIRECTORY "${dir}/sandbox")
  file(WRITE "${dir}/secret.txt" "TOP SECRET\n")
  if(kind STREQUAL "wasm2cpp")
    set(command "${PROGRAM}" ${runner_args})
  else()
    set(command "${NODE}" --no-warnings "${NODE_RUNNER}" "${WASM}" "${NAME}" ${runner_args})
  endif()
  execute_process(COMMAND ${command} WORKING_DIRECTORY "${dir}" ${input_args}
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
  message("---- ${kind}: exit ${code}\n---- stdout:\n${out}---- stderr:\n${err}")
  # Nothing outside the sandbox may have changed.
  file(READ "${dir}/secret.txt" secret)
  file(GLOB outside RELATIVE "${dir}" "${dir}/*")
  list(SORT outside)
  if(NOT secret STREQUAL "TOP SECRET\n" OR NOT outside STREQUAL "sandbox;secret.txt")
    message(FATAL_ERROR "${kind}: the program changed files outside its sandbox: ${outside}")
  endif()
  set(${kind}_code "${code}" PARENT_SCOPE)
  set(${kind}_out "${out}" PARENT_SCOPE)
  set(${kind}_err "${err}" PARENT_SCOPE)
endfunction()

run_one(wasm2cpp)
if(NOT wasm2cpp_code STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "wasm2cpp: exit code ${wasm2cpp_code}, expected ${EXPECT_EXIT}")
endif()

if(NODE)
  run_one(node)
  function(filtered text out_var)
    if(DEFINED NODE_SKIP_LINES)
      string(REGEX REPLACE "[^\n]*(${NODE_SKIP_LINES})[^\n]*\n" "" text "${text}")
    endif()
    set(${out_var} "${text}" PARENT_SCOPE)
  endfunction()
  filtered("${wasm2cpp_out}" a_out)
  filtered("${node_out}" b_out)
  if(NOT node_code STREQUAL wasm2cpp_code)
    message(FATAL_ERROR "exit codes differ: wasm2cpp ${wasm2cpp_code}, node ${node_code}")
  endif()
  if(NOT a_out STREQUAL b_out)
    message(FATAL_ERROR "stdout differs from node's")
  endif()
  if(COMPARE_STDERR AND NOT wasm2cpp_err STREQUAL node_err)
    message(FATAL_ERROR "stderr differs from node's")
  endif()
  message("same exit code and output as node")
endif()
