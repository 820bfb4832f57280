"""Search loads when the reader opens it (overrides/partials/search-on-demand.html): no index
and no worker before that, online and from file://, in both languages; then results come.
Without the script (as if Material's internals had changed under it), search loads at once
and still works."""

import re

import pytest

SEARCH_FILES = re.compile(r"/search/search_index\.js(on)?$|/workers/search\.[^/]*\.js|/lunr/")


def search_requests(page) -> list[str]:
    return [url for url in page.requested if SEARCH_FILES.search(url.split("?")[0])]


def watch_requests(page):
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    return page


def search(page, query: str) -> list[str]:
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material searches on key events
    page.wait_for_selector(".md-search-result__link", timeout=15000)
    return [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__link")]


@pytest.mark.parametrize(
    "path, query, lang", [("article.html", "Ливан", "ru"), ("en/missions/iraq.html", "Lebanon", "en")]
)
def test_nothing_of_search_loads_until_the_reader_opens_it(server, browser_page, path, query, lang):
    page = watch_requests(browser_page)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert search_requests(page) == [], "search loaded before it was opened"
    links = search(page, query)
    assert links and search_requests(page)
    assert all(("/en/" in link) == (lang == "en") for link in links)


def test_the_keyboard_shortcut_opens_search(server, browser_page):
    page = watch_requests(browser_page)
    page.goto(server + "index.html")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # Material's shortcut: focus goes to the search field
    page.wait_for_function("window.editionSearchOpened()")
    page.keyboard.type("Ирак")
    page.wait_for_selector(".md-search-result__link", timeout=15000)
    assert search_requests(page)


def test_offline_search_loads_when_opened(offline, offline_page):
    page = watch_requests(offline_page)
    page.goto((offline["unpacked"] / "en" / "article.html").as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert search_requests(page) == []
    assert search(page, "Tasbulatov")
    assert search_requests(page) and page.console_errors == []


def test_without_the_script_search_loads_at_once_and_works(server, browser_page):
    """The fallback: were the script's hooks to miss (Material changed), search would load at
    once, as Material does by itself."""
    page = watch_requests(browser_page)

    def without_script(route):
        response = route.fetch()
        html = re.sub(r"<script>(?:(?!</script>).)*editionSearchOpened.*?</script>", "", response.text(), flags=re.S)
        assert "editionSearchOpened" not in html
        route.fulfill(response=response, body=html)

    page.route("**/article.html", without_script)
    page.goto(server + "article.html")
    page.wait_for_load_state("networkidle")
    assert search_requests(page), "without the script, Material loads search at once"
    assert search(page, "Ливан")
