"""A readable summary of records in the terminal."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.errors import printable


def shown(value: object) -> str:
    """A value from an article or its name as the terminal shows it: no markup, no control codes."""
    return escape(printable(value))


QUOTE_CHARS, EVIDENCE_CHARS = 160, 90  # longer texts are cut, with an ellipsis


def _cut(text: str, most: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


class SummaryWriter:
    def __init__(self, out):
        self.console = Console(file=out, soft_wrap=False)

    def write(self, record) -> None:
        c, m = self.console, record.meta
        where = record.source.path or record.source.url or "<text>"
        c.rule(f"[bold]{shown(m.headline or '(no headline)')}")
        c.print(f"[dim]{shown(where)}[/]  id {record.id}")
        c.print(
            f"published [bold]{m.published or 'unknown'}[/] ({m.published_source or '-'})"
            f"  publisher {shown(m.publisher or '-')}  byline {shown(m.byline or '-')}"
            f"  language {shown(m.language or '-')}"
        )
        if m.standfirst:
            c.print(f"[italic]{shown(m.standfirst)}[/]")
        zones = Counter(z.kind for z in record.zones)
        c.print("zones: " + ", ".join(f"{k} {n}" for k, n in zones.items()))
        self._entities(record)
        self._quotes(record)
        self._events(record)
        if record.rejected:
            self._rejected(record)
        c.print()

    def _rejected(self, record) -> None:
        names = {e.id: e.name for e in record.entities}
        table = Table("rejected", "code", "source", "target", "evidence", box=None, pad_edge=False)
        for e in record.rejected:
            evidence = record.text[e.evidence.start : e.evidence.end]
            table.add_row(e.factuality, e.cameo, shown(names.get(e.source, "-")), shown(names.get(e.target, "-")),
                          shown(evidence[:90] + ("…" if len(evidence) > 90 else "")))
        self.console.print(table)

    def _quotes(self, record) -> None:
        """Each quote as speaker: "what was said", with its kind and cue."""
        if not record.quotes:
            return
        from newsgraph.english import english

        marks = english().quote_marks
        table = Table("speaker", "quote", "kind", "cue", box=None, pad_edge=False,
                      title=f"quotes ({len(record.quotes)})", title_justify="left")
        for q in record.quotes:
            mention = q.speaker_mention.text if q.speaker_mention else "?"
            speaker = q.speaker_entity.name if q.speaker_entity else mention
            content = _cut(q.content.text, QUOTE_CHARS)
            if not (content[:1] in marks and content[-1:] in marks | {"…"}):  # a direct quote keeps its own marks
                content = f"“{content}”"
            table.add_row(shown(f"{speaker}:"), shown(content), q.kind, shown(q.cue.text) if q.cue else "")
        self.console.print(table)

    def _events(self, record) -> None:
        """Each event as date, source —code→ target, with its PLOVER type and its evidence."""
        if not record.events:
            return
        table = Table("date", "event", "type", "evidence", box=None, pad_edge=False,
                      title=f"events ({len(record.events)})", title_justify="left")
        for e in record.events:
            source = e.source_entity.name if e.source_entity else "?"
            target = e.target_entity.name if e.target_entity else "?"
            table.add_row(e.date or "-", shown(f"{source} —{e.cameo}→ {target}"), e.plover or "",
                          shown(_cut(e.evidence.text, EVIDENCE_CHARS)))
        self.console.print(table)

    def _entities(self, record) -> None:
        if not record.entities:
            return
        table = Table("entity", "type", "code", "titles", "mentions", box=None, pad_edge=False)
        for e in sorted(record.entities, key=lambda e: -len(e.mentions)):
            table.add_row(shown(e.name), e.type, e.code or "", shown("; ".join(e.titles)), str(len(e.mentions)))
        self.console.print(table)

    def close(self) -> None:
        pass
