"""Shared fixtures: one strict build of the whole site per test session, a local HTTP server
for it, and a real headless Chromium (Debian's) driven by Playwright.

Every test belongs to one tier (pytest -m unit|build|browser): a test that uses a browser
fixture is `browser`, one that uses the built site is `build`, any other `unit`, unless it
says otherwise with a marker (a test that builds a variant of the site itself says `build`)."""

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_site import build_site, publish
from export_offline import export

from project import copy_project, serving

ROOT = Path(__file__).resolve().parents[1]
# Every build of the tests is for a real public address under a sub-path, as a host publishes
# the edition (and as `make offline` requires: the placeholder address is for previews only).
SITE_URL = os.environ.setdefault("EDITION_SITE_URL", "https://example.org/edition/")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
    # The machine has no network: keep Chromium from calling home at start.
    "--disable-background-networking",
    "--disable-component-update",
]


TIERS = ("unit", "build", "browser")
BROWSER_FIXTURES = {"browser", "browser_page", "offline_page"}
BUILD_FIXTURES = {"site", "server", "page_html", "offline", "published", "published_server", "project"}


def pytest_collection_modifyitems(items):
    for item in items:
        if any(item.get_closest_marker(tier) for tier in TIERS):
            continue
        used = set(item.fixturenames)
        tier = "browser" if used & BROWSER_FIXTURES else "build" if used & BUILD_FIXTURES else "unit"
        item.add_marker(getattr(pytest.mark, tier))


@pytest.fixture
def project(tmp_path) -> Path:
    """A throw-away copy of the project, to build a broken or hostile variant of it."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole bilingual site, built with --strict into a temporary folder."""
    target = tmp_path_factory.mktemp("build") / "site"
    build_site(target)
    return target


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """The site as `make site` publishes it for the public address: downloads in downloads/,
    every release at versions/<version>/ (the older ones rebuilt from their commits)."""
    target = tmp_path_factory.mktemp("published") / "site"
    publish(target)
    return target


@pytest.fixture(scope="session")
def published_server(published):
    with serving(published) as url:
        yield url


# The parsed pages are shared by every test of a worker: a test that changed one (decompose()
# without copy.copy()) would break whichever test reads it next, depending on the order the
# tests ran in. Each test's pages are checked after it, so the test that changed one fails.
SHARED_PARSES: dict[str, tuple[BeautifulSoup, tuple[int, int]]] = {}
PAGES_READ: set[str] = set()


def fingerprint(soup: BeautifulSoup) -> tuple[int, int]:
    return len(soup.find_all(True)), len(soup.get_text())


@pytest.fixture(scope="session")
def page_html(site):
    """Parsed HTML of a built page, by its path in the site ('en/article.html'); shared, so
    a test that changes what it gets works on copy.copy() of it."""

    def page(path: str) -> BeautifulSoup:
        PAGES_READ.add(path)
        if path not in SHARED_PARSES:  # the first time, or again after a test changed it
            soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")
            SHARED_PARSES[path] = (soup, fingerprint(soup))
        return SHARED_PARSES[path][0]

    return page


@pytest.fixture(autouse=True)
def shared_parses_stay_unchanged():
    PAGES_READ.clear()
    yield
    changed = [path for path in PAGES_READ if fingerprint(SHARED_PARSES[path][0]) != SHARED_PARSES[path][1]]
    PAGES_READ.clear()
    for path in changed:
        del SHARED_PARSES[path]  # parsed afresh for the next test
    if changed:
        pytest.fail(f"the test changed the shared parse of {changed}: work on copy.copy() of it", pytrace=False)


@pytest.fixture(scope="session")
def server(site):
    """The built site over HTTP on 127.0.0.1 (a free port); yields its base URL."""
    with serving(site) as url:
        yield url


def chromium_path() -> str:
    """Debian's Chromium, or $CHROMIUM. The browser tests never skip silently."""
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(candidate).is_file():
        pytest.fail(
            "Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM=/path/to/chromium",
            pytrace=False,
        )
    return candidate


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def browser_page(browser, request):
    """A fresh page that records console errors and every request that leaves 127.0.0.1
    or file://; a test reads `page.console_errors` and `page.foreign_requests`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.console_errors, page.foreign_requests = [], []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))

    def watch(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "file://", "data:", "blob:")):
            route.continue_()
        else:
            page.foreign_requests.append(url)
            route.abort()

    context.route("**/*", watch)
    yield page
    context.close()


@pytest.fixture
def offline_page(browser):
    """A page that may only load file:// URLs: anything else is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors, page.foreign_requests = [], []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))

    def guard(route):
        if route.request.url.startswith(("file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            page.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    yield page
    context.close()


@pytest.fixture(scope="session")
def offline(tmp_path_factory):
    """One export; the zip unpacked into a folder of its own, as a reader would."""
    dist = tmp_path_factory.mktemp("dist")
    outputs = export(dist)
    unpacked = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(outputs["zip"]) as archive:
        archive.extractall(unpacked)
    (folder,) = list(unpacked.iterdir())
    return {**outputs, "unpacked": folder}
