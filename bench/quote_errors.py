"""Quote errors on PolNeAR, grouped by kind: which attribution forms are missed, which
speakers are wrong, which system quotes match nothing.

    .venv/bin/newsgraph analyze ../shared/data/polnear/train/text --jsonl -o /tmp/train.jsonl
    .venv/bin/python bench/quote_errors.py /tmp/train.jsonl ../shared/data/polnear/train [--examples 5]

The matching rule is the one of ``score_quotes.py`` (contents share half of each other's
characters). The .ann files are read robustly: a span whose text holds a line break runs
over several lines, and only lines that open with a ``T<n>`` or ``E<n>`` id are read.
The kind of a gold attribution is read from its cue and source text (no parse): the first
kind that applies wins, so the counts add up to the misses.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
from collections import Counter, defaultdict

from newsgraph.english import english
from newsgraph.quotes import lexicon

_ID = re.compile(r"^([TE])(\d+)\t")
_BELIEF = frozenset(
    """believe think feel know hope expect want fear worry suspect doubt wonder seem appear
    consider assume understand realize realise see view regard intend plan plan aim wish like love hate prefer
    agree disagree favor favour support oppose imagine guess figure reckon trust""".split()
)
_GOLD_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb"  # a gold content holding one is direct (as score_quotes.py)
_PREPOSITIONS = frozenset("of about for to on in with against by at over from into as".split())
_AGENTS = re.compile(
    r"\b(spokes(?:man|woman|person)|aides?|advisers?|advisors?|representatives?|officials?|sources?)\b", re.I
)


def read_ann(path: str) -> list[dict]:
    """The attributions of one .ann file: content, source and cue as lists of (start, end)."""
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = _ID.match(line)
            if not m:
                continue  # the continuation of a span text that holds a line break
            fields = line.rstrip("\n").split("\t")
            if m.group(1) == "T":
                try:
                    kind, offsets = fields[1].split(" ", 1)
                    spans[fields[0]] = [tuple(int(x) for x in p.split()) for p in offsets.split(";")]
                except (IndexError, ValueError):
                    continue
            else:
                roles = defaultdict(list)
                for item in fields[1].split():
                    role, _, ref = item.partition(":")
                    roles[role.rstrip("0123456789")].append(ref)
                events.append(roles)
    out = []
    for roles in events:
        pieces = {r: [p for ref in roles.get(r, []) for p in spans.get(ref, [])] for r in ("Content", "Source", "Cue")}
        if pieces["Content"]:
            out.append({"content": pieces["Content"], "source": pieces["Source"], "cue": pieces["Cue"]})
    return out


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _shared(pieces, pair) -> int:
    return sum(_overlap(p, pair) for p in pieces)


def _size(pieces) -> int:
    return sum(e - s for s, e in pieces)


def _text(text: str, pieces) -> str:
    return " ".join(text[s:e] for s, e in sorted(pieces)).replace("\n", " ")


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z’']+", s.lower())


def _stem(word: str) -> str:
    """A rough lemma for grouping cue words (said -> say is not needed: the kinds are coarse)."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def kind_of(text: str, gold: dict) -> str:
    """The attribution form of a gold attribution, from its cue and source text."""
    cue = _text(text, gold["cue"]).lower()
    words = _words(cue)
    source = _text(text, gold["source"])
    lex = lexicon()
    stems = {_stem(w) for w in words}
    if "according" in words:
        return "according to"
    if not gold["source"]:
        return "source-less"
    content_start = min(s for s, _ in gold["content"])
    content_text = _text(text, gold["content"])
    cue_at = min((s for s, _ in gold["cue"]), default=content_start)
    if (
        abs(cue_at - content_start) > 400
        or re.search(r"[.!?][”\"’]?\s+[A-Z“\"]", content_text[:-2])
        and cue_at < content_start
    ):
        return "continuation (several sentences)"
    if _AGENTS.search(source):
        return "spokesman / aide / officials as source"
    if words and words[0] in ("told", "tells", "tell", "telling"):
        return "X told Y (that)"
    if stems & {_stem(n) for n in lex.nouns} or any(
        w in ("statement", "claims", "view", "remarks", "comments") for w in words
    ):
        return "noun attribution (X's claim that)"
    if stems & {_stem(b) for b in _BELIEF} or words and words[0] in _BELIEF:
        return "belief / intention verb"
    if words and words[-1] in _PREPOSITIONS:
        return "cue verb + preposition (complained about, called for)"
    lemmas = {w for w in words if w in lex.verbs} | {_stem(w) for w in words if _stem(w) in lex.verbs}
    if any(w in ("said", "says", "told", "wrote") for w in words) or lemmas:
        return "known cue verb"
    return "other cue: " + (words[-1] if words else "(none)")


def analyse(records_path: str, gold_dir: str):
    texts = {
        os.path.basename(p)[:-4]: open(p, encoding="utf-8").read()
        for p in sorted(glob.glob(os.path.join(gold_dir, "text", "*.txt")))
    }
    anns = {}
    for p in sorted(glob.glob(os.path.join(gold_dir, "attributions", "*.ann"))):
        anns.setdefault(os.path.basename(p)[:-4].rsplit("_", 1)[0], p)
    records = {}
    with open(records_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                path = (rec.get("source") or {}).get("path") or ""
                records[os.path.basename(path)[:-4]] = rec
    missed, wrong_speaker, spurious = defaultdict(list), defaultdict(list), defaultdict(list)
    totals, score = Counter(), Counter()
    for key, text in texts.items():
        rec = records.get(key)
        if rec is None:
            continue
        quotes = rec.get("quotes") or []
        for q in quotes:
            score["sys_" + ("direct" if q["kind"] in ("direct", "partial") else "indirect")] += 1
        ents = {e["id"]: e for e in rec.get("entities") or []}
        used = set()
        for gold in read_ann(anns[key]) if key in anns else ():
            kind = kind_of(text, gold)
            totals[kind] += 1
            cat = "direct" if any(ch in _text(text, gold["content"]) for ch in _GOLD_MARKS) else "indirect"
            score["gold_" + cat] += 1
            best, best_sh = None, 0
            for i, q in enumerate(quotes):
                pair = (q["content"]["start"], q["content"]["end"])
                sh = _shared(gold["content"], pair)
                if sh > best_sh and sh >= 0.5 * _size(gold["content"]) and sh >= 0.5 * (pair[1] - pair[0]):
                    best, best_sh = i, sh
            said = _text(text, gold["content"])[:160]
            example = f"{key}: [{_text(text, gold['source'])}] <{_text(text, gold['cue'])}> {said}"
            if best is None:
                near = [q for q in quotes if _shared(gold["content"], (q["content"]["start"], q["content"]["end"])) > 0]
                if near:  # a quote is there, its bounds are off: show both
                    q = max(near, key=lambda q: _shared(gold["content"], (q["content"]["start"], q["content"]["end"])))
                    bound = (
                        "too long"
                        if q["content"]["end"] - q["content"]["start"] > _size(gold["content"])
                        else "too short"
                    )
                    missed[f"{kind} -- bounds ({bound})"].append(
                        f"{example[:200]}  -> system: {q['content']['text'][:160]}"
                    )
                else:
                    missed[kind].append(example)
                continue
            used.add(best)
            q = quotes[best]
            score["found_" + cat] += 1
            score["hit_" + ("direct" if q["kind"] in ("direct", "partial") else "indirect")] += 1
            spans = [(q["speaker_mention"]["start"], q["speaker_mention"]["end"])] if q.get("speaker_mention") else []
            ent = ents.get(q.get("speaker"))
            spans += [(m["start"], m["end"]) for m in (ent or {}).get("mentions") or []]
            right = any(_shared(gold["source"], sp) > 0 for sp in spans) if gold["source"] else not spans
            score["speaker_ok"] += right
            if not right:
                said = (q.get("speaker_mention") or {}).get("text") or "(no speaker)"
                reason = "no speaker given" if not spans else f"wrong speaker ({q['kind']})"
                wrong_speaker[reason].append(f"{example[:200]}  -> system: {said} <{(q.get('cue') or {}).get('text')}>")
        for i, q in enumerate(quotes):
            if i not in used:
                cue = ((q.get("cue") or {}).get("text") or "").lower()
                label = cue if cue in (":", "—", "―") or not cue else _stem(_words(cue)[-1]) if _words(cue) else cue
                spurious[f"{q['kind']}: {label}"].append(
                    f"{key}: [{(q.get('speaker_mention') or {}).get('text')}] {q['content']['text'][:160]}"
                )
    return score, totals, missed, wrong_speaker, spurious


def _prf(hit_sys: int, n_sys: int, hit_gold: int, n_gold: int) -> str:
    p, r = hit_sys / n_sys if n_sys else 0.0, hit_gold / n_gold if n_gold else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}"


def summary(score: Counter) -> str:
    """The figures of score_quotes.py (which stops on some train files), from the same matching."""
    n_sys, n_gold = score["sys_direct"] + score["sys_indirect"], score["gold_direct"] + score["gold_indirect"]
    parts = [f"content+speaker {_prf(score['speaker_ok'], n_sys, score['speaker_ok'], n_gold)}"]
    for cat in ("direct", "indirect"):
        figures = _prf(score["hit_" + cat], score["sys_" + cat], score["found_" + cat], score["gold_" + cat])
        parts.append(f"{cat} {figures}")
    return "; ".join(parts)


def report(title: str, groups: dict, examples: int, totals: Counter | None = None, top: int = 25) -> None:
    print(f"\n== {title}: {sum(len(v) for v in groups.values())}")
    for kind, items in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:top]:
        of = f" of {totals[kind]}" if totals and kind in totals else ""
        print(f"{len(items):5d}{of}  {kind}")
        for ex in items[:examples]:
            print(f"         {ex[:260]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", help="newsgraph analyze --jsonl output for the split")
    ap.add_argument("gold_dir", help="a PolNeAR split folder holding text/ and attributions/")
    ap.add_argument("--examples", type=int, default=3, help="examples shown per kind")
    args = ap.parse_args()
    english()  # fail early when the package data is missing
    score, totals, missed, wrong, spurious = analyse(args.records, args.gold_dir)
    report("gold attributions missed, by form", missed, args.examples, totals)
    report("found with the wrong speaker", wrong, args.examples)
    report("system quotes matching no gold, by kind and cue", spurious, args.examples)
    print("\n" + summary(score))


if __name__ == "__main__":
    main()
