"""Who said what: direct, indirect, mixed and partial quotes, each with its speaker.

:func:`find_quotes` is the stage. It reads quoted stretches from the text (``marks``),
cues with their speakers and reported clauses from the parse (``cues``), and joins them
(``link``): a stretch next to a cue is a direct quote of the cue's speaker; a cue's clause
is indirect speech, or mixed when it holds a quoted stretch; a quoted fragment in a
sentence with a speaker is a partial quote; a quoted word with no speaker is a scare
quote and no quote at all. Speakers are resolved through the actors stage, so a pronoun
or a title resolves whenever actors links it to an entity.
"""

from __future__ import annotations

from newsgraph.quotes.cues import find_attributions, lexicon, stance_of
from newsgraph.quotes.labels import labelled_lines
from newsgraph.quotes.link import Linker
from newsgraph.quotes.marks import find_stretches, paragraphs
from newsgraph.record import Quote, Span, Zone

__all__ = ["find_quotes", "lexicon", "stance_of"]

SKIPPED_ZONES = frozenset({"boilerplate", "byline", "credit", "dateline"})
DISPLAY_ZONES = frozenset({"headline", "standfirst", "caption"})  # quote marks there flag words more than report


def find_quotes(text: str, parsed, zones: list[Zone], actors) -> list[Quote]:
    """The quotes of one article, in text order.

    ``parsed`` is the spaCy Doc of ``text`` (same offsets), ``zones`` its layout zones
    (boilerplate and credits are skipped) and ``actors`` the actors stage's answer to
    "which entity is mentioned here?" (``mention_at``).
    """
    skipped = [(z.start, z.end) for z in zones if z.kind in SKIPPED_ZONES]

    def skip(offset: int) -> bool:
        return any(a <= offset < b for a, b in skipped)

    paras = paragraphs(text, skip)
    stretches = find_stretches(text, paras)
    attributions = find_attributions(parsed, skip)
    headlines = [Span(z.start, z.end) for z in zones if z.kind in DISPLAY_ZONES]
    lines = labelled_lines(text, paras)
    return Linker(text, parsed, paras, actors, headlines).quotes(stretches, attributions, lines)
