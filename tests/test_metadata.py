"""Metadata for machines: reference managers, search engines, link previews. Only what is
known is stated: no author, no journal."""

import json

import pytest
from bs4 import BeautifulSoup

from build_site import build_site
from edition.data import load_data

DATA = load_data()
SITE_URL = "https://edition.invalid/"  # the placeholder in mkdocs.yml


def head_meta(page, attribute="name"):
    return {tag[attribute]: tag["content"] for tag in page.select(f"head meta[{attribute}]")}


def json_ld(page):
    (script,) = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


@pytest.mark.parametrize("path,lang", [("article.html", "ru"), ("en/article.html", "en")])
def test_article_pages_carry_scholarly_metadata(page_html, path, lang):
    page = page_html(path)
    meta, og = head_meta(page), head_meta(page, "property")
    assert meta["citation_title"] == DATA.article.title[lang]
    assert meta["citation_language"] == lang == meta["DC.language"]
    assert meta["citation_online_date"] == DATA.article.edition.date.first_day.strftime("%Y/%m/%d")
    assert meta["citation_keywords"] == "; ".join(getattr(DATA.article.keywords, lang))
    assert meta["citation_fulltext_html_url"] == SITE_URL + path
    assert meta["citation_abstract_html_url"] == SITE_URL + path + "#abstract"
    assert meta["DC.type"] == "Text" and meta["DC.title"] == DATA.article.title[lang]
    assert meta["DC.description"] and og["og:description"] == meta["DC.description"]
    assert og["og:locale"] == {"ru": "ru_RU", "en": "en_US"}[lang]
    assert og["og:url"] == SITE_URL + path and og["og:type"] == "article"
    assert "citation_author" not in meta and "citation_journal_title" not in meta  # not identified
    assert page.select_one('link[rel="canonical"]')["href"] == SITE_URL + path


def test_json_ld_ties_the_article_to_its_translation(page_html):
    russian, english = json_ld(page_html("article.html")), json_ld(page_html("en/article.html"))
    for document, lang in ((russian, "ru"), (english, "en")):
        assert document["@context"] == "https://schema.org" and document["@type"] == "ScholarlyArticle"
        assert document["inLanguage"] == lang and document["headline"] == DATA.article.title[lang]
        assert document["url"] == document["@id"] and document["url"].startswith(SITE_URL)
        assert "author" not in document  # the authors are not identified: none is invented
    assert russian["workTranslation"]["@id"] == english["url"]
    assert english["translationOfWork"]["@id"] == russian["url"]
    assert english["translationOfWork"]["inLanguage"] == "ru"


@pytest.mark.parametrize("folder", ["missions", "astana", "funding", "facts"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_data_indexes_are_datasets_with_their_downloads(site, page_html, folder, prefix):
    dataset = json_ld(page_html(f"{prefix}{folder}/index.html"))
    assert dataset["@type"] == "Dataset" and dataset["name"] and dataset["description"]
    assert dataset["isBasedOn"] == SITE_URL + "article.html"
    for download in dataset["distribution"]:
        assert (site / download["contentUrl"].removeprefix(SITE_URL)).is_file()


@pytest.mark.parametrize("round_", DATA.rounds.rounds, ids=lambda r: f"round-{r.n}")
def test_rounds_are_events(page_html, round_):
    event = json_ld(page_html(f"astana/round-{round_.n}.html"))
    assert event["@type"] == "Event"
    assert (event["startDate"], event["endDate"]) == (str(round_.start), str(round_.end))
    assert event["location"]["name"] == DATA.rounds.cities[round_.city]["ru"]


def test_generated_pages_have_their_own_titles(page_html):
    assert page_html("astana/round-7.html").title.string.startswith("7-й раунд Астанинского процесса")
    assert page_html("en/missions/iraq.html").title.string.startswith("Iraq: KAZBAT engineer-sapper unit")


@pytest.mark.build
def test_the_public_address_comes_from_the_environment(tmp_path):
    site = tmp_path / "site"
    build_site(site, env={"EDITION_SITE_URL": "https://example.org/edition/"})
    page = BeautifulSoup((site / "en" / "article.html").read_text("utf-8"), "lxml")
    assert page.select_one('link[rel="canonical"]')["href"] == "https://example.org/edition/en/article.html"
    assert json_ld(page)["translationOfWork"]["@id"] == "https://example.org/edition/article.html"
    hreflang = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert hreflang["ru"] == "https://example.org/edition/article.html"
    assert "example.org/edition/en/article.html" in (site / "sitemap.xml").read_text("utf-8")
    # the pages still link to each other relatively, so the copy works from file://
    assert 'href="../article.html"' in (site / "en" / "index.html").read_text("utf-8")
    # and citations name the public address
    cited = json.loads(page.select_one("script#edition-cite").string)["urls"]
    assert cited == {
        "ru": "https://example.org/edition/article.html",
        "en": "https://example.org/edition/en/article.html",
    }
    cite = BeautifulSoup((site / "cite.html").read_text("utf-8"), "lxml")
    assert (
        "URL: https://example.org/edition/article.html (дата обращения"
        in cite.select_one('pre[data-cite-format="gost-2018"]:not([data-cite-fragment])').get_text()
    )
