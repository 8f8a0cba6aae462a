# CMake functions for projects that use wasm2cpp:
#
#   wasm2cpp_add_module(<target> WASM <file.wasm | wasm-target> ...)
#     translates a .wasm into C++ at build time and wraps the generated files
#     in a static library.
#   wasm2cpp_add_wasm(<target> SOURCES <c/c++ files>... ...)
#     compiles C/C++ sources to a .wasm with clang inside the same build.
#
# Included by wasm2cpp's own CMakeLists.txt (add_subdirectory / FetchContent)
# and by the installed wasm2cppConfig.cmake (find_package). The reference is
# docs/cmake.md.

include_guard(GLOBAL)

# Functions record the policies in force where they are defined, so pin them
# here rather than inherit whatever the consuming project chose.
cmake_policy(PUSH)
cmake_policy(VERSION 3.21...3.28)

set(WASM2CPP_EXECUTABLE "" CACHE FILEPATH
  "wasm2cpp translator run by wasm2cpp_add_module (empty: the wasm2cpp::wasm2cpp target); \
set it to a host build of wasm2cpp when cross compiling")

# Reports an error about an argument of <function>.
function(_wasm2cpp_fail function_name)
  string(JOIN "" message ${ARGN})
  message(FATAL_ERROR "${function_name}: ${message}")
endfunction()

function(_wasm2cpp_reject_unparsed function_name)
  if(ARGN)
    list(JOIN ARGN " " unparsed)
    _wasm2cpp_fail(${function_name} "unexpected arguments: ${unparsed}")
  endif()
endfunction()

# Sets <out_var> to the path in variable <arg_var> made absolute against the
# current binary directory, or to <default> when <arg_var> is not defined
# (an optional OUTPUT / OUTPUT_DIR argument).
function(_wasm2cpp_output_path out_var arg_var default)
  if(DEFINED ${arg_var})
    cmake_path(ABSOLUTE_PATH ${arg_var} BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
      NORMALIZE OUTPUT_VARIABLE path)
  else()
    set(path "${default}")
  endif()
  set(${out_var} "${path}" PARENT_SCOPE)
endfunction()

# Sets <out_command> to what runs the translator in a custom command and
# <out_depends> to what such a command must depend on, so rebuilding the
# translator regenerates every module.
function(_wasm2cpp_translator out_command out_depends)
  if(WASM2CPP_EXECUTABLE)
    if(NOT IS_ABSOLUTE "${WASM2CPP_EXECUTABLE}")
      find_program(_wasm2cpp_resolved_executable NAMES "${WASM2CPP_EXECUTABLE}" NO_CACHE)
      if(NOT _wasm2cpp_resolved_executable)
        _wasm2cpp_fail(wasm2cpp_add_module
          "WASM2CPP_EXECUTABLE='${WASM2CPP_EXECUTABLE}' was not found")
      endif()
      set(executable "${_wasm2cpp_resolved_executable}")
    else()
      set(executable "${WASM2CPP_EXECUTABLE}")
    endif()
    set(${out_command} "${executable}" PARENT_SCOPE)
    set(${out_depends} "${executable}" PARENT_SCOPE)
  elseif(TARGET wasm2cpp::wasm2cpp)
    # A target name in DEPENDS adds both the target-level dependency (build
    # the translator first) and a file-level one on the executable itself.
    set(${out_command} "$<TARGET_FILE:wasm2cpp::wasm2cpp>" PARENT_SCOPE)
    set(${out_depends} wasm2cpp::wasm2cpp PARENT_SCOPE)
  else()
    _wasm2cpp_fail(wasm2cpp_add_module
      "no translator: the target wasm2cpp::wasm2cpp does not exist (use find_package(wasm2cpp) "
      "or add_subdirectory/FetchContent of wasm2cpp first) and WASM2CPP_EXECUTABLE is not set")
  endif()
endfunction()

# wasm2cpp_add_module(<target> WASM <file.wasm | wasm-target>
#                     [NAME <name>] [NAMESPACE <ns>] [SHARDS <n>]
#                     [BOUNDS_CHECKS guard|explicit] [FEATURES <feature>...]
#                     [WASI] [OUTPUT_DIR <dir>] [OPTIONS <extra CLI args>...])
function(wasm2cpp_add_module target)
  set(fn wasm2cpp_add_module)
  cmake_parse_arguments(PARSE_ARGV 1 arg
    "WASI"
    "WASM;NAME;NAMESPACE;SHARDS;BOUNDS_CHECKS;OUTPUT_DIR"
    "FEATURES;OPTIONS")
  _wasm2cpp_reject_unparsed(${fn} ${arg_UNPARSED_ARGUMENTS})
  if(TARGET "${target}")
    _wasm2cpp_fail(${fn} "target '${target}' already exists")
  endif()

  # --- input -----------------------------------------------------------------
  if(NOT DEFINED arg_WASM OR arg_WASM STREQUAL "")
    _wasm2cpp_fail(${fn} "WASM <file.wasm> is required")
  endif()
  set(wasm_target "")
  if(TARGET "${arg_WASM}")
    get_target_property(wasm_file "${arg_WASM}" WASM_FILE)
    if(NOT wasm_file)
      _wasm2cpp_fail(${fn} "WASM names the target '${arg_WASM}', which has no WASM_FILE "
        "property (targets made by wasm2cpp_add_wasm have one)")
    endif()
    set(wasm_target "${arg_WASM}")
  elseif(arg_WASM MATCHES [[\$<]])
    set(wasm_file "${arg_WASM}")  # a generator expression: used as given
  else()
    cmake_path(ABSOLUTE_PATH arg_WASM BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
      NORMALIZE OUTPUT_VARIABLE wasm_file)
  endif()

  # --- options ---------------------------------------------------------------
  if(DEFINED arg_NAME)
    set(name "${arg_NAME}")
  else()
    set(name "${target}")
  endif()
  if(NOT name MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    if(DEFINED arg_NAME)
      _wasm2cpp_fail(${fn} "NAME '${name}' is not a C++ identifier")
    endif()
    _wasm2cpp_fail(${fn} "the module name defaults to the target name '${target}', which is not "
      "a C++ identifier: pass NAME <identifier>")
  endif()

  set(shards 1)
  if(DEFINED arg_SHARDS)
    if(NOT arg_SHARDS MATCHES "^[1-9][0-9]*$")
      _wasm2cpp_fail(${fn} "SHARDS must be a positive integer, got '${arg_SHARDS}'")
    endif()
    set(shards "${arg_SHARDS}")
  endif()

  set(cli_args --name "${name}")
  if(DEFINED arg_NAMESPACE)
    if(NOT arg_NAMESPACE MATCHES "^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*$")
      _wasm2cpp_fail(${fn} "NAMESPACE '${arg_NAMESPACE}' is not a C++ namespace (a or a::b)")
    endif()
    list(APPEND cli_args --namespace "${arg_NAMESPACE}")
  endif()
  if(DEFINED arg_BOUNDS_CHECKS)
    if(NOT arg_BOUNDS_CHECKS MATCHES "^(guard|explicit)$")
      _wasm2cpp_fail(${fn} "BOUNDS_CHECKS must be guard or explicit, got '${arg_BOUNDS_CHECKS}'")
    endif()
    list(APPEND cli_args "--bounds-checks=${arg_BOUNDS_CHECKS}")
  endif()
  if(shards GREATER 1)
    list(APPEND cli_args --shards "${shards}")
  endif()
  foreach(feature IN LISTS arg_FEATURES)
    if(NOT feature MATCHES "^[a-z0-9-]+$")
      _wasm2cpp_fail(${fn} "FEATURES: '${feature}' is not a feature name (e.g. simd, threads)")
    endif()
    list(APPEND cli_args "--enable-${feature}")
  endforeach()
  list(APPEND cli_args ${arg_OPTIONS})

  # --- outputs ---------------------------------------------------------------
  # Every output name is known now (SHARDS fixes them), which is what lets a
  # single custom command feed a library whose sources never change shape.
  _wasm2cpp_output_path(output_dir arg_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/wasm2cpp/${target}")
  set(header "${output_dir}/${name}.hpp")
  set(sources "${output_dir}/${name}.cpp")
  if(shards GREATER 1)
    math(EXPR last_shard "${shards} - 1")
    foreach(shard RANGE 1 ${last_shard})
      list(APPEND sources "${output_dir}/${name}_${shard}.cpp")
    endforeach()
  endif()

  _wasm2cpp_translator(translator translator_depends)
  if(wasm_file MATCHES [[\$<]])
    set(wasm_display "the .wasm of ${target}")
  else()
    cmake_path(GET wasm_file FILENAME wasm_display)
  endif()
  # The translator creates the output folder and writes every file (all or
  # nothing) on each run, so the outputs are always newer than the inputs.
  add_custom_command(
    OUTPUT ${header} ${sources}
    COMMAND "${translator}" "${wasm_file}" -o "${output_dir}/${name}" ${cli_args}
    DEPENDS "${wasm_file}" ${wasm_target} ${translator_depends}
    COMMENT "wasm2cpp: translating ${wasm_display} to ${name}.hpp/.cpp"
    VERBATIM)

  add_library(${target} STATIC ${header} ${sources})
  # Each generated file is its own translation unit: shards define the same
  # file-local names (the module's Context, static function declarations),
  # and the first file includes the module header in its light form
  # (WASM2CPP_MODULE_API_ONLY). A unity build (CMAKE_UNITY_BUILD) would
  # merge them into one and fail to compile.
  set_target_properties(${target} PROPERTIES UNITY_BUILD OFF)
  target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${output_dir}>")
  target_link_libraries(${target} PUBLIC wasm2cpp::runtime)
  # Generated code never reads errno, and WebAssembly's sqrt of a negative
  # number is just NaN: without this, sqrt costs a compare and a branch to the
  # library function for errno's sake.
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang,AppleClang>:-fno-math-errno>)
  if(arg_WASI)
    if(TARGET wasm2cpp::wasi)
      target_link_libraries(${target} PUBLIC wasm2cpp::wasi)
    elseif(TARGET wasm2cpp_wasi)  # the source tree's own name, should no alias exist
      target_link_libraries(${target} PUBLIC wasm2cpp_wasi)
    else()
      _wasm2cpp_fail(${fn} "WASI was requested but the target wasm2cpp::wasi does not exist "
        "(this wasm2cpp was built without WASI support)")
    endif()
  endif()
  set_target_properties(${target} PROPERTIES
    WASM2CPP_NAME "${name}"
    WASM2CPP_HEADER "${header}"
    WASM2CPP_OUTPUT_DIR "${output_dir}"
    WASM2CPP_WASM_FILE "${wasm_file}")
endfunction()

# Finds clang and records it in WASM2CPP_CLANG; clang drives wasm-ld itself.
function(_wasm2cpp_find_clang)
  if(WASM2CPP_CLANG)
    return()
  endif()
  set(candidates clang)
  foreach(version RANGE 20 14 -1)
    list(APPEND candidates clang-${version})
  endforeach()
  find_program(WASM2CPP_CLANG NAMES ${candidates}
    DOC "clang used by wasm2cpp_add_wasm to compile C/C++ to WebAssembly")
  if(NOT WASM2CPP_CLANG)
    _wasm2cpp_fail(wasm2cpp_add_wasm "clang was not found (set WASM2CPP_CLANG; on Debian: "
      "apt-get install clang lld, plus wasi-libc for WASI)")
  endif()
endfunction()

# wasm2cpp_add_wasm(<target> SOURCES <c or c++ files>...
#                   [WASI] [EXPORTS <names>...] [COMPILE_OPTIONS <flags>...]
#                   [LINK_OPTIONS <flags>...] [OUTPUT <file.wasm>])
function(wasm2cpp_add_wasm target)
  set(fn wasm2cpp_add_wasm)
  cmake_parse_arguments(PARSE_ARGV 1 arg
    "WASI"
    "OUTPUT"
    "SOURCES;EXPORTS;COMPILE_OPTIONS;LINK_OPTIONS")
  _wasm2cpp_reject_unparsed(${fn} ${arg_UNPARSED_ARGUMENTS})
  if(TARGET "${target}")
    _wasm2cpp_fail(${fn} "target '${target}' already exists")
  endif()
  if(NOT arg_SOURCES)
    _wasm2cpp_fail(${fn} "SOURCES <files>... is required")
  endif()
  _wasm2cpp_find_clang()

  if(arg_WASI)
    set(clang_target --target=wasm32-wasi)
    set(link_flags "")
  else()
    # Freestanding: no libc, no crt, no main; the exports are the interface.
    set(clang_target --target=wasm32)
    set(link_flags -nostdlib -Wl,--no-entry)
  endif()
  foreach(export_name IN LISTS arg_EXPORTS)
    list(APPEND link_flags "-Wl,--export=${export_name}")
  endforeach()
  list(APPEND link_flags ${arg_LINK_OPTIONS})

  _wasm2cpp_output_path(wasm_file arg_OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/${target}.wasm")
  set(object_dir "${CMAKE_CURRENT_BINARY_DIR}/wasm2cpp/${target}.dir")
  # Ninja creates output folders itself, the Makefile generators do not.
  cmake_path(GET wasm_file PARENT_PATH wasm_dir)
  file(MAKE_DIRECTORY "${object_dir}" "${wasm_dir}")

  # One object per source, each with a depfile, so editing a header the
  # sources include rebuilds exactly what it must.
  set(objects "")
  set(seen_objects "")
  foreach(source IN LISTS arg_SOURCES)
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
      NORMALIZE OUTPUT_VARIABLE source_file)
    cmake_path(GET source_file FILENAME object_name)
    # Two sources named alike in different folders must not share an object.
    set(object_stem "${object_name}")
    set(suffix 2)
    while(object_stem IN_LIST seen_objects)
      set(object_stem "${object_name}_${suffix}")
      math(EXPR suffix "${suffix} + 1")
    endwhile()
    list(APPEND seen_objects "${object_stem}")
    set(object "${object_dir}/${object_stem}.o")
    add_custom_command(
      OUTPUT "${object}"
      COMMAND "${WASM2CPP_CLANG}" ${clang_target} -O2 ${arg_COMPILE_OPTIONS}
              -MD -MF "${object}.d" -c "${source_file}" -o "${object}"
      DEPENDS "${source_file}"
      DEPFILE "${object}.d"
      COMMENT "wasm2cpp: compiling ${source} to WebAssembly"
      VERBATIM)
    list(APPEND objects "${object}")
  endforeach()

  add_custom_command(
    OUTPUT "${wasm_file}"
    COMMAND "${WASM2CPP_CLANG}" ${clang_target} ${link_flags} ${objects} -o "${wasm_file}"
    DEPENDS ${objects}
    COMMENT "wasm2cpp: linking ${target}.wasm"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS "${wasm_file}")
  set_target_properties(${target} PROPERTIES WASM_FILE "${wasm_file}")
endfunction()

cmake_policy(POP)
