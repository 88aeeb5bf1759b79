"""Ingest engines: one interface (:class:`Engine`), one options object (:class:`IngestOptions`).

``local`` runs in this process; ``dask`` on a Dask cluster (docs/scale.md). Both take the same
options and give the same rows.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.errors import NewsgraphError
from newsgraph.store.engines.base import Engine, IngestOptions, IngestReport

__all__ = ["ENGINES", "Engine", "IngestOptions", "IngestReport", "get_engine", "ingest"]

ENGINES = ("local", "dask")


def get_engine(name: str) -> Engine:
    """The engine called ``name`` (the Dask one imports Dask only when asked for)."""
    if name == "local":
        from newsgraph.store.engines.local import LocalEngine

        return LocalEngine()
    if name == "dask":
        from newsgraph.store.engines.dask import DaskEngine

        return DaskEngine()
    raise NewsgraphError(f"unknown ingest engine {name!r} (known: {', '.join(ENGINES)})")


def ingest(inputs: list[str], db: str, options: IngestOptions | None = None, *, engine: str = "local",
           progress: bool | None = None, on_commit: Callable[[int], None] | None = None) -> IngestReport:
    """Analyse ``inputs`` (paths, folders, globs, URLs) into the store at ``db`` with an engine."""
    return get_engine(engine).ingest(inputs, db, options, progress=progress, on_commit=on_commit)
