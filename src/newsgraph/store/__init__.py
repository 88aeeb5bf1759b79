"""The store: articles and what was found in them, as DuckDB tables (docs/store.md).

``ingest`` fills a store with an engine of ``newsgraph.store.engines``; ``newsgraph.store.query``
reads it (the CLI and the HTTP API share those functions).
"""

from newsgraph.store.db import open_store, write_batch
from newsgraph.store.engines import IngestOptions, IngestReport, ingest
from newsgraph.store.rows import actor_id, event_id, record_rows

__all__ = ["open_store", "write_batch", "ingest", "IngestOptions", "IngestReport", "actor_id", "event_id",
           "record_rows"]
