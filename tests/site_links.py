"""Internal links of a built site, and those that resolve to no file or no id (used by the
link test on the site and by the publishing test on the published copy)."""

import os
import posixpath
from urllib.parse import unquote, urlsplit

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
