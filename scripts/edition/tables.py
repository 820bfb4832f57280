"""The data pages' tables, in Material's scrolling wrapper from the start.

Material's script wraps every `table:not([class])` of a page in
<div class="md-typeset__scrollwrap"><div class="md-typeset__table"> once the page has opened:
the browser then styles and lays the tables out a second time (on the Astana page, 3 tables
and some 500 elements; bench: Lighthouse). The build writes that wrapper itself and gives the
table a class, so Material's script leaves it alone; Material's rules for `table:not([class])`,
which would no longer match, are taken from the installed Material's stylesheet for
`table.edition-table` and put before the edition's own (assets/edition.css), where they keep
their place in the cascade: after Material's, before the edition's."""

import re

from .compat_material import TABLE_SELECTOR, TABLE_WRAPPER, stylesheet
from .palette import map_rules

CLASS = "edition-table"
MATERIAL_SELECTOR = TABLE_SELECTOR
PLAIN_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
LONG, BREAK_EVERY = 30, 12  # characters


TEXT = re.compile(r">([^<]+)<")  # the text between two tags
LONG_WORD = re.compile(rf"[^\s<>]{{{LONG},}}")
CHARACTER = re.compile(r"&#?\w+;|.", re.DOTALL)  # an entity counts as the one character it is


def wrapped_tables(page_html: str) -> str:
    """Each plain <table> of `page_html` as Material's script would leave it, with CLASS,
    its long words breakable."""
    return PLAIN_TABLE.sub(
        lambda table: f'{TABLE_WRAPPER[0]}<table class="{CLASS}">{breakable(table[1])}</table>{TABLE_WRAPPER[1]}',
        page_html,
    )


def breakable(table_html: str) -> str:
    """A word of LONG characters or more (an address, a code) may break after every
    BREAK_EVERY of them (<wbr>). A table column is as wide as its longest word, so one such
    word in a value made its cell tens of thousands of pixels wide; CSS's overflow-wrap:
    anywhere would also break ordinary words and dates in narrow columns (19 августа 200|3)."""

    def in_word(word: re.Match) -> str:
        characters = CHARACTER.findall(word[0])
        pieces = ["".join(characters[i : i + BREAK_EVERY]) for i in range(0, len(characters), BREAK_EVERY)]
        return "<wbr>".join(pieces)

    return TEXT.sub(lambda text: f">{LONG_WORD.sub(in_word, text[1])}<", table_html)


def table_rules(css: str) -> str:
    """Material's rules for `table:not([class])` in `css` (minified), for `table.CLASS`
    instead, in their @media blocks; the other rules and selectors are left out."""
    return map_rules(
        css,
        lambda selectors: [s.replace(MATERIAL_SELECTOR, f"table.{CLASS}") for s in selectors if MATERIAL_SELECTOR in s],
        keep_rest=False,
    )


def material_table_rules(theme_dirs: list[str]) -> str:
    """table_rules() of the installed Material's main stylesheet. ValueError if it has none:
    the pre-wrapped tables would be left without Material's look."""
    found = stylesheet(theme_dirs, "main")
    rules = table_rules(found.read_text(encoding="utf-8")) if found else ""
    if not rules:
        raise ValueError(
            f"Material's main stylesheet has no rules for {MATERIAL_SELECTOR}, which the edition's "
            "tables need (scripts/edition/tables.py): has Material changed how it styles tables?"
        )
    return rules
