"""Evaluation: every scorer in ../shared/eval on its data set, one table, floors guarded.

    .venv/bin/python bench/eval.py                      # ../shared beside the repository
    .venv/bin/python bench/eval.py /path/to/shared --only events,quotes
    .venv/bin/python bench/eval.py --check              # exit 1 when a figure is under its floor
    .venv/bin/python bench/eval.py --update             # write this run's figures as the floors

Each data set is analysed by the installed newsgraph in one process of its own
(`python -m newsgraph analyze ... --jsonl`), every article with its publication date, and
scored by its scorer from the shared folder:

  seed        data/seed/seed.txt, --date 2018-07-20          score_seed.py
  extraction  data/extraction/naeb/html (each page's own date)  score_extraction.py
  polnear     data/polnear/dev, dates from metadata.tsv      score_quotes.py: speakers, quotes
  plover      data/plover/plv_train.tsv sentences, --date 2018-01-01   score_events.py
  gold        data/events-gold, dates from the gold files    score_event_gold.py: events, actors

The table gives each named figure (a share between 0 and 1), its floor from
bench/floors.json, and the scorers' summary lines. ``--only`` takes data set or table
names (seed, extraction, polnear, speakers, quotes, plover, gold, events, actors).
``--check`` compares the figures that ran with their floors (less ``--tolerance``);
``--update`` rewrites the floors of the figures that ran, keeping the others.
The records are written to a temporary folder (``--keep DIR`` keeps them, for the
scorers' own options such as score_event_gold.py --show).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = Path(__file__).resolve().parent / "floors.json"
TOLERANCE = 0.002  # float noise in the scorers' rounding


@dataclass
class Figure:
    """A named share read from a scorer's output. The name's first part is its table row (seed,
    extraction, speakers, quotes, plover, events, actors). ``--update`` writes a floor for the
    ``guarded`` figures and for any other figure floors.json already names."""

    name: str
    pattern: str  # a regex over the scorer's output; its groups give the value
    value: Callable[..., float] = float  # the groups (as strings) -> the share
    guarded: bool = True

    @property
    def row(self) -> str:
        return self.name.split(".")[0]


@dataclass
class Suite:
    """One data set: how to make the analyser's input, which scorer reads the records."""

    name: str
    data: str  # the data set, as the table names it
    analyse: Callable[[Path, Path], list[str]]  # (shared, work) -> arguments of `newsgraph analyze`
    score: Callable[[Path, Path], list[str]]  # (shared, records) -> the scorer's command line (after python)
    figures: list[Figure]
    shown: tuple[str, ...] = ()  # the starts of the scorer's lines to show (default: its last line)
    found: dict[str, float] = field(default_factory=dict)


def _ratio(a: str, b: str) -> float:
    return int(a) / int(b) if int(b) else 0.0


def _percent(x: str) -> float:
    return float(x) / 100


# --- the data sets ------------------------------------------------------------------------------


def _seed_input(shared: Path, work: Path) -> list[str]:
    return [str(shared / "data" / "seed" / "seed.txt"), "--date", "2018-07-20"]


def _naeb_input(shared: Path, work: Path) -> list[str]:
    # HTML pages carry their own publication date, which the reader takes from the page
    return [str(shared / "data" / "extraction" / "naeb" / "html")]


def _polnear_input(shared: Path, work: Path) -> list[str]:
    """PolNeAR dev as one JSONL file: each article's text with its date from metadata.tsv."""
    with open(shared / "data" / "polnear" / "metadata.tsv", encoding="utf-8", newline="") as f:
        dates = {r["filename"]: r["publication_date"] for r in csv.DictReader(f, delimiter="\t")}
    path = work / "polnear-dev-input.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for txt in sorted((shared / "data" / "polnear" / "dev" / "text").glob("*.txt")):
            line = {"text": txt.read_text(encoding="utf-8"), "date": dates.get(txt.stem),
                    "url": f"https://polnear.invalid/dev/{txt.name}"}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return [str(path)]


def _plover_input(shared: Path, work: Path) -> list[str]:
    folder = work / "plv_train"
    _run([sys.executable, _script(shared, "score_events.py"), "sentences",
          str(shared / "data" / "plover" / "plv_train.tsv"), str(folder)])
    return [str(folder), "--date", "2018-01-01"]


def _gold_input(shared: Path, work: Path) -> list[str]:
    """The hand-coded articles as one JSONL file, each with its date (the scorer's own helper)."""
    path = work / "events-gold-input.jsonl"
    path.write_text(_run([sys.executable, _script(shared, "gold_inputs.py")]), encoding="utf-8")
    return [str(path)]


def _script(shared: Path, name: str) -> str:
    return str(shared / "eval" / name)


SUITES = [
    Suite("seed", "seed.txt (2018-07-20)", _seed_input,
          lambda sh, rec: [_script(sh, "score_seed.py"), str(rec)], [
        Figure("seed.required", r"seed: (\d+)/(\d+) required checks", _ratio),
    ]),
    Suite("extraction", "NAEB HTML", _naeb_input,
          lambda sh, rec: [_script(sh, "score_extraction.py"), str(rec),
                           str(sh / "data/extraction/naeb/articles.json")], [
        Figure("extraction.f1", r"extraction: P [\d.]+ R [\d.]+ F1 ([\d.]+)"),
        Figure("extraction.precision", r"extraction: P ([\d.]+)", guarded=False),
        Figure("extraction.recall", r"extraction: P [\d.]+ R ([\d.]+)", guarded=False),
    ]),
    Suite("polnear", "PolNeAR dev", _polnear_input,
          lambda sh, rec: [_script(sh, "score_quotes.py"), str(rec), str(sh / "data/polnear/dev")], [
        Figure("speakers.in_entities", r"gold sources inside some entity mention: (\d+)/(\d+)", _ratio),
        Figure("quotes.content_speaker_f1", r"quotes: .*content\+speaker F1 ([\d.]+)"),
        Figure("quotes.content_f1", r"quotes: content F1 ([\d.]+)"),
        Figure("quotes.direct_f1", r"quotes: .*, direct F1 ([\d.]+)", guarded=False),
        Figure("quotes.indirect_f1", r"quotes: .*, indirect F1 ([\d.]+)", guarded=False),
    ], shown=("gold sources inside some entity mention", "quotes:")),
    Suite("plover", "plv_train (2018-01-01)", _plover_input,
          lambda sh, rec: [_script(sh, "score_events.py"), "score", str(rec), str(sh / "data/plover/plv_train.tsv")], [
        Figure("plover.pairs_typed", r"pairs found \d+/(\d+) .*right type (\d+)/", lambda n, t: _ratio(t, n)),
        Figure("plover.pairs_found", r"pairs found (\d+)/(\d+)", _ratio, guarded=False),
    ]),
    Suite("gold", "events-gold", _gold_input,
          lambda sh, rec: [_script(sh, "score_event_gold.py"), str(rec), str(sh / "data/events-gold")], [
        Figure("events.strict_f1", r"event gold: .*strict P [\d.]+ R [\d.]+ F1 ([\d.]+)"),
        Figure("events.strict_precision", r"event gold: .*strict P ([\d.]+)", guarded=False),
        Figure("events.strict_recall", r"event gold: .*strict P [\d.]+ R ([\d.]+)", guarded=False),
        Figure("events.lenient_f1", r"event gold: .*lenient P [\d.]+ R [\d.]+ F1 ([\d.]+)"),
        Figure("events.lenient_precision", r"event gold: .*lenient P ([\d.]+)", guarded=False),
        Figure("events.lenient_recall", r"event gold: .*lenient P [\d.]+ R ([\d.]+)", guarded=False),
        Figure("actors.found", r"actor codes: (\d+)/(\d+) gold actors found", _ratio),
        Figure("actors.country", r"actor codes: .*country right (\d+)%", _percent),
        Figure("actors.code", r"actor codes: .*whole code right (\d+)%", _percent),
    ], shown=("actor codes:", "event gold:")),
]


# --- running ------------------------------------------------------------------------------------


def _run(cmd: list[str]) -> str:
    """Standard output of ``cmd``; exits naming the command when it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        sys.exit(f"eval: {' '.join(Path(c).name if '/' in c else c for c in cmd[:4])} failed "
                 f"(exit {done.returncode}):\n  " + "\n  ".join(tail))
    return done.stdout


def analyse(inputs: list[str], records: Path) -> int:
    """``newsgraph analyze INPUTS --jsonl`` in a process of its own; the number of inputs it could
    not read or analyse (the CLI names each and exits 1; they count against the figures, as
    the scorers count a missing record). A crash stops the evaluation."""
    records.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "newsgraph", "analyze", *inputs, "--jsonl", "-o", str(records)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode not in (0, 1) or "Traceback" in done.stderr or not records.exists():
        tail = done.stderr.strip().splitlines()[-5:]
        sys.exit(f"eval: newsgraph analyze {inputs[0]} failed (exit {done.returncode}):\n  " + "\n  ".join(tail))
    return sum(line.startswith("newsgraph: error:") for line in done.stderr.splitlines())


def run_suite(suite: Suite, shared: Path, work: Path) -> tuple[list[str], float]:
    """Analyse the suite's data set, score it; the scorer's summary lines and the seconds taken."""
    start = time.monotonic()
    records = work / f"{suite.name}.jsonl"
    failed = analyse(suite.analyse(shared, work), records)
    output = _run([sys.executable, *suite.score(shared, records)])
    for fig in suite.figures:
        m = re.search(fig.pattern, output)
        if m is None:
            sys.exit(f"eval: {fig.name}: the {suite.name} scorer's output has no line matching {fig.pattern!r}")
        suite.found[fig.name] = fig.value(*m.groups())
    lines = [ln for ln in output.strip().splitlines() if ln.strip()]
    lines = [ln for ln in lines if ln.startswith(suite.shown)] if suite.shown else lines[-1:]
    if failed:
        lines.append(f"({failed} input(s) could not be analysed: newsgraph analyze names them)")
    return lines, time.monotonic() - start


def chosen(only: str | None) -> list[Suite]:
    if not only:
        return SUITES
    names = {n.strip() for n in only.split(",") if n.strip()}
    known = {s.name for s in SUITES} | {f.row for s in SUITES for f in s.figures}
    unknown = sorted(names - known)
    if unknown:
        sys.exit(f"eval: --only: unknown name(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return [s for s in SUITES if s.name in names or any(f.row in names for f in s.figures)]


def load_floors(path: Path) -> dict[str, float]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.get("floors", {}).items()}


def write_floors(path: Path, floors: dict[str, float]) -> None:
    data = {
        "about": "The figures bench/eval.py --check guards: each a share from 0 to 1, as printed in the "
                 "eval's table. Rewritten by bench/eval.py --update; see docs/benchmarks.md.",
        "floors": {k: round(v, 4) for k, v in sorted(floors.items())},
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def below_floor(suites: list[Suite], floors: dict[str, float], tolerance: float) -> list[str]:
    """One message per guarded figure under its floor (figures that did not run are not judged)."""
    out = []
    for suite in suites:
        for fig in suite.figures:
            floor = floors.get(fig.name)
            if floor is not None and suite.found[fig.name] < floor - tolerance:
                out.append(f"{fig.name} {suite.found[fig.name]:.4f} is below its floor {floor:.4f}")
    return out


def table(suites: list[Suite], floors: dict[str, float], tolerance: float) -> str:
    rows = [("figure", "data set", "value", "floor", "")]
    for suite in suites:
        for fig in suite.figures:
            value, floor = suite.found[fig.name], floors.get(fig.name)
            mark = "" if floor is None else ("ok" if value >= floor - tolerance else "BELOW FLOOR")
            rows.append((fig.name, suite.data, f"{value:.3f}", "-" if floor is None else f"{floor:.3f}", mark))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("shared", nargs="?", default=str(ROOT.parent / "shared"),
                    help="the shared folder holding eval/ and data/ (default: ../shared beside the repository)")
    ap.add_argument("--only", help="comma list of data sets or table rows to run (default: all)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure falls below its floor")
    ap.add_argument("--update", action="store_true", help="write the figures of this run as the floors")
    ap.add_argument("--floors", default=str(FLOORS), help="the floors file (default: bench/floors.json)")
    ap.add_argument("--tolerance", type=float, default=TOLERANCE, help="allowed shortfall (default: %(default)s)")
    ap.add_argument("--keep", metavar="DIR", help="keep the inputs and records in DIR")
    args = ap.parse_args(argv)

    if importlib.util.find_spec("newsgraph") is None:
        sys.exit(f"eval: newsgraph is not installed for {sys.executable}; run this with .venv/bin/python")
    shared = Path(args.shared).resolve()
    if not (shared / "eval").is_dir() or not (shared / "data").is_dir():
        sys.exit(f"eval: {shared}: not a shared folder (it needs eval/ and data/)")
    suites = chosen(args.only)
    floors_path = Path(args.floors)
    floors = load_floors(floors_path)

    summaries: list[tuple[str, list[str], float]] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for suite in suites:
            print(f"eval: {suite.name}: {suite.data} ...", file=sys.stderr, flush=True)
            lines, seconds = run_suite(suite, shared, work)
            summaries.append((suite.name, lines, seconds))

    print(table(suites, floors, args.tolerance))
    print()
    for name, lines, seconds in summaries:
        print(f"{name} ({seconds:.0f} s):")
        for line in lines:
            print(f"  {line}")

    if args.update:
        guarded = {f.name: s.found[f.name] for s in suites for f in s.figures if f.guarded or f.name in floors}
        write_floors(floors_path, {**floors, **guarded})
        print(f"\nwrote {len(guarded)} floors to {floors_path}")
    if args.check:
        missing = sorted(f.name for s in suites for f in s.figures if f.guarded and f.name not in floors)
        if missing:
            print(f"\nnote: no floor yet for {', '.join(missing)} (bench/eval.py --update writes them)")
        failures = below_floor(suites, floors, args.tolerance)
        if failures:
            print("\neval: FAILED: " + "; ".join(failures), file=sys.stderr)
            return 1
        print("\neval: every figure at or above its floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
