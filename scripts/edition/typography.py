"""Russian typography on the rendered pages: a no-break space after a one-letter word and
inside dates and numbers («в Ираке», «19 августа 2003 г.», «№ 857»), so that no line ends on
«в» and no date is split across lines. Spacing only: the words stay the authors' (the
fidelity test reads the same words either way). The English pages need none of it."""

import re

NBSP = "\u00a0"
MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
TIES = [
    (re.compile(r"(?<![\w\-.])([А-ЯЁа-яё])[ ](?=\S)"), rf"\1{NBSP}"),  # «в Ираке», «С начала»
    (re.compile(rf"(\d{{1,2}})[ ]({MONTHS})(?!\w)"), rf"\1{NBSP}\2"),  # «19 августа»
    (re.compile(rf"(?<!\w)({MONTHS})[ ](\d{{4}})"), rf"\1{NBSP}\2"),  # «августа 2003»
    (re.compile(r"(\d)[ ](гг?\.)"), rf"\1{NBSP}\2"),  # «2003 г.»
    (re.compile(r"(№|§|ст\.|п\.)[ ](?=\d)"), rf"\1{NBSP}"),  # «№ 857», «ст. 23»
]
TAG = re.compile(r"(<[^>]*>)")
VERBATIM = {"code", "pre", "script", "style", "kbd", "samp", "textarea"}  # text shown as it is


def tie_russian(html: str) -> str:
    """`html` with no-break spaces in its text (never in a tag, nor in code or scripts)."""
    parts = TAG.split(html)
    verbatim = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = re.match(r"</?([a-zA-Z0-9]+)", part)
            if name and name[1].lower() in VERBATIM and not part.endswith("/>"):
                verbatim += -1 if part.startswith("</") else 1
        elif not verbatim and part.strip():
            for pattern, replacement in TIES:
                part = pattern.sub(replacement, part)
            parts[index] = part
    return "".join(parts)
