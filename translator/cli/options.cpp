#include "cli/options.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <vector>

#include "cli/identifiers.hpp"

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
  std::string name;
  std::string outer_namespace;
  std::string bounds_checks;
  uint32_t shards = 1;

  app.add_option("input", input, "The .wasm module to translate; '-' reads standard input")
      ->type_name("FILE");
  app.add_option("-o,--output", output,
                 "Write STEM.hpp and STEM.cpp (default: the input's name without extension, "
                 "in the current directory; a directory puts that name there)")
      ->type_name("STEM");
  app.add_option("--name", name,
                 "C++ namespace of the module (default: the output file name, as an identifier)")
      ->type_name("IDENT");
  app.add_option("--namespace", outer_namespace, "Enclosing namespace(s), e.g. acme::plugins")
      ->type_name("A::B");
  const char* default_checks =
      default_bounds_checks() == BoundsChecks::Guard ? "guard" : "explicit";
  app.add_option("--bounds-checks", bounds_checks,
                 std::string("guard: guard pages turn faults into traps; explicit: a "
                             "compare per access, portable (default here: ") +
                     default_checks + ")")
      ->check(CLI::IsMember({"guard", "explicit"}))
      ->type_name("MODE");
  app.add_option("--shards", shards, "Split the functions over N .cpp files (default: 1)")
      ->check(CLI::Range(1u, 4096u))
      ->type_name("N");
  bool list_features = false;
  app.add_flag("--list-features", list_features,
               "List the feature names for --enable-/--disable- and exit");

  // Feature flags come from the X-macro list, so a new feature gets its flags
  // without touching this file. Two flags per feature would bury the other
  // options in --help, so they are listed compactly in the footer instead.
  std::vector<std::pair<CLI::Option*, FeatureFlag>> feature_flags;
  CLI::Option* enable_all =
      app.add_flag(std::string("--enable-all"))->description("Enable every feature (see below)");
  for (const FeatureInfo& info : kFeatures) {
    const std::string name(info.name);
    CLI::Option* on = app.add_flag("--enable-" + name)->group("");
    CLI::Option* off = app.add_flag("--disable-" + name)->group("");
    feature_flags.emplace_back(on, FeatureFlag{info.feature, true});
    feature_flags.emplace_back(off, FeatureFlag{info.feature, false});
  }
  app.footer(features_footer());

  CLI::App* build = app.add_subcommand(
      "build", "(planned, not implemented yet) translate and compile in one step");
  build->allow_extras();
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
    std::cerr << "wasm2cpp build: not implemented yet\n";
    return kExitUsage;
  }
  if (list_features) {
    print_features();
    return kExitSuccess;
  }
  if (input.empty()) return usage_error("no input file (use '-' for standard input)");

  CommandLine command;
  command.input_path = input;
  TranslateOptions& options = command.translate;

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

  // Namespaces.
  if (app.count("--name")) {
    if (auto problem = namespace_name_problem(name)) return usage_error("--name: " + *problem);
    options.name = name;
  } else {
    options.name = sanitize_namespace_name(stem_name);
  }
  if (!outer_namespace.empty()) {
    if (auto problem = namespace_path_problem(outer_namespace))
      return usage_error("--namespace: " + *problem);
  }
  options.outer_namespace = outer_namespace;

  options.bounds_checks = bounds_checks.empty()      ? default_bounds_checks()
                          : bounds_checks == "guard" ? BoundsChecks::Guard
                                                     : BoundsChecks::Explicit;
  options.shards = shards;

  // Features: the defaults, then every flag in command-line order, so a later
  // flag overrides an earlier one (`--enable-all --disable-simd`).
  for (const CLI::Option* given : app.parse_order()) {
    if (given == enable_all) {
      options.features = Features::all();
      continue;
    }
    for (const auto& [option, flag] : feature_flags)
      if (option == given) options.features.set(flag.feature, flag.enable);
  }

  options.input_name = input == "-" ? "<stdin>" : fs::path(input).filename().string();
  options.output_stem = stem_name;
  return command;
}

}  // namespace wasm2cpp::cli
