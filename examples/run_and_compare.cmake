# cmake -DPROGRAM=<exe> -DEXPECTED=<file> -P run_and_compare.cmake
# Runs PROGRAM and fails unless it exits 0 and prints exactly EXPECTED.
execute_process(COMMAND ${PROGRAM} RESULT_VARIABLE status OUTPUT_VARIABLE output
  ERROR_VARIABLE errors)
file(READ ${EXPECTED} expected)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with '${status}'\n${output}${errors}")
endif()
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "${PROGRAM} printed:\n${output}\nexpected:\n${expected}")
endif()
message(STATUS "${output}")
