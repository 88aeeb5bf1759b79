"""Only events the article asserts are events: factuality, actors-or-nothing and one event per
fact, each on sentences written for the test (rules in newsgraph/events/factuality.py)."""

from __future__ import annotations


def coded(pipeline, text: str):
    """(source name, target name, code) of every event, and the rejected readings with their reason."""
    article = pipeline.article(text, "2021-03-12")
    names = {e.id: e.name for e in article.actors.entities}

    def row(e):
        return names.get(e.source), names.get(e.target), e.cameo

    return [row(e) for e in article.events], [(row(e), e.factuality) for e in article.rejected]


def roots(events):
    return {code[:2] for _, _, code in events}


def test_an_asserted_event_is_coded(pipeline):
    events, rejected = coded(pipeline, "The Kenyan police arrested the opposition leader Amos Wekesa on Tuesday.")
    assert "17" in roots(events) and not rejected


def test_a_condition_is_no_event(pipeline):
    events, rejected = coded(pipeline, "If Ruritania imposes sanctions on Borduria, the talks will collapse.")
    assert "16" not in roots(events)
    assert any(code[:2] == "16" and why == "hypothetical" for (_, _, code), why in rejected)


def test_a_possibility_is_no_event(pipeline):
    events, rejected = coded(pipeline, "Ruritania could impose sanctions on Borduria next month.")
    assert "16" not in roots(events) and any(why == "hypothetical" for _, why in rejected)


def test_an_obligation_is_no_event(pipeline):
    for text in ("The Ruritanian diplomats must consult the Bordurian government before the vote.",
                 "The Ruritanian diplomats said they would need to consult the Bordurian government first."):
        events, rejected = coded(pipeline, text)
        assert "04" not in roots(events)
        assert any(code[:2] == "04" and why == "hypothetical" for (_, _, code), why in rejected)
    events, _ = coded(pipeline, "The Ruritanian diplomats consulted the Bordurian government before the vote.")
    assert "04" in roots(events)
    for text in ("The Kenyan army has to attack the rebel camp tonight.",
                 "The Kenyan army has got to attack the rebel camp tonight."):
        events, _ = coded(pipeline, text)
        assert "19" not in roots(events), text
    events, _ = coded(pipeline, "The Kenyan army had to attack the rebel camp.")  # it did
    assert "19" in roots(events)


def test_a_purpose_is_no_event(pipeline):
    for text in ("The Ruritanian army is sending tanks to the border to attack the Bordurian rebels.",
                 "The Ruritanian junta created a new agency to seize the assets of Bordurian firms."):
        events, rejected = coded(pipeline, text)
        assert not roots(events) & {"17", "19"}
        assert any(code[:2] in ("17", "19") and why == "hypothetical" for (_, _, code), why in rejected)



def test_an_infinitive_after_an_ordinal_is_no_purpose(model):
    from newsgraph.events.factuality import HYPOTHETICAL, factuality
    from newsgraph.events.patterns import lexicon

    def reading(text):
        attack = next(t for t in model(text) if t.lemma_ == "attack")
        return factuality(attack, False, lexicon())

    assert reading("The army was the first force to attack the rebels.") != HYPOTHETICAL
    assert reading("The army built a new force to attack the rebels.") == HYPOTHETICAL


def test_a_clause_with_a_factive_mark_is_presupposed_under_a_modal(pipeline):
    text = "The protests may end now that the junta has released the opposition leader Amos Wekesa."
    events, _ = coded(pipeline, text)
    assert "08" in roots(events)  # the release happened; only the end of the protests is possible
    events, rejected = coded(pipeline, "The army could attack the rebels, shelling their villages in the hills.")
    assert "19" not in roots(events)
    assert any(code[:2] == "19" and why == "hypothetical" for (_, _, code), why in rejected)


def test_what_an_appeal_or_demand_asks_for_has_not_happened(pipeline):
    for text in ("David Axelrod called on Howard Dean to apologize to Donald Trump.",
                 "David Axelrod urged Howard Dean to apologize to Donald Trump."):
        events, rejected = coded(pipeline, text)
        assert events == [("David Axelrod", "Howard Dean", "020")]
        assert any(code[:2] == "05" and why == "hypothetical" for (_, _, code), why in rejected)
    events, _ = coded(pipeline, "Howard Dean apologized to Donald Trump.")
    assert events == [("Howard Dean", "Donald Trump", "055")]


def test_a_question_is_no_event(pipeline):
    events, _ = coded(pipeline, "Did the army attack the rebels in the hills last night?")
    assert "19" not in roots(events) and "18" not in roots(events)


def test_a_negated_event_is_no_event(pipeline):
    events, rejected = coded(pipeline, "The minister did not meet the Ruritanian ambassador on Monday.")
    assert not any(code[:2] == "04" for _, _, code in events)
    assert any(why == "negated" for _, why in rejected)


def test_what_someone_is_blamed_for_is_their_claim_not_a_fact(pipeline):
    text = "President Anna Berg blamed the rebels for attacking the convoy near the border."
    events, rejected = coded(pipeline, text)
    assert any(code[:2] == "11" for _, _, code in events)  # the blame is coded
    assert "19" not in roots(events) and "18" not in roots(events)  # the attack is only her claim
    assert any(why == "claimed" for _, why in rejected)


def test_a_denied_deed_is_no_event(pipeline):
    events, _ = coded(pipeline, "The general denied that the army shelled the village.")
    assert "19" not in roots(events)


def test_a_stated_intention_is_the_verbal_event_it_is(pipeline):
    events, _ = coded(pipeline, "The Ruritanian government said it would support the new resolution.")
    assert any(code.startswith("03") for _, _, code in events)


def test_a_plainly_reported_event_stays_an_event(pipeline):
    events, _ = coded(pipeline, "The Kenyan police said they arrested the opposition leader Amos Wekesa.")
    assert "17" in roots(events)


def test_an_event_without_a_source_is_not_emitted(pipeline):
    events, _ = coded(pipeline, "Several hospitals and schools were bombed in the north of the country.")
    assert events == []


def test_an_abstract_noun_is_looked_through_to_its_owner(pipeline):
    events, _ = coded(pipeline, "Foreign Minister Ana Duarte condemned the attacks by Borduria on the port.")
    condemn = [e for e in events if e[2][:2] == "11"]
    assert condemn and all(src == "Ana Duarte" for src, _, _ in condemn)
    assert all(tgt in (None, "Borduria") for _, tgt, _ in condemn)


def test_a_symmetric_meeting_is_one_event_with_the_first_named_as_source(pipeline):
    events, _ = coded(pipeline, "Chancellor Olaf Brandt and President Lena Holm met in Vienna on Monday.")
    meetings = [e for e in events if e[2][:2] == "04"]
    assert meetings == [("Olaf Brandt", "Lena Holm", meetings[0][2])]


def test_explain_lists_the_rejected_readings(tmp_path, capsys):
    import json

    from newsgraph.cli import main

    article = tmp_path / "a.txt"
    article.write_text("President Anna Berg blamed the rebels for attacking the convoy.", encoding="utf-8")
    assert main(["analyze", str(article), "--date", "2021-03-12", "--json"]) == 0
    assert "rejected" not in json.loads(capsys.readouterr().out)
    assert main(["analyze", str(article), "--date", "2021-03-12", "--json", "--explain"]) == 0
    rejected = json.loads(capsys.readouterr().out)["rejected"]
    assert [(e["cameo"][:2], e["factuality"]) for e in rejected] == [("19", "claimed")]


def dates(pipeline, text: str):
    return [(e.cameo[:2], e.date) for e in pipeline.article(text, "2021-03-12").events]


def test_an_event_takes_the_date_named_in_its_clause(pipeline):
    assert dates(pipeline, "The engineer was abducted by gunmen in August 2016.") == [("18", "2016-08")]
    assert dates(pipeline, "The police arrested the mayor on Tuesday.") == [("17", "2021-03-09")]


def test_an_event_takes_the_date_of_a_dated_event_its_clause_names(pipeline):
    assert dates(pipeline, "The army seized the ridge in the 1998 border war.") == [("17", "1998")]


def test_coordinated_verbs_share_a_date_unless_each_has_its_own(pipeline):
    found = dates(pipeline, "The gunmen killed two guards and abducted the engineer in August 2016.")
    assert sorted(found) == [("18", "2016-08"), ("18", "2016-08")]
    found = dates(pipeline, "On Monday the army shelled the town, and on Tuesday it bombed the port.")
    assert sorted(found) == [("19", "2021-03-08"), ("19", "2021-03-09")]


def test_a_past_perfect_clause_gets_no_publication_date(pipeline):
    assert dates(pipeline, "The rebels had attacked the town before the ceasefire.") == [("19", None)]
    assert dates(pipeline, "The rebels attacked the town.") == [("19", "2021-03-12")]


def test_what_a_naming_verb_calls_someone_is_blame_or_praise(pipeline):
    blame, _ = coded(pipeline, "Senator Ana Duarte called Governor Luis Prado a disgrace.")
    assert blame == [("Ana Duarte", "Luis Prado", "111")]
    praise, _ = coded(pipeline, "Mayor Ana Duarte called the firefighters heroes.")
    assert [(s, c) for s, _, c in praise] == [("Ana Duarte", "051")]
    call, _ = coded(pipeline, "Senator Ana Duarte called Governor Luis Prado on Monday.")
    assert call == [("Ana Duarte", "Luis Prado", "041")]


def test_releasing_information_is_no_release_of_people_and_refusing_it_a_rejection(pipeline):
    assert [c for _, _, c in coded(pipeline, "The Kenyan police released video of the arrest.")[0]] == ["010"]
    assert [c for _, _, c in coded(pipeline, "Senator Ana Duarte refused to release her tax records.")[0]] == ["120"]
    assert [c for _, _, c in coded(pipeline, "The Kenyan police released the opposition leader Amos Wekesa.")[0]] == [
        "0841"]


def test_a_place_named_before_aid_is_its_recipient_not_its_giver(pipeline):
    events, _ = coded(pipeline, "Borduria aid arrived at the port on Monday.")
    assert not [e for e in events if e[2][:2] == "07" and e[0] == "Borduria"]


def test_one_person_attacking_does_it_in_words(pipeline):
    verbal, _ = coded(pipeline, "Senator Ana Duarte attacked Governor Luis Prado over the budget.")
    assert verbal == [("Ana Duarte", "Luis Prado", "111")]
    armed, _ = coded(pipeline, "The rebels attacked an army base near the river.")
    assert [c[:2] for _, _, c in armed] == ["19"]


def test_an_event_in_someones_own_words_is_their_claim_unless_they_do_it(pipeline):
    claim = '"The rebels attacked the convoy near the border," President Anna Berg said on Monday.'
    events, rejected = coded(pipeline, claim)
    assert "19" not in roots(events) and any(why == "claimed" for _, why in rejected)
    own = '"We will meet the rebels in Geneva," President Anna Berg said on Monday.'
    events, _ = coded(pipeline, own)
    assert any(src == "Anna Berg" and code.startswith("03") for src, _, code in events)
