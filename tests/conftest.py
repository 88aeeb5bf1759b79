"""Fixtures shared by several test files.

The stores are written from the hand-made records of ``handmade.py`` through the store's own
batch writer; ``pipeline`` is the default analysis pipeline, for tests that look at the Article;
``model`` is the loaded spaCy pipeline, for tests that change one of its settings;
``loopback_page`` serves a page on the loopback address.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

from handmade import corpus_records, wire_records, write_store
from newsgraph import nlp
from newsgraph.pipeline import Pipeline


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> Path:
    """A store holding the three corpus articles (Mara Lind and the Ostmark Trade Council),
    built once per test file: the API, browser and serve tests only read it."""
    return write_store(tmp_path_factory.mktemp("corpus") / "corpus.duckdb", corpus_records())


@pytest.fixture()
def wire_store(tmp_path) -> Path:
    """A fresh store holding the three wire articles (see ``handmade.wire_records``)."""
    return write_store(tmp_path / "wire.duckdb", wire_records())


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default Pipeline (the built-in knowledge, every stage)."""
    return Pipeline()


@pytest.fixture(scope="session")
def model():
    """The spaCy pipeline, loaded once (``monkeypatch`` any change to it)."""
    return nlp.load()


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
