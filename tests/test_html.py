"""What every page declares: its language, its other-language twin, and no foreign hosts."""

import re
from urllib.parse import urlsplit

import pytest

from edition.locales import CODES

PAGES = {"index.html": "ru", "article.html": "ru", "en/index.html": "en", "en/article.html": "en"}
TWIN = {"index.html": "en/index.html", "article.html": "en/article.html"}
TWIN.update({english: russian for russian, english in TWIN.items()})


@pytest.mark.parametrize("path,lang", PAGES.items())
def test_html_lang(page_html, path, lang):
    assert page_html(path).html["lang"] == lang


@pytest.mark.parametrize("path", PAGES)
def test_hreflang_alternates_name_both_languages(page_html, path):
    alternates = {
        link["hreflang"]: link["href"] for link in page_html(path).select('head link[rel="alternate"][hreflang]')
    }
    assert set(alternates) == {*CODES, "x-default"}
    assert all(href.startswith(("http://", "https://")) for href in alternates.values())
    assert alternates["x-default"] == alternates["ru"]
    twin = TWIN[path]
    own_lang, twin_lang = PAGES[path], PAGES[twin]
    assert alternates[own_lang].endswith(path.removeprefix("en/"))
    assert alternates[twin_lang].endswith(twin.removeprefix("en/"))


@pytest.mark.parametrize(
    "path,search,permalink",
    [
        ("article.html", "Поиск", "Постоянная ссылка на раздел"),
        ("en/article.html", "Search", "Permanent link to this section"),
    ],
)
def test_interface_speaks_the_page_language(page_html, path, search, permalink):
    page = page_html(path)
    assert page.select_one("input.md-search__input")["placeholder"] == search
    titles = {a["title"] for a in page.select("a.headerlink")}
    assert titles == {permalink}
    assert "Permanent link" not in str(page) or path.startswith("en/")
    assert "Jump back to footnote" not in str(page)


def test_no_resource_is_loaded_from_another_host(site):
    """No fonts, CDNs or analytics: nothing in site/ points a browser at another host."""
    offenders = []
    for file in sorted(site.rglob("*")):
        if file.suffix == ".html":
            text = file.read_text(encoding="utf-8")
            for match in re.finditer(
                r'<(?:link|script|img|iframe|source|video|audio|embed)\b[^>]*?\b(?:href|src)="([^"]+)"', text
            ):
                tag = match[0]
                if urlsplit(match[1]).scheme in {"http", "https"} or match[1].startswith("//"):
                    if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                        continue  # metadata about this page, never fetched by a browser
                    offenders.append(f"{file.relative_to(site)}: {match[1]}")
        elif file.suffix == ".css":
            for url in re.findall(
                r"(?:@import\s+|url\()\s*['\"]?((?:https?:)?//[^'\")]+)", file.read_text(encoding="utf-8")
            ):
                offenders.append(f"{file.relative_to(site)}: {url}")
    assert not offenders, "\n".join(offenders)
    assert "fonts.googleapis.com" not in (site / "article.html").read_text(encoding="utf-8")
