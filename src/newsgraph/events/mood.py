"""Mood: whether an event happened, is intended, or was refused or negated.

"will meet", "wants another summit", "offered to send troops" are intentions: cooperation
becomes express intent (03x) and conflict becomes a threat (13x). "refused to meet", "failed to
reach agreement", "will not lift the embargo" are refusals: cooperation becomes a rejection
(12x); a plain negation ("did not meet") says the event did not happen. A refused or negated
conflict ("his failure to confront") is no event: it stays, marked
``negated``. The tables that turn one code into another are in ``patterns.yaml`` (``moods``).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.events.patterns import Lexicon, Pattern


@dataclass(slots=True)
class Mood:
    intent: bool = False
    refusal: bool = False
    negated: bool = False
    wrapper: object = None  # the governing token that gave the mood ("agreed" in "agreed to meet")


def mood_of(pred, lex: Lexicon) -> Mood:
    """The mood of a predicate token, from its own auxiliaries and negation and its governors."""
    mood = Mood()
    _own_marks(pred, lex, mood)
    token = pred
    for _ in range(3):
        governor = _governor(token)
        if governor is None:
            break
        if token.dep_ == "dobj" and token.pos_ == "NOUN" and lex.has("support_verbs", governor):
            _own_marks(governor, lex, mood)  # "hoped to *reach* an agreement": the support verb's mood
            token = governor
            continue
        if lex.has("refusal_verbs", governor) or lex.has("refusal_nouns", governor):
            mood.refusal, mood.wrapper = True, governor
        elif _is_intent_governor(governor, token, lex):
            mood.intent, mood.wrapper = True, governor
        else:
            break
        _own_marks(governor, lex, mood)
        token = governor
    return mood


def _own_marks(token, lex: Lexicon, mood: Mood) -> None:
    for child in token.children:
        if child.dep_ == "neg":
            mood.negated = True
        elif child.dep_ == "aux" and lex.is_("future_auxiliaries", child.lower_):
            mood.intent = True


def _governor(token):
    """The word a complement depends on: "agreed *to meet*", "failure *to confront*",
    "look forward *to our meeting*", "wants *another summit*"."""
    if token.dep_ in ("xcomp", "acl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return token.head
    if token.dep_ == "xcomp":
        return token.head
    if token.dep_ == "dobj":
        return token.head
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in ("to", "for", "on"):
        prep = token.head
        return prep.head.head if prep.head.dep_ == "advmod" else prep.head
    return None


def _is_intent_governor(governor, complement, lex: Lexicon) -> bool:
    if complement.dep_ == "dobj" and complement.pos_ in ("VERB", "AUX"):
        return False
    if lex.has("intent_verbs", governor) or lex.has("intent_nouns", governor) or lex.has("threat_verbs", governor):
        return True
    if complement.dep_ == "xcomp" and lex.is_("future_auxiliaries", governor.lower_):
        return True  # "was not *going* to back him": a future the parser made the head
    return governor.pos_ == "ADJ" and lex.has("intent_adjectives", governor)


def apply_mood(pattern: Pattern, mood: Mood, lex: Lexicon) -> tuple[str, bool]:
    """(code, negated) of an event of ``pattern`` under ``mood``."""
    code = pattern.code
    if mood.negated and pattern.negated_code and not mood.refusal:
        return pattern.negated_code, False
    if mood.refusal or mood.negated:
        if mood.refusal and mood.negated:
            return code, True  # "did not refuse": nothing to code with confidence
        if not mood.refusal and not mood.intent:
            return code, True  # "did not meet": it did not happen; "will not meet" is a refusal
        refused = lex.mood_code("refusal", code)
        return (refused, False) if refused else (code, True)
    if mood.intent:
        return lex.mood_code("intent", code) or code, False
    return code, False
