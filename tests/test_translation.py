"""The English article is the whole article, paragraph for paragraph, in one terminology."""

import copy
import re

import pytest
import yaml

from edition.article import article_paragraphs

from text import ROOT

GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
RECORD = yaml.safe_load((ROOT / "data" / "article.yml").read_text(encoding="utf-8"))
CITABLE = "h1[id], h2[id], h3[id], .para[id], li[id^='ref-']"
NUMBER = re.compile(r"\d+(?:[ ,\u00a0]\d{3})*")


def citable_ids(page):
    return [element["id"] for element in page.select(f"article.md-content__inner :is({CITABLE})")]


def paragraphs(page) -> dict[str, str]:
    """Paragraph id -> its text without the editors' additions (numbers, notes, [sic])."""
    texts = {}
    for element in page.select("article.md-content__inner .para[id]"):
        element = copy.copy(element)  # the parsed page is shared between tests
        for editorial in element.select(".editorial"):
            editorial.decompose()
        texts[element["id"]] = " ".join(element.get_text("").split())
    return texts


def numbers(text: str) -> set[int]:
    """The numbers in a text, thousands separators allowed (6 718 = 6,718 = 6718)."""
    return {int(re.sub(r"\D", "", match)) for match in NUMBER.findall(text)}


@pytest.fixture(scope="module")
def russian(page_html):
    return paragraphs(page_html("article.html"))


@pytest.fixture(scope="module")
def english(page_html):
    return paragraphs(page_html("en/article.html"))


def test_same_ids_in_the_same_order(page_html):
    russian_ids = citable_ids(page_html("article.html"))
    assert citable_ids(page_html("en/article.html")) == russian_ids
    numbered = [f"p{n}" for n in range(1, len(article_paragraphs()) + 1)]
    assert [i for i in russian_ids if re.fullmatch(r"p\d+", i)] == numbered


def test_every_paragraph_is_translated_at_a_plausible_length(russian, english):
    for pid, text in russian.items():
        ratio = len(english[pid]) / len(text)
        assert 0.6 <= ratio <= 1.6, f"{pid}: English is {ratio:.2f} times the Russian length"


def test_numbers_dates_and_amounts_are_the_same(russian, english):
    for pid, text in russian.items():
        assert numbers(english[pid]) == numbers(text), pid


def test_numbers_check_can_fail():
    assert numbers("очищено 6 718 кубометров") == numbers("purified 6,718 cubic metres")
    assert numbers("до 300") != numbers("up to 290")


@pytest.mark.parametrize("term", GLOSSARY["terms"], ids=lambda term: term["en"])
def test_glossary_terms_are_used(russian, english, term):
    missing = [pid for pid, text in russian.items() if re.search(term["ru"], text) and term["en"] not in english[pid]]
    assert not missing, f"«{term['ru']}» is not rendered as “{term['en']}” in {missing}"


AVOIDED = [term for term in GLOSSARY["terms"] if "avoid" in term]


@pytest.mark.parametrize("term", AVOIDED, ids=lambda term: term["en"])
def test_a_rendering_the_glossary_replaced_is_on_no_english_page(site, page_html, term):
    """«казахстанский» is “Kazakhstani” everywhere: the article, its notes, the data pages,
    the downloads' pages (a relapse anywhere fails); only the names of outside sources, quoted
    as their publishers wrote them, may say otherwise."""
    relapses = []
    for path in sorted((site / "en").rglob("*.html")):
        if path.name == "corrections.html":  # the log quotes the words it replaced
            continue
        main = copy.copy(page_html(path.relative_to(site).as_posix()).select_one("article.md-content__inner"))
        if main is None:
            continue
        for quoted in main.select("a[lang], q, [lang]:not([lang=en])"):  # outside sources' own titles and words
            quoted.decompose()
        text = main.get_text(" ")
        for match in re.finditer(term["avoid"], text):
            relapses.append(f"{path.relative_to(site)}: …{text[max(0, match.start() - 40) : match.end() + 20]}…")
    assert not relapses, relapses
    if term["en"] == "Kazakhstani":  # the check itself can fail, and spares the channel's name
        assert re.search(term["avoid"], "Kazakh peacekeepers") and not re.search(term["avoid"], "Kazakh TV (in Kazakh)")


def test_the_notes_have_the_same_numbers_in_both_languages(page_html):
    """A scholar citing “n. 20” lands on the same note in either language."""
    notes = lambda path: [li["id"] for li in page_html(path).select(".footnote li[id]")]  # noqa: E731
    assert notes("article.html") == notes("en/article.html")


def test_headings_and_keywords_come_from_the_glossary_and_the_record(page_html, english):
    page = page_html("en/article.html")
    for heading_id, text in GLOSSARY["headings"].items():
        heading = page.select_one(f"#{heading_id}")
        assert heading.get_text("").removesuffix("¶").strip() == text
    assert english["p3"] == ", ".join(RECORD["keywords"]["en"]) + "."


def test_the_authors_english_abstract_is_kept_verbatim(russian, english):
    assert english["p2"] == russian["p2"]


def test_every_note_of_the_russian_page_is_in_english(page_html):
    notes = lambda path: {li["id"] for li in page_html(path).select(".footnote li[id]")}  # noqa: E731
    assert notes("article.html") <= notes("en/article.html")


def test_translation_is_labelled(page_html):
    preface = page_html("en/article.html").select_one(".ed-preface").get_text(" ")
    assert "made by the editors of this edition, not by the authors" in preface
    assert "authoritative" in preface
