"""A published link is forever: every URL and anchor in data/published_urls.yml resolves."""

import re

import pytest

from project import copy_project
from scripts.build_site import build_site
from scripts.edition.contract import load_contract

CONTRACT = load_contract()
CITABLE_ID = re.compile(r"^(p\d+|ref-\d+)$")
PAGES = ["index.html", "article.html", "en/index.html", "en/article.html"]


def ids_of(page_html, path):
    return {element["id"] for element in page_html(path).select("[id]")}


@pytest.mark.parametrize("url", CONTRACT.published)
def test_published_url_resolves(site, page_html, url):
    path, _, fragment = url.partition("#")
    assert (site / path).is_file(), f"{path} is no longer built"
    if fragment:
        assert fragment in ids_of(page_html, path), f"{path} has no id '{fragment}'"


@pytest.mark.parametrize("path", PAGES)
def test_every_citable_id_is_in_the_contract(page_html, path):
    """New sections, paragraphs and references must be recorded, so that they are kept."""
    main = page_html(path).select_one("article.md-content__inner")
    citable = [
        element["id"]
        for element in main.select("[id]")
        if element.name in {"h1", "h2", "h3", "h4"} or CITABLE_ID.match(element["id"])
    ]
    missing = [f"{path}#{cid}" for cid in citable if f"{path}#{cid}" not in CONTRACT.published]
    assert not missing, f"add to data/published_urls.yml: {missing}"


def test_russian_paragraphs_run_p1_to_pn_and_english_ids_exist_in_russian(page_html):
    russian = [e["id"] for e in page_html("article.html").select(".para[id]")]
    assert russian == [f"p{n}" for n in range(1, len(russian) + 1)]
    assert len(russian) == 22
    english_sections = {h["id"] for h in page_html("en/article.html").select("article h2[id]")}
    russian_sections = {h["id"] for h in page_html("article.html").select("article h2[id]")}
    assert english_sections <= russian_sections
    english_paragraphs = [e["id"] for e in page_html("en/article.html").select(".para[id]")]
    assert set(english_paragraphs) <= set(russian)


@pytest.mark.parametrize("path", PAGES)
def test_heading_ids_are_ascii_and_explicit(page_html, path):
    for heading in page_html(path).select("article :is(h1, h2, h3, h4, h5, h6)"):
        assert re.fullmatch(r"[a-z][a-z0-9-]*", heading.get("id", "")), heading
        assert not re.search(r"_\d+$", heading["id"]), heading["id"]


def test_moved_pages_and_anchors_are_redirected(tmp_path, browser_page):
    """Moving an entry to `redirects` keeps the old link working, fragment included."""
    project = copy_project(tmp_path / "project")
    contract = project / "data" / "published_urls.yml"
    contract.write_text(
        contract.read_text(encoding="utf-8").replace(
            "redirects: {}",
            "redirects:\n  old-article.html: article.html\n  article.html#old-para: article.html#p5\n",
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    build_site(site, config_file=project / "mkdocs.yml")
    assert (site / "old-article.html").is_file()

    browser_page.goto((site / "old-article.html").as_uri() + "#p7")
    browser_page.wait_for_url("**/article.html#p7")
    browser_page.goto((site / "article.html").as_uri() + "#old-para")
    browser_page.wait_for_url("**/article.html#p5")
