"""Every internal link and resource of the built site resolves, #anchors included.

MkDocs checks links within a language; links across languages (ru <-> en/) and the theme's
own references are checked here, on the finished site."""

import pytest
from bs4 import BeautifulSoup

from site_links import broken_references


def test_every_internal_link_and_anchor_resolves(site):
    broken = broken_references(site)
    assert not broken, "\n".join(broken)


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
