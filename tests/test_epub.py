"""The EPUB 3 of each language (scripts/epub.py, made by `make offline`): what epubcheck, the
EPUB standard's own checker (Debian's package), says of it, and what a reader of it gets."""

import json
import os
import re
import shutil
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup

from edition.data import load_data
from edition.locales import CODES

from project import ROOT
from text import authors_text, first_difference, normalise, source_words

EPUBCHECK = "/usr/share/java/epubcheck.jar"


def epubcheck(path) -> subprocess.CompletedProcess:
    if not shutil.which("java") or not os.path.exists(EPUBCHECK):
        pytest.fail("epubcheck is not installed: apt-get install -y --no-install-recommends epubcheck")
    return subprocess.run(["java", "-jar", EPUBCHECK, str(path)], capture_output=True, text=True, timeout=300)


def member(path, name: str) -> str:
    with zipfile.ZipFile(path) as book:
        return book.read(name).decode("utf-8")


@pytest.mark.parametrize("locale", CODES)
def test_epubcheck_finds_no_error_and_no_warning(offline, locale):
    result = epubcheck(offline[f"epub_{locale}"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected." in result.stdout
    assert "0 fatals / 0 errors / 0 warnings / 0 infos" in result.stdout
    print(result.stdout)  # the note of issue 25 quotes it


def test_epubcheck_is_not_blind(offline, tmp_path):
    """The same check fails a book with a link to a part it does not have."""
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(offline["epub_ru"]) as good, zipfile.ZipFile(broken, "w") as bad:
        for info in good.infolist():
            content = good.read(info)
            if info.filename == "EPUB/text.xhtml":
                content = content.replace(b'href="#p9"', b'href="#p99"', 1)
            bad.writestr(info, content)
    result = epubcheck(broken)
    assert result.returncode != 0 and "RSC-012" in result.stdout + result.stderr


@pytest.mark.parametrize("locale", CODES)
def test_the_book_layout_and_metadata(offline, locale):
    path = offline[f"epub_{locale}"]
    with zipfile.ZipFile(path) as book:
        first = book.infolist()[0]
        assert (first.filename, first.compress_type, book.read(first)) == ("mimetype", 0, b"application/epub+zip")
        names = book.namelist()
    assert not [name for name in names if not name.startswith(("mimetype", "META-INF/", "EPUB/"))]
    package = BeautifulSoup(member(path, "EPUB/package.opf"), "xml")
    data = load_data()
    assert package.find("dc:title").text == data.article.title[locale]
    assert package.find("dc:language").text == locale
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", package.find("dc:identifier").text)
    assert package.find("meta", property="dcterms:hasVersion").text == data.article.edition.version
    assert (
        package.find("dc:source").text == f"https://example.org/edition/{'' if locale == 'ru' else 'en/'}article.html"
    )
    assert package.find("dc:creator") is None  # the authors are not known: none is invented


@pytest.mark.parametrize("locale", CODES)
def test_the_book_loads_nothing_from_the_network(offline, locale):
    text = member(offline[f"epub_{locale}"], "EPUB/text.xhtml")
    page = BeautifulSoup(text, "xml")
    for element in page.find_all(["img", "script", "link", "iframe", "audio", "video", "source", "object"]):
        address = element.get("src") or element.get("href") or ""
        assert not address.startswith(("http:", "https:", "//")), element
    assert "@import" not in member(offline[f"epub_{locale}"], "EPUB/style.css")


def test_the_russian_book_is_the_authors_text_word_for_word_with_the_web_ids(offline, page_html):
    text = member(offline["epub_ru"], "EPUB/text.xhtml")
    body = text.split("<body", 1)[1]  # read as the HTML it is (authors_text parses HTML)
    difference = first_difference(source_words(), normalise(authors_text("<body" + body)))
    assert not difference, difference
    book = BeautifulSoup(text, "xml")
    paragraphs = [e["id"] for e in book.select("article .para[id]")]
    assert (
        paragraphs
        == [e["id"] for e in page_html("article.html").select(".para[id]")]
        == [f"p{n}" for n in range(1, 23)]
    )


@pytest.mark.parametrize("locale", CODES)
def test_the_book_opens_with_its_citation_and_has_a_table_of_contents(offline, locale):
    path = offline[f"epub_{locale}"]
    text = BeautifulSoup(member(path, "EPUB/text.xhtml"), "xml")
    single = BeautifulSoup(offline[f"single_{locale}"].read_text(encoding="utf-8"), "lxml")
    assert text.select_one("p.citation-line").get_text() == single.select_one("header.citation-line p").get_text()
    nav = BeautifulSoup(member(path, "EPUB/nav.xhtml"), "xml")
    targets = [a["href"] for a in nav.select("nav a")]
    assert "text.xhtml#title" in targets and "text.xhtml#references" in targets and "text.xhtml#data" in targets
    ids = {element["id"] for element in text.select("[id]")}
    assert all(target.removeprefix("text.xhtml#") in ids for target in targets)


ACE = ROOT / "tests" / "js" / "node_modules" / ".bin" / "ace-puppeteer"


@pytest.mark.parametrize("locale", CODES)
def test_ace_by_daisy_finds_no_accessibility_violation(offline, locale, tmp_path):
    """Ace by DAISY (the EPUB accessibility checker, from the npm registry) with axe-core in
    Debian's Chromium: no violation of any impact in either document."""
    assert ACE.exists(), "Ace is not installed: npm ci --prefix tests/js --ignore-scripts (make test does it)"
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    environment = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium}
    result = subprocess.run([str(ACE), "-f", "-s", "-o", str(tmp_path), str(offline[f"epub_{locale}"])],
                            capture_output=True, text=True, timeout=600, env=environment)  # fmt: skip
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    found = [
        f"{document['earl:testSubject']['url']}: {check['earl:test']['dct:title']} "
        f"({check['earl:test']['earl:impact']})"
        for document in report["assertions"]
        for check in document.get("assertions", [])
    ]
    assert result.returncode == 0 and not found, found or result.stderr
    assert report["earl:result"]["earl:outcome"] == "pass"
    checked = {document["earl:testSubject"]["url"] for document in report["assertions"]}
    assert {"text.xhtml", "nav.xhtml", "EPUB/package.opf"} <= checked  # it read the book, not nothing
