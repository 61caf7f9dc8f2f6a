"""Run the real ``mp-precheck`` command with stdout and stderr on pseudo-terminals, as a developer's shell does."""

from __future__ import annotations

import fcntl
import os
import pty
import selectors
import struct
import subprocess
import sys
import termios
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str


def _pty(columns: int) -> tuple[int, int]:
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    attrs = termios.tcgetattr(child)
    attrs[1] &= ~termios.ONLCR  # "\n" stays "\n", as in a pipe
    termios.tcsetattr(child, termios.TCSANOW, attrs)
    return main, child


def terminal_env(**extra: str) -> dict[str, str]:
    """The test's environment as a terminal user has it: TERM set, no colour overrides unless given."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "COLUMNS",
                                                            "TTY_COMPATIBLE", "TTY_INTERACTIVE")}
    env["TERM"] = "xterm-256color"
    env.update(extra)
    return env


def run_mp_precheck(args: Sequence[str], *, cwd: Path, env: Mapping[str, str], stdout_tty: bool = True,
                    stderr_tty: bool = True, prelude: str = "", columns: int = 120) -> Result:
    """``python -m mp_precheck ARGS`` in ``cwd``; stdout/stderr on a pseudo-terminal each, or on a pipe.
    ``prelude`` is Python run before ``main`` in the child (e.g. a shorter progress delay)."""
    code = f"import sys\n{prelude}\nfrom mp_precheck.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    streams: dict[str, int] = {}
    children: list[int] = []
    spec: dict[str, int] = {}
    for name, tty in (("stdout", stdout_tty), ("stderr", stderr_tty)):
        if tty:
            main_fd, child_fd = _pty(columns)
        else:
            main_fd, child_fd = os.pipe()
        streams[name] = main_fd
        children.append(child_fd)
        spec[name] = child_fd
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=cwd, env=dict(env), stdin=subprocess.DEVNULL,
                            stdout=spec["stdout"], stderr=spec["stderr"])
    for fd in children:
        os.close(fd)
    chunks: dict[str, bytearray] = {name: bytearray() for name in streams}
    selector = selectors.DefaultSelector()
    for name, fd in streams.items():
        selector.register(fd, selectors.EVENT_READ, name)
    open_streams = len(streams)
    while open_streams:
        events = selector.select(timeout=60)
        if not events:
            proc.kill()
            raise TimeoutError(f"mp-precheck {' '.join(args)} printed nothing for 60 s")
        for key, _ in events:
            try:
                data = os.read(key.fd, 65536)
            except OSError:  # EIO: the pty's other end is closed
                data = b""
            if data:
                chunks[key.data].extend(data)
            else:
                selector.unregister(key.fd)
                os.close(key.fd)
                open_streams -= 1
    code_ = proc.wait(timeout=60)
    return Result(code_, chunks["stdout"].decode("utf-8"), chunks["stderr"].decode("utf-8"))
