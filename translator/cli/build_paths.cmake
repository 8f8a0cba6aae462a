# Where `wasm2cpp build` finds the runtime headers and libraries, recorded at
# configure time into <build>/translator/generated/cli/build_paths.hpp
# (included by translator/CMakeLists.txt after the wasm2cpp target exists):
#  - the installed layout relative to the translator (bin -> include, bin -> lib),
#    tried first, so an installed prefix works wherever it is moved;
#  - this build tree (source include dirs, built libraries), the fallback for
#    a translator run from the build tree.
include(GNUInstallDirs)
file(RELATIVE_PATH WASM2CPP_BIN_TO_INCLUDE "${CMAKE_INSTALL_FULL_BINDIR}"
  "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
file(RELATIVE_PATH WASM2CPP_BIN_TO_LIB "${CMAKE_INSTALL_FULL_BINDIR}"
  "${CMAKE_INSTALL_FULL_LIBDIR}")
foreach(var WASM2CPP_BIN_TO_INCLUDE WASM2CPP_BIN_TO_LIB)
  if(${var} STREQUAL "")
    set(${var} ".")
  endif()
endforeach()

set(WASM2CPP_BUILD_TREE_INCLUDES "${PROJECT_SOURCE_DIR}/runtime/include")
set(WASM2CPP_BUILD_TREE_WASI_INCLUDE "")
set(WASM2CPP_BUILD_TREE_WASI_LIB "")
if(TARGET wasm2cpp_wasi)
  set(WASM2CPP_BUILD_TREE_WASI_INCLUDE "${PROJECT_SOURCE_DIR}/runtime/wasi/include")
  set(WASM2CPP_BUILD_TREE_WASI_LIB "$<TARGET_FILE:wasm2cpp_wasi>")
endif()
set(WASM2CPP_BUILD_TREE_RUNTIME_LIB "$<TARGET_FILE:wasm2cpp_runtime>")
set(WASM2CPP_STATIC_LIB_PREFIX "${CMAKE_STATIC_LIBRARY_PREFIX}")
set(WASM2CPP_STATIC_LIB_SUFFIX "${CMAKE_STATIC_LIBRARY_SUFFIX}")

# Two steps: @VAR@ substitution, then generator expressions (library paths).
set(_generated "${CMAKE_CURRENT_BINARY_DIR}/generated/cli")
configure_file("${CMAKE_CURRENT_LIST_DIR}/build_paths.hpp.in"
  "${_generated}/build_paths.hpp.configured" @ONLY)
file(GENERATE OUTPUT "${_generated}/build_paths.hpp"
  INPUT "${_generated}/build_paths.hpp.configured")
target_include_directories(wasm2cpp PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/generated")
# The translator does not link the runtime; it only needs to be built first
# so that `wasm2cpp build` from the build tree finds it.
add_dependencies(wasm2cpp wasm2cpp_runtime)
if(TARGET wasm2cpp_wasi)
  add_dependencies(wasm2cpp wasm2cpp_wasi)
endif()
