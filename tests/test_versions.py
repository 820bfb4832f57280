"""Every release at its permanent address (versions/<version>/), as the published site carries
it: the older ones rebuilt from their commits, each page saying which version it is, the
anchors that version published still there, and a citation made there pointing there."""

import base64
import hashlib
import json
import subprocess
import sys
from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup

from edition.data import load_data

from project import ROOT, cite_this
from text import authors_text, first_difference, normalise, source_words

pytestmark = pytest.mark.build  # the published site: the older releases are built from git

LOG = load_data().corrections
CURRENT = LOG.releases[0].version
OLDER = LOG.releases[1:]
SITE_URL = "https://example.org/edition/"


def parse(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def contract_of(commit: str) -> list[str]:
    """The page addresses and anchors published by the release at `commit`."""
    text = subprocess.run(
        ["git", "show", f"{commit}:data/published_urls.yml"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return yaml.safe_load(text)["published"]


@pytest.mark.parametrize("release", OLDER, ids=lambda release: release.version)
def test_each_older_release_is_built_as_its_own_permanent_copy_where_it_can_be(tmp_path, release):
    """0.2.0 on: one build_site() for its version (0.2.0: EDITION_ARCHIVE_OF; later ones: the
    option PERMANENT_COPY_OPTION), as its publishing run built
    versions/<its version>/ (its whole publishing run would rebuild the releases before it from
    a history `git archive` does not carry); 0.1.0, which knows no archives: its build script."""
    from edition.versions import OWN_PERMANENT_COPY_BY_ENVIRONMENT, _release_build_command

    (tmp_path / "scripts").mkdir()
    for path in ("scripts/build_site.py", "requirements.lock"):
        (tmp_path / path).write_bytes(show(release.commit, path))
    url = f"{SITE_URL}versions/{release.version}/"
    command = _release_build_command(tmp_path, tmp_path / "out", url, release.version)
    if release.version == "0.1.0":
        assert command[1:] == ["scripts/build_site.py", str(tmp_path / "out")]
    else:
        assert command[1:] == ["-c", OWN_PERMANENT_COPY_BY_ENVIRONMENT, str(tmp_path / "out"), url, release.version]


def test_this_release_is_built_as_its_own_permanent_copy_by_its_option(tmp_path):
    """How a later release will build this one's versions/<version>/: build_site() with the
    option its build_site.py names; run here on this tree, it makes this version's copy."""
    from edition.versions import OWN_PERMANENT_COPY, _release_build_command

    (tmp_path / "scripts").mkdir()
    for path in ("scripts/build_site.py", "requirements.lock"):
        (tmp_path / path).write_bytes((ROOT / path).read_bytes())
    url = f"{SITE_URL}versions/{CURRENT}/"
    command = _release_build_command(tmp_path, tmp_path / "out", url, CURRENT)
    assert command == [sys.executable, "-c", OWN_PERMANENT_COPY, str(tmp_path / "out"), url, CURRENT]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    page = parse(tmp_path / "out" / "article.html")
    assert page.select_one('link[rel="canonical"]')["href"] == f"{url}article.html"
    assert json.loads(page.select_one("#edition-cite").string)["version"] == CURRENT  # a permanent copy's keys


def show(commit: str, path: str) -> bytes:
    return subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, check=True).stdout


@pytest.mark.parametrize("release", OLDER, ids=lambda release: release.version)
def test_each_older_release_is_built_with_its_own_pinned_dependencies(published, tmp_path, release):
    """Not today's environment: the release's requirements.lock, installed (by the published
    site's build, above) into an environment of its own, unless it pins what today's does."""
    from edition.versions import release_python

    lock = tmp_path / "requirements.lock"
    lock.write_bytes(show(release.commit, "requirements.lock"))
    python = release_python(lock)
    pins = {line.split(" ")[0].lower() for line in lock.read_text(encoding="utf-8").splitlines() if "==" in line}
    if lock.read_bytes() == (ROOT / "requirements.lock").read_bytes():
        assert python == sys.executable
        return
    assert ".venv-releases" in python
    frozen = subprocess.run([python, "-m", "pip", "freeze", "--all"], capture_output=True, text=True, check=True)
    installed = {line.lower().replace("_", "-") for line in frozen.stdout.split() if "==" in line}
    assert pins <= installed, sorted(pins - installed)
    named = {pin.split("==")[0] for pin in pins} | {"pip", "setuptools", "wheel"}
    assert {line.split("==")[0] for line in installed} <= named  # nothing of today's that it did not pin


def test_versions_json_lists_every_release_with_its_folder(published):
    listing = json.loads((published / "versions" / "versions.json").read_text(encoding="utf-8"))
    assert [entry["version"] for entry in listing] == [release.version for release in LOG.releases]
    assert listing[0]["aliases"] == ["latest"] and all(entry["aliases"] == [] for entry in listing[1:])
    for entry in listing:
        assert (published / "versions" / entry["version"] / "article.html").is_file()


@pytest.mark.parametrize("release", OLDER, ids=lambda release: release.version)
def test_an_older_release_keeps_every_address_and_anchor_it_published(published, release):
    folder = published / "versions" / release.version
    missing = []
    for url in contract_of(release.commit):
        page, _, anchor = url.partition("#")
        path = folder / page
        if not path.is_file():
            missing.append(url)
        elif anchor and parse(path).find(id=anchor) is None:
            missing.append(url)
    assert not missing, missing


@pytest.mark.parametrize("release", OLDER, ids=lambda release: release.version)
def test_every_page_of_an_older_release_says_which_version_it_is(published, release):
    folder = published / "versions" / release.version
    pages = [path for path in folder.rglob("*.html") if "md-header__topic" in path.read_text(encoding="utf-8")]
    assert len(pages) > 20
    for path in pages:
        page = parse(path)
        relative = path.relative_to(folder).as_posix()
        english = relative.startswith("en/")
        banner = page.select_one("aside.edition-archived")
        assert banner is not None, relative
        text = " ".join(banner.get_text().split())
        assert release.version in text and CURRENT in text, relative
        current = banner.select_one("a")["href"]  # the same page in the current version
        target = (path.parent / current).resolve()
        assert target == (published / relative).resolve(), relative
        menu = page.select_one(".md-header__topic .edition-versions")
        assert menu.select_one(".md-version__current").get_text() == release.version
        assert [a.get_text().split()[0] for a in menu.select(".md-version__link")][:-1] == [
            r.version for r in LOG.releases
        ]
        assert page.html["lang"] == ("en" if english else "ru")


def test_the_current_version_has_a_menu_and_no_banner(published):
    for path in ("article.html", "en/article.html", f"versions/{CURRENT}/article.html"):
        page = parse(published / path)
        assert page.select_one("aside.edition-archived") is None, path
        assert page.select_one(".edition-versions .md-version__current").get_text() == CURRENT, path


@pytest.mark.parametrize("release", OLDER, ids=lambda release: release.version)
def test_an_older_release_keeps_the_authors_words(published, release):
    page = authors_text((published / "versions" / release.version / "article.html").read_text(encoding="utf-8"))
    difference = first_difference(source_words(), normalise(page))
    assert not difference, difference


def csp_hash(script: str) -> str:
    """The hash a browser checks an inline script against (CSP Level 2)."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def test_the_one_content_security_policy_allows_the_archives_scripts(published):
    """The server rules sit at the site's root only, so their one policy must allow every
    inline script of every archived page."""
    policies = [(published / name).read_text(encoding="utf-8") for name in ("_nginx.conf", "_headers")]
    scripts = {
        script.string
        for path in (published / "versions").rglob("*.html")
        for script in parse(path).select("script:not([src])")
        if script.get("type", "text/javascript") in ("text/javascript", "module") and script.string
    }
    assert len(scripts) > 5
    missing = [script[:80] for script in scripts if not all(csp_hash(script) in policy for policy in policies)]
    assert not missing, missing
    assert not list((published / "versions").rglob("_nginx.conf"))  # server rules only at the root


# ---------------------------------------------------------------------------- in the browser
def cite_paragraph(page, url: str, selector: str = "#p21") -> str:
    page.goto(url)
    return cite_this(page, selector)


@pytest.mark.browser
@pytest.mark.parametrize("release", OLDER, ids=lambda release: release.version)
def test_a_citation_made_in_an_older_version_points_to_it(published_server, browser_page, release):
    copied = cite_paragraph(browser_page, f"{published_server}versions/{release.version}/article.html#p21")
    assert f"Версия {release.version}" in copied
    assert f"{SITE_URL}versions/{release.version}/article.html#p21" in copied
    browser_page.select_option(".cite-box select.cite-select", "csl-json")
    (item,) = json.loads(browser_page.locator(".cite-box .cite-text").inner_text())
    # the version in the key: not the key of the same paragraph in the current version
    assert item["id"].startswith(f"kazakhstan-conflicts-edition-ru-v{release.version}")
    assert browser_page.console_errors == [] and browser_page.foreign_requests == []


@pytest.mark.browser
def test_a_reader_can_cite_the_current_versions_permanent_address(published_server, browser_page):
    copied = cite_paragraph(browser_page, f"{published_server}article.html#p21")
    assert f"{SITE_URL}article.html#p21" in copied and f"Версия {CURRENT}" in copied
    box = browser_page.locator(".cite-box .cite-permanent-box")
    box.check()
    permanent = browser_page.locator(".cite-box .cite-text").inner_text()
    assert f"{SITE_URL}versions/{CURRENT}/article.html#p21" in permanent
    assert date.today().strftime("%d.%m.%Y") in permanent
    browser_page.select_option(".cite-box select.cite-select", "bibtex")  # the version in the key
    assert (
        browser_page.locator(".cite-box .cite-text")
        .inner_text()
        .startswith(f"@online{{kazakhstan-conflicts-edition-ru-v{CURRENT},")
    )
    assert browser_page.locator(".cite-box .cite-usage code").inner_text() == (
        f"\\autocite[абз.~21]{{kazakhstan-conflicts-edition-ru-v{CURRENT}}}"
    )
    browser_page.select_option(".cite-box select.cite-select", "gost-2018")
    browser_page.reload()  # the choice is remembered
    again = cite_paragraph(browser_page, f"{published_server}article.html#p21")
    assert f"{SITE_URL}versions/{CURRENT}/article.html#p21" in again
    assert browser_page.console_errors == [] and browser_page.foreign_requests == []
