"""`make site` with a public address: the complete site to publish, downloads included (the
PDF, the EPUB, the single HTML file, the offline zip), linked from every page with their sizes; and a
preview without one, which says the downloads are not there."""

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from edition.publication import human_size
from edition.strings import STRINGS

from project import ROOT
from site_links import broken_references

pytestmark = pytest.mark.build


def test_the_published_site_carries_its_downloads(published):
    names = sorted(path.name for path in (published / "downloads").iterdir())
    assert names == sorted(
        [
            "article-ru.pdf",
            "article-en.pdf",
            "article-ru.epub",
            "article-en.epub",
            "article-ru.html",
            "article-en.html",
            names[-1],
        ]
    ) and names[-1].endswith(".zip")


@pytest.mark.parametrize("lang, folder", [("ru", ""), ("en", "en/")])
@pytest.mark.parametrize("path", ["index.html", "article.html", "missions/iraq.html", "astana/round-7.html"])
def test_every_page_links_its_languages_downloads_with_their_sizes(published, lang, folder, path):
    page = BeautifulSoup((published / folder / path).read_text("utf-8"), "lxml")
    links = page.select(".edition-downloads a[download]")
    assert [a.get_text() for a in links] == ["PDF", "EPUB", "HTML", "ZIP"]
    for link in links:
        file = (published / folder / path).parent / link["href"]
        assert file.resolve().is_file(), link["href"]
        assert link.find_next_sibling("span").get_text() == f"({human_size(file.stat().st_size, lang)})"
    assert links[0]["href"].endswith(f"article-{lang}.pdf")
    assert STRINGS[lang]["footer_preview"] not in page.get_text()


def test_every_link_of_the_published_site_resolves(published):
    assert not broken_references(published)


def test_the_pdf_numbers_its_pages(published):
    from pypdf import PdfReader

    reader = PdfReader(published / "downloads" / "article-ru.pdf")
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    total = len(reader.pages)
    assert all(f"{number} / {total}" in text for number, text in enumerate(texts, start=1))


def test_a_preview_says_the_downloads_are_left_out(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "EDITION_SITE_URL"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), str(tmp_path / "site")],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("A preview: EDITION_SITE_URL is not set")
    assert not (tmp_path / "site" / "downloads").exists()
