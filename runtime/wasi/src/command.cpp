// The command runner behind run_command<Instance>.
#include "wasm2cpp/wasi/command.hpp"

#include <cstdio>
#include <cstring>
#include <system_error>

extern char** environ;

namespace wasm2cpp::wasi {

std::string_view command_usage() noexcept {
  return "usage: <program> [--dir HOST[::GUEST]]... [--env KEY=VALUE]... [--inherit-env] "
         "[--tcplisten HOST:PORT]... [--] [args...]\n"
         "  --dir HOST[::GUEST]  make host directory HOST reachable as GUEST (default HOST)\n"
         "  --env KEY=VALUE      set a guest environment variable\n"
         "  --inherit-env        start from the host environment\n"
         "  --tcplisten HOST:PORT  give the program a listening TCP socket\n"
         "exit status: the program's, 134 on a trap, 125 on a runner error\n";
}

int print_usage(const std::string& error) {
  if (!error.empty()) std::fprintf(stderr, "error: %s\n", error.c_str());
  std::fprintf(stderr, "%.*s", static_cast<int>(command_usage().size()), command_usage().data());
  return error.empty() ? 0 : kExitRunnerError;
}

std::string parse_command_line(int argc, const char* const* argv, std::string_view program_name,
                               CommandLine& out) {
  return parse_command_line(argc, argv, program_name, CommandDefaults{}, out);
}

std::string parse_command_line(int argc, const char* const* argv, std::string_view program_name,
                               const CommandDefaults& defaults, CommandLine& out) {
  std::string name(program_name);
  if (name.empty() && argc > 0 && argv[0]) {
    name = argv[0];
    if (size_t slash = name.rfind('/'); slash != std::string::npos) name.erase(0, slash + 1);
  }
  out.config.args = {name};
  out.config.preopens = defaults.preopens;
  out.config.tcp_listen = defaults.tcp_listen;
  std::vector<std::string> explicit_env = defaults.env;
  bool inherit_env = defaults.inherit_env;
  int i = 1;
  // "--opt VALUE" or "--opt=VALUE".
  auto value_of = [&](std::string_view arg, std::string_view opt, std::string& value,
                      std::string& error) -> bool {
    if (arg == opt) {
      if (i + 1 >= argc) {
        error = std::string(opt) + " needs a value";
        return true;
      }
      value = argv[++i];
      return true;
    }
    if (arg.size() > opt.size() && arg.substr(0, opt.size()) == opt && arg[opt.size()] == '=') {
      value = arg.substr(opt.size() + 1);
      return true;
    }
    return false;
  };
  for (; defaults.runner_options && i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string value, error;
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg == "--help" || arg == "-h") {
      out.help = true;
    } else if (arg == "--inherit-env") {
      inherit_env = true;
    } else if (value_of(arg, "--dir", value, error)) {
      if (!error.empty()) return error;
      Preopen pre;
      if (size_t sep = value.find("::"); sep != std::string::npos) {
        pre.host_path = value.substr(0, sep);
        pre.guest_path = value.substr(sep + 2);
      } else {
        pre.host_path = pre.guest_path = value;
      }
      if (pre.host_path.empty() || pre.guest_path.empty()) return "--dir: empty directory name";
      out.config.preopens.push_back(std::move(pre));
    } else if (value_of(arg, "--tcplisten", value, error)) {
      if (!error.empty()) return error;
      out.config.tcp_listen.push_back(std::move(value));
    } else if (value_of(arg, "--env", value, error)) {
      if (!error.empty()) return error;
      if (value.find('=') == std::string::npos || value[0] == '=')
        return "--env expects KEY=VALUE, got '" + value + "'";
      explicit_env.push_back(std::move(value));
    } else if (arg.size() > 1 && arg[0] == '-') {
      return "unknown option '" + std::string(arg) + "' (guest options go after --)";
    } else {
      break;  // the first guest argument
    }
  }
  for (; i < argc; ++i) out.config.args.emplace_back(argv[i]);
  if (inherit_env) {
    for (char** e = environ; e && *e; ++e) out.config.env.emplace_back(*e);
  }
  // Later settings win over inherited ones with the same key.
  for (auto& kv : explicit_env) {
    std::string key = kv.substr(0, kv.find('=') + 1);
    std::erase_if(out.config.env, [&](const std::string& e) { return e.starts_with(key); });
    out.config.env.push_back(std::move(kv));
  }
  return {};
}

int run_exports(Context& context, const Exports& exports) {
  if (const ExternValue* memory = exports.find("memory");
      memory && std::holds_alternative<Memory*>(*memory))
    context.bind_memory(*std::get<Memory*>(*memory));
  for (const char* entry : {"_start", "_initialize"}) {
    if (exports.find(entry)) {
      exports.function<void()>(entry)();
      return 0;
    }
  }
  throw LinkError("the module exports neither _start (a command) nor _initialize (a reactor)");
}

int run_guarded(Config config, const std::function<int(Context&)>& body) {
  try {
    Context context(std::move(config));
    return body(context);
  } catch (const ProcExit& exit) {
    return static_cast<int>(exit.code());
  } catch (const Trap& trap) {
    std::fprintf(stderr, "wasm trap: %s\n", trap.what());
    return kExitTrap;
  } catch (const LinkError& error) {
    std::fprintf(stderr, "link error: %s\n", error.what());
    return kExitRunnerError;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return kExitRunnerError;
  }
}

}  // namespace wasm2cpp::wasi
