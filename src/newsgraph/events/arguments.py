"""Who acts and who is acted on: the arguments of a predicate in the dependency parse.

An event's source is its predicate's agent: the subject, the ``by`` phrase of a passive, the
antecedent of a relative pronoun, or, when the clause has no subject of its own, the actor of
the clause it depends on (control: "agreed to release", coordination: "met and praised"). Its
target is the object or a prepositional object, in the order the pattern asks for. Each
argument is a head token; :func:`conjuncts` spreads it over coordination ("X and Y").
"""

from __future__ import annotations

from newsgraph.actors.knowledge import nouns
from newsgraph.actors.mentions import NUMERIC_LABELS, is_actor_noun
from newsgraph.english import english
from newsgraph.events.patterns import Lexicon, Pattern, lexicon

SUBJECTS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
DEFAULT_TARGETS = ("dobj", "dative", "with", "against", "on", "to", "into", "at", "from", "over", "toward")
NOUN_TARGETS = ("with", "against", "on", "to", "into", "at", "of", "between")
MAX_CLIMB = 5  # how far a subject-less clause looks up for its actor


def conjuncts(token) -> list:
    """``token`` and the tokens coordinated with it ("the US and Japan" -> US, Japan)."""
    return [token, *[c for c in token.conjuncts if c.i > token.i and c.pos_ in ("NOUN", "PROPN", "PRON")]]


def core_span(token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``token``, without clauses hanging off it."""
    start = token.left_edge
    while start.i < token.i and start.is_punct:
        start = start.nbor()
    end = token
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod", "case") or (
            child.dep_ == "prep" and child.lower_ == "of" and token.pos_ in ("NOUN", "NUM")
            and any(c.dep_ == "pobj" for c in child.children)  # "the armies of Brazil", not "of harming X"
        ):
            end = child.right_edge
        else:
            break
    return start.idx, end.idx + len(end)


def agent_of(pred, lex: Lexicon, depth: int = 0) -> list:
    """The actor tokens of a verbal predicate (empty when none can be found)."""
    for child in pred.children:
        if child.dep_ in SUBJECTS and child.dep_ != "expl":
            if child.lower_ in english().relative_pronouns and pred.dep_ == "relcl":
                # "Trump, who was refusing ..., and McDaniel": the clause is of what precedes it
                return [t for t in conjuncts(pred.head) if t.i < pred.left_edge.i]
            return conjuncts(child)
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return conjuncts(objects[0])
    if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in pred.children) or _passive_participle(pred):
        # a passive without "by": the agent is unsaid ("... and was jailed", "Arrested in 2012, they"),
        # unless a participle coordinated with it gives one ("was shot and killed *by an officer*")
        return next((conjuncts(o) for c in pred.children if _shares_passive(c)
                     for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), [])
    return inherited_agent(pred, lex, depth)


def acts_for_speaker(verb, lex: Lexicon) -> bool:
    """Whether what ``verb`` tells its addressee to do is the teller's own act: a command ("the
    court ordered the paper to close"), or a directive to the teller's own agent ("asked *his*
    adviser to invite")."""
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if addressee is None:
        return False
    lemma = verb.lemma_.lower()
    own_agent = possessive_pronoun(addressee) is not None  # "asked *his* adviser"
    return lex.is_("command_verbs", lemma) or (lex.is_("directive_verbs", lemma) and own_agent)


def inherited_agent(pred, lex: Lexicon, depth: int) -> list:
    """The actor of a clause without a subject, from the clause it depends on."""
    if depth >= MAX_CLIMB or pred.head.i == pred.i:
        return []
    head, dep = pred.head, pred.dep_
    if dep == "xcomp" and head.pos_ in ("VERB", "AUX"):
        addressee = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        if addressee is not None and not lex.is_("intent_verbs", head.lemma_.lower()):
            if acts_for_speaker(head, lex):
                return agent_of(head, lex, depth + 1)
            return conjuncts(addressee)
        return agent_of(head, lex, depth + 1)
    if dep in ("conj", "advcl", "xcomp", "ccomp", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        found = agent_of(head, lex, depth + 1)
        if dep == "conj" and head.dep_ == "ccomp" and found and not any(names_doer(t) for t in found):
            # "said the backtracking was absurd and accused the government": a reported clause
            # whose subject does nothing; the parser put the speaker's second act inside it
            return agent_of(head.head, lex, depth + 1)
        # a passive head without "by" has no agent to lend: look further up
        return found or inherited_agent(head, lex, depth + 1)
    if dep == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if is_transparent(governor, lex):
            return noun_agent(governor, lex, depth + 1)  # "a campaign of hacking": the campaign's actor
        obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
        if head.lower_ in ("for", "of", "with") and obj is not None:
            return conjuncts(obj)  # "blamed the forces for attempting": the forces attempt
        return agent_of(governor, lex, depth + 1) if governor.pos_ in ("VERB", "AUX") else []
    if dep in ("acl", "xcomp") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if pred.tag_ == "VBN" and head.dep_ != "ROOT":
            return []  # "the officers charged with": the noun is the patient
        lemma = head.lemma_.lower()
        if lex.is_("document_nouns", lemma):
            return document_author(head, lex, depth + 1)  # "a report accusing the army": the report's author
        if head.dep_ == "ROOT":
            return conjuncts(head)  # no finite verb: the parser took the main verb for a participle
        if is_event_noun(head, lex) or is_transparent(head, lex) or lex.is_("intent_nouns", lemma) or lex.is_(
            "refusal_nouns", lemma
        ):
            return noun_agent(head, lex, depth + 1)
        return conjuncts(head)
    return []


def document_author(noun, lex: Lexicon, depth: int) -> list:
    """Who speaks through a report, resolution or letter: its possessor, or who issued it ("the
    agency *issued* a report accusing ..."), not who acted on it ("the US *vetoed* a resolution
    calling for ...": the resolution, which is no doer)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return conjuncts(child)
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and depth < MAX_CLIMB and (
        noun.dep_ == "attr" or lex.is_("issuing_verbs", head.lemma_.lower())
    ):
        return agent_of(head, lex, depth + 1)
    return conjuncts(noun)


def commanded(pred, lex: Lexicon) -> list:
    """"ordered the newspaper to suspend publication": the addressee of a command, which the
    commanded action is done to when it names no target of its own."""
    head = pred.head
    if pred.dep_ != "xcomp" or not lex.is_("command_verbs", head.lemma_.lower()):
        return []
    return [c for c in head.children if c.dep_ in ("dobj", "dative")][:1]


def possessive_pronoun(token):
    """The possessive pronoun that owns ``token`` ("*his* adviser"), or None."""
    return next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)


def antecedent(token, verb):
    """What ``token`` stands for as an argument of ``verb``: a relative pronoun of a relative
    clause stands for the noun the clause is on ("the vessel *that* was seized")."""
    return verb.head if verb.dep_ == "relcl" and token.lower_ in english().relative_pronouns else token


def is_event_noun(token, lex: Lexicon) -> bool:
    return bool(lex.noun_patterns(token.lemma_.lower()))


def noun_agent(noun, lex: Lexicon, depth: int = 0) -> list:
    """The actor of a nominal event: its possessor, an agent "by" phrase, an actor compound, or
    the subject of the support verb that takes it ("X held talks")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return conjuncts(child)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return conjuncts(objects[0])
    pattern = lex.noun_patterns(noun.lemma_.lower())
    # a meeting is named after its venue ("the Helsinki summit"), aid after its recipient ("Gaza
    # aid"): a place compound is no actor there
    venue = pattern and (pattern[0].reciprocal or pattern[0].code[:2] == "07")
    actor_kinds = ("NORP", "ORG", "PERSON") if venue else ("GPE", "NORP", "ORG", "PERSON")
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod") and child.ent_type_ in actor_kinds:
            return [child]
    head = noun.head
    if noun.dep_ == "conj" and depth < MAX_CLIMB:
        return noun_agent(head, lex, depth + 1)  # "expressed its rejection and *condemnation*"
    if depth < MAX_CLIMB and _takes_event(head, lex):
        if noun.dep_ in ("dobj", "attr"):
            return agent_of(head, lex, depth + 1)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and depth < MAX_CLIMB and _takes_event(head.head, lex):
        if head.lower_ in ("in", "on", "into", "to", "for") and head.head.dep_ != "agent":
            return agent_of(head.head, lex, depth + 1)
    if noun.dep_ == "compound" and is_transparent(head, lex):
        return noun_agent(head, lex, depth + 1)
    if noun.dep_ == "pobj" and head.head.pos_ == "NOUN" and is_transparent(head.head, lex):
        return noun_agent(head.head, lex, depth + 1)
    return []


def _takes_event(verb, lex: Lexicon) -> bool:
    """Whether ``verb`` is one whose subject does its object event ("hold talks", "want a summit")."""
    lemma = verb.lemma_.lower()
    return verb.pos_ in ("VERB", "AUX") and any(
        lex.is_(c, lemma) for c in ("support_verbs", "intent_verbs", "refusal_verbs", "threat_verbs")
    )


def is_transparent(token, lex: Lexicon) -> bool:
    return lex.is_("transparent_nouns", token.lemma_.lower())


ABSTRACT_CLASSES = ("transparent_nouns", "author_nouns", "intent_nouns", "allegation_words", "claim_words",
                    "refusal_nouns")  # not documents: they speak for their authors ("the report faulted X")
ABSTRACT_MIN_LETTERS = 8  # an abstract ending counts on longer words only (not "city", "faction")


def is_abstract(token, lex: Lexicon) -> bool:
    """A common noun that names a thing done, said or thought, not an actor: an event noun
    ("attacks"), a noun of the dictionary's abstract classes ("demands", "campaign", "report"),
    or a nominalisation: an abstract ending with the arguments of the verb it comes from
    ("violations *of* the law *by* China"), unless the actor lists know it ("government")."""
    if token.pos_ != "NOUN" or is_actor_noun(token):
        return False
    lemma = token.lemma_.lower()
    return (is_event_noun(token, lex) or any(lex.is_(c, lemma) for c in ABSTRACT_CLASSES)
            or (len(lemma) >= ABSTRACT_MIN_LETTERS and lemma.endswith(english().abstract_suffixes)
                and any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by")) for c in token.children)))


def prep_objects(token, word: str) -> list:
    """Objects of the preposition ``word`` under ``token`` ("talks *with* X" -> X), also where
    the parser hung it on a particle taken for a preposition ("pulled *out of* X")."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == word:
            out += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        elif child.dep_ == "prep" and not any(c.dep_ in ("pobj", "pcomp") for c in child.children):
            out += prep_objects(child, word)
    return out


def verb_targets(pred, pattern: Pattern, object_noun, lex: Lexicon, known=None) -> list:
    """The target tokens of a verbal predicate, looked for in the pattern's order. A slot that
    names an actor (a person, organisation or country) wins over an earlier one that does not:
    "provided *Sri Lanka* with technology"."""
    # a reciprocal event's partner is its object or "with" phrase, never "a deal *on* the border"
    # nor is the thing offered the one it is offered to: such patterns keep to their own slots
    strict = pattern.reciprocal or pattern.needs_target
    defaults = DEFAULT_TARGETS
    if lex.is_("request_roots", pattern.code[:2]):
        defaults = defaults[:2] + ("complement",) + defaults[2:]  # "asked that *China* respect ...": who is to act
    fallback = () if strict else tuple(s for s in defaults if s not in pattern.target)
    order = pattern.target + fallback
    if object_noun is not None and not pattern.target:
        order = tuple(s for s in DEFAULT_TARGETS if s != "dobj") + ("of",)
    direct = next((c for c in pred.children if c.dep_ == "dobj"), object_noun)
    # the object noun is the event's own word ("imposed *sanctions* on X"), no target, unless the
    # pattern names it as its target (slot "object": "seized forty *hostages*")
    held = None if "object" in pattern.target else object_noun
    candidates = []
    for slot in order:
        found = _slot(pred, slot, held) if slot != "object" else [object_noun] if object_noun is not None else []
        if not found and direct is not None and slot not in ("dobj", "dative", "complement", "of"):
            # "provided a loan *to* Ukraine", "closed borders *with*", "sanctions imposed *on* X"
            found = prep_objects(direct, slot) or [
                f for c in direct.children if c.dep_ == "acl" for f in prep_objects(c, slot)
            ]
        elif not found and object_noun is not None and slot == "of":
            found = prep_objects(object_noun, slot)
        # not the event noun itself nor the pattern's own words ("went *on strike*", "stopped *work*")
        found = [f for f in found if is_actor_like(f) and not _holds(f, held) and f.lower_ not in pattern.words]
        if found:
            candidates.append([t for f in found for t in conjuncts(_through_event_noun(f, lex, pattern.code))])
    # among the slots a pattern names itself, an actor beats a thing ("provided *Kenya* with radar");
    # otherwise the first slot wins ("accused *the legislation* of ...")
    named = [c for c in candidates if names_actor(c[0]) or (known is not None and known(c[0]))]
    if pattern.target and named:
        return named[0]
    if candidates:
        return candidates[0]
    if object_noun is not None:
        return participle_objects(pred) + participle_objects(object_noun) + participle_objects(direct)
    return []


ACTOR_ENTITIES = ("PERSON", "ORG", "GPE", "NORP", "LOC")


def names_actor(token) -> bool:
    """Whether the phrase headed by ``token`` names a person, organisation, country or people."""
    if token.ent_type_ in ACTOR_ENTITIES:
        return True
    return any(c.ent_type_ in ACTOR_ENTITIES for c in token.children if c.dep_ in ("compound", "poss", "amod"))


def is_quantity(token) -> bool:
    """A noun of quantity ("some", "dozens", "a majority"): it stands for what its "of" counts."""
    words = nouns().quantity
    return token.lemma_.lower() in words or token.lower_ in words


def names_doer(token) -> bool:
    """Whether a phrase the record has no entity for names a doer: its head is not a common
    noun, an acronym ("ICE"), one of the actor lists' person, group, organisation or polity
    nouns, a quantity of such ("thousands of nurses"), or a weapon or craft standing for its
    force ("Iraqi warplanes")."""
    if token.pos_ != "NOUN" or (token.is_upper and len(token) > 1) or is_actor_noun(token):
        return True
    if is_quantity(token):
        counted = prep_objects(token, "of")  # "thousands of nurses"; "thousands" alone is a crowd
        return not counted or any(names_doer(c) for c in counted)
    return token.lemma_.lower() in nouns().instruments


def location_target(pred, own_clause: bool = True) -> list:
    """"sent troops *in Syria*", "agreed to set up a hospital *in Louisiana*": the territory an
    event with no other target happens to, named in its clause or its complement's."""
    heads = [pred] if own_clause else []
    heads += [c for c in pred.children if c.dep_ in ("xcomp", "dobj")]
    heads += [d for c in heads[1 if own_clause else 0 :] for d in c.children if d.dep_ == "dobj"]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "into", "inside", "across", "throughout"):
                places = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC", "FAC")]
                if places:
                    return places[:1]
    return []


NOT_ACTORS = NUMERIC_LABELS  # dates and amounts are never arguments


def is_actor_like(token) -> bool:
    """Whether a token can name a source or target: a noun or pronoun, not a date or an amount."""
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or token.tag_ in ("WP", "WDT"):
        return False  # "what he calls hell": a wh-word names no actor
    if token.ent_type_ not in NOT_ACTORS:
        return True
    if token.tag_ == "NNS" and token.dep_ in ("nsubj", "nsubjpass"):
        return True  # "Thousands protested": a plural count as subject is a crowd
    # "dozens of activists": a quantity with an "of" phrase stands for what it counts
    counted = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    return any(o.ent_type_ not in NOT_ACTORS for o in counted)


NAMING_DEPS = ("oprd", "acomp", "npadvmod")


def naming_parts(verb) -> tuple:
    """(who is named, what they are called) of a naming verb ("called *the senator* *a disgrace*");
    either may be None. The parser gives the name as a predicate noun or adjective, the object
    of "as" ("described him *as* a disgrace"), a second object or predicate, a noun in apposition to the
    object, or an object whose compound is the one named
    ("called [the firefighters] heroes"); the one named may hang inside the name ("Trump a liar")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    names = [c for c in verb.children if c.dep_ in NAMING_DEPS]
    if len(names) > 1 and not objects:  # both taken for predicates: the first is the one named
        return names[0], names[-1]
    name = names[0] if names else None
    if name is None and objects:  # "described the senator *as* a disgrace"
        name = next(iter(prep_objects(verb, "as")), None)
    if name is None and len(objects) > 1:
        name = objects[-1]
    if name is None and objects:
        name = next((c for c in objects[0].children if c.dep_ == "appos"), None)
    if name is None and objects:
        inner = [c for c in objects[0].children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        if inner:
            return inner[-1], objects[0]
    named = objects[0] if objects and objects[0] is not name else None
    if named is None and name is not None:
        named = next((c for c in name.children if c.dep_ in ("nmod", "compound") and names_actor(c)), None)
    return named, name


def direct_objects(verb) -> list:
    """The direct objects of a verb; in a relative clause, the noun it is on where that is the
    object: through a relative pronoun ("the man *whom* police shot") or in the gap of a clause
    with a subject of its own and no object ("the activists the police arrested", "the war
    Saddam waged on Iran")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ != "relcl":
        return objects
    relatives = english().relative_pronouns
    if objects:
        return [antecedent(o, verb) for o in objects]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    clausal = any(c.dep_ in ("ccomp", "xcomp", "dative", "attr", "oprd", "acomp") for c in verb.children)
    gap = subjects and subjects[0].dep_ == "nsubj" and subjects[0].lower_ not in relatives and not clausal
    return [verb.head] if gap else []


def _slot(pred, slot: str, object_noun) -> list:
    if slot == "dobj":
        # not the object that holds the event noun ("carried out *a campaign of hacking*")
        return [c for c in direct_objects(pred) if not _holds(c, object_noun)]
    if slot == "dative":
        return [c for c in pred.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    if slot == "named":  # "called the senator a disgrace", "called Trump a liar"
        named, _ = naming_parts(pred)
        return [named] if named is not None else []
    if slot == "complement":
        for child in pred.children:
            # "called for *Russia* to release": the parser's adverbial clause right after the verb
            opens = child.dep_ == "advcl" and any(m.dep_ == "mark" and m.i == pred.i + 1 for m in child.children)
            if child.dep_ in ("ccomp", "oprd", "xcomp", "acomp") or opens:
                subjects = [c for c in child.children if c.dep_ in SUBJECTS]
                if subjects:
                    return subjects
        return [c for c in pred.children if c.dep_ == "dobj"]
    return prep_objects(pred, slot)


def _holds(phrase, token) -> bool:
    return token is not None and phrase.left_edge.i <= token.i <= phrase.right_edge.i


def _through_event_noun(token, lex: Lexicon, code: str = ""):
    """"rejected cooperation with the court": the target of an event noun is its own target;
    "refused a request from the mayor": a request's author is whom the refusal answers;
    "condemned the regime's attacks", "blamed police shootings": praise and blame are aimed at
    whoever did or owns the thing judged, else at the thing."""
    # (a campaign, an effort is judged as its owner: "endorsing Trump's presidential campaign")
    evaluative = lex.is_("evaluative_roots", code[:2]) and (not names_doer(token) or is_transparent(token, lex))
    if evaluative or lex.is_("author_nouns", token.lemma_.lower()):
        found = author(token)
        if found is not None and (not evaluative or names_doer(found) or found.pos_ == "ADJ"):
            return found  # "condemned the act *of aggression*" is aimed at no one yet
    patterns = lex.noun_patterns(token.lemma_.lower())
    if not patterns or evaluative:
        return token
    for slot in patterns[0].target or NOUN_TARGETS:
        found = prep_objects(token, slot)
        if found and found[0].pos_ in ("PROPN", "NOUN", "PRON"):
            return found[0]
    place = location_target(token)  # "provided $340 million for assistance *in northern Iraq*"
    return place[0] if place else token


def owner_of(noun, adjectives: bool = True):
    """Whose a thing is: "X's", "the Clinton campaign", "police shootings", "the Israeli
    proposal" (with ``adjectives``), "assets belonging to X" (not a possessive pronoun, which
    names no one itself)."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    for child in noun.lefts:
        if child.dep_ == "compound" and (names_actor(child) or is_actor_noun(child)):
            return child
        if adjectives and child.dep_ == "amod" and child.ent_type_ in ("NORP", "GPE"):
            return child
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() == "belong":
            owners = prep_objects(child, "to")
            if owners:
                return owners[0]
    return None


def author(noun, adjectives: bool = True):
    """Who made a request, offer or appeal: its owner ("the Israeli proposal", with
    ``adjectives``), or "from X", "by X", "of X", "made by X"."""
    found = owner_of(noun, adjectives)
    if found is not None:
        return found
    for word in ("from", "by", "of"):
        found = [f for f in prep_objects(noun, word) if is_actor_like(f)]
        if found:
            return found[0]
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agents = [o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if agents:
                return agents[0]
    return None


def participle_objects(token) -> list:
    """"an indictment charging twelve officers": the object of a participle clause on ``token``."""
    for child in token.children:
        if child.dep_ in ("acl", "advcl") and child.tag_ == "VBG":
            return [c for c in child.children if c.dep_ == "dobj"]
    return []


def noun_targets(noun, pattern: Pattern) -> list:
    """The target tokens of a nominal event ("summit *with* the Russian leader")."""
    # coordinated event nouns share their phrases: "rejection and condemnation *of* X"
    nouns = [noun, *[c for c in noun.conjuncts if c.pos_ == "NOUN"]]
    for slot in (pattern.target or NOUN_TARGETS) + ("between",):
        found = [f for n in nouns for f in prep_objects(n, slot) if is_actor_like(f)]
        if found:
            return conjuncts(found[0])
    if noun.dep_ == "compound" and lexicon().is_("transparent_nouns", noun.head.lemma_.lower()):
        return noun_targets(noun.head, pattern)  # "a mediation effort *between* X and Y"
    return participle_objects(noun) or _suffered_by(noun) or ([] if pattern.reciprocal else location_target(noun))


def _suffered_by(noun) -> list:
    """"the town was shelled *in* Russian strikes", "were killed *by* the attack": the one a
    passive verb tells of suffers the event that does it."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ("in", "by") or head.head.pos_ not in ("VERB", "AUX"):
        return []
    return passive_subjects(head.head, lexicon())[:1]


def passive_subjects(verb, lex: Lexicon) -> list:
    """Who a passive verb tells of: its passive subject; for a passive coordinated with an
    active verb, their shared subject ("fled the country and *was arrested*"); for a participle
    opening its clause, the clause's subject ("*Arrested* in 2012, the officers ...")."""
    found = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    if not found and verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
        return agent_of(verb.head, lex)[:1]
    if not found and _shares_passive(verb):  # "was shot and *killed*": the subject of "was shot"
        return [c for c in verb.head.children if c.dep_ in PASSIVE_SUBJECTS]
    if not found and _passive_participle(verb):
        return [c for c in verb.head.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS][:1]
    return found


def _shares_passive(verb) -> bool:
    """A participle coordinated with a passive verb, sharing its auxiliary and subject: "was
    shot and *killed*"."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and any(
        c.dep_ in PASSIVE_SUBJECTS for c in verb.head.children) and not any(
        c.dep_ in SUBJECTS | PASSIVE_SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children)


def _passive_participle(verb) -> bool:
    """A past participle heading an adverbial clause of its own ("*Arrested* in 2012, they ...")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children)


def between_pair(noun) -> list:
    """"talks between X and Y" -> [X, Y]."""
    found = prep_objects(noun, "between")
    return conjuncts(found[0]) if found else []


MEMBER_TYPES = (("organisation", ("ORG",)), ("polity", ("GPE",)), ("person", ("PERSON", "NORP")),
                ("relational", ("PERSON", "ORG", "GPE", "NORP")))  # "critics, including ...": anyone
MEMBER_WORDS = ("including", "like")


def members(group, verb) -> list:
    """The named members of a plural group an "including" phrase lists: "several countries,
    *including* France and Germany, condemned ..."; "many firms have left Russia since the war,
    *including* Exxon and Equinor" (where the parser hung the phrase elsewhere in the clause, its
    names must be of the group's kind: companies for firms, countries for countries)."""
    clause = verb  # where an "including" phrase the parser hung elsewhere is looked for
    if group.tag_ == "PRP$":  # "firms announced *their* withdrawal": the subject they stand for
        clause = next((a for a in group.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            return []
        group = next((c for c in clause.children if c.dep_ == "nsubj"), group)
    if group.pos_ != "NOUN" or group.tag_ != "NNS":
        return []
    lemma = group.lemma_.lower()
    kinds = next((types for name, types in MEMBER_TYPES if lemma in getattr(nouns(), name)), None)
    if kinds is None:
        return []
    own = [t for t in group.subtree if t.dep_ == "prep" and t.lower_ in MEMBER_WORDS]
    elsewhere = [t for t in clause.subtree if t.dep_ == "prep" and t.lower_ in MEMBER_WORDS and t not in own]
    for prep, strict in [(p, False) for p in own] + [(p, True) for p in elsewhere]:
        names = [m for o in prep.children if o.dep_ == "pobj" for m in conjuncts(o)]
        # names of the group's kind (or untyped); hung elsewhere, one at least of that kind
        if not names or any(n.pos_ != "PROPN" or n.ent_type_ not in kinds + ("",) for n in names):
            continue
        if not strict or any(n.ent_type_ in kinds for n in names):
            return names
    return []
