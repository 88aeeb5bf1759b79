"""Coreference rules of the actors stage, each on a small example written for the test."""

from __future__ import annotations

import pytest

from newsgraph import nlp
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


def test_honorific_and_bare_surname_join_the_full_name():
    text = "Farmer Janet Oduya opened the market on Monday. Ms Oduya said prices fell. Oduya left early."
    actors = actors_of(text)
    full = entity_of(actors, text, "Janet Oduya")
    assert entity_of(actors, text, "Ms Oduya") is full
    assert entity_of(actors, text, "Oduya left") is full
    assert full.name == "Janet Oduya" and full.type == "PERSON"


def test_a_surname_shared_by_two_people_follows_the_honorific_gender():
    text = ("Mark Delacroix and his sister Anna Delacroix run the bakery. "
            "Mr Delacroix bakes the bread. Ms Delacroix keeps the books.")
    actors = actors_of(text)
    assert entity_of(actors, text, "Mr Delacroix") is entity_of(actors, text, "Mark Delacroix")
    assert entity_of(actors, text, "Ms Delacroix") is entity_of(actors, text, "Anna Delacroix")


def test_he_and_she_go_to_the_nearest_person_of_their_gender():
    text = "Mr Halvorsen met Ms Quist in Oslo. She said the talks went well, and he agreed."
    actors = actors_of(text)
    assert entity_of(actors, text, "She") is entity_of(actors, text, "Ms Quist")
    assert entity_of(actors, text, "he agreed") is entity_of(actors, text, "Mr Halvorsen")


def test_a_pronoun_in_the_next_sentence_prefers_the_subject():
    text = "Senator Ruth Abernathy criticised the plan. She said it would cost too much."
    actors = actors_of(text)
    assert entity_of(actors, text, "She") is entity_of(actors, text, "Ruth Abernathy")


def test_they_goes_to_a_group():
    text = "Local farmers blocked the road on Tuesday. They said the new tax would ruin them."
    actors = actors_of(text)
    group = entity_of(actors, text, "Local farmers")
    assert group.type == "GROUP"
    assert entity_of(actors, text, "They") is group


def test_an_object_pronoun_is_not_its_own_subject():
    text = "Mr Brandt met Mr Kowalczyk on Friday. Mr Brandt thanked him warmly."
    actors = actors_of(text)
    assert entity_of(actors, text, "him") is entity_of(actors, text, "Mr Kowalczyk")


def test_definite_title_goes_to_the_actor_holding_it():
    text = ("French President Emmanuel Macron met Chancellor Olaf Scholz in Berlin. "
            "The French leader said the meeting was useful. The chancellor agreed.")
    actors = actors_of(text, date="2022-06-01")
    macron = entity_of(actors, text, "Emmanuel Macron")
    assert entity_of(actors, text, "The French leader") is macron
    assert entity_of(actors, text, "The chancellor") is entity_of(actors, text, "Olaf Scholz")


def test_title_with_a_country_skips_a_holder_of_another_country():
    text = ("Kenyan President William Ruto spoke after Ugandan President Yoweri Museveni. "
            "The Kenyan President later left.")
    actors = actors_of(text)
    assert entity_of(actors, text, "The Kenyan President") is entity_of(actors, text, "William Ruto")


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


def test_first_person_in_a_quotation_is_the_speaker():
    text = '"I will not resign," Mr Okonkwo told reporters.'
    actors = actors_of(text)
    assert entity_of(actors, text, "I") is entity_of(actors, text, "Mr Okonkwo")


def test_acronym_joins_the_organisation_it_abbreviates():
    text = "The Northern Grain Cooperative raised prices. NGC said costs had doubled."
    actors = actors_of(text)
    assert entity_of(actors, text, "NGC") is entity_of(actors, text, "Northern Grain Cooperative")


def test_the_campaign_joins_the_campaign_named_before():
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


def test_a_quantifier_subject_is_an_unnamed_group():
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


def test_she_reaches_back_to_the_last_woman_named():
    text = ("Ms Varga opened the hearing. The committee met for an hour. Members asked questions. "
            "The questions were long. The answers were short. Nobody left early. She closed it at noon.")
    actors = actors_of(text)
    assert entity_of(actors, text, "She") is entity_of(actors, text, "Ms Varga")


def test_according_to_makes_its_object_an_actor():
    text = "Prices will rise, according to several analysts."
    actors = actors_of(text)
    assert entity_of(actors, text, "several analysts").type == "GROUP"


def test_first_person_outside_quotations_is_the_writer():
    text = "I visited the new library last week. My guide was a retired teacher."
    actors = actors_of(text, "2020-01-01", byline="By Nora Quill")
    writer = entity_of(actors, text, "I")
    assert writer.name == "Nora Quill" and writer.type == "PERSON"
    assert entity_of(actors, text, "My") is writer


def test_a_quotation_opening_a_paragraph_is_spoken_by_the_last_speaker_before():
    text = ('Mr Adeyemi said the port would reopen.\n\n'
            '"We have waited long enough. I expect ships by Monday."')
    actors = actors_of(text)
    assert entity_of(actors, text, "I expect") is entity_of(actors, text, "Mr Adeyemi")


def test_relative_pronoun_after_a_multiword_organisation():
    text = "He appealed to the Board of Elections, which ruled against him."
    actors = actors_of(text)
    which = entity_of(actors, text, "which")
    assert which.type == "ORG" and "Board" in which.name


def test_interview_transcript_turns():
    text = ("Mayor Ines Valdivia spoke to us about the flood.\n\n"
            "Q: Were you surprised by the damage?\n\n"
            "A: I was. We had never seen water so high.")
    actors = actors_of(text, "2020-01-01", byline="By Omar Reyes")
    mayor = entity_of(actors, text, "Ines Valdivia")
    assert entity_of(actors, text, "you") is mayor
    assert entity_of(actors, text, "I was") is mayor
    assert entity_of(actors, text, "A:") is mayor
    assert entity_of(actors, text, "Q:").name == "Omar Reyes"


def test_a_first_surname_of_a_double_surname_joins_the_full_name():
    text = "Lucia Ortega Blanco chairs the board. Ms. Ortega said the vote would wait."
    actors = actors_of(text)
    assert entity_of(actors, text, "Ms. Ortega") is entity_of(actors, text, "Lucia Ortega Blanco")


def test_a_capitalised_title_with_no_holder_in_the_article_goes_to_the_people_file():
    text = "Members of the Bundestag met on Monday. The Chancellor said Germany would help."
    actors = actors_of(text, date="2016-03-01")
    assert entity_of(actors, text, "The Chancellor").name == "Angela Merkel"


def test_a_capitalised_title_joins_the_holder_named_far_away():
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


def test_a_document_speaks_for_its_issuer():
    text = "A new Harwick poll was released on Monday. The poll found that most voters were undecided."
    actors = actors_of(text)
    issuer = entity_of(actors, text, "Harwick")
    assert entity_of(actors, text, "The poll") is issuer


def test_a_document_with_no_issuer_is_no_mention():
    text = "The report found that prices rose."
    actors = actors_of(text)
    assert actors.mention_at(0, len("The report")) is None


def test_two_campaigns_with_different_owners_stay_apart():
    text = "The Ruiz campaign raised money. The Tanaka campaign spent it."
    actors = actors_of(text)
    assert entity_of(actors, text, "The Ruiz campaign") is not entity_of(actors, text, "The Tanaka campaign")


def test_a_shared_surname_goes_to_the_person_named_first_unless_the_other_was_just_named():
    text = ("Maria Lund spoke first. Lund praised the staff. The hall was full. The band played. "
            "The lights dimmed. Her father, Anders Lund, sat in the front row. Lund smiled. "
            "The evening went on. Dinner was served. The guests left. Later, Lund thanked the donors.")
    actors = actors_of(text)
    maria, anders = entity_of(actors, text, "Maria Lund"), entity_of(actors, text, "Anders Lund")
    assert entity_of(actors, text, "Lund smiled") is anders
    assert entity_of(actors, text, "Lund thanked") is maria


def test_a_definite_phrase_joins_the_earlier_phrase_whose_describing_words_it_repeats():
    text = ("Auditors traced the payments from Kenya's central bank to a Ugandan commercial bank. "
            "The central bank later sued the commercial bank.")
    actors = actors_of(text)
    central = entity_of(actors, text, "Kenya's central bank")
    commercial = entity_of(actors, text, "a Ugandan commercial bank")
    assert central is not commercial
    assert entity_of(actors, text, "The central bank") is central
    assert entity_of(actors, text, "the commercial bank") is commercial
