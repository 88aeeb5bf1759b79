"""The developer docs name only modules that exist."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "newsgraph"

# a path to a Python file or a folder: src/newsgraph/x.py, actors/coref.py, store/engines/, layout.py
PATH = re.compile(r"(?<![\w./-])((?:[A-Za-z_][\w-]*/)*[A-Za-z_]\w*(?:\.py\b|/(?!\w)))")
# a dotted module name: newsgraph.x, newsgraph.store.query, newsgraph.nlp.parse_many
DOTTED = re.compile(r"(?<![\w.])newsgraph(?:\.[A-Za-z_]\w*)+")


def missing_paths(text: str) -> list[str]:
    """The paths ``text`` names that are neither in the repository nor in the package; a bare file
    name (``pronouns.py``, named beside its folder) may be in any folder of the package."""
    return sorted({p for p in PATH.findall(text) if not _exists(p)})


def _exists(path: str) -> bool:
    if (ROOT / path).exists() or (PACKAGE / path).exists():
        return True
    return "/" not in path and any(PACKAGE.rglob(path))


def missing_names(text: str) -> list[str]:
    """The dotted ``newsgraph.`` names in ``text`` that import finds neither as a module nor as an
    attribute of the longest module it names."""
    return sorted({name.rstrip(".") for name in DOTTED.findall(text) if not _resolves(name.rstrip("."))})


def _resolves(name: str) -> bool:
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def test_development_md_names_only_existing_modules():
    text = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    assert missing_paths(text) == []
    assert missing_names(text) == []


def test_a_module_that_is_gone_is_found_missing():
    # a file of a subpackage named bare, as a page names it beside its folder
    nested = next(p.name for p in sorted(PACKAGE.glob("*/*.py")) if not (PACKAGE / p.name).exists())
    text = (f"`src/newsgraph/layout.py`, `actors/coref.py` and `{nested}` split pages; `actors/gone.py`, "
            "`gone.py` and src/newsgraph/nowhere.py do not, nor does `stages/`; `newsgraph.store.query` "
            "answers, `newsgraph.store.nowhere` and `newsgraph.nlp.no_such_function` do not.")
    assert missing_paths(text) == ["actors/gone.py", "gone.py", "src/newsgraph/nowhere.py", "stages/"]
    assert missing_names(text) == ["newsgraph.nlp.no_such_function", "newsgraph.store.nowhere"]


def test_paths_outside_the_package_are_read_from_the_repository_root():
    text = "Run `bench/eval.py`, `dev.py` and `tests/conftest.py`; ../shared/eval and .venv/bin/ruff are not ours."
    assert missing_paths(text) == []
