"""The facing-page view (parallel.html in each language): the authors' Russian and the
editors' English side by side, one row per heading, paragraph, reference and note, each row
with the id the article pages give that part (parallel.html#p12 is ¶12 in both languages).

The rows are cut from the built article pages of both languages once the whole site is on
disk (a WHOLE_SITE step): each cell is exactly what the article page shows, the same
typography and editorial marks, without the margin's buttons. The page itself is an
ordinary page of docs/<lang>/ (its menu, search, language switch, offline copy), holding the
marker `<!-- edition:facing -->` where the rows go."""

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from .locales import BY_CODE, CODES, DEFAULT, FOLDERS
from .strings import STRINGS

PAGE = "parallel.html"
ARTICLE = "article.html"
# What the marker becomes: an element the rows replace, holding the paragraph ids meanwhile
# for MkDocs' check of the links to them (the article's margin links parallel.md#p12).
PLACEHOLDER = re.compile(r'<div class="facing" data-facing-rows>(?:<span id="p\d+"></span>)*</div>')
# What the article page has around its text that a cell does without: the margin (number,
# copy and cite buttons, data links), permalinks, the notes' "back to the text" arrows.
DROPPED = "script, button, .para-marker, .headerlink, .footnote-backref, .cite-status"


def placeholder(paragraph_ids) -> str:
    spans = "".join(f'<span id="{pid}"></span>' for pid in paragraph_ids)
    return f'<div class="facing" data-facing-rows>{spans}</div>'


def fill_facing_pages(site_dir: Path) -> None:
    """Write the rows into each language's facing page (if the site has one)."""
    pages = {code: site_dir / FOLDERS[code] / PAGE for code in CODES}
    if not all(page.is_file() for page in pages.values()):
        return
    articles = {code: _parse(site_dir / FOLDERS[code] / ARTICLE) for code in CODES}
    for code, page in pages.items():
        html = page.read_text(encoding="utf-8")
        rows = facing_rows(articles, code)
        html, filled = PLACEHOLDER.subn(lambda _, rows=rows: rows, html, count=1)
        if not filled:
            raise ValueError(f"{FOLDERS[code]}{PAGE}: no <!-- edition:facing --> marker to fill")
        page.write_text(html, encoding="utf-8")


def facing_rows(articles: dict[str, BeautifulSoup], reader: str) -> str:
    """The rows of the facing page in the `reader`'s language (its interface words; the texts
    are the same in both): the article's parts in the authors' order, then each reference
    and note, Russian on the left."""
    t = STRINGS[reader]
    contents = {code: soup.select_one("article.md-content__inner") for code, soup in articles.items()}
    parts = {code: _parts(content) for code, content in contents.items()}
    order = list(parts[DEFAULT.code])
    order += [pid for code in CODES for pid in parts[code] if pid not in order]
    row_ids = set(order)
    head = "".join(
        f'<div class="facing-cell facing-lang" lang="{code}">{BY_CODE[code].name}'
        f" <span>({t['facing_original'] if code == DEFAULT.code else t['facing_translation']})</span></div>"
        for code in CODES
    )
    rows = [f'<div class="facing-row facing-head" aria-hidden="true">{head}</div>']
    for part in order:
        cells = []
        for column, code in enumerate(CODES):
            element = parts[code].get(part)
            cell = (
                _cell(element, code, reader, row_ids) if element else f'<div class="facing-cell" lang="{code}"></div>'
            )
            cells.append(cell.replace(' class="facing-cell', f' data-column="{column}" class="facing-cell', 1))
        number = part[1:] if part.startswith("p") and part[1:].isdigit() else None
        kind = "para" if number else ("heading" if _is_heading(parts[DEFAULT.code].get(part)) else "note")
        marker = (
            f'<a class="facing-num" href="#{part}" aria-label="{t["paragraph"].format(n=number)}">{number}</a>'
            if number
            else ""
        )
        rows.append(f'<div class="facing-row facing-{kind}" id="{part}">{marker}{"".join(cells)}</div>')
    return f'<div class="facing" data-facing-rows>{"".join(rows)}</div>'


def _parts(content: Tag) -> dict[str, Tag]:
    """Id -> element of each part a row shows: the headings and paragraphs of the text, the
    apparatus's headings, its references and its notes, in reading order."""
    found: dict[str, Tag] = {}
    for element in content.find_all(recursive=False):
        if element.get("id") and element.name in {"h2", "h3", "p"}:
            found[element["id"]] = element
        elif "ed-apparatus" in element.get("class", []):
            for part in element.select("h2[id], li[id^='ref-'], li[id^='fn-']"):
                found[part["id"]] = part
    return found


def _is_heading(element: Tag | None) -> bool:
    return element is not None and element.name in {"h2", "h3"}


def _cell(element: Tag, code: str, reader: str, row_ids: set[str]) -> str:
    """A copy of `element` as a cell: in its language, without ids (the row has the id) and the
    margin, its links made right from the facing page of the `reader`."""
    cell = BeautifulSoup(str(element), "html.parser").find()
    for dropped in cell.select(DROPPED):
        dropped.decompose()
    for inner in [cell, *cell.select("[id]")]:
        del inner["id"]
    for link in cell.select("[href]"):
        link["href"] = _rebased(link["href"], FOLDERS[code], FOLDERS[reader], row_ids)
    classes = [c for c in cell.get("class", []) if c != "para"]
    cell["class"] = ["facing-cell", *classes]
    cell["lang"] = cell.get("lang") or code  # the authors' English abstract keeps its lang="en"
    if cell.name == "li":  # a reference or a note: its list is gone, its text stays
        cell.name = "div"
    elif cell.name in {"h2", "h3"}:  # the row is the section's heading, and has its id: each
        level = cell.name[1]  # language's half is a heading for assistive technology, not an
        cell.name = "div"  # element a heading's id would be expected on
        cell["class"] = [*cell["class"], f"facing-h{level}"]
        cell["role"], cell["aria-level"] = "heading", level
    return str(cell)


def _rebased(href: str, source_folder: str, page_folder: str, row_ids: set[str]) -> str:
    """A link of the article page in `source_folder`, as the facing page in `page_folder` must
    write it: a part that has a row here points to the row, anything else where it pointed."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    if not parts.path:
        if parts.fragment in row_ids:
            return href
        parts = urlsplit(ARTICLE + href)
    target = posixpath.normpath(posixpath.join(source_folder, parts.path))
    start = page_folder.rstrip("/") or "."
    relative = posixpath.relpath(target, start)
    return relative + (f"#{parts.fragment}" if parts.fragment else "")


def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
