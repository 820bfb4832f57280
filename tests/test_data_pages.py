"""Pages generated from data/: all of them, in both languages, every value with its source."""

import csv
import io
import json

import pytest

from build_site import build_site
from edition.data import load_data
from edition.locales import FOLDERS

from project import copy_project
from text import plain

DATA = load_data()
LANGS = FOLDERS
ROUNDS = [r.n for r in DATA.rounds.rounds]
AFTER_ARTICLE = [r.n for r in DATA.rounds.rounds if r.after_article]
MISSIONS = [m.id for m in DATA.missions.missions]
DATA_PAGES = (
    ["missions/index.html", "astana/index.html", "funding/index.html", "facts/index.html"]
    + [f"missions/{m}.html" for m in MISSIONS]
    + [f"astana/round-{n}.html" for n in ROUNDS]
)


@pytest.mark.parametrize("prefix", LANGS.values())
def test_every_data_page_is_built_in_both_languages(site, prefix):
    missing = [prefix + page for page in DATA_PAGES if not (site / prefix / page).is_file()]
    assert not missing


@pytest.mark.parametrize("lang,prefix", LANGS.items())
@pytest.mark.parametrize("page", DATA_PAGES)
def test_every_value_names_its_source(page_html, lang, prefix, page):
    """Each table cell that states something cites a listed source or quotes the article
    with a link to the paragraph; each cited source is listed with an http(s) address."""
    soup = page_html(prefix + page)
    assert soup.html["lang"] == lang
    listed = {li["id"]: li.find("a")["href"] for li in soup.select("ol.sources-list > li")}
    assert all(url.startswith(("http://", "https://")) for url in listed.values())
    for cite in soup.select(".cites a"):
        assert cite["href"].lstrip("#") in listed, f"{page}: {cite} points to no listed source"
    for quote in soup.select("q"):
        link = quote.find_next_sibling("a", class_="para-ref") or quote.parent.find("a", class_="para-ref")
        assert link and "article.html#p" in link["href"], f"{page}: quotation without its paragraph"
    for cell in soup.select(".data-table td:not(.verdict)"):
        text = cell.get_text(" ", strip=True)
        if text in {"—", ""} or cell.select_one(".not-recorded") or cell.find_parent(id="confidence"):
            continue
        if cell.find_parent(id="law-note"):
            continue  # the editors' note on the law, not a value
        row_sources = cell.find_parent("tr").select_one("td.row-sources .cites a")
        assert cell.select_one(".cites a, a.para-ref") or row_sources, f"{prefix}{page}: no source for «{text[:80]}»"


def test_astana_index_has_an_anchor_per_round_and_round_pages_chain(page_html):
    for prefix in LANGS.values():
        index = page_html(prefix + "astana/index.html")
        assert [tr["id"] for tr in index.select("tr[id^=round-]")] == [f"round-{n}" for n in ROUNDS]
        for n in ROUNDS:
            page = page_html(f"{prefix}astana/round-{n}.html")
            previous, following = page.select_one('a[rel="prev"]'), page.select_one('a[rel="next"]')
            assert (previous["href"] if previous else None) == (f"round-{n - 1}.html" if n > 1 else None)
            assert (following["href"] if following else None) == (f"round-{n + 1}.html" if n < ROUNDS[-1] else None)


def test_rounds_after_the_article_are_marked(page_html):
    index = page_html("astana/index.html")
    marked = [int(tr["id"].removeprefix("round-")) for tr in index.select("tr.after-article")]
    assert marked == AFTER_ARTICLE and AFTER_ARTICLE
    first_after = page_html(f"astana/round-{AFTER_ARTICLE[0]}.html")
    assert "после статьи" in first_after.select_one(".after-article-note").get_text()
    sochi = page_html("en/astana/round-10.html").select_one("#city").get_text()
    assert "Sochi" in sochi


def test_funding_page_has_the_three_sources_and_the_law(page_html):
    page = page_html("funding/index.html")
    for item in DATA.funding.funding_sources:
        assert page.select_one(f"h2#source-{item.n}") is not None
    law = plain(page.select_one("#law-identity").get_text(" "))
    assert "320-V" in law and "15 июня 2015" in law
    assert "не сверена" in plain(page.select_one("#law-note").get_text())
    assert plain(page.select_one("#source-2 ~ blockquote q").get_text()).startswith("2) выделяемых ООН")


@pytest.mark.parametrize(
    "paragraph,record",
    [
        ("p16", "missions/iraq.html"),
        ("p17", "missions/lebanon.html"),
        ("p20", "astana/index.html"),
        ("p12", "funding/index.html#source-2"),
    ],
)
def test_article_and_data_pages_link_both_ways(page_html, paragraph, record):
    article = page_html("article.html")
    assert article.select_one(f'#{paragraph} .para-data[href="{record}"]') is not None
    page = page_html(record.partition("#")[0])
    assert page.select_one(f'a.para-ref[href$="article.html#{paragraph}"]') is not None


@pytest.mark.parametrize(
    "page,prefix",
    [
        ("index.html", ""),
        ("en/index.html", ""),
        ("astana/index.html", "../"),
        ("en/astana/index.html", "../"),
    ],
)
def test_timeline_is_inline_svg_with_text_alternative(page_html, page, prefix):
    svg = page_html(page).select_one("figure.timeline svg")
    # a group, not an img: its bars and ticks are links
    assert svg["role"] == "group" and svg["aria-labelledby"] == "timeline-title"
    assert svg["aria-describedby"] == "timeline-desc"
    english = page.startswith("en/")
    assert svg.title.get_text().startswith("Timeline" if english else "Хронология")
    assert ("Iraq" if english else "Ирак") in svg.desc.get_text()
    assert len(svg.select("rect.tl-round")) == len(ROUNDS)
    assert len(svg.select("rect.tl-round--after")) == len(AFTER_ARTICLE)
    hrefs = {a["href"] for a in svg.select("a")}
    assert f"{prefix}missions/iraq.html" in hrefs and f"{prefix}astana/round-7.html" in hrefs


@pytest.mark.parametrize("lang,prefix", LANGS.items())
def test_downloads_hold_the_tables(site, page_html, lang, prefix):
    for folder, stem, count in [
        ("missions", "missions", len(DATA.missions.missions)),
        ("missions", "missions_facts", sum(len(m.facts) for m in DATA.missions.missions)),
        ("astana", "astana_rounds", len(ROUNDS)),
        ("funding", "funding_sources", len(DATA.funding.funding_sources)),
        ("facts", "facts", sum(len(t.facts) for t in DATA.facts.topics)),
    ]:
        rows = list(csv.DictReader(io.StringIO((site / prefix / folder / f"{stem}.csv").read_text("utf-8-sig"))))
        document = json.loads((site / prefix / folder / f"{stem}.json").read_text("utf-8"))
        assert len(rows) == len(document["records"]) == count
        assert document["language"] == lang
        links = {a["href"] for a in page_html(f"{prefix}{folder}/index.html").select("ul.download-list a")}
        assert {f"{stem}.csv", f"{stem}.json"} <= links
    rounds = json.loads((site / prefix / "astana" / "astana_rounds.json").read_text("utf-8"))["records"]
    assert rounds[9]["city"] == ("Сочи" if lang == "ru" else "Sochi")


@pytest.mark.build
def test_an_edited_value_changes_on_every_page_that_shows_it(tmp_path):
    project = copy_project(tmp_path / "project")
    rounds = project / "data" / "astana_rounds.yml"
    rounds.write_text(rounds.read_text("utf-8").replace("start: 2017-10-30", "start: 2017-10-27"), "utf-8")
    missions = project / "data" / "missions.yml"
    edited = missions.read_text("utf-8").replace('en: "290 servicemen over', 'en: "291 servicemen over')
    missions.write_text(edited, "utf-8")
    site = tmp_path / "site"
    build_site(site, config_file=project / "mkdocs.yml")

    def text(path):
        return (site / path).read_text("utf-8")

    assert "27–31 октября 2017" in text("astana/index.html") and "30–31 октября 2017" not in text("astana/index.html")
    assert "27–31 October 2017" in text("en/astana/round-7.html")
    assert "27–31 октября 2017" in text("astana/round-7.html")
    assert "Раунд 7: 27–31 октября 2017" in text("index.html")  # the timeline on the home page
    assert "Round 7: 27–31 October 2017" in text("en/astana/index.html")
    assert "2017-10-27" in text("astana/astana_rounds.csv") and "2017-10-27" in text("en/astana/astana_rounds.json")
    assert "291 servicemen" in text("en/missions/iraq.html") and "291 servicemen" in text(
        "en/missions/missions_facts.csv"
    )
    assert "290 servicemen" not in text("en/missions/iraq.html")


@pytest.mark.browser  # builds a variant, then looks at it in Chromium
def test_markup_in_data_is_shown_as_text_and_never_runs(tmp_path, browser_page):
    project = copy_project(tmp_path / "project")
    rounds = project / "data" / "astana_rounds.yml"
    attack = '<script>window.pwned = 1</script><img src=x onerror=\\"window.pwned = 2\\">'
    rounds.write_text(
        rounds.read_text("utf-8").replace(
            'en: "Joint statement on detainees', f'en: "{attack} Joint statement on detainees'
        ),
        "utf-8",
    )
    site = tmp_path / "site"
    build_site(site, config_file=project / "mkdocs.yml")
    for page in ["en/astana/round-7.html", "en/astana/index.html"]:
        browser_page.goto((site / page).as_uri())
        browser_page.wait_for_load_state("load")
        assert browser_page.evaluate("window.pwned") is None
        assert "<script>window.pwned = 1</script>" in browser_page.inner_text("article")
