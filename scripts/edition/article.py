"""The paragraphs of the article as its Markdown holds them, without the editors' apparatus:
what a quotation in a data file must be found in, verbatim. The Russian article is the
authors' text; the English one, the editors' translation, which the data's English renderings
of the quotations must follow word for word (one translation, used everywhere)."""

import re
from pathlib import Path

from .locales import DEFAULT
from .markdown_source import paragraphs, sequence_errors
from .yaml_source import DataError, display_path

ARTICLE = Path(__file__).resolve().parents[2] / "docs" / DEFAULT.code / "article.md"


def translation_of(article: Path, language: str) -> Path:
    """The article in `language` beside the authors' (docs/ru/article.md -> docs/en/article.md)."""
    return article.parents[1] / language / article.name


APPARATUS = [
    (re.compile(r'<span class="editorial[^"]*">.*?</span>'), ""),  # [sic]
    (re.compile(r"\[\^[\w-]+\]"), ""),  # footnote markers
    (re.compile(r"\[(\[\d+\])\]\(#ref-\d+\)"), r"\1"),  # [[4]](#ref-4) -> [4]
]


def article_paragraphs(path: Path = ARTICLE) -> dict[str, str]:
    """Paragraph id -> the authors' text of that paragraph, whitespace collapsed. The ids must
    run p1...pN (else quotations of the data would be checked against the wrong paragraph)."""
    numbered = list(paragraphs(path.read_text(encoding="utf-8")))
    if errors := sequence_errors(numbered, complete=True):
        paragraph, problem = errors[0]
        raise DataError(f"{display_path(path)}:{paragraph.line}: paragraph ids out of order: {problem}")
    found = {}
    for paragraph in numbered:
        text = paragraph.markdown
        for pattern, replacement in APPARATUS:
            text = pattern.sub(replacement, text)
        found[paragraph.id] = " ".join(text.split())
    return found
