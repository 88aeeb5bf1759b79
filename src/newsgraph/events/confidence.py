"""Confidence: how likely a coded event is right, code and both actors, in [0, 1].

A logistic model over features read from the event and the article around it:

- ``source_coded``: the source is an entity with a country or sector code;
- ``target_entity`` / ``target_coded``: the target is an entity, and a coded one;
- ``no_target``: the event has no target;
- ``source_named`` / ``target_named``: the source's (target's) entity has a proper name (not
  only a common noun);
- ``pronoun_source``: the source is named by a pronoun here (resolved by coreference);
- ``specific_code``: a three- or four-digit CAMEO code (a pattern with its object or particle);
- ``headline``: coded from the headline or standfirst (display text, often elliptic);
- ``quoted``: the trigger lies inside a quotation;
- ``long_evidence``: the evidence spans more than 120 characters (source and target far apart);
- ``material``: a material event (quad class 2 or 4), not a verbal one.

The weights live in ``data/events/confidence.yaml``; ``bench/calibrate.py`` fits them on the
hand-coded articles and prints the calibration table (docs/events.md).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from newsgraph.actors.knowledge import nouns
from newsgraph.knowledge import derived, load_yaml
from newsgraph.record import Event

if TYPE_CHECKING:
    from newsgraph.article import Article

FEATURES = ("source_coded", "target_entity", "target_coded", "no_target", "source_named", "target_named",
            "pronoun_source", "specific_code", "headline", "quoted", "long_evidence", "material")
LONG_EVIDENCE = 120  # characters
DISPLAY_ZONES = ("headline", "standfirst")
NAMED_TYPES = ("PERSON", "ORG", "GPE", "NORP")


def features(event: Event, article: Article) -> dict[str, float]:
    """The features of one event (1.0 or 0.0 each)."""
    actors = article.actors
    source = actors.by_id(event.source) if actors and event.source else None
    target = actors.by_id(event.target) if actors and event.target else None
    at = event.evidence.start
    quoted = article.in_quote(event.source_mention.end if event.source_mention else at)
    values = {
        "source_coded": source is not None and bool(source.code),
        "target_entity": target is not None,
        "target_coded": target is not None and bool(target.code),
        "no_target": event.target_mention is None,
        "source_named": _named(source),
        "target_named": _named(target),
        "pronoun_source": event.source_mention is not None
        and article.text[event.source_mention.start : event.source_mention.end].lower() in nouns().pronouns,
        "specific_code": len(event.cameo) > 2,
        "headline": article.analysed.kind_at(at) in DISPLAY_ZONES,
        "quoted": quoted,
        "long_evidence": event.evidence.end - event.evidence.start > LONG_EVIDENCE,
        "material": event.quad_class in (2, 4),
    }
    return {k: float(v) for k, v in values.items()}


def _named(entity) -> bool:
    return entity is not None and entity.type in NAMED_TYPES and entity.name[:1].isupper()


@derived
def weights() -> dict[str, float]:
    spec = load_yaml("events/confidence.yaml")
    return {"bias": float(spec["bias"]), **{k: float(v) for k, v in spec["weights"].items()}}


def confidence(values: dict[str, float], w: dict[str, float] | None = None) -> float:
    """The model's probability that the event is right, rounded to two places."""
    w = w or weights()
    z = w["bias"] + sum(w.get(k, 0.0) * v for k, v in values.items())
    return round(1 / (1 + math.exp(-z)), 2)
