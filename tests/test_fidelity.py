"""The Russian article page says exactly what the source says, word for word."""

import copy

import pytest

from text import SHARED_SOURCE, SOURCE, authors_text, first_difference, normalise, source_words


def test_article_page_matches_the_source_word_for_word(site):
    page = authors_text((site / "article.html").read_text(encoding="utf-8"))
    difference = first_difference(source_words(), normalise(page))
    assert not difference, difference


def test_fidelity_check_catches_a_changed_word(site):
    """The check itself can fail: correct one of the authors' typos and it must notice."""
    html = (site / "article.html").read_text(encoding="utf-8").replace("посредсвом", "посредством")
    difference = first_difference(source_words(), normalise(authors_text(html)))
    assert "посредсвом" in difference


def test_the_repository_copy_is_the_shared_source():
    """data/source/article-ru.txt is the provenance copy of the authoritative text."""
    if not SHARED_SOURCE.exists():
        pytest.skip(f"{SHARED_SOURCE} is not beside this checkout")
    assert SOURCE.read_bytes() == SHARED_SOURCE.read_bytes()


@pytest.mark.parametrize(
    "home,article,paragraph", [("index.html", "article.html", "p1"), ("en/index.html", "article.html", "p2")]
)
def test_home_page_abstract_is_the_articles_abstract(page_html, home, article, paragraph):
    """The home pages quote the abstract; the quotation must not drift from the article."""
    quoted = page_html(home).select_one("#abstract ~ blockquote").get_text(" ")
    source = copy.copy(page_html(article).select_one(f"#{paragraph}"))  # the parse is shared
    for element in source.select(".editorial"):
        element.decompose()
    assert quoted.split() == source.get_text("").split()
