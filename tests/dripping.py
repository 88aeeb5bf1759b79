"""A local HTTP server whose page arrives a byte at a time, for the fetch-deadline tests and
bench/bench_serve.py (one home for both)."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class _Drip(http.server.BaseHTTPRequestHandler):
    pause = 0.1  # seconds between bytes

    def do_GET(self):  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(int(300 / self.pause)):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(self.pause)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@contextmanager
def dripping_server(pause: float = 0.1) -> Iterator[str]:
    """The URL of a page that sends a byte every ``pause`` seconds (for five minutes)."""
    handler = type("Drip", (_Drip,), {"pause": pause})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/slow"
    finally:
        server.shutdown()
