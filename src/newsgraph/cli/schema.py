"""``newsgraph schema``: print the JSON Schema of the article record."""

from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the article record")
    p.set_defaults(run=run)


def run(args) -> int:
    from newsgraph.record import json_schema

    print(json.dumps(json_schema(), indent=2))
    return 0
