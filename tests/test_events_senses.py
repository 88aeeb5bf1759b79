"""Senses (events/senses.py, data/events/senses.yaml): the arguments of an event word tell when
it is used in another sense. Each rule is shown on sentences of our own, the other sense
(no event of the code) beside the political one (the event)."""

import pytest

from newsgraph.events.senses import senses, thing_kind
from newsgraph.nlp import parse
from newsgraph.pipeline import analyze_stream
from newsgraph.read import read_text

DATE = "2021-03-12"


def _codes(texts):
    records = analyze_stream([read_text(t) for t in texts], date=DATE)
    return [[e.cameo for e in r.events] for r in records]


CASES = [
    # a thing is no doer: a storm, a virus, weeds or the stock market attack or rally nobody
    ("Weeds invaded the vegetable beds.", "190", False),
    ("The Dow rallied after the report.", "141", False),
    ("The army invaded the island.", "190", True),
    ("Farmers rallied outside the ministry.", "141", True),
    # a thing done to rules out the kind's codes
    ("The taxi driver hit the brakes at the lights.", "190", False),
    ("The bank charged its customers a monthly fee.", "1121", False),
    ("The gang rounded up the best discounts of the week.", "173", False),
    ("The striker struck the ball into the top corner.", "190", False),
    ("Her long battle with cancer ended in May.", "190", False),
    ("The camera captured a video of the parade.", "190", False),
    ("The missiles hit a base.", "190", True),
    ("The prosecutors charged the governor with bribery.", "1121", True),
    ("The rebels captured the town.", "190", True),
    # an owned thing stands for its owner, and a name is no common thing
    ("The union reduced tariffs on the island's exports.", "085", True),
    ("After the Actors' Equity rally the dancers went home.", "141", True),
    # a clause about a match: force and protest are plays of the game
    ("The champion rallied from two sets down to win the match.", "141", False),
    ("The visitors attacked down the left wing in the second half of the match.", "190", False),
    ("The pitcher struck out nine batters in the game.", "143", False),
    ("The challenger meets the champion in a heavyweight bout in May.", "040", False),
    ("The foreign minister met his counterpart in Rome.", "040", True),
    # an election: a beating is a defeat
    ("The young mayor beat the governor's bid for re-election.", "182", False),
    ("The police beat the marchers.", "182", True),
    ("The bombers killed nine people near an election rally.", "1823", True),
    # a civil doer uses no force
    ("The company ceased operations in the region.", "087", False),
    ("The firm closed its office in the port city.", "172", False),
    ("The surgeon's operation on the boy's knee lasted an hour.", "190", False),
    ("The army ceased its operations in the valley.", "087", True),
    ("The regime closed the office of the charity.", "172", True),
    # codes done to people need a person
    ("The sanctuary released the owl into the forest.", "0841", False),
    ("The studio released the film's first trailer.", "0841", False),
    ("The rebels released the hostages.", "0841", True),
    ("The police arrested the poet.", "173", True),
    # fighting is with a foe
    ("The nurses fought the infection for a week.", "190", False),
    ("The charity fights poverty in the city.", "190", False),
    ("The rebels fought the army near the border.", "190", True),
    # an appeal says what is asked; a plea of guilt is no plea
    ("Two detectives called on the widow at her flat on Tuesday.", "020", False),
    ("The senators called on the president to resign.", "020", True),
    ("The former mayor pleaded guilty to bribery.", "020", False),
    ("The families pleaded with the kidnappers.", "020", True),
]


@pytest.mark.parametrize("sentence, code, coded", CASES)
def test_senses(sentence, code, coded):
    (codes,) = _codes([sentence])
    assert (code in codes) == coded, codes


def test_thing_kinds_name_things_not_actors():
    doc = parse("The bank raised the fee.")
    assert thing_kind(doc[1]) is None  # an organisation noun of the actor lists
    assert thing_kind(doc[4])[0] == "charges"


def test_senses_data_loads_with_roots():
    table = senses()
    assert table.things["cancer"][0] == "illness"
    assert table.things["car"][1] == ()  # vehicles: ruled out as doers only
    assert "BUS" in table.civil_sectors
    assert "1823" in table.person_codes
