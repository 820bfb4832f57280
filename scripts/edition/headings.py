"""Every heading carries an explicit ASCII id: anchors are a public contract, so they are
written by hand once and never derived from the heading text (no Cyrillic or `_1` slugs)."""

import re
from collections.abc import Iterator

# An ATX heading, optionally closed by an attribute list: "## Введение {#introduction .rubric}"
HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.*?)\s*(?P<attrs>\{[^{}]*\})?\s*$")
EXPLICIT_ID = re.compile(r"#(?P<id>[A-Za-z][A-Za-z0-9-]*)(?=[\s}])")
FENCE = re.compile(r"^\s*(```|~~~)")


def headings(source: str) -> Iterator[tuple[int, re.Match]]:
    """(line number, match of HEADING) for every ATX heading of a Markdown file, skipping front
    matter, fenced code and HTML comments. Line numbers count from the top of the file, front
    matter included, so an editor can jump straight to the line."""
    skipping = None  # the line that closes the block being skipped: front matter, fence, comment
    for number, line in enumerate(source.splitlines(), start=1):
        if skipping:
            if skipping.match(line):
                skipping = None
            continue
        if number == 1 and line.strip() == "---":
            skipping = re.compile(r"^---\s*$")
        elif FENCE.match(line):
            skipping = FENCE
        elif line.lstrip().startswith("<!--") and "-->" not in line:
            skipping = re.compile(r".*-->")
        elif match := HEADING.match(line):
            yield number, match


def heading_id(match: re.Match) -> str | None:
    """The explicit id of a heading matched by HEADING, if it has one."""
    found = match["attrs"] and EXPLICIT_ID.search(match["attrs"])
    return found["id"] if found else None


def headings_without_id(source: str) -> list[tuple[int, str]]:
    """(line number, heading text) of every heading in a Markdown file without an explicit id."""
    return [(number, match["text"]) for number, match in headings(source) if not heading_id(match)]
