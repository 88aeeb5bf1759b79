"""The pattern dictionary of ``data/events/patterns.yaml``, indexed for the coder.

A verb pattern names a lemma, optionally the words that must go with it (a particle or a
preposition: "carry out", "call for") and the object nouns that make it an event ("impose
sanctions"). A noun pattern names an event noun ("summit", "indictment"). The coder asks
:meth:`Lexicon.verb_patterns` and :meth:`Lexicon.noun_patterns` with a token of the parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.english import inflections
from newsgraph.knowledge import derived, load_yaml


@dataclass(frozen=True, slots=True)
class Pattern:
    """One entry of the dictionary: a predicate and the CAMEO code it means."""

    head: str  # verb or noun lemma
    code: str
    words: tuple[str, ...] = ()  # particles or prepositions that must go with the verb
    objects: frozenset[str] = frozenset()  # object lemmas the pattern needs (empty: any or none)
    complements: frozenset[str] = frozenset()  # adjectives of a small clause: "hold X responsible"
    target: tuple[str, ...] = ()  # where the target is looked for first: dobj, dative, or a preposition
    negated_code: str | None = None  # the code when negated ("did not disclose" -> 011)
    reciprocal: bool = False  # "X and Y met": each side is the other's target
    unless: frozenset[str] = frozenset()  # dependents that rule the pattern out ("called him a liar": oprd)
    needs_target: bool = False  # no event without a target ("his appeal" alone is charm, not a plea)
    needs_clause: bool = False  # codes only with a clause of what is asked: "called on X *to disarm*"
    unless_named: bool = False  # no event when the verb names its object: "called his comments *rhetoric*"
    transitive: bool = False  # codes only with a direct object: "returned the statues", not "returned to normal"
    unless_object: frozenset[str] = frozenset()  # entity types of an object that rule it out ("hit 16 percent")
    naming: str | None = None  # "negative" / "positive": "called X a disgrace" (what the verb names X)
    person_code: str | None = None  # the code when the source is one person: "Clinton attacked the police" (111)
    force_code: str | None = None  # the code when the source is a state or an armed force: "Israeli strikes" (190)
    support_only: bool = False  # a noun coded only under a support verb: "passed a resolution", not "her resolution"
    example: str = ""
    negatives: tuple[str, ...] = ()  # sentences of other senses of the word, which must not code this code

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects or self.complements or self.naming) + len(self.words)


@dataclass
class Lexicon:
    """Patterns by head lemma, and the word classes the coder's rules use."""

    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    inflected: dict[str, frozenset[str]] = field(default_factory=dict)  # each class's regular inflections
    mood_codes: dict[str, dict[str, str]] = field(default_factory=dict)

    def verb_patterns(self, lemma: str) -> list[Pattern]:
        return self.verbs.get(lemma, [])

    def noun_patterns(self, lemma: str) -> list[Pattern]:
        return self.nouns.get(lemma, [])

    def is_(self, word_class: str, lemma: str) -> bool:
        """Whether ``lemma`` belongs to the named word class of the dictionary (a KeyError for a
        class the dictionary has not: a misspelt name must fail, not match nothing)."""
        return lemma in self.classes[word_class]

    def has(self, word_class: str, token) -> bool:
        """Whether the word ``token`` belongs to the named class, by its lemma or, where the
        tagger's lemma slips ("hoped" -> "hop"), by the base a regular ending gives ("hope")."""
        return token.lemma_.lower() in self.classes[word_class] or token.lower_ in self.inflected[word_class]

    def mood_code(self, mood: str, code: str) -> str | None:
        """The code an event of ``code`` becomes under ``mood`` (longest code prefix wins)."""
        table = self.mood_codes.get(mood, {})
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return None


def _pattern(entry: dict, head_key: str) -> Pattern:
    names = str(entry[head_key]).lower().split()
    # a verb leads its particles ("carry out"); a noun follows its modifiers ("hunger strike")
    head, words = (names[0], names[1:]) if head_key == "verb" else (names[-1], names[:-1])
    return Pattern(
        head=head,
        code=str(entry["code"]),
        words=tuple(words),
        objects=frozenset(str(o).lower() for o in entry.get("object", [])),
        complements=frozenset(str(o).lower() for o in entry.get("complement", [])),
        target=tuple(str(t) for t in entry.get("target", [])),
        negated_code=str(entry["negated_code"]) if entry.get("negated_code") else None,
        reciprocal=bool(entry.get("reciprocal", False)),
        unless=frozenset(str(d) for d in entry.get("unless", [])),
        needs_target=bool(entry.get("needs_target", False)),
        needs_clause=bool(entry.get("needs_clause", False)),
        unless_named=bool(entry.get("unless_named", False)),
        transitive=bool(entry.get("transitive", False)),
        unless_object=frozenset(str(t) for t in entry.get("unless_object", [])),
        naming=entry.get("naming"),
        person_code=str(entry["person_code"]) if entry.get("person_code") else None,
        force_code=str(entry["force_code"]) if entry.get("force_code") else None,
        support_only=bool(entry.get("support_only", False)),
        example=entry.get("example", ""),
        negatives=tuple(entry.get("not", [])),
    )


@derived
def lexicon() -> Lexicon:
    """The dictionary, read once."""
    spec = load_yaml("events/patterns.yaml")
    lex = Lexicon()
    for entry in spec["verbs"]:
        pattern = _pattern(entry, "verb")
        lex.verbs.setdefault(pattern.head, []).append(pattern)
    for patterns in lex.verbs.values():
        patterns.sort(key=lambda p: -p.specificity)
    for entry in spec["nouns"]:
        pattern = _pattern(entry, "noun")
        lex.nouns.setdefault(pattern.head, []).append(pattern)
    for patterns in lex.nouns.values():
        patterns.sort(key=lambda p: -p.specificity)
    lex.classes = {name: frozenset(str(w).lower() for w in words) for name, words in spec["classes"].items()}
    lex.inflected = {name: frozenset(f for w in words for f in inflections(w)) for name, words in lex.classes.items()}
    lex.mood_codes = {mood: {str(k): str(v) for k, v in table.items()} for mood, table in spec["moods"].items()}
    return lex
