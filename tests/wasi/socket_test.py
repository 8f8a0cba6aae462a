#!/usr/bin/env python3
"""Preopened listening socket (--tcplisten): runs programs/echo_server.c as a
`wasm2cpp build` executable, connects to it, sends 200 kB, and checks that
every byte comes back, that the program saw the peer's shutdown, and its
output. Then a bad address must be a runner error (status 125).

usage: socket_test.py <echo_server executable>"""
import random
import socket
import subprocess
import sys
import threading
import time


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def connect(port, server, deadline):
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=30)
        except (ConnectionRefusedError, OSError):
            if server.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.05)


def main():
    program = sys.argv[1]
    payload = random.Random(7).randbytes(200_000)
    port = free_port()
    server = subprocess.Popen([program, "--tcplisten", f"127.0.0.1:{port}", "--"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        conn = connect(port, server, time.time() + 60)
    except OSError as error:
        out, err = server.communicate(timeout=30)
        sys.exit(f"FAIL: cannot connect ({error}); exit {server.returncode}\n{out}\n{err}")

    def send_all():
        conn.sendall(payload)
        conn.shutdown(socket.SHUT_WR)

    sender = threading.Thread(target=send_all)
    sender.start()
    received = bytearray()
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            break
        received += chunk
    sender.join()
    conn.close()
    out, err = server.communicate(timeout=60)
    print(out.decode(), err.decode(), sep="")
    failures = []
    if server.returncode != 0:
        failures.append(f"exit status {server.returncode}")
    if bytes(received) != payload:
        failures.append(f"echo differs: sent {len(payload)} bytes, got {len(received)}")
    expected = (b"accepted a connection on fd 3 as fd 4\n"
                b"echoed 200000 bytes; recv on the listener: Socket not connected; "
                b"send on stdout: Not a socket\n")
    if out != expected:
        failures.append(f"stdout {out!r}, expected {expected!r}")

    bad = subprocess.run([program, "--tcplisten", "127.0.0.1:notaport"],
                         capture_output=True, timeout=60)
    if bad.returncode != 125 or b"cannot listen on '127.0.0.1:notaport'" not in bad.stderr:
        failures.append(f"bad address: exit {bad.returncode}, stderr {bad.stderr!r}")
    if failures:
        sys.exit("FAIL: " + "; ".join(failures))
    print("PASS: echoed 200000 bytes through a preopened socket")


if __name__ == "__main__":
    main()
