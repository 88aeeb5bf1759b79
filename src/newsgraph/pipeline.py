"""The stages in order, for one article and for a stream of them.

An :class:`~newsgraph.article.Article` flows through a :class:`Pipeline`: layout (zones and
metadata, from the text alone), one spaCy parse (``nlp.pipe`` in bounded batches, of the
analysed zones only), then the named stages in order, each adding its part to the Article.
The record is built from the Article at the end. None changes the text.

A stage is a small component: a name, a function taking the Article, and the stages whose
results it reads. Adding one is one line in :data:`STAGES`; ``Pipeline(skip=("events",))``
(``newsgraph analyze --skip events``) switches one off by name, and ``Pipeline(stages=...)``
swaps in another list.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from newsgraph import limits, nlp
from newsgraph.actors import find_actors
from newsgraph.article import Article
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.events import code_events
from newsgraph.knowledge import Knowledge, builtin, using
from newsgraph.layout import lay_out, read_meta
from newsgraph.places import find_places
from newsgraph.quotes import find_quotes
from newsgraph.read import Document, read_text
from newsgraph.record import Record, Zone
from newsgraph.times import find_times
from newsgraph.tone import measure_tone

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stage:
    """One named step of the analysis: ``run(article)`` adds its part to the Article."""

    name: str
    run: Callable[[Article], None]
    needs: tuple[str, ...] = ()  # stages whose results it reads


def _actors(a: Article) -> None:
    a.actors = find_actors(a)


def _quotes(a: Article) -> None:
    a.quotes = find_quotes(a)


def _times(a: Article) -> None:
    a.times = find_times(a)


def _places(a: Article) -> None:
    a.places = find_places(a)


def _events(a: Article) -> None:
    a.events = code_events(a)


STAGES: tuple[Stage, ...] = (
    Stage("actors", _actors),
    Stage("quotes", _quotes, needs=("actors",)),
    Stage("times", _times),
    Stage("places", _places, needs=("actors",)),
    Stage("events", _events, needs=("actors", "quotes", "times", "places")),
    Stage("tone", measure_tone),  # last: it tones the events too, when there are
)


class Pipeline:
    """Layout, one parse, then the stages, with one Knowledge, for one article or a stream."""

    def __init__(
        self, knowledge: Knowledge | None = None, skip: Iterable[str] = (), stages: Sequence[Stage] = STAGES,
        batch_size: int = nlp.BATCH_SIZE, explain: bool = False, min_confidence: float | None = None,
    ):
        skip = set(skip)
        unknown = skip - {s.name for s in stages}
        if unknown:
            names = ", ".join(s.name for s in stages)
            raise NewsgraphError(f"no stage named {', '.join(sorted(unknown))} (the stages: {names})")
        self.stages = [s for s in stages if s.name not in skip]
        kept = {s.name for s in self.stages}
        for stage in self.stages:
            missing = [n for n in stage.needs if n not in kept]
            if missing:
                raise NewsgraphError(f"stage {stage.name} needs {', '.join(missing)}, which is switched off")
        self.knowledge = knowledge or builtin()
        self.batch_size = batch_size
        self.explain = explain  # records carry the rejected event readings
        self.min_confidence = min_confidence  # events below it are left out of the records

    def article(self, doc: Document | str, date: str | None = None, zones: list[Zone] | None = None) -> Article:
        """One article through every stage (``zones`` in place of the layout's, for tests)."""
        doc = doc if isinstance(doc, Document) else read_text(doc)
        with using(self.knowledge):
            article = self._laid_out(doc, date, zones)
            article.parsed = nlp.parse(analysed_text(article))
            self._run_stages(article)
        return article

    def analyze_stream(self, items: Iterable[Document | InputError], date: str | None = None
                       ) -> Iterator[Record | InputError]:
        """Records (or the InputErrors of what could not be read or analysed), in input order.

        A chunk is parsed together: it closes at ``batch_size`` articles or at the
        ``max_batch_chars`` limit, whichever comes first, so memory stays bounded.
        """
        chunk: list[Document | InputError] = []
        chars, most = 0, limits.get("max_batch_chars")
        for item in items:
            chunk.append(item)
            chars += len(item.text) if isinstance(item, Document) else 0
            if len(chunk) >= self.batch_size or chars >= most:
                yield from self._chunk(chunk, date)
                chunk, chars = [], 0
        if chunk:
            yield from self._chunk(chunk, date)

    def _laid_out(self, doc: Document, date: str | None, zones: list[Zone] | None = None) -> Article:
        article = Article(doc=doc, knowledge=self.knowledge)
        article.zones = lay_out(doc.text, doc.hints) if zones is None else zones
        article.meta = read_meta(doc.text, article.zones, doc.hints, date)
        return article

    def _run_stages(self, article: Article) -> None:
        for stage in self.stages:
            stage.run(article)

    def _chunk(self, chunk: list[Document | InputError], date: str | None) -> Iterator[Record | InputError]:
        with using(self.knowledge):
            limit = nlp.max_chars()
            laid: list[Article | InputError] = []
            for item in chunk:
                if isinstance(item, InputError):
                    laid.append(item)
                elif len(item.text) > limit:
                    laid.append(InputError(item.name, f"text too long to analyse ({len(item.text)} characters; "
                                                      f"at most {limit})"))
                else:
                    laid.append(self._guard(item, lambda d=item: self._laid_out(d, date)))
            articles = [a for a in laid if isinstance(a, Article)]
            parsed = iter(_parse_all(articles, self.batch_size))
            for item in laid:
                if isinstance(item, Article):
                    item.parsed = next(parsed)
                    if isinstance(item.parsed, InputError):
                        item = item.parsed
                    else:
                        item = self._guard(item.doc, lambda a=item: self._record(a))
                yield item
        _settle()

    def _record(self, article: Article) -> Record:
        self._run_stages(article)
        return article.to_record(self.explain, self.min_confidence)

    @staticmethod
    def _guard(doc: Document, work: Callable[[], Article | Record]) -> Article | Record | InputError:
        try:
            return work()
        except Exception as exc:  # one article's failure must not stop a batch
            log.debug("analysis failed", exc_info=True)
            return InputError(doc.name, f"analysis failed: {exc.__class__.__name__}: {exc}")


_settled = False


def _settle() -> None:
    """Once per process, after the first chunk: what is loaded by then (the spaCy model, the
    knowledge and all that is derived from it) stays for the life of the process, so it is put
    out of the garbage collector's way (``gc.freeze``). Otherwise every full collection walks
    those objects again, and an article leaves enough objects behind to call one every few dozen
    articles: about a tenth of the analysis's time on long runs."""
    global _settled
    if not _settled:
        _settled = True
        gc.collect(1)  # the young garbage of the first chunk is not kept
        gc.freeze()


def analysed_text(article: Article) -> str:
    """The text as the parser is given it: every zone the analysis does not read (page chrome,
    credits, bylines) blanked, so the parse keeps the text's offsets and spends no time on what
    no stage reads. A blanked zone keeps a full stop in its first place: what stood there ended
    a sentence (a headline over a "KYIV (Reuters) -" dateline stays a sentence of its own)."""
    text = article.text
    skipped = article.analysed.skipped()
    if not skipped:
        return text
    parts, at = [], 0
    for z in skipped:
        parts += [text[at : z.start], "." + " " * (z.end - z.start - 1)]
        at = z.end
    parts.append(text[at:])
    return "".join(parts)


def _parse_all(articles: list[Article], batch_size: int) -> list:
    """The parses of ``articles`` in order; when the batch fails, each article alone, so that only
    the one the parser cannot take becomes an InputError."""
    try:
        return list(nlp.parse_many((analysed_text(a) for a in articles), batch_size=batch_size))
    except Exception as exc:  # spaCy raises many kinds on odd input
        if len(articles) > 1:
            return [p for a in articles for p in _parse_all([a], 1)]
        log.debug("parse failed", exc_info=True)
        return [InputError(articles[0].doc.name, f"the parser failed: {exc.__class__.__name__}: {str(exc)[:200]}")]


def analyze_stream(
    items: Iterable[Document | InputError], date: str | None = None, batch_size: int = nlp.BATCH_SIZE,
    knowledge: Knowledge | None = None, skip: Iterable[str] = (), explain: bool = False,
    min_confidence: float | None = None,
) -> Iterator[Record | InputError]:
    """Records (or InputErrors) for a stream of Documents, through a default :class:`Pipeline`."""
    pipeline = Pipeline(knowledge, skip, batch_size=batch_size, explain=explain, min_confidence=min_confidence)
    return pipeline.analyze_stream(items, date)
