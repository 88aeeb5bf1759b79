"""Coreference inside one article, by rules on the parse: the clusters, and the names.

Names are clustered first, longest first: a full name opens a cluster; a shorter name joins the
cluster whose surname it is ("Mr Trump", "Trump"), an acronym the organisation it abbreviates, a
country name its country. Every other mention is then resolved in text order by
``references.MentionResolver`` (titles, nominal phrases, documents, relatives) and the pronoun
rules of ``pronouns.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.actors import knowledge
from newsgraph.actors.mentions import Mention
from newsgraph.knowledge import derived

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
PRONOUN_REACH = 3  # sentences back a pronoun looks for its antecedent
GENDER_REACH = 12  # sentences back "he"/"she" look for a person of known gender
SPEAKER_PARAGRAPHS = 2  # paragraphs back a quotation looks for its speaker
TITLE_REACH = 8  # tokens a capitalised title may run before the name it belongs to
SUBJECT_DEPS = ("nsubj", "nsubjpass")
EXPLETIVE_VERBS = frozenset({"be", "seem", "appear", "happen", "remain", "become", "matter", "take"})
STOP_INITIALS = {"of", "the", "and", "for", "&", "de", "du", "la"}
_INITIAL = re.compile(r"[A-Z]")


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
        self._surname = _surname(full[0]) if full else (_surname(self.names[0]) if self.names else None)

    @property
    def heads(self) -> set[str]:
        """The title head words this actor holds in the article (and in the people file)."""
        out = set()
        for m in self.mentions:
            if m.title:
                out.add(_title_head(m.title))
        if self.person is not None:
            out.update(_title_head(r.title) for r in self.person.roles)
        return out

    def add(self, mention: Mention) -> None:
        """Take a mention: its name words, and its gender when the cluster had none."""
        self.mentions.append(mention)
        if mention.kind == "name" and mention.words not in self.names:
            self.names.append(mention.words)
            self._update_surname()
        if self.gender == "-" and mention.gender in ("m", "f"):
            self.gender = mention.gender


def _surname(words: tuple[str, ...]) -> str:
    core = [w for w in words if w.lower() not in SUFFIXES] or list(words)
    return knowledge.name_key(core[-1]).lower()


@derived
def _title_head(title: str) -> str:
    """The head word of a title: "US Director of National Intelligence" -> "director"."""
    nouns = knowledge.nouns()
    words = title.lower().split(" of ")[0].split()
    if not words:
        return ""
    last = nouns.abbreviations.get(words[-1], words[-1])
    if len(words) > 1 and f"{words[-2]} {last}" in nouns.leader:
        return f"{words[-2]} {last}"
    return last[:-1] if last.endswith("s") and last[:-1] in nouns.person else last


class Resolver:
    """Groups the mentions of one article into clusters (see the module docstring)."""

    def __init__(self, doc, mentions: list[Mention], date: str | None, author: str | None = None):
        self.doc = doc
        self.author = author or "the writer"
        self.writers: dict[str, Cluster] = {}
        self.newlines = [t.idx for t in doc if "\n" in t.text or "\n" in t.whitespace_]
        self.date = date
        self.clusters: list[Cluster] = []
        self.of: dict[int, Cluster] = {}  # id(mention) -> cluster
        self.by_head: dict[int, Mention] = {}  # names and nominals by their head token
        self.at_token: dict[int, Mention] = {}  # every mention by its head token
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        for m in self.mentions:
            if m.kind in ("name", "nominal"):
                self.by_head.setdefault(m.head, m)
            self.at_token.setdefault(m.head, m)

    def resolve(self) -> list[Cluster]:
        """Names first, then every other mention in text order."""
        self._cluster_names()
        seen: list[Mention] = []
        for m in self.mentions:
            if m.kind != "name":
                self._resolve_other(m, seen)
            if id(m) in self.of:
                seen.append(m)
        return [c for c in self.clusters if c.mentions]

    def _join(self, m: Mention, cluster: Cluster) -> None:
        cluster.add(m)
        self.of[id(m)] = cluster

    def _new(self, m: Mention, type_: str | None = None) -> Cluster:
        cluster = Cluster(type_ or m.type)
        self.clusters.append(cluster)
        self._join(m, cluster)
        return cluster

    # names ---------------------------------------------------------------------------------

    def _cluster_names(self) -> None:
        names = [m for m in self.mentions if m.kind == "name"]
        for m in sorted(names, key=lambda m: (-len(m.words), m.start)):
            if m.type == "PERSON" and len(m.words) > 1:
                self._full_name(m)
        for m in names:
            if id(m) in self.of:
                continue
            if m.type == "PERSON" or (len(m.words) == 1 and self._person_by_surname(m)):
                self._short_name(m)
            else:
                self._other_name(m)

    def _full_name(self, m: Mention) -> None:
        person = knowledge.people()[0].get(knowledge.name_key(" ".join(m.words)))
        for c in self.clusters:
            if c.type != "PERSON":
                continue
            if (person is not None and c.person is person) or any(_same_person(m.words, n) for n in c.names):
                self._join(m, c)
                return
        cluster = self._new(m)
        cluster.person = person
        if person is not None and cluster.gender == "-":
            cluster.gender = person.gender
        elif cluster.gender == "-":
            cluster.gender = knowledge.given_names().get(m.words[0], "-")

    def _person_by_surname(self, m: Mention) -> list[Cluster]:
        word = _surname(m.words)
        people = [c for c in self.clusters if c.type == "PERSON" and _gender_fits(m.gender, c.gender)]
        found = [c for c in people if c.surname == word]
        if found or len(m.words) > 1:
            return found
        # a first surname of a name with two ("Ms. Acosta" for Melba Acosta Febo)
        return [c for c in people if any(len(n) > 2 and word in (w.lower() for w in n[1:-1]) for n in c.names)]

    def _short_name(self, m: Mention) -> None:
        found = self._person_by_surname(m)
        if not found:
            found = [c for c in self.clusters if c.type == "PERSON" and any(
                len(n) > 1 and n[0] == m.words[0] for n in c.names)]
            found = found if len(found) == 1 else []
        if found:
            self._join(m, self._nearest(found, m))
            return
        person = self._known_by_surname(m)
        cluster = self._new(m, "PERSON")
        cluster.person = person
        cluster.gender = cluster.gender if cluster.gender != "-" else (person.gender if person else "-")

    def _nearest(self, clusters: list[Cluster], m: Mention) -> Cluster:
        """The cluster named in full in the few sentences before m, else the one named first."""
        def last_before(c: Cluster) -> int:
            return max((x.sent for x in c.mentions if x.start < m.start and len(x.words) > 1), default=-1)
        best = max(clusters, key=last_before)
        if last_before(best) >= 0 and m.sent - last_before(best) <= PRONOUN_REACH:
            return best
        return min(clusters, key=lambda c: min(x.start for x in c.mentions))

    def _known_by_surname(self, m: Mention) -> knowledge.Person | None:
        """A well-known person of that surname, when only one fits (holding a role at the date)."""
        bearers = knowledge.people()[1].get(_surname(m.words), ())
        bearers = [p for p in bearers if _gender_fits(m.gender, p.gender)]
        if len(bearers) > 1:
            bearers = [p for p in bearers if p.role_at(self.date) is not None]
        return bearers[0] if len(bearers) == 1 else None

    def _other_name(self, m: Mention) -> None:
        key = self._name_key(m)
        for c in self.clusters:
            if c.type == m.type and c.key == key:
                self._join(m, c)
                return
        if m.type in ("ORG", "GROUP"):
            for c in self.clusters:
                if c.type == m.type and _abbreviates(m.words, c.names):
                    self._join(m, c)
                    return
        cluster = self._new(m)
        cluster.key = key
        cluster.org = knowledge.organisations().get(knowledge.name_key(" ".join(m.words)))

    def _name_key(self, m: Mention) -> str:
        name = " ".join(m.words)
        if m.type in ("GPE", "LOC") and m.country and knowledge.name_key(name) in knowledge.countries()[0]:
            return m.country
        org = knowledge.organisations().get(knowledge.name_key(name))
        return knowledge.name_key(org.name) if org is not None else knowledge.name_key(name)


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one person: same surname and same first name (or one's initial)."""
    if _surname(a) != _surname(b):
        return False
    fa, fb = a[0].lower().rstrip("."), b[0].lower().rstrip(".")
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


def _gender_fits(a: str, b: str) -> bool:
    return a == "-" or b == "-" or a == b


def _abbreviates(words: tuple[str, ...], names: list[tuple[str, ...]]) -> bool:
    """An acronym of a longer name ("FBI" ~ "Federal Bureau of Investigation"), or its last words
    ("the Post" ~ "The Washington Post")."""
    short = "".join(words).replace(".", "")
    for name in names:
        if len(name) <= len(words):
            continue
        initials = "".join(w[0] for w in name if w.lower() not in STOP_INITIALS and _INITIAL.match(w))
        if len(words) == 1 and short.isupper() and len(short) > 1 and short == initials:
            return True
        if tuple(w.lower() for w in name[-len(words):]) == tuple(w.lower() for w in words) and words[0][:1].isupper():
            return True
    return False
