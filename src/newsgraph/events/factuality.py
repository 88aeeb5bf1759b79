"""Factuality: whether the article asserts that an event happened (or is happening).

Only asserted events are events. The others are readings the coder rejects, kept with their
reason for ``newsgraph analyze --explain``:

- ``negated``: "did not meet", "his failure to confront" (see :mod:`newsgraph.events.mood`);
- ``hypothetical``: a condition, a possibility, an obligation or a purpose: "if Trump agrees",
  "whether they meet", "could impose", "might attack", "must consult", "would need to consult",
  "sent troops *to attack* the rebels", "set up an agency *to seize* assets";
- ``question``: the sentence asks: "Will Russia invade?";
- ``claimed``: the event is what someone claims, denies or accuses another of: "Putin blamed
  US forces for attempting to sabotage the talks", "denied that the army shelled the town",
  "the idea that the U.S. is training the Islamic State"; the claim itself is the speaker's
  verbal act (112, 114, ...), coded from its own verb.

Stated intentions, offers, threats, demands and appeals are verbal events in their own right
("said it would back the resolution": 032), so a plain verb of saying does not make its
content a claim. The word classes are in ``data/events/patterns.yaml``.
"""

from __future__ import annotations

from newsgraph.english import english
from newsgraph.events.arguments import acts_for_speaker
from newsgraph.events.patterns import Lexicon
from newsgraph.quotes import claims

ASSERTED, NEGATED, HYPOTHETICAL, QUESTION, CLAIMED = "asserted", "negated", "hypothetical", "question", "claimed"

CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "conj", "pcomp", "pobj", "prep", "acl", "relcl", "dobj")
MAX_CLIMB = 6  # how many clauses up a predicate looks for what governs it


def factuality(token, negated: bool, lex: Lexicon) -> str:
    """The factuality of the predicate ``token`` (``negated``: its mood already negated it)."""
    if negated:
        return NEGATED
    if _is_modal(token, lex):
        return HYPOTHETICAL
    clause, content = token, True  # content: still inside what a governing verb reports
    for _ in range(MAX_CLIMB):
        if any(c.dep_ == "mark" and lex.is_("conditional_marks", c.lower_) for c in clause.children):
            return HYPOTHETICAL
        if _is_purpose(clause, lex):
            return HYPOTHETICAL  # "sent troops to the border *to attack* the rebels": intended, not done
        if clause.dep_ not in CLAUSE_DEPS or clause.head.i == clause.i:
            break
        governor = clause.head
        # an adverbial or relative clause is not what its governor reports; a noun's own
        # complement is ("the idea *that* ...", "its finding *that* ...")
        content = content and (clause.dep_ not in ("advcl", "relcl", "acl") or (
            clause.dep_ == "acl" and _claim_word(governor.lemma_.lower(), lex)))
        if content and _claims(governor, clause, lex):
            return CLAIMED
        if _requests(governor, clause, lex):
            return HYPOTHETICAL  # "urged Dean *to apologize*": what is asked for has not happened
        if content and lex.is_("speech_verbs", governor.lemma_.lower()):
            content = False  # plainly reported ("said they arrested him"): the report asserts it
        modal = _is_modal(governor, lex)
        if clause.dep_ == "xcomp" and _necessity(governor, lex):
            return HYPOTHETICAL  # "they need to consult their governments": required, not done
        if modal and clause.dep_ in ("ccomp", "advcl", "xcomp") and not _presupposed(clause, lex):
            # "could attack, killing ...": the possibility covers its complement, but not a clause
            # its mark presupposes ("may simmer down *now that* he has endorsed Trump")
            return HYPOTHETICAL
        clause = governor
    if _asks(token):
        return QUESTION
    return ASSERTED


def _is_modal(token, lex: Lexicon) -> bool:
    """A modal of possibility or of obligation on the verb: what it says may or must happen."""
    return _is_possibility(token, lex) or _is_obligation(token, lex)


def _is_possibility(token, lex: Lexicon) -> bool:
    """ "could impose", "might attack", "may meet": a modal of possibility on the verb."""
    return any(c.dep_ == "aux" and lex.is_("possibility_auxiliaries", c.lower_) for c in token.children)


def _is_obligation(token, lex: Lexicon) -> bool:
    """ "must consult", "should resign": a modal of obligation on the verb says what is required."""
    return any(c.dep_ == "aux" and lex.is_("deontic_auxiliaries", c.lower_) for c in token.children)


def _necessity(verb, lex: Lexicon) -> bool:
    """A verb of necessity governing an infinitive: "need to", "have to", "have got to" — but
    not a past "had to", which says it was done ("they had to flee"), nor "got to" without
    "have", an opportunity taken ("he got to meet the president")."""
    if not lex.has("necessity_verbs", verb):
        return False
    lemma = verb.lemma_.lower()
    if lemma == "have":
        return verb.tag_ not in ("VBD", "VBN")
    if lemma == "get":
        return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    return True


def _is_purpose(clause, lex: Lexicon) -> bool:
    """An infinitive of purpose: an adverbial clause ("sent troops *to attack* the rebels") or a
    noun's infinitive ("an agency *to seize* assets"), but not one after an ordinal or superlative
    ("the first leader *to visit* Kyiv", which says he did), nor the complement of a noun of
    refusal or intent ("their refusal *to meet*": the mood's, not a purpose)."""
    if clause.dep_ not in ("advcl", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    if clause.dep_ == "advcl":
        return True
    noun = clause.head
    if lex.has("refusal_nouns", noun) or lex.has("intent_nouns", noun):
        return False
    return not any(c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or c.lower_ in ("only", "last", "next")
                   for c in noun.children if c.dep_ in ("amod", "advmod", "det"))


def _requests(governor, clause, lex: Lexicon) -> bool:
    """Whether ``clause`` is what an appeal or a demand asks for ("urged X *to* apologize",
    "called on X *to* resign", "demanded that X release ..."): a verb whose pattern, with its
    particle or preposition, is of a request root (``request_roots``); a command's act is the
    commander's, and a directive to one's own agent the principal's, and they stay ("ordered the
    paper to close", "asked his envoy to invite the king")."""
    if clause.dep_ not in ("xcomp", "ccomp") or governor.pos_ != "VERB" or acts_for_speaker(governor, lex):
        return False
    words = {c.lower_ for c in governor.children if c.dep_ in ("prt", "prep")}
    patterns = lex.verb_patterns(governor.lemma_.lower())
    return any(lex.is_("request_roots", p.code[:2]) and set(p.words) <= words for p in patterns)


def _presupposed(clause, lex: Lexicon) -> bool:
    """A clause opened by a factive mark ("because", "since", "now that"): true whatever the
    modality of the clause it hangs on."""
    for mark in (c for c in clause.children if c.dep_ == "mark"):
        before = mark.doc[mark.i - 1] if mark.i > 0 else None
        return lex.is_("factive_marks", mark.lower_) or (before is not None and lex.is_("factive_marks", before.lower_))
    return False


def _claims(governor, clause, lex: Lexicon) -> bool:
    """Whether ``clause`` is the content of a claim, denial or accusation made by ``governor``:
    "claimed *that* ...", "denied (that) ...", "blamed X *for* attempting ...", "accused X *of*
    ...", "the idea *that* ..."."""
    lemma = governor.lemma_.lower()
    if _claim_word(lemma, lex) and clause.dep_ in ("ccomp", "xcomp", "acl"):
        return True
    if clause.dep_ in ("pcomp", "pobj") and governor.dep_ == "prep" and governor.lower_ in ("for", "of"):
        return _claim_word(governor.head.lemma_.lower(), lex)
    return False


def _claim_word(lemma: str, lex: Lexicon) -> bool:
    """A noun that presents what follows as a claim ("the idea that"), or a cue verb whose
    content is its speaker's claim (the quotes stage's notion: "claimed", "denied", "believes")."""
    return lex.is_("claim_words", lemma) or claims(lemma)


def _asks(token) -> bool:
    """A predicate of a sentence ending in a question mark, outside a quotation."""
    sent = token.sent
    marks = english().quote_marks  # a question closing a quotation still ends the sentence
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in marks), None)
    return last is not None and last.text == "?"
