"""The offline edition: the zipped site from file:// with the network off, and the
single-file HTML per language, in a real headless Chromium."""

import shutil
import zipfile
from collections import Counter
from datetime import UTC, datetime

import pytest

from build_site import source_date_epoch
from edition.data import load_data
from edition.locales import CODES
from export_offline import export

from expected import APA, GOST_2018, SITE, cite
from text import authors_text, first_difference, normalise, plain, source_words


def search(page, query: str) -> list[str]:
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material searches on key events
    page.wait_for_selector(".md-search-result__link")
    return [link.get_attribute("href") for link in page.query_selector_all(".md-search-result__link")]


def test_sizes_are_within_budget(offline):
    assert offline["zip"].stat().st_size < 1_200_000  # issue 25: the index of names and facing pages included
    assert offline["epub_ru"].stat().st_size < 100 * 1024 and offline["epub_en"].stat().st_size < 100 * 1024
    assert offline["single_ru"].stat().st_size < 250 * 1024
    assert offline["single_en"].stat().st_size < 250 * 1024


def test_nothing_a_reader_never_loads_is_shipped(offline):
    with zipfile.ZipFile(offline["zip"]) as archive:
        names = archive.namelist()
    assert not [n for n in names if n.endswith(".map")]
    lunr = sorted(n.rsplit("/", 1)[1] for n in names if "/lunr/" in n)
    assert lunr == ["lunr.multi.min.js", "lunr.ru.min.js", "lunr.stemmer.support.min.js"]
    text = b"".join(archive_bytes for archive_bytes in _html_and_css(offline["zip"]))
    assert b"unpkg.com/iframe-worker" not in text and b"fonts.googleapis" not in text


def test_the_copy_links_the_published_feeds_and_carries_none(offline):
    """A snapshot's feed would never change: the copy's pages point feed readers at the
    published feeds (the address the export was made for), and the zip has no .atom."""
    with zipfile.ZipFile(offline["zip"]) as archive:
        assert not [name for name in archive.namelist() if name.endswith(".atom")]
    for folder in ("", "en/"):
        page = (offline["unpacked"] / folder / "corrections.html").read_text(encoding="utf-8")
        feed = f"https://example.org/edition/{folder}corrections.atom"
        assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in page
        assert f'<a href="{feed}" type="application/atom+xml">Atom</a>' in page


def _html_and_css(path):
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".html", ".css")):
                yield archive.read(name)


def test_two_exports_are_byte_identical(offline, tmp_path):
    again = export(tmp_path / "dist")
    for name in ("zip", "single_ru", "single_en", "pdf_ru", "pdf_en", "epub_ru", "epub_en"):
        first, second = offline[name].read_bytes(), again[name].read_bytes()
        at = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), None)
        assert first == second, f"{name}: {len(first)} / {len(second)} bytes, first difference at {at}: " + (
            f"{first[max(0, (at or 0) - 120) : (at or 0) + 40]!r}"
        )
    assert sorted(p.name for p in again["zip"].parent.iterdir()) == sorted(
        p.name for p in offline["zip"].parent.iterdir()
    )


def test_offline_site_navigation_search_and_language_switch(offline, offline_page):
    root = offline["unpacked"]
    page = offline_page
    page.goto((root / "index.html").as_uri())
    page.click('.md-nav--primary a[href="article.html"]')
    page.wait_for_url("**/article.html")
    assert page.is_visible("#p12")
    page.goto((root / "index.html").as_uri())
    page.click('article a[href="missions/index.html"]')
    page.click('tr#iraq a[href="iraq.html"]')
    page.wait_for_url("**/missions/iraq.html")
    assert "290" in page.inner_text("article")
    page.goto((root / "index.html").as_uri())
    page.click('article a[href="astana/index.html"]')
    page.wait_for_url("**/astana/index.html")
    assert page.is_visible("figure.timeline svg")
    page.click('tr#round-7 a[href="round-7.html"]')
    page.wait_for_url("**/astana/round-7.html")
    assert "30–31 октября 2017" in plain(page.inner_text("article"))

    results = search(page, "Ливан")
    assert results and all("/en/" not in href for href in results)
    page.goto((root / "en" / "article.html").as_uri())
    results = search(page, "Lebanon")
    assert results and all("/en/" in href for href in results)

    page.goto((root / "article.html").as_uri() + "#p12")
    page.hover(".md-header .md-select")
    page.click('.md-header a.md-select__link[hreflang="en"]')
    page.wait_for_url((root / "en" / "article.html").as_uri() + "#p12")
    assert page.is_visible("#p12") and "allocated by the UN" in page.inner_text("#p12")
    assert page.console_errors == [] and page.foreign_requests == []


@pytest.mark.parametrize("locale", CODES)
def test_single_file_opens_alone_with_zero_requests(offline, offline_page, tmp_path, locale):
    alone = tmp_path / "alone"
    alone.mkdir()
    copy = shutil.copy(offline[f"single_{locale}"], alone / f"article-{locale}.html")
    requests = []
    offline_page.on("request", lambda request: requests.append(request.url))
    offline_page.goto(f"file://{copy}#p2")
    offline_page.wait_for_load_state("load")
    assert requests == [f"file://{copy}#p2"] or requests == [f"file://{copy}"]
    assert offline_page.is_visible("#p2")
    assert offline_page.evaluate("document.scripts.length") == 0
    assert offline_page.is_visible("#data-astana-round-7")
    assert offline_page.console_errors == []


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("locale", CODES)
def test_single_file_fits_a_phone(offline, browser, locale, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(offline[f"single_{locale}"].as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        wide = page.evaluate(
            """() => [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.tagName + '.' + e.className).slice(0, 3)"""
        )
        assert wide == [], f"article-{locale}.html at {width} px: {wide}"
    finally:
        context.close()


def test_single_russian_file_is_the_authors_text_word_for_word(offline):
    page = authors_text(offline["single_ru"].read_text(encoding="utf-8"))
    difference = first_difference(source_words(), normalise(page))
    assert not difference, difference


def test_single_file_keeps_the_web_ids(offline, page_html):
    from bs4 import BeautifulSoup

    single = BeautifulSoup(offline["single_ru"].read_text(encoding="utf-8"), "lxml")
    web_ids = [e["id"] for e in page_html("article.html").select("article.md-content__inner [id]")]
    single_ids = [e["id"] for e in single.select("article.md-content__inner [id]")]
    assert single_ids == web_ids


@pytest.mark.parametrize("locale", CODES)
def test_single_file_carries_the_citation_of_the_pages(offline, locale):
    """The single file opens with the citation the cite pages give (ГОСТ Р 7.0.100-2018 in
    Russian, APA 7 in English), its making (the commit's day) as the access date."""
    from bs4 import BeautifulSoup

    single = BeautifulSoup(offline[f"single_{locale}"].read_text(encoding="utf-8"), "lxml")
    line = single.select_one("header.citation-line p").get_text()
    made = datetime.fromtimestamp(int(source_date_epoch()), tz=UTC).date()
    format_id = {"ru": "gost-2018", "en": "apa"}[locale]
    assert line == cite(load_data().article, format_id, locale, accessed=made)
    assert line == {"ru": GOST_2018["work"].replace("01.12.2026", f"{made:%d.%m.%Y}"), "en": APA["en", "work"]}[locale]
    assert "edition.invalid" not in offline[f"single_{locale}"].read_text(encoding="utf-8")


def test_offline_export_refuses_the_placeholder_address(monkeypatch, capsys):
    """What is handed out cites the public address: without one, one line says what to set."""
    import export_offline

    for value in (None, "https://edition.invalid/"):
        if value is None:
            monkeypatch.delenv("EDITION_SITE_URL", raising=False)
        else:
            monkeypatch.setenv("EDITION_SITE_URL", value)
        assert export_offline.main() == 1
        (line,) = capsys.readouterr().err.strip().splitlines()
        assert line.startswith("EDITION_SITE_URL is not set to the edition's public address")


@pytest.mark.parametrize("locale,phrase", [("ru", "посредсвом"), ("en", "Tasbulatov")])
def test_pdf_has_text_pages_links_and_the_citation_on_every_page(offline, locale, phrase):
    from pypdf import PdfReader

    reader = PdfReader(offline[f"pdf_{locale}"])
    assert 8 <= len(reader.pages) <= 40
    texts = [page.extract_text() for page in reader.pages]
    url = SITE + ("article.html" if locale == "ru" else "en/article.html")
    assert all(url in " ".join(text.split()) for text in texts), "a page without the citation line"
    assert phrase in " ".join(" ".join(texts).split())
    internal = external = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            action = link.get("/A")
            if action is not None and action.get("/URI"):
                external += 1
            elif link.get("/Dest") is not None or (action is not None and action.get("/D") is not None):
                internal += 1
    assert internal >= 50, "paragraph numbers, notes and references should stay clickable"
    assert external >= 50, "the sources' addresses should stay clickable"


def type_sizes(pdf) -> Counter:
    """Characters per rendered type size (pt) in `pdf`: each text run's font size scaled by its
    text and page matrices, as a PDF viewer draws it."""
    from pypdf import PdfReader

    sizes = Counter()

    def visit(text, cm, tm, font, size):
        if text.strip():
            y_scale = ((tm[2] * cm[0] + tm[3] * cm[2]) ** 2 + (tm[2] * cm[1] + tm[3] * cm[3]) ** 2) ** 0.5
            sizes[round(size * y_scale, 1)] += len(text.strip())

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_both_pdfs_are_printed_at_full_size_without_the_interface(offline):
    """The English PDF was printed at two-thirds size (a 1,341 px unbreakable mark made Chromium
    shrink the whole document to fit the page) and both said "Copied" though nothing was."""
    from pypdf import PdfReader

    body = {}
    for locale in CODES:
        sizes = type_sizes(offline[f"pdf_{locale}"])
        body[locale] = sizes.most_common(1)[0][0]  # the running text is the most of it
        text = " ".join(" ".join(page.extract_text() for page in PdfReader(offline[f"pdf_{locale}"]).pages).split())
        for interface in ("Скопировано", "Copied", "Копировать", "Copy citation"):
            assert interface not in text, f"article-{locale}.pdf prints «{interface}»"
    assert body["ru"] >= 10 and body["en"] == body["ru"], body
    pages = {locale: len(PdfReader(offline[f"pdf_{locale}"]).pages) for locale in CODES}
    assert pages["en"] >= 0.75 * pages["ru"], pages  # the English is a little shorter, not half


@pytest.mark.parametrize("locale", CODES)
def test_nothing_in_the_single_file_is_wider_than_an_a4_page(offline, browser, locale):
    """Printed, no element may be wider than the page: Chromium would shrink everything to fit."""
    page = browser.new_page(viewport={"width": 1000, "height": 1000})
    page.goto(offline[f"single_{locale}"].as_uri())
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 671, "height": 1000})  # A4 less the margins (16 mm each side), at 96 px/in
    wide = page.evaluate(
        """() => [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > 672)
               .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width))"""
    )
    page.close()
    assert not wide, wide[:5]
