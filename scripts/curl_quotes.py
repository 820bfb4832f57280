"""Curly quotation marks and apostrophes for the editors' English prose in Markdown.

    python scripts/curl_quotes.py docs/en/article.md docs/en/index.md docs/en/cite.md

Rewrites the files in place: "…" becomes “…”, ' between letters becomes ’ (country’s), a
quotation inside a quotation ‘…’. Left alone: the front matter, HTML comments and tags,
code spans, link targets, attribute lists {…}, footnote labels, and any paragraph marked
.authors-english (the authors' own English, kept verbatim). tests/test_translation.py checks
that the rendered English pages have no straight quotation mark left in their prose."""

import re
import sys
from pathlib import Path

# What is Markdown or HTML syntax rather than prose: never touched.
PROTECTED = re.compile(
    r"`[^`]*`"  # code spans
    r"|\]\([^)]*\)"  # link targets
    r"|\{[^}\n]*\}"  # attribute lists
    r"|<[^>\n]*>"  # HTML tags
    r"|\[\^[^\]]*\]"  # footnote labels
)
OPENS_AFTER = " \t([{—–-/\n"  # a quotation mark after one of these opens a quotation


def curl(text: str) -> str:
    """Curly quotes and apostrophes in one run of prose."""
    out = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char == '"':
            out.append("“" if before in OPENS_AFTER else "”")
        elif char == "'":
            if before.isalnum() and (after.isalpha() or after in " .,;:!?)”—–\n"):
                out.append("’")  # country’s, authors’
            elif before in OPENS_AFTER:
                out.append("‘")
            else:
                out.append("’")
        else:
            out.append(char)
    return "".join(out)


def typeset(line: str) -> str:
    parts, last = [], 0
    for match in PROTECTED.finditer(line):
        parts += [curl(line[last : match.start()]), match[0]]
        last = match.end()
    parts.append(curl(line[last:]))
    return "".join(parts)


def typeset_markdown(source: str) -> str:
    lines = source.split("\n")
    out, in_front_matter, in_comment = [], False, False
    for number, line in enumerate(lines):
        if number == 0 and line == "---":
            in_front_matter = True
        elif in_front_matter:
            in_front_matter = line != "---"
        elif line.lstrip().startswith("<!--") or in_comment:
            in_comment = "-->" not in line
        elif not _authors_own(lines, number):
            line = typeset(line)
        out.append(line)
    return "\n".join(out)


def _authors_own(lines: list[str], number: int) -> bool:
    """Is this line part of a paragraph marked .authors-english (its attribute list follows it)?"""
    for following in lines[number:]:
        if not following.strip():
            return False
        if following.startswith("{:"):
            return ".authors-english" in following
    return False


def main(paths: list[str]) -> int:
    for path in map(Path, paths):
        text = path.read_text(encoding="utf-8")
        path.write_text(typeset_markdown(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
