"""The loopback HTTP server both API fakes (GitHub, GitLab) run on: a thread, keep-alive connections that
stop() can close, headers and body in one write. A fake subclasses :class:`LoopbackServer` and answers
``_dispatch(method, path, headers, body) -> (status, [(header, value)], payload)``."""

from __future__ import annotations

import contextlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    fake: LoopbackServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up (or stop() closing a keep-alive connection) is not worth a traceback


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def version_string(self) -> str:
        return self.server.fake.server_header

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.fake._track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._track(self.connection, False)

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        status, headers, payload = self.server.fake._dispatch(self.command, self.path, dict(self.headers.items()),
                                                              raw)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status not in (204, 304):
            self.send_header("Content-Length", str(len(payload)))
        if status not in (204, 304) and self.command != "HEAD":
            # headers and body in one write: two small writes on a keep-alive connection meet Nagle's
            # algorithm and the client's delayed ACK, which costs ~40 ms per request
            self._headers_buffer.append(b"\r\n" + payload)  # type: ignore[attr-defined]
            self.flush_headers()
        else:
            self.end_headers()

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = _handle


class LoopbackServer:
    """Start/stop on 127.0.0.1 (port chosen by the OS); subclasses set ``server_header`` and implement
    ``_dispatch``. ``_lock`` guards the subclass's state and the open connections."""

    server_header = "fake"
    thread_name = "fake-http"

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()

    def _dispatch(self, method: str, raw_path: str, headers: dict[str, str],
                  body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        raise NotImplementedError

    def start(self) -> Any:
        if self._httpd is None:
            httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
            httpd.fake = self
            self._httpd = httpd
            self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01},
                                            name=self.thread_name, daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.shutdown()
        with self._lock:
            conns = list(self._connections)
        for conn in conns:  # keep-alive connections would otherwise park handler threads
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    close = stop

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError(f"{type(self).__name__} is not started")
        return int(self._httpd.server_address[1])

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)
