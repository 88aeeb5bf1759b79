"""The knowledge newsgraph reads with: every data file under ``newsgraph/data``, checked on load.

A :class:`Knowledge` is built once from the package's files and, optionally, folders of
overrides (``newsgraph analyze --knowledge DIR``; ``newsgraph.analyze(..., knowledge=...)``)
whose files are merged over the built-in ones of the same name:

- a TSV file adds its rows after the built-in rows (a person row adds a role; an
  organisation or city row adds an entry or an alias);
- a YAML file is merged key by key: mappings are merged, lists are extended, other values
  replaced.

Every file is checked against its schema (:mod:`newsgraph.knowledge_schema`) when the
Knowledge is built: an unknown key, a bad code or an unknown lexicon name fails with a
:class:`KnowledgeError` naming the file, the line and the field.

The pipeline makes its Knowledge the *active* one while it analyses an article
(:func:`using`); the stages read it through :func:`current`, and what they derive from it
(indexes, compiled patterns) is kept on that Knowledge by :func:`derived` — so two
Knowledge objects can be used side by side, and nothing is cached past the object.
"""

from __future__ import annotations

import contextlib
import contextvars
import csv
import functools
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from newsgraph.errors import NewsgraphError

T = TypeVar("T")


class KnowledgeError(NewsgraphError):
    """A data file that does not hold what its schema says: one line naming file, line and field."""


def builtin_dir() -> Path:
    """The folder of the package's own data files."""
    return Path(str(resources.files("newsgraph") / "data"))


class Knowledge:
    """The data files, loaded, merged with overrides, checked, and what is derived from them."""

    def __init__(self, overrides: Sequence[str | Path] = ()):
        self.dirs = [builtin_dir()] + [Path(d) for d in overrides]
        for d in self.dirs[1:]:
            if not d.is_dir():
                raise KnowledgeError(f"{d}: not a folder of knowledge files")
        self._files: dict[str, Any] = {}
        self._derived: dict[tuple, Any] = {}
        from newsgraph import knowledge_schema

        known = set(knowledge_schema.FILES)
        for d in self.dirs[1:]:
            for path in sorted(p for p in d.rglob("*") if p.is_file() and p.suffix in (".yaml", ".tsv")):
                name = path.relative_to(d).as_posix()
                if name not in known:
                    raise KnowledgeError(f"{path}: no knowledge file of this name (known: {', '.join(sorted(known))})")
        for name in knowledge_schema.FILES:  # checked on load: every file, once
            self.file(name)
        knowledge_schema.check_references(self)

    def __repr__(self) -> str:
        return f"Knowledge({', '.join(str(d) for d in self.dirs[1:])})"

    def sources(self, name: str) -> list[Path]:
        """The files that make up ``name``: the built-in one, then each override that has it."""
        return [d / name for d in self.dirs if (d / name).is_file()]

    def file(self, name: str) -> Any:
        """A data file by its path under ``data/``: YAML as merged data, TSV as a tuple of row dicts."""
        if name not in self._files:
            self._files[name] = _load_tsv(self, name) if name.endswith(".tsv") else _load_yaml(self, name)
        return self._files[name]

    def derive(self, build: Callable[..., T], *args) -> T:
        """``build(*args)``, computed once for this Knowledge."""
        key = (build, *args)
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = build(*args)
            return value


@functools.cache
def builtin() -> Knowledge:
    """The package's own knowledge, loaded once per process."""
    return Knowledge()


_ACTIVE: contextvars.ContextVar[Knowledge | None] = contextvars.ContextVar("newsgraph_knowledge", default=None)


def current() -> Knowledge:
    """The Knowledge in use: the one the pipeline made active, else the built-in one."""
    return _ACTIVE.get() or builtin()


@contextlib.contextmanager
def using(kb: Knowledge | None) -> Iterator[Knowledge]:
    """Make ``kb`` (None: the built-in one) the active Knowledge inside the block."""
    token = _ACTIVE.set(kb)
    try:
        yield current()
    finally:
        _ACTIVE.reset(token)


def derived(build: Callable[..., T]) -> Callable[..., T]:
    """A function of the knowledge (and of hashable arguments), computed once per Knowledge."""

    @functools.wraps(build)
    def get(*args):  # the hot path of every look-up: no call but the context variable's
        kb = _ACTIVE.get() or builtin()
        try:
            return kb._derived[(build, *args)]
        except KeyError:
            return kb.derive(build, *args)

    return get


def load_yaml(name: str) -> Any:
    """A YAML data file of the active Knowledge."""
    return current().file(name)


def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """A TSV data file of the active Knowledge: its rows as dicts."""
    return current().file(name)


# -- loading and checking ----------------------------------------------------------------


def _load_yaml(kb: Knowledge, name: str) -> Any:
    from newsgraph import knowledge_schema

    nodes, merged = [], None
    for path in kb.sources(name):
        try:
            text = path.read_text(encoding="utf-8")
            loader = yaml.SafeLoader(text)
            try:
                node = loader.get_single_node()
                data = loader.construct_document(node) if node is not None else None
            finally:
                loader.dispose()
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"{path}: cannot be read ({exc})") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            raise KnowledgeError(f"{path}{line}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
        twice = _key_given_twice(node)
        if twice is not None:
            raise KnowledgeError(f"{path}:{twice.start_mark.line + 1}: {twice.value}: given twice in one mapping")
        nodes.append((path, node))
        merged = data if merged is None else _merge(merged, data)
    if merged is None:
        raise KnowledgeError(f"{builtin_dir() / name}: missing knowledge file")
    problem = knowledge_schema.check_yaml(name, merged)
    if problem is not None:
        loc, message = problem
        path, line = _where(nodes, loc)
        field = ".".join(str(p) for p in loc) or "(top)"
        raise KnowledgeError(f"{path}:{line}: {field}: {message}")
    return merged


def _key_given_twice(node: Any) -> Any:
    """The second of two equal keys in one mapping of a YAML node tree (YAML would keep the last
    silently, so a fact written twice could differ unseen), or None."""
    stack = [node] if node is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        return key
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra


def _where(nodes: list[tuple[Path, Any]], loc: tuple) -> tuple[Path, int]:
    """The file and line of the value at ``loc``: the last file that holds it (an override
    before the built-in file), else the deepest place along the path."""
    best = (nodes[-1][0], 1, -1)
    for path, node in reversed(nodes):
        depth = 0
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node, depth = child, depth + 1
        if depth > best[2]:
            best = (path, node.start_mark.line + 1, depth)
        if depth == len(loc):
            break
    return best[0], best[1]


def _child(node, part):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return key if value is None else value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def _load_tsv(kb: Knowledge, name: str) -> tuple[dict[str, str], ...]:
    from newsgraph import knowledge_schema

    rows: list[dict[str, str]] = []
    for path in kb.sources(name):
        try:
            with path.open(encoding="utf-8", newline="") as f:
                numbered = [(n, line) for n, line in enumerate(f, 1) if line.strip() and not line.startswith("#")]
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"{path}: cannot be read ({exc})") from None
        if not numbered:
            continue
        header_line, header = numbered[0]
        columns = header.rstrip("\r\n").split("\t")
        problem = knowledge_schema.check_header(name, columns)
        if problem:
            raise KnowledgeError(f"{path}:{header_line}: {problem}")
        reader = csv.reader((line for _, line in numbered[1:]), delimiter="\t")
        for (n, _), values in zip(numbered[1:], reader, strict=True):
            if len(values) > len(columns) and any(v.strip() for v in values[len(columns):]):
                raise KnowledgeError(f"{path}:{n}: {len(values)} fields, the header has {len(columns)}")
            values = (values + [""] * len(columns))[: len(columns)]
            row = dict(zip(columns, values, strict=True))
            problem = knowledge_schema.check_row(name, row)
            if problem:
                field, message = problem
                raise KnowledgeError(f"{path}:{n}: {field}: {message}")
            rows.append(row)
    if not kb.sources(name):
        raise KnowledgeError(f"{builtin_dir() / name}: missing knowledge file")
    return tuple(rows)
