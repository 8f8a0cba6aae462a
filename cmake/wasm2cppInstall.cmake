# Install rules and the CMake config package:
#   <prefix>/bin/wasm2cpp                       the translator
#   <prefix>/include/wasm2cpp/*.hpp             the runtime (and WASI) headers
#   <prefix>/lib/libwasm2cpp_runtime.a, ..._wasi.a
#   <prefix>/lib/cmake/wasm2cpp/                wasm2cppConfig.cmake, ...Version,
#                                               wasm2cppTargets*.cmake, wasm2cppFunctions.cmake
# so that find_package(wasm2cpp CONFIG REQUIRED) yields wasm2cpp::wasm2cpp,
# wasm2cpp::runtime, wasm2cpp::wasi and the functions of wasm2cppFunctions.cmake.
#
# The same config is also written into the build tree, so a project can use an
# uninstalled build with -Dwasm2cpp_DIR=<wasm2cpp build dir>.

include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(WASM2CPP_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/wasm2cpp" CACHE STRING
  "Where the wasm2cpp CMake package files are installed (relative to the prefix)")
mark_as_advanced(WASM2CPP_INSTALL_CMAKEDIR)


# The project's warning flags are linked PRIVATE into the libraries; for a
# static library CMake still records that as $<LINK_ONLY:...> in the exported
# interface, so the (empty at link time) interface target has to be exported
# too. LINK_ONLY means its compile options never reach consumers.
if(TARGET wasm2cpp_warnings)
  set_target_properties(wasm2cpp_warnings PROPERTIES EXPORT_NAME internal_warnings)
  install(TARGETS wasm2cpp_warnings EXPORT wasm2cppTargets)
endif()

# An include directory given as a plain path into this source or build tree
# cannot be exported (CMake refuses to generate). Rewrite such entries of an
# installed library as $<BUILD_INTERFACE:...> (installed headers are found
# through INCLUDES DESTINATION below), so a sub-library that forgot the idiom
# does not break the configure of the whole project.
function(_wasm2cpp_make_includes_installable target)
  get_target_property(includes ${target} INTERFACE_INCLUDE_DIRECTORIES)
  if(NOT includes)
    return()
  endif()
  set(rewritten "")
  set(changed FALSE)
  foreach(entry IN LISTS includes)
    set(in_source FALSE)
    set(in_build FALSE)
    if(NOT entry MATCHES [[^\$<]] AND IS_ABSOLUTE "${entry}")
      cmake_path(IS_PREFIX PROJECT_SOURCE_DIR "${entry}" NORMALIZE in_source)
      cmake_path(IS_PREFIX PROJECT_BINARY_DIR "${entry}" NORMALIZE in_build)
    endif()
    if(in_source OR in_build)
      list(APPEND rewritten "$<BUILD_INTERFACE:${entry}>")
      set(changed TRUE)
    else()
      list(APPEND rewritten "${entry}")
    endif()
  endforeach()
  if(changed)  # the installed include dir comes from install(TARGETS ... INCLUDES DESTINATION)
    set_property(TARGET ${target} PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${rewritten}")
  endif()
endfunction()

if(TARGET wasm2cpp)
  install(TARGETS wasm2cpp EXPORT wasm2cppTargets
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT wasm2cpp_translator)
endif()

_wasm2cpp_make_includes_installable(wasm2cpp_runtime)
install(TARGETS wasm2cpp_runtime EXPORT wasm2cppTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT wasm2cpp_runtime
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT wasm2cpp_runtime
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/runtime/include/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT wasm2cpp_runtime
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h" PATTERN "*.def")

if(TARGET wasm2cpp_wasi)
  set_target_properties(wasm2cpp_wasi PROPERTIES EXPORT_NAME wasi)
  _wasm2cpp_make_includes_installable(wasm2cpp_wasi)
  install(TARGETS wasm2cpp_wasi EXPORT wasm2cppTargets
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT wasm2cpp_runtime
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT wasm2cpp_runtime
    INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
  if(IS_DIRECTORY "${PROJECT_SOURCE_DIR}/runtime/wasi/include")
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/runtime/wasi/include/"
      DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT wasm2cpp_runtime
      FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
  endif()
endif()

install(EXPORT wasm2cppTargets
  NAMESPACE wasm2cpp::
  DESTINATION "${WASM2CPP_INSTALL_CMAKEDIR}"
  COMPONENT wasm2cpp_development)

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/wasm2cppConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/wasm2cppConfig.cmake"
  INSTALL_DESTINATION "${WASM2CPP_INSTALL_CMAKEDIR}")
# 0.x releases may break compatibility between minor versions.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/wasm2cppConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/wasm2cppConfig.cmake"
  "${PROJECT_BINARY_DIR}/wasm2cppConfigVersion.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/wasm2cppFunctions.cmake"
  DESTINATION "${WASM2CPP_INSTALL_CMAKEDIR}"
  COMPONENT wasm2cpp_development)

# Build-tree package: same config, targets pointing into this build.
export(EXPORT wasm2cppTargets
  NAMESPACE wasm2cpp::
  FILE "${PROJECT_BINARY_DIR}/wasm2cppTargets.cmake")
configure_file("${CMAKE_CURRENT_LIST_DIR}/wasm2cppFunctions.cmake"
  "${PROJECT_BINARY_DIR}/wasm2cppFunctions.cmake" COPYONLY)

