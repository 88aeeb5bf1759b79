"""Coreference inside one article, by rules on the parse.

Names first, longest first: a full name opens a cluster; a shorter name joins the cluster
whose surname it is ("Mr Trump", "Trump"), an acronym the organisation it abbreviates, a
country name its country. Then every other mention in text order:

- an apposition joins the name beside it ("his adviser, John Bolton");
- a definite title ("the President", "the Russian leader") joins the latest actor holding
  that title, with a compatible country;
- a plural role noun ("prosecutors") joins an earlier group with the same head and country,
  else opens a GROUP; an indefinite singular ("a spokesman") opens a PERSON;
- a pronoun joins the most salient compatible actor of its sentence or the three before;
- a relative pronoun ("who") joins the noun its clause modifies;
- "I"/"we" inside a quotation join the speaker: the nearest actor outside quotation marks
  in the same paragraph.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.actors import knowledge
from newsgraph.actors.mentions import Mention

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


@functools.lru_cache(maxsize=4096)
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


class MentionResolver(Resolver):
    """Resolver with the rules for nominal phrases and pronouns."""

    def _resolve_other(self, m: Mention, seen: list[Mention]) -> None:
        target = self._apposed(m)
        if target is not None:
            self._join(m, target)
        elif m.kind == "nominal":
            self._nominal(m, seen)
        elif m.kind == "document":
            found = self._issuer(m, seen)
            if found is not None:
                self._join(m, found)
        elif m.kind == "relative":
            antecedent = self._covering(self.doc[m.head].head.head)
            if antecedent is not None:
                self._join(m, self.of[id(antecedent)])
        elif m.kind == "quantifier":
            self._new(m, "GROUP")
        elif m.turn is not None and not m.in_quote and (m.kind == "turn" or m.person in (1, 2)):
            self._in_transcript(m)
        elif m.person == 3 and not self._expletive(m):
            found = self._antecedent(m, seen)
            if found is not None:
                self._join(m, found)
        elif m.in_quote and m.person == 1:
            found = self._speaker(m, seen)
            if found is not None:
                self._join(m, found)
        elif m.person == 1:
            self._join(m, self._writer(m.number))

    def _in_transcript(self, m: Mention) -> None:
        """In an interview, "A", "I" in an answer and "you" in a question are the one interviewed
        (the person the article names most); "Q" and "I" in a question are the writer."""
        asks = (m.turn == "Q") == (m.kind == "turn" or m.person == 1)
        if asks:
            self._join(m, self._writer(m.number if m.kind != "turn" else "sg"))
            return
        people = [c for c in self.clusters if c.type == "PERSON" and c.names and c.label is None]
        if people:
            self._join(m, max(people, key=lambda c: sum(x.kind == "name" for x in c.mentions)))

    def _writer(self, number: str) -> Cluster:
        """Outside quotation marks "I" is the writer of the article (named by its byline when
        known), and "we" the writer's group."""
        cluster = self.writers.get(number)
        if cluster is None:
            cluster = self.writers[number] = Cluster("PERSON" if number == "sg" else "GROUP")
            cluster.label = self.author if number == "sg" else "we"
            self.clusters.append(cluster)
        return cluster

    def _covering(self, tok) -> Mention | None:
        """The resolved name or nominal mention a token heads or lies in ("the Board of Elections")."""
        found = self.by_head.get(tok.i)
        if found is not None and id(found) in self.of:
            return found
        inside = [x for x in self.mentions if x.start <= tok.idx < x.end and id(x) in self.of]
        inside = [x for x in inside if x.kind in ("name", "nominal", "quantifier")]
        return min(inside, key=lambda x: x.end - x.start) if inside else None

    def _expletive(self, m: Mention) -> bool:
        """ "it" as the subject of "be", "seem" ... ("it is clear that") names no actor."""
        tok = self.doc[m.head]
        return m.words[0] == "it" and tok.dep_ in SUBJECT_DEPS and tok.head.lemma_ in EXPLETIVE_VERBS

    def _apposed(self, m: Mention) -> Cluster | None:
        """The cluster of a name in apposition with a nominal ("Bolton, the adviser" both ways)."""
        if m.kind != "nominal":
            return None
        tok = self.doc[m.head]
        titled = self._titled_name(tok)
        if titled is not None:
            return titled
        other = self.by_head.get(tok.head.i) if tok.dep_ == "appos" else None
        if other is None:
            other = next((self.by_head.get(c.i) for c in tok.children if c.dep_ == "appos"), None)
        if other is None or other is m or other.kind != "name" or id(other) not in self.of:
            return None
        cluster = self.of[id(other)]
        return cluster if cluster.type in ("PERSON", "ORG") or m.type == cluster.type else None

    def _opens_with_the(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span[0].lower_ == "the"

    def _titled_name(self, tok) -> Cluster | None:
        """A capitalised title running into a name ("Director of National Intelligence Dan Coats")
        is that person's title, whatever the parser made of it."""
        if tok.pos_ != "PROPN":
            return None
        for nxt in self.doc[tok.i + 1 : tok.i + TITLE_REACH]:
            if nxt.is_punct or not (nxt.is_title or nxt.is_upper or nxt.lower_ in ("of", "for")):
                return None
            m = self.by_head.get(nxt.i)
            if m is not None and m.kind == "name" and id(m) in self.of and self.of[id(m)].type == "PERSON":
                return self.of[id(m)]
        return None

    def _nominal(self, m: Mention, seen: list[Mention]) -> None:
        head = m.words[0]
        if m.type == "PERSON" and m.definite:
            found = self._title_holder(m, seen)
            if found is not None:
                self._join(m, found)
                return
            person = self._known_holder(m)
            if person is not None and self.doc[m.head].lower_ != self.doc[m.head].text and self._owned(m) is None:
                cluster = self._new(m)
                cluster.person, cluster.gender = person, person.gender
                return
        elif m.type in ("GROUP", "ORG"):
            owner = self._owned(m)
            for prior in reversed(seen):
                c = self.of[id(prior)]
                if c.type == m.type and prior.kind == "nominal" and prior.words[0] == head and _country_fits(m, c):
                    if owner is None or c.owner is None or owner is c.owner:  # "the Sanders campaign" is not Clinton's
                        self._join(m, c)
                        return
            if m.type == "ORG" and self._opens_with_the(m) and owner is None:
                found = self._named_org(m, seen)
                if found is not None:
                    self._join(m, found)
                    return
        cluster = self._new(m)
        cluster.owner = self._owned(m)

    def _issuer(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """Who issued a document: its owner ("a Gallup poll", "his statement"), else whoever
        issued the latest document of the same kind ("... the poll found")."""
        owner = self._owned(m)
        if owner is not None:
            return owner
        for prior in reversed(seen):
            if prior.kind == "document" and prior.words == m.words:
                return self.of[id(prior)]
        return None

    def _known_holder(self, m: Mention) -> knowledge.Person | None:
        """Who held a capitalised title on the publication date ("the President" in a 2015 US article),
        by people.tsv, when exactly one person did in the country the title or the article names."""
        if self.date is None:
            return None
        country = m.country or self._home_country()
        if country is None:
            return None
        wanted = {m.words[0]}
        holders = {
            id(p): p for p in knowledge.people()[0].values()
            if (r := p.role_at(self.date)) is not None and r.country == country and _title_head(r.title) in wanted
        }
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _home_country(self) -> str | None:
        """The country the article's names point to most."""
        votes = Counter(x.country for x in self.mentions if x.kind == "name" and x.country)
        for c in self.clusters:
            role = c.person.role_at(self.date) if c.person is not None else None
            if role is not None and role.country:
                votes[role.country] += len(c.mentions)
        return votes.most_common(1)[0][0] if votes else None

    def _title_holder(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """The latest actor holding the title of a definite "the President", "the Russian leader"."""
        nouns = knowledge.nouns()
        head = m.words[0]
        wanted = nouns.leader if head in ("leader", "head") else {head}
        for prior in reversed(seen):
            c = self.of[id(prior)]
            if c.type == "PERSON" and c.heads & wanted and _country_fits(m, c):
                return c
        # a title before the name it stands for ("his adviser ... John Bolton"), close ahead
        for c in self.clusters:
            first = min(x.sent for x in c.mentions)
            if c.type == "PERSON" and m.sent < first <= m.sent + PRONOUN_REACH and c.heads & wanted:
                if _country_fits(m, c):
                    return c
        # anywhere in the article, someone who held the title on the publication date
        for c in self.clusters:
            role = c.person.role_at(self.date) if c.person is not None and self.date else None
            if role is not None and _title_head(role.title) in wanted and _country_fits(m, c):
                return c
        return None

    def _named_org(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """"the campaign", "the administration": the latest organisation named with that noun."""
        for prior in reversed(seen):
            c = self.of[id(prior)]
            if c.type == "ORG" and any(n and n[-1].lower().startswith(m.words[0]) for n in c.names):
                return c
        return None

    def _owned(self, m: Mention) -> Cluster | None:
        """The actor a nominal belongs to: a name or pronoun before its head ("the Clinton campaign")."""
        for tok in self.doc[m.head].lefts:
            owner = self.at_token.get(tok.i)
            if tok.dep_ in ("compound", "poss") and owner is not None and id(owner) in self.of:
                return self.of[id(owner)]
        return None

    def _antecedent(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """The most salient compatible actor in the pronoun's sentence or the few before it."""
        blocked = {id(self.of[id(x)]) for i in self._coarguments(m) if (x := self.at_token.get(i)) and id(x) in self.of}
        pools: dict[int, list[Mention]] = {}
        for p in reversed(seen):  # one pass back over the reach, sentence by sentence
            distance = m.sent - p.sent
            if distance > PRONOUN_REACH:
                break
            if p.end <= m.start and (m.in_quote or not p.in_quote):
                c = self.of[id(p)]
                if id(c) not in blocked and _fits(m, c, p):
                    pools.setdefault(distance, []).append(p)
        if pools:
            distance = min(pools)
            return self.of[id(max(pools[distance], key=lambda p: self._salience(p, m, distance)))]
        return self._same_gender_before(m, seen, blocked)

    def _same_gender_before(self, m: Mention, seen: list[Mention], blocked: set[int]) -> Cluster | None:
        """Farther back, "he"/"she" still find the latest person known to be of that gender."""
        if m.gender not in ("m", "f"):
            return None
        for p in reversed(seen):
            c = self.of[id(p)]
            if m.sent - p.sent > GENDER_REACH:
                return None
            if c.type == "PERSON" and c.gender == m.gender and id(c) not in blocked and p.end <= m.start:
                if m.in_quote or not p.in_quote:
                    return c
        return None

    def _salience(self, p: Mention, m: Mention, distance: int) -> tuple:
        tok = self.doc[p.head]
        subject = tok.dep_ in SUBJECT_DEPS
        main = subject and tok.head.dep_ == "ROOT"
        named = p.kind in ("name", "nominal")
        # in the pronoun's own sentence the nearest subject wins; earlier, the main subject, then the first
        if distance == 0:
            return (subject, p.start)
        return (main, subject, named, -p.start)

    def _coarguments(self, m: Mention) -> set[int]:
        """Tokens a non-reflexive object pronoun cannot refer to: the subject of its own verb."""
        tok = self.doc[m.head]
        if tok.dep_ not in ("dobj", "iobj", "pobj") or m.words[0].endswith("self"):
            return set()
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        return {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}

    def _speaker(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """Who says "I" or "we" in a quotation: the nearest actor outside quotation marks in the
        paragraph, else the last person speaking outside them in the two paragraphs before."""
        para = self._para(m.start)
        best, best_key = None, None
        for p in self.mentions:
            if p.in_quote or id(p) not in self.of or self._para(p.start) != para:
                continue
            c = self.of[id(p)]
            if c.type in ("GPE", "LOC") or (m.number == "sg" and c.type != "PERSON"):
                continue
            # a person speaks for "we" too; a subject ("..., the President said") over a mere neighbour
            key = (c.type == "PERSON", self.doc[p.head].dep_ in SUBJECT_DEPS, -abs(p.start - m.start))
            if best_key is None or key > best_key:
                best, best_key = c, key
        return best if best is not None else self._earlier_speaker(m, seen, para)

    def _earlier_speaker(self, m: Mention, seen: list[Mention], para: int) -> Cluster | None:
        for p in reversed(seen):
            if para - self._para(p.start) > SPEAKER_PARAGRAPHS:
                return None
            c = self.of[id(p)]
            if not p.in_quote and c.type == "PERSON" and self.doc[p.head].dep_ in SUBJECT_DEPS:
                return c
        return None

    def _para(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset)


def _fits(pronoun: Mention, cluster: Cluster, mention: Mention) -> bool:
    """Whether a third-person pronoun can stand for the cluster (number, gender, animacy)."""
    gender = pronoun.gender
    if gender in ("m", "f"):
        return cluster.type == "PERSON" and _gender_fits(gender, cluster.gender) and mention.kind != "quantifier"
    if gender == "n":
        return cluster.type in ("ORG", "GPE") or (cluster.type == "GROUP" and mention.number == "sg")
    return cluster.type in ("GROUP", "ORG")


def _country_fits(m: Mention, cluster: Cluster) -> bool:
    if m.country is None:
        return True
    countries = {x.country for x in cluster.mentions if x.country}
    if cluster.person is not None:
        countries.update(r.country for r in cluster.person.roles if r.country)
    return not countries or m.country in countries


def resolve(doc, mentions: list[Mention], date: str | None, author: str | None = None) -> list[Cluster]:
    """Clusters of the mentions, each one actor of the article (``author``: the byline's name)."""
    return MentionResolver(doc, mentions, date, author).resolve()

