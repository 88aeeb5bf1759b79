"""What the coreference rules share for one article: the clusters gathered so far (each one
actor), which cluster each mention is in, and look-ups on the parse.

A rule (see ``coref.py`` for their order) is a function ``rule(state, mention)`` returning the
cluster the mention belongs to, :data:`NO_ACTOR` when the mention names no actor, or None
when the rule does not decide and the next one is tried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph import nlp
from newsgraph.actors import knowledge
from newsgraph.actors.mentions import Mention
from newsgraph.english import english
from newsgraph.knowledge import derived

PRONOUN_REACH = 3  # sentences back a pronoun looks for its antecedent (and a name for its full form)


@dataclass(eq=False)
class Cluster:
    """An actor being gathered: its mentions and what they say about it."""

    type: str
    mentions: list[Mention] = field(default_factory=list)
    names: list[tuple[str, ...]] = field(default_factory=list)
    gender: str = "-"
    person: knowledge.Person | None = None
    org: knowledge.Organisation | None = None
    key: str | None = None  # a country code or name key for organisations and places
    owner: Cluster | None = None  # "the Clinton campaign" belongs to Clinton
    label: str | None = None  # the name of an actor known by no name in the text (the writer)
    _surname: str | None = None

    @property
    def surname(self) -> str | None:
        """The surname of the first full name (or the one name known), lower case."""
        return self._surname

    def _update_surname(self) -> None:
        full = [n for n in self.names if len(n) > 1]
        self._surname = surname(full[0]) if full else (surname(self.names[0]) if self.names else None)

    @property
    def heads(self) -> set[str]:
        """The title head words this actor holds in the article (and in the people file)."""
        out = set()
        for m in self.mentions:
            if m.title:
                out.add(title_head(m.title))
        if self.person is not None:
            out.update(title_head(r.title) for r in self.person.roles)
        return out

    def add(self, mention: Mention) -> None:
        """Take a mention: its name words, and its gender when the cluster had none."""
        self.mentions.append(mention)
        if mention.kind == "name" and mention.words not in self.names:
            self.names.append(mention.words)
            self._update_surname()
        if self.gender == "-" and mention.gender in ("m", "f"):
            self.gender = mention.gender


NO_ACTOR = Cluster("NONE")  # what a rule returns for a mention that names no actor ("it is clear")


class State:
    """The clusters of one article as the rules build them, and the article's look-ups."""

    def __init__(self, doc, mentions: list[Mention], date: str | None, author: str | None = None):
        self.doc = doc
        self.date = date
        self.author = author or "the writer"
        self.writers: dict[str, Cluster] = {}  # "sg": the writer, "pl": the writer's group
        # the tokens holding a line break (a token's trailing space is never one)
        table = doc.to_array(["ORTH", "IDX"])
        self.newlines = table[nlp.texts_where(doc, table[:, 0], lambda text: "\n" in text), 1].tolist()
        self.clusters: list[Cluster] = []
        self.of: dict[Mention, Cluster] = {}  # each resolved mention's cluster (keyed by the mention itself)
        self.by_head: dict[int, Mention] = {}  # names and nominals by their head token
        self.at_token: dict[int, Mention] = {}  # every mention by its head token
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.seen: list[Mention] = []  # in the last pass: the mentions resolved before this one
        for m in self.mentions:
            if m.kind in ("name", "nominal"):
                self.by_head.setdefault(m.head, m)
            self.at_token.setdefault(m.head, m)

    def join(self, m: Mention, cluster: Cluster) -> None:
        """Put the mention in the cluster (once)."""
        if self.of.get(m) is cluster:
            return
        cluster.add(m)
        self.of[m] = cluster

    def open(self, m: Mention, type_: str | None = None) -> Cluster:
        """A new cluster holding the mention (of the mention's type unless told)."""
        cluster = Cluster(type_ or m.type)
        self.clusters.append(cluster)
        self.join(m, cluster)
        return cluster


Rule = Callable[[State, Mention], Cluster | None]  # see the module docstring


def surname(words: tuple[str, ...]) -> str:
    """The surname of a name's words, lower case, accents folded ("Jr." is no surname)."""
    core = [w for w in words if w.lower() not in english().name_suffixes] or list(words)
    return knowledge.name_key(core[-1]).lower()


def gender_fits(a: str, b: str) -> bool:
    """Two genders that may be one person's ("-" is unknown)."""
    return a == "-" or b == "-" or a == b


@derived
def title_head(title: str) -> str:
    """The head word of a title: "US Director of National Intelligence" -> "director"."""
    nouns = knowledge.nouns()
    words = title.lower().split(" of ")[0].split()
    if not words:
        return ""
    last = nouns.abbreviations.get(words[-1], words[-1])
    if len(words) > 1 and f"{words[-2]} {last}" in nouns.leader:
        return f"{words[-2]} {last}"
    return last[:-1] if last.endswith("s") and last[:-1] in nouns.person else last
