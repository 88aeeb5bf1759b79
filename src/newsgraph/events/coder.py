"""The event coder: who did what to whom, when and where, from the dependency parse.

One pass over the tokens of each sentence outside boilerplate finds predicates: verbs that a
pattern of ``data/events/patterns.yaml`` names (with their particles and object nouns) and
event nouns ("summit", "indictment") that an actor owns or a support verb takes. Each
predicate's arguments give source and target (:mod:`newsgraph.events.arguments`), its mood
may turn the code (:mod:`newsgraph.events.mood`), and the clause gives date, place and evidence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.actors.knowledge import nouns
from newsgraph.events import arguments as args
from newsgraph.events.confidence import confidence, features
from newsgraph.events.factuality import ASSERTED, factuality
from newsgraph.events.mood import Mood, apply_mood, mood_of
from newsgraph.events.ontology import lookup
from newsgraph.events.patterns import Lexicon, Pattern, lexicon
from newsgraph.events.senses import other_sense
from newsgraph.events.setting import Argument, Setting
from newsgraph.record import Event, Span
from newsgraph.tone import DAMNING, sign, valence

if TYPE_CHECKING:
    from newsgraph.article import Article

log = logging.getLogger(__name__)

MATERIAL_CONFLICT = 4  # the quad class of events that may be done to things (CAMEO 14-20 but protest)


@dataclass(slots=True)
class Predicate:
    """A token that names an event, the pattern that reads it, and its object noun if any."""

    token: object
    pattern: Pattern
    object_noun: object = None
    nominal: bool = False

    @property
    def event_noun(self):
        """The noun naming the event: the predicate itself when nominal, else its object noun."""
        return self.token if self.nominal else self.object_noun


def code_events(article: Article) -> list[Event]:
    """The events the article asserts, in text order; the readings rejected as not asserted
    (negated, hypothetical, questioned, claimed) go to ``article.rejected``."""
    lex = lexicon()
    setting = Setting(article)
    events: list[Event] = []
    for sent in article.parsed.sents:
        # a parser sentence may run across zones ("Photo: Getty" + the first paragraph): judge tokens
        tokens = [t for t in sent if setting.codes_at(t.idx)]
        if not tokens:
            continue
        try:
            found = _sentence_events(sent, tokens, lex, setting)
        except Exception:  # one odd parse must not cost the article its record
            log.warning("event coding failed on a sentence at %d", sent.start_char, exc_info=True)
            continue
        events += _dedupe([e for e in found if e.factuality == ASSERTED])
        article.rejected += [e for e in found if e.factuality != ASSERTED]
    for event in events:
        event.confidence = confidence(features(event, article))
    return events


def _sentence_events(sent, tokens: list, lex: Lexicon, setting: Setting) -> list[Event]:
    predicates = [p for t in tokens if (p := find_predicate(t, lex)) is not None]
    moods = {p.token.i: _mood(p, lex) for p in predicates}
    wrappers = {m.wrapper.i for m in moods.values() if m.wrapper is not None}
    # "ordered the paper to suspend publication": the commanded act is the event, not the order
    wrappers |= {p.token.head.i for p in predicates if args.commanded(p.token, lex)}
    demands = _demanded_clauses(tokens, lex)
    inside = {t.i for clause in demands for t in clause.subtree}
    pairs = []
    for pred in predicates:
        if pred.token.i in wrappers or pred.token.i in inside:
            continue  # "agreed to meet": the meeting is the event; "X must meet": a demand, no meeting
        pairs += [(pred, e) for e in _events_of(pred, moods[pred.token.i], sent, lex, setting)]
    pairs = _one_act_of_force(pairs)
    demanded = [e for clause in demands for e in _demand_events(clause, lex, setting, sent)]
    verdicts = [e for t in tokens for e in _verdict(t, lex, setting, sent)]
    return [e for _, e in pairs] + demanded + _allegations(pairs, sent, lex, setting) + verdicts


def _one_act_of_force(pairs: list) -> list:
    """Acts of force by one source told as one: "*attacks* on Gaza killed 20,000 civilians" is
    the attack (its result is no second event; "a car bombing killed 75 people", where the act
    names no target, is the killing); "shot and killed Crutcher" is the killing (of
    coordinated acts where only one names a target, that one; "was shot and killed by an officer",
    both violent and of one target, is the killing). "Shelled the town and bombed the port" and
    "arrested the activist and beat him" stay two."""
    drop = set()
    force = [(k, p, e) for k, (p, e) in enumerate(pairs) if e.quad_class == MATERIAL_CONFLICT]
    for i, p, e in force:
        for j, q, f in force:
            if i == j or (e.source or e.source_mention) != (f.source or f.source_mention):
                continue
            if q.nominal and q.token.head.i == p.token.i and q.token.dep_ in ("nsubj", "nsubjpass"):
                drop.add(i if f.target_mention is not None else j)  # the act, where it names its target
            elif q.token in p.token.conjuncts and q.token.i > p.token.i and (e.target_mention is None) != (
                f.target_mention is None
            ):
                drop.add(i if e.target_mention is None else j)  # the one that names no target of its own
            elif q.token in p.token.conjuncts and q.token.i > p.token.i and _violent(e) and _violent(f) and (
                (e.target or e.target_mention) == (f.target or f.target_mention)
            ):
                drop.add(i)  # "was shot and killed by": one act of violence, told by its outcome
    return [pair for k, pair in enumerate(pairs) if k not in drop]


def _violent(event: Event) -> bool:
    """An assault, a fight or mass violence (CAMEO 18-20), not a coercion such as an arrest."""
    return event.cameo[:2] in ("18", "19", "20")


def _demanded_clauses(tokens: list, lex: Lexicon) -> list:
    """Reported clauses with a modal of obligation: "said Israel *must* end its attacks"."""
    return [
        t for t in tokens
        if t.dep_ == "ccomp" and lex.is_("speech_verbs", t.head.lemma_.lower())
        and any(c.dep_ == "aux" and lex.is_("deontic_auxiliaries", c.lower_) for c in t.children)
    ]


def _demand_events(clause, lex: Lexicon, setting: Setting, sent) -> list[Event]:
    """The speaker demands (100) of the clause's subject what the clause says it must do. Only an
    actor can be asked to act: "said the threshold should rise" or a passive "said the residents
    should be treated as ..." demands nothing of its subject, and what one asks of one's own side
    ("the minister said the government must act") is a commitment, not a demand."""
    speaker = [a for t in args.agent_of(clause.head, lex) if (a := setting.resolve(t, sent))]
    subject = [a for c in clause.children if c.dep_ == "nsubj" for a in [setting.actor(c, sent, doer=True)] if a]
    demand = Predicate(clause.head, Pattern(head=clause.head.lemma_.lower(), code="100"))
    return [
        setting.event(demand, "100", False, s, t, sent) for s in speaker for t in subject
        if not s.same_as(t) and not setting.own_side(t, s.entity)
    ]


def _verdict(token, lex: Lexicon, setting: Setting, sent) -> list[Event]:
    """A speaker's damning verdict on an actor, in what they are quoted as saying: "'She is a
    *disgrace*,' he said", "said the senator's plan was deeply *disappointing*" is the speaker's
    criticism (111) of the subject, or of its owner; the verdict is negative by the valence of
    the predicate's words (VADER). A verdict on no actor the article names ("the situation is
    dire", "it is so dangerous"), a negated, denied or hypothetical one, and one on the
    speaker's own side are none."""
    if token.dep_ not in ("attr", "acomp") or token.head.lemma_.lower() != "be":
        return []
    copula = token.head
    subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    words = [token, *(c for c in token.children if c.dep_ in ("amod", "advmod", "compound", "conj"))]
    words += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    if subject is None or valence(w.text for w in words) > DAMNING or _generic(subject):
        return []
    if token.tag_ == "VBN" and args.names_doer(subject):
        return []  # "they were terrified", "Smith was disappointed": how someone feels, no verdict
    speaker = setting.speaker_at(token.idx, denied=False)
    if speaker is None or factuality(copula, False, lex) != ASSERTED or any(
        c.dep_ == "neg" for c in (*copula.children, *token.children)
    ):
        return []
    target = setting.actor(subject, sent)
    if target is None or target.entity is None or speaker.same_as(target) or setting.own_side(target, speaker.entity):
        return []  # "the situation is dire", "it is dangerous": no actor the article names is judged
    # the verdict is the speaker's own act, whatever it says of others
    verdict = Predicate(token, Pattern(head=token.lemma_.lower(), code="111"))
    return [setting.event(verdict, "111", False, speaker, target, sent, factuality=ASSERTED)]


def _generic(subject) -> bool:
    """A subject that names no one in particular: a bare plural ("fans can be cruel"), a
    quantifier ("this one", "some"), or a pronoun that is not a person's ("it", "they": what
    they stand for in a verdict is as often a thing)."""
    if subject.lower_ in nouns().quantifiers or subject.pos_ == "NUM":
        return True
    if subject.pos_ == "PRON":
        return nouns().pronouns.get(subject.lower_, ("", "-", 0))[1] not in ("m", "f")
    modifiers = ("det", "poss", "compound", "amod", "nummod")
    return subject.tag_ == "NNS" and not any(c.dep_ in modifiers for c in subject.children)


def _mood(pred: Predicate, lex: Lexicon) -> Mood:
    """The predicate's mood; an object noun that cannot be refused stays its own event
    ("rejected an appeal": the appeal stands, and rejecting it is the event)."""
    mood = mood_of(pred.token, lex)
    as_object = pred.token.dep_ in ("dobj", "pobj")
    if mood.refusal and as_object and lex.mood_code("refusal", pred.pattern.code) is None:
        return Mood()
    if mood.refusal and as_object and pred.nominal and args.author(pred.token) is not None:
        return Mood()  # "rejected May's agreement": the rejection is aimed at May, the agreement stays hers
    if mood.intent and as_object and pred.pattern.code[:2] == "05" and mood.wrapper is not None:
        return Mood(wrapper=mood.wrapper)  # "pledged his full support": promising support is support
    return mood


def find_predicate(token, lex: Lexicon) -> Predicate | None:
    """The predicate ``token`` heads, if a pattern names it."""
    if token.pos_ in ("VERB", "AUX") and not _is_determined_gerund(token):
        if token.dep_ == "acl" and token.tag_ == "VBG" and not _speaks_by_clause(token.head, lex) and (
            args.is_event_noun(token.head, lex) or args.is_transparent(token.head, lex)
        ):
            return None  # "a campaign targeting the election": the participle names the campaign's target
        return _verb_predicate(token, lex)
    if token.pos_ in ("NOUN", "PROPN"):
        pattern = _noun_pattern(token, lex)
        if pattern is not None and not pattern.support_only and not _is_object_of_coded_verb(token, lex) and (
            not _speaks_by_clause(token, lex)
        ):
            return Predicate(token, pattern, nominal=True)
    return None


def _speaks_by_clause(noun, lex: Lexicon) -> bool:
    """A document saying something in a clause of its own: the clause is its event, not the
    document ("a resolution *criticizing* the president": 111, not an appeal)."""
    return lex.is_("document_nouns", noun.lemma_.lower()) and any(
        (c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ == "VBG") and lex.verb_patterns(c.lemma_.lower())
        for c in noun.children)  # not an infinitive of purpose: "a resolution *to boost* aid" is the appeal


def _amount_type(noun) -> str:
    """The entity type of an object, or of the number counting it ("3,000 points": CARDINAL);
    people counted are people, not an amount ("charged *two developers* with fraud")."""
    if noun.ent_type_ or args.names_doer(noun):
        return noun.ent_type_
    return next((c.ent_type_ for c in noun.children if c.dep_ == "nummod" and c.ent_type_), "")


def _is_determined_gerund(token) -> bool:
    """"after *the* meeting": a gerund with a determiner is a noun, whatever its tag; so is a
    bare gerund after a preposition with nothing of its own ("struggles to recover after
    *shooting*": the shooting, not the subject shooting)."""
    if token.tag_ != "VBG":
        return False
    bare = token.dep_ == "pcomp" and not any(c.dep_ not in ("punct", "advmod") for c in token.children)
    return bare or any(c.dep_ == "det" for c in token.children)


def _has_object(verb) -> bool:
    """A direct object, a passive subject, or the noun a participle describes ("ships *seized*")."""
    return verb.dep_ in ("acl", "relcl") or any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in verb.children)


def _verb_predicate(verb, lex: Lexicon) -> Predicate | None:
    patterns = lex.verb_patterns(verb.lemma_.lower())
    if patterns:  # most verbs have none: their children are not read
        words = _phrasal_words(verb)
        complements = {c.lemma_.lower() for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp", "acomp")}
        complements |= {c.lower_ for c in verb.children if c.dep_ == "prep" for c in c.children}
        complements |= {a.lower_ for c in verb.children if c.dep_ == "dobj" for a in c.children if a.dep_ == "amod"}
        says_that = any(c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in c.children) for c in verb.children)
    for pattern in patterns:
        if not set(pattern.words) <= words:
            continue
        if pattern.unless and any(c.dep_ in pattern.unless for c in verb.children):
            continue
        if pattern.transitive and not _has_object(verb):
            continue  # "returned to normal", "seized on a remark": not the transitive sense
        if pattern.needs_clause and not _asks_something(verb):
            continue  # "officers called on the family at home": a visit, not an appeal
        if pattern.unless_named and _names_object(verb):
            continue  # "called Trump's comments unhelpful rhetoric": a comment, not a phone call
        if pattern.unless_object and any(
            c.dep_ in ("dobj", "attr", "npadvmod") and _amount_type(c) in pattern.unless_object for c in verb.children
        ):
            continue  # "the yield hit 16 percent", "charged the firm $6 million": an amount, no event
        if says_that and not lex.is_("clause_roots", pattern.code[:2]):
            continue  # "demonstrated that ...": a clause makes it a verb of showing, not of doing
        if lex.is_("request_roots", pattern.code[:2]) and _asks_nothing_done(verb, lex):
            continue  # "asked whether the party would allow it": a question, not an appeal
        if pattern.complements and not pattern.complements & complements:
            continue
        if pattern.naming:
            _, name = args.naming_parts(verb)  # "called the senator *a disgrace*"
            if name is None or sign(t.text for t in name.subtree) != pattern.naming:
                continue
        if pattern.objects:
            objects = _object_nouns(verb, pattern.words)
            noun = next((o for o in objects if _object_lemmas(o, lex) & pattern.objects), None)
            if noun is None:
                continue
            return Predicate(verb, pattern, object_noun=noun)
        return Predicate(verb, pattern)
    if lex.has("support_verbs", verb) or lex.has("undergoing_verbs", verb):
        for noun in _object_nouns(verb, ("in", "on", "into")):
            event_noun = _event_noun(noun, lex)
            if event_noun is not None and not _speaks_by_clause(event_noun, lex):
                return Predicate(verb, _noun_pattern(event_noun, lex), object_noun=event_noun)
    return None


def _asks_something(verb) -> bool:
    """Whether the verb has a clause or a "for" phrase saying what is asked ("called on the rebels
    *to disarm*", "called on the council *for* help")."""
    return any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for")
        # "called on CEOs there *to* treat workers fairly": the parser's adverbial clause
        or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        for c in verb.children
    )


def _names_object(verb) -> bool:
    """Whether the verb gives its object a name: a second object, or a common noun or adjective
    in apposition to the object ("called his comments *unhelpful rhetoric*"; not a person's
    name: "called his counterpart, *Sergei Lavrov*")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return len(objects) > 1 or any(
        c.dep_ == "appos" and c.pos_ in ("NOUN", "ADJ") for o in objects for c in o.children
    )


def _asks_nothing_done(verb, lex: Lexicon) -> bool:
    """A clause of a verb of asking that asks for nothing to be done: an indirect question,
    opened by "whether" or "if" or by a wh-word ("asked *why* the army fired"), or a statement of
    fact ("insisted the government *was* doing as promised"; a modal of obligation asks: "urged
    that they *should* leave"). A mandative clause asks: "insisted that the company *reinstate*
    the workers"."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        first = clause.left_edge
        if first.tag_ in ("WP", "WRB", "WDT") or any(
            m.dep_ == "mark" and lex.is_("question_marks", m.lower_) for m in clause.children
        ):
            return True
        auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(lex.is_("deontic_auxiliaries", a.lower_) for a in auxiliaries):
            continue
        # a past, a modal or a tensed auxiliary ("was doing", "has done"): told as a fact, not
        # asked (a bare "-s" is not enough: "demanded that he resigns" is British for a demand)
        if clause.tag_ in ("VBD", "MD") or any(a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in auxiliaries):
            return True
    return False


def _phrasal_words(verb) -> set[str]:
    """Particles of a verb, prepositions right after it, and objects that make an idiom
    ("carry *out*", "call *for*", "open *fire*"): "called the president *on* Monday" has none.
    A preposition the parser took for the mark of a clause counts too ("called *for* Russia to
    release ...")."""
    words = set()
    for child in verb.children:
        if child.dep_ in ("prt", "compound:prt", "dobj", "advmod"):
            words.add(child.lower_)
        elif child.dep_ == "prep" and (child.i == verb.i + 1 or child.i == verb.i + 2 and child.nbor(-1).dep_ == "prt"):
            words.add(child.lower_)
        elif child.dep_ == "advcl":
            words |= {m.lower_ for m in child.children if m.dep_ == "mark" and m.i == verb.i + 1}
    return words


def _object_nouns(verb, prepositions=()) -> list:
    """Objects of a verb, and objects of the given prepositions ("call *for* talks", "go *on* strike")."""
    out = [c for c in verb.children if c.dep_ == "attr"] + args.direct_objects(verb)
    # a passive's subject, through a relative pronoun ("the vessel *that* was seized")
    out += [args.antecedent(c, verb) for c in verb.children if c.dep_ == "nsubjpass"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions):
        out += [c for c in prep.children if c.dep_ == "pobj"]
    return [t for o in out for t in args.conjuncts(o)]


def _object_lemmas(noun, lex: Lexicon) -> set[str]:
    """The lemmas an object pattern matches: the noun and its compounds ("crossing points"),
    and what a transparent noun or a quantity stands for ("ended their mediation *effort*" ->
    mediation, "released *some* of the footage" -> footage)."""
    lemmas = {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}
    if noun.ent_type_ == "MONEY":
        lemmas.add("money")  # "gave 350 million euros"
    if args.is_transparent(noun, lex) or args.is_quantity(noun):
        for inner in args.prep_objects(noun, "of"):
            lemmas |= {inner.lemma_.lower()} | {c.lemma_.lower() for c in inner.children if c.dep_ == "compound"}
    return lemmas


def _event_noun(noun, lex: Lexicon):
    """The event noun ``noun`` stands for: itself, or what a transparent noun holds ("a mediation
    effort", "a wave of attacks")."""
    if _noun_pattern(noun, lex) is not None:
        return noun
    if args.is_transparent(noun, lex):
        for child in noun.children:
            if child.dep_ == "compound" and _noun_pattern(child, lex) is not None:
                return child
        for inner in args.prep_objects(noun, "of"):
            if _noun_pattern(inner, lex) is not None:
                return inner
    return None


def _noun_pattern(noun, lex: Lexicon) -> Pattern | None:
    patterns = lex.noun_patterns(noun.lemma_.lower())
    if not patterns:
        return None
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    for pattern in patterns:
        if set(pattern.words) <= modifiers:
            return pattern
    return None


def _is_object_of_coded_verb(noun, lex: Lexicon) -> bool:
    """A noun a coded verb already takes ("imposed *sanctions*") is not a second event."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if noun.dep_ not in ("dobj", "pobj", "attr") or head.pos_ not in ("VERB", "AUX"):
        return False
    found = _verb_predicate(head, lex)
    return found is not None and found.object_noun is not None and found.object_noun.i == noun.i


def _events_of(pred: Predicate, mood: Mood, sent, lex: Lexicon, setting: Setting) -> list[Event]:
    sources, targets = _arguments(pred, lex, lambda t: _known(setting.resolve(t, sent)))
    # "many firms ..., including Exxon and Equinor": the named members act, and are acted on
    sources = [m for s in sources for m in (args.members(s, pred.token) or [s])]
    # ... and a thing of theirs is done to them: "assets belonging to firms like Danone"
    targets = [m for t in targets for m in (args.members(t, pred.token) or _owners_named(t, pred) or [t])]
    if pred.nominal and not sources:
        return []  # a nominal event without an owner is a topic, not an event
    pattern = pred.pattern
    if pattern.person_code and sources and all(setting.is_person(t, sent) for t in sources):
        # one person "attacking" another, or the police, does it in words
        pattern = replace(pattern, code=pattern.person_code)
    if pattern.force_code and sources and all(setting.is_armed(t, sent) for t in sources):
        pattern = replace(pattern, code=pattern.force_code)  # "Israeli strikes", "the army's strike": an attack
    if other_sense(pred, pattern.code, sources, targets, lambda t: setting.sector(t, sent)):
        return []  # "hit the brakes", "charged a fee", "the storm struck": the word in another sense
    code, negated = apply_mood(pattern, mood, lex)
    if not targets and code[:2] != "01":
        # where a meeting is held is no partner ("met in Geneva"); what it agrees to do somewhere is
        targets = args.location_target(pred.token, own_clause=not pred.pattern.reciprocal)
    source_args = [a for t in sources if (a := setting.actor(t, sent, doer=True))] or [None]
    named = [(t, _own_thing(t, a, source_args)) for t in targets
             if (a := _motion_body(t, pred, sent, lex, setting) or setting.actor(t, sent))]
    directed = lex.is_("directed_roots", code[:2])
    if pred.pattern.reciprocal or (directed and lookup(code).quad_class != MATERIAL_CONFLICT):
        # "talked *with passion*", "supported *a stronger text*": a partner, or the one a directed
        # word or help is for, is someone; material conflict may hit a thing ("shelled *a camp*")
        named = [(t, a) for t, a in named if a.entity is not None or args.names_doer(t)]
    named = _one_thing(named)
    if "assembly" in pred.pattern.target and not any(a.entity for _, a in named):
        # "abstained *from the vote*": a vote is taken in a body, not on the vote
        named = [(None, body)] if (body := setting.assembly(pred.token, sent)) is not None else []
    target_args = [a for _, a in named] or [None]
    if source_args == [None] or (pred.pattern.needs_target and target_args == [None]):
        return []  # nobody to attach it to
    if _reciprocal(pred, mood, lex) and (target_args == [None] or len(source_args) > 1):
        partners = _partners(pred, source_args, sent, setting)
        target_args = partners if target_args == [None] else partners + target_args
    if target_args == [None] and source_args[0] is not None:
        target_args = [setting.same_event_target(pred, source_args[0])]  # "continue *the war*"
    if target_args == [None] and directed:
        return []  # a meeting, an aid or an assault with nobody it is done to is not coded
    if any(lex.is_("negative_words", w) for t in targets for w in _determiners(t)):
        negated = True  # "respects no one", "met nobody"
    events, pairs = [], set()
    for src in source_args:
        for tgt in target_args:
            if src is not None and tgt is not None and src.same_as(tgt):
                continue
            if (_side(tgt), _side(src)) in pairs:
                continue  # "Putin and Abbas met": one meeting, source the first named
            pairs.add((_side(src), _side(tgt)))
            events.append(setting.event(pred, code, negated, src, tgt, sent))
    return events


def _side(argument):
    return None if argument is None else argument.entity or _key(argument.span)


def _owners_named(thing, pred: Predicate) -> list:
    """The named members of the group a thing belongs to ("confiscated assets belonging to
    Western firms *like Danone and Carlsberg*")."""
    owner = args.owner_of(thing, adjectives=False) if thing.pos_ == "NOUN" else None
    return args.members(owner, pred.token) if owner is not None else []


def _motion_body(token, pred: Predicate, sent, lex: Lexicon, setting: Setting):
    """The assembly a motion of no one in particular is voted in: "would back *a revised
    resolution*" is aimed at the Security Council the article named."""
    own_noun = pred.object_noun is not None and token.i == pred.object_noun.i  # "a resolution *was approved*"
    if own_noun or not lex.has("motions", token) or args.owner_of(token) is not None:
        return None
    return setting.assembly(pred.token, sent)


def _own_thing(token, argument: Argument, sources: list) -> Argument:
    """A thing of the source's own is that thing, not the source again: "began a hunger strike
    against *his treatment*" is against the treatment ("backing *his* budget", another's, is his)."""
    own = argument.entity is not None and any(s is not None and s.same_as(argument) for s in sources)
    if own and token is not None and args.possessive_pronoun(token) is not None:
        return Argument(Span(*args.core_span(token)), None)
    return argument


def _one_thing(named: list) -> list:
    """Things coordinated as one target are one event, on the first named ("denied them food,
    water and medicine"); actors coordinated are each a target ("attacked Kyiv and Lviv")."""
    things = [t for t, a in named if a.entity is None]
    return [(t, a) for t, a in named if a.entity is not None or t is things[0] or t.dep_ != "conj"]


def _arguments(pred: Predicate, lex: Lexicon, known=None) -> tuple[list, list]:
    token = pred.token
    if pred.nominal:
        pair = args.between_pair(token)
        sources = args.noun_agent(token, lex)
        if not sources and len(pair) > 1:
            return pair[:1], pair[1:]
        return sources, args.noun_targets(token, pred.pattern)
    undergone = pred.object_noun is not None and pred.pattern.head != token.lemma_.lower()  # a noun's event
    if undergone and lex.has("undergoing_verbs", token):
        # "faced pressure *from donors*": the event is done by the "from" phrase, to the subject
        doers = args.prep_objects(pred.object_noun, "from") or args.prep_objects(token, "from")
        return [d for o in doers for d in args.conjuncts(o)], args.agent_of(token, lex)
    sources = args.agent_of(token, lex)
    passive = args.passive_subjects(token, lex)
    if passive:  # "X was accused by Y": X is the target
        return sources, args.conjuncts(args.antecedent(passive[0], token))
    if pred.object_noun is not None and lex.is_("author_nouns", pred.object_noun.lemma_.lower()):
        author = args.author(pred.object_noun)
        if author is not None:  # "accepted the demands *by* the protesters"
            return sources, args.conjuncts(author)
    if pred.object_noun is not None and pred.object_noun.i != token.i and args.is_event_noun(pred.object_noun, lex):
        targets = args.noun_targets(pred.object_noun, _noun_pattern(pred.object_noun, lex) or pred.pattern)
        if targets:
            return sources, targets
    targets = args.verb_targets(token, pred.pattern, pred.object_noun, lex, known)
    return sources, targets or args.commanded(token, lex)


def _known(argument) -> bool:
    return argument is not None and argument.entity is not None


def _reciprocal(pred: Predicate, mood: Mood, lex: Lexicon) -> bool:
    """Reciprocal by its pattern ("met"), or agreed between its sources ("X and Y agreed to share")."""
    if pred.pattern.reciprocal:
        return True
    wrapper = mood.wrapper
    return wrapper is not None and any(p.reciprocal for p in lex.verb_patterns(wrapper.lemma_.lower()))


def _determiners(token) -> list[str]:
    return [token.lower_] + [c.lower_ for c in token.children if c.dep_ in ("det", "neg", "amod")]


def _partners(pred: Predicate, sources: list, sent, setting: Setting) -> list:
    """A reciprocal event with no stated partner: coordinated sources are each other's partner;
    a meeting that is "our" or "their" own is with the nearest other actor of the same kind in
    the sentence ("our second meeting", in a tweet about him)."""
    known = [s for s in sources if s is not None]
    if len(known) > 1:
        return known
    shared = any(c.dep_ == "poss" and c.lower_ in ("our", "their") for c in pred.token.children)
    if not known or known[0].entity is None or not (pred.nominal and shared):
        return [None]
    partner = setting.nearest_other_actor(known[0], pred.token, sent)
    return [partner]


def _allegations(pairs: list, sent, lex: Lexicon, setting: Setting) -> list[Event]:
    """"Agencies announced their conclusion that Russia hacked ...": a conflict event reported as
    a finding or allegation is also the speaker's accusation of its actor (112)."""
    out = []
    for pred, event in pairs:
        if event.quad_class < 3 or event.source_mention is None or event.negated:
            continue
        speaker = _alleging_speaker(pred.token, lex)
        if speaker is None:
            continue
        verbal = speaker.pos_ in ("VERB", "AUX")
        for src in args.agent_of(speaker, lex) if verbal else args.noun_agent(speaker, lex):
            accuser = setting.resolve(src, sent)
            accused = setting.argument_of(event, "source")
            if accuser is not None and not accuser.same_as(accused):
                # "announced their conclusion that ...": the announcing clause is the evidence
                anchor = speaker.head if not verbal and speaker.dep_ in ("dobj", "nsubj") else speaker
                accusation = Predicate(anchor, Pattern(head=speaker.lemma_.lower(), code="112"))
                out.append(setting.event(accusation, "112", False, accuser, accused, sent))
    return out


def _alleging_speaker(token, lex: Lexicon):
    """The allegation word a clause hangs from: "conclusion *that* ...", "alleged *that* ..."."""
    clause = token
    while clause.dep_ not in ("ccomp", "acl") and clause.head.i != clause.i and clause.dep_ in ("conj", "xcomp"):
        clause = clause.head
    if clause.dep_ not in ("ccomp", "acl"):
        return None
    head = clause.head
    return head if lex.is_("allegation_words", head.lemma_.lower()) else None


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (source, target, root) in a sentence (a symmetric event is one per pair where
    it is coded: ``_events_of``); a target-less event is dropped when the same
    source has the same kind of event with a target. Of two of one root, the specific code is kept
    ("ordered the arrest of": 173 arrest, not 170 coerce)."""
    seen, out = set(), []
    for e in sorted(events, key=lambda e: (e.source_mention.start if e.source_mention else -1, _unspecified(e.cameo))):
        src, tgt = e.source or _key(e.source_mention), e.target or _key(e.target_mention)
        if (src, tgt, e.cameo[:2]) in seen:
            continue
        seen.add((src, tgt, e.cameo[:2]))
        out.append(e)
    out.sort(key=lambda e: events.index(e))
    with_target = {(e.source or _key(e.source_mention), e.cameo[:2]) for e in out if e.target_mention}
    return [
        e for e in out
        if e.target_mention is not None or (e.source or _key(e.source_mention), e.cameo[:2]) not in with_target
    ]


def _unspecified(code: str) -> bool:
    """A root's general code ("170 coerce, not specified")."""
    return len(code) == 3 and code.endswith("0")


def _key(span: Span | None):
    return (span.start, span.end) if span else None


def describe(code: str) -> tuple[str | None, float, int]:
    """(PLOVER type, Goldstein score, quad class) of a CAMEO code."""
    found = lookup(code)
    return found.plover, found.goldstein, found.quad_class
