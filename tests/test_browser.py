"""The reader's view, in a real headless Chromium (Debian's), over HTTP and from file://."""

import pytest

from project import SCREENSHOTS

PAGES = ["index.html", "article.html", "en/index.html", "en/article.html", "404.html", "en/404.html"]


def switch_language(page, hreflang: str, lands_on: str) -> None:
    """Use the header's language menu the way a reader does: point at it, pick a language;
    then wait for the page at `lands_on`."""
    page.hover(".md-header .md-select")
    page.click(f'.md-header a.md-select__link[hreflang="{hreflang}"]')
    page.wait_for_url(lands_on)


def in_view_below_header(page, selector: str) -> bool:
    return page.evaluate(
        """selector => {
            const target = document.querySelector(selector).getBoundingClientRect();
            const header = document.querySelector(".md-header").getBoundingClientRect();
            return target.top >= header.bottom - 1 && target.top < window.innerHeight;
        }""",
        selector,
    )


def test_cited_paragraph_opens_in_view_not_under_the_header(server, browser_page):
    browser_page.goto(server + "article.html#p12")
    browser_page.wait_for_load_state("load")
    assert browser_page.is_visible("#p12")
    assert in_view_below_header(browser_page, "#p12")
    assert browser_page.inner_text("#p12 .para-num") == "12"
    SCREENSHOTS.mkdir(exist_ok=True)
    browser_page.screenshot(path=SCREENSHOTS / "article-ru-p12.png")


def test_language_switch_keeps_the_anchor(server, browser_page):
    browser_page.goto(server + "article.html#p2")
    switch_language(browser_page, "en", server + "en/article.html#p2")
    assert in_view_below_header(browser_page, "#p2")
    assert browser_page.evaluate("document.documentElement.lang") == "en"
    SCREENSHOTS.mkdir(exist_ok=True)
    browser_page.screenshot(path=SCREENSHOTS / "article-en-p2.png")

    switch_language(browser_page, "ru", server + "article.html#p2")
    assert in_view_below_header(browser_page, "#p2")
    assert not browser_page.console_errors and not browser_page.foreign_requests


def test_switching_language_on_a_paragraph_lands_on_the_same_paragraph(server, browser_page):
    browser_page.goto(server + "article.html#p12")
    switch_language(browser_page, "en", server + "en/article.html#p12")
    assert in_view_below_header(browser_page, "#p12")
    assert browser_page.inner_text("#p12 .para-num") == "12"
    assert "allocated by the UN" in browser_page.inner_text("#p12")


def test_an_anchor_the_page_lacks_is_explained(server, browser_page):
    browser_page.goto(server + "en/article.html#p99")
    notice = browser_page.locator(".edition-notice")
    assert "#p99" in notice.inner_text()
    notice.locator('a[hreflang="ru"]').click()
    browser_page.wait_for_url(server + "article.html#p99")
    assert "#p99" in browser_page.locator(".edition-notice").inner_text()


def test_english_search_finds_the_translation(server, browser_page):
    browser_page.goto(server + "en/article.html")
    browser_page.fill("input.md-search__input", "Tasbulatov")
    browser_page.keyboard.press("End")  # Material searches on key events
    browser_page.wait_for_selector(".md-search-result__link")
    links = [a.get_attribute("href") for a in browser_page.query_selector_all(".md-search-result__link")]
    assert any(link.endswith("en/article.html") or "en/article.html#" in link for link in links)
    assert all("/en/" in link for link in links)


def test_language_switch_keeps_the_anchor_from_file_urls(site, browser_page):
    browser_page.goto((site / "en" / "article.html").as_uri() + "#p3")
    switch_language(browser_page, "ru", (site / "article.html").as_uri() + "#p3")
    assert in_view_below_header(browser_page, "#p3")
    assert browser_page.is_visible("#p3")


def test_paragraph_number_links_to_itself_and_copies_its_url(server, browser_page):
    browser_page.goto(server + "article.html")
    number = browser_page.locator("#p12 a.para-num")
    assert number.get_attribute("href") == "#p12"
    number.click()
    assert browser_page.url == server + "article.html#p12"

    browser_page.hover("#p12")
    copy = browser_page.locator("#p12 button.para-copy")
    assert copy.is_visible()
    assert copy.get_attribute("title") == "Копировать ссылку на абзац 12"
    copy.click()
    assert browser_page.evaluate("navigator.clipboard.readText()") == server + "article.html#p12"
    assert "Скопировано" in browser_page.locator(".md-dialog").inner_text()


def test_copy_button_appears_on_keyboard_focus(server, browser_page):
    browser_page.goto(server + "article.html")
    browser_page.focus("#p7 a.para-num")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.className")
    assert "para-copy" in focused
    assert browser_page.locator("#p7 button.para-copy").evaluate("b => getComputedStyle(b).opacity") == "1"


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_without_errors_or_foreign_requests(server, browser_page, path):
    browser_page.goto(server + path)
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.console_errors == []
    assert browser_page.foreign_requests == []
