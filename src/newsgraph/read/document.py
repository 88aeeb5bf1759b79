"""The Document: an article's text as read, where it came from, and hints about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.record import Source


@dataclass(slots=True)
class Hints:
    """What the input itself says about the article, before any analysis.

    Each value is ``None`` when the input does not say. ``published_source`` names where
    ``published`` came from (jsonl, html, warc, ...).
    """

    headline: str | None = None
    byline: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = None
    published_source: str | None = None
    headline_in_text: bool = False  # the reader put the headline as the text's first line
    updates: tuple[str, ...] = ()  # a live blog's update headlines (schema.org LiveBlogPosting)


@dataclass(slots=True)
class Document:
    text: str
    source: Source
    hints: Hints = field(default_factory=Hints)

    @property
    def name(self) -> str:
        """How errors and progress name this input."""
        s = self.source
        base = s.path or s.url or "<stdin>"
        return f"{base}:{s.line}" if s.line is not None else base
