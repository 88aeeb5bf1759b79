"""Coreference rules of the actors stage, each on a small example written for the test."""

from __future__ import annotations

import pytest

from newsgraph import nlp
from newsgraph.actors import coref
from newsgraph.pipeline import STAGES, Pipeline
from newsgraph.read import read_text
from newsgraph.record import Zone


def actors_of(text: str, date: str | None = "2019-03-01", zones: list[Zone] | None = None, byline: str | None = None):
    doc = read_text(text)
    doc.hints.byline = byline
    return Pipeline(stages=STAGES[:1]).article(doc, date, zones).actors


def entity_of(actors, text: str, phrase: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    found = actors.mention_at(start, start + len(phrase))
    assert found is not None, f"no mention at {phrase!r}"
    return found[1]


@pytest.fixture(scope="module", autouse=True)
def _model():
    nlp.load()


def test_surname_of_person_joins_an_honorific_and_a_bare_surname_to_the_full_name():
    text = "Farmer Janet Oduya opened the market on Monday. Ms Oduya said prices fell. Oduya left early."
    actors = actors_of(text)
    full = entity_of(actors, text, "Janet Oduya")
    assert entity_of(actors, text, "Ms Oduya") is full
    assert entity_of(actors, text, "Oduya left") is full
    assert full.name == "Janet Oduya" and full.type == "PERSON"


def test_surname_of_person_follows_the_honorific_gender_between_two_bearers():
    text = ("Mark Delacroix and his sister Anna Delacroix run the bakery. "
            "Mr Delacroix bakes the bread. Ms Delacroix keeps the books.")
    actors = actors_of(text)
    assert entity_of(actors, text, "Mr Delacroix") is entity_of(actors, text, "Mark Delacroix")
    assert entity_of(actors, text, "Ms Delacroix") is entity_of(actors, text, "Anna Delacroix")


def test_antecedent_he_and_she_go_to_the_nearest_person_of_their_gender():
    text = "Mr Halvorsen met Ms Quist in Oslo. She said the talks went well, and he agreed."
    actors = actors_of(text)
    assert entity_of(actors, text, "She") is entity_of(actors, text, "Ms Quist")
    assert entity_of(actors, text, "he agreed") is entity_of(actors, text, "Mr Halvorsen")


def test_antecedent_in_the_sentence_before_is_the_subject():
    text = "Senator Ruth Abernathy criticised the plan. She said it would cost too much."
    actors = actors_of(text)
    assert entity_of(actors, text, "She") is entity_of(actors, text, "Ruth Abernathy")


def test_antecedent_of_they_is_a_group():
    text = "Local farmers blocked the road on Tuesday. They said the new tax would ruin them."
    actors = actors_of(text)
    group = entity_of(actors, text, "Local farmers")
    assert group.type == "GROUP"
    assert entity_of(actors, text, "They") is group


def test_antecedent_of_an_object_pronoun_is_not_its_own_subject():
    text = "Mr Brandt met Mr Kowalczyk on Friday. Mr Brandt thanked him warmly."
    actors = actors_of(text)
    assert entity_of(actors, text, "him") is entity_of(actors, text, "Mr Kowalczyk")


def test_latest_title_holder_takes_the_definite_title():
    text = ("French President Emmanuel Macron met Chancellor Olaf Scholz in Berlin. "
            "The French leader said the meeting was useful. The chancellor agreed.")
    actors = actors_of(text, date="2022-06-01")
    macron = entity_of(actors, text, "Emmanuel Macron")
    assert entity_of(actors, text, "The French leader") is macron
    assert entity_of(actors, text, "The chancellor") is entity_of(actors, text, "Olaf Scholz")


def test_latest_title_holder_of_another_country_is_skipped():
    text = ("Kenyan President William Ruto spoke after Ugandan President Yoweri Museveni. "
            "The Kenyan President later left.")
    actors = actors_of(text)
    assert entity_of(actors, text, "The Kenyan President") is entity_of(actors, text, "William Ruto")


def test_a_definite_title_joins_only_a_holder_of_the_whole_title():
    # both hold a "minister" title; only one is prime minister, and "foreign" fits neither
    text = ("Health minister Ana Lobo met Prime Minister Rui Costa. Ms Lobo spoke first. "
            "The prime minister insisted the plan was sound. The foreign minister was absent.")
    actors = actors_of(text)
    assert entity_of(actors, text, "The prime minister") is entity_of(actors, text, "Rui Costa")
    assert entity_of(actors, text, "The foreign minister") not in (
        entity_of(actors, text, "Rui Costa"), entity_of(actors, text, "Ana Lobo"))
    text = "Health minister Ana Lobo spoke. The minister later left."
    actors = actors_of(text)
    assert entity_of(actors, text, "The minister") is entity_of(actors, text, "Ana Lobo")


def test_apposition_joins_the_name_and_gives_a_title():
    text = "Her deputy, Tomas Lindqvist, signed the order."
    actors = actors_of(text)
    person = entity_of(actors, text, "Tomas Lindqvist")
    assert entity_of(actors, text, "Her deputy") is person
    assert "deputy" in person.titles


def test_relative_pronoun_joins_the_noun_it_modifies():
    text = "Mayor Lena Fischbach, who took office in May, opened the bridge."
    actors = actors_of(text)
    assert entity_of(actors, text, "who") is entity_of(actors, text, "Lena Fischbach")


def test_speaker_in_paragraph_says_i_in_a_quotation():
    text = '"I will not resign," Mr Okonkwo told reporters.'
    actors = actors_of(text)
    assert entity_of(actors, text, "I") is entity_of(actors, text, "Mr Okonkwo")


def test_abbreviation_an_acronym_joins_the_organisation():
    text = "The Northern Grain Cooperative raised prices. NGC said costs had doubled."
    actors = actors_of(text)
    assert entity_of(actors, text, "NGC") is entity_of(actors, text, "Northern Grain Cooperative")


def test_repeated_nominal_the_campaign_joins_the_campaign_named_before():
    text = "The Walsh campaign raised money in May. The campaign said it had spent little."
    actors = actors_of(text)
    assert entity_of(actors, text, "The campaign") is entity_of(actors, text, "The Walsh campaign")


def test_expletive_it_names_no_actor():
    text = "The ministry published figures. It is clear that the plan failed."
    actors = actors_of(text)
    found = actors.mention_at(text.index("It is"), text.index("It is") + 2)
    assert found is None


def test_boilerplate_makes_no_entities():
    text = "Dmitri Volkov won the race.\nFollow Sophie Turnwell on Twitter for more."
    zone = Zone("boilerplate", text.index("Follow"), len(text))
    actors = actors_of(text, zones=[Zone("body", 0, text.index("\n")), zone])
    names = {e.name for e in actors.entities}
    assert "Sophie Turnwell" not in names and "Twitter" not in names


def test_mention_at_prefers_the_pronoun_inside_a_phrase():
    text = "Governor Ada Pryce praised her chief of staff, Leon Marsh."
    actors = actors_of(text)
    i = text.index("her")
    span, entity = actors.mention_at(i, i + 3)
    assert text[span.start : span.end] == "her"
    assert entity is entity_of(actors, text, "Ada Pryce")


def test_quantifier_subject_is_an_unnamed_group():
    text = "The council approved the budget. Some said it was too small."
    actors = actors_of(text)
    assert entity_of(actors, text, "Some").type == "GROUP"


def test_a_noun_described_by_a_who_clause_is_an_actor():
    text = "The plan angered shopkeepers who had paid the old fee."
    actors = actors_of(text)
    group = entity_of(actors, text, "shopkeepers")
    assert group.type == "GROUP"
    assert entity_of(actors, text, "who") is group


def test_a_plural_noun_saying_something_is_a_group():
    text = "Glaziers said the new rules would raise prices."
    actors = actors_of(text)
    assert entity_of(actors, text, "Glaziers").type == "GROUP"


def test_a_share_of_a_group_is_a_group_mention_from_the_quantity_on():
    text = "A large majority of nurses rejected the offer."
    actors = actors_of(text)
    span, group = actors.mention_at(0, len("A large majority of nurses"))
    assert group.type == "GROUP" and text[span.start : span.end] == "A large majority of nurses"


def test_same_gender_before_she_reaches_back_to_the_last_woman_named():
    text = ("Ms Varga opened the hearing. The committee met for an hour. Members asked questions. "
            "The questions were long. The answers were short. Nobody left early. She closed it at noon.")
    actors = actors_of(text)
    assert entity_of(actors, text, "She") is entity_of(actors, text, "Ms Varga")


def test_according_to_makes_its_object_an_actor():
    text = "Prices will rise, according to several analysts."
    actors = actors_of(text)
    assert entity_of(actors, text, "several analysts").type == "GROUP"


def test_writer_is_i_outside_quotations():
    text = "I visited the new library last week. My guide was a retired teacher."
    actors = actors_of(text, "2020-01-01", byline="By Nora Quill")
    writer = entity_of(actors, text, "I")
    assert writer.name == "Nora Quill" and writer.type == "PERSON"
    assert entity_of(actors, text, "My") is writer


def test_earlier_speaker_says_a_quotation_opening_a_paragraph():
    text = ('Mr Adeyemi said the port would reopen.\n\n'
            '"We have waited long enough. I expect ships by Monday."')
    actors = actors_of(text)
    assert entity_of(actors, text, "I expect") is entity_of(actors, text, "Mr Adeyemi")


def test_relative_pronoun_after_a_multiword_organisation():
    text = "He appealed to the Board of Elections, which ruled against him."
    actors = actors_of(text)
    which = entity_of(actors, text, "which")
    assert which.type == "ORG" and "Board" in which.name


INTERVIEW = ("Mayor Ines Valdivia spoke to us about the flood.\n\n"
             "Q: Were you surprised by the damage?\n\n"
             "A: I was. We had never seen water so high.")


def test_interviewer_asks_in_a_transcript_and_is_the_writer():
    actors = actors_of(INTERVIEW, "2020-01-01", byline="By Omar Reyes")
    writer = entity_of(actors, INTERVIEW, "Q:")
    assert writer.name == "Omar Reyes"
    # the answer is not the interviewer's
    assert entity_of(actors, INTERVIEW, "A:") is not writer
    assert entity_of(actors, INTERVIEW, "I was") is not writer


def test_interviewee_answers_in_a_transcript_and_is_the_person_named_most():
    actors = actors_of(INTERVIEW, "2020-01-01", byline="By Omar Reyes")
    mayor = entity_of(actors, INTERVIEW, "Ines Valdivia")
    assert entity_of(actors, INTERVIEW, "you") is mayor
    assert entity_of(actors, INTERVIEW, "I was") is mayor
    assert entity_of(actors, INTERVIEW, "We had") is mayor
    assert entity_of(actors, INTERVIEW, "A:") is mayor


def test_interviewee_is_no_one_when_the_article_names_no_person():
    text = INTERVIEW.replace("Mayor Ines Valdivia spoke to us about", "We asked about")
    actors = actors_of(text, "2020-01-01", byline="By Omar Reyes")
    for phrase in ("A:", "I was", "you"):
        i = text.index(phrase)
        assert actors.mention_at(i, i + len(phrase)) is None, phrase
    assert entity_of(actors, text, "Q:").name == "Omar Reyes"


def test_surname_of_person_a_first_surname_of_two_joins_the_full_name():
    text = "Lucia Ortega Blanco chairs the board. Ms. Ortega said the vote would wait."
    actors = actors_of(text)
    assert entity_of(actors, text, "Ms. Ortega") is entity_of(actors, text, "Lucia Ortega Blanco")


def test_known_title_holder_of_a_capitalised_title_comes_from_the_people_file():
    text = "Members of the Bundestag met on Monday. The Chancellor said Germany would help."
    actors = actors_of(text, date="2016-03-01")
    assert entity_of(actors, text, "The Chancellor").name == "Angela Merkel"


def test_title_holder_at_date_joins_the_holder_named_far_away():
    text = ("The President spoke first. The hall was full. The doors were shut. The lights dimmed. "
            "The crowd was quiet. Later, Barack Obama left by car.")
    actors = actors_of(text, date="2014-05-01")
    assert entity_of(actors, text, "The President") is entity_of(actors, text, "Barack Obama")


def test_a_listed_noun_heading_a_relative_clause_acts():
    text = "The rule angered trade groups that had backed the mayor."
    actors = actors_of(text)
    groups = entity_of(actors, text, "trade groups")
    assert groups.type == "GROUP"
    assert entity_of(actors, text, "that") is groups


def test_those_who_is_a_group_and_who_joins_it():
    text = "Among those who voted early, most chose the mayor."
    actors = actors_of(text)
    assert entity_of(actors, text, "who") is entity_of(actors, text, "those")
    assert entity_of(actors, text, "most").type == "GROUP"


def test_a_compound_person_noun_is_a_person():
    text = "The retired neurosurgeon said the plan was sound."
    actors = actors_of(text)
    assert entity_of(actors, text, "The retired neurosurgeon").type == "PERSON"


def test_document_issuer_a_document_speaks_for_its_issuer():
    text = "A new Harwick poll was released on Monday. The poll found that most voters were undecided."
    actors = actors_of(text)
    issuer = entity_of(actors, text, "Harwick")
    assert entity_of(actors, text, "The poll") is issuer


def test_document_issuer_a_document_with_no_issuer_is_no_mention():
    text = "The report found that prices rose."
    actors = actors_of(text)
    assert actors.mention_at(0, len("The report")) is None


def test_repeated_nominal_two_campaigns_with_different_owners_stay_apart():
    text = "The Ruiz campaign raised money. The Tanaka campaign spent it."
    actors = actors_of(text)
    assert entity_of(actors, text, "The Ruiz campaign") is not entity_of(actors, text, "The Tanaka campaign")


def test_surname_of_person_shared_goes_to_the_one_named_first_unless_the_other_was_just_named():
    text = ("Maria Lund spoke first. Lund praised the staff. The hall was full. The band played. "
            "The lights dimmed. Her father, Anders Lund, sat in the front row. Lund smiled. "
            "The evening went on. Dinner was served. The guests left. Later, Lund thanked the donors.")
    actors = actors_of(text)
    maria, anders = entity_of(actors, text, "Maria Lund"), entity_of(actors, text, "Anders Lund")
    assert entity_of(actors, text, "Lund smiled") is anders
    assert entity_of(actors, text, "Lund thanked") is maria


def test_repeated_nominal_joins_the_earlier_phrase_whose_describing_words_it_repeats():
    text = ("Auditors traced the payments from Kenya's central bank to a Ugandan commercial bank. "
            "The central bank later sued the commercial bank.")
    actors = actors_of(text)
    central = entity_of(actors, text, "Kenya's central bank")
    commercial = entity_of(actors, text, "a Ugandan commercial bank")
    assert central is not commercial
    assert entity_of(actors, text, "The central bank") is central
    assert entity_of(actors, text, "the commercial bank") is commercial


# every rule of coref.PASSES, positive and negative -------------------------------------------

# (rule, text, a mention, the mention it must join)
JOINS = [
    ("same_full_name", "Henrik Solberg opened the session. H. Solberg then read the report.",
     "H. Solberg", "Henrik Solberg"),
    ("first_name", "Dmitri Volkov won the race. Dmitri thanked the crowd.", "Dmitri thanked", "Dmitri Volkov"),
    ("same_name", "The United States and Canada signed the deal. The U.S. had pushed for it.",
     "U.S.", "United States"),
    ("abbreviation", "The Washington Post reported the story. The Post said the mayor had resigned.",
     "Post said", "Washington Post"),
    ("titled_name", "The Deputy Minister for Health Anna Kowal resigned.", "The Deputy Minister", "Anna Kowal"),
    ("title_ahead", "The spokesman declined to comment. Later, spokesman Ivo Renner said the talks had failed.",
     "The spokesman", "Ivo Renner"),
    ("repeated_nominal", "City officials closed the road. The officials said it would reopen soon.",
     "The officials", "City officials"),
    ("named_organisation", "The Greenfield Housing Authority raised rents. The authority said costs had risen.",
     "The authority", "Greenfield Housing Authority"),
    ("named_organisation", "Calm returned as Guard patrolled the streets. Ohio National Guard troops left on Friday.",
     "Guard patrolled", "Ohio National Guard"),
    ("expletive_it", "The ministry published figures. It said the plan had failed.", "It said", "The ministry"),
]

FAR = "The hall was full. The doors were shut. The lights dimmed. The room was quiet."

# (rule, text, a mention, a mention it must not join)
APART = [
    ("same_full_name", "Henrik Solberg and Ingrid Solberg opened the session. Ingrid Solberg read the report.",
     "Ingrid Solberg read", "Henrik Solberg"),
    ("first_name", "Dmitri Volkov and Dmitri Orlov ran the race. Dmitri thanked the crowd.",
     "Dmitri thanked", "Dmitri Volkov"),
    ("first_name", "Dmitri Volkov and Dmitri Orlov ran the race. Dmitri thanked the crowd.",
     "Dmitri thanked", "Dmitri Orlov"),
    ("surname_of_person", "Mark Delacroix runs the bakery. Ms Delacroix keeps the books.",
     "Ms Delacroix", "Mark Delacroix"),
    ("same_name", "The United States and Canada signed the deal. The U.S. had pushed for it.",
     "Canada", "United States"),
    ("abbreviation", "The Northern Grain Cooperative raised prices. NGB said costs had doubled.",
     "NGB", "Northern Grain Cooperative"),
    ("titled_name", "The Deputy Minister said Anna Kowal resigned.", "The Deputy Minister", "Anna Kowal"),
    ("apposition", "Tomas Lindqvist signed the order. A deputy objected.", "A deputy", "Tomas Lindqvist"),
    ("title_ahead", f"The spokesman declined to comment. {FAR} Later, spokesman Ivo Renner said the talks had failed.",
     "The spokesman", "Ivo Renner"),
    ("named_organisation", "The Greenfield Housing Trust raised rents. The authority said costs had risen.",
     "The authority", "Greenfield Housing Trust"),
    ("named_organisation", "Calm returned as the guard patrolled the streets. Ohio National Guard troops left.",
     "guard patrolled", "Ohio National Guard"),
    ("new_full_name", "Karen Whitlow arrived late. Mr Tobias Grant was waiting, and she greeted him.",
     "she", "Tobias Grant"),
]

# (rule, text, a mention that names no actor)
NO_ACTOR = [
    ("relative_pronoun", "The plan, which failed, cost millions.", "which"),
    ("quantifier", "They bought some.", "some"),
    ("antecedent", "Mr Halvorsen met the committee in Oslo. She said the talks went well.", "She"),
    ("same_gender_before", f"Local farmers blocked the road on Tuesday. {FAR} They said the new tax would ruin them.",
     "They said"),
    ("speaker_in_paragraph", '"I will not resign," the ministry said.', "I will"),
    ("earlier_speaker", 'Mr Adeyemi said the port would reopen.\n\nThe harbour was quiet.\n\nThe cranes stood still.'
     '\n\n"We have waited long enough. I expect ships by Monday."', "I expect"),
    ("writer", "You can see the river from here.", "You"),
]


@pytest.mark.parametrize(("rule", "text", "phrase", "other"), JOINS, ids=[row[0] for row in JOINS])
def test_rule_joins(rule, text, phrase, other):
    actors = actors_of(text)
    assert entity_of(actors, text, phrase) is entity_of(actors, text, other)


@pytest.mark.parametrize(("rule", "text", "phrase", "other"), APART, ids=[row[0] for row in APART])
def test_rule_keeps_apart(rule, text, phrase, other):
    actors = actors_of(text)
    assert entity_of(actors, text, phrase) is not entity_of(actors, text, other)


@pytest.mark.parametrize(("rule", "text", "phrase"), NO_ACTOR, ids=[row[0] for row in NO_ACTOR])
def test_rule_finds_no_actor(rule, text, phrase):
    i = text.index(phrase)
    assert actors_of(text).mention_at(i, i + len(phrase)) is None


def test_new_full_name_opens_a_person_whose_given_name_tells_the_gender():
    text = "Karen Whitlow arrived late. Mr Tobias Grant was waiting, and she greeted him."
    actors = actors_of(text)
    karen = entity_of(actors, text, "Karen Whitlow")
    assert karen.type == "PERSON" and karen.name == "Karen Whitlow"
    assert entity_of(actors, text, "she") is karen


def test_new_short_name_of_a_well_known_surname_is_that_person():
    text = "Merkel said on Monday that Germany would help."
    assert entity_of(actors_of(text, date="2016-03-01"), text, "Merkel").name == "Angela Merkel"


def test_new_short_name_of_an_unknown_surname_is_a_person_of_that_name():
    text = "Ms Halloran said on Monday that the bridge would close."
    person = entity_of(actors_of(text), text, "Ms Halloran")
    assert person.type == "PERSON" and person.name == "Halloran" and person.code is None


def test_new_name_of_a_listed_organisation_takes_its_codes():
    text = "The Justice Department opened an inquiry. The Harwell Trust said it would help."
    actors = actors_of(text)
    listed = entity_of(actors, text, "Justice Department")
    assert listed.type == "ORG" and listed.code == "USAJUD"
    assert entity_of(actors, text, "Harwell Trust").code is None


def test_title_holder_at_date_needs_the_title_held_on_the_date():
    text = f"The President spoke first. {FAR} Later, Barack Obama left by car."
    actors = actors_of(text, date="2019-05-01")
    assert entity_of(actors, text, "The President") is not entity_of(actors, text, "Barack Obama")


def test_known_title_holder_needs_a_capitalised_title():
    text = "Members of the Bundestag met on Monday. The chancellor said Germany would help."
    assert entity_of(actors_of(text, date="2016-03-01"), text, "The chancellor").name != "Angela Merkel"


def test_new_nominal_opens_an_actor_of_its_noun_once():
    text = "City officials closed the road. The officials said it would reopen soon."
    actors = actors_of(text)
    assert [e.name for e in actors.entities if e.type == "GROUP"] == ["City officials"]


def test_every_rule_has_its_own_tests():
    tested = {row[0] for row in JOINS + APART + NO_ACTOR}
    tested |= {rule for name in globals() for rule in RULE_NAMES if name.startswith(f"test_{rule}_")}
    assert set(RULE_NAMES) <= tested, set(RULE_NAMES) - tested


RULE_NAMES = [rule.__name__ for _, rules in coref.PASSES for rule in rules]


def test_polity_reference_the_country_is_the_latest_country_and_the_city_the_latest_place():
    text = "Kenya held an election in May. The country will hold another next year."
    actors = actors_of(text)
    assert entity_of(actors, text, "The country").name == "Kenya"
    text = "Nairobi lifted the curfew on Sunday. The city remains calm, and Kenya votes next year."
    actors = actors_of(text)
    assert entity_of(actors, text, "The city").name == "Nairobi"
    # no country named before: "the country" is an actor of its own, not the city
    text = "Nairobi lifted the curfew on Sunday. The country will vote next year."
    assert entity_of(actors_of(text), text, "The country").name != "Nairobi"


def test_repeated_nominal_groups_of_different_counts_are_different_groups():
    text = ("The floods displaced 3,000 villagers. The army rescued 200 villagers on Monday. "
            "The villagers thanked the army.")
    actors = actors_of(text)
    rescued = entity_of(actors, text, "200 villagers")
    assert entity_of(actors, text, "3,000 villagers") is not rescued
    assert entity_of(actors, text, "The villagers") in (rescued, entity_of(actors, text, "3,000 villagers"))


def test_antecedent_it_may_be_a_collective_noun_in_the_singular():
    text = "The military said it would send more troops. On Friday, it ordered the residents to leave."
    actors = actors_of(text)
    assert entity_of(actors, text, "it", nth=1) is entity_of(actors, text, "The military")
