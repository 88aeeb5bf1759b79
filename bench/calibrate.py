#!/usr/bin/env python3
"""Fit and check the event confidence model on the hand-coded articles.

    python3 bench/calibrate.py ../shared            # the calibration table of the current weights
    python3 bench/calibrate.py ../shared --write    # refit on every article, write the weights

Each hand-coded article is analysed with its publication date; every event the coder emits is
labelled right when ``score_event_gold.py`` matches it strictly (same sentence, CAMEO root and
both actors). The model is a logistic regression over ``newsgraph.events.confidence.FEATURES``,
fitted by gradient descent with an L2 penalty. The table is honest: each data set's events are
scored by weights fitted on the other set only (two-fold by set), then by the written weights.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BINS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 1.01))
L2 = 0.005
STEPS, RATE = 3000, 0.3


def labelled_events(shared: Path) -> list[tuple[str, dict[str, float], bool]]:
    """(data set, features, strictly right) of every event the coder emits on the hand-coded articles."""
    sys.path.insert(0, str(shared / "eval"))
    import score_event_gold as scorer  # noqa: E402 (the scorer of ../shared/eval)

    from newsgraph.events.confidence import features
    from newsgraph.pipeline import Pipeline
    from newsgraph.read import read_inputs

    pipeline = Pipeline()
    out = []
    for path in sorted((shared / "data" / "events-gold").glob("*/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        row = _input_row(shared, gold)
        tmp = ROOT / ".calibrate-input.jsonl"
        tmp.write_text(json.dumps(row) + "\n", encoding="utf-8")
        try:
            (doc,) = list(read_inputs([str(tmp)]))
        finally:
            tmp.unlink()
        article = pipeline.article(doc, gold.get("published"))
        record = article.to_record().to_dict()
        result = scorer.score_article(record, gold)
        right = {id(s) for _, s, kind in result["pairs"] if kind == 2}
        for event, as_dict in zip(article.events, record["events"], strict=True):
            if str(event.cameo)[:2] in scorer.SKIP_ROOTS:
                continue
            out.append((gold.get("source_set", ""), features(event, article), id(as_dict) in right))
    return out


def _input_row(shared: Path, gold: dict) -> dict:
    import gzip

    art = gold["article"]
    row = {"url": f"https://gold.invalid/{art}", "date": gold.get("published")}
    if gold.get("source_set") == "naeb":
        with gzip.open(shared / "data" / "extraction" / "naeb" / "html" / f"{art}.html.gz", "rt",
                       encoding="utf-8", errors="replace") as f:
            row["html"] = f.read()
    else:
        row["text"] = (shared / "data" / "polnear" / "dev" / "text" / f"{art}.txt").read_text(encoding="utf-8")
    return row


def fit(rows: list[tuple[dict[str, float], bool]], names: tuple[str, ...]) -> dict[str, float]:
    w = dict.fromkeys(("bias", *names), 0.0)
    n = max(len(rows), 1)
    for _ in range(STEPS):
        grad = dict.fromkeys(w, 0.0)
        for x, y in rows:
            p = _sigmoid(w["bias"] + sum(w[k] * x[k] for k in names))
            grad["bias"] += p - y
            for k in names:
                grad[k] += (p - y) * x[k]
        for k in w:
            w[k] -= RATE * (grad[k] / n + (L2 * w[k] if k != "bias" else 0.0))
    return {k: round(v, 3) for k, v in w.items()}


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def table(scored: list[tuple[float, bool]]) -> list[str]:
    lines = ["confidence   events  right  strict precision"]
    for lo, hi in BINS:
        inside = [y for c, y in scored if lo <= c < hi]
        share = f"{sum(inside) / len(inside):.2f}" if inside else "-"
        lines.append(f"[{lo:.1f}, {min(hi, 1.0):.1f}]   {len(inside):6d}  {sum(inside):5d}  {share}")
    above = [y for c, y in scored if c >= 0.7]
    lines.append(f"at or above 0.7: {len(above)} events, strict precision "
                 f"{sum(above) / len(above):.2f}" if above else "at or above 0.7: no events")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared", type=Path, help="the shared folder (with eval/ and data/events-gold/)")
    parser.add_argument("--write", action="store_true", help="write the weights fitted on every article")
    args = parser.parse_args()
    from newsgraph.events.confidence import FEATURES, confidence

    events = labelled_events(args.shared.resolve())
    sets = sorted({s for s, _, _ in events})
    held_out = []
    for held in sets:
        w = fit([(x, y) for s, x, y in events if s != held], FEATURES)
        held_out += [(confidence(x, w), y) for s, x, y in events if s == held]
    print(f"{len(events)} events, {sum(y for _, _, y in events)} strictly right")
    print("two-fold by data set (each set scored by weights fitted on the other):")
    print("\n".join(table(held_out)))
    weights = fit([(x, y) for _, x, y in events], FEATURES) if args.write else None
    if weights is not None:
        path = ROOT / "src" / "newsgraph" / "data" / "events" / "confidence.yaml"
        head = "".join(line for line in path.read_text(encoding="utf-8").splitlines(True) if line.startswith("#"))
        body = {"bias": weights.pop("bias"), "weights": weights}
        path.write_text(head + yaml.safe_dump(body, sort_keys=False), encoding="utf-8")
        print(f"wrote {path}")
    final = weights and {"bias": body["bias"], **body["weights"]}
    print("the written weights, on every article:" if final else "the current weights, on every article:")
    print("\n".join(table([(confidence(x, final or None), y) for _, x, y in events])))


if __name__ == "__main__":
    main()
