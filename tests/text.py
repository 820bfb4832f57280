"""How the tests read text: the authors' words as a reader sees them, without the editors'."""

import re
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "source" / "article-ru.txt"
SHARED_SOURCE = ROOT.parent / "shared" / "source" / "article-ru.txt"


def normalise(text: str) -> list[str]:
    """Words, after undoing the PDF layout: a hyphen that ends a line right after a letter
    belongs to a compound («государствами-⏎партнерами») and is kept, the line break is not
    (a hyphen after a space is a dash: «», -⏎заявил»); runs of whitespace, including
    page-break indents, are one space."""
    text = re.sub(r"(?<=\w)-[ \t]*\n\s*", "-", text)
    return text.split()


def source_words() -> list[str]:
    return normalise(SOURCE.read_text(encoding="utf-8"))


def authors_text(article_html: str) -> str:
    """The visible text of the article with every editorial addition removed.

    The authors' rubrics were run-in in print («Введение. Благодаря…»); the edition sets them
    as headings, so the full stop that separated them from the paragraph is given back."""
    soup = BeautifulSoup(article_html, "lxml")
    main = soup.select_one("article.md-content__inner")
    for element in main.select(".editorial, script, style, template"):
        element.decompose()
    for heading in main.select(".rubric"):
        heading.append(".")
    return main.get_text("")


def first_difference(expected: list[str], actual: list[str]) -> str:
    """'' if the word lists agree, else where they first part, with context."""
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want != got:
            return (
                f"word {index + 1}: expected «{want}», found «{got}»\n"
                f"  source: …{' '.join(expected[max(0, index - 8) : index + 8])}…\n"
                f"  page:   …{' '.join(actual[max(0, index - 8) : index + 8])}…"
            )
    if len(expected) != len(actual):
        longer = expected if len(expected) > len(actual) else actual
        which = "source" if longer is expected else "page"
        return f"the {which} goes on after word {min(len(expected), len(actual))}: " + " ".join(
            longer[min(len(expected), len(actual)) :][:12]
        )
    return ""


def plain(text: str) -> str:
    """Text with its no-break spaces as spaces (the Russian pages tie «в Ираке», «15 июня 2015»)."""
    return text.replace("\u00a0", " ")
