"""The public contract of URLs and anchors (data/published_urls.yml).

A cited link is forever: every entry under `published` must resolve in the built site
(tests/test_contract.py). An entry is never deleted; it moves to `redirects`, which the build
honours: a whole page gets a small redirect page, an anchor gets mapped by edition.js."""

from dataclasses import dataclass
from pathlib import Path

import yaml

CONTRACT_FILE = Path(__file__).resolve().parents[2] / "data" / "published_urls.yml"


@dataclass(frozen=True)
class Contract:
    published: tuple[str, ...]
    redirects: dict[str, str]

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


def load_contract(path: Path = CONTRACT_FILE) -> Contract:
    with path.open(encoding="utf-8") as stream:
        raw = yaml.safe_load(stream) or {}
    published = raw.get("published") or []
    redirects = raw.get("redirects") or {}
    if not isinstance(published, list) or not all(isinstance(u, str) for u in published):
        raise ValueError(f"{path}: 'published' must be a list of URLs like 'article.html#p12'")
    if not isinstance(redirects, dict):
        raise ValueError(f"{path}: 'redirects' must map an old URL to a new one")
    return Contract(tuple(published), {str(k): str(v) for k, v in redirects.items()})


def relative_url(from_page: str, to_url: str) -> str:
    """`to_url` (site-root relative) as seen from `from_page` (site-root relative)."""
    depth = from_page.count("/")
    return "../" * depth + to_url
