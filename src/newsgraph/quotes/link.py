"""Joining quoted stretches and cues into quotes, and resolving their speakers.

The rules, in the order they apply:

1. A stretch whose next word (after its closing mark) starts the attribution of a cue
   ("...," she said / "...," said Smith / "...," according to X) or whose previous word
   ends one ("X said: ...", "X told reporters: ...", "X said that ...") is a direct quote
   of that cue, unless the cue's clause runs on well past the stretch (then it is mixed).
2. Stretches in one paragraph joined only by their attribution or by punctuation are one
   quote: split quotes ("...," he said, "...") and runs of quoted sentences.
3. A stretch that fills whole sentences with no cue of its own is a follow-on quote: it
   inherits the speaker of the quote before it, if that one is near.
4. A cue's clause holding no direct quote is indirect speech, or mixed when a stretch
   lies inside it. A quoted fragment elsewhere in a sentence with a speaking cue is a
   partial quote of that speaker when it ends a clause and is more than a term (a few
   words running on inside a phrase are flagged, not quoted); with no cue in its sentence
   it is a scare quote.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field

from newsgraph import nlp
from newsgraph.english import english
from newsgraph.quotes.cues import Attribution, CueWord, speaks, subject_of
from newsgraph.quotes.marks import Stretch
from newsgraph.quotes.media import medium_of
from newsgraph.record import Quote, Span

FOLLOW_ON_PARAGRAPHS = 4  # a follow-on quote inherits a speaker from at most this far back
DIRECT_COVER = 0.75  # share of a cue's clause a stretch must fill to be its direct quote
MIN_FOLLOW_ON_WORDS = 3
MIN_PARTIAL_WORDS = 4  # a quoted fragment outside its cue's clause shorter than this is a flagged term
MIN_CONTENT_CHARS = 2  # a content may be one short word: "endorsed Trump", "does not defend it"
MAX_ATTRIBUTION_GAP = 200  # characters between a quote and its cue, beyond which they are not one phrase
MAX_CREDIT_WORDS = 12  # a dash credit is a name and a short description, not a sentence
MAX_VERB_CLIMB = 4  # heads climbed from a quoted fragment to the verb it belongs to
NEAR_SPEAKER = 3  # words from a speaker's head word to its cue when they make one phrase


@dataclass
class Draft:
    """A quote before its speaker is resolved."""

    content: Span
    kind: str
    attribution: Attribution | None = None
    stretches: list[Stretch] = field(default_factory=list)


class Linker:
    """Joins the stretches and cues of one article (see the module docstring)."""

    def __init__(self, text: str, doc, paras: list[tuple[int, int]], actors, headlines: list[Span] = ()):
        self.text, self.doc, self.paras, self.actors = text, doc, paras, actors
        self.headlines = list(headlines)  # headline, standfirst and caption zones: display text, not reporting
        self._para_starts = [p[0] for p in paras]
        self._token_starts = nlp.token_starts(doc)
        self._named: set[int] = set()  # cues given the name between a quote and them (_named_before_cue)

    def quotes(self, stretches: list[Stretch], attributions: list[Attribution], lines=()) -> list[Quote]:
        """The article's quotes, in text order (``lines``: the paragraphs with speaker labels)."""
        said = [line.content for line in lines]
        stretches = [s for s in stretches if not any(line.line.start <= s.start < line.line.end for line in lines)]
        said += [Span(s.start, s.end) for s in stretches]
        attributions = [a for a in attributions if not any(c.start <= a.verb.idx < c.end for c in said)]
        by_verb = {a.verb.i: a for a in attributions}
        links = [self._trailing(s, by_verb) or self._leading(s, by_verb) for s in stretches]
        drafts = self._direct(stretches, links) + [d for line in lines if (d := self._labelled(line))]
        used = {id(d.attribution) for d in drafts if d.attribution is not None}
        used |= {id(a) for a in attributions if a.verb.i in self._named}  # its report is the quote before it
        covered = [(_extent(d), d.attribution) for d in drafts]
        for a in attributions:
            clause = self._clip(a, covered) if id(a) not in used and a.content is not None else None
            if clause is not None:
                drafts.append(self._reported(a, clause, stretches))
        loose = [s for s in stretches if not any(d.content.overlaps(Span(s.start, s.end)) for d in drafts)]
        loose = [s for s in loose if not self._extends_report(s, drafts)]
        drafts += [d for s in loose if (d := self._partial(s, attributions)) is not None]
        drafts = [d for d in drafts if d.content.end - d.content.start >= MIN_CONTENT_CHARS]
        drafts = [d for d in drafts if not _reported_within(d, drafts)]
        drafts.sort(key=lambda d: (d.content.start, -d.content.end))
        used = {id(d.attribution) for d in drafts}
        announcers = [a for a in attributions if a.content is None and a.speaker is not None and id(a) not in used]
        return self._resolve(drafts, announcers)

    # -- where things are -------------------------------------------------------------

    def _para(self, offset: int) -> int:
        i = bisect.bisect_right(self._para_starts, offset) - 1
        return i if i >= 0 and offset <= self.paras[i][1] else -1

    def _token_at(self, offset: int):
        i = bisect.bisect_right(self._token_starts, offset) - 1
        return self.doc[max(i, 0)]

    def _next_word(self, offset: int):
        """The first token at or after ``offset`` that is not punctuation, in the same paragraph."""
        p = self._para(offset - 1)
        i = bisect.bisect_left(self._token_starts, offset)
        while i < len(self.doc) and (self.doc[i].is_punct or self.doc[i].is_space):
            i += 1
        if i >= len(self.doc) or p < 0 or self.doc[i].idx >= self.paras[p][1]:
            return None
        return self.doc[i]

    def _previous_word(self, offset: int):
        """The last word before ``offset``: in its paragraph, or ending the one above with a colon."""
        i = bisect.bisect_left(self._token_starts, offset) - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space):
            i -= 1
        if i < 0:
            return None
        token = self.doc[i]
        if self._para(token.idx) == self._para(offset):
            return token
        gap = self.text[token.idx + len(token) : offset].strip()
        return token if gap.startswith(":") else None

    # -- rule 1: direct quotes ----------------------------------------------------------

    def _dash_credit(self, stretch: Stretch) -> Attribution | None:
        """A name after a dash that closes the paragraph: "..." — Ana Ruiz, a nurse."""
        p = self._para(stretch.end - 1)
        m = _DASH_CREDIT.match(self.text, stretch.end, self.paras[p][1]) if p >= 0 else None
        if m is None or len(m.group(2).split()) > MAX_CREDIT_WORDS:
            return None
        dash = self._token_at(m.start(1))
        name = self._next_word(m.end(1))
        if name is None or name.pos_ not in ("PROPN", "NOUN"):
            return None
        while name.i + 1 < len(self.doc) and self.doc[name.i + 1].pos_ == "PROPN" and not self.doc[name.i + 1].is_punct:
            name = self.doc[name.i + 1]
        return Attribution(dash, Span(m.start(1), m.end(1)), CueWord("dash"), name, None)

    def _trailing(self, stretch: Stretch, by_verb: dict) -> Attribution | None:
        """The cue right after a stretch: "...," she said / said Smith / according to X / — Name."""
        credit = self._dash_credit(stretch)
        if credit is not None:
            return credit
        word = self._next_word(stretch.end)
        if word is None:
            return None
        if not self._ends_clause(stretch):
            return None
        here = Span(stretch.start, stretch.end)
        for a in _attributions_near(word, by_verb):
            if a.verb.i < word.i:
                continue
            if a.content is not None and not a.content.overlaps(here) and not self._split(stretch, a.content) \
                    and not _said_of(a):
                continue
            if word.i == a.verb.i or _in_phrase(word, a.speaker) or (word.head.i == a.verb.i and word.dep_ in _LEAD_IN):
                return None if self._finishes_clause(stretch, a) else self._speaker_outside(a, stretch)
        return self._named_before_cue(stretch, word, by_verb)

    def _named_before_cue(self, stretch: Stretch, word, by_verb: dict) -> Attribution | None:
        """'“...,” Ann Lee, the party's former chair, said of ...': a name and its
        appositions between a quote and its cue, which the parse hangs elsewhere (on the quote):
        the first verb after the quote is a cue whose report is not elsewhere, and the name speaks."""
        if word.pos_ not in ("PROPN", "NOUN") or self._last_inside(stretch) != ",":
            return None  # only the quote that a comma leaves open for its attribution
        opening = self._token_at(stretch.start)
        if opening.i > opening.sent.start:
            return None  # a quote opening its sentence: not "Bemoaning the “phony system,” Trump accused ..."
        verb = next((t for t in self.doc[word.i : word.sent.end] if t.pos_ in ("VERB", "AUX")), None)
        a = by_verb.get(verb.i) if verb is not None else None
        if a is None or not (a.content is None or a.content.overlaps(Span(stretch.start, stretch.end)) or _said_of(a)):
            return None
        speaker = word
        while speaker.head.i < verb.i and speaker.head.pos_ in _NOMINAL and speaker.dep_ in _NAME_PARTS:
            speaker = speaker.head
        self._named.add(verb.i)
        return dataclasses.replace(a, speaker=speaker)

    def _split(self, stretch: Stretch, content: Span) -> bool:
        """Whether a cue stands inside a split quoted sentence ('"If you look at it," she said,
        "we agree."'): the first part ends with a comma and the cue's content opens at a quote
        mark. The cue is then the attribution of both parts."""
        if self._last_inside(stretch) != ",":
            return False
        before = self.text[: content.start].rstrip()[-1:]
        return self.text[content.start : content.start + 1] in english().quote_marks or before in english().quote_marks

    def _speaker_outside(self, a: Attribution, stretch: Stretch) -> Attribution:
        """The attribution with its speaker taken from outside the quote: the parse sometimes
        makes a word of the quote the subject of "said" in '"...," said Ana Ruiz'."""
        if a.speaker is None or not stretch.start <= a.speaker.idx < stretch.end:
            return a
        before = self.doc[a.verb.i - 1] if a.verb.i > 0 else None
        if before is not None and before.idx >= stretch.end and before.pos_ in _NOMINAL:
            return dataclasses.replace(a, speaker=before)
        after = next((t for t in self.doc[a.verb.i + 1 : a.verb.sent.end] if t.pos_ in _NOMINAL), None)
        if after is None:
            return dataclasses.replace(a, speaker=None)
        while after.head.i > a.verb.i and after.head.pos_ in _NOMINAL and after.dep_ in _NAME_PARTS:
            after = after.head
        return dataclasses.replace(a, speaker=after)

    def _finishes_clause(self, stretch: Stretch, a: Attribution) -> bool:
        """Whether a stretch only ends the clause its cue reports ("Teachers are "very pro-union,"
        she said."): then the clause, with the quoted words in it, is a mixed quote."""
        if a.content is None or a.content.start >= stretch.start:
            return False
        return any(ch.isalnum() for ch in self.text[a.content.start : stretch.start])

    def _leading(self, stretch: Stretch, by_verb: dict) -> Attribution | None:
        """The cue right before a stretch: "X said: ...", "X told reporters, ...", "X said that ..."."""
        word = self._previous_word(stretch.start)
        if word is None:
            return None
        gap = self.text[word.idx + len(word) : stretch.start]
        if not (word.lower_ == "that" or word.i in by_verb or any(ch in gap for ch in ":,")):
            return None
        if any(ch in gap for ch in ".!?"):
            return None  # a cue ending the sentence before leads into no quote ("..., where she also spoke. “...”")
        if not self._ends_clause(stretch):
            return None
        token = word
        for _ in range(4):
            a = by_verb.get(token.i)
            if a is not None and not _in_phrase(word, a.speaker):
                return a if _fills(stretch, a.content) else None
            if token.head.i == token.i:
                break
            token = token.head
        return self._colon_lead_in(word, gap)

    def _colon_lead_in(self, word, gap: str) -> Attribution | None:
        """A sentence that introduces a quote with a colon and no cue word ("She put it
        bluntly: ..."): the quote belongs to the subject of that sentence."""
        if not gap.lstrip().startswith(":"):
            return None
        root = _top_before(word)
        speaker = subject_of(root) if root is not None else None
        if speaker is None or speaker.i > word.i or speaker.pos_ not in ("PROPN", "PRON", "NOUN"):
            return None
        if speaker.lower_ in _NOT_SPEAKERS:
            return None
        colon = word.idx + len(word) + gap.index(":")
        return Attribution(root, Span(colon, colon + 1), CueWord(":"), speaker, None)

    def _ends_clause(self, stretch: Stretch) -> bool:
        """Whether a stretch ends a clause: punctuation inside its closing mark or right after it,
        or nothing after it in its paragraph (not a phrase running on: "blamed "powerful" forces")."""
        if self._last_inside(stretch) in _CLAUSE_END:
            return True
        after = self.text[stretch.end : self.paras[self._para(stretch.end - 1)][1]].lstrip()
        return not after or after[0] in _CLAUSE_END

    def _last_inside(self, stretch: Stretch) -> str:
        """The last character of a stretch inside its closing quote marks ("," of '"We won,"')."""
        return self.text[stretch.start : stretch.end].rstrip("”\"»'’` ")[-1:]

    def _direct(self, stretches: list[Stretch], links: list) -> list[Draft]:
        """Direct quotes: linked stretches, with the stretches that run on from them (rule 2, 3)."""
        drafts: list[Draft] = []
        for stretch, a in zip(stretches, links, strict=True):
            if _is_title(self.text[stretch.start + 1 : stretch.end - 1].strip(" ,.'’\"”")):
                continue  # a quoted name ("appeared on “The View,” saying ...") is no speech
            last = drafts[-1] if drafts else None
            if last is not None and self._runs_on(last, stretch, a) and _mostly_quoted(last, stretch):
                last.stretches.append(stretch)
                last.content = Span(last.content.start, stretch.end)
                last.attribution = last.attribution or a
            elif a is not None or self._whole_sentences(stretch):
                drafts.append(Draft(Span(stretch.start, stretch.end), "direct", a, [stretch]))
        return [d for d in drafts if d.attribution is not None or _words(self.text, d.content) >= MIN_FOLLOW_ON_WORDS]

    def _runs_on(self, last: Draft, stretch: Stretch, a: Attribution | None) -> bool:
        """Whether a stretch continues the quote before it: same paragraph, nothing between
        but punctuation and that quote's own attribution, and no cue of its own (or the same)."""
        if self._para(stretch.start) != self._para(last.content.end - 1):
            return False
        if a is not None and last.attribution is not None and a is not last.attribution:
            return False
        own = last.attribution or a
        i = bisect.bisect_left(self._token_starts, last.content.end)
        while i < len(self.doc) and self.doc[i].idx < stretch.start:
            token = self.doc[i]
            if not (token.is_punct or token.is_space or (own is not None and _in_attribution(token, own))):
                return False
            i += 1
        return True

    def _whole_sentences(self, stretch: Stretch) -> bool:
        """A stretch that is a sentence or more on its own (no words around it in its sentences)."""
        p = self._para(stretch.start)
        if p < 0:
            return False
        before = self.text[self.paras[p][0] : stretch.start].rstrip()
        after = self.text[stretch.end : self.paras[self._para(stretch.end - 1)][1]].lstrip()
        inner = self.text[stretch.start : stretch.end].rstrip("”\"»' ’")
        starts = not before or before[-1] in '.!?:”"'
        ends = not after or (inner[-1:] in (".", "!", "?") and (after[0].isupper() or after[0] in '“"'))
        return starts and ends

    def _labelled(self, line) -> Draft | None:
        """A paragraph opened by a speaker label: a transcript line is what the label's owner
        said word for word; a headline's is a paraphrase. A place names no speaker ("Iowa: ...")."""
        speaker = self._token_at(line.label.end - 1)
        if speaker.pos_ in _FUNCTION_WORDS:
            return None  # a section head ("The Gap Goes On: ..."), not a name
        hit = self.actors.mention_at(speaker.idx, speaker.idx + len(speaker))
        if hit is not None and hit[1].type in ("GPE", "LOC"):
            return None
        cue = Attribution(self._token_at(line.colon.start), line.colon, CueWord(":"), speaker, None)
        return Draft(line.content, "indirect" if self._on_display(line.label.start) else "direct", cue)

    # -- rule 4: reported speech and fragments ----------------------------------------

    def _clip(self, a: Attribution, covered: list[tuple[Span, Attribution | None]]) -> Span | None:
        """A cue's clause kept to the cue's paragraph and off the direct quotes: the parse
        may run a clause on into a quote with a cue of its own ("said X but added, "...""),
        unless that cue and its own subject lie inside the clause (speech reported in it).
        A cue ending its paragraph with a colon reports the next paragraph."""
        lead_in = self.text[a.cue.end : a.content.start].strip() == ":"
        p = self._para(a.content.start if lead_in else a.verb.idx)
        if p < 0:
            return None
        start, end = max(a.content.start, self.paras[p][0]), min(a.content.end, self.paras[p][1])
        for c, inner in covered:
            if _nested(inner, a):
                continue  # "to impose sanctions against what it called “a threat”": speech inside the clause
            if c.start < end and start < c.end:
                if c.start > start:
                    end = c.start
                else:
                    start = max(start, c.end)
        return self._trim(start, end)

    def _trim(self, start: int, end: int) -> Span | None:
        """[start, end) less the blanks, punctuation and dangling conjunctions at its edges."""
        piece = self.text[start:end]
        stripped = _strip_edges(piece)
        if len(stripped) < MIN_CONTENT_CHARS:
            return None
        start += piece.index(stripped)
        return Span(start, start + len(stripped))

    def _reported(self, a: Attribution, clause: Span, stretches: list[Stretch]) -> Draft:
        """Indirect speech, or mixed when quoted stretches lie in the clause (the clause then
        takes in the whole of each, marks included: the parse often leaves a mark outside)."""
        inner = [s for s in stretches if s.start < clause.end and clause.start < s.end]
        if not inner:
            return Draft(clause, "indirect", a)
        start = min(clause.start, inner[0].start)
        end = max(clause.end, max(s.end for s in inner))
        return Draft(Span(start, end), "mixed", a, inner)

    def _extends_report(self, stretch: Stretch, drafts: list[Draft]) -> bool:
        """A quoted fragment in the clause of a cue whose reported clause ends before it in the
        same sentence ("tweeted that Trump is a “loser,” a “liar” and a “whiner.”"): the report
        runs on over it, as a mixed quote. True when a draft was so extended."""
        word = self._token_at(stretch.start + 1)
        for d in drafts:
            a = d.attribution
            if d.kind not in ("indirect", "mixed") or a is None or a.content is None or d.content.end > stretch.start:
                continue
            if _governs(a.verb, word) and self._same_sentence(d.content.end - 1, word):
                d.content = Span(d.content.start, stretch.end)
                d.kind = "mixed"
                d.stretches.append(stretch)
                return True
        return False

    def _same_sentence(self, offset: int, token) -> bool:
        return self._token_at(offset).sent.start == token.sent.start

    def _partial(self, stretch: Stretch, attributions: list[Attribution]) -> Draft | None:
        """A quoted fragment said by the speaker of a cue whose clause holds it; None for a
        scare quote (no such cue) or a title ("the book “Art of the Deal”")."""
        if _is_title(self.text[stretch.start + 1 : stretch.end - 1]):
            return None
        word = self._token_at(stretch.start + 1)
        speaking = [a for a in attributions if a.speaker is not None and _governs(a.verb, word)]
        if speaking:
            a = min(speaking, key=lambda a: abs(a.verb.idx - stretch.start))
        else:  # headlines and captions quote words to flag them, not to report speech
            a = None if self._on_display(stretch.start) else self._actor_verb(word)
        if a is None:
            return None
        region = _object_region(a.verb, stretch)
        if region is not None:
            return Draft(region, "mixed", a, [stretch])
        if not self._ends_clause(stretch) or _words(self.text, Span(stretch.start, stretch.end)) < MIN_PARTIAL_WORDS:
            return None  # a word or phrase flagged inside a phrase ("its “judgment”", "the “Crossroads” title")
        return Draft(Span(stretch.start, stretch.end), "partial", a, [stretch])

    def _on_display(self, offset: int) -> bool:
        return any(h.start <= offset < h.end for h in self.headlines)

    def _actor_verb(self, word) -> Attribution | None:
        """The verb over a quoted fragment whose subject is a person or organisation ("Cruz
        chided Trump for questioning his "natural born" status"): quoting words is speech, so
        that subject is their speaker even when the verb is not a cue word."""
        verb = word
        for _ in range(MAX_VERB_CLIMB):
            if verb.head.i == verb.i:
                return None
            verb = verb.head
            if verb.pos_ == "VERB":
                break
        else:
            return None
        subject = subject_of(verb)
        if subject is None or not self._is_actor(subject):
            return None
        return Attribution(verb, Span(verb.idx, verb.idx + len(verb)), CueWord(verb.lemma_.lower()), subject, None)

    def _is_actor(self, token) -> bool:
        if token.lower_ in _PERSONAL:
            return True
        hit = self.actors.mention_at(token.idx, token.idx + len(token))
        return hit is not None and hit[1].type in ("PERSON", "ORG", "GROUP")

    # -- speakers -------------------------------------------------------------------------

    def _resolve(self, drafts: list[Draft], announcers: list[Attribution] = ()) -> list[Quote]:
        """Quotes with speakers. A draft with no cue inherits the speaker of the nearest quote
        or announcing cue before it ("Smith said in a statement." then a quoted paragraph)."""
        out: list[Quote] = []
        pending = sorted(announcers, key=lambda a: a.cue.start, reverse=True)
        last: Quote | None = None  # the latest speaker, of a quote or an announcing cue
        for d in drafts:
            while pending and pending[-1].cue.start < d.content.start:
                last = self._quote(Draft(pending[-1].cue, "direct", pending.pop()))
            if d.attribution is None:
                before = out[-1] if out and self._para(out[-1].content.end - 1) == self._para(d.content.start) else last
                out.append(self._follow_on(d, before))
            else:
                out.append(self._quote(d))
            has_speaker = out[-1].speaker is not None or out[-1].speaker_mention is not None
            if has_speaker and not self._on_display(out[-1].content.start):  # a headline speaks for no paragraph
                last = out[-1]
        return out

    def _quote(self, d: Draft) -> Quote:
        a = d.attribution
        speaker, mention = self._speaker(self._in_cue_paragraph(a))
        return Quote(d.content, d.kind, speaker, mention, a.cue, medium_of(a.verb, a.word.medium), a.word.stance)

    def _follow_on(self, draft: Draft, last: Quote | None) -> Quote:
        if last is None or self._para(draft.content.start) - self._para(last.content.start) > FOLLOW_ON_PARAGRAPHS:
            return Quote(draft.content, draft.kind)
        return Quote(draft.content, draft.kind, last.speaker, last.speaker_mention, None, last.medium)

    def _in_cue_paragraph(self, a: Attribution):
        """The speaker's head word, kept to the paragraph of the cue: when the parse runs a line
        with no full stop ("12:15 p.m.", a headline) into the sentence below and takes a word
        of it for the subject, the subject is the last noun before the cue in its own paragraph."""
        head = a.speaker
        if head is None or head.i > a.verb.i or self._para(head.idx) == self._para(a.verb.idx):
            return head
        start = self.paras[self._para(a.verb.idx)][0] if self._para(a.verb.idx) >= 0 else a.verb.idx
        nouns = [t for t in self.doc[head.i + 1 : a.verb.i] if t.idx >= start and t.pos_ in _NOMINAL]
        return nouns[-1] if nouns else head

    def _speaker(self, head) -> tuple[str | None, Span | None]:
        """The speaker entity (through actors) and the mention at the attribution."""
        if head is None:
            return None, None
        hit = self.actors.mention_at(head.idx, head.idx + len(head))
        if hit is not None:
            span, entity = hit
            return entity.id, span
        first = head.left_edge
        while first.i < head.i and (first.is_punct or first.is_space):
            first = self.doc[first.i + 1]
        return None, Span(first.idx, head.idx + len(head))


_DASH_CREDIT = re.compile(r"\s*([―—–]|--?)\s*(\S.*)")
# the parts of an attribution phrase besides its verb and speaker (not its nested clauses)
_ATTRIBUTION_PARTS = frozenset(
    {"aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "dative", "dobj", "agent", "prt"}
)
_EDGE_CHARS = " \t\n\xa0,;:—–-"
_DANGLING = (" and", " but", " or")
_NAME_PARTS = frozenset({"compound", "flat", "det", "amod"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
_PERSONAL = frozenset({"he", "she", "they", "i", "we"})
_FUNCTION_WORDS = frozenset({"ADP", "ADV", "CCONJ", "SCONJ", "DET", "PART", "AUX"})  # a label ending so names no one
_NOT_SPEAKERS = frozenset({"it", "this", "that", "there", "which", "what"})
_NOT_OBJECT = frozenset({"cc", "conj", "advcl", "ccomp", "parataxis", "punct", "nsubj", "relcl"})
_CLAUSE_END = frozenset(",.;:!?—–-…)")
_LEAD_IN = frozenset({"aux", "advmod", "neg", "npadvmod", "prep"})  # words that may come before a cue verb


def _attributions_near(word, by_verb: dict) -> list[Attribution]:
    """Cues that the word may belong to: its own, its head's, up to three heads up."""
    out, token = [], word
    for _ in range(4):
        if token.i in by_verb:
            out.append(by_verb[token.i])
        if token.head.i == token.i:
            break
        token = token.head
    return out


def _in_phrase(token, head) -> bool:
    return head is not None and head.left_edge.i <= token.i <= head.right_edge.i


def _in_attribution(token, a: Attribution) -> bool:
    """A token of the attribution itself: the cue, its speaker phrase, its modifiers (not its
    clause), and a clause describing the speaking that reports nothing (", looking off into
    the distance"; not ", adding that ...")."""
    if _in_phrase(token, a.speaker) or token.i == a.verb.i:
        return True
    if a.content is not None and a.content.start <= token.idx < a.content.end:
        return False
    return any(
        _in_phrase(token, c) for c in a.verb.children
        if c.dep_ in _ATTRIBUTION_PARTS or c.dep_ == "advcl" and not _reports(c)
    )


def _reports(verb) -> bool:
    """Whether a verb, or one in its clause, is a cue word: the clause is speech of its own."""
    return any(speaks(t) for t in verb.subtree if t.pos_ in ("VERB", "AUX"))


def _nested(inner: Attribution | None, outer: Attribution) -> bool:
    """Whether a cue and the subject it names both lie inside another cue's clause ("vowed to
    punish what it called “a threat”"; not "said X but added, “...”", whose cue shares the
    reporting verb's subject)."""
    if inner is None or inner.speaker is None or outer.content is None:
        return False
    inside = outer.content.start <= inner.speaker.idx and inner.cue.end <= outer.content.end
    return inside and inner.speaker.head.i == inner.verb.i


def _reported_within(draft: Draft, drafts: list[Draft]) -> bool:
    """Speech reported inside what another speaker said ("Smith said Jones denied it"): its
    cue and content lie in the other quote's content, so it is part of that quote. An
    attribution naming no source ("Smith said the plan seems to work") is part of it even
    when their contents are the same."""
    a, c = draft.attribution, draft.content
    if a is None:
        return False
    return any(
        o is not draft and o.content.start <= c.start and c.end <= o.content.end
        and (o.content != c or a.speaker is None)
        and o.content.start <= a.cue.start < o.content.end
        for o in drafts
    )


def _extent(draft: Draft) -> Span:
    """A quote with its attribution: the stretch of text that no other quote may take."""
    a, start, end = draft.attribution, draft.content.start, draft.content.end
    if a is not None and abs(a.cue.start - start) < MAX_ATTRIBUTION_GAP:
        start, end = min(start, a.cue.start), max(end, a.cue.end)
        if a.speaker is not None and 0 < a.verb.i - a.speaker.i <= NEAR_SPEAKER:  # "X said:", not "X said Y and added"
            start = min(start, a.speaker.left_edge.idx)
    return Span(start, end)


def _strip_edges(piece: str) -> str:
    """A piece of text less blanks and punctuation at its edges and a conjunction left dangling."""
    piece = piece.strip(_EDGE_CHARS)
    while piece.endswith(_DANGLING):
        piece = piece[: piece.rindex(" ")].rstrip(_EDGE_CHARS)
    return piece


def _top_before(word):
    """The highest verb over ``word`` that still stands before it in its sentence: the verb
    of a lead-in, not of the quote the parse joined to it."""
    top, token = None, word
    for _ in range(MAX_VERB_CLIMB + 2):
        if token.i <= word.i and token.pos_ in ("VERB", "AUX"):
            top = token
        if token.head.i == token.i:
            break
        token = token.head
    return top


def _governs(verb, token) -> bool:
    """Whether a token lies in the clause a verb heads (its subtree), subject aside."""
    if not verb.left_edge.i <= token.i <= verb.right_edge.i:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") and _in_phrase(token, c) for c in verb.children)


def _is_title(words: str) -> bool:
    """A quoted name of a work or a show: every longer word capitalised, more than one word."""
    long_words = [w for w in words.split() if len(w) > 3 and w[0].isalpha()]
    return len(words.split()) > 1 and bool(long_words) and all(w[0].isupper() for w in long_words)


def _object_region(verb, stretch: Stretch) -> Span | None:
    """What a cue verb says about its object, when a quoted fragment lies in it: "called the
    plan "a disaster"", "described her as "reckless"". None when the fragment is elsewhere."""
    parts = [c for c in verb.rights if c.dep_ not in _NOT_OBJECT and not c.is_punct]
    if not parts:
        return None
    start = min(c.left_edge.idx for c in parts)
    last = max((c.right_edge for c in parts), key=lambda t: t.i)
    end = last.idx + len(last)
    if not (start <= stretch.start and stretch.end <= end + 1) or (start, end) == (stretch.start, stretch.end):
        return None
    return Span(start, max(end, stretch.end))


def _said_of(a: Attribution) -> bool:
    """Whether a cue's content is only what it spoke about, right after it ("“...,” she said *of*
    the plan"): the quoted words before the cue are still what was said."""
    after = a.verb.doc[a.verb.i + 1] if a.verb.i + 1 < len(a.verb.doc) else None
    return after is not None and after.dep_ == "prep" and after.lower_ in a.word.about and after.idx < a.content.start


def _mostly_quoted(last: Draft, stretch: Stretch) -> bool:
    """Whether joining a stretch to a quote keeps the quote mostly inside quote marks: a long
    attribution between two stretches ("...," said X, who ..., "...") keeps them apart."""
    quoted = sum(s.end - s.start for s in last.stretches) + stretch.end - stretch.start
    return quoted >= stretch.end - last.content.start - quoted


def _fills(stretch: Stretch, content: Span | None) -> bool:
    """Whether a stretch is (nearly) all of a cue's clause, so the cue introduces it directly."""
    if content is None:
        return True
    shared = max(0, min(stretch.end, content.end) - max(stretch.start, content.start))
    return shared >= DIRECT_COVER * (content.end - content.start)


def _words(text: str, span: Span) -> int:
    return len(text[span.start : span.end].split())
