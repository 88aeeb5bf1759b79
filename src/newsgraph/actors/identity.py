"""One actor, one identity: after coreference, clusters that name one actor in two ways join.

Coreference joins names that agree word for word (folding case, accents and dots). Two more
kinds of variant name one actor within an article:

- a spelling or transliteration variant: the same number of name words, each the same or a
  close spelling of the other ("Volodymyr Zelensky" / "Volodymyr Zelenskiy", "Hilary Clinton"
  / "Hillary Clinton"), with at least one word the same when there are several;
- a name slip: a name that is another person's full name with a capitalised word before it that
  is no given name ("Universe Alicia Machado", from "Miss Universe Alicia Machado").

People the knowledge files tell apart (two rows of people.tsv), different genders, and different
given names ("Melania Trump" / "Donald Trump") stay apart.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from newsgraph.actors import knowledge
from newsgraph.actors.clusters import Cluster

CLOSE = 0.85  # the least similarity of two spellings of one name word
SHORTEST = 5  # words shorter than this are compared exactly ("Lee" / "Lea")
NAMED_TYPES = ("PERSON", "ORG")


def merge_variants(clusters: list[Cluster]) -> list[Cluster]:
    """The clusters with every variant name joined to the cluster it varies (the one with more
    mentions keeps the other's)."""
    out: list[Cluster] = []
    for cluster in sorted(clusters, key=lambda c: -len(c.mentions)):
        into = next((kept for kept in out if _same_actor(kept, cluster)), None)
        if into is None:
            out.append(cluster)
        else:
            _mend_slips(into, cluster)
            _absorb(into, cluster, clusters)
    return [c for c in clusters if c in out]


def _same_actor(a: Cluster, b: Cluster) -> bool:
    if a.type != b.type or a.type not in NAMED_TYPES or not a.names or not b.names:
        return False
    if a.person is not None and b.person is not None and a.person is not b.person:
        return False
    if "-" not in (a.gender, b.gender) and a.gender != b.gender:
        return False
    x, y = max(a.names, key=len), max(b.names, key=len)
    return _variant(x, y) or (a.type == "PERSON" and (_slip(x, y) or _slip(y, x)))


def _variant(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Word for word the same or a close spelling, at least one word the same when there are several."""
    if len(x) != len(y):
        return False
    same = [knowledge.name_key(u) == knowledge.name_key(v) for u, v in zip(x, y, strict=True)]
    if all(same) or (len(x) > 1 and not any(same)):
        return False
    return all(s or _close(u, v) for s, u, v in zip(same, x, y, strict=True))


def _close(u: str, v: str) -> bool:
    u, v = knowledge.name_key(u).lower(), knowledge.name_key(v).lower()
    if min(len(u), len(v)) < SHORTEST or u[0] != v[0]:
        return False
    return SequenceMatcher(None, u, v).ratio() >= CLOSE


def _slip(longer: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """``longer`` is ``name`` (two words or more) after capitalised words that are no given name."""
    extra = len(longer) - len(name)
    if extra < 1 or len(name) < 2:
        return False
    if [knowledge.name_key(w) for w in longer[extra:]] != [knowledge.name_key(w) for w in name]:
        return False
    given = knowledge.given_names()
    return all(w[:1].isupper() and w not in given for w in longer[:extra])


def _mend_slips(a: Cluster, b: Cluster) -> None:
    """A slipped name reads as the name it holds ("Universe Alicia Machado" is Alicia Machado)."""
    if a.type != "PERSON":
        return
    for one, other in ((a, b), (b, a)):
        for name in other.names:
            for m in one.mentions:
                if m.kind == "name" and _slip(m.words, name):
                    m.words, m.name = name, " ".join(name)
        one.names = [n for n in one.names if not any(_slip(n, name) for name in other.names)]


def _absorb(into: Cluster, other: Cluster, clusters: list[Cluster]) -> None:
    for m in other.mentions:
        into.add(m)
    into.person = into.person or other.person
    into.org = into.org or other.org
    for c in clusters:
        if c.owner is other:
            c.owner = into
