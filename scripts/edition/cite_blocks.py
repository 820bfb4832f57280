"""The citations written into pages at build time, where the Markdown has a marker:

    <!-- edition:cite gost-2018 -->       the edition in one format, with a copy button
    <!-- edition:cite gost-2018 p12 -->   the same, citing a fragment of the article
    <!-- edition:cite-panel -->           the article's compact "how to cite" panel

Each shows the complete citation without script (the access date as ДД.ММ.ГГГГ);
assets/cite.js then puts in the reader's date and keeps it current at each copy."""

import re

from markupsafe import Markup

from .citation import FORMATS, DEFAULT_FORMAT, shown
from .pages import TEMPLATES
from .strings import STRINGS

MARKER = re.compile(r"<!-- edition:(?P<what>cite|cite-panel)(?: (?P<format>[a-z0-9-]+))?"
                    r"(?: (?P<fragment>[A-Za-z0-9-]+))? -->")
CODE_FORMATS = {"bibtex", "ris", "csl-json"}  # shown as code: line breaks and indents matter


class MarkerError(ValueError):
    pass


def render_cite_markers(markdown: str, locale: str, templates: dict, url_of: dict[str, str],
                        fragments: dict) -> str:
    formats = {fmt.id: fmt for fmt in FORMATS}

    def block(match: re.Match) -> str:
        if match["what"] == "cite-panel":
            fmt, fragment_id = formats[DEFAULT_FORMAT[locale]], ""
            template = "cite_panel.html"
        else:
            if match["format"] not in formats:
                raise MarkerError(f"{match[0]}: no citation format {match['format']!r}; "
                                  f"the formats are {', '.join(formats)}")
            fmt, fragment_id = formats[match["format"]], match["fragment"] or ""
            if fragment_id and fragment_id not in fragments:
                raise MarkerError(f"{match[0]}: the article has no fragment #{fragment_id}")
            template = "cite_block.html"
        text = shown(templates, locale, url_of, fmt, fragments.get(fragment_id), fragment_id)
        return TEMPLATES.get_template(template).render(
            t=STRINGS[locale], fmt=fmt, text=text, fragment=fragment_id,
            code=fmt.id in CODE_FORMATS, formats=FORMATS,
        ).strip()

    return MARKER.sub(lambda match: Markup(block(match)), markdown)
