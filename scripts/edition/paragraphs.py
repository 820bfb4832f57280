"""Numbered paragraphs: the citable unit of the edition.

The Markdown marks each paragraph of the authors' text with an explicit id (`{: #p12 }`).
This extension, run after attr_list, gives each such element a visible margin number that
links to itself and a "copy link" button (hooks.py checks, on the Markdown source, that the
ids run p1, p2, ... pN in reading order). It also marks the other apparatus (¶ permalinks,
footnote markers and the notes list) with the class `editorial`, so that everything the
editors add can be told apart from the authors' text by a single class, and localises their
titles.
"""

import re
import xml.etree.ElementTree as etree
from functools import cache
from pathlib import Path

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .compat_material import ICONS
from .markdown_source import PARAGRAPH_ID
from .strings import ui_string

EDITORIAL = "editorial"
# Icons Material ships (Octicons, MIT; Material Design Icons, Apache 2.0), inlined so that
# they cost no request.
LINK_ICON = ICONS / "octicons" / "link-16.svg"
DATA_ICON = ICONS / "material" / "table-eye.svg"
QUOTE_ICON = ICONS / "material" / "format-quote-close.svg"  # "cite this" (cite_buttons.py)


class ParagraphNumbers(Extension):
    """Made for one language's build (hooks.py, on_config): its locale, and for each paragraph
    id the data records that quote it [(URL from the language root, label)]."""

    def __init__(self, locale: str, data_links: dict[str, list[tuple[str, str]]], **kwargs):
        super().__init__(**kwargs)
        self.locale = locale
        self.data_links = data_links

    def extendMarkdown(self, md):
        # attr_list runs at priority 8 and toc (which adds the ¶ links) at 5: run after both.
        md.treeprocessors.register(_Numberer(md, self.locale, self.data_links), "edition_paragraphs", 4)


class _Numberer(Treeprocessor):
    def __init__(self, md, locale: str, data_links: dict[str, list[tuple[str, str]]]):
        super().__init__(md)
        self.locale, self.data_links = locale, data_links

    def run(self, root: etree.Element) -> None:
        locale = self.locale
        for element in root.iter():
            element_id = element.get("id", "")
            if match := PARAGRAPH_ID.match(element_id):
                _add_margin_number(element, match[1], locale, self.data_links.get(element_id, []))
            elif element.tag == "a" and "headerlink" in element.get("class", ""):
                _add_class(element, EDITORIAL)
                element.set("title", ui_string(locale, "permalink"))
                # Material's search drops a permalink only if its class is exactly "headerlink"
                element.set("data-search-exclude", "")
            elif element.tag == "sup" and element_id.startswith("fnref-"):
                _add_class(element, EDITORIAL)
                link = element.find("a")
                if link is not None:
                    link.set("aria-label", ui_string(locale, "footnote_ref", n=link.text))
            elif element.tag == "div" and "footnote" in element.get("class", "").split():
                _add_class(element, EDITORIAL)
            elif element.tag == "a" and "footnote-backref" in element.get("class", ""):
                number = re.sub(r"\D", "", element.get("title", "")) or ""
                element.set("title", ui_string(locale, "footnote_back", n=number))
                element.set("aria-label", ui_string(locale, "footnote_back", n=number))


def _add_margin_number(element: etree.Element, number: str, locale: str, data_links) -> None:
    """Prepend <span class="para-marker editorial"><a href="#pN">N</a><button/>⇄[data]</span>:
    the number, the copy-link button, the link to the facing page's row, and a link to each
    data record that quotes it."""
    _add_class(element, "para")
    # the margin is not the text: search results show neither the number nor the buttons
    marker = etree.Element("span", {"class": f"para-marker {EDITORIAL}", "data-search-exclude": ""})
    link = etree.SubElement(
        marker,
        "a",
        {
            "class": "para-num",
            "href": f"#p{number}",
            "aria-label": ui_string(locale, "paragraph", n=number),
        },
    )
    link.text = number
    button = etree.SubElement(
        marker,
        "button",
        {
            "type": "button",
            "class": "para-copy",
            "data-clipboard-text": f"#p{number}",  # made absolute by edition.js
            "title": ui_string(locale, "copy_paragraph", n=number),
            "aria-label": ui_string(locale, "copy_paragraph", n=number),
        },
    )
    button.append(_icon(LINK_ICON))
    # the paragraph beside its translation (facing.py): a glyph, not an icon, on every paragraph;
    # its name is its title (the glyph is hidden from screen readers)
    facing = etree.SubElement(
        marker,
        "a",
        {"class": "para-facing", "href": f"parallel.md#p{number}", "title": ui_string(locale, "facing_link", n=number)},
    )
    etree.SubElement(facing, "span", {"aria-hidden": "true"}).text = "⇄"
    for url, label in data_links:
        title = ui_string(locale, "data_link", label=label)
        data = etree.SubElement(marker, "a", {"class": "para-data", "href": url, "title": title, "aria-label": title})
        data.append(_icon(DATA_ICON))
    marker.tail = element.text
    element.text = None
    element.insert(0, marker)


def _icon(path: Path) -> etree.Element:
    icon = etree.fromstring(_icon_source(path))
    for element in icon.iter():  # drop the {namespace} prefix: HTML serialises plain <svg>
        element.tag = element.tag.rpartition("}")[2]
    icon.set("aria-hidden", "true")
    return icon


@cache
def quote_icon() -> str:
    """The "cite this" icon, as the buttons hold it (cite_buttons.py)."""
    svg = _icon_source(QUOTE_ICON).strip().replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)
    return svg.replace("<svg ", '<svg aria-hidden="true" ', 1)  # (HTML needs no namespace)


@cache
def _icon_source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _add_class(element: etree.Element, name: str) -> None:
    classes = element.get("class", "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))
