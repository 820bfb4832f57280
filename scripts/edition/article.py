"""The authors' paragraphs as the Markdown of the Russian article holds them, without the
editors' apparatus: what a quotation in a data file must be found in, verbatim."""

import re
from pathlib import Path

ARTICLE = Path(__file__).resolve().parents[2] / "docs" / "ru" / "article.md"
PARAGRAPH_END = re.compile(r"^\{:\s*#(?P<id>p\d+)\b[^}]*\}\s*$")
APPARATUS = [
    (re.compile(r'<span class="editorial[^"]*">.*?</span>'), ""),  # [sic]
    (re.compile(r"\[\^[\w-]+\]"), ""),  # footnote markers
    (re.compile(r"\[(\[\d+\])\]\(#ref-\d+\)"), r"\1"),  # [[4]](#ref-4) -> [4]
]


def article_paragraphs(path: Path = ARTICLE) -> dict[str, str]:
    """Paragraph id -> the authors' text of that paragraph, whitespace collapsed."""
    paragraphs = {}
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = block.strip().splitlines()
        if lines and (match := PARAGRAPH_END.match(lines[-1])):
            text = " ".join(lines[:-1])
            for pattern, replacement in APPARATUS:
                text = pattern.sub(replacement, text)
            paragraphs[match["id"]] = " ".join(text.split())
    return paragraphs
