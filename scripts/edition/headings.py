"""Every heading carries an explicit ASCII id: anchors are a public contract, so they are
written by hand once and never derived from the heading text (no Cyrillic or `_1` slugs)."""

import re

# An ATX heading, optionally closed by an attribute list: "## Введение {#introduction .rubric}"
HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.*?)\s*(?P<attrs>\{[^{}]*\})?\s*$")
EXPLICIT_ID = re.compile(r"#(?P<id>[A-Za-z][A-Za-z0-9-]*)(?=[\s}])")
FENCE = re.compile(r"^\s*(```|~~~)")


def headings_without_id(source: str) -> list[tuple[int, str]]:
    """(line number, heading text) of every heading in a Markdown file without an explicit id.

    Line numbers count from the top of the file, front matter included, so an editor can jump
    straight to the line."""
    missing = []
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
            if not (match["attrs"] and EXPLICIT_ID.search(match["attrs"])):
                missing.append((number, match["text"]))
    return missing
