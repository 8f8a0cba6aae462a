# ctest fixture fuzz/build (cmake -P): configures and builds the clang++
# fuzzer project, then generates the seed corpus from the spec testsuite.
# Inputs: CLANGXX, SOURCE_DIR, FUZZ_DIR (this folder), BINARY_DIR, PYTHON,
# and optionally TESTSUITE + WAST2JSON.
function(run_step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "fuzz/build: step failed (${rc}): ${ARGN}")
  endif()
endfunction()

set(ENV{CXX} "${CLANGXX}")
# No build type: the project sets -O1 -g and the sanitizers itself, and a
# Release type would add -DNDEBUG and silence the translator's assert()s.
run_step(${CMAKE_COMMAND} -S ${FUZZ_DIR}/project -B ${BINARY_DIR}/project -G Ninja
         -DCMAKE_BUILD_TYPE= -DWASM2CPP_SOURCE_DIR=${SOURCE_DIR})
run_step(${CMAKE_COMMAND} --build ${BINARY_DIR}/project -j 2)
file(MAKE_DIRECTORY ${BINARY_DIR}/seeds ${BINARY_DIR}/corpus ${BINARY_DIR}/artifacts)
if(TESTSUITE AND WAST2JSON AND IS_DIRECTORY "${TESTSUITE}")
  # Once: the seeds only depend on the testsuite.
  file(GLOB existing ${BINARY_DIR}/seeds/*.wasm)
  if(NOT existing)
    run_step(${PYTHON} ${FUZZ_DIR}/make_seeds.py --testsuite ${TESTSUITE}
             --wast2json ${WAST2JSON} --out ${BINARY_DIR}/seeds)
  endif()
endif()
