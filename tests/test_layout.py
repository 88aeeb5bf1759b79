"""Layout: each rule that labels a line, on small articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.layout import is_markup, lay_out, read_meta, split_lines
from newsgraph.read.document import Hints

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed.txt"

BODY = [
    "The river authority said on Tuesday that the old weir would be removed next spring to let fish "
    "reach the spawning grounds upstream for the first time in eighty years.",
    "Engineers expect the work to take three months, and the towpath will stay open for walkers "
    "except on the days when heavy machinery crosses it.",
    "Anglers' groups welcomed the decision, which follows a long campaign by residents of the valley "
    "villages and a survey that counted very few salmon above the town.",
]
HEADLINE = "Old weir to come down so salmon can return"


def pairs(text: str, zones) -> list[tuple[str, str]]:
    return [(z.kind, text[z.start : z.end]) for z in zones]


def zones_of(text: str, hints: Hints | None = None) -> list[tuple[str, str]]:
    return pairs(text, lay_out(text, hints))


def kind_of(line: str, zones: list[tuple[str, str]]) -> str:
    kinds = {kind for kind, text in zones if text == line}
    assert len(kinds) == 1, (line, zones)
    return kinds.pop()


def article(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_zones_are_offsets_covering_every_line_in_order():
    text = article(HEADLINE, *BODY, "Advertisement")
    zones = lay_out(text)
    assert [text[z.start : z.end] for z in zones] == [line.text for line in split_lines(text)]
    assert all(z.start < z.end for z in zones)
    assert [z.start for z in zones] == sorted(z.start for z in zones)


def test_headline_is_the_first_short_line_before_the_story():
    zones = zones_of(article("Advertisement", HEADLINE, *BODY))
    assert kind_of(HEADLINE, zones) == "headline"
    assert [k for k, _ in zones].count("headline") == 1


def test_headline_given_by_the_page_is_found_in_the_text():
    text = article("Weekend edition", HEADLINE, *BODY)
    zones = zones_of(text, Hints(headline=HEADLINE))
    assert kind_of(HEADLINE, zones) == "headline"
    assert kind_of("Weekend edition", zones) == "body"


def test_standfirst_is_the_line_under_the_headline_when_furniture_follows():
    standfirst = "Fish will reach the upper valley for the first time in eighty years."
    text = article(HEADLINE, standfirst, "By Maria Lund", *BODY)
    assert kind_of(standfirst, zones_of(text)) == "standfirst"
    assert read_meta(text, lay_out(text), Hints(), None).standfirst == standfirst


def test_caption_repeating_the_line_above_plus_a_credit():
    above = "Workers inspect the weir on the river below the town."
    caption_line = above + " Photo: Tom Berg"
    text = article(HEADLINE, BODY[0], BODY[1], above, caption_line, BODY[2])
    zones = zones_of(text)
    assert ("caption", above) in zones
    assert ("credit", "Photo: Tom Berg") in zones


def test_caption_ending_in_a_bracketed_agency_credit():
    line = "Volunteers count fish at the ladder near the mill. (AP Photo/Jan Holm)"
    zones = zones_of(article(HEADLINE, BODY[0], BODY[1], line, BODY[2]))
    assert ("caption", "Volunteers count fish at the ladder near the mill.") in zones
    assert ("credit", "(AP Photo/Jan Holm)") in zones


def test_a_sentence_naming_a_source_mid_line_is_not_a_caption():
    line = "The money came from an unexpected source: the regional fisheries fund."
    zones = zones_of(article(HEADLINE, *BODY, line))
    assert kind_of(line, zones) == "body"


CREDITS = [
    "Photo: Tom Berg/Reuters",
    "Getty Images",
    "- with agencies",
    "Reporting by Ana Diaz; editing by Lee Park",
    "This episode was produced by Ana Diaz and edited by Lee Park.",
    "(Photo: @valleywalker / Instagram)",
    "[Image via Valley Police/YouTube]",
    "Submitted photo",
    "Photos and story by Jan Holm",
    "Image: Jan Holm / Valley Pictures North / Valley Pictures via Courier Wire",
]


def test_credit_list_under_a_credits_header():
    roles = ["Photographer: Jan Holm", "Stylist: Ana Diaz", "Video editor Lee Park"]
    after = "The next walk leaves the mill at ten on Saturday."
    zones = zones_of(article(HEADLINE, *BODY, "Photo credits", *roles, after))
    assert kind_of("Photo credits", zones) == "credit"
    assert all(kind_of(role, zones) == "credit" for role in roles)
    assert kind_of(after, zones) == "body"


@pytest.mark.parametrize("line", CREDITS)
def test_credit_lines(line):
    assert kind_of(line, zones_of(article(HEADLINE, *BODY, line))) == "credit"


def test_byline_near_the_top_and_in_meta():
    text = article(HEADLINE, "By Maria Lund and Per Ek", *BODY)
    zones = lay_out(text)
    assert kind_of("By Maria Lund and Per Ek", pairs(text, zones)) == "byline"
    assert read_meta(text, zones, Hints(), None).byline == "Maria Lund and Per Ek"


def test_a_by_line_deep_in_the_story_is_not_a_byline():
    late = "By Maria Lund"
    text = article(HEADLINE, *BODY, *BODY, *BODY, late, BODY[0])
    assert kind_of(late, zones_of(text)) == "body"


def test_date_line_near_the_top_gives_the_date_when_nothing_else_does():
    text = article(HEADLINE, "Published: 3 March 2021 10:32 GMT", *BODY)
    zones = lay_out(text)
    assert kind_of("Published: 3 March 2021 10:32 GMT", pairs(text, zones)) == "dateline"
    meta = read_meta(text, zones, Hints(), None)
    assert (meta.published, meta.published_source) == ("2021-03-03", "dateline")


def test_given_date_wins_over_the_date_line():
    text = article(HEADLINE, "March 3, 2021", *BODY)
    meta = read_meta(text, lay_out(text), Hints(), "2022-01-05")
    assert (meta.published, meta.published_source) == ("2022-01-05", "given")


def test_lede_dateline_is_split_from_the_first_body_line():
    lede = "OSLO (Reuters) - " + BODY[0]
    text = article(HEADLINE, lede, *BODY[1:])
    zones = zones_of(text)
    assert ("dateline", "OSLO (Reuters) - ") in zones
    assert ("body", BODY[0]) in zones


def test_a_line_opening_with_a_dateline_is_the_story_not_a_headline():
    lede = "LISBON -- " + BODY[1]
    zones = zones_of(article(lede, BODY[2]))
    assert "headline" not in [k for k, _ in zones]
    assert ("dateline", "LISBON -- ") in zones and ("body", BODY[1]) in zones


def test_a_lone_short_line_is_body_not_a_headline_over_nothing():
    sentence = "The port authority fined two shipping firms for dumping ballast water."
    assert zones_of(sentence + "\n") == [("body", sentence)]
    assert zones_of(sentence + "\n", Hints(headline=sentence)) == [("headline", sentence)]


def test_copyright_year_is_never_a_publication_date():
    text = article(HEADLINE, *BODY, "Copyright 2019 Valley Courier. All rights reserved.")
    zones = lay_out(text)
    meta = read_meta(text, zones, Hints(), None)
    assert meta.published is None and meta.published_source is None
    assert meta.publisher == "Valley Courier"
    assert kind_of("Copyright 2019 Valley Courier. All rights reserved.", pairs(text, zones)) == "boilerplate"


CHROME = {
    "ad marker": ["Advertisement", "Story continues below advertisement"],
    "newsletter plug": ["Sign up for our morning newsletter", "Get a free subscription to the Valley Courier today."],
    "share prompt": ["Share this article", "Facebook Twitter Email"],
    "follow prompt": ["Follow us on Instagram and TikTok", "Find her on Bluesky for more updates on the valley."],
    "copyright line": ["© 2024 Valley Courier", "All rights reserved."],
    "affiliate disclosure": [
        "Products in this guide are chosen by our staff, but we may earn a commission when you buy "
        "through our links, which helps fund our reporting."
    ],
    "syndication note": ["This story originally appeared in the Hill Post and is republished here with permission."],
    "correction note": ["An earlier version of this story gave the wrong length for the weir."],
    "disclaimer": [
        "The views expressed here do not necessarily reflect those of the newspaper.",
        "The author does not own shares in any company mentioned in this article.",
    ],
    "standards note": ["Our standards: The Valley Courier Trust Principles."],
    "editor's note": ["Editor’s note: This story was updated with a comment from the river authority."],
    "community plug": ["Join our readers' forums to keep talking about the river, the weather and more!"],
    "event and sponsor plug": [
        "Want your brand in front of our readers? Consider becoming a sponsor of the Valley Awards.",
        "We will be in Leeds in March to talk about rivers and towns. Request an invite below.",
    ],
    "review method note": ["We try every product we recommend. Find out more about how we test."],
    "reference line": ["More information: A. Berg et al, Salmon return after weir removal, River Science (2024)."],
    "inbox plug": ["Want the valley's news delivered to your inbox? It only takes a minute to set up."],
    "promotion": [
        "Get Valley Courier's free guide to the best river walks in the county.",
        "Special offer for our readers: a year of the print edition for half the usual price.",
        "To see all the walks on a map, click here and choose your village from the list.",
    ],
}


@pytest.mark.parametrize("family, line", [(f, line) for f, lines in CHROME.items() for line in lines])
def test_boilerplate_families(family, line):
    assert kind_of(line, zones_of(article(HEADLINE, BODY[0], line, *BODY[1:]))) == "boilerplate", family


def test_a_long_paragraph_mentioning_a_newsletter_stays_body():
    line = (
        "The campaign began when a retired teacher wrote about the empty spawning beds in the parish "
        "newsletter, and within a year more than two thousand people had signed a petition to the council."
    )
    assert kind_of(line, zones_of(article(HEADLINE, BODY[0], line, *BODY[1:]))) == "body"


def test_related_link_list_under_a_header():
    links = ["Town council approves new cycle lane", "Flood defences tested after storm"]
    zones = zones_of(article(HEADLINE, *BODY, "Related stories", *links))
    assert all(kind_of(link, zones) == "boilerplate" for link in links)
    assert kind_of("Related stories", zones) == "boilerplate"


def test_link_list_ends_at_the_first_sentence():
    sentence = "The authority will publish its full plan in the autumn."
    zones = zones_of(article(HEADLINE, BODY[0], "Read next", "Flood defences tested after storm", sentence))
    assert kind_of(sentence, zones) == "body"


def test_publisher_blurb_names_the_publisher_and_says_what_it_is():
    blurb = "Valley Courier is an independent daily serving the river towns since 1901."
    text = article(HEADLINE, *BODY, blurb)
    assert kind_of(blurb, zones_of(text, Hints(publisher="Valley Courier"))) == "boilerplate"
    assert kind_of(blurb, zones_of(text)) == "body"  # without a known publisher, it is just a sentence


def test_author_bio_among_the_last_lines():
    bio = "Maria Lund is a senior reporter covering rivers, farming and the environment."
    zones = zones_of(article(HEADLINE, *BODY, bio))
    assert kind_of(bio, zones) == "boilerplate"


def test_author_bio_with_pronouns_and_a_possessive_role():
    bio = "Ines Moreau (she/her) is the Courier’s farming columnist and lives near the weir."
    assert kind_of(bio, zones_of(article(HEADLINE, *BODY, bio))) == "boilerplate"


def test_a_character_described_in_the_last_lines_is_not_a_bio():
    line = "Its hero Anna (played by Lena Berg) is an author who comes home to the valley to write."
    assert kind_of(line, zones_of(article(HEADLINE, *BODY, line))) == "body"


def test_bio_shaped_sentence_early_in_the_story_stays_body():
    line = "Maria Lund is a retired reporter who has fished the river for forty years."
    text = article(HEADLINE, line, *BODY, *BODY, *BODY)
    assert kind_of(line, zones_of(text)) == "body"


def test_markup_lines_are_chrome():
    code = '<div class="promo"><a href="/subscribe">Subscribe</a></div>'
    script = "window.dataLayer = window.dataLayer || []; function track(){dataLayer.push(arguments);} track('js');"
    assert is_markup(code) and is_markup(script)
    assert not is_markup(BODY[0])
    embedded = '<post author="valleywalker">The salmon are back at the mill, I counted six this morning!</post>'
    assert not is_markup(embedded)  # a post quoted in the story is prose, whatever wraps it
    assert is_markup('<post id="1234"></post>')
    zones = zones_of(article(HEADLINE, BODY[0], script, *BODY[1:]))
    assert kind_of(script, zones) == "boilerplate"


def test_seed_article_zones_and_meta():
    text = SEED.read_text(encoding="utf-8")
    zones = lay_out(text)
    labelled = pairs(text, zones)
    kinds = [k for k, _ in labelled]
    assert kinds[:3] == ["boilerplate", "headline", "standfirst"]
    assert "caption" in kinds and "credit" in kinds
    assert kind_of("All rights reserved.", labelled) == "boilerplate"
    meta = read_meta(text, zones, Hints(), None)
    assert meta.headline == labelled[1][1]
    assert meta.standfirst == labelled[2][1]
    assert meta.publisher == "The New Daily"
    assert meta.published is None  # the copyright year is not a publication date
    assert meta.language == "en"


def test_credit_lines_and_calls_to_action_are_labelled_and_never_analysed():
    from newsgraph import analyze

    text = ("Council passes the budget\n\n"
            "LISBON (AP) — The council passed the budget on Monday after the mayor criticized the opposition.\n\n"
            "Associated Press writers Ana Reis, Tomas Vidal and Rui Costa contributed to this report from Porto.\n\n"
            "SEE MORE: Fishermen protest in the harbour\n\n"
            "(Reporting by Ana Reis; Editing by Rui Costa)\n")
    record = analyze(text, date="2021-05-03")
    kinds = [(z.kind, text[z.start : z.end][:12]) for z in record.zones]
    assert ("credit", "Associated P") in kinds and ("credit", "(Reporting b") in kinds
    assert ("boilerplate", "SEE MORE: Fi") in kinds
    assert ("body", "The council ") in kinds  # a story followed only by credits has no standfirst
    evidence = [text[e.evidence.start : e.evidence.end] for e in record.events]
    assert not any("contributed" in ev or "protest" in ev for ev in evidence)
    assert not any(m.start > text.index("Associated") for e in record.entities for m in e.mentions)



def test_a_line_merely_mentioning_more_stays_body():
    text = ("Port strike ends\n\nMore than 200 dockers returned to work on Monday, the union said.\n\n"
            "See more of the harbour's history in our archive of photographs, the museum said on Monday.\n")
    kinds = [z.kind for z in lay_out(text, Hints())]
    assert kinds.count("body") == 2 and "credit" not in kinds and "boilerplate" not in kinds
