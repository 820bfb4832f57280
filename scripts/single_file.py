"""One self-contained HTML file per language (dist/article-ru.html, dist/article-en.html):
the article with its references and notes, then the key data tables, with the CSS inlined
and no script. It opens with zero requests, keeps the web edition's ids for the article
(`#p12` is the same paragraph), and prints cleanly on A4 with the citation line and URLs.

Links to other pages of the edition become absolute links to the web edition; the data
sections' own ids get a prefix (data-astana-round-7) so that they cannot collide with the
article's."""

import posixpath
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from markupsafe import Markup

from edition.citation import DEFAULT_FORMAT, FORMATS_BY_ID, cite, templates
from edition.data import load_data
from edition.kinds import KINDS
from edition.locales import FOLDERS
from edition.render import TEMPLATES_DIR, render
from edition.strings import STRINGS

SINGLE_CSS = TEMPLATES_DIR / "single.css"  # the page frame
EDITION_CSS = Path(__file__).resolve().parents[1] / "docs" / "assets" / "edition.css"  # the components
URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")  # an SVG attribute pointing at an id: fill="url(#x)"
# The data kinds' index pages that the file holds, each with the prefix of its ids
DATA_SECTIONS = [(f"{kind.folder}/index.html", f"data-{kind.folder}") for kind in KINDS if kind.single_file]


def write_single_files(site: Path, dist: Path, made: date) -> dict[str, Path]:
    """One file per language in `dist`, made on `made` (the access date of its citation)."""
    data = load_data()
    written = {}
    for locale, folder in FOLDERS.items():
        target = dist / f"article-{locale}.html"
        target.write_text(render_single_file(site, locale, folder, data, made), encoding="utf-8")
        written[f"single_{locale}"] = target
    return written


def render_single_file(site: Path, locale: str, folder: str, data, made: date) -> str:
    page_path = f"{folder}article.html"
    page = _parse(site / page_path)
    canonical = page.select_one('link[rel="canonical"]')["href"]
    web_root = canonical[: -len(page_path)]
    article = page.select_one("article.md-content__inner")
    _make_standalone(article, page_path, page_path, web_root)
    sections = []
    for path, prefix in DATA_SECTIONS:
        content = _parse(site / folder / path).select_one("article.md-content__inner")
        _make_standalone(content, f"{folder}{path}", page_path, web_root, prefix)
        sections.append({"id": prefix, "html": Markup(content.decode_contents())})
    title = page.select_one("h1").get_text(" ", strip=True).removesuffix("¶").strip()
    # The citation of the pages (citation.py): ГОСТ Р 7.0.100-2018 in Russian, APA in English,
    # the file's making as the access date.
    fmt = FORMATS_BY_ID[DEFAULT_FORMAT[locale]]
    roots = {code: web_root + other for code, other in FOLDERS.items()}
    citation = cite(templates(data.article, locale), data.article, locale, roots, "article.html", fmt, accessed=made)
    return render(
        "single.html",
        lang=locale,
        title=title,
        canonical=canonical,
        citation=citation.replace("\n", " "),
        t=STRINGS[locale],
        css=Markup(SINGLE_CSS.read_text(encoding="utf-8") + "\n" + EDITION_CSS.read_text(encoding="utf-8")),
        article=Markup(article.decode_contents()),
        sections=sections,
    )


def _make_standalone(content, own_path: str, document_path: str, web_root: str, prefix: str = "") -> None:
    """Drop what needs script; make links work inside one file or point to the web edition."""
    for element in content.select("script, button, .edition-notice, .cite-status"):
        element.decompose()
    if prefix:
        for element in content.select("[id]"):
            element["id"] = f"{prefix}-{element['id']}"
        for element in content.select("[fill*='url(#'], [stroke*='url(#']"):
            for attribute in ("fill", "stroke"):
                if attribute in element.attrs:
                    element[attribute] = URL_REFERENCE.sub(rf"url(#{prefix}-\1)", element[attribute])
        for attribute in ("aria-labelledby", "aria-describedby"):
            for element in content.select(f"[{attribute}]"):
                element[attribute] = " ".join(f"{prefix}-{i}" for i in element[attribute].split())
    for element in content.select("[href]"):
        element["href"] = _rewrite(element["href"], own_path, document_path, web_root, prefix)


def _rewrite(href: str, own_path: str, document_path: str, web_root: str, prefix: str) -> str:
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    if not parts.path:  # #fragment in the same page
        return f"#{prefix}-{parts.fragment}" if prefix else href
    target = posixpath.normpath(posixpath.join(posixpath.dirname(own_path), parts.path))
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if target == document_path and fragment:
        return fragment  # the article itself: stay in this file
    return f"{web_root}{target}{fragment}"


def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
