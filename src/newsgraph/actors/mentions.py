"""Mentions of actors found on the spaCy parse: names, nominal phrases, pronouns.

A mention is a span of the text with what the parse tells about it (head token, number,
gender, the title words before a name). Coreference (``coref.py``) then groups them.
Mentions in boilerplate zones are never made.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph import nlp
from newsgraph.actors import knowledge, slips
from newsgraph.actors.words import country_of_words, is_sector_word, is_title_word
from newsgraph.english import english
from newsgraph.knowledge import derived

if TYPE_CHECKING:
    from newsgraph.article import Article

ENTITY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}
PREMODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod", "nummod", "poss"}
TITLE_MAX_TOKENS = 10
TITLE_POS = {"PROPN", "NOUN", "ADJ", "NUM", "ADP", "PUNCT", "CCONJ"}  # words a title is made of
PERSON_SUFFIX_MIN = 6  # "neurosurgeon" is a surgeon; shorter nouns ("man") end too many words
TURN = re.compile(r"(?m)^[ \t]*(Q|A)[:.][ \t]")
OLDEST = 120
AGE_CLOSERS = frozenset({",", ".", "\u2015", "\u2014", "\u2013", "-"})  # "Scott, 43, a father"; "Crutcher, 40 ― a"
NEWLINE = re.compile("\n")
NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})


@dataclass(slots=True, eq=False)
class Mention:
    """One mention of an actor: a span of the text and what the parse says about it."""

    start: int
    end: int
    kind: str  # name | nominal | pronoun | relative | quantifier
    type: str  # PERSON | ORG | GPE | LOC | NORP | GROUP
    head: int  # index of the head token in the parse
    sent: int  # index of the sentence
    words: tuple[str, ...] = ()  # a name's words (no honorific, no possessive); a nominal's head lemma
    name: str | None = None  # a name as written, white space folded
    gender: str = "-"  # m | f | n | -
    number: str = "sg"
    person: int = 3
    title: str | None = None  # title words read beside the mention ("US President")
    country: str | None = None  # a country named inside the mention or its title
    definite: bool = False
    in_quote: bool = False
    first_token: int = -1  # where a name's title begins: its tokens make no mention of their own
    turn: str | None = None  # "Q" or "A" in an interview transcript


class Zones:
    """Which characters lie outside the analysed zones, and which inside a quotation: the
    article's shared indexes (``Article.analysed``, ``Article.quoted``), asked by position."""

    def __init__(self, article: Article):
        text = article.text
        self.analysed = article.analysed
        self.in_quote = article.in_quote  # whether a position lies inside a quoted stretch
        self.paragraphs = [m.start() for m in NEWLINE.finditer(text)]
        # interview transcripts: a paragraph opening "Q:" is the interviewer's turn, "A:" the answer
        self.turns = {self.paragraph(m.start()): m.group(1) for m in TURN.finditer(text)}

    def turn(self, pos: int) -> str | None:
        """ "Q" or "A" when the position lies in a transcript turn, else None."""
        return self.turns.get(self.paragraph(pos))

    def is_excluded(self, pos: int) -> bool:
        """Whether the position lies outside the zones the analysis reads."""
        return pos not in self.analysed

    def paragraph(self, pos: int) -> int:
        """The number of the line (paragraph) the position lies on."""
        return bisect.bisect_right(self.paragraphs, pos)


def sentence_index(doc) -> list[int]:
    """The sentence number of every token."""
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


def name_mentions(text: str, doc, where: Zones, sents: list[int]) -> list[Mention]:
    """Mentions from spaCy's named entities, with its known slips fixed and titles read."""
    out = []
    for ent in doc.ents:
        label = ENTITY_LABELS.get(ent.label_)
        if label is None or where.is_excluded(ent.start_char):
            continue
        first, last = _trim(doc, ent.start, ent.end)
        while (label == "ORG" and last - first > 1 and doc[first].is_lower and doc[first].is_alpha
               and not all(t.is_lower for t in doc[first + 1 : last])):
            first += 1  # "federal Securities and Exchange Commission": the adjective is no part of the name
            # (a name all in lower case is a common noun kept whole: "coast guard")
        if first >= last or slips.is_slip(doc[first:last]):
            continue
        mention = _name_mention(text, doc, first, last, label, sents)
        if mention is not None:
            mention.in_quote = where.in_quote(mention.start)
            out.append(mention)
    return out


def _trim(doc, first: int, last: int) -> tuple[int, int]:
    """The name's tokens less a leading determiner and a trailing possessive or punctuation."""
    while first < last and (doc[first].lower_ in english().determiners or doc[first].is_punct):
        first += 1
    while last > first and (doc[last - 1].tag_ == "POS" or doc[last - 1].is_punct or doc[last - 1].lower_ == "'s"):
        last -= 1
    return first, last


def _name_mention(text: str, doc, first: int, last: int, label: str, sents: list[int]) -> Mention | None:
    nouns = knowledge.nouns()
    gender = "-"
    # an honorific just before the name (or first in it) tells the gender and belongs to the mention
    if first > 0 and doc[first - 1].lower_ in nouns.honorifics:
        first -= 1
    start_tok = first
    honorific = doc[first].lower_ in nouns.honorifics and last - first > 1
    if honorific:
        gender = nouns.honorifics[doc[first].lower_]
        start_tok = first + 1
    while label == "PERSON" and last - start_tok > 1 and is_title_word(doc[start_tok].lower_):  # "President Obama"
        start_tok += 1
    if not honorific:
        first = start_tok  # title words the tagger put in the name are read as its title below
    if (label == "PERSON" and last - start_tok > 1 and is_title_word(doc[last - 1].lower_)
            and last < len(doc) and doc[last].pos_ == "PROPN" and doc[start_tok].text not in knowledge.given_names()):
        return None  # "Sandy Hook Elementary Principal" before a name is a title, read with that name
    words = tuple(t.text for t in doc[start_tok:last])
    label = slips.retype(" ".join(words), label, doc[start_tok:last])
    if honorific and label in ("ORG", "GPE", "LOC", "NORP"):
        label = "PERSON"  # "Ms Varga" tagged ORG: an honorific makes a person
    if label is None:
        return None
    head = doc[start_tok:last].root.i
    number = "sg"
    named_country = label in ("GPE", "NORP")  # a country's name or its people's ("Palestinians")
    if label == "NORP":
        if doc[head].tag_ not in ("NNPS", "NNS") or doc[head].dep_ in ("amod", "compound"):
            return None  # a demonym used as an adjective modifies another mention
        label, number = "GROUP", "pl"
    elif label == "PERSON" and len(words) == 1 and doc[head].tag_ == "NNPS" and words[0].endswith("s"):
        label, number = "GROUP", "pl"  # "the Clintons" are a family
    title, country, begin = premodifier_title(text, doc, first, head)
    if title is None and label == "PERSON":  # "the Ivy League schools, Amherst College, ..." title no college
        title, country, begin = appositive_title(text, doc, first, head, country)
    key = knowledge.name_key(" ".join(words))
    aged = followed_by_age(doc, last) and not any(  # not "Fenwick Group, 45," nor "Stanford University, 12,"
        w.lower() in _listed_nouns() or is_sector_word(w.lower()) for w in words)
    if (title is not None or aged) and label in ("GPE", "LOC", "ORG") and not _known_non_person(key):
        label = "PERSON"  # only people have titles before their names ("Mayor Ines Valdivia" tagged LOC), or ages

    if named_country:
        country = country_of_words(" ".join(words)) or country
    return Mention(
        doc[first].idx, doc[last - 1].idx + len(doc[last - 1]), "name", label, head, sents[head],
        words=words, gender=gender, number=number, title=title, country=country, definite=True,
        first_token=begin, name=" ".join(text[doc[start_tok].idx : doc[last - 1].idx + len(doc[last - 1])].split()),
    )


def followed_by_age(doc, i: int) -> bool:
    """Whether the tokens from ``i`` give an age between commas or before a dash ("Scott, 43, a
    father"; "Crutcher, 40 ― a father"): news introduces a private person so."""
    if i + 2 >= len(doc):
        return False
    comma, age, close = doc[i], doc[i + 1], doc[i + 2]
    return comma.text == "," and age.text.isdigit() and 0 < int(age.text) <= OLDEST and close.text in AGE_CLOSERS


def _known_non_person(key: str) -> bool:
    return key in knowledge.organisations() or key in knowledge.countries()[0]


def _stray_name_word(tok) -> bool:
    """A capitalised word closing a title that is no title or sector word: part of the name."""
    if tok.pos_ != "PROPN" or not tok.is_title or is_title_word(tok.lower_) or is_sector_word(tok.lower_):
        return False
    return tok.doc[tok.i - 1].lower_ != "of" and knowledge.name_key(tok.text) not in knowledge.organisations()


def _title_token(tok) -> bool:
    """A word a title may hold: a noun, adjective, number, "of"..., a participle used as an
    adjective ("Panama-flagged"), or any capitalised word (the tagger reads a city before a title
    as a verb: "Leeds police Chief")."""
    return tok.pos_ in TITLE_POS or tok.tag_ == "POS" or tok.is_title or (tok.tag_ == "VBN" and tok.dep_ == "amod")


def _opens_title(tok) -> bool:
    """A title begins with a capital, an adjective, or a word of the sector lexicon ("press")."""
    if tok.pos_ in ("DET", "PRON", "PUNCT", "ADP", "CCONJ") or tok.tag_ == "POS":
        return False
    return tok.text[:1].isupper() or tok.pos_ == "ADJ" or is_title_word(tok.lower_) or is_sector_word(tok.lower_)


def premodifier_title(text: str, doc, first: int, head: int) -> tuple[str | None, str | None, int]:
    """The title words before a name ("White House press secretary"), a country they name, and the
    index of the title's first token (``first`` when there is no title)."""
    begin = first
    for tok in doc[first : head + 1]:  # the name's words too: "police officer" may modify "Betty"
        for child in tok.lefts:
            if child.i < first and child.dep_ in PREMODIFIER_DEPS and child.dep_ != "poss":
                begin = min(begin, child.left_edge.i)
    breaks = [t.i for t in doc[begin:first] if t.is_punct and t.text not in ".-"]
    if breaks:  # "Tulsa, Okla., police officer Betty Shelby": the title is what follows the place
        begin = breaks[-1] + 1
    while begin < first and not _opens_title(doc[begin]):
        begin += 1
    if begin < first and (found := _title_to(text, doc, begin, first)) is not None:
        return found
    end = first
    while end - begin > 1 and _stray_name_word(doc[end - 1]):
        end -= 1  # "Gov. Alejandro García Padilla": the given name the tagger left out is no title
    span = doc[begin:end]
    if not len(span) or len(span) > TITLE_MAX_TOKENS or not all(map(_title_token, span)):
        return None, None, first
    title = text[span[0].idx : span[-1].idx + len(span[-1])]
    if "\n" in title or any(t.is_punct and t.text not in ".-" for t in span):
        return None, None, first
    country = country_of_words(title, places=True)
    if not any(is_title_word(t.lower_) or t.lemma_.lower() in knowledge.nouns().person for t in span):
        return None, country, first  # a country or a word, no title
    return title, country, begin


def appositive_title(text: str, doc, first: int, head: int, country: str | None) -> tuple[str | None, str | None, int]:
    """A title the parser made the head of the name, the name in apposition with it: the role
    noun just before the name ("Tulsa police Chief Chuck Jordan"), or a plural role noun
    shared by coordinated names ("election officials Monica Palmer and William Hartmann",
    "two Vermont developers, Ariel Quiros and William Stenger": each is a developer). The
    noun phrase stays a mention of its own ("his Israeli counterpart", joined by apposition)."""
    root = doc[head]
    while root.dep_ == "conj" and root.head.pos_ == "PROPN" and root.head.i < root.i:
        root = root.head  # the first of coordinated names
    noun = root.head
    if root.dep_ != "appos" or noun.i >= root.i or noun.pos_ not in ("NOUN", "PROPN") or not is_title_word(noun.lower_):
        return None, country, first
    if noun.tag_ != "NNS" and not (noun.i == first - 1 and root.i == head):
        return None, country, first  # "the adviser, Leon Marsh": joined by coreference (apposition)
    begin = noun.left_edge.i
    while begin < noun.i and not _opens_title(doc[begin]):
        begin += 1
    span = doc[begin : noun.i + 1]
    if len(span) > TITLE_MAX_TOKENS or not all(map(_title_token, span)) or any(t.is_punct for t in span):
        return None, country, first
    title = text[span[0].idx : noun.idx + len(noun)]
    if "\n" in title:
        return None, country, first
    return title, country_of_words(title, places=True) or country, first


def _title_to(text: str, doc, begin: int, first: int) -> tuple[str, str | None, int] | None:
    """A title ending "to <place>" before the name ("China's ambassador to Britain Liu Xiaoming"):
    the whole title, with the country of its words before "to" (the place is where the post is)."""
    to = doc[begin - 1] if begin > 0 else None
    if to is None or to.lower_ != "to" or to.head.i >= to.i or not is_title_word(to.head.lower_):
        return None
    start = to.head.left_edge.i
    while start < to.head.i and not _opens_title(doc[start]):
        start += 1
    if first - start > TITLE_MAX_TOKENS or any("\n" in t.text for t in doc[start:first]):
        return None
    holder = text[doc[start].idx : to.head.idx + len(to.head)]
    return text[doc[start].idx : doc[first - 1].idx + len(doc[first - 1])], country_of_words(holder), start


def nominal_mentions(text: str, doc, where: Zones, sents: list[int], named: set[int]) -> list[Mention]:
    """Noun phrases headed by a role, group or organisation noun ("a spokesman", "US prosecutors")."""
    nouns = knowledge.nouns()
    chunks = nlp.noun_chunk_starts(doc)
    out = []
    nouns_pos, relcl = nlp.ids("POS", ("NOUN", "PROPN")), nlp.ids("DEP", ("relcl",))
    described = {t.head.i for t in nlp.tokens_where(doc, lambda dep: dep in relcl, "DEP")}  # heads of relative clauses
    for tok in nlp.tokens_where(doc, lambda pos: pos in nouns_pos, "POS"):
        if tok.i in named or tok.dep_ in ("compound", "amod"):
            continue
        lemma = tok.lemma_.lower()
        # the word itself too: the lemmatiser turns "media" into "medium"
        kind = _noun_class(lemma, tok, nouns) or _noun_class(tok.lower_, tok, nouns) or _speaking_noun(tok, described)
        if kind is None and lemma in nouns.document and not where.is_excluded(tok.idx):
            out += _document(text, doc, chunks, tok, sents, where)
        if kind is None or where.is_excluded(tok.idx):
            continue
        share = _share_of(tok, nouns)  # "significant numbers of [voters]" acts through "numbers"
        lead = share or tok
        first = chunks[lead.i] if lead.i in chunks else lead.left_edge.i
        while first < tok.i and doc[first].is_punct:
            first += 1
        mention = _nominal(text, doc, first, tok, "GROUP" if share else kind, sents, where)
        if mention.definite or mention.country or _acts(lead):
            out.append(mention)
    return out


def _document(text: str, doc, chunks, tok, sents: list[int], where: Zones) -> list[Mention]:
    """A definite or owned document ("the poll", "a Gallup poll", "his statement"): it speaks for
    whoever issued it, which coreference finds (its owner, or the owner of the same document
    named before)."""
    first = chunks[tok.i] if tok.i in chunks else tok.left_edge.i
    owned = any(c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON") for c in tok.lefts)
    if not owned and doc[first].lower_ not in english().definite_determiners:
        return []
    mention = _nominal(text, doc, first, tok, "ORG", sents, where)
    mention.kind = "document"
    return [mention]


def _share_of(tok, nouns):
    """The quantity a person noun is counted by ("a majority of [voters]"), or None."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    quantity = tok.head.head
    counted = quantity.lemma_.lower() in nouns.quantity or quantity.lower_ in nouns.quantity  # "thousands": "thousand"
    return quantity if counted and quantity.i < tok.i else None


@derived
def _person_compound(word: str) -> bool:
    """A word ending in a person noun of six letters or more: "neurosurgeon", "co-founder"."""
    endings = _long_person_nouns()
    return any(word[i:] in endings for i in range(1, len(word) - PERSON_SUFFIX_MIN + 1))


@derived
def _long_person_nouns() -> frozenset[str]:
    return frozenset(p for p in knowledge.nouns().person if len(p) >= PERSON_SUFFIX_MIN and " " not in p)


ACTING_DEPS = ("nsubj", "nsubjpass", "appos", "dobj", "dative")  # where an indefinite phrase takes part


def _acts(tok) -> bool:
    """An indefinite phrase counts as an actor where it acts or is acted on: subject, agent,
    apposition, object ("attacked law enforcement officers"), the source of "according to" or of
    a noun's "from" ("pressure from donors"), or the subject of a relative clause ("groups that
    opposed it")."""
    if tok.dep_ in ACTING_DEPS or _has_who_clause(tok, english().relative_pronouns):
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.pos_ == "NOUN":
        return True  # who something comes from: "pressure *from donors*", "criticism *from allies*"
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and tok.doc[head.i - 1].lower_ == "according"


def _has_who_clause(tok, relatives: frozenset[str] | None = None) -> bool:
    """A noun that is the subject of a relative clause ("voters who said ..."); by default a
    clause opened by a person's relative pronoun (who, whom, whose)."""
    relatives = english().person_relatives if relatives is None else relatives
    return any(
        c.dep_ == "relcl" and any(g.lower_ in relatives and g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in tok.children
    )


def _speaking_noun(tok, described: set[int]) -> str | None:
    """Any common noun that speaks or is said of as a person is an actor: the plural subject of a
    verb of saying (cues.yaml: "forecasters say"), or a noun a "who" clause describes
    (``described``: the tokens some relative clause hangs from)."""
    if tok.pos_ != "NOUN":
        return None
    plural = tok.tag_ == "NNS"
    if tok.i in described and _has_who_clause(tok):
        return "GROUP" if plural else "PERSON"
    if plural and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _cue_verbs():
        return "GROUP"
    return None


@derived
def _listed_nouns() -> frozenset[str]:
    nouns = knowledge.nouns()
    return nouns.person | nouns.collective | nouns.organisation


@derived
def _cue_verbs() -> frozenset[str]:
    from newsgraph.quotes.cues import lexicon  # the one list of verbs of saying (data/cues.yaml)

    return frozenset(lexicon().verbs)


def is_actor_noun(tok) -> bool:
    """Whether a noun names an actor by itself: a name, or a person, group, organisation, polity
    or relational noun ("protesters", "the ministry", "a neurosurgeon", "the country", "victims"),
    not an abstract one ("violations")."""
    if tok.pos_ == "PROPN":
        return True
    nouns = knowledge.nouns()
    forms = {tok.lemma_.lower(), tok.lower_}  # sector heads are listed in the plural too ("troops")
    return any(_noun_class(form, tok, nouns) is not None or form in nouns.polity or form in nouns.relational
               for form in forms)


def _noun_class(lemma: str, tok, nouns) -> str | None:
    plural = tok.tag_ in ("NNS", "NNPS")
    if lemma in nouns.collective:
        return "GROUP"
    if lemma in nouns.person or _person_compound(lemma):
        return "GROUP" if plural else "PERSON"
    if lemma in nouns.organisation:
        return "GROUP" if plural else "ORG"
    if lemma in nouns.polity:
        return "GROUP" if plural else "GPE"
    return None


def _nominal(text: str, doc, first: int, tok, kind: str, sents: list[int], where: Zones) -> Mention:
    span = doc[first : tok.i + 1]
    lead = span[0].lower_
    definite = lead in english().definite_determiners or any(t.tag_ in ("PRP$", "POS") for t in span)
    words_from = next((t.i for t in span if t.pos_ not in ("DET", "NUM", "PRON") and t.tag_ != "POS"), tok.i)
    title = " ".join(text[doc[words_from].idx : tok.idx + len(tok)].split())
    start = span[0].idx
    head = tok.lemma_.lower() if tok.lemma_.lower() in _listed_nouns() else tok.lower_
    return Mention(
        start, tok.idx + len(tok), "nominal", kind, tok.i, sents[tok.i], words=(head,),
        number="pl" if tok.tag_ in ("NNS", "NNPS") else "sg", title=title,
        country=country_of_words(title, places=True), definite=definite, in_quote=where.in_quote(start),
    )


def _stands_for_people(tok) -> bool:
    """A quantifier standing alone as subject or agent, or described by a "who" clause."""
    if tok.dep_ in ("nsubj", "nsubjpass") or _has_who_clause(tok):
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _opens_turn(tok) -> bool:
    """The "Q" or "A" label opening a transcript paragraph."""
    return tok.i == 0 or "\n" in tok.doc[tok.i - 1].text_with_ws or tok.doc[tok.i - 1].is_space


def pronoun_mentions(doc, where: Zones, sents: list[int]) -> list[Mention]:
    """Personal, relative and quantifier pronouns that may stand for an actor."""
    nouns = knowledge.nouns()
    out = []
    # only these words can be one (the turn labels "Q" and "A" among them, lower-cased)
    words = nlp.ids("LOWER", [*nouns.pronouns, *english().relative_pronouns, *nouns.quantifiers, "q", "a"])
    for tok in nlp.tokens_where(doc, lambda low: low in words, "LOWER"):
        low = tok.lower_
        if where.is_excluded(tok.idx):
            continue
        kind = None
        if low in nouns.pronouns and tok.pos_ == "PRON" or tok.tag_ == "PRP$" and low in nouns.pronouns:
            kind = "pronoun"
        elif low in english().relative_pronouns and tok.tag_ in ("WP", "WDT", "WP$") and tok.head.dep_ == "relcl":
            kind = "relative"
        elif low in nouns.quantifiers and _stands_for_people(tok):
            kind = "quantifier"
        elif tok.text in ("Q", "A") and where.turn(tok.idx) and _opens_turn(tok):
            kind = "turn"
        if kind is None:
            continue
        number, gender, person = nouns.pronouns.get(low, ("pl", "-", 3))
        out.append(Mention(
            tok.idx, tok.idx + len(tok), kind, "PERSON", tok.i, sents[tok.i], words=(low,), gender=gender,
            number=number, person=person, in_quote=where.in_quote(tok.idx), turn=where.turn(tok.idx),
        ))
    return out


def repeated_names(doc, names: list[Mention], where: Zones, sents: list[int], named: set[int]) -> list[Mention]:
    """Names the tagger missed: a capitalised word after an honorific ("Ms Ferreira"), repeating
    the surname of a person named in the article, or a lone surname of a well-known person is
    that person (with a country its premodifiers name); an all-capital word spelling the
    initials of an organisation named in the article ("NGC") is that organisation."""
    honorifics = knowledge.nouns().honorifics
    surnames = {m.words[-1] for m in names if m.type == "PERSON" and (len(m.words) > 1 or m.gender != "-")}
    known = knowledge.people()[1]
    initials = {_initials(m.words) for m in names if m.type == "ORG" and len(m.words) > 1} - {""}
    text = None  # doc.text: spaCy joins every token for it, so once, and only when a name needs it
    out = []
    propn = nlp.ids("POS", ("PROPN",))
    # every reading below needs a proper noun, a capitalised or an all-capital word
    for tok in nlp.tokens_where(doc, lambda alpha, pos, title, upper: alpha and (pos in propn or title or upper),
                                "IS_ALPHA", "POS", "IS_TITLE", "IS_UPPER"):
        if tok.i in named or where.is_excluded(tok.idx):
            continue
        after_honorific = tok.i > 0 and doc[tok.i - 1].lower_ in honorifics and tok.is_title
        if tok.ent_type_ in NUMERIC_LABELS:
            continue
        named_alone = tok.text in surnames or after_honorific or _known_alone(tok, known)
        if (tok.pos_ == "PROPN" or tok.is_title) and named_alone:
            first = tok.i - 1 if after_honorific else tok.i
            gender = honorifics.get(doc[first].lower_, "-")
            text = doc.text if text is None else text
            country = premodifier_title(text, doc, first, tok.i)[1]  # "Maltese-flagged merchant vessel Ruen"
            out.append(Mention(doc[first].idx, tok.idx + len(tok), "name", "PERSON", tok.i, sents[tok.i],
                               words=(tok.text,), gender=gender, definite=True, in_quote=where.in_quote(tok.idx),
                               country=country))
        elif (tok.is_upper and tok.text in initials) or _known_organisation(tok):
            out.append(Mention(tok.idx, tok.idx + len(tok), "name", "ORG", tok.i, sents[tok.i],
                               words=(tok.text,), definite=True, in_quote=where.in_quote(tok.idx)))
        elif _speaking_name(tok):
            out.append(Mention(tok.idx, tok.idx + len(tok), "name", "PERSON", tok.i, sents[tok.i],
                               words=(tok.text,), definite=True, in_quote=where.in_quote(tok.idx)))
    return out


def _known_alone(tok, known) -> bool:
    """A lone proper noun that is the surname of a well-known person (people.tsv): "Pence"."""
    return tok.pos_ == "PROPN" and tok.is_title and knowledge.name_key(tok.text) in known and _alone(tok)


def _alone(tok) -> bool:
    """A proper noun standing alone: no proper noun just before or after it."""
    doc = tok.doc
    return not any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" for j in (tok.i - 1, tok.i + 1))


def _known_organisation(tok) -> bool:
    """A lone proper noun naming an organisation of organisations.tsv ("Twitter reported")."""
    org = knowledge.organisations().get(knowledge.name_key(tok.text))
    return org is not None and org.type == "ORG" and tok.pos_ == "PROPN" and len(tok) > 2 and _alone(tok)


def _speaking_name(tok) -> bool:
    """A lone capitalised proper noun that says something is a speaker's name ("Hannity said")."""
    if tok.pos_ != "PROPN" or not tok.is_title or tok.dep_ != "nsubj" or not _alone(tok):
        return False
    if is_title_word(tok.lower_) or any(c.dep_ == "det" for c in tok.children):
        return False  # "the President said" is a title, resolved as one
    return tok.head.lemma_.lower() in _cue_verbs() and tok.lower_ not in knowledge.countries()[0]


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())
