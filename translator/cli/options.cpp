#include "cli/options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "support/identifiers.hpp"

namespace wasm2cpp::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kDescription =
    "wasm2cpp translates a WebAssembly module into C++ source that links against the "
    "wasm2cpp runtime:\n  wasm2cpp m.wasm -o out/m   writes out/m.hpp and out/m.cpp";

struct FeatureInfo {
  Feature feature;
  std::string_view name;
  bool default_on;
};

constexpr FeatureInfo kFeatures[] = {
#define X(e, name, def) {Feature::e, name, def},
    WASM2CPP_FOREACH_FEATURE(X)
#undef X
};

struct FeatureFlag {
  Feature feature;
  bool enable;
};

int usage_error(const std::string& message) {
  std::cerr << "wasm2cpp: error: " << message << "\nRun 'wasm2cpp --help' for usage.\n";
  return kExitUsage;
}

std::string features_footer() {
  std::string text =
      "Features: --enable-<name> / --disable-<name>; later flags override earlier ones\n";
  for (const FeatureInfo& info : kFeatures) {
    std::string line = "  " + std::string(info.name);
    line.resize(34, ' ');
    text += line + (info.default_on ? "on by default" : "off by default") + "\n";
  }
  return text;
}

void print_features() {
  for (const FeatureInfo& info : kFeatures)
    std::cout << info.name << (info.default_on ? "  (enabled by default)" : "") << "\n";
}

// "out/m" stays "out/m"; "out/m.hpp" and "out/m.cpp" name the same output set.
std::string strip_output_extension(std::string stem) {
  for (std::string_view ext : {".hpp", ".cpp"}) {
    if (stem.size() > ext.size() && stem.ends_with(ext)) {
      stem.resize(stem.size() - ext.size());
      break;
    }
  }
  return stem;
}

// The options shared by translating and `build`: namespace, bounds checks,
// shards, features.
struct TranslateFlags {
  std::string name;
  std::string outer_namespace;
  std::string bounds_checks;
  uint32_t shards = 1;
  CLI::Option* name_option = nullptr;
  CLI::Option* enable_all = nullptr;
  std::vector<std::pair<CLI::Option*, FeatureFlag>> feature_flags;
};

std::string bounds_checks_help();

void add_translate_options(CLI::App& app, TranslateFlags& flags) {
  flags.name_option =
      app.add_option("--name", flags.name,
                     "C++ namespace of the module (default: the output file name, as an "
                     "identifier)")
          ->type_name("IDENT");
  app.add_option("--namespace", flags.outer_namespace,
                 "Enclosing namespace(s), e.g. acme::plugins")
      ->type_name("A::B");
  app.add_option("--bounds-checks", flags.bounds_checks, bounds_checks_help())
      ->check(CLI::IsMember({"guard", "explicit"}))
      ->type_name("MODE");
  app.add_option("--shards", flags.shards, "Split the functions over N .cpp files (default: 1)")
      ->check(CLI::Range(1u, 4096u))
      ->type_name("N");
  // Feature flags come from the X-macro list, so a new feature gets its flags
  // without touching this file. Two flags per feature would bury the other
  // options in --help, so they are listed compactly in the footer instead.
  flags.enable_all =
      app.add_flag(std::string("--enable-all"))->description("Enable every feature (see below)");
  for (const FeatureInfo& info : kFeatures) {
    const std::string feature(info.name);
    CLI::Option* on = app.add_flag("--enable-" + feature)->group("");
    CLI::Option* off = app.add_flag("--disable-" + feature)->group("");
    flags.feature_flags.emplace_back(on, FeatureFlag{info.feature, true});
    flags.feature_flags.emplace_back(off, FeatureFlag{info.feature, false});
  }
  app.footer(features_footer());
}

std::string bounds_checks_help() {
  const char* default_checks =
      default_bounds_checks() == BoundsChecks::Guard ? "guard" : "explicit";
  return std::string("guard: guard pages turn faults into traps; explicit: a compare per "
                     "access, portable (default here: ") +
         default_checks + ")";
}

// Fills `options` from the parsed flags; returns a usage error's exit status.
std::optional<int> finish_translate_options(const CLI::App& app, const TranslateFlags& flags,
                                            const std::string& input, const std::string& stem,
                                            TranslateOptions& options) {
  if (!flags.outer_namespace.empty()) {
    if (auto problem = namespace_path_problem(flags.outer_namespace))
      return usage_error("--namespace: " + *problem);
  }
  // Only a namespace at global scope can collide with the C library's names.
  const bool global_scope = flags.outer_namespace.empty();
  if (flags.name_option->count()) {
    if (auto problem = namespace_name_problem(flags.name, global_scope))
      return usage_error("--name: " + *problem);
    options.name = flags.name;
  } else {
    options.name = sanitize_namespace_name(stem, global_scope);
  }
  options.outer_namespace = flags.outer_namespace;
  options.bounds_checks = flags.bounds_checks.empty()      ? default_bounds_checks()
                          : flags.bounds_checks == "guard" ? BoundsChecks::Guard
                                                           : BoundsChecks::Explicit;
  options.shards = flags.shards;
  // Features: the defaults, then every flag in command-line order, so a later
  // flag overrides an earlier one (`--enable-all --disable-simd`).
  for (const CLI::Option* given : app.parse_order()) {
    if (given == flags.enable_all) {
      options.features = Features::all();
      continue;
    }
    for (const auto& [option, flag] : flags.feature_flags)
      if (option == given) options.features.set(flag.feature, flag.enable);
  }
  options.input_name = input == "-" ? "<stdin>" : fs::path(input).filename().string();
  options.output_stem = stem;
  return std::nullopt;
}

// "-O2 -g" -> {"-O2", "-g"}: whitespace-separated, with '...' and "..." quoting
// like a shell (no expansion).
std::vector<std::string> split_flags(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

// Options of `wasm2cpp build`, bound by add_build_options.
struct BuildFlags {
  std::string input;
  std::string output;
  std::string emit = "executable";
  std::string optimize = "2";
  std::vector<std::string> cxx_flags;
  std::vector<std::string> link_flags;
  std::vector<std::string> dirs;
  TranslateFlags translate;
};

// The repeatable options take one value each (allow_extra_args(false)): by
// default CLI11 lets a vector option swallow the following positionals, so
// `--dir a prog.wasm` would lose the input.
void add_build_options(CLI::App& build, BuildFlags& flags, BuildCommand& command) {
  build.add_option("input", flags.input, "The .wasm module; '-' reads standard input")
      ->type_name("FILE");
  build.add_option("-o,--output", flags.output,
                   "The executable (default: the input's name without extension), object or "
                   "library to write")
      ->type_name("FILE");
  build.add_option("--emit", flags.emit,
                   "executable: a WASI program with main(); object / library: the module "
                   "alone, its header written next to it")
      ->check(CLI::IsMember({"executable", "object", "library"}))
      ->type_name("KIND");
  // Spelled as flags too (--emit-object is --emit object).
  build.add_flag_callback("--emit-object", [&flags] { flags.emit = "object"; },
                          "Same as --emit object");
  build.add_flag_callback("--emit-library", [&flags] { flags.emit = "library"; },
                          "Same as --emit library");
  build.add_option("-O", flags.optimize, "Optimisation level: 0, 1, 2 (default), 3, s, z, g")
      ->check(CLI::IsMember({"0", "1", "2", "3", "s", "z", "g"}))
      ->type_name("LEVEL");
  build.add_option("--cxx", command.cxx,
                   "C++ compiler (default: $CXX, else clang++, else g++)")
      ->type_name("PROGRAM");
  build.add_option("--cxxflags", flags.cxx_flags,
                   "Extra compiler flags, split at spaces (also passed when linking)")
      ->type_name("FLAGS")
      ->allow_extra_args(false);
  build.add_option("--ldflags", flags.link_flags, "Extra linker flags, split at spaces")
      ->type_name("FLAGS")
      ->allow_extra_args(false);
  build.add_option("-j,--jobs", command.jobs,
                   "Parallel compiles and translation threads (default: one per core)")
      ->check(CLI::Range(1u, 1024u))
      ->type_name("N");
  build.add_option("--runtime-prefix", command.runtime_prefix,
                   "Use the runtime installed in PREFIX (include/, lib/) instead of the one "
                   "found next to wasm2cpp")
      ->type_name("PREFIX");
  build.add_flag("--keep-temps", command.keep_temporaries,
                 "Keep the generated sources and objects (their directory is printed)");
  build.add_flag("-v,--verbose", command.verbose, "Print the compiler commands");
  const std::string baked = "Baked into the executable";
  build.add_option("--dir", flags.dirs,
                   "Preopen host directory HOST as GUEST (default HOST) on every run; "
                   "relative paths are relative to the working directory at run time")
      ->type_name("HOST[::GUEST]")
      ->group(baked)
      ->allow_extra_args(false);
  build.add_option("--env", command.env, "Set a guest environment variable on every run")
      ->type_name("KEY=VALUE")
      ->group(baked)
      ->allow_extra_args(false);
  build.add_flag("--inherit-env", command.inherit_env,
                 "Start the guest environment from the host's")
      ->group(baked);
  build.add_option("--tcplisten", command.tcp_listen,
                   "Give the guest a listening TCP socket on every run (sock_accept)")
      ->type_name("HOST:PORT")
      ->group(baked)
      ->allow_extra_args(false);
  build.add_flag("!--no-runner-options", command.runner_options,
                 "Pass every argument to the guest: the executable takes no --dir/--env/... "
                 "options of its own")
      ->group(baked);
  build.add_option("--program-name", command.program_name,
                   "The guest's argv[0] (default: the executable's file name)")
      ->type_name("NAME")
      ->group(baked);
  add_translate_options(build, flags.translate);
}

// Checks and completes a parsed `build` command line.
std::variant<BuildCommand, int> finish_build(const CLI::App& build, BuildFlags& flags,
                                             BuildCommand command) {
  if (flags.input.empty()) return usage_error("build: no input file (use '-' for standard input)");
  command.input_path = flags.input;
  command.output = flags.emit == "object"    ? BuildOutput::Object
                   : flags.emit == "library" ? BuildOutput::Library
                                             : BuildOutput::Executable;
  if (command.output != BuildOutput::Executable) {
    const bool baked = !flags.dirs.empty() || !command.env.empty() || command.inherit_env ||
                       !command.tcp_listen.empty() || !command.runner_options ||
                       !command.program_name.empty();
    if (baked)
      return usage_error("build: --dir, --env, --inherit-env, --tcplisten, --no-runner-options "
                         "and --program-name only apply to --emit executable");
  }
  std::string stem;
  if (flags.output.empty()) {
    if (flags.input == "-")
      return usage_error("build: reading standard input needs -o FILE to name the output");
    stem = fs::path(flags.input).filename().replace_extension().string();
    const char* suffix = command.output == BuildOutput::Object    ? ".o"
                         : command.output == BuildOutput::Library ? ".a"
                                                                  : "";
    const char* prefix = command.output == BuildOutput::Library ? "lib" : "";
    command.output_path = prefix + stem + suffix;
  } else {
    command.output_path = flags.output;
    stem = command.output_path.filename().string();
    if (command.output != BuildOutput::Executable)
      stem = command.output_path.filename().replace_extension().string();
    if (command.output == BuildOutput::Library && stem.starts_with("lib") && stem.size() > 3)
      stem.erase(0, 3);
  }
  if (stem.empty() || stem == "." || stem == "..")
    return usage_error("build: '" + command.output_path.string() + "' does not name a file");
  if (auto error =
          finish_translate_options(build, flags.translate, flags.input, stem, command.translate))
    return *error;
  command.translate.jobs = command.jobs;  // 0: automatic, as for compiles
  command.optimize = "-O" + flags.optimize;
  for (const std::string& text : flags.cxx_flags)
    for (std::string& flag : split_flags(text)) command.cxx_flags.push_back(std::move(flag));
  for (const std::string& text : flags.link_flags)
    for (std::string& flag : split_flags(text)) command.link_flags.push_back(std::move(flag));
  for (const std::string& dir : flags.dirs) {
    BakedDirectory baked;
    if (size_t separator = dir.find("::"); separator != std::string::npos) {
      baked.host_path = dir.substr(0, separator);
      baked.guest_path = dir.substr(separator + 2);
    } else {
      baked.host_path = baked.guest_path = dir;
    }
    if (baked.host_path.empty() || baked.guest_path.empty())
      return usage_error("build: --dir '" + dir + "': empty directory name");
    command.directories.push_back(std::move(baked));
  }
  for (const std::string& kv : command.env) {
    if (kv.empty() || kv[0] == '=' || kv.find('=') == std::string::npos)
      return usage_error("build: --env expects KEY=VALUE, got '" + kv + "'");
  }
  return command;
}

}  // namespace

BoundsChecks default_bounds_checks() {
#if (defined(__linux__) || defined(__APPLE__)) && UINTPTR_MAX == UINT64_MAX
  return BoundsChecks::Guard;
#else
  return BoundsChecks::Explicit;
#endif
}

ParseResult parse_command_line(int argc, char** argv) {
  CLI::App app{kDescription, "wasm2cpp"};
  app.set_version_flag("--version", std::string("wasm2cpp ") + WASM2CPP_VERSION,
                       "Print the version and exit");
  app.get_formatter()->column_width(34);

  std::string input;
  std::string output;
  TranslateFlags translate_flags;

  app.add_option("input", input, "The .wasm module to translate; '-' reads standard input")
      ->type_name("FILE");
  app.add_option("-o,--output", output,
                 "Write STEM.hpp and STEM.cpp (default: the input's name without extension, "
                 "in the current directory; a directory puts that name there)")
      ->type_name("STEM");
  add_translate_options(app, translate_flags);
  // Not among the shared translate options: `build` has its own -j (parallel
  // compiles), which it passes on to the translation.
  uint32_t jobs = 0;
  app.add_option("-j,--jobs", jobs,
                 "Threads that validate and emit function bodies (default 0: one per core, "
                 "one for small modules); the output is the same for every N")
      ->check(CLI::Range(0u, 1024u))
      ->type_name("N");
  bool list_features = false;
  app.add_flag("--list-features", list_features,
               "List the feature names for --enable-/--disable- and exit");

  CLI::App* build = app.add_subcommand(
      "build", "Translate and compile into a native executable (a WASI command), object or "
               "library: wasm2cpp build prog.wasm -o prog");
  build->get_formatter()->column_width(34);
  BuildFlags build_flags;
  BuildCommand build_command;
  // Setting up the build options costs about as much as the rest of the
  // process start (CLI11 builds every option eagerly): only a command line
  // that names the subcommand can use them, and the top-level --help lists
  // subcommands without their options.
  const bool names_build =
      std::any_of(argv + std::min(argc, 1), argv + argc,
                  [](const char* arg) { return std::string_view(arg) == "build"; });
  if (names_build) add_build_options(*build, build_flags, build_command);
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what());
  }

  if (build->parsed()) {
    if (!input.empty() || !output.empty())
      return usage_error("options before 'build' belong after it: wasm2cpp build IN -o OUT");
    auto finished = finish_build(*build, build_flags, std::move(build_command));
    if (int* status = std::get_if<int>(&finished)) return *status;
    return std::get<BuildCommand>(std::move(finished));
  }
  if (list_features) {
    print_features();
    return kExitSuccess;
  }
  if (input.empty()) return usage_error("no input file (use '-' for standard input)");

  CommandLine command;
  command.input_path = input;

  // Output stem.
  bool output_is_directory = !output.empty() && (output.back() == '/' || fs::is_directory(output));
  if (output.empty() || output_is_directory) {
    if (input == "-")
      return usage_error("reading standard input needs -o STEM to name the output files");
    fs::path default_stem = fs::path(input).filename().replace_extension();
    command.output_stem =
        output.empty() ? default_stem.string() : (fs::path(output) / default_stem).string();
  } else {
    command.output_stem = strip_output_extension(output);
  }
  std::string stem_name = fs::path(command.output_stem).filename().string();
  if (stem_name.empty() || stem_name == "." || stem_name == "..")
    return usage_error("'" + command.output_stem + "' does not name an output file");

  if (auto error =
          finish_translate_options(app, translate_flags, input, stem_name, command.translate))
    return *error;
  command.translate.jobs = jobs;
  return command;
}

}  // namespace wasm2cpp::cli
