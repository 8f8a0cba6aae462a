// Running translated WASI programs: the main() of a generated command is
//
//   #include "prog.hpp"
//   #include <wasm2cpp/wasi/command.hpp>
//   int main(int argc, char** argv) { return wasm2cpp::wasi::run_command<prog::Instance>(argc, argv); }
//
// Command line:  prog [runner options] [--] [guest args...]
//   --dir HOST[::GUEST]   preopen directory HOST, visible to the guest as GUEST
//                         (default: HOST as written); repeatable
//   --env KEY=VALUE       set a guest environment variable; repeatable
//   --inherit-env         pass the whole host environment first
//   --tcplisten HOST:PORT give the guest a listening TCP socket (after the
//                         directories) for sock_accept; repeatable
//   --help                print this usage
// Options end at "--" or at the first argument that is not an option; the
// remaining arguments are the guest's argv[1...] (argv[0] is the program name).
// CommandDefaults (written by `wasm2cpp build --dir ...`) come first: their
// directories and sockets get the lowest fds, and run-time --env wins over
// theirs. With runner_options = false there are no run-time options at all:
// every argument is the guest's.
//
// Exit status: the guest's proc_exit code (0 when _start returns), else
//   kExitTrap (134, like SIGABRT)  the guest trapped; "wasm trap: <kind>" on stderr
//   kExitRunnerError (125)         bad runner options, link error, a --dir that
//                                  cannot be opened, no _start/_initialize export
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "wasm2cpp/wasi/wasi.hpp"

namespace wasm2cpp::wasi {

inline constexpr int kExitRunnerError = 125;
inline constexpr int kExitTrap = 134;

struct CommandLine {
  Config config;
  bool help = false;
};

// Settings fixed when the executable was built.
struct CommandDefaults {
  std::vector<Preopen> preopens;
  std::vector<std::string> env;         // KEY=VALUE
  std::vector<std::string> tcp_listen;  // HOST:PORT
  bool inherit_env = false;
  bool runner_options = true;  // false: argv[1...] all go to the guest
};

// Parses argv as described above into `out` (args[0] = program_name, or
// argv[0]'s file name when empty). Returns an error message, empty on success.
std::string parse_command_line(int argc, const char* const* argv, std::string_view program_name,
                               CommandLine& out);
std::string parse_command_line(int argc, const char* const* argv, std::string_view program_name,
                               const CommandDefaults& defaults, CommandLine& out);
std::string_view command_usage() noexcept;
// Prints `error` (if any) and the usage to stderr; returns kExitRunnerError on
// error, 0 otherwise (--help).
int print_usage(const std::string& error);

// Binds the export "memory" (when present) and runs "_start" (a command) or
// else "_initialize" (a reactor). Returns 0; ProcExit and Trap propagate.
int run_exports(Context& context, const Exports& exports);

// Creates the Context from `config` and runs `body`, turning every outcome
// into an exit status: ProcExit -> its code, Trap -> kExitTrap, LinkError and
// other errors -> kExitRunnerError (each with a message on stderr).
int run_guarded(Config config, const std::function<int(Context&)>& body);

// Parses the command line, instantiates `Instance` against a Linker holding
// WASI, and runs it (see above).
template <typename Instance>
int run_command(int argc, char** argv, std::string_view program_name = {},
                const CommandDefaults& defaults = {}) {
  CommandLine command;
  std::string error = parse_command_line(argc, argv, program_name, defaults, command);
  if (!error.empty() || command.help) return print_usage(error);
  return run_guarded(std::move(command.config), [](Context& context) {
    Linker linker;
    context.link(linker);
    Instance instance(linker);
    return run_exports(context, instance.exports());
  });
}

}  // namespace wasm2cpp::wasi
