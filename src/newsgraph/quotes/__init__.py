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

from typing import TYPE_CHECKING

from newsgraph.quotes.cues import claims, find_attributions, lexicon, stance_of
from newsgraph.quotes.labels import labelled_lines
from newsgraph.quotes.link import Linker
from newsgraph.quotes.marks import paragraphs
from newsgraph.record import Quote, Span

if TYPE_CHECKING:
    from newsgraph.article import Article

__all__ = ["claims", "find_quotes", "lexicon", "stance_of"]

DISPLAY_ZONES = frozenset({"headline", "standfirst", "caption"})  # quote marks there flag words more than report


def find_quotes(article: Article) -> list[Quote]:
    """The quotes of one article, in text order, from its analysed zones and quoted stretches;
    speakers are resolved through ``article.actors`` ("which entity is mentioned here?")."""
    text, parsed, zones, actors = article.text, article.parsed, article.zones, article.actors

    def skip(offset: int) -> bool:
        return offset not in article.analysed

    paras = paragraphs(text, skip)
    stretches = article.quoted
    attributions = find_attributions(parsed, skip)
    headlines = [Span(z.start, z.end) for z in zones if z.kind in DISPLAY_ZONES]
    lines = labelled_lines(text, paras)
    return Linker(text, parsed, paras, actors, headlines).quotes(stretches, attributions, lines)
