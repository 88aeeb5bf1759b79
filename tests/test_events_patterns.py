"""The pattern dictionary: every entry's own example codes to its code, and each family of
patterns codes a sentence of our own."""

import pytest

from newsgraph.events.patterns import lexicon
from newsgraph.pipeline import analyze_stream
from newsgraph.read import read_text

DATE = "2021-03-12"


def _codes(texts):
    records = analyze_stream([read_text(t) for t in texts], date=DATE)
    return [[e.cameo for e in r.events] for r in records]


def test_every_example_codes_to_its_own_pattern():
    lex = lexicon()
    patterns = [p for table in (lex.verbs, lex.nouns) for ps in table.values() for p in ps]
    found = _codes([p.example for p in patterns])
    pairs = zip(patterns, found, strict=True)
    wrong = [(p.head, p.code, codes, p.example) for p, codes in pairs if p.code not in codes]
    assert not wrong


def test_no_negative_example_codes_its_pattern():
    """Each pattern's `not` sentences use the word in another sense: the code must not come out."""
    lex = lexicon()
    cases = [(p, s) for table in (lex.verbs, lex.nouns) for ps in table.values() for p in ps for s in p.negatives]
    assert cases
    found = _codes([s for _, s in cases])
    wrong = [(p.head, p.code, codes, s) for (p, s), codes in zip(cases, found, strict=True) if p.code in codes]
    assert not wrong


@pytest.mark.parametrize(
    "sentence, root",
    [
        ("The spokesman denied any role in the fire.", "01"),
        ("The cardinals urged the governor to pardon the strikers.", "02"),
        ("The sultan invited the delegation to his palace.", "03"),
        ("The envoy met the sultan in the border town.", "04"),
        ("The senator praised the firefighters.", "05"),
        ("The coast guards shared information with the navy.", "06"),
        ("The charity provided blankets to the refugees.", "07"),
        ("The guerrillas freed three engineers.", "08"),
        ("The auditors investigated the port authority.", "09"),
        ("The dockers demanded higher wages from the shipping firm.", "10"),
        ("The bishop condemned the shooting of the farmers.", "11"),
        ("The assembly rejected the budget of the governor.", "12"),
        ("The warlord threatened the traders.", "13"),
        ("Thousands of nurses demonstrated against the pay freeze.", "14"),
        ("The republic mobilized its reserves against the invaders.", "15"),
        ("The ministry expelled two diplomats of the kingdom.", "16"),
        ("The border police detained four smugglers.", "17"),
        ("The gang killed two shopkeepers.", "18"),
        ("The drones struck a fuel depot.", "19"),
        ("The junta massacred the villagers.", "20"),
    ],
)
def test_each_family_codes_its_root(sentence, root):
    (codes,) = _codes([sentence])
    assert any(c.startswith(root) for c in codes), codes
