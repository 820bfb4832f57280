"""The edition's Markdown conventions, read from the source: every heading carries an explicit
ASCII id (`## Введение {#introduction .rubric}`), and every paragraph of the authors' text
ends with its number (`{: #p12 }`). One scanner serves both: it skips front matter, fenced
code and HTML comments, and counts lines from the top of the file, so that an error can name
the line an editor should open.

Anchors are a public contract, so ids are written by hand once and never derived from the
heading text (no Cyrillic or `_1` slugs)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

# An ATX heading, optionally closed by an attribute list: "## Введение {#introduction .rubric}"
HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.*?)\s*(?P<attrs>\{[^{}]*\})?\s*$")
EXPLICIT_ID = re.compile(r"#(?P<id>[A-Za-z][A-Za-z0-9-]*)(?=[\s}])")
FENCE = re.compile(r"^\s*(```|~~~)")
FRONT_MATTER_END = re.compile(r"^---\s*$")
COMMENT_END = re.compile(r".*-->")
# The line that closes a numbered paragraph: "{: #p12 }", "{: #p11 .law-item }"
PARAGRAPH_END = re.compile(r"^\{:\s*#(?P<id>p(?P<n>\d+))\b[^}]*\}\s*$")
# The same id on the HTML element it becomes
PARAGRAPH_ID = re.compile(r"^p(\d+)$")


@dataclass(frozen=True)
class Paragraph:
    id: str  # "p12"
    number: int  # 12
    line: int  # the line of its "{: #p12 }"
    markdown: str  # its lines, joined by spaces


def content_lines(source: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a Markdown file outside front matter, fences and comments."""
    closing = None  # what closes the block being skipped
    for number, line in enumerate(source.splitlines(), start=1):
        if closing:
            if closing.match(line):
                closing = None
            continue
        if number == 1 and line.strip() == "---":
            closing = FRONT_MATTER_END
        elif FENCE.match(line):
            closing = FENCE
        elif line.lstrip().startswith("<!--") and "-->" not in line:
            closing = COMMENT_END
        else:
            yield number, line


def body_first_line(source: str) -> int:
    """The line on which a page's Markdown starts once MkDocs has taken its front matter off
    (the "---" block, then the empty lines after it): where an on_page_markdown text starts."""
    lines = source.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((n + 1 for n, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)
    while start < len(lines) and lines[start] == "":
        start += 1
    return start + 1


def headings(source: str) -> Iterator[tuple[int, re.Match]]:
    """(line number, match of HEADING) for every ATX heading."""
    for number, line in content_lines(source):
        if match := HEADING.match(line):
            yield number, match


def heading_id(match: re.Match) -> str | None:
    """The explicit id of a heading matched by HEADING, if it has one."""
    found = match["attrs"] and EXPLICIT_ID.search(match["attrs"])
    return found["id"] if found else None


def headings_without_id(source: str) -> list[tuple[int, str]]:
    """(line number, heading text) of every heading without an explicit id."""
    return [(number, match["text"]) for number, match in headings(source) if not heading_id(match)]


def paragraphs(source: str) -> Iterator[Paragraph]:
    """Every numbered paragraph, in reading order: a block of lines closed by "{: #pN }"."""
    block: list[str] = []
    for number, line in content_lines(source):
        if match := PARAGRAPH_END.match(line.strip()):
            yield Paragraph(match["id"], int(match["n"]), number, " ".join(part.strip() for part in block))
            block = []
        elif line.strip():
            block.append(line)
        else:
            block = []


def sequence_errors(numbered: list[Paragraph], complete: bool) -> list[tuple[Paragraph, str]]:
    """What is wrong with a page's numbered paragraphs, in reading order, if anything: each
    problem with the paragraph where it shows.

    They must rise without repeats; on a `complete` page (the Russian text) they must also run
    1, 2, ... N without gaps. A translation may hold fewer paragraphs, each under the number
    it has in the Russian text."""
    errors = [
        (current, f"'{current.id}' follows '{previous.id}'")
        for previous, current in zip(numbered, numbered[1:], strict=False)
        if current.number <= previous.number
    ]
    if complete:
        errors += [
            (paragraph, f"paragraph {position} has id '{paragraph.id}', expected 'p{position}'")
            for position, paragraph in enumerate(numbered, start=1)
            if paragraph.number != position
        ][:1]
    return errors
