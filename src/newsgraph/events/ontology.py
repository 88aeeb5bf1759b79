"""The event ontology: CAMEO codes with their Goldstein scores, quad classes and PLOVER types.

The facts live in ``data/events/cameo.tsv`` and ``data/events/plover.yaml``; this module only
reads them (once) and answers "what is code X?".
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.knowledge import derived, load_tsv, load_yaml


@dataclass(frozen=True, slots=True)
class Code:
    """One CAMEO code and what it means in the other scales."""

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None = None
    plover_context: str | None = None


@derived
def codes() -> dict[str, Code]:
    """Every CAMEO code of ``cameo.tsv`` by code, PLOVER types adjusted by ``plover.yaml``."""
    overrides = load_yaml("events/plover.yaml").get("from_cameo") or {}
    out = {}
    for row in load_tsv("events/cameo.tsv"):
        code = row["code"].strip()
        out[code] = Code(
            code=code,
            root=row["root"].strip(),
            name=row["name"].strip(),
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=overrides.get(code) or row["plover"].strip() or None,
            plover_mode=(row.get("plover_mode") or "").strip() or None,
            plover_context=(row.get("plover_context") or "").strip() or None,
        )
    return out


def lookup(code: str) -> Code:
    """The Code for ``code``; an unknown code falls back to its root (KeyError if neither exists)."""
    table = codes()
    if code in table:
        return table[code]
    return table[code[:2]]


def plover_types() -> dict[str, dict]:
    """PLOVER event types with their quad class and definition."""
    return load_yaml("events/plover.yaml")["types"]
