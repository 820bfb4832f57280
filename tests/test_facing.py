"""The facing-page view (parallel.html, facing.py): both texts side by side, paragraph by
paragraph, with the article's ids; stacked on a phone; a selection in one column copies one
language; reached from each paragraph's margin; and from file:// offline."""

import copy

import pytest
from bs4 import BeautifulSoup

from edition.facing import _rebased

from project import SCREENSHOTS
from text import plain

FOLDERS = ["", "en/"]


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_paragraph_is_a_row_with_both_texts_as_the_article_pages_show_them(page_html, folder):
    page = page_html(f"{folder}parallel.html")
    article = {"ru": page_html("article.html"), "en": page_html("en/article.html")}
    for pid in [f"p{n}" for n in range(1, 23)]:
        row = page.select_one(f".facing-row#{pid}")
        assert row is not None, pid
        cells = row.select(".facing-cell")
        assert [cell["data-column"] for cell in cells] == ["0", "1"]
        for cell, code in zip(cells, ["ru", "en"], strict=True):
            source = copy.copy(article[code].select_one(f"#{pid}"))
            for margin in source.select(".para-marker, .cite-status"):
                margin.decompose()
            assert words(cell) == words(source), (folder, pid, code)
            assert cell["lang"] == source.get("lang", code)  # the authors' English abstract (p2) stays en
    assert page.select_one("#p2 [data-column='0']")["lang"] == "en"


def test_the_russian_column_is_the_authors_text_word_for_word(page_html):
    """Each paragraph's Russian cell, without what the editors add ([sic], note markers), is the
    authors' words of that paragraph in the article (which tests/test_fidelity.py compares with
    the source), and all 22 are there, in order."""

    def authors_words(element) -> list[str]:
        copy = BeautifulSoup(str(element), "lxml")
        for editorial in copy.select(".editorial, .para-marker"):
            editorial.decompose()
        return plain(copy.get_text("")).split()

    article = page_html("article.html")
    rows = page_html("parallel.html").select(".facing-para")
    assert [row["id"] for row in rows] == [f"p{n}" for n in range(1, 23)]
    for row in rows:
        assert authors_words(row.select_one("[data-column='0']")) == authors_words(article.select_one(f"#{row['id']}"))


@pytest.mark.parametrize("folder", FOLDERS)
def test_headings_references_and_notes_are_aligned_by_their_ids(page_html, folder):
    page = page_html(f"{folder}parallel.html")
    rows = [row["id"] for row in page.select(".facing-row[id]")]
    assert rows.index("introduction") < rows.index("p7") < rows.index("references") < rows.index("ref-1")
    assert rows.index("editorial-notes") < rows.index("fn-multivector")
    note = page.select_one("#fn-multivector")
    assert "многовекторная" in words(note.select_one("[lang='ru']")) and "multi-vector" in words(
        note.select_one("[lang='en']")
    )
    assert not note.select(".footnote-backref")  # the arrows back to the article's text are not the rows'
    # a note's marker in a cell goes to the note's row on this page
    assert page.select_one("#p1 [lang='ru'] a[href='#fn-multivector']") is not None
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids))


def test_links_from_the_other_languages_cells_are_rebased():
    assert _rebased("corrections.html#c-1", "", "en/", set()) == "../corrections.html#c-1"
    assert _rebased("corrections.html", "en/", "", set()) == "en/corrections.html"
    assert _rebased("#p9", "en/", "", {"p9"}) == "#p9"
    assert _rebased("#cite", "en/", "", {"p9"}) == "en/article.html#cite"  # not a row here: the article's
    assert _rebased("https://example.org/x", "", "en/", set()) == "https://example.org/x"


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_article_paragraph_links_its_facing_row(page_html, folder):
    page = page_html(f"{folder}article.html")
    for paragraph in page.select(".para[id]"):
        link = paragraph.select_one(".para-marker a.para-facing")
        assert link["href"] == f"parallel.html#{paragraph['id']}"
        assert link["title"].startswith(("Абзац", "Paragraph")) and link.span["aria-hidden"] == "true"


def test_facing_page_side_by_side_then_stacked_on_a_phone(server, browser_page):
    browser_page.goto(server + "parallel.html#p12")
    boxes = browser_page.eval_on_selector_all(
        "#p12 .facing-cell", "cells => cells.map(c => c.getBoundingClientRect().toJSON())"
    )
    assert boxes[0]["right"] <= boxes[1]["left"] and abs(boxes[0]["top"] - boxes[1]["top"]) < 2  # side by side
    SCREENSHOTS.mkdir(exist_ok=True)
    browser_page.screenshot(path=SCREENSHOTS / "facing-ru-1280.png")
    browser_page.set_viewport_size({"width": 390, "height": 844})
    browser_page.goto(server + "en/parallel.html#p12")
    boxes = browser_page.eval_on_selector_all(
        "#p12 .facing-cell", "cells => cells.map(c => c.getBoundingClientRect().toJSON())"
    )
    assert boxes[1]["top"] >= boxes[0]["bottom"] - 1  # stacked: Russian, then English
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= 390
    browser_page.screenshot(path=SCREENSHOTS / "facing-en-390.png")
    assert not browser_page.console_errors and not browser_page.foreign_requests


def test_a_selection_in_one_column_copies_one_language(server, browser_page):
    browser_page.goto(server + "parallel.html#p14")
    start = browser_page.locator("#p14 [data-column='0']").bounding_box()
    end = browser_page.locator("#p15 [data-column='0']").bounding_box()
    browser_page.mouse.move(start["x"] + 5, start["y"] + 8)
    browser_page.mouse.down()
    browser_page.mouse.move(end["x"] + end["width"] - 5, end["y"] + 30, steps=8)
    browser_page.mouse.up()
    selected = browser_page.evaluate("getSelection().toString()")
    assert "Следовательно наше молодое государство" in selected and "Несмотря на современный" in selected
    assert "dilemma" not in selected and "Despite" not in selected


def test_the_margin_link_opens_the_row_and_the_offline_copy_has_it(server, browser_page, offline, offline_page):
    browser_page.goto(server + "en/article.html#p16")
    browser_page.click("#p16 .para-facing")
    browser_page.wait_for_url(server + "en/parallel.html#p16")
    assert "KAZBAT" in browser_page.inner_text("#p16 [lang='en']")
    offline_page.goto((offline["unpacked"] / "parallel.html").as_uri() + "#p19")
    assert "Лавров" in offline_page.inner_text("#p19 [lang='ru']")
    assert "Lavrov" in offline_page.inner_text("#p19 [lang='en']")
    assert not offline_page.console_errors and not offline_page.foreign_requests
    offline_page.screenshot(path=SCREENSHOTS / "facing-ru-file.png")
