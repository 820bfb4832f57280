"""The Russian article page says exactly what the source says, word for word."""

import copy
import hashlib

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


# SHA-256 of the authoritative text, ../shared/source/article-ru.txt, as it was copied into the
# repository: the copy is checked against it on every machine, the shared file's own bytes
# wherever the checkout has it beside it.
AUTHORITATIVE_SHA256 = "d14afbae278f23d51aa801d36b8a4472338211c21e9d1d284ee9e27b832ea247"


def test_the_repository_copy_is_the_authoritative_text():
    """data/source/article-ru.txt, the text the word-for-word check reads, is the authoritative
    text, byte for byte: by its recorded hash always, and by the shared file where it is."""
    copy_sha256 = hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert copy_sha256 == AUTHORITATIVE_SHA256, f"{SOURCE} is not the authoritative text (SHA-256 {copy_sha256})"
    if SHARED_SOURCE.exists():
        assert SOURCE.read_bytes() == SHARED_SOURCE.read_bytes()
        assert hashlib.sha256(SHARED_SOURCE.read_bytes()).hexdigest() == AUTHORITATIVE_SHA256


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
