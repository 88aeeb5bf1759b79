"""Geocoding against the shipped gazetteer, on small examples written for the test."""

from __future__ import annotations

from collections import Counter

from newsgraph.pipeline import STAGES, Pipeline
from newsgraph.places import geocode


def places_of(text: str):
    article = Pipeline(stages=[s for s in STAGES if s.name in ("actors", "places")]).article(text, "2020-05-01")
    return article.places, article.actors


def test_a_country_name_geocodes_to_its_country():
    found = geocode("Finland")
    assert found.kind == "country" and found.country == "FIN"
    assert 59 < found.lat < 70


def test_an_everyday_country_name_and_an_abbreviation():
    assert geocode("Britain").country == "GBR"
    assert geocode("U.S.").country == "USA"


def test_a_city_with_its_country_and_coordinates():
    found = geocode("Nairobi")
    assert found.kind == "city" and found.country == "KEN"
    assert abs(found.lat - -1.28) < 0.5 and abs(found.lon - 36.8) < 0.5


def test_an_old_spelling_is_an_alias_of_the_city():
    assert geocode("Bombay").name == "Mumbai"


def test_a_region():
    found = geocode("the Balkans")
    assert found.kind == "region" and found.country is None


def test_a_capital_wins_over_a_state_of_the_same_name():
    assert geocode("Washington", Counter({"USA": 4})).kind == "city"


def test_the_article_country_decides_an_ambiguous_name():
    assert geocode("Georgia", Counter({"USA": 5})).country == "USA"
    assert geocode("Georgia", Counter({"RUS": 5})).country == "GEO"


def test_places_of_an_article_have_ids_mentions_and_fill_the_city_country():
    text = "Officials in Nairobi said on Monday that Kenya would reopen its border. Nairobi was calm."
    places, actors = places_of(text)
    by_name = {p.name: p for p in places}
    assert by_name["Nairobi"].country == "KEN" and len(by_name["Nairobi"].mentions) == 2
    assert by_name["Kenya"].kind == "country"
    assert [p.id for p in places] == [f"p{n}" for n in range(1, len(places) + 1)]
    city = next(e for e in actors.entities if e.name == "Nairobi")
    assert city.country == "KEN"


def test_a_state_abbreviation():
    found = geocode("Fla.")
    assert found.name == "Florida" and found.kind == "admin"


def test_a_us_state_named_like_a_country_in_a_us_article():
    text = ("Senator Ron Pike of Ohio and Governor Ann Mills of Texas spoke in Atlanta. "
            "Voters in Georgia will decide in May, the U.S. senator said.")
    places, actors = places_of(text)
    georgia = next(p for p in places if p.name == "Georgia")
    assert georgia.country == "USA" and georgia.kind == "admin"
