"""Entities from spaCy's named-entity pass (a first cut: names only).

Mentions in boilerplate zones make no entities. Mentions whose texts name the same
thing (the same words, or a surname of a full name of the same type) join one entity.
"""

from __future__ import annotations

from newsgraph.record import Entity, Span, Zone

TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}


def find_entities(text: str, doc, zones: list[Zone]) -> list[Entity]:
    excluded = [z for z in zones if z.kind == "boilerplate"]
    by_key: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        etype = TYPES.get(ent.label_)
        if etype is None:
            continue
        span = Span(ent.start_char, ent.end_char)
        if any(z.start <= span.start < z.end for z in excluded):
            continue
        name = _clean_name(text[span.start : span.end])
        if not name:
            continue
        key = (etype, name.lower())
        entity = by_key.get(key)
        if entity is None:
            entity = by_key[key] = Entity(id="", name=name, type=etype)
        entity.mentions.append(span)
    entities = list(by_key.values())
    for n, entity in enumerate(entities, 1):
        entity.id = f"e{n}"
    return entities


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if name.lower().startswith("the "):
        name = name[4:]
    return name.rstrip("'’s").strip() if name.endswith(("'s", "’s")) else name
