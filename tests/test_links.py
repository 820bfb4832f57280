"""Every internal link and resource of the built site resolves, #anchors included.

MkDocs checks links within a language; links across languages (ru <-> en/) and the theme's
own references are checked here, on the finished site."""

import os
import posixpath
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


def internal_references(site):
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for tag, attribute in ATTRIBUTES.items():
            for element in soup.find_all(tag):
                url = element.get(attribute)
                if url and not urlsplit(url).scheme and not url.startswith("//"):
                    yield relative, url


def test_every_internal_link_and_anchor_resolves(site):
    broken = broken_references(site)
    assert not broken, "\n".join(broken)


def broken_references(site) -> list[str]:
    """Every internal link or resource of `site` that resolves to no file or no id."""
    ids_cache, broken = {}, []
    for page, url in internal_references(site):
        parts = urlsplit(url)
        # Root-absolute URLs appear only on the 404 pages, which a server shows at any depth:
        # they are under the path of the site's address (/edition/ for the tests' build)
        prefix = urlsplit(os.environ["EDITION_SITE_URL"]).path
        if parts.path.startswith("/"):
            assert parts.path.startswith(prefix) and page.endswith("404.html"), (page, url)
        path = parts.path.removeprefix(prefix) if parts.path.startswith("/") else parts.path
        base = "" if parts.path.startswith("/") else posixpath.dirname(page)
        target = posixpath.normpath(posixpath.join(base, unquote(path)))
        if not parts.path:
            target = page
        if not (site / target).exists():
            broken.append(f"{page}: {url} (no file {target})")
            continue
        if parts.fragment and target.endswith(".html"):
            if target not in ids_cache:
                soup = BeautifulSoup((site / target).read_text(encoding="utf-8"), "lxml")
                ids_cache[target] = {e["id"] for e in soup.select("[id]")}
            if unquote(parts.fragment) not in ids_cache[target]:
                broken.append(f"{page}: {url} (no id '{parts.fragment}' in {target})")
    return broken


@pytest.mark.parametrize("marker", [1, 2, 3, 4, 5, 6, 7])
def test_reference_markers_link_to_the_reference_list(page_html, marker):
    article = page_html("article.html")
    links = [a for a in article.select(f'a[href="#ref-{marker}"]') if a.get_text() == f"[{marker}]"]
    assert links, f"the marker [{marker}] is not a link to #ref-{marker}"
    entry = article.select_one(f"#ref-{marker}")
    assert entry is not None and f"[{marker}]" in entry.get_text()
    assert entry.find_parent(id=None, class_="editorial") is not None


def test_no_page_has_two_elements_with_the_same_id(site):
    duplicates = []
    for page in sorted(site.rglob("*.html")):
        ids = [e["id"] for e in BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select("[id]")]
        duplicates += [f"{page.relative_to(site)}: #{i}" for i in sorted(set(ids)) if ids.count(i) > 1]
    assert not duplicates, "\n".join(duplicates)
