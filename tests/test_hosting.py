"""The site as a real static host serves it: Debian's nginx on loopback, the site deployed under
a sub-path (https://example.org/edition/ -> /edition/) with the rules the build writes
(site/_nginx.conf). Every published page answers 200 with its content type and charset, a
moved page answers 301 and the browser keeps the #fragment, a missing page gets the 404 page
of its language, and Chromium finds nothing the Content-Security-Policy blocks."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from build_site import build_site
from edition.contract import load_contract

from project import SCREENSHOTS, copy_project

pytestmark = pytest.mark.build
PREFIX = "/edition/"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".xml": "text/xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
}
NGINX_CONF = """\
daemon off;
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {run}/body; proxy_temp_path {run}/proxy; fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi; scgi_temp_path {run}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {www};
        include {www}{prefix}_nginx.conf;
    }}
}}
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str):
    """(status, headers, body) without following redirects."""
    try:
        with OPENER.open(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    """The edition built for https://example.org/edition/ with a moved page, deployed into a
    web root the way a host does, and served by nginx, whose workers run as an ordinary user
    (so a folder only its owner may read would answer 403). Yields the base URL."""
    if not Path(NGINX).is_file():
        pytest.fail("nginx not found: install it (Debian: apt-get install -y nginx)", pytrace=False)
    project = copy_project(tmp_path_factory.mktemp("hosted") / "project")
    contract = project / "data" / "published_urls.yml"
    contract.write_text(
        contract.read_text(encoding="utf-8").replace(
            "redirects: {}", "redirects:\n  old-article.html: article.html\n  article.html#old-para: article.html#p5\n"
        ),
        encoding="utf-8",
    )
    www = Path(tempfile.mkdtemp(prefix="edition-www-"))  # not under pytest's private tmp: nginx must read it
    os.chmod(www, 0o755)
    run = Path(tempfile.mkdtemp(prefix="edition-nginx-"))
    site = www / PREFIX.strip("/")
    build_site(site, config_file=project / "mkdocs.yml", env={"EDITION_SITE_URL": "https://example.org/edition/"})
    port = free_port()
    conf = run / "nginx.conf"
    conf.write_text(NGINX_CONF.format(run=run, port=port, www=www, prefix=PREFIX), encoding="utf-8")
    server = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(run)], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"nginx did not start: {server.stderr.read()}", pytrace=False)
            time.sleep(0.1)
    yield {"base": base, "site": site, "contract": load_contract(contract)}
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(www, ignore_errors=True)
    shutil.rmtree(run, ignore_errors=True)


def test_the_built_site_is_readable_by_the_web_server(nginx):
    mode = nginx["site"].stat().st_mode & 0o777
    assert mode & 0o055 == 0o055, f"site/ is {oct(mode)}: the server's user cannot read it"


def test_every_published_page_answers_with_its_type_and_charset(nginx):
    pages = sorted({url.partition("#")[0] for url in nginx["contract"].published})
    stems = ("search/search_index.json", "missions/missions.csv", "missions/missions.json")
    files = [f"{folder}{stem}" for folder in ("", "en/") for stem in stems]
    files += ["assets/edition.css", "assets/edition.js", "assets/citations-ru.js", "en/assets/citations-en.js"]
    files += ["corrections.atom", "en/corrections.atom"]
    rows = []
    for path in pages + files + ["sitemap.xml"]:
        status, headers, _ = fetch(nginx["base"] + PREFIX + path)
        rows.append((PREFIX + path, status, headers.get("Content-Type")))
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "nginx-responses.tsv").write_text(
        "\n".join("\t".join(map(str, row)) for row in rows) + "\n", encoding="utf-8"
    )
    wrong = [row for row in rows if row[1] != 200 or row[2] != TYPES[Path(row[0]).suffix]]
    assert not wrong, wrong


def test_security_and_caching_headers(nginx):
    _, page, _ = fetch(nginx["base"] + PREFIX + "article.html")
    assert "script-src 'self' 'sha256-" in page["Content-Security-Policy"]
    assert page["X-Content-Type-Options"] == "nosniff" and page["Cache-Control"] == "no-cache"
    bundle = next((nginx["site"] / "assets" / "javascripts").glob("bundle.*.min.js")).name
    _, asset, _ = fetch(nginx["base"] + PREFIX + "assets/javascripts/" + bundle)
    assert "immutable" in asset["Cache-Control"] and asset["Content-Security-Policy"]
    for rules in ("_nginx.conf", "_headers", "_redirects", f"assets/javascripts/{bundle}.map"):
        assert fetch(nginx["base"] + PREFIX + rules)[0] == 404, rules


def test_a_moved_page_answers_301_to_its_new_address(nginx):
    status, headers, _ = fetch(nginx["base"] + PREFIX + "old-article.html")
    assert status == 301 and headers["Location"].endswith(PREFIX + "article.html")


@pytest.mark.parametrize("path, lang", [("nope.html", "ru"), ("missions/nope.html", "ru"), ("en/nope.html", "en")])
def test_a_missing_page_gets_the_404_page_of_its_language(nginx, path, lang):
    status, headers, body = fetch(nginx["base"] + PREFIX + path)
    assert status == 404 and headers["Content-Type"] == TYPES[".html"]
    assert f'<html lang="{lang}"' in body.decode("utf-8")
    assert f'href="{PREFIX}assets/stylesheets/' in body.decode("utf-8")  # absolute under the sub-path


@pytest.mark.browser
def test_in_chromium_nothing_breaks_the_policy_and_redirects_keep_the_fragment(nginx, browser_page):
    page, base = browser_page, nginx["base"] + PREFIX
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    for path in ["index.html", "article.html#p12", "en/article.html", "astana/index.html", "en/missions/iraq.html",
                 "cite.html", "en/nope.html", "nope.html"]:  # fmt: skip
        page.goto(base + path)
        page.wait_for_load_state("load")
    page.goto(base + "en/index.html")
    page.fill("input.md-search__input", "Lebanon")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__link")
    page.goto(base + "old-article.html#p7")
    page.wait_for_url("**/edition/article.html#p7")
    page.goto(base + "article.html#old-para")
    page.wait_for_url("**/edition/article.html#p5")
    blocked = [m for m in messages if "Content Security Policy" in m or "Refused to" in m]
    assert not blocked, blocked
    # and the policy is in force: a script the page did not ship is refused
    inject = "Object.assign(document.createElement('script'), {textContent: 'window.__injected = 1'})"
    page.evaluate(f"document.body.appendChild({inject})")
    assert page.evaluate("typeof window.__injected") == "undefined"
    assert any("Content Security Policy" in m for m in messages)
    assert page.foreign_requests == [], page.foreign_requests
