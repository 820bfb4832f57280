"""The "cite this" buttons, written into the page at build time; assets/cite.js makes them work.

One button per fragment the page lets a reader cite (fragments.py): beside a paragraph's
"copy link" button, in the first cell of a table row, at the end of a heading. A heading's
button stays on the line of the heading's last word: the word, the heading's ¶ link and the
button go into one unbreakable group (<span class="keep-together">; the heading's text is
unchanged). Written by cite.js once the page had opened, the buttons made the browser lay the
page out a second time (bench: Lighthouse); here they are part of the first layout. Without
script they are hidden (.no-js, which Material's script removes): they would do nothing.
"""

import html
import re

from .paragraphs import quote_icon
from .strings import ui_string
from .tables import LONG

OPENING_TAG = r'<(?P<tag>[a-z][a-z0-9]*)\b[^>]*\sid="{id}"[^>]*>'
NON_BREAKING = re.compile(r"\u00a0|&nbsp;|&#160;|&#xa0;", re.IGNORECASE)


class CiteButtonError(ValueError):
    pass


def with_cite_buttons(page_html: str, fragments: dict, locale: str) -> str:
    """`page_html` (a page's content) with a button for each fragment it holds; a fragment
    whose id is not on the page (the cite page's examples cite the article's) gets none."""
    for fragment_id, fragment in fragments.items():
        opening = re.search(OPENING_TAG.format(id=re.escape(fragment_id)), page_html)
        if opening is None:
            continue
        button = cite_button(fragment_id, fragment, locale)
        start, tag = opening.end(), opening["tag"]
        if fragment.get("n"):
            page_html = _after_copy_button(page_html, start, button, fragment_id)
        elif tag == "tr":
            cell_end = re.compile(r"</t[hd]>").search(page_html, start)
            if cell_end is None:
                raise CiteButtonError(f"row #{fragment_id} has no cell for its cite button")
            page_html = page_html[: cell_end.start()] + button + page_html[cell_end.start() :]
        elif re.fullmatch(r"h[1-6]", tag):
            end = page_html.index(f"</{tag}>", start)
            page_html = page_html[:start] + _with_last_word_kept(page_html[start:end], button) + page_html[end:]
        else:
            raise CiteButtonError(f"#{fragment_id} is a <{tag}>: a cite button goes in a paragraph, a row or a heading")
    return page_html


def cite_button(fragment_id: str, fragment: dict, locale: str) -> str:
    if fragment.get("n"):
        label = ui_string(locale, "cite_paragraph", n=fragment["n"])
    else:
        label = ui_string(locale, "cite_section", title=fragment["t"][locale])
    label = html.escape(label, quote=True)
    return (
        f'<button type="button" class="cite-this" data-cite-fragment="{fragment_id}" aria-expanded="false" '
        f'title="{label}" aria-label="{label}">{quote_icon()}</button>'
    )


def _after_copy_button(page_html: str, start: int, button: str, fragment_id: str) -> str:
    """After the paragraph's "copy link" button (paragraphs.py), in its margin marker."""
    copy = re.compile(r'<button\b[^>]*\bclass="para-copy"[^>]*>.*?</button>', re.DOTALL).search(page_html, start)
    if copy is None or f'data-clipboard-text="#{fragment_id}"' not in copy.group(0):
        raise CiteButtonError(f"paragraph #{fragment_id} has no copy-link button to put its cite button beside")
    return page_html[: copy.end()] + button + page_html[copy.end() :]


def _with_last_word_kept(inner: str, button: str) -> str:
    """A heading's inside with its last word, its ¶ link and `button` in one unbreakable group."""
    link = re.search(r'<a class="headerlink[^>]*>.*?</a>', inner)
    text, permalink, rest = (inner[: link.start()], link.group(0), inner[link.end() :]) if link else (inner, "", "")
    if text.endswith(">"):  # the title ends with markup (*emphasis*): the button keeps to the ¶ link
        return f'{text}<span class="keep-together">{permalink}{button}</span>{rest}'
    stripped = text.rstrip()
    spaces = [match.end() for match in re.finditer(r" ", stripped)]
    spaces += [match.end() for match in NON_BREAKING.finditer(stripped)]
    last_word = max(spaces, default=0)
    if not text:
        return inner + button
    if len(html.unescape(stripped[last_word:])) >= LONG:  # a word that must be free to break itself (tables.py)
        return f'{text}<span class="keep-together">{permalink}{button}</span>{rest}'
    return f'{text[:last_word]}<span class="keep-together">{text[last_word:]}{permalink}{button}</span>{rest}'


HEADING = re.compile(r"<(h[1-6])\b([^>]*)>(.*?)</\1>", re.DOTALL)
CONTROLS = re.compile(r'<a class="headerlink[^>]*>.*?</a>|<button\b.*?</button>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def named_headings(page_html: str) -> str:
    """Each heading with a ¶ link or a cite button named by its own words (aria-label): a
    screen reader took the controls inside for part of the heading («5-й раунд ¶ Цитировать:
    5-й раунд …»)."""

    def named(heading: re.Match) -> str:
        tag, attributes, inner = heading.groups()
        if "aria-label=" in attributes or not CONTROLS.search(inner):
            return heading[0]
        words = " ".join(html.unescape(TAG.sub("", CONTROLS.sub("", inner))).split())
        return f'<{tag}{attributes} aria-label="{html.escape(words, quote=True)}">{inner}</{tag}>'

    return HEADING.sub(named, page_html)
