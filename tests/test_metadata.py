"""Metadata for machines: reference managers, search engines, link previews. Only what is
known is stated: no author, no journal."""

import json

import pytest
from bs4 import BeautifulSoup

from build_site import build_site
from edition.data import load_data
from edition.locales import CODES

DATA = load_data()
SITE_URL = "https://example.org/edition/"  # the address the tests build for (conftest.py)


def head_meta(page, attribute="name"):
    return {tag[attribute]: tag["content"] for tag in page.select(f"head meta[{attribute}]")}


def json_ld(page):
    (script,) = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


@pytest.mark.parametrize("path,lang", [("article.html", "ru"), ("en/article.html", "en")])
def test_article_pages_carry_the_metadata_zotero_saves_a_web_page_from(page_html, path, lang):
    """Dublin Core and Open Graph, and no Highwire citation_* tags: with citation_title,
    Zotero's Embedded Metadata translator makes a journal article with no journal (its init()),
    and Google Scholar indexes nothing without an author (never invented here)."""
    page = page_html(path)
    meta, og = head_meta(page), head_meta(page, "property")
    abstract = DATA.paragraphs[DATA.article.abstract[lang]]
    assert meta["DC.title"] == DATA.article.title[lang] == og["og:title"]
    assert meta["DC.language"] == lang and meta["DC.date"] == "2026-12-04"
    assert meta["DC.description"] == abstract == og["og:description"]
    assert abstract.startswith({"ru": "В статье", "en": "The article"}[lang]) or abstract
    assert meta["DC.subject"] == "; ".join(getattr(DATA.article.keywords, lang))
    assert og["og:site_name"] == page.select_one("head title").get_text().rpartition(" - ")[2]  # Material's
    assert og["og:locale"] == {"ru": "ru_RU", "en": "en_US"}[lang]
    assert og["og:url"] == SITE_URL + path and og["og:type"] == "article"
    assert not [name for name in meta if name.startswith("citation_")] and "DC.type" not in meta
    assert not [name for name in meta if "creator" in name.lower() or "author" in name.lower()]
    assert page.select_one('link[rel="canonical"]')["href"] == SITE_URL + path


def test_every_page_is_a_dated_web_page(site, page_html):
    for path in ("index.html", "en/astana/round-12.html", "missions/iraq.html", "en/cite.html"):
        meta = head_meta(page_html(path))
        assert meta["DC.date"] == "2026-12-04" and meta["DC.title"] and meta["DC.language"] in CODES


def test_every_meta_of_every_page_parses_whole(site):
    """Each <meta> in every page's head, read by an HTML parser, has only the attributes a
    meta tag may have: a quotation mark in a title or description cannot break it open."""
    allowed = {"name", "content", "property", "charset", "http-equiv", "lang", "media"}  # media: theme-color per scheme
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        for tag in head.find_all("meta"):
            assert set(tag.attrs) <= allowed, (page.relative_to(site).as_posix(), tag)
            if "content" in tag.attrs:
                assert tag.get("name") or tag.get("property") or tag.get("http-equiv"), tag


def test_json_ld_ties_the_article_to_its_translation(page_html):
    russian, english = json_ld(page_html("article.html")), json_ld(page_html("en/article.html"))
    for document, lang in ((russian, "ru"), (english, "en")):
        assert document["@context"] == "https://schema.org" and document["@type"] == "ScholarlyArticle"
        assert document["inLanguage"] == lang and document["headline"] == DATA.article.title[lang]
        assert document["url"] == document["@id"] and document["url"].startswith(SITE_URL)
        assert "author" not in document  # the authors are not identified: none is invented
        assert document["datePublished"] == "2026-12-04" and document["version"] == DATA.article.edition.version
        assert document["abstract"] == DATA.paragraphs[DATA.article.abstract[lang]]
        assert "license" not in document  # the authors' rights are theirs: the editors license only their work
    assert russian["workTranslation"]["@id"] == english["url"]
    assert english["translationOfWork"]["@id"] == russian["url"]
    assert english["translationOfWork"]["inLanguage"] == "ru"


@pytest.mark.parametrize("folder", ["missions", "astana", "funding", "facts"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_data_indexes_are_datasets_with_their_downloads(site, page_html, folder, prefix):
    dataset = json_ld(page_html(f"{prefix}{folder}/index.html"))
    assert dataset["@type"] == "Dataset" and dataset["name"] and dataset["description"]
    assert dataset["isBasedOn"] == SITE_URL + "article.html"
    assert dataset["creator"]["@type"] == "Organization" and dataset["license"] == {
        "@type": "CreativeWork",
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    for download in dataset["distribution"]:
        assert (site / download["contentUrl"].removeprefix(SITE_URL)).is_file()


@pytest.mark.parametrize("round_", DATA.rounds.rounds, ids=lambda r: f"round-{r.n}")
def test_rounds_are_events(page_html, round_):
    event = json_ld(page_html(f"astana/round-{round_.n}.html"))
    assert event["@type"] == "Event"
    assert (event["startDate"], event["endDate"]) == (str(round_.start), str(round_.end))
    assert event["location"]["name"] == DATA.rounds.cities[round_.city]["ru"]
    assert event["name"] == f"{round_.n}-й раунд Астанинского процесса"  # no site name after it


def test_generated_pages_have_their_own_titles(page_html):
    assert page_html("astana/round-7.html").title.string.startswith("7-й раунд Астанинского процесса")
    assert page_html("en/missions/iraq.html").title.string.startswith("Iraq: KAZBAT engineer-sapper unit")


@pytest.mark.build
def test_the_placeholder_address_builds_a_preview(tmp_path):
    """Without EDITION_SITE_URL, `make site` still builds (a preview, cited at the placeholder)."""
    site = tmp_path / "site"
    build_site(site, env={"EDITION_SITE_URL": None})
    page = BeautifulSoup((site / "en" / "article.html").read_text("utf-8"), "lxml")
    assert page.select_one('link[rel="canonical"]')["href"].startswith("https://edition.invalid/")
    # the pages link to each other relatively, so the copy works from file:// and any address
    assert 'href="../article.html"' in (site / "en" / "index.html").read_text("utf-8")
