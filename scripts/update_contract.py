"""Add the built site's new citable URLs and anchors to data/published_urls.yml.

Citable: every page, and in its content every heading, numbered paragraph, reference and
table row or index entry (dt) that has an id, and every release and entry of the corrections log. Entries are
only ever added, never removed (a cited link is forever; to retire one, move it to
`redirects` by hand).

    python scripts/update_contract.py site      # what `make contract` runs
"""

import sys
from pathlib import Path

from bs4 import BeautifulSoup

from edition.contract import CONTRACT_FILE, load_contract

CITABLE = (
    "h1[id], h2[id], h3[id], h4[id], .para[id], li[id^='ref-'], tr[id], dt[id], .facing-row[id]:not([id^='fn-']), "
    ".correction[id], li[id^='release-']"
)


def citable_urls(site: Path) -> list[str]:
    """Every citable URL of the built site, pages in path order, anchors in reading order."""
    moved = set(load_contract().page_redirects())
    urls = []
    for page in sorted(site.rglob("*.html"), key=lambda p: p.relative_to(site).as_posix()):
        path = page.relative_to(site).as_posix()
        if path.endswith("404.html") or path in moved:  # 404 pages: what a server answers, not a citable page
            continue
        urls.append(path)
        main = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one("article.md-content__inner")
        urls += [f"{path}#{element['id']}" for element in main.select(CITABLE)]
    return urls


def add_to_contract(new: list[str], contract_file: Path = CONTRACT_FILE) -> None:
    """Insert `new` entries at the end of the `published:` list, keeping the file's comments."""
    lines = contract_file.read_text(encoding="utf-8").splitlines(keepends=True)
    end = next(i for i, line in enumerate(lines) if line.startswith("redirects:"))
    lines[end:end] = [f"  - {url}\n" for url in new]
    contract_file.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else Path("site")
    published = set(load_contract().published)
    new = [url for url in citable_urls(site) if url not in published]
    if new:
        add_to_contract(new)
    print(f"{len(new)} new entries added to {CONTRACT_FILE.name}" if new else "Contract up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
