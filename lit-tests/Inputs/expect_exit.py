"""Runs a command and succeeds only if it exits with exactly the given status.

    expect_exit.py STATUS COMMAND [ARGS...]

Standard streams are passed through, so `%expect_exit 2 %wasm2cpp ... 2>&1 | FileCheck`
checks both the status and the messages. (lit's `not` only checks for non-zero.)
"""
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.call(sys.argv[2:])
if status != expected:
    sys.stderr.write("expect_exit: '{}' exited with {}, expected {}\n".format(
        " ".join(sys.argv[2:]), status, expected))
    sys.exit(1)
