"""Fixtures shared by several test files."""

from __future__ import annotations

import http.server
import threading

import pytest


@pytest.fixture
def loopback_page():
    """Serve a page on the loopback address: ``loopback_page(body, content_type)`` gives its URL
    (read only with allow_private); the servers stop when the test ends."""
    servers = []

    def serve(body: str, content_type: str) -> str:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/story"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()
