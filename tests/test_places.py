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


def test_a_place_carries_its_geonames_facts():
    city = geocode("Nairobi")
    assert city.geonameid and city.feature_class == "P" and city.country_fips == "KE"
    assert city.adm1.startswith("KE") and city.population > 1_000_000
    country = geocode("Finland")
    assert country.feature_class == "A" and country.country_fips == "FI" and country.geonameid
    state = geocode("Fla.")
    assert (state.country_fips, state.adm1, state.adm1_name, state.feature_class) == ("US", "USFL", "Florida", "A")
    region = geocode("the Balkans")
    assert region.geonameid is None and region.feature_class == "L"


def test_an_article_place_keeps_the_geonames_facts():
    places, _ = places_of("Officials in Nairobi said on Monday that Kenya would reopen its border.")
    nairobi = next(p for p in places if p.name == "Nairobi")
    assert nairobi.geonameid == geocode("Nairobi").geonameid and nairobi.country_fips == "KE"
    assert nairobi.feature_class == "P" and nairobi.adm1 and nairobi.population > 1_000_000


def test_a_small_town_is_read_in_a_country_of_the_articles_actors():
    # a town of about 25,000: in no list of big cities, but GeoNames' table holds it
    assert geocode("Herndon", Counter({"USA": 3})).country == "USA"
    text = "Governor Ann Mills of Virginia spoke to veterans in Herndon on Monday."
    places, _ = places_of(text)
    assert [(p.name, p.country, p.kind) for p in places if p.name == "Herndon"] == [("Herndon", "USA", "city")]


def test_a_small_town_is_not_read_without_its_country_among_the_actors():
    assert geocode("Herndon") is None and geocode("Herndon", Counter({"GBR": 3})) is None
    assert geocode("Obama") is None  # a town in Japan, and a name
    assert geocode("Obama", Counter({"JPN": 2})).country == "JPN"


def test_a_small_town_named_like_an_ordinary_word_is_never_read():
    assert geocode("Central", Counter({"USA": 5})) is None


def test_a_small_namesake_in_the_articles_country_does_not_beat_a_big_place_elsewhere():
    assert geocode("Paris", Counter({"USA": 5})).country == "FRA"  # not the Texas town of 25,000
    assert geocode("Birmingham", Counter({"USA": 5})).country == "USA"  # Alabama's is not dwarfed
    assert geocode("Birmingham", Counter({"GBR": 5})).country == "GBR"


def test_a_country_or_a_region_wins_over_a_town_of_its_name():
    assert geocode("Mali", Counter({"CHN": 5})).kind == "country"  # not the Chinese town
    assert geocode("Asia", Counter({"PHL": 5})).kind == "region"  # not the Philippine town


def test_a_title_reads_only_prominent_places():
    from newsgraph.actors.words import country_of_words

    assert country_of_words("Tulsa police chief", places=True) == "USA"
    assert country_of_words("Wayne county officials", places=True) == "USA"  # 54,000: a US town news names alone
    assert country_of_words("Police officials", places=True) is None  # Police is a town in Poland
    assert country_of_words("Most people", places=True) is None  # Most is a town in Czechia


def test_a_prominent_city_keeps_its_name_beside_a_region_of_the_same_name():
    assert geocode("Gaza").kind == "city"  # a city of 410,000; the region is the Gaza Strip's other name
    assert geocode("Gaza Strip").kind == "region"
