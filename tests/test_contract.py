"""A published link is forever: every URL and anchor in data/published_urls.yml resolves."""

import re

import pytest

from build_site import build_site
from edition.article import article_paragraphs
from edition.contract import load_contract
from update_contract import citable_urls

from project import copy_project

CONTRACT = load_contract()


def ids_of(page_html, path):
    return {element["id"] for element in page_html(path).select("[id]")}


def test_every_published_url_resolves(site, page_html):
    broken = []
    for url in CONTRACT.published:
        path, _, fragment = url.partition("#")
        if not (site / path).is_file():
            broken.append(f"{url}: {path} is no longer built")
        elif fragment and fragment not in ids_of(page_html, path):
            broken.append(f"{url}: {path} has no id '{fragment}'")
    assert not broken, "\n".join(broken)


def test_every_citable_url_is_in_the_contract(site):
    """New pages, sections, paragraphs, references and table rows must be recorded, so that
    they are kept: `make contract` adds them."""
    missing = [url for url in citable_urls(site) if url not in CONTRACT.published]
    assert not missing, f"run `make contract` to add to data/published_urls.yml: {missing[:20]}"


def test_russian_paragraphs_run_p1_to_pn_and_english_ids_exist_in_russian(page_html):
    russian = [e["id"] for e in page_html("article.html").select(".para[id]")]
    assert russian == [f"p{n}" for n in range(1, len(russian) + 1)]
    assert len(russian) == len(article_paragraphs())  # as many as docs/ru/article.md numbers
    english_sections = {h["id"] for h in page_html("en/article.html").select("article h2[id]")}
    russian_sections = {h["id"] for h in page_html("article.html").select("article h2[id]")}
    assert english_sections <= russian_sections
    english_paragraphs = [e["id"] for e in page_html("en/article.html").select(".para[id]")]
    assert set(english_paragraphs) <= set(russian)


def test_heading_ids_are_ascii_and_explicit(site, page_html):
    for page in site.rglob("*.html"):
        path = page.relative_to(site).as_posix()
        if path.endswith("404.html"):
            continue  # Material's own page, not the edition's content
        for heading in page_html(path).select("article :is(h1, h2, h3, h4, h5, h6)"):
            assert re.fullmatch(r"[a-z][a-z0-9-]*", heading.get("id", "")), f"{path}: {heading}"
            assert not re.search(r"_\d+$", heading["id"]), f"{path}: {heading['id']}"


@pytest.mark.build
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
