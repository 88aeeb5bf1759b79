"""The HTTP API and web UI over the analysis and the store (``newsgraph serve``)."""

from newsgraph.serve.app import create_app

__all__ = ["create_app"]
