"""The edition as a reader meets it: the imprint, the footer, the downloads, the legend and
the method, the sources' own titles, the typography, the search results, the phone, print,
and the buttons to cite. Built pages read with an HTML parser; layout in Chromium."""

import copy
import json
import re

import pytest
from bs4 import BeautifulSoup

from edition.data import load_data
from edition.strings import STRINGS

from project import SCREENSHOTS
from text import plain

DATA = load_data()
EDITION = DATA.article.edition
LANGS = {"ru": "", "en": "en/"}
DATA_PAGES = ["missions/index.html", "missions/iraq.html", "astana/index.html", "astana/round-7.html",
              "funding/index.html", "facts/index.html"]  # fmt: skip
PAGE_TYPES = ["index.html", "article.html", "cite.html", "about.html", "method.html", "downloads.html", *DATA_PAGES]
PHONES = [360, 390]


# ---------------------------------------------------------------------------- imprint and footer
@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_imprint_states_who_what_which_version_and_whose_rights(page_html, lang, prefix):
    t = STRINGS[lang]
    imprint = page_html(f"{prefix}about.html").select_one("dl.imprint")
    facts = {plain(div.dt.get_text(strip=True)): div.dd for div in imprint.select("div")}
    assert facts[t["imprint_publisher"]].get_text(strip=True) == t["editors"]
    assert facts[t["imprint_version"]].get_text(strip=True).startswith(f"{EDITION.version}, ")
    assert "2026" in facts[t["imprint_version"]].get_text()
    licence = facts[t["imprint_licence"]].select_one('a[rel="license"]')
    assert licence["href"] == EDITION.license.url and licence.get_text() == EDITION.license.name
    assert plain(facts[t["imprint_authors_text"]].get_text(strip=True)) == t["imprint_authors_text_value"]
    assert plain(facts[t["imprint_errors"]].get_text(strip=True)) == t["imprint_no_contact"]  # none published


@pytest.mark.parametrize("lang, prefix", LANGS.items())
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_has_a_footer_in_its_language(page_html, lang, prefix, path):
    page = page_html(prefix + path)
    footer = page.select_one(".md-footer .edition-footer")
    text = " ".join(footer.get_text(" ").split())
    assert EDITION.version in text and STRINGS[lang]["footer_about"] in text
    assert footer.select_one('a[rel="license"]')["href"] == EDITION.license.url
    assert "Made with" not in page.select_one(".md-footer").get_text()
    # the test site is a preview (no downloads built): the footer says so, and links the data
    assert STRINGS[lang]["footer_preview"] in text
    downloads = footer.select_one(".edition-downloads a")["href"]
    assert downloads.endswith("downloads.html")


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_the_downloads_page_lists_the_data_tables_with_sizes(site, page_html, lang, prefix):
    page = page_html(f"{prefix}downloads.html")
    assert STRINGS[lang]["downloads_preview"] in plain(page.get_text())
    rows = page.select("#data ~ table tbody tr")
    names = [row.a.get_text() for row in rows]
    assert {"missions.csv", "missions_facts.json", "astana_rounds.csv", "facts.json"} <= set(names)
    for row in rows:
        assert (site / prefix / row.a["href"]).is_file()
        assert re.fullmatch(r"[\d.,]+\s?(Б|КБ|МБ|B|KB|MB)", row.select_one(".size").get_text().replace("\u00a0", " "))


# ---------------------------------------------------------------------------- data pages
@pytest.mark.parametrize("lang, prefix", LANGS.items())
@pytest.mark.parametrize("path", DATA_PAGES)
def test_every_data_page_explains_its_verdicts(page_html, lang, prefix, path):
    t = STRINGS[lang]
    legend = page_html(prefix + path).select_one("aside.legend")
    text = plain(legend.get_text(" "))
    assert all(meaning in text for meaning in t["confidence_meanings"].values())
    if "round-" not in path:  # a round page shows confidence only
        assert all(meaning in text for meaning in t["status_meanings"].values())
    assert legend.select_one("a")["href"].endswith("method.html")


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_the_method_page_defines_every_verdict(page_html, lang, prefix):
    legend = page_html(f"{prefix}method.html").select_one("aside.legend")
    shown = {plain(dt.get_text(strip=True)) for dt in legend.select("dt .status")}
    assert shown == set(STRINGS[lang]["status_names"].values())


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_sources_are_listed_under_their_own_titles(page_html, lang, prefix):
    items = {
        li["id"].removeprefix("src-"): li
        for li in page_html(f"{prefix}missions/iraq.html").select("ol.sources-list li")
    }
    tengri = items["tengrinews-290"]
    assert plain(tengri.a.get_text()) == "290 казахстанцев участвовали в миротворческой миссии в Ираке"
    assert tengri.a["lang"] == "ru"
    assert DATA.sources["tengrinews-290"].about[lang] in plain(tengri.get_text())
    untitled = items["expertonline-iraq"]  # no stored copy showed its title: said so
    assert plain(untitled.a.get_text()) == DATA.sources["expertonline-iraq"].about[lang]
    assert plain(untitled.select_one(".source-untitled").get_text()) == f"({STRINGS[lang]['source_untitled']})"


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_citation_marks_are_each_source_once_in_order(site, page_html, lang, prefix):
    for path in DATA_PAGES:
        for span in page_html(prefix + path).select("span.cites"):
            numbers = [int(a.get_text().strip("[]")) for a in span.select("a")]
            assert numbers == sorted(set(numbers)), (path, numbers)


def test_english_data_pages_cite_the_english_article(page_html):
    links = [a["href"] for a in page_html("en/missions/iraq.html").select("a.para-ref")]
    assert links and all(href.startswith("../article.html#p") for href in links)
    russian = [a["href"] for a in page_html("missions/iraq.html").select("a.para-ref")]
    assert russian and all(href.startswith("../article.html#p") for href in russian)


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_downloads_describe_themselves(site, lang, prefix):
    document = json.loads((site / prefix / "astana" / "astana_rounds.json").read_text("utf-8"))
    assert document["edition"]["version"] == EDITION.version
    assert document["edition"]["licence"]["url"] == EDITION.license.url
    assert set(document["columns"]) == set(document["records"][0])
    first = document["records"][0]
    assert first["round"] == 1 and first["after_article"] is False and isinstance(first["sources"], list)
    header = (site / prefix / "astana" / "astana_rounds.csv").read_text("utf-8-sig").splitlines()[0].split(",")
    assert "sources_1" in header and "sources" not in header
    shown = BeautifulSoup((site / prefix / "astana" / "index.html").read_text("utf-8"), "lxml").select_one("article")
    assert "data/" not in shown.get_text()  # no file paths for readers


# ---------------------------------------------------------------------------- typography
STRAIGHT = re.compile(r"[\"']")


@pytest.mark.parametrize("path", ["index.html", "article.html", "cite.html", "about.html", "method.html", *DATA_PAGES])
def test_english_prose_has_curly_quotes_and_apostrophes(page_html, path):
    article = copy.copy(page_html(f"en/{path}").select_one("article"))  # the parse is shared
    for element in article.select("code, pre, script, style, #p2, .source-url, .sources-list a[lang]"):
        element.decompose()  # code, the authors' own English (verbatim) and the sources' own titles
    text = article.get_text()
    assert not STRAIGHT.search(text), f"{path}: …{text[max(0, STRAIGHT.search(text).start() - 40) :][:80]}…"


def test_russian_text_does_not_break_after_one_letter_words_nor_inside_dates(page_html):
    article = copy.copy(page_html("article.html").select_one("article"))  # the parse is shared
    for verbatim in article.select("pre, code"):  # a citation is copied with plain spaces
        verbatim.decompose()
    text = article.get_text()
    assert not re.search(r"(?<![\w.-])[вксоуаиВКСОУАИ] ", text), re.search(r"(?<![\w.-])[вксоуаиВКСОУАИ] .{20}", text)
    assert "№\u00a0857" in text
    assert not re.search(
        r"\d (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)", text
    )


@pytest.mark.parametrize("prefix", LANGS.values())
def test_the_table_of_contents_tells_the_editors_headings_from_the_authors(page_html, prefix):
    page = page_html(prefix + "article.html")
    editorial = {h["id"] for h in page.select("article :is(h2, h3).editorial[id]")}
    authors = {h["id"] for h in page.select("article :is(h2, h3).rubric[id]")}
    assert editorial and authors
    toc = page.select_one(".md-sidebar--secondary nav.md-nav--secondary")
    marked = {a["href"][1:] for a in toc.select("a.md-nav__link--editorial")}
    listed = {a["href"][1:] for a in toc.select("a.md-nav__link")}
    assert marked == editorial & listed and marked
    assert not marked & authors


# ---------------------------------------------------------------------------- search results
@pytest.mark.parametrize("folder", ["", "en/"])
def test_search_results_hold_clean_text(site, folder):
    documents = json.loads((site / folder / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert documents
    for document in documents:
        assert "¶" not in document["title"] and "¶" not in document["text"], document["location"]
        assert not re.match(r"<p>\d", document["text"]), document["location"]  # no number glued to the text


def search(page, query: str) -> list[str]:
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material searches on key events
    page.wait_for_selector(".md-search-result__link")
    return [link.get_attribute("href") for link in page.query_selector_all(".md-search-result__link")]


def test_russian_search_finds_inflected_forms(server, browser_page):
    browser_page.goto(server + "index.html")
    browser_page.click(".md-search__input")
    assert any("lebanon" in href for href in search(browser_page, "Ливаном"))  # the text has «Ливан», «Ливане»
    assert any("article.html" in href for href in search(browser_page, "миротворцами"))  # «миротворцев»
    shortened = browser_page.evaluate("['операции', 'Астанинского', 'США'].map(editionShortenQuery)")
    assert shortened == ["операц", "Астанинск", "США"]


# ---------------------------------------------------------------------------- phone, citing, print
def phone_page(browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True)
    return context, context.new_page()


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_no_page_is_wider_than_a_phone(server, browser, width, lang, prefix):
    context, page = phone_page(browser, width)
    try:
        for path in PAGE_TYPES:
            page.goto(server + prefix + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{prefix}{path} is {overflow} px wider than a {width} px screen"
            wide = page.evaluate(
                """() => [...document.querySelectorAll('article *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .map(e => e.tagName + '.' + e.className).slice(0, 3)"""
            )
            assert wide == [], f"{prefix}{path}: {wide}"
            blank = page.evaluate(  # under the title's last line of words and buttons
                """() => { const h = document.querySelector('article h1'), r = document.createRange();
                    const bottoms = [...h.childNodes].filter(n => !n.classList?.contains('headerlink'))
                        .map(n => { r.selectNode(n); return r.getBoundingClientRect().bottom; });
                    return h.getBoundingClientRect().bottom - Math.max(...bottoms); }"""
            )
            assert blank < 12, f"{prefix}{path}: {blank} px of blank line under the title"
            alone = page.evaluate(  # a heading's cite button wrapped onto a line of its own
                """() => [...document.querySelectorAll('article :is(h2, h3) .cite-this')]
                    .filter(b => b.getBoundingClientRect().left - b.parentElement.getBoundingClientRect().left < 8)
                    .map(b => b.parentElement.id)"""
            )
            assert alone == [], f"{prefix}{path}: the cite button of {alone} stands alone on a line"
            if path == "article.html":
                margin = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#p12')).paddingLeft)")
                assert margin <= 40, f"the margin takes {margin} px"
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"phone-{width}-{lang}-{path.replace('/', '-')}.png")
    finally:
        context.close()


@pytest.mark.parametrize("prefix", LANGS.values())
def test_tables_on_a_phone_are_cards_with_every_value_labelled(server, browser, prefix):
    context, page = phone_page(browser, 390)
    try:
        page.goto(server + prefix + "missions/index.html")
        cells = page.evaluate(
            """() => [...document.querySelectorAll('.data-table tbody td')].map(td => {
                const th = td.closest('table').querySelectorAll('thead th')[td.cellIndex];
                return [th.textContent.trim(), getComputedStyle(td, '::before').content,
                        getComputedStyle(td).display, td.getBoundingClientRect().width];
            })"""
        )
        assert cells
        for heading, label, display, width in cells:
            assert label == f'"{heading}"', (heading, label)  # the column's name shown above the value
            assert display == "block" and width > 300  # one value to a line, the card's full width
    finally:
        context.close()


def test_the_timeline_on_a_phone_is_a_list_with_targets_to_tap(server, browser):
    context, page = phone_page(browser, 390)
    try:
        page.goto(server + "index.html")
        assert not page.is_visible("svg.timeline-svg") and page.is_visible(".timeline-list")
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('.tl-list-rounds a')]
                .map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })"""
        )
        assert len(sizes) == len(DATA.rounds.rounds)
        assert min(min(pair) for pair in sizes) >= 24
        assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.tl-list-rounds a')).fontSize)") >= 12
    finally:
        context.close()


def test_cite_buttons_are_in_view_without_hovering(server, browser_page):
    browser_page.goto(server + "article.html")
    assert float(browser_page.evaluate("getComputedStyle(document.querySelector('#p12 .cite-this')).opacity")) >= 0.5
    assert float(browser_page.evaluate("getComputedStyle(document.querySelector('#p12 .para-copy')).opacity")) >= 0.5
    assert browser_page.evaluate("document.querySelector('details.cite-panel').open")
    browser_page.goto(server + "astana/round-7.html")
    assert browser_page.is_visible("h1 .cite-this")


def test_print_shows_the_citation_and_numbers_the_pages(server, browser_page):
    browser_page.goto(server + "article.html")
    browser_page.emulate_media(media="print")
    assert browser_page.is_visible(".cite-panel .cite-text")
    assert not browser_page.is_visible(".title-block .md-button")


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_screenshots_of_every_page_type_on_a_desktop(server, browser_page, lang, prefix):
    SCREENSHOTS.mkdir(exist_ok=True)
    browser_page.set_viewport_size({"width": 1366, "height": 900})
    for path in PAGE_TYPES:
        browser_page.goto(server + prefix + path)
        browser_page.screenshot(path=SCREENSHOTS / f"desktop-1366-{lang}-{path.replace('/', '-')}.png")
    assert browser_page.console_errors == [] and browser_page.foreign_requests == []
