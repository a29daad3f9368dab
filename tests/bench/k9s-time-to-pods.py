#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# How long k9s takes to show a namespace's pods, and its peak memory: the peer
# bench_ui_pods compares Shipyard's Cluster view with.
#
#   k9s-time-to-pods.py K9S KUBECONFIG CONTEXT NAMESPACE FIRST_POD [TIMEOUT_S]
#
# k9s runs in a pseudo-terminal of 200x60, read-only, with its update check
# off (it would wait for GitHub) and a configuration of its own. k9s lists
# the pods completely before it draws any: the clock stops when the name of
# FIRST_POD (the first one k9s's name order shows) appears on the screen.
# Escape sequences are removed from the output first; a name is drawn as one
# run of characters. Prints one line: "k9s_ms=N k9s_peak_rss_mb=M".
import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import fcntl
import time

ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])")


def peak_rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return -1


def main():
    if len(sys.argv) < 6:
        print(__doc__ or "usage: k9s-time-to-pods.py K9S KUBECONFIG CONTEXT NAMESPACE FIRST_POD [TIMEOUT_S]",
              file=sys.stderr)
        return 2
    k9s, kubeconfig, context, namespace, first_pod = sys.argv[1:6]
    timeout = float(sys.argv[6]) if len(sys.argv) > 6 else 600.0
    config = tempfile.mkdtemp(prefix="k9s-bench-")
    os.makedirs(os.path.join(config, "k9s"), exist_ok=True)
    with open(os.path.join(config, "k9s", "config.yaml"), "w") as out:
        out.write("k9s:\n  skipLatestRevCheck: true\n  readOnly: true\n  refreshRate: 2\n"
                  "  ui:\n    headless: true\n    logoless: true\n    crumbsless: true\n")
    env = dict(os.environ, TERM="xterm-256color", K9S_CONFIG_DIR=os.path.join(config, "k9s"),
               XDG_CONFIG_HOME=config, XDG_STATE_HOME=config, XDG_DATA_HOME=config, XDG_CACHE_HOME=config,
               KUBECONFIG=kubeconfig)
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(k9s, [k9s, "--context", context, "-n", namespace, "-c", "pods", "--readonly", "--headless",
                        "--logoless", "--crumbsless"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    seen = b""
    needle = first_pod.encode()
    shown_ms = -1
    while time.monotonic() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        seen = (seen + ESCAPES.sub(b"", chunk))[-4096:]
        if needle in seen:
            shown_ms = int((time.monotonic() - start) * 1000)
            break
    # Its memory once the list is shown, a moment later (the list is still being rendered).
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        select.select([fd], [], [], 0.1)
        try:
            os.read(fd, 1 << 16)
        except OSError:
            break
    rss = peak_rss_mb(pid)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    print(f"k9s_ms={shown_ms} k9s_peak_rss_mb={rss}")
    return 0 if shown_ms >= 0 else 1


if __name__ == "__main__":
    sys.exit(main())
