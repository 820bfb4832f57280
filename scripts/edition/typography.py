"""Russian typography on the rendered pages: a no-break space after a one-letter word and
inside dates and numbers («в Ираке», «19 августа 2003 г.», «№ 857»), so that no line ends on
«в» and no date is split across lines. Spacing only: the words stay the authors' (the
fidelity test reads the same words either way). The English pages need none of it."""

import re

NBSP = "\u00a0"
MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
TIES = [
    (re.compile(r"(?<![\w\-.])([А-ЯЁа-яё])[ ](?=[^\s\x00])"), rf"\1{NBSP}"),  # «в Ираке», «С начала»
    (re.compile(rf"(\d{{1,2}})[ ]({MONTHS})(?!\w)"), rf"\1{NBSP}\2"),  # «19 августа»
    (re.compile(rf"(?<!\w)({MONTHS})[ ](\d{{4}})"), rf"\1{NBSP}\2"),  # «августа 2003»
    (re.compile(r"(\d)[ ](гг?\.)"), rf"\1{NBSP}\2"),  # «2003 г.»
    (re.compile(r"(№|§|ст\.|п\.)[ ](?=\d)"), rf"\1{NBSP}"),  # «№ 857», «ст. 23»
]
TAG = re.compile(r"(<[^>]*>)")
SEPARATOR = "\x00"  # between the pieces of text, which no pattern crosses
VERBATIM = ("code", "pre", "script", "style", "kbd", "samp", "textarea")  # text shown as it is
VERBATIM_ELEMENT = re.compile(
    "(" + "|".join(rf"<{name}\b.*?</{name}>" for name in VERBATIM) + ")", re.DOTALL | re.IGNORECASE
)


def tie_russian(html: str) -> str:
    """`html` with no-break spaces in its text (never in a tag, nor in code or scripts).

    Between two verbatim elements, the pieces of text between tags are joined with NUL, which
    no pattern crosses, so that each pattern runs once over them (run once per piece, a 100x
    build made 1.2 million calls)."""
    if SEPARATOR in html:
        return html  # never in a page (the data loader refuses control characters)
    chunks = VERBATIM_ELEMENT.split(html)
    for index in range(0, len(chunks), 2):  # odd indexes: the verbatim elements, kept
        parts = TAG.split(chunks[index])
        joined = SEPARATOR.join(parts[0::2])  # even indexes: text; odd: tags
        for pattern, replacement in TIES:
            joined = pattern.sub(replacement, joined)
        parts[0::2] = joined.split(SEPARATOR)
        chunks[index] = "".join(parts)
    return "".join(chunks)
