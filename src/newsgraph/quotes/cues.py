"""Attributions read from the parse: a cue word, its speaker and the clause it reports.

The cue words are data (``data/cues.yaml``). A cue verb's speaker is its subject (climbing
through coordinated and participial verbs: "..., saying"; through relative pronouns:
"Smith, who said"), or the agent of a passive. Its content is its clausal complement
("said (that) ...", "..., he said"), the clause around it when it is a parenthetical
("The plan, he said, was ..."), a to-clause for verbs that take one ("vowed to ..."), or
the that-clause of a content noun it governs ("announced their conclusion that ...").
"According to X" makes X the speaker of the rest of its clause, and so does a poll in a
phrase opening or closing its sentence ("In a CNN poll, ..."). Attributions that name no
source ("seems to", "is expected to", "reportedly") report their clause with no speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph import nlp
from newsgraph.actors.mentions import is_actor_noun
from newsgraph.english import english, inflections
from newsgraph.knowledge import derived, load_yaml
from newsgraph.record import Span

_CLIMB = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "acomp"})  # a verb that shares its head's subject
MAX_CLIMB = 6  # heads climbed to find a cue's subject ("... and won praise by saying ...")
_FINITE = frozenset({"VBD", "VBZ", "VBP"})  # object content only for a verb that makes its own claim
_CARRIERS = _FINITE | {"MD"}  # auxiliaries that make the verb they carry a claim ("has called", "would support")
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_NOUN_PARTS = frozenset({"compound", "amod", "nummod", "poss", "det", "nmod", "case", "flat", "quantmod"})
# the parts of an attribution phrase: its speaker and the words saying where, when and how
_PHRASE_PARTS = frozenset(
    {"nsubj", "nsubjpass", "agent", "aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "dative", "prt"}
)
_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})  # entity types of places and nations
_SET_OFF = frozenset({",", "—", "–", "-", "(", ")"})  # marks setting a phrase off inside its sentence
_OBJECTS = frozenset({"pobj", "dobj", "dative", "attr", "oprd", "pcomp"})
_OBJECT_PARTS = frozenset({"dobj", "dative", "prep", "xcomp", "oprd", "pobj", "prt"})


@dataclass(frozen=True, slots=True)
class CueWord:
    """One entry of ``cues.yaml``: a lemma and what it says about the speech."""

    lemma: str
    stance: str | None = None
    medium: str | None = None
    infinitive: bool = False  # a to-clause counts as content
    object: bool = False  # the object phrase is the content ("criticized the plan")
    speech: bool = False  # a to-clause of speech that reports nothing is the content ("declined to comment")
    question: bool = False  # an if- or whether-clause is the content, however it is parsed ("asked if ...")
    about: frozenset[str] = frozenset()  # prepositions whose object is the content ("talked about")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, CueWord]
    particles: dict[str, frozenset[str]]
    nouns: frozenset[str]
    claims: frozenset[str]  # stances whose content is the speaker's claim
    topic_nouns: dict[str, frozenset[str]]  # noun -> prepositions whose object is the content
    personal_topic_nouns: frozenset[str]  # topic nouns that are speech only when a person owns them
    stance_phrases: dict[str, frozenset[str]]  # noun of "in NOUN of X" -> its prepositions ("in favor of")
    barbs: dict[str, frozenset[str]]  # noun of a verbal attack -> its prepositions ("took a swipe at X")
    unsourced: dict[str, frozenset[str]]  # verbs, passives, adverbs of attributions naming no source
    vouching: dict[str, frozenset[str]]  # preposition -> nouns that vouch for their sentence ("in a poll")
    forms: dict[str, str]  # a regular inflection of a cue verb -> its lemma ("hopes" -> "hope")
    aside_marks: frozenset[str]  # words opening a clause that closes a report as an aside (", while ...")
    scene: frozenset[str]  # prepositions giving the time, place or occasion of speaking ("in an interview")
    likening: frozenset[str]  # verbs of judging that report a view with an as-phrase ("sees X as Y")
    activities: frozenset[str]  # verbs of talking that in an as-clause tell when ("as she spoke")
    vehicles: frozenset[str]  # nouns a speaker issues ("a statement saying ...": the issuer speaks)
    attitudes: dict[str, frozenset[str]]  # adjective -> prepositions (or "that") of its content ("critical of")


@derived
def lexicon() -> Lexicon:
    """The cue words of ``data/cues.yaml``, loaded once."""
    spec = load_yaml("cues.yaml")
    verbs = {}
    for lemma, entry in spec["verbs"].items():
        entry = entry or {}
        verbs[lemma] = CueWord(
            lemma,
            stance=entry.get("stance"),
            medium=entry.get("medium"),
            infinitive="infinitive" in entry.get("takes", ()),
            object="object" in entry.get("takes", ()),
            speech="speech" in entry.get("takes", ()),
            question="question" in entry.get("takes", ()),
            about=frozenset(entry.get("about", ())),
        )
    particles = {lemma: frozenset(words) for lemma, words in (spec.get("particles") or {}).items()}
    for lemma in particles:
        verbs.setdefault(lemma, CueWord(lemma))
    hearsay = spec.get("unsourced") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(spec.get(key) or ())

    def table(key: str) -> dict[str, frozenset[str]]:
        return {word: frozenset(others) for word, others in (spec.get(key) or {}).items()}

    return Lexicon(
        verbs=verbs,
        particles=particles,
        nouns=words("nouns"),
        claims=words("claims"),
        topic_nouns=table("topic_nouns"),
        personal_topic_nouns=words("personal_topic_nouns"),
        stance_phrases=table("stance_phrases"),
        barbs=table("barbs"),
        unsourced={kind: frozenset(hearsay.get(kind) or ()) for kind in ("verbs", "passives", "adverbs")},
        vouching=table("vouching"),
        forms={form: lemma for lemma in verbs for form in inflections(lemma)},
        aside_marks=words("aside_marks"),
        scene=words("scene"),
        likening=words("likening"),
        activities=words("activities"),
        vehicles=words("vehicles"),
        attitudes=table("attitudes"),
    )


def cue_word(token) -> CueWord | None:
    """The cue verb a token is, by its lemma or, failing that, as a regular inflection."""
    lex = lexicon()
    word = lex.verbs.get(token.lemma_.lower())
    if word is None and token.lower_ in lex.forms:
        word = lex.verbs[lex.forms[token.lower_]]
    return word


def _particle(token, word: CueWord):
    """The particle that makes a phrasal cue of a verb ("point *out*", "make *clear*"), or None."""
    required = lexicon().particles.get(word.lemma, frozenset())
    return next((c for c in token.children if c.dep_ in ("prt", "acomp") and c.lower_ in required), None)


def speaks(token) -> bool:
    """Whether a verb is a cue word as it stands: a phrasal cue only with its particle or a
    topic ("made clear that ...", "went on to say"; not "made Mexico pay", "went home")."""
    word = cue_word(token)
    if word is None:
        return False
    if word.lemma not in lexicon().particles:
        return True
    return _particle(token, word) is not None or _topic(token, word) is not None


def stance_of(lemma: str) -> str | None:
    """The stance a cue lemma carries (deny, insist, warn, ...), or None."""
    word = lexicon().verbs.get(lemma.lower())
    return word.stance if word else None


def claims(lemma: str) -> bool:
    """Whether what a cue verb reports is its speaker's claim ("claimed", "denied", "accused
    X of", "believes"), not a fact the article asserts: one notion for quotes and events."""
    return stance_of(lemma) in lexicon().claims


@dataclass(slots=True)
class Attribution:
    """A cue in the parse, with the token heading its speaker and the clause it reports."""

    verb: object  # the spaCy token heading the cue
    cue: Span
    word: CueWord
    speaker: object | None  # the spaCy token heading the speaker phrase
    content: Span | None
    according: bool = False  # "according to X": the speaker follows the cue


def find_attributions(doc, skip=lambda start: False) -> list[Attribution]:
    """Every cue of reported speech in the parse, in text order (one pass over the tokens)."""
    lex = lexicon()
    out = []
    for token in _cue_candidates(doc):
        if skip(token.idx):
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            out.append(_according(token, doc[token.i + 1]))
            continue
        if token.dep_ == "prep" and token.lower_ in lex.vouching:
            record = _object_of(token)
            if record is not None and record.lemma_.lower() in lex.vouching[token.lower_]:
                vouched = _vouched(token, record)
                if vouched is not None:
                    out.append(vouched)
                continue
        hearsay = _unsourced(token, lex.unsourced)
        if hearsay is not None:
            out.append(hearsay)
            continue
        verb_as_noun = _mistagged_verb(token)
        if token.pos_ == "NOUN" and not verb_as_noun:
            reading = _noun_reading(token, lex)
            if reading is not None:
                out.append(reading)
            continue
        if token.pos_ == "ADJ" and token.lower_ in lex.attitudes and token.dep_ in ("acomp", "oprd"):
            view = _attitude(token, lex.attitudes[token.lower_])
            if view is not None:
                out.append(view)
            continue
        if token.pos_ == "VERB" and token.lemma_.lower() in lex.likening:
            judged = _likened(token)
            if judged is not None:
                out.append(judged)
            continue
        word = cue_word(token)
        if word is None or not (token.pos_ in ("VERB", "AUX") or verb_as_noun) or _is_adjectival(token):
            continue
        particle = _particle(token, word)
        if word.lemma in lex.particles and particle is None and _topic(token, word) is None:
            continue
        end = particle if particle is not None and particle.i == token.i + 1 else token
        cue = Span(token.idx, end.idx + len(end))
        speaker = subject_of(token) or _unattached_subject(token)
        out.append(Attribution(token, cue, word, speaker, _content(token, word)))
    return out


def _mistagged_verb(token) -> bool:
    """A cue verb the tagger took for a plural noun, told by the subject the parse still gives
    it, or by the clause it heads as the root of a sentence with no verb ("The alliance,
    which includes two unions, *advocates* for ...")."""
    if token.tag_ != "NNS" or cue_word(token) is None:
        return False
    return any(c.dep_ == "nsubj" or c.dep_ == "ccomp" and token.dep_ == "ROOT" for c in token.children)


def _cue_candidates(doc):
    """The tokens :func:`find_attributions` may read as a cue, in order: by their word
    ("according", a vouching preposition, a hearsay adverb, an adjective of attitude, an
    inflection of a cue verb) or by their lemma (a cue, hearsay or likening verb, a topic or
    content noun). Every other token takes none of its branches, so it is passed over on the
    parse's arrays, no Token made.
    (A branch keyed on another word list needs its words here too.)"""
    words, lemmas = _cue_keys()
    strings, seen = doc.vocab.strings, {}

    def is_candidate(lower: int, lemma: int) -> bool:
        if lower in words:
            return True
        known = seen.get(lemma)
        if known is None:
            known = seen[lemma] = strings[lemma].lower() in lemmas
        return known

    return nlp.tokens_where(doc, is_candidate, "LOWER", "LEMMA")


@derived
def _cue_keys() -> tuple[frozenset[int], frozenset[str]]:
    """What makes a token a candidate cue: its word (as the parse's LOWER ids) or its lemma."""
    lex = lexicon()
    words = {"according", *lex.vouching, *lex.unsourced["adverbs"], *lex.forms, *lex.attitudes}
    lemmas = {*lex.verbs, *lex.unsourced["verbs"], *lex.unsourced["passives"], *lex.topic_nouns, *lex.nouns,
              *lex.likening, *lex.stance_phrases, *lex.barbs, *_intent_nouns()}
    return nlp.ids("LOWER", words), frozenset(lemmas)


def _noun_reading(noun, lex: Lexicon) -> Attribution | None:
    """What a noun says, by the first of its word lists that reads it: a verbal attack ("took a
    swipe at"), an intention ("his plan to"), a stated position ("in favor of"), a topic ("her
    comments about"), a content noun ("the claim that")."""
    lemma = noun.lemma_.lower()
    readers = (
        (lex.barbs, lambda: _barb(noun, lex.barbs[lemma])),
        (_intent_nouns(), lambda: _intent_noun(noun)),
        (lex.stance_phrases, lambda: _stance_phrase(noun, lex.stance_phrases[lemma])),
        (lex.topic_nouns, lambda: _topic_noun(noun, lex.topic_nouns[lemma])),
        (lex.nouns, lambda: _content_noun(noun)),
    )
    for words, read in readers:
        reading = read() if lemma in words else None
        if reading is not None:
            return reading
    return None


def _content_noun(noun) -> Attribution | None:
    """ "Smith's claim that ...", "the warning from Smith that ...": a content noun with an
    owner and a that-clause. (A content noun that is the object of a cue verb is read with
    that verb: "announced their conclusion that ...".)"""
    if noun.dep_ in ("dobj", "dative") and speaks(noun.head):
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and _has_that(c)), None)
    if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "her view is that ..."
        clause = next((c for c in noun.head.children if c.dep_ in ("ccomp", "attr") and _has_that(c)), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        source = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")), None)
        owner = _object_of(source) if source is not None else None
    if clause is None or owner is None:
        return None
    content = _span_of(clause.left_edge, clause.right_edge)
    cue = Span(noun.idx, noun.idx + len(noun))
    return Attribution(noun, cue, CueWord(noun.lemma_.lower()), owner, content)


@derived
def _intent_nouns() -> frozenset[str]:
    """The nouns of intention ("plan", "pledge"), kept once, in the events stage's dictionary."""
    from newsgraph.events.patterns import lexicon as event_lexicon  # here: the events stage imports quotes

    return event_lexicon().classes["intent_nouns"]


def _intent_noun(noun) -> Attribution | None:
    """ "Trump's plan to deport them", "her proposal to make firms pay": a noun of intention
    (the events stage's ``intent_nouns``) with an owner and a to-clause states the owner's intent."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    clause = next((c for c in noun.children if c.dep_ == "acl" and _has_to(c)), None)
    if owner is None or clause is None:
        return None
    cue = Span(noun.idx, noun.idx + len(noun))
    content = _span_of(clause.left_edge, clause.right_edge)
    return Attribution(noun, cue, CueWord(noun.lemma_.lower(), stance="intend"), owner, content)


def _barb(noun, prepositions: frozenset[str]) -> Attribution | None:
    """ "took a swipe at Bush", "poked fun at the press", "took issue with the plan": a verbal
    attack that a subject takes or makes, aimed at someone or something."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    # the parse hangs the at-phrase on the noun or on the verb
    at, target = _prepositional_object(prepositions, noun, verb, after=noun.i)
    if target is None:
        return None
    cue = Span(verb.idx, at.idx + len(at))
    content = _span_of(target.left_edge, _topic_end(verb, target) if at.head.i == verb.i else target.right_edge)
    return Attribution(noun, cue, CueWord(noun.lemma_.lower(), stance="criticize"), subject_of(verb), content)


def _stance_phrase(noun, prepositions: frozenset[str]) -> Attribution | None:
    """ "voted in favor of the bill", "came out in support of Cruz", "a statement in opposition
    to the deal": a phrase "in NOUN of X" states a position on X, taken by the subject of the
    verb it hangs on (or by whoever issued the noun it describes)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    prep, topic = _prepositional_object(prepositions, noun)
    holder = noun.head.head
    if topic is None or holder.i == noun.head.i:
        return None
    if holder.pos_ in ("VERB", "AUX"):
        speaker = subject_of(holder)
    else:
        speaker = _issuer(holder) if holder.pos_ in ("NOUN", "PROPN") else None
    cue = Span(noun.head.idx, prep.idx + len(prep))
    content = _span_of(topic.left_edge, topic.right_edge)
    return Attribution(noun, cue, CueWord(noun.lemma_.lower(), stance="support"), speaker, content)


def _topic_noun(noun, prepositions: frozenset[str]) -> Attribution | None:
    """ "his comments about Mexico", "her attacks on the plan": a noun of speech with an owner
    and a preposition saying what the speech is about."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    topic = _prepositional_object(prepositions, noun)[1]
    if owner is None or topic is None or _when(topic):
        return None
    if noun.lemma_.lower() in lexicon().personal_topic_nouns and not _a_person(owner):
        return None
    cue = Span(noun.idx, noun.idx + len(noun))
    return Attribution(noun, cue, CueWord(noun.lemma_.lower()), owner, _span_of(topic.left_edge, topic.right_edge))


def _a_person(token) -> bool:
    """A pronoun of a person ("his", "her", "my"; not "their", "its"), or a name that is no
    place or nation ("Trump's", not "Russia's": the small model tags many people ORG)."""
    if token.pos_ == "PRON":
        return bool(token.morph.get("Gender")) or token.morph.get("Person") in (["1"], ["2"])
    return token.pos_ == "PROPN" and token.ent_type_ not in _PLACES


def _likened(verb) -> Attribution | None:
    """ "Party leaders see him as an asset", "The board considered her the right choice": a
    verb of judging with an as-phrase (or a second object) reports its subject's view of the
    object. Its agentless passive ("The plan is widely seen as a trap") names no source; its
    content is then the clause from its subject on."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    holders = [verb, *objects]  # the parse hangs the as-phrase on the verb or on its object
    if not any(c.dep_ == "prep" and c.lower_ == "as" or c.dep_ == "oprd" for h in holders for c in h.children):
        return None
    cue = Span(verb.idx, verb.idx + len(verb))
    word = CueWord(verb.lemma_.lower(), stance="believe")
    if _unsaid(verb):
        subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
        return Attribution(verb, cue, word, None, _span_of(subject.left_edge, verb.right_edge))
    if not _finite(verb):
        return None
    content = _object_content(verb)
    return Attribution(verb, cue, word, subject_of(verb), content) if content is not None else None


def _attitude(adjective, prepositions: frozenset[str]) -> Attribution | None:
    """ "Ortiz is critical of the plan", "The governor was confident that the bill would pass":
    an adjective of view said of a subject reports the subject's view of its complement (the
    object of one of its prepositions, or its clause)."""
    clause = next((c for c in adjective.children if c.dep_ == "ccomp"), None) if "that" in prepositions else None
    if clause is None:
        clause = _prepositional_object(prepositions, adjective)[1]
    speaker = subject_of(adjective.head) if adjective.head.pos_ in ("VERB", "AUX") else None
    if clause is None or speaker is None:
        return None
    cue = Span(adjective.idx, adjective.idx + len(adjective))
    word = CueWord(adjective.lower_, stance="believe")
    return Attribution(adjective, cue, word, speaker, _span_of(clause.left_edge, clause.right_edge))


def _vouched(prep, record) -> Attribution | None:
    """ "In a CNN poll, 50 percent chose Clinton" / "Clinton leads among women in the latest
    poll.": the record (the poll) speaks for the sentence, less the phrase, when the phrase
    opens or closes it (inside, it is more often a detail of the clause than its source) and
    hangs on the sentence's own clause (not "..., who leads in the polls")."""
    content = _sentence_without(prep)
    if content is None or _in_subordinate_clause(prep):
        return None
    return Attribution(prep, Span(prep.idx, prep.idx + len(prep)), CueWord(prep.lower_), record, content, True)


def _in_subordinate_clause(token) -> bool:
    """Whether a token hangs, through its heads, on a clause below its sentence's root (a
    relative, adverbial or complement clause)."""
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj"):
            return True
        token = token.head
    return False


def _unsourced(token, unsourced: dict[str, frozenset[str]]) -> Attribution | None:
    """An attribution that names no source: a verb of seeming with a complement ("the plan
    seems to work", "it appears that ..."), an agentless passive of hearsay with a to-clause
    ("Trump is expected to speak"), or a hearsay adverb ("he reportedly left"). The content
    is the clause, from its subject on; the speaker is none."""
    lemma = token.lemma_.lower()
    if token.dep_ == "advmod" and token.lower_ in unsourced["adverbs"]:
        verb = token.head
    elif token.pos_ in ("VERB", "AUX") and lemma in unsourced["verbs"]:
        verb = token
        clause = next((c for c in token.children if c.dep_ == "ccomp" and _has_that(c)), None)
        if clause is not None:  # "it appears that ...": the that-clause
            cue = Span(token.idx, token.idx + len(token))
            return Attribution(token, cue, CueWord(lemma), None, _span_of(clause.left_edge, clause.right_edge, token))
        if not any(c.dep_ in ("acomp", "oprd") or c.dep_ == "xcomp" and _has_to(c) for c in token.children):
            return None
    elif token.pos_ == "VERB" and lemma in unsourced["passives"] and _unsaid(token):
        if not any(c.dep_ == "xcomp" and _has_to(c) for c in token.children):
            return None
        verb = token
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.dep_ == "expl" or verb.pos_ not in ("VERB", "AUX"):
        return None
    first = min(subject.left_edge, token, key=lambda t: t.i)
    content = _span_of(first, _own_clause_end(verb))
    speaker = subject if _holds_a_view(verb) else None
    return Attribution(token, Span(token.idx, token.idx + len(token)), CueWord(lemma), speaker, content)


def _own_clause_end(verb):
    """The last token of a verb's own clause, before a clause with a subject of its own joined
    to it ("the veto is expected to come on Friday, *but Republicans seem confident* ...")."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i
              and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)]
    if not joined:
        return verb.right_edge
    start = min(joined, key=lambda c: c.i).left_edge.i
    while start - 1 > verb.i and verb.doc[start - 1].dep_ in ("cc", "punct"):
        start -= 1
    return verb.doc[start - 1]


def _holds_a_view(verb) -> bool:
    """Whether a verb of seeming or expecting carries a view of its subject's own: a cue verb
    ("she seems to feel that ...", "he is expected to argue that ...") or an attitude with a
    clause ("Rubio seemed hopeful that ..."). The subject is then the source of the clause."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and _has_to(c) and speaks(c) and _content(c, cue_word(c)):
            return True  # not "is expected to speak on Monday", which reports nothing
        if c.dep_ in ("acomp", "oprd") and any(g.dep_ == "ccomp" for g in c.children):
            return True
    return False


def _is_adjectival(token) -> bool:
    """A past participle used as a modifier ("the so-called plan", "the stated aim", "the
    prison, dubbed the Hanoi Hilton"; the parser may tag it as a past tense)."""
    own = any(c.dep_ in ("ccomp", "nsubj", "agent") for c in token.children)
    return token.tag_ in ("VBN", "VBD") and token.dep_ in ("amod", "acl") and not own


def _according(according, to) -> Attribution:
    source = _object_of(to)
    clause = according.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    content = _sentence_without(according) or _around(according)
    if content is None:
        content = _span_without(clause, according) if clause.i != according.i else None
    return Attribution(according, Span(according.idx, to.idx + len(to)), CueWord("according to"), source, content, True)


def subject_of(verb):
    """The token heading the speaker of a cue verb, or None."""
    v = verb
    for _ in range(MAX_CLIMB):
        # the subject of a passive a cue hangs on says it ("After saying ..., she was rushed off")
        passive_subject = v is not verb or _contracted_perfect(v)
        children = [c for c in v.children if c.dep_ in ("nsubj", "agent") or c.dep_ == "nsubjpass" and passive_subject]
        subjects = [c for c in children if c.dep_ == "nsubj"]
        if len(subjects) > 1:
            children = [_nearest_subject(verb, subjects)]
        if not children:
            inverted = _inverted_subject(v)
            if inverted is not None:
                return inverted
        if children:
            child = children[0]
            subject = _object_of(child) if child.dep_ == "agent" else child
            if subject is not None and subject.lower_ in english().relative_pronouns and v.dep_ == "relcl":
                return _issuer(v.head)  # "Smith, who said ...": the noun ("a letter that says": its issuer)
            return subject
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
            return _issuer(v.head)  # "voters saying they want ...", "emails showing that ...": the noun described
        if v.head.i == v.i or _bare_participle(v) or not (v.dep_ in _CLIMB or _reported_by_cue(v)):
            return None
        controller = _controller(v)
        if controller is not None:
            return controller
        if v.dep_ == "conj" and _reported_by_cue(v.head) and speaks(v):
            v = v.head.head  # "said it was early but added ...": the cue joins the reporting verb
            continue
        if v.dep_ == "advcl" and v.tag_ == "VBG" and v.doc[v.left_edge.i - 1].text == "," and _closes_report(v):
            v = v.head.head  # "said costs rose, citing ...": an aside closing the report is the reporter's
            continue
        v = v.head
    return None


def _contracted_perfect(verb) -> bool:
    """ "he's sought to protect ...": a contracted "has" the parse takes for a passive "is"; the
    verb has a complement of its own, so its "passive subject" is its subject."""
    return any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) and any(
        c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children)


def _nearest_subject(verb, subjects):
    """Of two subjects the parse gives a cue, the one that is its own: after an inverted cue
    ("The plan fails, said Ann Lee", "“...,” said Ann Lee": Ann Lee), else the last before it ("“My view, that was
    wrong,” the aide said": the aide, not the quoted words)."""
    after = [c for c in subjects if c.i > verb.i]
    before = [c for c in subjects if c.i < verb.i]
    if after and (not before or verb.doc[verb.i - 1].text in {",", *english().quote_marks}):
        return after[0]
    return before[-1]


def _controller(verb):
    """The object of the verb a to-clause or a participle hangs on, when it is someone, is its
    subject ("pressed the banker *to admit* ...", "urged voters to say ...", "left many nations
    *feeling* that ..."; not "used blunt language to denounce ...", done by the subject)."""
    if verb.dep_ != "xcomp" or not (_has_to(verb) or verb.tag_ == "VBG"):
        return None
    addressee = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return addressee if addressee is not None and (addressee.pos_ == "PRON" or is_actor_noun(addressee)) else None


def _issuer(noun):
    """Who speaks through a noun described by a participle: the noun itself ("voters saying
    ..."), or, for a vehicle of speech ("a statement saying ...", "an ad calling ..."), its
    owner ("his speech defending ...") or whoever issued it ("Smith issued a statement
    saying ...", "hit the airwaves with an ad attacking ...")."""
    if noun.lemma_.lower() not in lexicon().vehicles:
        return noun
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB":
        return subject_of(verb) or noun
    return noun


def _inverted_subject(verb):
    """The noun phrase right after an inverted cue that the parse left without a subject
    ("“...,” said Ana Torres, half joking", "..., said Pelly, explaining ..."): its last
    noun, or None. Only a finite cue after a comma or a quote mark, with the phrase closed by
    punctuation, where the subject of "said" follows it."""
    doc = verb.doc
    if verb.tag_ not in _FINITE or verb.i == 0 or doc[verb.i - 1].text not in {",", *english().quote_marks}:
        return None
    if verb.dep_ == "conj" or not speaks(verb) or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    last, k = None, verb.i + 1
    for token in doc[verb.i + 1 : verb.sent.end]:
        if token.ent_type_ in ("DATE", "TIME"):
            break  # "said Monday": when, not who
        if token.pos_ in ("PROPN", "NOUN", "PRON") or token.is_title:  # a name the tagger misreads ("Pelly")
            last, k = token, token.i + 1
            if token.pos_ == "PRON":
                break
        elif not (token.pos_ in ("DET", "ADJ", "NUM") or token.tag_ == "POS"):
            break
    if k < verb.sent.end and not doc[k].is_punct:
        return None  # the subject of a clause reported after the cue ("..., 67 percent, say *they* will ...")
    return last


def _unattached_subject(verb):
    """The noun phrase right before a finite verb that the parse left without a subject
    ("Jay DiPietro, the club's president, suggested ...", "Among voters, about two-thirds,
    67 percent, say ..."): its head word, or None. Adverbs and commas between are skipped;
    a quote mark or any other punctuation before the verb means there is no such phrase."""
    if not (verb.tag_ in _FINITE or _mistagged_verb(verb)) or verb.dep_ not in ("ROOT", "ccomp", "advcl") or any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children
    ):
        return None
    doc, k = verb.doc, verb.i - 1
    while k >= verb.sent.start and (doc[k].dep_ in ("advmod", "neg", "aux") or doc[k].text == ","):
        k -= 1
    if k < verb.sent.start or doc[k].pos_ not in _NOMINAL:
        return None
    head = doc[k]
    while verb.sent.start <= head.head.i < verb.i:
        if head.dep_ in _NOUN_PARTS and head.head.pos_ in _NOMINAL:
            head = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in _NOMINAL:
            head = head.head.head  # "the chief of the League": the chief
        else:
            break
    if head.dep_ in _OBJECTS and not any(t.text == "," for t in doc[min(head.head.i, head.left_edge.i) : head.i]):
        return None  # "Smith, asked about it, said": the object of a phrase is no subject
    return head


def _reported_by_cue(verb) -> bool:
    """A clause reported by a cue verb ("said X but said Y" parsed as Y joined to X): a cue
    joined to it shares the reporting verb's subject."""
    return verb.dep_ == "ccomp" and speaks(verb.head)


def _closes_report(participle) -> bool:
    """Whether a participle after a comma belongs to a cue before it whose reported clause the
    parse hangs it on ("said costs rose, *citing* ..."; "“...,” Ortiz said, *suggesting* ...
    “...”"): not when that clause is a cue of its own before the participle ("..., Y added,
    saying ...": Y's), nor when the cue stands after the participle."""
    clause = participle.head
    own_cue = speaks(clause) and clause.i < participle.i
    return _reported_by_cue(clause) and clause.head.i < participle.i and not own_cue


def _bare_participle(verb) -> bool:
    """A past participle with no auxiliary ("When asked, she said ..."): its speaker is not
    the subject of the clause it hangs on. A past form opening its sentence with an adverbial
    clause that has no subject is one too, whatever its tag ("Asked what she meant, she
    said ...")."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.tag_ == "VBN" and verb.dep_ != "conj":  # a joined "added" is a past tense the tagger missed
        return True
    opens = verb.left_edge.i == verb.sent.start and verb.i < verb.head.i
    return verb.tag_ == "VBD" and verb.dep_ == "advcl" and opens and not any(c.dep_ == "nsubj" for c in verb.children)


def _object_of(preposition):
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _content(verb, word: CueWord) -> Span | None:
    """The clause a cue verb reports, as a span, or None when the parse shows none."""
    block = _block_after_colon(verb)
    if block is not None:
        return block
    aside = _parenthetical(verb)
    if aside is not None:
        return aside
    infinitive = word.infinitive and not _unsaid(verb)
    quoted = _quote_after(verb)
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and infinitive and _has_to(child)) or _unmarked(verb, child):
            if child.i < verb.i and verb.dep_ == "ROOT":
                if quoted is not None and child.i < quoted.i:
                    continue  # a scene-setting clause before "she said, “...”", not what was said
                if not _quoted_before(child, verb) and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
                    continue  # "It is unlikely; her team says she will go on": the clause after it is said
                return _before_closing_attribution(verb, child)
            if child.i > verb.i and child.left_edge.i < verb.i:  # "which his lawyer said was unfair"
                return _span_of(verb.doc[verb.i + 1], _before_next_cue(_last_clause(verb, child)))
            return _span_of(_words_described(verb, child), _before_next_cue(_last_clause(verb, child)), verb)
    wished = _for_to_clause(verb)
    if wished is not None:
        return wished
    asked = _indirect_question(verb) if word.question else None
    if asked is not None:
        return asked
    closing = _inverted_closing(verb)
    if closing is not None:
        return closing
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        if quoted is not None and verb.head.i > quoted.i:  # "Asked about it, she said, “I read it.”"
            return _span_of(quoted, verb.head.right_edge, verb)
        return _span_without(verb.head, verb)
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.lemma_.lower() in lexicon().nouns:
            clause = next((c for c in child.children if c.dep_ in ("acl", "ccomp") and _has_that(c)), None)
            if clause is not None:
                return _span_of(clause.left_edge, clause.right_edge, verb)
    topic = _topic(verb, word)
    if topic is not None:
        return _span_of(topic.left_edge, _with_as_phrase(verb, _topic_end(verb, topic)), verb)
    if word.speech:
        return _speech_declined(verb)
    claims = _finite(verb) or (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl"))  # "..., calling it a sham"
    said = (_passive_object(verb) or _object_content(verb)) if word.object and claims else None
    return said if said is not None else _answer(verb) or _as_clause(verb)


def _words_described(verb, clause):
    """Where a reported clause starts. The parse may take a clause describing the cue's object,
    a noun of speech, for a clause of its own ("cited remarks *Brown had made* about her",
    "quoted the statement *the agency released*"): the object and that clause are the content."""
    lex = lexicon()
    speech = lex.nouns | lex.topic_nouns.keys() | lex.vehicles
    said = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i), None)
    if said is None or _has_that(clause) or said.lemma_.lower() not in speech:
        return clause.left_edge
    return said.left_edge


def _answer(verb) -> Span | None:
    """ "Most Democrats said yes", "the candidate said no": an answer word right after the cue."""
    word = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if word is None or word.dep_ != "intj" or word.head.i != verb.i:
        return None
    return _span_of(word, word)


def _passive_object(verb) -> Span | None:
    """ "The meeting was first reported by Politico", "The plan was criticized by Ortiz": the
    subject of a passive with an agent is the object the agent spoke of."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in english().relative_pronouns:
        return None
    return _span_of(subject.left_edge, subject.right_edge)


def _parenthetical(verb) -> Span | None:
    """ "Many days, former employees said, she stayed past midnight" / "The plan, said Ana
    Ruiz, a farmer, was a disaster": an attribution set off by commas inside its sentence
    reports the whole sentence round it (the span runs over the attribution)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.tag_ not in _FINITE or subject is None or subject.lower_ in english().relative_pronouns:
        return None  # not "Smith, who testified, said ..." nor "Smith, asked about it, said ..."
    doc, sent = verb.doc, verb.sent
    parts = [c for c in verb.children if c.dep_ in _PHRASE_PARTS and not _comma_between(c, verb)]
    lo = min([verb.i] + [p.left_edge.i for p in parts])
    hi = max([verb.i] + [p.right_edge.i for p in parts])
    first, last = _trimmed(doc, sent.start, sent.end - 1)
    if not (first < lo - 1 and hi + 1 < last) or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return None
    if any(c.i < lo and c.dep_ != "ccomp" and not _misplaced_subject(c) for c in verb.children if not c.is_punct):
        return None  # what stands before belongs to the cue's own clause ("On Monday, she said, ...")
    if doc[hi + 2].text in english().quote_marks if hi + 2 <= last else False:
        return None  # a lead-in: "As the phone rang, the announcer said, "It is 3 a.m.""
    return _span_of(doc[first], doc[last], whole=True)


def _misplaced_subject(token) -> bool:
    """A noun the parse hangs on a cue set off inside a sentence that is the subject of the
    clause round it ("These workers, Ortiz explained, were well paid"), not a time."""
    verb = token.head
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False  # the cue has a report of its own: "A defender of the plan, Smith praised it"
    return token.dep_ == "npadvmod" and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME")


def _quote_after(verb):
    """The opening quote mark right after a cue's own phrase and a comma or colon, opening a
    sentence of its own ("she said, “We ...”", "said of the episode: “I ...”"; not the end
    of a split sentence: "The vote was fair, she said, “and we won it.”"), or None."""
    doc = verb.doc
    k = max([verb.i] + [c.right_edge.i for c in verb.rights if c.dep_ in ("prep", "npadvmod", "advmod", "dative")]) + 1
    if k + 2 < len(doc) and doc[k].text in (",", ":") and doc[k + 1].text in english().quote_marks:
        return doc[k + 1] if doc[k + 2].text[:1].isupper() else None
    return None


def _comma_between(child, verb) -> bool:
    """Whether a comma stands between a verb and a phrase hanging on it."""
    doc = verb.doc
    gap = range(child.right_edge.i + 1, verb.i) if child.i < verb.i else range(verb.i + 1, child.left_edge.i)
    return any(doc[k].text == "," for k in gap)


def _for_to_clause(verb) -> Span | None:
    """ "called for the president to resign", "pressed for the rule to be dropped": a clause
    opened by "for" with a subject and a to-infinitive, after the cue, is what the speaker asks
    for; the span runs from its subject (the parse hangs it on the cue as an adverbial clause)."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or not _has_to(c) or _comma_between(c, verb):
            continue
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if mark is not None and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
            return _span_of(verb.doc[mark.i + 1], c.right_edge, verb)
    return None


def _inverted_closing(verb) -> Span | None:
    """ "..., but it is under pressure, said the chief executive." / "Higher taxes likely next
    year, analysts say.": a cue and its subject closing their sentence after a comma
    report the sentence before them (the parse may join it to the sentence's verb, or hang
    it on the cue as an adverbial, instead of taking it as the complement)."""
    doc, sent = verb.doc, verb.sent
    first, last = _trimmed(doc, sent.start, sent.end - 1)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or verb.right_edge.i < last:
        return None
    subject = _nearest_subject(verb, subjects)
    opens = verb.i if subject.i > verb.i else subject.left_edge.i
    if opens < first + 2 or doc[opens - 1].text != ",":
        return None
    if subject.i < verb.i and any(not _scene(c) for c in verb.rights if c.i <= last):
        return None  # "In July, Smith dismissed the plan as ...", "..., I believe in ...": a content of its own
    if any(c.dep_ == "advcl" and c.i < opens and (_subordinate(c) or c.tag_ in ("VBN", "VBG")) for c in verb.children):
        return None  # "When the vote was over, the mayor spoke.", "Asked about it, she said, ...": the occasion
    if any(t.text in english().quote_marks for t in doc[verb.i + 1 : last + 1]):
        return None  # "..., Lopez said, “Probably.”": the quote after the cue is what was said
    return _span_of(doc[first], doc[opens - 2])


def _subordinate(clause) -> bool:
    """A clause opened by a subordinator ("when ...", "if ...", "after ...")."""
    return any(c.dep_ == "mark" or c.tag_ == "WRB" for c in clause.children)


def _scene(token) -> bool:
    """A phrase after a cue that tells when, where or how it was said ("said *on Monday*",
    "says *in a statement*", "said *repeatedly*"), or punctuation."""
    return token.is_punct or token.dep_ in ("advmod", "npadvmod") or _scene_phrase(token)


def _scene_phrase(prep) -> bool:
    """A preposition of `scene` (cues.yaml) setting the scene of the speaking ("criticized Smith
    *in an interview*"); right after its verb it opens what was said ("believe *in* ...",
    "called *on* Congress to act")."""
    return prep.dep_ == "prep" and prep.lower_ in lexicon().scene and prep.i > prep.head.i + 1


def _as_clause(verb) -> Span | None:
    """ "As the Post reported, Sanders would need ...", "..., as she said on Monday.": a cue in
    an as-clause with nothing reported of its own vouches for the clause it hangs on, as
    "according to" does (not a verb of talking, which tells when: "cheered as she spoke")."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if verb.lemma_.lower() in lexicon().activities:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children) or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    return _span_without(verb.head, verb)


def _indirect_question(verb) -> Span | None:
    """ "asked the students if they were serious", "Asked whether he would run, ...": a clause
    opened by "if" or "whether" after a verb of asking is the question, though the parser
    hangs it on the verb as a condition."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and not _comma_between(c, verb):
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in ("if", "whether")), None)
            if mark is not None:
                return _span_of(mark, c.right_edge, verb)
    return None


def _speech_declined(verb) -> Span | None:
    """ "declined to comment", "refused to answer": the to-clause, when its verb is a cue that
    reports nothing of its own (what "declined to say whether ..." reports is read from "say")."""
    clause = next((c for c in verb.children if c.dep_ == "xcomp" and _has_to(c)), None)
    word = cue_word(clause) if clause is not None else None
    if word is None or _content(clause, word) is not None:
        return None
    return _span_of(clause.left_edge, clause.right_edge, verb)


def _topic(verb, word: CueWord):
    """The object of a preposition that says what the speech is about ("talked *about* the
    economy", "referred *to* the memo"), or None."""
    topic = _prepositional_object(word.about, verb)[1]
    return None if topic is None or _when(topic) else topic


def _prepositional_object(prepositions, *holders, after: int = -1):
    """The first of the holders' prepositions in ``prepositions`` (after token ``after``) and
    its object ("talked *about the economy*"): (preposition, object), either None when missing."""
    prep = next((c for h in holders for c in h.children
                 if c.dep_ == "prep" and c.lower_ in prepositions and c.i > after), None)
    found = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    return prep, found


def _when(token) -> bool:
    """A date or time ("remarks on Saturday"): when the speaking was, not what it was about."""
    return token.ent_type_ in ("DATE", "TIME")


def _quoted_before(clause, verb) -> bool:
    """Whether quoted words stand in a clause before a cue (""...," Warren told him, after ..."):
    the cue closes a direct quote, whatever the parse hangs after it."""
    return any(t.text in english().quote_marks for t in verb.doc[clause.left_edge.i : verb.i])


def _unmarked(verb, child) -> bool:
    """A clause with its own subject and no conjunction after a cue, which the parse hangs on it
    as an adverbial ("said after the convention he would not accept it"): it is the report."""
    if child.dep_ != "advcl" or child.i < verb.i or _comma_between(child, verb):
        return False
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
    return own and not _subordinate(child) and _finite(child)  # not "if ...", "when he ran"


def _last_clause(verb, clause):
    """The last of the clauses a cue reports after it: the parse may split one reported clause
    into two complements of the cue ("explained how he believes cuts *left* them short",
    "found the level of priority *shows* the campaign is worried"), or join the bare verbs
    going on from a to-clause to a cue of another form ("wants to triple the force, *grow*
    the service and create a reserve")."""
    if clause.dep_ == "ccomp":
        more = [c for c in verb.children if c.dep_ == "ccomp" and c.i > clause.i]
    else:
        more = [c for c in verb.children if c.i > clause.i and _goes_on(verb, c)]
    return max(more, key=lambda c: c.i, default=clause)


def _goes_on(verb, other) -> bool:
    """A bare verb with no subject or auxiliary of its own, joined to a cue that is no bare verb:
    it cannot be the cue's coordinate, so it goes on with the to-clause."""
    own = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in other.children)
    return other.dep_ in ("conj", "dep") and other.tag_ == "VB" and verb.tag_ != "VB" and not own


def _topic_end(verb, topic):
    """The last token of what a speech is about: the topic and the phrases the parse hangs on
    the verb after it that describe it ("referred to a memoir *by Martin about fitting in*"),
    not those setting the scene of the speaking ("talked about the economy *at a rally*")."""
    last = topic.right_edge
    for c in verb.rights:
        if c.i <= topic.i or c.dep_ != "prep" or c.lower_ in lexicon().scene or c.left_edge.i != last.i + 1:
            continue
        last = c.right_edge
    return last


def _before_next_cue(clause):
    """The last token of a reported clause, before a cue verb joined to it that reports on its
    own ("said they were worried, and 4 in 10 said ...", "said X and said that Y"). A joined
    clause opened by its own "that" is a second clause of the same report ("said the videos
    were unclear and that the footage did not show ...")."""
    for token in clause.subtree:
        if token.i > clause.i and token.dep_ == "conj" and token.pos_ == "VERB" and speaks(token):
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
                continue
            if any(c.dep_ == "ccomp" for c in token.children) and token.left_edge.i > clause.left_edge.i:
                return token.doc[token.left_edge.i - 1]
            if _reporters_act(clause, token):
                return token.doc[token.left_edge.i - 1]
    return clause.right_edge


def _reporters_act(clause, joined) -> bool:
    """A cue of speaking in the past tense, with no subject of its own and something reported of
    its own, joined to a reported clause that tells of the reporter's time ("said he would order a
    review *and warned* against hackers", "tweeted that she was a con *and encouraged*
    Americans to ..."): the reporter's next act, not part of what was said."""
    reporter = clause.head
    if joined.tag_ != "VBD" or reporter.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass") for c in joined.children):
        return False
    word = cue_word(joined)
    if word is None or word.stance in ("intend", "believe"):
        return False  # a state of the reported subject goes on with it ("she liked it and wanted to help")
    joined_by_cc = any(t.dep_ == "cc" for t in joined.doc[joined.left_edge.i - 1 : joined.i])
    return joined_by_cc and _content(joined, word) is not None


def _finite(verb) -> bool:
    """A verb that makes its own claim: finite ("criticized"), or a participle or bare verb
    carried by a finite auxiliary or a modal ("has called for", "is defending", "did
    criticize", "would support"), or by a verb of aspect that makes one ("continued to call
    for", "kept attacking")."""
    if verb.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _CARRIERS for c in verb.children):
        return True
    if verb.tag_ == "VB" and verb.dep_ in ("ROOT", "conj") and any(c.dep_ == "nsubj" for c in verb.children) \
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return True  # a present tense read as a bare verb ("Some Democrats question ..."; not "let them question")
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in english().aspect_verbs and _finite(verb.head)


def _object_content(verb) -> Span | None:
    """The object of a verb whose object is what was said: "accused him of lying",
    "endorsed Clinton for president", "called for an inquiry". A phrase after the object that
    sets the scene of the speaking ("criticized Smith *in an interview*", "*on Monday*") is
    not part of it."""
    parts = [c for c in verb.rights if c.dep_ in _OBJECT_PARTS and not _scene_phrase(c)]
    if not any(c.dep_ in ("dobj", "xcomp", "pobj", "oprd") or c.dep_ == "prep" and c.i == verb.i + 1 for c in parts):
        return None
    first = min((c.left_edge for c in parts), key=lambda t: t.i)
    if first.dep_ == "prep" and first.i == verb.i + 1 and first.head.i == verb.i and first.i + 1 < len(verb.doc):
        first = verb.doc[first.i + 1]  # "called for an inquiry", "called on Congress to act": what follows it
    last = max((c.right_edge for c in parts), key=lambda t: t.i)
    return _span_of(first, _with_as_phrase(verb, last), verb)


def _with_as_phrase(verb, last):
    """The end of a cue's content taken on over an as-phrase of the verb that follows it
    ("described the dinner *as Washington celebrating itself*", "referred to them *as
    friends*"): what the speaker called the object is part of what was said. Not a clause
    of its own ("criticized the plan as she left"), which says when."""
    for c in verb.rights:
        if c.left_edge.i == last.i + 1 and c.left_edge.lower_ == "as" and c.dep_ in ("prep", "advcl"):
            return last if _finite(c) else c.right_edge
    return last


def _block_after_colon(verb) -> Span | None:
    """ "X added: It is typical of her. She knows nothing.": a cue verb closed by a colon
    reports the words after it, to the end of the paragraph (or the whole next paragraph when
    the colon ends this one), when they stand without quote marks."""
    doc, k = verb.doc, verb.i + 1
    while k < len(doc) and doc[k].dep_ == "prt" and doc[k].head.i == verb.i:
        k += 1
    if k >= len(doc) or doc[k].text != ":":
        return None
    text = doc.text
    start = doc[k].idx + 1
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text) or any(text.startswith(m, start) for m in english().quote_marks):
        return None
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _unsaid(verb) -> bool:
    """A passive with no agent ("is expected to go", "was asked to leave"): its to-clause is
    what is asked or expected of its subject, said by no one the sentence names."""
    if _contracted_perfect(verb):
        return False  # "he's sought to ...": a perfect, not a passive
    return any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _has_to(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _has_that(verb) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _span_of(first, last, verb=None, whole: bool = False) -> Span | None:
    """Tokens first..last as a span, trimmed of edge punctuation and kept off the cue verb,
    less an aside that closes it unless ``whole`` (a phrase vouching for the whole sentence)."""
    doc = first.doc
    i, j = first.i, last.i
    if verb is not None and i <= verb.i <= j:  # a complement that wraps round its verb: keep the side holding more
        i, j = (i, verb.i - 1) if verb.i - i >= j - verb.i else (verb.i + 1, j)
    j = _past_a_split(doc, j)
    i, j = _trimmed(doc, *((i, j) if whole else _without_aside(doc, i, j)))
    if i > j:
        return None
    return Span(doc[i].idx, doc[j].idx + len(doc[j]))


def _past_a_split(doc, j: int) -> int:
    """The end of a span reaching a sentence end that the parser put mid-line with no stop
    ("Ortiz cited harsh remarks | Brown had made about her"): the next sentence
    goes on with it. An abbreviation may hold the stop ("attacks in the U.S. | He says")."""
    t = doc[j]
    if t.is_punct or t.text.endswith(".") or t.i + 1 >= len(doc) or t.sent.end != t.i + 1 or "\n" in t.whitespace_:
        return j
    after = doc[t.i + 1]
    return j if after.is_space or after.is_punct else after.sent.end - 1


def _without_aside(doc, i: int, j: int) -> tuple[int, int]:
    """Token range i..j less an aside after a comma that closes it: a participle (", citing
    ..."), a non-restrictive relative clause (", which ...") or an apposition (", the
    alliance that ..."). They describe what was reported; they are not what was said."""
    for k in range(i + 2, j + 1):
        token = doc[k]
        if doc[k - 1].text != "," or token.left_edge.i != k:
            continue
        for t in (token, token.head, _relative_clause(token)):
            if t.left_edge.i == k and t.right_edge.i >= j and _aside(t) and i <= t.head.i < k:
                return i, k - 2
    return i, j


def _relative_clause(token):
    """The relative clause a relative pronoun opens, when a cue's clause lies between them
    ("which his lawyer said was unfair": the pronoun hangs on "was", the clause is "said"),
    or the token itself."""
    if token.lower_ not in english().relative_pronouns or token.head.dep_ != "ccomp":
        return token
    return token.head.head if token.head.head.dep_ == "relcl" else token


def _aside(token) -> bool:
    return (
        token.dep_ == "appos"
        or (token.dep_ in ("relcl", "advcl") and token.left_edge.lower_ in english().relative_pronouns)
        or (token.dep_ == "advcl" and token.tag_ == "VBG")
        or (token.dep_ == "advcl" and token.left_edge.lower_ in lexicon().aside_marks)
    )


def _trimmed(doc, i: int, j: int) -> tuple[int, int]:
    """Token range i..j less the punctuation and space at its edges (quote marks, a final
    ? or !, and a bracket closing one opened inside are kept)."""
    while i <= j and _loose(doc[i]):
        i += 1
    while j >= i and _loose(doc[j]) and doc[j].text not in "?!":
        if doc[j].text == ")" and any(doc[k].text == "(" for k in range(i, j)):
            break
        j -= 1
    return i, j


def _loose(token) -> bool:
    return (token.is_punct or token.is_space) and token.text not in english().quote_marks


def _before_closing_attribution(verb, clause) -> Span | None:
    """ "..., she said." / "..., said Smith.": what the sentence says before the attribution
    that closes it, all of it (the parse may hang only one of its clauses on the verb)."""
    doc = verb.doc
    subject = subject_of(verb)
    opens = min(verb.i, subject.left_edge.i) if subject is not None and subject.i < verb.i else verb.i
    first, last = _trimmed(doc, verb.sent.start, verb.sent.end - 1)
    if verb.right_edge.i < last or opens <= clause.right_edge.i or opens <= first:
        return _span_of(clause.left_edge, clause.right_edge, verb)
    return _span_of(doc[first], doc[opens - 1])


def _sentence_without(part) -> Span | None:
    """The sentence less a phrase that opens or closes it ("According to X, ..." /
    "..., according to X."): such a phrase vouches for the whole sentence. None when the
    phrase sits inside the sentence."""
    doc, sent = part.doc, part.sent
    first, last = _trimmed(doc, sent.start, sent.end - 1)
    if part.left_edge.i <= first:
        return _span_of(doc[part.right_edge.i + 1], doc[last], whole=True) if part.right_edge.i < last else None
    if part.right_edge.i >= last:
        return _span_of(doc[first], doc[part.left_edge.i - 1], whole=True) if part.left_edge.i > first else None
    return None


def _around(part) -> Span | None:
    """The whole sentence round a phrase set off inside it by commas, dashes or brackets
    ("Trump, according to the poll, leads in Iowa"), or None. When the sentence's verb comes
    before the phrase, what follows it is an aside, and the content stops at the phrase."""
    doc, sent = part.doc, part.sent
    first, last = _trimmed(doc, sent.start, sent.end - 1)
    before, after = part.left_edge.i - 1, part.right_edge.i + 1
    if not (first < before and after < last) or doc[before].text not in _SET_OFF or doc[after].text not in _SET_OFF:
        return None
    if sent.root.i < part.left_edge.i:  # the clause is told before the phrase; an aside follows it
        return _span_of(doc[first], doc[before - 1], whole=True)  # ("..., according to X - half of ...")
    return _span_of(doc[first], doc[last], whole=True)


def _span_without(head, part) -> Span | None:
    """The clause of ``head`` less the phrase ``part`` when that sits at either end of it."""
    doc = head.doc
    first, last = _trimmed(doc, head.left_edge.i, head.right_edge.i)
    if part.left_edge.i <= first + 1:
        first = part.right_edge.i + 1
    elif part.right_edge.i >= last - 1:
        last = part.left_edge.i - 1
    if first > last:
        return None
    return _span_of(doc[first], doc[last])
