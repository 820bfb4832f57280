"""The public contract of URLs and anchors (data/published_urls.yml).

A cited link is forever: every entry under `published` must resolve in the built site
(tests/test_contract.py). An entry is never deleted; it moves to `redirects`, which the build
honours: a whole page gets a redirect page (and a rule for the web server: hosting.py), an
anchor gets mapped by edition.js.

The file drives file writes and redirects, so it is validated like the data: every URL is a
path inside the site (`missions/iraq.html#start`: no scheme, no leading slash, no `..`),
with one line `file:line: field: problem` for each mistake. Once the site is built,
check_redirects() refuses a redirect that would replace a live page or lead nowhere."""

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .yaml_source import DataError, YamlDocument, read_yaml, shown

CONTRACT_FILE = Path(__file__).resolve().parents[2] / "data" / "published_urls.yml"
# A page of the site, from its root, with an optional #fragment: lower-case path segments.
SITE_URL = re.compile(r"(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_.-]*\.html(?:#[A-Za-z][A-Za-z0-9_.:-]*)?")


@dataclass(frozen=True)
class Contract:
    published: tuple[str, ...]
    redirects: dict[str, str]
    document: YamlDocument | None = None  # for the lines of its errors

    def page_redirects(self) -> dict[str, str]:
        """old page path -> new URL, for redirects whose old URL has no #fragment."""
        return {old: new for old, new in self.redirects.items() if "#" not in old}

    def anchor_redirects(self, page_path: str) -> dict[str, str]:
        """old fragment -> new URL (relative to `page_path`), for one page's moved anchors."""
        moved = {}
        for old, new in self.redirects.items():
            old_page, _, old_fragment = old.partition("#")
            if old_fragment and old_page == page_path:
                new_page, _, new_fragment = new.partition("#")
                moved[old_fragment] = f"#{new_fragment}" if new_page == page_path else relative_url(page_path, new)
        return moved

    def check_redirects(self, site_dir: Path) -> None:
        """After the build: a moved page is no longer built (its redirect would replace it), a
        moved anchor's page is, and every redirect leads to a page that exists."""
        for old, new in self.redirects.items():
            old_page = old.partition("#")[0]
            where = ("redirects", old)
            if "#" not in old and (site_dir / old_page).exists():
                raise self._error(where, f"'{old}' is a page of the site: a redirect would replace it")
            if "#" in old and not (site_dir / old_page).is_file():
                raise self._error(where, f"'{old_page}' is not a page of the site, so its anchor cannot move")
            if not (site_dir / new.partition("#")[0]).is_file():
                raise self._error(where, f"'{new}' is not a page of the site")

    def _error(self, location: tuple, message: str) -> DataError:
        return self.document.error(location, message) if self.document else DataError(message)


def load_contract(path: Path = CONTRACT_FILE) -> Contract:
    document = read_yaml(path)
    raw = document.data
    if not isinstance(raw, dict) or set(raw) - {"published", "redirects"}:
        raise document.error((), "expected a mapping with 'published' (a list) and 'redirects' (a mapping)")
    published = raw.get("published") or []
    redirects = raw.get("redirects") or {}
    if not isinstance(published, list):
        raise document.error(("published",), "must be a list of URLs like 'article.html#p12'")
    if not isinstance(redirects, dict):
        raise document.error(("redirects",), "must map an old URL to a new one: 'old.html: new.html'")
    for index, url in enumerate(published):
        _check_url(document, ("published", index), url)
    seen = set()
    for index, url in enumerate(published):
        if url in seen:
            raise document.error(("published", index), f"'{url}' is listed twice")
        seen.add(url)
    for old, new in redirects.items():
        _check_url(document, ("redirects", old), old)
        _check_url(document, ("redirects", old), new)
        if old == new:
            raise document.error(("redirects", old), "redirects to itself")
        if new in redirects:
            raise document.error(("redirects", old), f"'{new}' is itself redirected: point at the final URL")
    return Contract(tuple(published), dict(redirects), document)


def relative_href(target: str, here: str) -> str:
    """`target` (a path from the site root, maybe with a #fragment) as linked from the folder
    `here` (from the same root; "." for the root itself)."""
    path, _, fragment = target.partition("#")
    return posixpath.relpath(path, here or ".") + (f"#{fragment}" if fragment else "")


def relative_url(from_page: str, to_url: str) -> str:
    """`to_url` (site-root relative) as seen from `from_page` (site-root relative)."""
    depth = from_page.count("/")
    return "../" * depth + to_url


def _check_url(document: YamlDocument, location: tuple, url) -> None:
    if not isinstance(url, str) or not SITE_URL.fullmatch(url):
        raise document.error(
            location,
            f"'{shown(url)}' is not a page of the site: write a path from the site root such as "
            "'missions/iraq.html' or 'article.html#p12' (no scheme, no leading /, no ..)",
        )
