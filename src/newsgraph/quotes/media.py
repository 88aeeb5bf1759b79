"""The medium of a quote: where the attribution says it was said or written.

The words are data (``data/quote_media.yaml``). They are looked for in the phrases that
hang on the cue verb, never in the reported content: "wrote on Twitter", "said in a
statement", "told CBS", "In an interview with NBC, Smith said ...". A named news outlet
wins over a channel word, being the more specific ("an interview with CBS" -> CBS).
"""

from __future__ import annotations

import re

from newsgraph.knowledge import derived, load_yaml

_ATTACHED = frozenset({"prep", "dative", "dobj", "npadvmod", "agent", "advcl", "pobj"})


@derived
def _vocabulary() -> tuple[dict[str, str], re.Pattern]:
    spec = load_yaml("quote_media.yaml")
    words = {w.lower(): channel for channel, names in spec["channels"].items() for w in names}
    names = sorted(spec["outlets"], key=len, reverse=True)
    outlets = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    return words, outlets


def medium_of(verb, own: str | None = None, skip=frozenset()) -> str | None:
    """The medium named around a cue verb (or ``own``, the medium the verb itself names).

    ``skip`` holds token indices not to look at (the content and the speaker).
    """
    if own:
        return own
    words, outlets = _vocabulary()
    tokens = [t for c in verb.children if c.dep_ in _ATTACHED and c.i not in skip for t in c.subtree]
    if not tokens:
        return None
    phrase = " ".join(t.text for t in tokens)
    hit = outlets.search(phrase)
    if hit:
        return hit.group(0)
    lowered = [t.lower_ for t in tokens]
    for a, b in zip(lowered, lowered[1:] + [""], strict=True):
        channel = words.get(f"{a} {b}") or words.get(a)
        if channel:
            return channel
    return None
