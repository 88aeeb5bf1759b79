"""Reading HTML pages: what trafilatura returns, the page's metadata, and how layout labels it.

The pages are small articles written for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph.layout import lay_out, read_meta
from newsgraph.read.html import read_html
from newsgraph.record import Source

HEAD = """<!doctype html><html lang="{lang}"><head>
<title>Valley farmers plant hedges to slow the floods | Valley Courier</title>
<meta property="og:title" content="Valley farmers plant hedges to slow the floods">
{meta}
</head><body>
<nav><a href="/">Home</a> <a href="/farming">Farming</a> <a href="/weather">Weather</a></nav>
<article><h1>Valley farmers plant hedges to slow the floods</h1>
<p>Farmers along the upper valley have planted twelve kilometres of hedges this winter in a
scheme meant to hold back rain water before it reaches the town.</p>
{extra}
<p>The hedges, mostly hawthorn and hazel, were paid for by a regional fund and planted by
volunteers from the villages over six weekends.</p>
<p>Hydrologists at the university will measure how fast the streams rise after storms and
report their findings to the council next year.</p>
{tail}
</article><footer><p>Copyright 2019 Valley Courier. All rights reserved.</p></footer></body></html>"""

META = """<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="2022-02-10T08:00:00Z">
<meta property="article:modified_time" content="2022-06-01T08:00:00Z">
<meta name="author" content="Valley Courier https; Www Valleycourier Com; Ines Moreau">"""


def page(meta: str = META, extra: str = "", tail: str = "", lang: str = "en") -> str:
    return HEAD.format(meta=meta, extra=extra, tail=tail, lang=lang)


def analyse(html: str, url: str | None = None):
    doc = read_html(html, "page.html", Source(url=url, format="html"))
    zones = lay_out(doc.text, doc.hints)
    labelled = [(z.kind, doc.text[z.start : z.end]) for z in zones]
    return doc, labelled, read_meta(doc.text, zones, doc.hints, None)


def test_text_is_headline_then_article_and_zones_are_offsets():
    doc, labelled, meta = analyse(page())
    assert doc.text.startswith("Valley farmers plant hedges to slow the floods\n")
    assert "Weather" not in doc.text  # navigation is not article text
    assert labelled[0] == ("headline", "Valley farmers plant hedges to slow the floods")
    assert meta.headline == "Valley farmers plant hedges to slow the floods"
    assert sum(1 for kind, _ in labelled if kind == "body") == 3


def test_original_publication_date_is_preferred_to_the_modified_one():
    _, _, meta = analyse(page())
    assert (meta.published, meta.published_source) == ("2022-02-10", "html")


def test_a_copyright_year_is_never_the_publication_date():
    _, _, meta = analyse(page(meta='<meta property="og:site_name" content="Valley Courier">'))
    assert meta.published is None and meta.published_source is None


def test_author_field_loses_web_addresses_and_the_publisher():
    doc, _, meta = analyse(page())
    assert doc.hints.byline == meta.byline == "Ines Moreau"
    assert meta.publisher == "Valley Courier"


@pytest.mark.parametrize(
    "author, byline",
    [
        ("Condé Nast; Ines Moreau; Tom Berg", "Ines Moreau; Tom Berg"),
        ("Ines Moreau; Ines-Moreau", "Ines Moreau"),
        ("View all posts by Ines Moreau", "Ines Moreau"),
        ("Ines Moreau; Updated Dec", "Ines Moreau"),
        ("Ines Moreau; March 9", "Ines Moreau"),
        ("valleycourier com", None),
    ],
)
def test_author_field_parts_that_name_no_person_are_dropped(author, byline):
    meta = f'<meta name="author" content="{author}">'
    doc, _, _ = analyse(page(meta=meta))
    assert doc.hints.byline == byline


def test_a_title_like_site_name_gives_way_to_the_web_address():
    meta = '<meta property="og:site_name" content="Story hedges farmers valley floods plan 20220210123">'
    _, _, meta = analyse(page(meta=meta), url="https://www.valleycourier.example/farming/hedges")
    assert meta.publisher == "valleycourier.example"
    assert meta.url == "https://www.valleycourier.example/farming/hedges"


def test_chrome_inside_the_article_is_labelled_not_removed():
    plug = "<p>Sign up for our free farming newsletter</p>"
    bio = "<p>Ines Moreau is a staff reporter covering farming and the countryside.</p>"
    doc, labelled, _ = analyse(page(extra=plug, tail=bio))
    assert ("boilerplate", "Sign up for our free farming newsletter") in labelled
    assert ("boilerplate", "Ines Moreau is a staff reporter covering farming and the countryside.") in labelled
    assert "Sign up for our free farming newsletter" in doc.text  # labelled, never deleted


def test_caption_paragraph_with_a_credit():
    caption = "<p>A volunteer plants hawthorn beside the old mill race. (Photo: Jan Holm)</p>"
    _, labelled, _ = analyse(page(extra=caption))
    assert ("caption", "A volunteer plants hawthorn beside the old mill race.") in labelled
    assert ("credit", "(Photo: Jan Holm)") in labelled


def test_language_from_the_html_lang_attribute():
    doc, _, _ = analyse(page(lang="en-GB"))
    assert doc.hints.language == "en"


@pytest.mark.parametrize(
    "title",
    [
        "Valley farmers plant hedges to slow the floods - Valley Courier",
        "Valley Courier | Valley farmers plant hedges to slow the floods",
    ],
)
def test_site_name_around_the_title_is_not_part_of_the_headline(title):
    meta = f'<meta property="og:site_name" content="Valley Courier"><meta property="og:title" content="{title}">'
    html = page(meta=meta).replace(
        '<meta property="og:title" content="Valley farmers plant hedges to slow the floods">', ""
    )
    doc, labelled, meta = analyse(html)
    assert meta.headline == "Valley farmers plant hedges to slow the floods"
    assert labelled[0] == ("headline", "Valley farmers plant hedges to slow the floods")


@pytest.mark.parametrize(
    "site", ["Valley Courier - The paper the valley reads.", "Farming, Weather, Walks and More | Valley Courier"]
)
def test_a_tagline_beside_the_site_name_is_not_the_publisher(site):
    _, _, meta = analyse(page(meta=f'<meta property="og:site_name" content="{site}">'))
    assert meta.publisher == "Valley Courier"


LIVE_BLOG = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "LiveBlogPosting",
"headline": "Valley floods: live updates", "liveBlogUpdate": [
 {"@type": "BlogPosting", "headline": "Mayor thanks the volunteers"},
 {"@type": "BlogPosting", "headline": "Council opens two shelters"}]}</script>"""

UPDATES = """<h2>Council opens two shelters</h2>
<p>The council opened two shelters in the school halls on Tuesday night for families whose houses
were flooded, a spokesman said.</p>
<h2>Mayor thanks the volunteers</h2>
<p>The mayor thanked the volunteers who filled sandbags along the river for three days and nights.</p>"""


def test_a_live_blogs_updates_are_labelled_apart_from_the_article():
    doc, labelled, _ = analyse(page(meta=META + LIVE_BLOG, tail=UPDATES))
    assert doc.hints.updates == ("Mayor thanks the volunteers", "Council opens two shelters")
    kinds = dict((text, kind) for kind, text in labelled)
    assert kinds["Council opens two shelters"] == "update"  # from the first update headline on
    assert all(kind == "update" for kind, text in labelled if "mayor" in text.lower())
    assert any(kind == "body" and text.startswith("Farmers along the upper valley") for kind, text in labelled)


def test_a_live_blogs_updates_are_not_analysed():
    from newsgraph.pipeline import Pipeline
    from newsgraph.read.html import read_html as read

    doc = read(page(meta=META + LIVE_BLOG, tail=UPDATES), "page.html", Source(format="html"))
    article = Pipeline().article(doc)
    assert not any("mayor" in e.name.lower() for e in article.actors.entities)
    assert not [e for e in article.events if "thanked" in article.text[e.evidence.start : e.evidence.end]]


def test_json_ld_without_a_live_blog_or_broken_labels_nothing_as_update():
    broken = '<script type="application/ld+json">{"@type": "LiveBlogPosting", "liveBlogUpdate": [</script>'
    for meta in (META, META + broken):
        doc, labelled, _ = analyse(page(meta=meta, tail=UPDATES))
        assert doc.hints.updates == ()
        assert "update" not in {kind for kind, _ in labelled}
