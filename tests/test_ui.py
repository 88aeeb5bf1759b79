"""The web UI in headless Chromium (Debian's package, driven by Playwright) against a real
uvicorn server on loopback. Screenshots land in tests/artifacts/ for a person to look at.

The assertions follow the record: whatever quotes and events the analysis or the store
holds must each appear highlighted over exactly their span, whatever their number.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from handmade import COUNCIL, LIND, corpus_record

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(corpus_store):
    """A real uvicorn server on a free loopback port, over a small store built here."""
    import uvicorn

    from newsgraph.serve import create_app

    port = free_port()
    config = uvicorn.Config(create_app(str(corpus_store)), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    page.close()
    assert errors == [], f"JavaScript errors: {errors}"


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def highlighted_text(page, selector: str) -> str:
    return page.eval_on_selector_all(selector, "nodes => nodes.map(n => n.textContent).join('')")


def check_annotations(page, record: dict) -> None:
    """Every zone, mention, quote and event of ``record`` is marked over exactly its span."""
    text = record["text"]
    for zone in record["zones"]:
        assert page.locator(f'.zone-{zone["kind"]}[data-start="{zone["start"]}"]').count() == 1
    for entity in record["entities"]:
        assert page.locator(f'.m[data-ent="{entity["id"]}"]').count() >= 1, entity["name"]
    for i, quote in enumerate(record["quotes"]):
        content = quote["content"]
        assert highlighted_text(page, f'.q[data-q~="{i}"]') == text[content["start"] : content["end"]]
        assert page.locator(f"#quote-{i}").count() == 1
    for j, event in enumerate(record["events"]):
        evidence = event["evidence"]
        assert highlighted_text(page, f'.ev[data-ev~="{j}"]') == text[evidence["start"] : evidence["end"]]
        item = page.locator(f"#event-{j}")
        assert event["cameo"] in item.inner_text()
    assert page.locator(".quote-item").count() == len(record["quotes"])
    assert page.locator(".event-item").count() == len(record["events"])


def test_pasted_article_is_annotated(server, page):
    page.goto(server)
    page.fill("#article-text", (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8"))
    page.fill("#article-date", "2018-07-20")
    page.click("#analyze-btn")
    page.wait_for_selector(".record", timeout=60_000)
    record = page.evaluate("window.lastRecord")
    assert record["schema"] == "newsgraph/1" and record["meta"]["published"] == "2018-07-20"
    check_annotations(page, record)
    with page.expect_download() as saved:
        page.click("#download-json")
    assert json.loads(Path(saved.value.path()).read_text(encoding="utf-8")) == record
    shot(page, "ui_analyze_seed")
    if record["events"]:  # the side panel scrolls on its own: show its quotes and events too
        page.click("#event-0")
        page.eval_on_selector("#event-0", "n => n.scrollIntoView({block: 'start'})")
        page.locator(".panel").screenshot(path=str(ARTIFACTS / "ui_analyze_seed_panel.png"))


def test_uploaded_html_page_is_analysed(server, page, tmp_path):
    body = ("The harbour board of Tromsø approved a new ferry terminal on Friday after a year of debate. "
            "Board chair Ingrid Olsen said the terminal would open in two years. ") * 2
    html = tmp_path / "ferry.html"
    html.write_text(f"<html><head><title>Tromsø approves ferry terminal</title></head>"
                    f"<body><article><h1>Tromsø approves ferry terminal</h1><p>{body}</p></article></body></html>")
    page.goto(server)
    page.set_input_files("#article-file", str(html))
    page.wait_for_selector("#status:has-text('ferry.html')")
    page.click("#analyze-btn")
    page.wait_for_selector(".record", timeout=60_000)
    record = page.evaluate("window.lastRecord")
    assert record["source"]["format"] == "html" and "ferry terminal" in record["text"]
    check_annotations(page, record)


def test_stored_article_highlights_quotes_and_events(server, page):
    stored = corpus_record(2)
    page.goto(f"{server}#/article/{stored.id}")
    page.wait_for_selector(".record")
    record = stored.to_dict()
    assert record["quotes"] and record["events"]  # this article holds both, so the checks bite
    check_annotations(page, record)
    page.click("#event-0")  # the list item leads to its span in the text
    assert page.locator(".ev.flash").count() >= 1
    shot(page, "ui_stored_article")


def test_an_error_is_shown_not_thrown(server, page):
    page.goto(server)
    page.fill("#article-text", "   ")
    page.click("#analyze-btn")
    page.wait_for_selector(".error")
    assert "empty" in page.inner_text(".error")


def test_corpus_search(server, page):
    page.goto(f"{server}#/search")
    page.wait_for_selector('#search-results[data-count="3"]')
    assert page.locator("table.grid tbody tr").count() == 3
    assert "null" not in page.inner_text("#view")
    page.fill("#search-search", "sanctions")
    page.press("#search-search", "Enter")
    page.wait_for_selector('#search-results[data-total="1"]')  # no wait_for_function: the CSP forbids eval
    assert "Articles 1–1 of 1" in page.inner_text("#search-count")
    shot(page, "ui_search")


def test_nothing_found_is_said_in_words(server, page):
    page.goto(f"{server}#/search?search=zeppelin")
    page.wait_for_selector('#search-results[data-total="0"]')
    assert "Nothing matches these filters" in page.inner_text("#search-results")
    assert page.locator("table.grid").count() == 0 and "null" not in page.inner_text("#view")
    page.goto(f"{server}#/events?root=abc")  # a hand-edited address: said in words, not as a pattern
    page.wait_for_selector("#events-results .error")
    assert "“root” filter does not take that value" in page.inner_text("#events-results .error")


def test_actor_page(server, page):
    page.goto(f"{server}#/actor/{LIND}")
    page.wait_for_selector("#actor-name")
    assert page.inner_text("#actor-name") == "Mara Lind"
    page.wait_for_selector("#timeline canvas")
    assert page.locator("#actor-quotes li").count() == 2
    page.locator("tr.event-row").first.click()  # each event opens onto the sentences it was read from
    page.wait_for_selector("ul.mentions li")
    assert "Mara Lind" in page.inner_text("ul.mentions li")
    shot(page, "ui_actor")


def test_dyad_page_lists_the_articles_behind_a_point(server, page):
    page.goto(f"{server}#/dyad/{LIND}/{COUNCIL}?by=month")
    page.wait_for_selector("#dyad-chart canvas")
    assert page.evaluate("window.dyadChart.getOption().xAxis[0].data") == ["2023-01-01", "2023-02-01", "2023-03-01"]
    x, y = page.evaluate("window.dyadChart.convertToPixel({seriesIndex: 0}, [0, 1])")
    box = page.locator("#dyad-chart").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_selector(".point-articles li")
    headlines = page.inner_text("#dyad-articles")
    assert corpus_record(0).meta.headline in headlines and corpus_record(1).meta.headline in headlines
    shot(page, "ui_dyad")


def test_network_page_asks_for_its_date_range(server, page):
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/network?" in r.url else None)
    page.goto(f"{server}#/network?from=2023-03-01&to=2023-03-31")
    page.wait_for_selector("#network[data-nodes]")
    assert any("from=2023-03-01" in url and "to=2023-03-31" in url for url in asked)
    # the page draws what the API answers for that range: March holds one pair
    assert page.evaluate("window.networkGraph.edges().length") == 1
    page.goto(f"{server}#/network?from=2023-01-01&to=2023-12-31")
    page.wait_for_selector('#network[data-request*="2023-12-31"]')
    assert page.evaluate("window.networkGraph.nodes().length") == 2
    assert page.evaluate("window.networkGraph.edges().length") == 2
    page.fill("#net-find", "lind")
    assert page.evaluate("window.networkGraph.nodes('.found').map(n => n.data('label'))") == ["Mara Lind"]
    shot(page, "ui_network")


def test_events_page_filters_sorts_and_pages(server, page):
    page.goto(f"{server}#/events")
    page.wait_for_selector('#events-results[data-count="3"]')
    page.select_option("#events-root", "16")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector('#events-results[data-total="1"]')
    assert "163" in page.inner_text("#events-results tbody")
    page.goto(f"{server}#/events")
    page.wait_for_selector('#events-results[data-count="3"]')
    page.click("th >> text=Goldstein")
    page.wait_for_selector('th[aria-sort="ascending"]')
    assert page.locator("#events-results tbody tr.event-row").first.locator(".gold").inner_text() == "-8.0"
    page.click("th >> text=Goldstein")
    page.wait_for_selector('th[aria-sort="descending"]')
    assert page.locator("#events-results tbody tr.event-row").first.locator(".gold").inner_text() == "+3.4"
    shot(page, "ui_events_sorted")


def test_events_facet_narrows_the_table(server, page):
    page.goto(f"{server}#/events")
    page.wait_for_selector('[data-facet="quad_class"]')
    facet = page.locator('[data-facet="quad_class"] li', has_text="Material conflict")
    assert facet.locator(".n").inner_text() == "1"
    facet.locator("a").click()
    page.wait_for_selector('#events-results[data-total="1"]')
    assert "163" in page.inner_text("#events-results tbody")
    assert "Material conflict" in page.inner_text('[data-facet="quad_class"] li.chosen')
    shot(page, "ui_events_facet")


def test_events_download_as_csv(server, page):
    import csv
    import io

    page.goto(f"{server}#/events?quad_class=1")
    page.wait_for_selector('#events-results[data-total="2"]')
    with page.expect_download() as saved:
        page.click("#events-csv")
    rows = list(csv.DictReader(io.StringIO(Path(saved.value.path()).read_text(encoding="utf-8"))))
    assert sorted(r["cameo"] for r in rows) == ["040", "051"] and "source_name" in rows[0]


def test_event_row_opens_from_the_keyboard(server, page):
    page.goto(f"{server}#/events")
    page.wait_for_selector('#events-results[data-count="3"]')
    page.locator("tr.event-row").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("ul.mentions li")
    assert page.locator("tr.event-row").first.get_attribute("aria-expanded") == "true"


def test_corpus_timeline_keeps_empty_months(server, page):
    page.goto(f"{server}#/timeline")
    page.wait_for_selector("#corpus-timeline canvas")
    page.wait_for_selector('#corpus-timeline[data-points="3"]')  # January, an empty February, March
    assert page.evaluate("window.timelineChart.getOption().xAxis[0].data") == ["2023-01-01", "2023-02-01", "2023-03-01"]
    lines = page.evaluate("window.timelineChart.getOption().series.filter((s) => s.type === 'line')"
                          ".map((s) => [s.name, s.data.length])")
    assert lines == [["mean Goldstein", 3], ["mean tone", 3]]  # a line each, over every period
    assert "tone" in page.inner_text("#corpus-timeline-note")
    shot(page, "ui_timeline")


def test_map_places_events(server, page):
    page.goto(f"{server}#/map")
    page.wait_for_selector('#event-map[data-places="1"] canvas')
    assert page.evaluate("window.mapChart.getOption().series[0].data[0].name") == "Halvik"
    shot(page, "ui_map")


def test_deep_link_to_an_event_flashes_its_sentence(server, page):
    stored = corpus_record(2)
    page.goto(f"{server}#/article/{stored.id}?event=0")
    page.wait_for_selector(".ev.flash")
    flashed = highlighted_text(page, ".ev.flash")
    evidence = stored.events[0].evidence
    assert flashed == stored.text[evidence.start : evidence.end]
    assert page.locator("#event-0.flash").count() == 1  # its list item too
    label = page.locator('.ev[data-ev~="0"]').first.get_attribute("title")
    assert "Mara Lind → Ostmark Trade Council: 163" in label and "2023-03-02" in label
    page.click("#tab-quotes")
    assert page.locator("#panel-quotes").is_visible() and not page.locator("#panel-events").is_visible()
    page.goto(f"{server}#/article/{stored.id}?quote=0")  # a quote's link opens the quotes tab
    page.wait_for_selector("#quote-0.flash")
    assert page.locator("#panel-quotes").is_visible() and page.locator('.q.flash[data-q~="0"]').count() >= 1
    shot(page, "ui_deep_link")


def test_pages_fit_a_phone(server, browser):
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        for view, ready in [("#/events", "#events-results[data-count]"), ("#/search", "#search-results[data-count]"),
                            (f"#/actor/{LIND}", "#actor-name"), ("#/quotes", "#quotes-results[data-count]")]:
            phone.goto(f"{server}{view}")
            phone.wait_for_selector(ready)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390, view
        shot(phone, "ui_phone_quotes")
        phone.goto(f"{server}#/events")  # no table header on a phone: the sorts are a menu
        phone.wait_for_selector('#events-results[data-count="3"]')
        phone.select_option("#events-sort", "-goldstein")
        phone.wait_for_selector('th[aria-sort="descending"]', state="attached")
        assert phone.locator("tr.event-row .gold").first.inner_text() == "+3.4"
        shot(phone, "ui_phone_events")
    finally:
        phone.close()


def test_quotes_page_finds_who_said_what(server, page):
    page.goto(f"{server}#/quotes")
    page.wait_for_selector('#quotes-results[data-count="3"]')
    page.fill("#quotes-speaker_name", "Lind")
    page.press("#quotes-speaker_name", "Enter")
    page.wait_for_selector('#quotes-results[data-total="2"]')
    assert "wait forever" in page.inner_text("#quotes-results")
    shot(page, "ui_quotes")


def test_a_cut_actor_list_says_so_and_links_to_the_rest(server, page, monkeypatch):
    import newsgraph.serve.corpus as corpus

    monkeypatch.setattr(corpus, "ACTOR_ROWS", 1)  # the server runs in this process: its lists now hold one row
    page.goto(f"{server}#/actor/{LIND}")
    page.wait_for_selector("#actor-name")
    notes = page.locator(".cut")
    assert "Showing the first 1 of 2 events" in notes.nth(1).inner_text()
    notes.nth(1).locator("a").click()
    page.wait_for_selector('#events-results[data-total="2"]')
    assert "Mara Lind" in page.inner_text("#events-results tbody")
