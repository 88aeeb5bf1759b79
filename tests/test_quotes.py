"""Who said what: each form of quote the quotes stage reads, on small made-up articles."""

from __future__ import annotations

import re

import pytest

from newsgraph import nlp
from newsgraph.pipeline import Pipeline
from newsgraph.quotes import find_quotes, lexicon, stance_of
from newsgraph.record import Entity, Span, Zone

pytest.importorskip("spacy")


class NoActors:
    """An actors stage that knows no entity: speakers stay mentions."""

    entities: list[Entity] = []

    def mention_at(self, start, end):
        return None


class NamedActors:
    """An actors stage knowing one entity, mentioned wherever ``name`` or a pronoun stands."""

    def __init__(self, text: str, name: str, pronouns=("he", "she")):
        self.entity = Entity(id="e1", name=name, type="PERSON")
        for word in (name, *pronouns):
            for m in re.finditer(rf"\b{re.escape(word)}\b", text):
                self.entity.mentions.append(Span(m.start(), m.end()))
        self.entities = [self.entity]

    def mention_at(self, start, end):
        hits = [m for m in self.entity.mentions if m.start < end and start < m.end]
        return (hits[0], self.entity) if hits else None


def quotes_of(text: str, actors=None, zones=None):
    zones = zones if zones is not None else [Zone("body", 0, len(text))]
    article = Pipeline(stages=()).article(text, zones=zones)
    article.actors = actors or NoActors()
    return find_quotes(article)


def content(text, q) -> str:
    return text[q.content.start : q.content.end]


def said_by(text, q) -> str:
    return text[q.speaker_mention.start : q.speaker_mention.end]


def reads(text: str, said: str, speaker: str | None = None, actors=None):
    """The one quote of ``text``, checked to report ``said`` (by ``speaker``, when given)."""
    q = only(quotes_of(text, actors))
    assert content(text, q) == said
    if speaker is not None:
        assert said_by(text, q) == speaker
    return q


def only(quotes):
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_direct_quote_then_cue_with_curly_marks():
    text = "“The harbour will reopen next week,” the mayor said."
    q = only(quotes_of(text))
    assert content(text, q) == "“The harbour will reopen next week,”"
    assert q.kind == "direct"
    assert text[q.cue.start : q.cue.end] == "said"
    assert said_by(text, q) == "the mayor"


def test_colon_lead_in_with_straight_marks_resolves_the_speaker():
    text = 'Anna Berg said: "We have no money left for the bridge."'
    q = only(quotes_of(text, NamedActors(text, "Anna Berg")))
    assert q.kind == "direct" and q.speaker == "e1"
    assert content(text, q) == '"We have no money left for the bridge."'


def test_split_quote_is_one_quote():
    text = "“The vote is close,” she said, “but we will count every ballot.”"
    q = only(quotes_of(text))
    assert content(text, q) == text
    assert q.kind == "direct"


def test_inverted_cue_names_the_speaker_after_the_verb():
    text = "“Nobody was hurt,” said Tomas Lind, a fire officer."
    q = only(quotes_of(text, NamedActors(text, "Tomas Lind")))
    assert q.speaker == "e1"


def test_cue_words_are_data_with_their_stance():
    assert "say" in lexicon().verbs
    assert stance_of("deny") == "deny"
    assert stance_of("insist") == "insist"
    assert stance_of("say") is None


def test_guillemets_make_a_direct_quote():
    text = "«Die Brücke bleibt offen», sagte er. The minister said: «We will keep the bridge open.»"
    quotes = quotes_of(text)
    assert any(content(text, q) == "«We will keep the bridge open.»" and q.kind == "direct" for q in quotes)


def test_latex_style_marks_make_a_direct_quote():
    text = "``The budget is balanced,'' the treasurer said."
    q = only(quotes_of(text))
    assert content(text, q) == "``The budget is balanced,''"
    assert q.kind == "direct"


def test_single_marks_make_a_quote_but_apostrophes_do_not():
    text = "‘The players’ union will strike,’ the coach said. The team's bus left."
    q = only(quotes_of(text))
    assert content(text, q) == "‘The players’ union will strike,’"


def test_dash_credit_names_the_speaker():
    text = "“We queued for six hours to vote.” ― Maria Okafor, a teacher"
    q = only(quotes_of(text, NamedActors(text, "Maria Okafor")))
    assert q.kind == "direct" and q.speaker == "e1"
    assert text[q.cue.start : q.cue.end] == "―"


def test_multi_sentence_quote_is_one_quote():
    text = "“The water is safe. We tested it twice,” the engineer said."
    q = only(quotes_of(text))
    assert content(text, q) == "“The water is safe. We tested it twice,”"


def test_quote_reopened_in_the_next_paragraph_continues():
    text = (
        "The engineer said: “The water is safe. We tested it twice.\n\n"
        "“Nobody should worry about the taps.”\n\nThe council met later."
    )
    q = only(quotes_of(text))
    assert content(text, q).startswith("“The water is safe.")
    assert content(text, q).endswith("about the taps.”")


def test_quote_broken_by_the_layout_continues_into_the_next_line():
    text = "The engineer said: “The water is safe and\nwe tested it twice.”"
    q = only(quotes_of(text))
    assert content(text, q) == "“The water is safe and\nwe tested it twice.”"


def test_follow_on_quote_inherits_the_last_speaker():
    text = (
        "“We will rebuild the school,” said Lena Ortiz.\n\n"
        "“The children deserve better rooms than these.”\n\n"
        "The school closed in May."
    )
    quotes = quotes_of(text, NamedActors(text, "Lena Ortiz"))
    assert len(quotes) == 2
    follow = quotes[1]
    assert content(text, follow) == "“The children deserve better rooms than these.”"
    assert follow.kind == "direct" and follow.speaker == "e1" and follow.cue is None


def test_quote_with_no_cue_and_no_speaker_before_has_no_speaker():
    text = "“The children deserve better rooms than these.”\n\nThe school closed in May."
    q = only(quotes_of(text))
    assert q.speaker is None and q.speaker_mention is None


@pytest.mark.parametrize(
    "text, clause",
    [
        ("The mayor said that the harbour would reopen next week.", "that the harbour would reopen next week"),
        ("The mayor said the harbour would reopen next week.", "the harbour would reopen next week"),
        ("The harbour will reopen next week, the mayor said.", "The harbour will reopen next week"),
        # what the speech is about (`about` in cues.yaml)
        ("The mayor talked about the economy at the fair.", "the economy"),
        ("The mayor pointed to the crime bill.", "the crime bill"),
        ("The mayor railed against the new tax.", "the new tax"),
    ],
)
def test_indirect_speech_content_is_the_reported_clause(text, clause):
    q = only(quotes_of(text))
    assert q.kind == "indirect"
    assert content(text, q) == clause
    assert said_by(text, q).lower() == "the mayor"


def test_told_with_a_listener():
    text = "Anna Berg told reporters the bridge would close in June."
    q = only(quotes_of(text, NamedActors(text, "Anna Berg")))
    assert q.kind == "indirect" and q.speaker == "e1"
    assert content(text, q) == "the bridge would close in June"


def test_according_to_names_the_speaker_of_its_clause():
    text = "According to the fire brigade, the blaze started in the kitchen."
    q = only(quotes_of(text))
    assert content(text, q) == "the blaze started in the kitchen"
    assert text[q.cue.start : q.cue.end] == "According to"
    assert said_by(text, q) == "the fire brigade"


@pytest.mark.parametrize("verb", ["denied", "warned", "insisted", "claimed", "confirmed", "announced"])
def test_stance_verbs_report_speech(verb):
    text = f"The minister {verb} that the mine was safe."
    q = only(quotes_of(text))
    assert q.kind == "indirect"
    assert content(text, q) == "that the mine was safe"
    assert text[q.cue.start : q.cue.end] == verb


def test_quoted_words_inside_reported_speech_make_it_mixed():
    text = "The minister said the plan was “a complete disaster” for farmers."
    q = only(quotes_of(text))
    assert q.kind == "mixed"
    assert content(text, q) == "the plan was “a complete disaster” for farmers"


def test_quoted_phrase_in_what_a_speaker_calls_something_is_speech():
    text = "The senator called the bill “a gift to polluters” on Tuesday."
    q = only(quotes_of(text))
    assert q.kind in ("mixed", "partial")
    assert "“a gift to polluters”" in content(text, q)


def test_scare_quote_with_no_speaker_is_not_a_quote():
    text = "The so-called “reform” passed on Monday.\n\nVoters were not consulted."
    assert quotes_of(text) == []


def test_scare_quote_in_a_headline_is_not_a_quote():
    text = "Harbour ‘reform’ passes\n\nThe council voted on Monday."
    zones = [Zone("headline", 0, 23), Zone("body", 25, len(text))]
    assert quotes_of(text, zones=zones) == []


def test_boilerplate_is_skipped():
    text = "“Subscribe now,” the newsletter said.\n\nThe council voted on Monday."
    zones = [Zone("boilerplate", 0, 37), Zone("body", 39, len(text))]
    assert quotes_of(text, zones=zones) == []


@pytest.mark.parametrize(
    "text, medium",
    [
        ("“We won,” the senator wrote on Twitter.", "Twitter"),
        ("The senator said in a statement that the vote was fair.", "statement"),
        ("The senator told CBS that the vote was fair.", "CBS"),
        ("In an interview with NBC, the senator said the vote was fair.", "NBC"),
        ("The senator tweeted that the vote was fair.", "Twitter"),
        ("The senator said at a press conference that the vote was fair.", "press conference"),
    ],
)
def test_medium_is_read_from_the_attribution(text, medium):
    q = only(quotes_of(text))
    assert q.medium == medium


def test_pronoun_speaker_resolves_through_actors():
    text = "Lena Ortiz visited the school.\n\n“It needs a new roof,” she said."
    q = only(quotes_of(text, NamedActors(text, "Lena Ortiz")))
    assert q.speaker == "e1"
    assert said_by(text, q) == "she"


def test_speech_reported_inside_a_quote_is_not_a_second_quote():
    text = "“My doctor said I was fine,” the coach said."
    q = only(quotes_of(text))
    assert content(text, q) == "“My doctor said I was fine,”"


def test_colon_lead_in_without_a_cue_word_belongs_to_the_subject():
    text = "The mayor put it bluntly: “We cannot afford the bridge.”"
    q = only(quotes_of(text))
    assert q.kind == "direct"
    assert said_by(text, q) == "The mayor"


def test_participle_cue_takes_the_subject_of_its_clause():
    text = "The union rejected the offer, saying it would cut wages."
    quotes = quotes_of(text)
    said = next(q for q in quotes if text[q.cue.start : q.cue.end] == "saying")
    assert content(text, said) == "it would cut wages"
    assert text[said.speaker_mention.start : said.speaker_mention.end] == "The union"


def test_quoted_title_of_a_work_is_not_a_quote():
    text = "The senator said he had read “The Art of the Deal” twice, then left."
    quotes = quotes_of(text)
    assert all(q.kind != "partial" for q in quotes)


def test_quoted_fragment_outside_the_speaking_clause_is_not_a_partial_quote():
    text = "The “reform” that failed, the minister said nothing about."
    assert all(q.kind != "partial" for q in quotes_of(text))


def test_reported_clause_stops_where_a_direct_quote_with_its_own_cue_begins():
    text = "The mayor said the harbour was closed but added, “We will reopen it soon.”"
    quotes = quotes_of(text)
    kinds = {q.kind: content(text, q) for q in quotes}
    assert kinds["direct"] == "“We will reopen it soon.”"
    assert kinds["indirect"] == "the harbour was closed"


def test_reported_clause_stays_in_the_paragraph_of_its_cue():
    text = "“NOT GUILTY”\n\nThe court will sit again in May, the clerk said."
    quotes = quotes_of(text)
    said = next(q for q in quotes if q.cue is not None and text[q.cue.start : q.cue.end] == "said")
    assert content(text, said) == "The court will sit again in May"


def test_transcript_line_is_what_its_speaker_label_said():
    text = "The interview ran long.\n\nMORALES: We will not raise taxes this year.\n\nThe host moved on."
    q = only(quotes_of(text))
    assert q.kind == "direct"
    assert content(text, q) == "We will not raise taxes this year."
    assert said_by(text, q) == "MORALES"
    assert text[q.cue.start : q.cue.end] == ":"


def test_headline_label_is_a_paraphrase():
    text = "Morales: taxes will not rise\n\nThe minister spoke on Monday."
    zones = [Zone("headline", 0, 28), Zone("body", 30, len(text))]
    q = only(quotes_of(text, zones=zones))
    assert q.kind == "indirect"
    assert content(text, q) == "taxes will not rise"


@pytest.mark.parametrize(
    "text",
    [
        "Update: The bridge reopened at noon.\n\nTraffic was light.",
        "Traffic was light.\n\nClarification: The first line now gives the right time of the closure.",
        "Byline: Ana Ruiz and Tom Berg.\n\nTraffic was light.",
    ],
)
def test_a_line_opened_by_a_page_word_has_no_speaker_label(text):
    assert quotes_of(text) == []


def test_a_section_head_ending_in_a_function_word_is_no_speaker_label():
    text = "Traffic was light.\n\nThe Work Goes On: Crews finished the new deck a week early."
    assert quotes_of(text) == []
    labelled = "Traffic was light.\n\nThe Bridge Crew: We finished the new deck a week early."
    q = only(quotes_of(labelled))
    assert q.kind == "direct" and labelled[q.cue.start : q.cue.end] == ":"


def test_quote_paragraph_after_an_announcing_cue_takes_its_speaker():
    text = "“We won,” said Lena Ortiz.\n\nThe mayor replied on the radio.\n\n“Nobody won anything this year.”"
    quotes = quotes_of(text)
    follow = quotes[-1]
    assert content(text, follow) == "“Nobody won anything this year.”"
    assert text[follow.speaker_mention.start : follow.speaker_mention.end] == "The mayor"


def test_second_cue_joined_into_a_reported_clause_keeps_the_first_speaker():
    text = "The mayor said the roads were open, but said the bridge would stay shut."
    quotes = quotes_of(text)
    second = next(q for q in quotes if content(text, q).startswith("the bridge"))
    assert text[second.speaker_mention.start : second.speaker_mention.end] == "The mayor"


def test_cue_deep_in_coordinated_clauses_finds_its_subject():
    text = "The senator left early, skipped the vote and annoyed colleagues by saying the bill was dead."
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "saying")
    assert said_by(text, q) == "The senator"


def test_quoted_words_under_a_person_subject_are_that_persons_speech():
    text = "Lena Ortiz chided the council for its “shameful silence” on housing."
    q = only(quotes_of(text, NamedActors(text, "Lena Ortiz")))
    assert q.speaker == "e1"
    assert "“shameful silence”" in content(text, q)
    assert text[q.cue.start : q.cue.end] == "chided"


def test_quoted_words_in_a_headline_are_flagged_not_spoken():
    text = "Lena Ortiz visits ‘model’ school\n\nThe council met on Monday."
    zones = [Zone("headline", 0, 32), Zone("body", 34, len(text))]
    assert quotes_of(text, NamedActors(text, "Lena Ortiz"), zones) == []


def test_headline_speaker_is_not_inherited_by_a_quote_paragraph():
    text = "Ortiz Says School Needs Repairs\n\n“The roof leaks in every classroom.”\n\nThe school closed in May."
    zones = [Zone("headline", 0, 31), Zone("body", 33, len(text))]
    quotes = quotes_of(text, zones=zones)
    follow = next(q for q in quotes if content(text, q).startswith("“The roof"))
    assert follow.speaker_mention is None


def test_straight_marks_pair_by_their_neighbours():
    from newsgraph.quotes.marks import find_stretches, paragraphs

    text = 'He said "yes" and she said "no, never."'
    spans = [text[s.start : s.end] for s in find_stretches(text, paragraphs(text))]
    assert spans == ['"yes"', '"no, never."']


def test_according_to_at_the_end_vouches_for_the_whole_sentence():
    text = "Sales rose in March, while costs fell sharply in April, according to the company report."
    q = only(quotes_of(text))
    assert content(text, q) == "Sales rose in March, while costs fell sharply in April"


def test_closing_attribution_reports_the_whole_sentence_before_it():
    text = "The plant will close in June and the workers will move to Leeds, the company said."
    q = only(quotes_of(text))
    assert content(text, q) == "The plant will close in June and the workers will move to Leeds"


def test_colon_lead_in_speaker_is_not_taken_from_inside_the_quote():
    text = "The mayor gave her verdict: “Our new bridge is a failure.”"
    q = only(quotes_of(text))
    assert said_by(text, q) == "The mayor"


def test_content_noun_with_an_owner_reports_its_that_clause():
    text = "Engineers laughed at the mayor's claim that the bridge was safe."
    q = only(quotes_of(text))
    assert q.kind == "indirect"
    assert content(text, q) == "that the bridge was safe"
    assert text[q.cue.start : q.cue.end] == "claim"
    assert said_by(text, q) == "the mayor"


def test_participle_with_an_object_reports_that_object():
    text = "The union walked out on Friday, calling the offer an insult to nurses."
    q = only(quotes_of(text))
    assert text[q.cue.start : q.cue.end] == "calling"
    assert content(text, q) == "the offer an insult to nurses"
    assert said_by(text, q) == "The union"


def test_quote_that_only_ends_the_reported_clause_makes_it_mixed():
    text = "The new rules are “a gift to landlords,” the tenants' union said."
    q = only(quotes_of(text))
    assert q.kind == "mixed"
    assert content(text, q) == "The new rules are “a gift to landlords,”"


def test_speaker_of_an_inverted_cue_is_never_a_word_of_the_quote():
    text = '"Anybody who attacks the mayor, it is like buyer beware," said Louise Sunshine, a developer.'
    q = only(quotes_of(text))
    assert said_by(text, q) == "Louise Sunshine"


def test_quote_carries_the_stance_of_its_cue_verb():
    text = 'The ministry denied that the depot had been hit. The mayor said the roads were open.'
    quotes = quotes_of(text)
    stance = {content(text, q): q.stance for q in quotes}
    assert stance == {"that the depot had been hit": "deny", "the roads were open": None}


def test_object_content_under_a_finite_auxiliary():
    text = "Trump has called for the repeal of the law."
    reads(text, "the repeal of the law", "Trump")
    text = "She went there to criticize the plan."  # an infinitive makes no claim
    assert quotes_of(text) == []


@pytest.mark.parametrize("modal", ["will", "would", "can", "should"])
def test_object_content_under_a_modal(modal):
    # a modal is finite: the speaker states a position ("would support the bill")
    text = f"The mayor {modal} support the bill."
    reads(text, "the bill", "The mayor")


def test_participle_describing_a_noun_gives_the_noun_as_speaker():
    text = "The police released recordings of calls saying that shots had been fired."
    reads(text, "that shots had been fired", "calls")
    assert quotes_of("The building housing the offices was closed.") == []  # not a cue


def test_speaker_found_through_likely_to_say():
    text = "Young voters are more likely to say that the economy is improving."
    reads(text, "that the economy is improving", "Young voters")


def test_support_verbs_take_their_object_as_content():
    text = "The senator supports the new border bill."
    q = only(quotes_of(text))
    assert content(text, q) == "the new border bill"
    assert q.stance == "support"
    assert quotes_of("The council needs support for the bill.") == []  # a noun is no cue


def test_know_reports_a_clause():
    text = "The mayor knows that the budget is short."
    reads(text, "that the budget is short")
    assert quotes_of("The mayor knows the city well.") == []  # no clause: nothing reported


def test_refused_is_not_speech_but_its_speech_complement_is():
    assert quotes_of("The witness refused to leave the hall.") == []
    text = "The minister declined to comment."  # a refusal to speak, reporting nothing else
    q = reads(text, "to comment", "The minister")
    assert text[q.cue.start : q.cue.end] == "declined"
    text = "The minister declined to say whether talks had begun."
    q = reads(text, "whether talks had begun", "The minister")
    assert text[q.cue.start : q.cue.end] == "say"


def test_an_agentless_passive_reports_no_to_clause():
    assert quotes_of("He was asked to leave the hall.") == []
    text = "The case is expected to reach the Supreme Court."  # hearsay (cues.yaml unsourced): no speaker
    assert reads(text, "The case is expected to reach the Supreme Court").speaker_mention is None
    text = "He was asked by the mayor to leave the hall."
    reads(text, "to leave the hall", "the mayor")


@pytest.mark.parametrize(
    "text, said",
    [
        ("Analysts said the talks have stalled, citing the new tariffs.", "the talks have stalled"),
        ("Critics say the money should go to NATO, the alliance that includes Canada.", "the money should go to NATO"),
        ("Fowler said she will recover from flu, which forced her to leave.", "she will recover from flu"),
    ],
)
def test_an_aside_closing_the_reported_clause_is_not_content(text, said):
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] in ("said", "say"))
    assert content(text, q) == said


def test_a_restrictive_clause_stays_in_the_content():
    text = "Officials said the workers who struck last week will return."
    reads(text, "the workers who struck last week will return")


def test_speech_reported_inside_another_speakers_words_is_part_of_them():
    text = "Smith said Jones denied that the plant would close."
    reads(text, "Jones denied that the plant would close", "Smith")
    two = "Smith said the plant would close. Jones denied that the plant would close."
    assert len(quotes_of(two)) == 2  # side by side, each is its own


def test_other_prepositions_of_a_speech_verb_are_no_topic():
    assert quotes_of("The senator talked with reporters at the fair.") == []
    assert quotes_of("She walked to the store.") == []
    text = "She pointed out that the bill failed."  # the particle cue still reads its clause
    reads(text, "that the bill failed")


def test_a_stated_intention_is_reported_with_its_stance():
    text = "The governor wants to raise the minimum wage."
    q = only(quotes_of(text))
    assert content(text, q) == "to raise the minimum wage"
    assert q.stance == "intend"
    reads("The governor wants a new car.", "a new car")  # what one wants is a stated intention too
    for text in ("The union sought to block the merger.", "The union would like to block the merger."):
        reads(text, "to block the merger")
    assert quotes_of("The union would like a new hall.") == []


def test_words_after_a_cue_and_colon_without_quote_marks_are_reported():
    text = "The governor added: It is typical of her. She knows nothing at all."
    q = only(quotes_of(text))
    assert content(text, q) == "It is typical of her. She knows nothing at all."
    text = "The governor added:\n\nIt is typical of her. She knows nothing.\n\nThen he left the hall."
    q = reads(text, "It is typical of her. She knows nothing.", "The governor")


def test_a_colon_after_other_words_is_no_lead_in():
    text = "The governor added two points: taxes and roads."
    assert all(content(text, q) != "taxes and roads." for q in quotes_of(text))


def test_a_content_noun_whose_clause_follows_be():
    text = "The party's argument was that the vote was rigged."
    reads(text, "that the vote was rigged", "The party")
    assert quotes_of("The party's argument was weak.") == []


@pytest.mark.parametrize("verb", ["claimed", "denied", "maintained", "argued", "believes"])
def test_a_claim_is_one_notion_for_quotes_and_events(verb):
    from newsgraph.quotes import claims

    article = Pipeline().article(f"General Anna Berg {verb} that the army shelled the village.", "2021-03-12")
    q = only(article.quotes)
    assert claims(q.stance)
    assert not any(e.cameo.startswith("19") for e in article.events)  # the shelling is only her claim
    assert any(e.factuality == "claimed" for e in article.rejected)


def test_plainly_reported_speech_is_no_claim():
    from newsgraph.quotes import claims

    assert not claims("say") and not claims("announce")
    article = Pipeline().article("General Anna Berg said that the army shelled the village.", "2021-03-12")
    assert not any(e.factuality == "claimed" for e in article.rejected)


def test_a_nickname_given_by_a_participle_is_no_quote():
    assert quotes_of("The prison, dubbed the “Hanoi Hilton”, was closed in 1973.") == []
    text = "Critics dubbed the prison the “Hanoi Hilton”."
    reads(text, "the prison the “Hanoi Hilton”", "Critics")


def test_lauded_praises_its_object():
    text = "The governor lauded the firm for its “new and innovative ideas.”"
    q = reads(text, "the firm for its “new and innovative ideas.”", "The governor")
    assert q.stance == "praise" and q.kind == "mixed"


def test_according_to_vouches_for_the_whole_sentence_asides_included():
    text = "The talks have stalled, citing the new tariffs, according to a spokesman."
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "according to")
    assert content(text, q) == "The talks have stalled, citing the new tariffs"


@pytest.mark.parametrize("verb", ["announced", "mentioned", "revealed"])
def test_verbs_of_making_known_take_their_object(verb):
    text = f"The mayor {verb} a new plan for the harbour."
    q = only(quotes_of(text))
    assert content(text, q) == "a new plan for the harbour"
    assert quotes_of(f"The plan the mayor {verb} was new.") == []  # nothing after the verb


def test_agreed_reports_what_was_agreed_to():
    text = "The company agreed to clean up the mine."
    reads(text, "to clean up the mine")
    text = "The mayor agreed with the council."
    reads(text, "the council")


def test_a_noun_of_speech_with_an_owner_and_a_topic():
    text = "Trump's comments about Mexico drew criticism."
    reads(text, "Mexico", "Trump")
    assert quotes_of("The comments about Mexico drew a reply.") == []  # no owner: no speaker
    assert quotes_of("Russia's attacks on the port killed ten.") == []  # a nation's attack is no speech
    assert quotes_of("Their attacks on the town went on.") == []
    text = "Ortiz's attacks on the mayor grew sharper."  # a person's attacks are words
    reads(text, "the mayor", "Ortiz")
    text = "His doubts about the deal were plain."
    reads(text, "the deal", "His")
    reads("The army's claims about the test were doubted.", "the test", "The army")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The new bridge seems to be sinking into the river.", "The new bridge seems to be sinking into the river"),
        ("The council appeared unhappy with the vote.", "The council appeared unhappy with the vote"),
        ("It appears that the talks have failed.", "that the talks have failed"),
        ("The mayor is expected to resign on Friday.", "The mayor is expected to resign on Friday"),
        ("The company reportedly paid no tax last year.", "The company reportedly paid no tax last year"),
    ],
)
def test_an_attribution_naming_no_source_is_a_quote_with_no_speaker(text, said):
    q = reads(text, said)
    assert q.speaker is None and q.speaker_mention is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The mayor is expected to argue that the budget is too small.", "The mayor"),
        ("The senator seems to feel the case will be settled at the ballot box.", "The senator"),
        ("The governor seemed hopeful that the talks would resume.", "The governor"),
        ("The mayor is expected to speak on Friday.", None),  # a cue reporting nothing: still hearsay
        ("The talks seem to be stalling.", None),
    ],
)
def test_seeming_over_a_view_of_the_subject_names_the_subject_as_source(text, speaker):
    q = reads(text, text.rstrip("."))
    assert (said_by(text, q) if q.speaker_mention else None) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The mayor appeared on the radio on Sunday.",  # appearing somewhere is no impression
        "The mayor apparently left the party.",  # not a hearsay adverb in cues.yaml
    ],
)
def test_seeming_words_without_their_complement_are_no_quote(text):
    assert quotes_of(text) == []


def test_expected_with_an_agent_or_a_subject_is_an_ordinary_cue():
    text = "The mayor expected the council to approve the budget."
    reads(text, "the council to approve the budget", "The mayor")


def test_an_impression_reported_inside_speech_is_part_of_that_speech():
    text = "Ortiz said the plan seems to work."
    reads(text, "the plan seems to work", "Ortiz")


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("In a new CNN poll, 52 percent of voters backed the plan.", "52 percent of voters backed the plan",
         "a new CNN poll"),
        ("Ortiz leads among women in the latest survey.", "Ortiz leads among women", "the latest survey"),
    ],
)
def test_a_poll_vouches_for_the_sentence_it_opens_or_closes(text, said, speaker):
    reads(text, said, speaker)


def test_a_poll_inside_a_sentence_is_no_source():
    assert quotes_of("Two questions in the survey were changed before the vote.") == []
    text = "Donors met the governor after a senator who leads in the polls."
    assert quotes_of(text) == []  # the polls are a detail of a relative clause, not the sentence's source


def test_a_split_quote_joins_across_a_clause_describing_the_speaking():
    text = "“We won the vote,” Ortiz said, looking at the crowd. “We will win the next one too.”"
    reads(text, text, "Ortiz")


def test_a_split_quote_stays_apart_across_a_clause_that_reports_speech():
    text = "“We won the vote,” Ortiz said, adding that the party would grow. “We will win the next one too.”"
    said = sorted(content(text, q) for q in quotes_of(text))
    assert "that the party would grow" in said
    assert "“We will win the next one too.”" in said


def test_a_reported_clause_stops_before_a_joined_cue_that_reports_on_its_own():
    text = "Most voters said they were worried about the economy, and a third said the mayor would win."
    said = [content(text, q) for q in quotes_of(text)]
    assert said == ["they were worried about the economy", "the mayor would win"]


def test_a_joined_verb_with_only_a_to_clause_stays_in_the_reported_clause():
    text = "Ortiz said she liked the plan and wanted to help the council."
    reads(text, "she liked the plan and wanted to help the council", "Ortiz")


def test_a_cue_verb_is_known_by_its_regular_inflection_whatever_its_lemma():
    # the parser's lemmatizer may give "hopes" as "hop"
    reads("Ortiz hopes the council will approve the plan.", "the council will approve the plan", "Ortiz")
    assert quotes_of("The rabbit hops across the field before dawn.") == []


def test_a_participle_describing_a_noun_reports_its_object():
    text = "A group backing Ortiz for mayor raised two million dollars."
    reads(text, "Ortiz for mayor", "A group")
    assert quotes_of("To back Ortiz for mayor, the group raised two million dollars.") == []


def test_a_speaker_is_never_taken_from_a_line_above_the_cue():
    text = "The Latest\n\n9:18 p.m.\n\nAna Ortiz is thanking her supporters for a big win."
    reads(text, "her supporters for a big win", "Ana Ortiz")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Most voters said they prefer an outsider, while a third want a governor.", "they prefer an outsider"),
        ("Ortiz said she was excited, as she faces a hard test in the spring.", "she was excited"),
        ("Ortiz said the plan failed because the council refused to pay.",
         "the plan failed because the council refused to pay"),
    ],
)
def test_a_contrasting_clause_after_a_comma_is_the_writers_aside(text, said):
    said_here = [content(text, q) for q in quotes_of(text)]
    assert said_here[0] == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Ortiz discussed the budget with the council.", "the budget"),  # the company is the scene
        ("Ortiz offered her assessment of the race.", "her assessment of the race"),
        ("Ortiz offered to pay for the repairs.", "to pay for the repairs"),
    ],
)
def test_discussing_and_offering_report_what_was_discussed_or_offered(text, said):
    reads(text, said, "Ortiz")


@pytest.mark.parametrize("scene", ["in an interview on Monday", "at a rally in Ohio", "during the debate"])
def test_a_phrase_setting_the_scene_after_an_object_is_not_content(scene):
    text = f"The senator criticized the new tax plan {scene}."
    reads(text, "the new tax plan", "The senator")


def test_a_preposition_that_is_part_of_the_object_stays_content():
    reads("The governor praised the nurses for their courage.", "the nurses for their courage", "The governor")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Ortiz called on the council to resign.", "the council to resign"),
        ("The senator called for an inquiry into the deal.", "an inquiry into the deal"),
        ("The union argued against the new rota.", "the new rota"),
    ],
)
def test_a_preposition_right_after_the_cue_is_not_content(text, said):
    reads(text, said)


def test_a_verb_of_judging_with_an_as_phrase_reports_a_view():
    q = reads("Party leaders see the senator as an asset.", "the senator as an asset", "Party leaders")
    assert q.stance == "believe"
    reads("Some analysts view the deal as a trap.", "the deal as a trap", "Some analysts")


def test_the_agentless_passive_of_a_verb_of_judging_names_no_source():
    q = only(quotes_of("The new court is widely seen as friendly to lenders."))
    assert q.speaker is None and q.speaker_mention is None
    assert q.kind == "indirect"


def test_a_verb_of_judging_without_an_as_phrase_reports_nothing():
    assert quotes_of("We will see what happens next week.") == []
    assert quotes_of("The board considered the offer on Monday.") == []
    assert quotes_of("She saw the mayor at the station.") == []


def test_an_as_phrase_after_the_content_is_what_the_speaker_called_it():
    reads("The senator referred to the protesters as her friends.", "the protesters as her friends", "The senator")
    reads("The mayor described the budget as a disgrace.", "the budget as a disgrace", "The mayor")
    reads("The mayor criticized the budget as she left the hall.", "the budget", "The mayor")  # when, not what


def test_a_phrasal_cue_without_its_particle_does_not_cut_a_reported_clause():
    text = "Ortiz said he would build a new bridge and make the county pay for it."
    reads(text, "he would build a new bridge and make the county pay for it", "Ortiz")
    text = "Ortiz said he would build a new bridge and pointed out that the county would pay."
    said = [content(text, q) for q in quotes_of(text)]
    assert said[0] == "he would build a new bridge"  # "pointed out" reports on its own


def test_a_subject_the_parse_leaves_unattached_is_the_noun_phrase_before_the_cue():
    text = (
        "At the club in Boca West, where it costs members a fortune, Jay DiPietro, the club's president,"
        " suggested that rivals were poorly run."
    )
    reads(text, "that rivals were poorly run", "the club's president")
    text = "Among likely voters in the state, about two-thirds, 67 percent, say they will vote for Trump."
    q = reads(text, "they will vote for Trump")
    assert "67 percent" in said_by(text, q)


def test_a_quote_before_a_cue_with_no_subject_gives_it_no_speaker():
    text = "Asked about the vote, “We will win,” said."  # no noun phrase stands before the cue
    assert all(q.speaker_mention is None for q in quotes_of(text))


def test_a_question_put_to_someone_in_an_opening_participle_has_no_speaker():
    text = "Asked what the plan might cost, she said the council would decide."
    asked = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "Asked")
    assert asked.speaker_mention is None
    said = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "said")
    assert said_by(text, said) == "she"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Many days, former employees said, she stayed at the office past midnight, polishing the releases.",
         "former employees"),
        ("The plan, the mayor said on Monday, was a disaster for farmers.", "the mayor"),
        ("The road is so unsafe, the engineer said, that the county must close it.", "the engineer"),
    ],
)
def test_an_attribution_set_off_by_commas_reports_its_whole_sentence(text, speaker):
    q = reads(text, text.rstrip("."), speaker)
    assert q.kind == "indirect"


def test_a_fronted_phrase_of_the_cue_or_a_lead_in_is_no_parenthetical():
    text = "Asked about the vote, the mayor said, the council would meet again."  # the question is the cue's
    said = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "said")
    assert content(text, said) == "the council would meet again"
    text = "As the phone rang, the announcer said, “It is three in the morning.”"
    assert content(text, only(quotes_of(text))) == "“It is three in the morning.”"
    text = "Smith, who testified on Monday, said the plan failed."
    reads(text, "the plan failed", "Smith")


def test_quoted_words_after_a_reported_clause_in_its_cues_clause_extend_it():
    text = "Ortiz wrote that the mayor is a “coward,” a “liar” and a “fraud.”"
    q = reads(text, "that the mayor is a “coward,” a “liar” and a “fraud.”", "Ortiz")
    assert q.kind == "mixed"
    text = "Ortiz wrote that the mayor lied. The “reform” passed anyway."  # another sentence: a scare quote
    reads(text, "that the mayor lied", "Ortiz")


def test_a_vehicle_of_speech_speaks_for_whoever_issued_it():
    text = "The county board issued a statement saying the bridge was safe."
    reads(text, "the bridge was safe", "The county board")
    text = "Ortiz gave a speech attacking the new budget."
    reads(text, "the new budget", "Ortiz")
    text = "The governor spoke at a news conference announcing that the bridge would close."  # an occasion held
    reads(text, "that the bridge would close", "The governor")
    text = "Lawyers for the builder filed papers opposing the closure."  # papers filed
    reads(text, "the closure", "Lawyers")
    text = "The mayor released a letter on Friday that says the bridge is safe."  # a relative clause too
    reads(text, "the bridge is safe", "The mayor")
    text = "Voters saying they want a new bridge lined the road."  # people speak for themselves
    assert said_by(text, only(quotes_of(text))) == "Voters"


def test_according_to_set_off_inside_a_sentence_vouches_for_all_of_it():
    text = "Ortiz, according to the latest count, leads in the county by ten points."
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "according to")
    assert content(text, q) == text.rstrip(".")
    assert said_by(text, q) == "the latest count"


def test_according_to_after_its_clause_vouches_for_the_clause_not_the_aside_after_it():
    text = "In the county, Ortiz leads by ten points, according to the latest count, though the race is close."
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "according to")
    assert content(text, q) == "In the county, Ortiz leads by ten points"
    assert said_by(text, q) == "the latest count"


def test_a_record_shows_its_object():
    reads("The latest poll showed a slim lead for the mayor.", "a slim lead for the mayor", "The latest poll")
    assert quotes_of("The crowd came to show support for the nurses.") == []  # an infinitive claims nothing


def test_marks_delimiting_a_markup_value_make_no_stretch():
    from newsgraph.quotes.marks import find_stretches, paragraphs

    text = 'Embed: <tweet author="CityHall" id="4412">Roads close at 9.</tweet> The mayor said "stay home."'
    spans = [text[s.start : s.end] for s in find_stretches(text, paragraphs(text))]
    assert spans == ['"stay home."']


def test_a_cue_joined_to_a_reported_clause_shares_the_reporters_subject():
    text = 'Ortiz said it was too early to count the votes but added, "We know the result."'
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "added")
    assert said_by(text, q) == "Ortiz"
    text = "Ortiz said the mayor resigned and left the city."  # not a cue: the mayor left
    reads(text, "the mayor resigned and left the city", "Ortiz")


def test_wanting_and_believing_take_their_object():
    reads("The union wants a new contract for nurses.", "a new contract for nurses", "The union")
    reads("The mayor does not believe the report.", "the report", "The mayor")
    assert quotes_of("Residents who want to leave may do so.") != []  # a to-clause still counts


def test_a_sentence_split_round_its_attribution_is_one_quote():
    text = '"If you look at the budget," Ortiz said, "we are in good shape."'
    q = reads(text, text, "Ortiz")
    assert q.kind == "direct"
    text = '"We are done with the budget." Ortiz said the council would meet again.'
    said = {content(text, q): q.kind for q in quotes_of(text)}  # a sentence of its own, then a report
    assert said == {'"We are done with the budget."': "direct", "the council would meet again": "indirect"}


def test_a_quoted_name_next_to_a_cue_is_no_direct_quote():
    text = "“Saturday Night Live,” he said, was his favorite show."
    q = only(quotes_of(text))
    assert q.kind == "mixed" and content(text, q) == text.rstrip(".")  # the name is part of what he said
    text = "“We lost the vote,” the senator said."
    assert only(quotes_of(text)).kind == "direct"


def test_quoted_clause_ending_outside_the_report_is_a_partial_quote():
    text = "The governor said on Monday, with a “big smile on her face,” that taxes would fall."
    partial = [q for q in quotes_of(text) if q.kind == "partial"]
    assert [content(text, q) for q in partial] == ["“big smile on her face,”"]


@pytest.mark.parametrize(
    "text",
    [
        # a word or two in quote marks outside the report: a flagged term
        "The governor said on Monday, in her “usual style,” that taxes would fall.",
        # a fragment running on inside a phrase (no punctuation closing it)
        "The governor said on Monday, after the “long and painful budget” talks, that taxes would fall.",
    ],
)
def test_flagged_words_outside_the_report_are_no_partial_quote(text):
    assert all(q.kind != "partial" for q in quotes_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "On the day the video came out, the mayor said of the brawl, “I don't like it,” and left.",
        "Asked by a reporter whether she had practiced her speech, she said, “I read it once over, and that's all.”",
    ],
)
def test_a_cue_leading_into_a_quoted_sentence_reports_only_the_quote(text):
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "said")
    assert q.kind == "direct"
    assert content(text, q).startswith("“") and not content(text, q).startswith(("On", "Asked"))


def test_a_quoted_sentence_ending_a_report_is_part_of_it():
    text = "The vote was fair, she said, “and we won it.”"
    q = only(quotes_of(text))
    assert content(text, q) == text


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("The judge gave him a long sentence, which his lawyer said was unfair.", "was unfair", "his lawyer"),
        ("She finished a distant third, a result which she said was a surprise.", "was a surprise", "she"),
    ],
)
def test_a_cue_inside_a_relative_clause_reports_the_rest_of_the_clause(text, said, speaker):
    reads(text, said, speaker)


def test_a_relative_clause_with_its_own_cue_is_not_part_of_the_report_before_it():
    text = "Critics denounced the plan, which the mayor said was fair."
    quotes = {text[q.cue.start : q.cue.end]: q for q in quotes_of(text)}
    assert content(text, quotes["denounced"]) == "the plan"
    assert content(text, quotes["said"]) == "was fair"
    # a relative clause with no cue of its own is no report of its own
    assert [content(text, q) for q in quotes_of("Critics denounced the plan, which passed on Monday.")] == ["the plan"]


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("The senator called for the governor to resign.", "the governor to resign", "The senator"),
        ("Ortiz argued for the council to vote on Monday.", "the council to vote on Monday", "Ortiz"),
        ("The mayor stopped short of calling for the chief to be fired.", "the chief to be fired", "The mayor"),
    ],
)
def test_a_for_to_clause_after_a_cue_is_what_was_asked_for(text, said, speaker):
    q = next(q for q in quotes_of(text) if content(text, q) == said)
    assert said_by(text, q) == speaker


def test_a_for_to_clause_after_a_verb_that_is_no_cue_is_no_quote():
    assert quotes_of("The crowd waited for the rain to stop.") == []


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("Ortiz is critical of the plan.", "the plan", "Ortiz"),
        ("Many voters remain skeptical about the deal.", "the deal", "Many voters"),
        ("The governor was confident that the bill would pass.", "that the bill would pass", "The governor"),
        ("Parents are worried about the new rules.", "the new rules", "Parents"),
        ("The coach was proud of his players.", "his players", "The coach"),
    ],
)
def test_an_adjective_of_view_reports_its_subject_s_view(text, said, speaker):
    q = reads(text, said, speaker)
    assert q.stance == "believe"


@pytest.mark.parametrize(
    "text",
    [
        "The critical part of the plan failed.",  # describing a noun: no one's view
        "The governor was confident.",  # no complement: nothing reported
    ],
)
def test_an_adjective_of_view_without_a_subject_and_complement_is_no_quote(text):
    assert quotes_of(text) == []

def test_cue_candidates_are_the_words_a_cue_can_be(model):
    from newsgraph import nlp
    from newsgraph.quotes.cues import _cue_candidates

    doc = nlp.parse("According to police, the man reportedly told reporters that the plan seems to work, "
                    "and in a recent poll his claim was PRAISED.")
    found = [t.text for t in _cue_candidates(doc)]
    assert {"According", "reportedly", "told", "seems", "in", "claim", "PRAISED"} <= set(found)  # "in" a poll
    assert not {"police", "man", "reporters", "work", "recent", "to", "that"} & set(found)
    assert found == [t.text for t in doc if t.text in found]  # in text order


@pytest.mark.parametrize(
    ("text", "said"),
    [  # the parse hangs a second complement on the cue: one reported clause
        ("He went on to explain how he believes cuts to the budget left the army short.",
         "how he believes cuts to the budget left the army short"),
        ("Some believe the high level of attention being paid to young voters in Ohio shows the campaign is worried.",
         "the high level of attention being paid to young voters in Ohio shows the campaign is worried"),
    ],
)
def test_a_reported_clause_split_by_the_parse_is_one_report(text, said):
    reads(text, said)


def test_a_joined_that_clause_is_a_second_clause_of_the_same_report():
    text = "The chief said the tapes were unclear and that the footage did not show whether he had a gun."
    reads(text, "the tapes were unclear and that the footage did not show whether he had a gun", "The chief")
    # a cue joined with a subject and a clause of its own still reports on its own
    text = "Ortiz said they were worried, and four in ten voters said the plan would fail."
    assert len(quotes_of(text)) == 2


def test_a_direct_quote_with_its_own_cue_inside_a_reported_clause_stays_in_it():
    text = 'The council pledged to impose sanctions on what it called "a clear threat to the peace."'
    reads(text, 'to impose sanctions on what it called "a clear threat to the peace."', "The council")
    # a quote whose cue shares the reporter's subject is its own
    text = "The mayor said the harbour was fair but added, “We will reopen it soon.”"
    quotes = {text[q.cue.start : q.cue.end]: q for q in quotes_of(text)}
    assert content(text, quotes["said"]) == "the harbour was fair"
    assert said_by(text, quotes["added"]) == "The mayor"  # a joined "added" tagged as a participle


@pytest.mark.parametrize(
    "text",
    [
        "Farmers lost a third of the crop, the ministry said in its report, and prices rose by half.",
        "Exports fell 5 percent, the bureau said on Tuesday, and imports grew 2 percent.",
    ],
)
def test_an_attribution_inside_a_sentence_after_its_clause_reports_the_whole_sentence(text):
    reads(text, text.rstrip("."))


def test_bare_verbs_going_on_from_a_to_clause_are_part_of_it():
    text = "The mayor wants to triple the size of the force, grow the fire service and create a new reserve."
    reads(text, "to triple the size of the force, grow the fire service and create a new reserve", "The mayor")
    # a cue joined to a finite verb with its own subject stays apart
    text = "The mayor wants to triple the force, and the council will vote on it."
    assert content(text, only(quotes_of(text))) == "to triple the force"


def test_a_cue_ending_the_sentence_before_a_quote_does_not_lead_into_it():
    text = ('"Our progress is on the ballot," Mr. Obama said on Saturday at the gala dinner in Washington, '
            'where Mrs. Clinton also spoke. "Tolerance is on the ballot. Justice is on the ballot."')
    assert {said_by(text, q) for q in quotes_of(text)} == {"Mr. Obama"}
    text = 'Mrs. Clinton also spoke "about the ballot" at the dinner.'  # a cue right before a quote still leads in
    assert said_by(text, only(quotes_of(text))) == "Mrs. Clinton"


def test_a_to_clause_after_an_object_who_is_someone_is_said_by_that_object():
    text = "The senator pressed the banker to admit that no one had been punished."
    assert said_by(text, only(quotes_of(text))) == "the banker"
    text = "Leaders used blunt language to warn that the test was reckless."  # a thing does not speak
    assert said_by(text, only(quotes_of(text))) == "Leaders"


def test_a_cue_hanging_on_a_passive_is_said_by_its_subject():
    text = "After saying her knee was badly swollen, she was rushed to hospital for tests."
    assert said_by(text, only(quotes_of(text))) == "she"
    text = "The mayor was praised by critics after saying that the plan had failed."
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "saying")
    assert said_by(text, q) == "The mayor"


def test_what_a_speech_is_about_takes_the_phrases_describing_it_not_the_scene():
    text = "The critic referred to a memoir by a banker about trying to fit in on the Upper East Side."
    reads(text, "a memoir by a banker about trying to fit in on the Upper East Side", "The critic")
    reads("The senator talked about the economy at a rally.", "the economy", "The senator")


def test_an_indirect_question_parsed_as_a_condition_is_what_was_asked():
    reads("Mr. Rubin asked the students if they were always so serious.", "if they were always so serious", "Mr. Rubin")
    reads("She wondered whether the plan would work.", "whether the plan would work", "She")
    q = next(q for q in quotes_of("Asked if he was ever bullied, the candidate said no.") if q.kind == "indirect")
    assert q.speaker_mention is None  # the question has no speaker
    # a condition after a comma is no question, nor an if-clause after a verb that asks nothing
    reads("He asked for a recount, if the law allowed it.", "a recount", "He")
    text = "The mayor will resign if the council votes against the budget."
    assert all(not content(text, q).startswith("if") for q in quotes_of(text))


def test_an_inverted_cue_closing_its_sentence_reports_the_sentence_before_it():
    text = ("In nearby Dayton, the factory is hanging on, but it is under intense pressure from cheap imports, "
            "said the firm's chief executive, Ann Lee.")
    reads(text, "In nearby Dayton, the factory is hanging on, but it is under intense pressure from cheap imports",
          "the firm's chief executive")
    text = "The mill is hanging on, the manager said, and it will stay open."  # not inverted: the whole sentence
    reads(text, text.rstrip("."))


def test_a_content_may_be_one_short_word():
    reads("Ted Cruz endorses Trump.", "Trump", "Ted Cruz")
    reads("He does not defend it.", "it", "He")


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("As the local paper reported, the mayor would need two more votes.", "the mayor would need two more votes",
         "the local paper"),
        ("The mayor would need two more votes, as the paper reported on Monday.", "The mayor would need two more votes",
         "the paper"),
        ("As many experts have pointed out, the mayor is free to publish the list.",
         "the mayor is free to publish the list", "many experts"),
    ],
)
def test_a_cue_in_an_as_clause_vouches_for_the_clause_it_hangs_on(text, said, speaker):
    reads(text, said, speaker)


def test_a_verb_of_talking_in_an_as_clause_tells_when():
    assert quotes_of("The crowd cheered as she spoke.") == []


def test_the_subject_of_a_passive_with_an_agent_is_what_the_agent_spoke_of():
    reads("The meeting was first reported by the local paper.", "The meeting", "the local paper")
    reads("The plan was criticized by Ortiz on Monday.", "The plan", "Ortiz")
    q = only(quotes_of("The mayor was criticized for the delay."))  # no agent: no one named spoke
    assert q.speaker_mention is None


def test_a_report_takes_its_object():
    reads("The company reported earnings of $8 a share.", "earnings of $8 a share", "The company")


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("The senators all voted in favor of the provision.", "the provision", "The senators"),
        ("The governor has come out in support of the mayor.", "the mayor", "The governor"),
        ("The union issued a statement in opposition to the deal.", "the deal", "The union"),
    ],
)
def test_a_phrase_in_favor_of_states_a_position(text, said, speaker):
    reads(text, said, speaker)


def test_a_phrase_in_defense_of_is_no_position():
    assert quotes_of("The troops fought in defense of the city.") == []


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("The senator took several swipes at the governor.", "the governor", "The senator"),
        ("The skit poked fun at the mayor.", "the mayor", "The skit"),
        ("Ortiz takes aim at a rule that lets the council cut wages.", "a rule that lets the council cut wages",
         "Ortiz"),
        ("The mayor lashed out at the union.", "the union", "The mayor"),
        ("City officials balked at the owner's plan.", "the owner's plan", "City officials"),
        ("The senator took issue with the governor's budget.", "the governor's budget", "The senator"),
        ("The two candidates sparred over military spending.", "military spending", "The two candidates"),
        ("Ortiz only occasionally disagreed with the mayor.", "the mayor", "Ortiz"),
    ],
)
def test_a_verbal_attack_aimed_at_someone_reports_the_attacker_s_view(text, said, speaker):
    reads(text, said, speaker)


def test_a_shot_fired_at_something_is_no_verbal_attack():
    assert quotes_of("The soldier fired a shot at the car.") == []
    assert quotes_of("They dug a hole at the site.") == []
    assert quotes_of("The issue with the plan is its cost.") == []


def test_a_quoted_transcript_gives_each_labelled_line_to_its_speaker():
    text = ('Part of the transcript:\n\n"HOST: Let us start with the news. Will she be there?\n\n'
            '"MAYOR: Well, look, she thinks this is a game show. It is serious business.\n\n'
            '"But the truth is that the council has a plan.\n\n'
            '"HOST: Mayor, I do not want to interrupt.\n\n"MAYOR: And that is why we will win."')
    quotes = quotes_of(text)
    spoken = [(said_by(text, q), content(text, q)) for q in quotes]
    assert spoken[0] == ("HOST", "Let us start with the news. Will she be there?")
    assert spoken[1] == ("MAYOR", "Well, look, she thinks this is a game show. It is serious business.")
    assert spoken[2][0] == "MAYOR" and "the council has a plan" in spoken[2][1]  # the answer goes on
    assert [s for s, _ in spoken[3:]] == ["HOST", "MAYOR"]


def test_rulings_and_decisions_report_their_clause():
    reads("A federal judge ruled that the school misled its students.", "that the school misled its students",
          "A federal judge")
    reads("The board had decided not to make a bid.", "not to make a bid", "The board")
    assert quotes_of("The referee ruled the goal out.") == []
    reads("The court ruled against the state's rules.", "the state's rules", "The court")
    reads("The agency decided against recommending charges.", "recommending charges", "The agency")


def test_a_noun_of_intention_with_an_owner_and_a_to_clause_states_the_owner_s_intent():
    reads("The mayor's plan to close the harbour drew protests.", "to close the harbour", "The mayor")
    reads("Her promise to cut taxes was popular.", "to cut taxes", "Her")
    assert quotes_of("The plan to close the harbour drew protests.") == []  # no owner: no speaker


def test_naming_identifying_listing_and_nominating_take_their_object():
    text = "The agency named the city as the most dangerous in the state."
    reads(text, "the city as the most dangerous in the state", "The agency")
    reads("The president nominated a judge for the vacant seat.", "a judge for the vacant seat", "The president")
    assert quotes_of("A man named Smith arrived.") == []  # a participle describing a noun names no one


def test_a_clause_after_the_cue_parsed_as_an_adverbial_is_the_report():
    text = "The mayor said after the vote he would not accept the offer."
    reads(text, "after the vote he would not accept the offer", "The mayor")
    text = "Few people would have described him as a reformer when he ran for office."  # a time clause
    reads(text, "him as a reformer", "Few people")


def test_a_cue_with_a_clause_after_it_reports_that_clause_not_the_one_before():
    text = "It is an unlikely outcome; the mayor's team says she will run again next year."
    reads(text, "she will run again next year", "the mayor's team")
    text = '"You should resign," the senator told him, after he admitted he had not been punished.'
    q = next(q for q in quotes_of(text) if q.kind == "direct")
    assert said_by(text, q) == "the senator"


def test_a_date_after_a_noun_of_speech_says_when_not_what_about():
    assert quotes_of("Her comments on Tuesday drew criticism.") == []
    reads("Her comments on the budget drew criticism.", "the budget", "Her")


def test_the_reporter_s_next_act_ends_the_report():
    text = "The minister said she would order a review of the defenses and warned against hackers from abroad."
    quotes = {text[q.cue.start : q.cue.end]: q for q in quotes_of(text)}
    assert content(text, quotes["said"]) == "she would order a review of the defenses"
    assert content(text, quotes["warned"]) == "hackers from abroad"
    text = "Ortiz said the mayor resigned and left the city."  # no cue: the report goes on
    reads(text, "the mayor resigned and left the city", "Ortiz")


def test_an_attribution_naming_no_source_ends_before_a_joined_clause_of_its_own():
    text = "The veto is expected to come before Friday, but the senators seem sure of the votes to override it."
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "expected")
    assert content(text, q) == "The veto is expected to come before Friday"
    reads("The plan seems to work and saves money.", "The plan seems to work and saves money")


def test_an_answer_word_after_the_cue_is_what_was_said():
    reads("Most voters said yes.", "yes", "Most voters")
    reads("The candidate said no.", "no", "The candidate")


def test_a_horizontal_bar_between_clauses_is_read_as_a_dash():
    text = ("When critics noted that he has sometimes paid no state tax ― as was the case in the years his "
            "returns were made public ― Smith boasted, “That makes me smart.”")
    q = next(q for q in quotes_of(text) if q.kind == "direct")
    assert said_by(text, q) == "Smith"
    bar = next(t for t in nlp.parse(text) if t.idx == text.index("―"))
    assert bar.pos_ == "PUNCT"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“Our answer, that was clear,” Smith's former campaign manager said in an interview with CNN.",
         "Smith's former campaign manager"),
        ("THE SAVINGS Back when she wrote her memoir, Ms. Dorn said that she considered debt a last resort.",
         "Ms. Dorn"),
    ],
)
def test_of_two_subjects_the_parse_gives_a_cue_the_nearest_speaks(text, speaker):
    q = next(q for q in quotes_of(text) if q.cue is not None)
    assert said_by(text, q) == speaker


def test_a_sentence_the_parser_ends_mid_line_with_no_stop_goes_on():
    reads("Ortiz said she felt the 13th Amendment was worth keeping.",
          "she felt the 13th Amendment was worth keeping", "Ortiz")
    reads("Ortiz said the plan was fine. Officials disagreed.", "the plan was fine", "Ortiz")
    text = "Cox says Smith has no plan to stop attacks in the U.S. He says voters want facts."
    said = [content(text, q) for q in quotes_of(text)]
    assert said == ["Smith has no plan to stop attacks in the U.S.", "voters want facts"]  # the stop is in "U.S."


def test_a_clause_describing_a_noun_of_speech_stays_with_the_noun():
    reads("At the hearing, Ortiz mentioned disparaging remarks Brown had made about nurses.",
          "disparaging remarks Brown had made about nurses", "Ortiz")
    reads("The aide told reporters the plan had failed.", "the plan had failed", "The aide")



def test_a_participle_closing_a_report_after_a_comma_is_the_reporter_s():
    text = "Union leaders said wages have fallen for a decade, citing the closure of two steel plants."
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "citing")
    assert (content(text, q), said_by(text, q)) == ("the closure of two steel plants", "Union leaders")


def test_someone_a_participle_of_speech_is_said_of_feels_it():
    reads("The long recession left the voters feeling that nobody listened.", "that nobody listened", "the voters")
    reads("The mayor spent the morning saying that the budget was sound.", "that the budget was sound", "The mayor")


def test_a_cue_verb_the_tagger_takes_for_a_plural_noun_is_read_from_its_subject():
    reads("The alliance, which includes two unions, advocates for equal pay for teachers.",
          "equal pay for teachers", "The alliance")
    text = "The union's claims about the pay gap were false."  # a noun, with an owner
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "claims")
    assert (content(text, q), said_by(text, q)) == ("the pay gap", "The union")


@pytest.mark.parametrize(
    "text, said, speaker",
    [
        ("Higher taxes likely next year, analysts say.", "Higher taxes likely next year", "analysts"),
        ("Schools short of teachers again, unions say.", "Schools short of teachers again", "unions"),
        ("In July, Smith dismissed the plan as a stunt.", "the plan as a stunt", "Smith"),
        ("Like her father, I believe in the good sense of voters.", "the good sense of voters", "I"),
    ],
)
def test_a_cue_and_its_subject_closing_their_sentence_after_a_comma_report_what_stands_before(text, said, speaker):
    reads(text, said, speaker)


def test_a_clause_of_time_before_a_closing_cue_is_no_report():
    assert quotes_of("When the vote was over, the mayor spoke.") == []


def test_a_verb_of_aspect_carries_the_claim_of_the_cue_after_it():
    reads("Farmers continued to call for lower fuel taxes.", "lower fuel taxes", "Farmers")
    reads("She kept attacking the plan.", "the plan", "She")


def test_a_participle_after_a_cue_with_a_subject_of_its_own_is_that_speaker_s():
    text = "Ortiz cannot say that “in his view,” Lopez added, saying it should be “up to the judge.”"
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "saying")
    assert said_by(text, q) == "Lopez"
    text = ("Ortiz didn’t seem impressed with the mayor’s remarks Tuesday, telling reporters, "
            "“Many people said the chief should resign.”")
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "telling")
    assert said_by(text, q) == "Ortiz"  # the cue after it, inside the quote, reports nothing of his


def test_a_closing_cue_with_a_quote_after_it_reports_the_quote():
    text = 'Asked whether he would sack the aide, Lopez said, "Probably."'
    q = next(q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "said")
    assert (content(text, q), said_by(text, q)) == ('"Probably."', "Lopez")


def test_comparing_and_likening_report_the_comparison():
    reads("The senator compared the plan to a tax on the poor.", "the plan to a tax on the poor", "The senator")
    reads("Ortiz likened the deal to a surrender.", "the deal to a surrender", "Ortiz")
    assert quotes_of("Sales rose 5 percent compared with last year.") == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“The voter file is valuable,” said Pelly, explaining he worked with the data team.", "Pelly"),
        ("''I'm more skilled with my hands than I am with my brain,'' said Ana Torres, half joking.", "Ana Torres"),
    ],
)
def test_the_name_after_an_inverted_cue_the_parse_leaves_without_a_subject_speaks(text, speaker):
    q = next(q for q in quotes_of(text) if q.kind == "direct")
    assert said_by(text, q) == speaker


def test_a_date_after_an_inverted_cue_is_no_speaker():
    text = "“We will win,” said Monday the mayor."
    q = only(quotes_of(text))
    assert q.speaker_mention is None or said_by(text, q) != "Monday"


def test_a_name_between_a_quote_and_its_cue_that_the_parse_hangs_on_the_quote_speaks():
    text = ("Some people were upset. “They were professionals, but also competitors,” Ann M. Lee, the party's former"
            " chief of staff, said of their time in the administration.")
    q = only(quotes_of(text))  # what she spoke of is no second report, and "They" no speaker
    assert (q.kind, said_by(text, q)) == ("direct", "Ann M. Lee")
    text = "Bemoaning the “rigged courts,” Ortiz accused the judge of bias."  # the quote opens no sentence
    assert [content(text, q) for q in quotes_of(text)] == ["the judge of bias"]


def test_an_opening_quote_mark_after_a_full_stop_starts_the_next_sentence():
    text = "Some voters were upset. ''They were rivals, but also friends,'' Ann Lee, the party's former chair, said."
    assert [s.text for s in nlp.parse(text).sents][1].startswith("''They")


def test_a_present_tense_the_tagger_takes_for_a_bare_verb_makes_its_own_claim():
    reads("Some senators, however, question the wisdom of committing to Lopez, who has never run statewide.",
          "the wisdom of committing to Lopez", "Some senators")
    assert quotes_of("The rules let voters question the count.") == []  # a bare verb after "let": no claim


def test_a_line_opened_by_a_dateline_keeps_its_quotes():
    text = "DAYTON, Ohio, Oct. 4 (UPI) — The mayor said the water was safe to drink."
    zones = [Zone("dateline", 0, 29), Zone("body", 29, len(text))]
    q = only(quotes_of(text, zones=zones))
    assert (content(text, q), said_by(text, q)) == ("the water was safe to drink", "The mayor")


def test_an_attribution_set_off_after_the_subject_of_the_clause_round_it_reports_the_sentence():
    reads("These workers, Ortiz explained earlier in the hearing, were well paid.",
          "These workers, Ortiz explained earlier in the hearing, were well paid", "Ortiz")
    reads("A passionate defender of the network, Ortiz likened it to the BBC.", "it to the BBC", "Ortiz")


@pytest.mark.parametrize(
    "text, said, speaker",
    [
        ("The minister denied the allegations.", "the allegations", "The minister"),
        ("The governor demanded an apology from the senator.", "an apology from the senator", "The governor"),
        ("Officials urged restraint.", "restraint", "Officials"),
        ("She noted the irony.", "the irony", "She"),
        ("The mayor promised lower taxes.", "lower taxes", "The mayor"),
        ("The poll indicates a close race.", "a close race", "The poll"),
        ("The governor outlined her budget plan.", "her budget plan", "The governor"),
        ("The film explains the history of the strike.", "the history of the strike", "The film"),
        ("Several senators voiced concern about the deal.", "concern about the deal", "Several senators"),
        ("The mayor echoed the governor's warning.", "the governor's warning", "The mayor"),
    ],
)
def test_verbs_of_stating_demanding_and_promising_take_their_object(text, said, speaker):
    reads(text, said, speaker)


def test_an_object_verb_under_a_verb_of_wishing_is_no_claim_of_its_own():
    text = "Aides hoped to deny the story."
    assert [text[q.cue.start : q.cue.end] for q in quotes_of(text)] == ["hoped"]


@pytest.mark.parametrize(
    "text, said",
    [
        ("The two parties agree on who should pay for the bridge.", "who should pay for the bridge"),
        ("Voters hope for a quick end to the strike.", "a quick end to the strike"),
        ("She often thinks about the future of the party.", "the future of the party"),
    ],
)
def test_agreeing_hoping_and_thinking_take_what_they_are_about(text, said):
    reads(text, said)


def test_a_contracted_has_the_parse_takes_for_a_passive_keeps_the_subject():
    reads("She's sought to protect the tax breaks.", "to protect the tax breaks", "She")
