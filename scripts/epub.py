"""An EPUB 3 of each language (dist/article-ru.epub, dist/article-en.epub), made from the
single file of that language (single_file.py): the article with its references and notes,
then the data sections, the web edition's ids as fragment ids (text.xhtml#p12), the citation
line, a navigation document, and no resource from the network. The same files in the same
order with one timestamp: two exports of a commit are byte-identical.

epubcheck (Debian's package) checks the files: tests/test_epub.py."""

import uuid
import zipfile
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup
from lxml import etree

from edition.data import load_data
from edition.strings import STRINGS

EPUB_CSS = Path(__file__).resolve().parent / "edition" / "templates" / "epub.css"
# What the single file has for a reader with a browser that a reader of a book does without:
# the ¶ permalinks, the link to the web edition's facing page, the citation panel (the book's
# first line is its citation) and the link to it.
DROPPED = "a.headerlink, a.para-facing, details.cite-panel, a[href='#cite'], .offline-note, script, style, button"
# HTML's parser writes names in lower case; SVG, an XML vocabulary, needs these as they are.
SVG_NAMES = {
    name.lower(): name
    for name in ("viewBox", "preserveAspectRatio", "linearGradient", "radialGradient", "gradientUnits",
                 "gradientTransform", "clipPath", "clipPathUnits", "textLength", "lengthAdjust", "stopColor")
}  # fmt: skip
XHTML = "http://www.w3.org/1999/xhtml"
SVG = "http://www.w3.org/2000/svg"


def write_epubs(singles: dict[str, Path], dist: Path, made: datetime) -> dict[str, Path]:
    """One EPUB per single file (`singles`: single_<locale> -> path), made at `made`."""
    data = load_data()
    written = {}
    for name, single in singles.items():
        locale = name.removeprefix("single_")
        target = dist / f"article-{locale}.epub"
        write_epub(single.read_text(encoding="utf-8"), locale, data, made, target)
        written[f"epub_{locale}"] = target
    return written


def write_epub(single_html: str, locale: str, data, made: datetime, target: Path) -> None:
    page = BeautifulSoup(single_html, "lxml")
    canonical = page.select_one('link[rel="canonical"]')["href"]
    citation = page.select_one("header.citation-line p").get_text(" ", strip=True)
    main = page.select_one("main")
    for element in main.select(DROPPED):
        element.decompose()
    for repeated in main.select("aside.legend")[1:]:  # each data page's legend: once in the book
        repeated.decompose()
    title = data.article.title[locale]
    body = _xhtml_body(main)
    files = {
        "META-INF/container.xml": CONTAINER,
        "EPUB/text.xhtml": _document(locale, title, f'<p class="citation-line">{escape(citation)}</p>\n{body}'),
        "EPUB/nav.xhtml": _navigation(locale, title, main),
        "EPUB/style.css": EPUB_CSS.read_text(encoding="utf-8"),
        "EPUB/package.opf": _package(locale, title, canonical, data, made),
    }
    for path, text in files.items():
        if path.endswith((".xhtml", ".opf", ".xml")):
            etree.fromstring(text.encode("utf-8"))  # well-formed, or stop here rather than ship it
    _write_zip(target, files, made)


# ---------------------------------------------------------------------------- the documents
def _xhtml_body(main) -> str:
    """The single file's <main> as XHTML: void elements closed, SVG in its namespace with its
    names' case, no character XML lacks."""
    for svg in main.select("svg"):
        svg["xmlns"] = SVG
        if svg.get("role") == "group":  # the timeline: EPUB's schema allows no group role on SVG, and
            del svg["role"]  # an image role would hide the links to the rounds inside it
        for element in [svg, *svg.find_all(True)]:
            element.name = SVG_NAMES.get(element.name, element.name)
            element.attrs = {SVG_NAMES.get(key, key): value for key, value in element.attrs.items()}
    for element in main.find_all(True):
        for key, value in list(element.attrs.items()):
            if isinstance(value, list):
                element[key] = " ".join(value)
    return "".join(str(child) for child in main.children)


def _document(locale: str, title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML}" xmlns:epub="http://www.idpf.org/2007/ops" lang="{locale}" xml:lang="{locale}">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{escape(title)}</title>\n'
        '<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
        f'<body class="md-typeset">\n{body}\n</body>\n</html>\n'
    )


def _navigation(locale: str, title: str, main) -> str:
    """The table of contents: the article's title and sections, then each data section with
    its own, as text.xhtml's headings have them."""
    tree: list[tuple[str, list[str]]] = []
    for heading in main.select("h1[id], h2[id]"):
        label = escape(" ".join(heading.get_text(" ").replace("¶", "").split()))
        link = f'<a href="text.xhtml#{heading["id"]}">{label}</a>'
        if heading.name == "h1" or not tree:
            tree.append((link, []))
        else:
            tree[-1][1].append(f"<li>{link}</li>")
    items = "".join(f"<li>{link}<ol>{''.join(children)}</ol></li>" if children else f"<li>{link}</li>"
                    for link, children in tree)  # fmt: skip
    contents = escape(STRINGS[locale]["epub_contents"])
    nav = f'<nav epub:type="toc" role="doc-toc" id="toc"><h1>{contents}</h1><ol>{items}</ol></nav>'
    document = _document(locale, title, nav)
    return document.replace('<link rel="stylesheet" type="text/css" href="style.css"/>\n', "")


def _package(locale: str, title: str, canonical: str, data, made: datetime) -> str:
    """The package: metadata (title, language, identifier, version, licence, the web page it
    is a copy of; no author, since none is known), the files, the reading order."""
    edition = data.article.edition
    # one identifier per edition, language and version, the same in every export of it
    identifier = uuid.uuid5(uuid.NAMESPACE_URL, f"{canonical}#epub-{edition.version}")
    t = STRINGS[locale]
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{locale}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:uuid:{identifier}</dc:identifier>
<dc:title>{escape(title)}</dc:title>
<dc:language>{locale}</dc:language>
<dc:date>{edition.date}</dc:date>
<dc:source>{escape(canonical)}</dc:source>
<dc:rights>{escape(t["epub_rights"].format(licence=edition.license.name, url=edition.license.url))}</dc:rights>
<dc:description>{escape(t["epub_description"])}</dc:description>
<meta property="dcterms:modified">{made.strftime("%Y-%m-%dT%H:%M:%SZ")}</meta>
<meta property="dcterms:hasVersion">{escape(edition.version)}</meta>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessMode">visual</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">{escape(t["epub_accessibility"])}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="text" href="text.xhtml" media-type="application/xhtml+xml" properties="svg"/>
<item id="css" href="style.css" media-type="text/css"/>
</manifest>
<spine>
<itemref idref="text"/>
</spine>
</package>
"""


CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


def _write_zip(target: Path, files: dict[str, str], made: datetime) -> None:
    """The mimetype first and stored, as the OCF requires; then the files, in a fixed order,
    with one timestamp."""
    when = made.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(target, "w") as book:
        info = zipfile.ZipInfo("mimetype", when)
        info.compress_type = zipfile.ZIP_STORED
        book.writestr(info, "application/epub+zip")
        for path in sorted(files):
            info = zipfile.ZipInfo(path, when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            book.writestr(info, files[path].encode("utf-8"), compresslevel=9)
