"""The citations written into pages at build time, for the markers (scripts/edition/markers.py)

    <!-- edition:cite gost-2018 -->       the edition in one format, with a copy button
    <!-- edition:cite gost-2018 p12 -->   the same, citing a fragment of the article
    <!-- edition:cite-panel -->           the article's compact "how to cite" panel

Each shows the complete citation without script (the access date as ДД.ММ.ГГГГ);
assets/cite.js then puts in the reader's date and keeps it current at each copy."""

from .citation import DEFAULT_FORMAT, FORMATS, cite, cite_usage
from .render import render
from .strings import STRINGS

FORMATS_BY_ID = {fmt.id: fmt for fmt in FORMATS}
CODE_FORMATS = {"bibtex", "ris", "csl-json"}  # shown as code: line breaks and indents matter


def cite_block(locale: str, templates: dict, record, citable: dict, format_id: str, fragment_id: str = "") -> str:
    """One citation in format `format_id` of the work or of `fragment_id`, with its copy button;
    `citable`: what the page lets one cite (build.citable())."""
    if format_id not in FORMATS_BY_ID:
        raise ValueError(f"no citation format {format_id!r}; the formats are {', '.join(FORMATS_BY_ID)}")
    if fragment_id and fragment_id not in citable["fragments"]:
        raise ValueError(f"the article has no fragment #{fragment_id}")
    return _render("cite_block.html", locale, templates, record, citable, format_id, fragment_id)


def cite_panel(locale: str, templates: dict, record, citable: dict) -> str:
    """The work in the reader's format, and the way to every format."""
    return _render("cite_panel.html", locale, templates, record, citable, DEFAULT_FORMAT[locale], "")


def _render(template, locale, templates, record, citable, format_id, fragment_id) -> str:
    fmt = FORMATS_BY_ID[format_id]
    fragment = citable["fragments"].get(fragment_id)
    version = citable.get("version")
    text = cite(
        templates, record, locale, citable["roots"], citable["cited"], fmt, fragment, fragment_id, version=version
    )
    return render(
        template,
        t=STRINGS[locale],
        fmt=fmt,
        text=text,
        usage=cite_usage(templates, fmt, locale, fragment, version),
        fragment=fragment_id,
        code=fmt.id in CODE_FORMATS,
        formats=FORMATS,
    ).strip()
