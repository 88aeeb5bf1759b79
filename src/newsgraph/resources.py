"""Reading the knowledge files under ``newsgraph/data`` (YAML and TSV), once each."""

from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def data_path(name: str) -> Path:
    return Path(str(resources.files("newsgraph") / "data" / name))


@functools.cache
def load_yaml(name: str) -> Any:
    with data_path(name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@functools.cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file with a header line; lines starting with # are notes."""
    with data_path(name).open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t"))
