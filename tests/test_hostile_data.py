"""No value from data/ ever runs. Generatively: every free-text field of every data file is
given a payload of one kind (HTML, Markdown links and images, attribute lists, quote breakers,
edition markers and Jinja, script URLs), tagged with the field's path; the site is built once
per kind and read back: every page, its head (meta, JSON-LD), the search index, the CSV and
JSON downloads, and (for the HTML payload) the single files. Then Chromium opens each page type
in both languages and searches: no dialog opens, no payload script sets its flag, no other host
is asked for anything. A failure names the field by its tag, e.g. ⟦missions.yml:missions.0.name.en⟧.
"""

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from build_site import build_site
from edition.data import load_data
from edition.locales import CODES
from export_offline import export

from project import copy_project, serving

# Each payload sets window.__pwned if it ever runs; the tag follows it, naming the field.
PAYLOADS = {
    "html": '<script>window.__pwned="script"</script><img src=x onerror="window.__pwned=\'img\'">'
    "</title></textarea><svg onload=\"window.__pwned='svg'\">",
    "markdown": "[link](javascript:window.__pwned='link') ![image](https://evil.example/t.png) "
    "<https://evil.example/autolink> *star* _under_ `code` # not a heading | cell |",
    "attributes": "{: onclick=\"window.__pwned='attr'\" } {#injected .x onmouseover=window.__pwned=1} "
    "{: style=background:url(https://evil.example/bg.png) }",
    "quotes": "\"><svg onload=window.__pwned='quote'> ' onfocus='window.__pwned=1' autofocus=' \" \\\" `",
    "markers": "<!-- edition:timeline --> <!-- edition:cite apa --> {{ 7*7 }} {% raw %} ${7*7} ⟦url⟧ ⟦n⟧"
    "\n## A heading\n{: #p1 }\n",
    "urls": "javascript:window.__pwned='url' data:text/html,<b>x</b> //evil.example/x vbscript:x",
    # one unbroken word, as a pasted address or a code may be: it must not widen a page or a cell
    "long": "Ъ" * 300 + " https://example.org/" + "a-very-long-path/" * 20,
}
# Not free text: identifiers, dates, enumerations, URLs (refused unless http(s): test_data_errors),
# the verbatim quotations of the article and their English (the translation's, verbatim too),
# source ids, the abstract's paragraph ids ({ru: p1}), an index entry's paragraphs and type.
NOT_FREE_TEXT = {"id", "url", "quote", "paragraph", "status", "confidence", "city", "date", "start", "end",
                 "version", "language", "sources", "n", "abstract",
                 "kind", "page", "anchor", "languages", "commit", "paragraphs", "type"}  # fmt: skip
DATA_FILES = ["sources.yml", "missions.yml", "astana_rounds.yml", "funding_sources.yml", "facts.yml", "article.yml",
              "corrections.yml", "names.yml"]  # fmt: skip
PAGE_TYPES = ["index.html", "article.html", "cite.html", "missions/index.html", "missions/iraq.html",
              "astana/index.html", "astana/round-7.html", "funding/index.html", "facts/index.html",
              "names/index.html"]  # fmt: skip
TAG = re.compile(r"⟦([a-z_]+\.yml:[\w.-]+)⟧")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data")


def tag(filename: str, path: tuple) -> str:
    return f"⟦{filename}:{'.'.join(str(p) for p in path)}⟧"


def poison(node, filename: str, payload: str, path=(), fields=None):
    """The YAML data with `payload` and its tag appended to every free-text string."""
    fields = [] if fields is None else fields
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            ids = isinstance(value, list | dict) and all(isinstance(item, str) for item in value)  # [source ids]
            ids = ids and (not isinstance(value, dict) or all(isinstance(v, str) for v in value.values()))
            if key in NOT_FREE_TEXT and (ids or not isinstance(value, dict | list)):
                out[key] = value
            elif key == "en" and path[-1:] == ("article",):  # the English of a quotation: the translation's words
                out[key] = value
            elif key == "forms":  # an index entry's forms are found in the texts: one more form carries the payload
                out[key] = {}
                for language, forms in value.items():
                    fields.append(tag(filename, (*path, key, language, len(forms))))
                    out[key][language] = [*forms, f"{payload} {fields[-1]}"]
            else:
                out[key] = poison(value, filename, payload, (*path, key), fields)
        return out
    if isinstance(node, list):
        return [poison(value, filename, payload, (*path, i), fields) for i, value in enumerate(node)]
    if isinstance(node, str):
        if path[-1] == "title_en_sentence_case":  # must equal title.en but for capitals
            return f"{node} {payload} {tag(filename, ('title', 'en'))}"
        fields.append(tag(filename, path))
        return f"{node} {payload} {fields[-1]}"
    return node


@pytest.fixture(scope="module", params=list(PAYLOADS))
def hostile(request, tmp_path_factory):
    """(kind, built site, the tags of the poisoned fields) for one payload kind."""
    kind = request.param
    root = tmp_path_factory.mktemp(f"hostile-{kind}")
    project = copy_project(root / "project")
    fields = []
    for filename in DATA_FILES:
        path = project / "data" / filename
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        poisoned = poison(data, filename, PAYLOADS[kind], fields=fields)
        path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    load_data(project / "data", project / "docs" / "ru" / "article.md")  # the loader takes every payload as text
    site = root / "site"
    build_site(site, config_file=project / "mkdocs.yml")
    return kind, site, fields, project


def outputs(site: Path) -> dict[str, str]:
    """Every page, download and script of `site`, with the breaks a long word may take in a
    table cell (<wbr>, tables.py) taken out: a reader sees the word whole."""
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace").replace("<wbr>", "")
            for p in sorted(site.rglob("*")) if p.suffix in {".html", ".json", ".csv", ".js", ".atom"}}  # fmt: skip


def executable_scripts(soup) -> list[str]:
    return [s.get("src") or s.get_text() for s in soup.find_all("script")
            if s.get("type") in (None, "", "text/javascript", "module")]  # fmt: skip


def near(text: str, position: int) -> str:
    """The field tags around `position`: which data field put this there."""
    found = TAG.findall(text[max(0, position - 400) : position + 600])
    return ", ".join(dict.fromkeys(found)) or text[max(0, position - 80) : position + 80]


def markup_problems(path: str, html: str, clean_scripts: set[str], clean: Path | None = None) -> list[str]:
    """What in a page could run or load from elsewhere (`clean`: the same page in the clean
    build, whose own forms and inputs (Material's search, palette) are not the payload's)."""
    problems = []
    soup = BeautifulSoup(html, "lxml")
    clean_soup = BeautifulSoup(clean.read_text(encoding="utf-8"), "lxml") if clean and clean.is_file() else None
    for script in executable_scripts(soup):
        if script not in clean_scripts:
            problems.append(f"{path}: a script the clean build does not have: {script[:80]!r}")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") or name in ("style", "srcdoc", "autofocus"):
                problems.append(f"{path}: <{element.name} {name}=…> from {near(html, html.find(value))}")
            elif name in URL_ATTRIBUTES and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                problems.append(f"{path}: <{element.name} {name}={value[:40]!r}> from {near(html, html.find(value))}")
            elif name in ("src", "srcset", "poster", "data") and re.match(r"\s*(https?:)?//", value):
                problems.append(f"{path}: <{element.name} {name}={value[:40]!r}> loads from another host")
    for name in ("img", "iframe", "object", "embed", "base", "form", "input", "textarea", "image", "svg"):
        expected = len(clean_soup.find_all(name)) if clean_soup else 0
        if len(found := soup.find_all(name)) > expected:
            problems.append(f"{path}: {len(found) - expected} more <{name}> than the clean page: {near(html, 0)}")
    for script in soup.select('script[type="application/ld+json"], script[type="application/json"]'):
        json.loads(script.get_text())  # a breakout would leave invalid JSON
    for meta in soup.find_all("meta"):
        if set(meta.attrs) - {"name", "property", "content", "charset", "http-equiv", "media"}:
            problems.append(f"{path}: <meta {sorted(meta.attrs)}> (an attribute broke out of content)")
    return problems


@pytest.fixture(scope="module")
def clean_scripts(site) -> set[str]:
    scripts = set()
    for page in site.rglob("*.html"):
        scripts.update(executable_scripts(BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")))
    return scripts


def test_every_field_reaches_the_site_as_text_and_nothing_runs(hostile, clean_scripts, site):
    kind, site, fields, _ = hostile
    files = outputs(site)
    problems = []
    for path, text in files.items():
        if path.endswith(".html"):
            problems += markup_problems(path, text, clean_scripts, site / path)
        elif path.endswith("search_index.json"):
            for doc in json.loads(text)["docs"]:
                for key in ("title", "text"):
                    if re.search(r"<(script|img|svg|iframe)\b", doc[key], re.I):
                        problems.append(f"{path}: {doc['location']}: unescaped markup in {key}: {near(doc[key], 0)}")
        elif path.endswith(".atom"):  # a reader shows each entry's content as HTML, as it is (no sanitising)
            for content in ElementTree.fromstring(text.encode("utf-8")).iter("{http://www.w3.org/2005/Atom}content"):
                problems += markup_problems(f"{path}: <content>", content.text or "", clean_scripts)
        elif path.endswith(".csv"):
            for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
                problems += [
                    f"{path}: a cell starts a formula: {cell[:60]!r}" for cell in row if cell and cell[0] in "=+-@"
                ]
    assert not problems, f"payload '{kind}':\n" + "\n".join(dict.fromkeys(problems))
    everything = "\n".join(files.values())
    unseen = [field for field in fields if field not in everything]
    assert not unseen, f"fields that reach no page, download or script (is the test walking them?): {unseen}"


@pytest.mark.browser
def test_nothing_runs_in_chromium_nor_loads_from_elsewhere(hostile, browser):
    kind, site, _, _ = hostile
    problems = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs, foreign = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    def guard(route):
        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    with serving(site) as server:
        context.route("**/*", guard)
        for prefix, query in (("", "Ирак"), ("en/", "Iraq")):
            for path in PAGE_TYPES:
                page.goto(server + prefix + path)
                page.wait_for_load_state("load")
                if page.evaluate("typeof window.__pwned") != "undefined":
                    problems.append(f"{prefix}{path}: a payload ran ({page.evaluate('window.__pwned')})")
            # search: Material inserts the results' titles as HTML
            page.goto(server + prefix + "index.html")
            page.fill(".md-search__input", query)
            page.keyboard.press("End")  # Material searches on key events
            page.wait_for_selector(".md-search-result__link", timeout=10000)
            page.wait_for_timeout(300)
            if page.evaluate("typeof window.__pwned") != "undefined":
                problems.append(f"{prefix}search «{query}»: a payload ran ({page.evaluate('window.__pwned')})")
        context.close()
    assert not dialogs and not problems and not foreign, f"payload '{kind}': {problems} {dialogs} {foreign[:5]}"


@pytest.mark.build
@pytest.mark.parametrize("hostile", ["html"], indirect=True)  # the single files are made from the pages
def test_the_single_files_keep_every_payload_as_text(hostile, offline, tmp_path):
    offline_clean = offline
    _, _, _, project = hostile
    written = export(tmp_path / "dist", config_file=project / "mkdocs.yml")
    for locale in CODES:
        html = written[f"single_{locale}"].read_text(encoding="utf-8")
        assert "⟦missions.yml:missions.0.name." in html  # the poisoned data is in the file
        assert BeautifulSoup(html, "lxml").find("script") is None
        assert not markup_problems(f"article-{locale}.html", html, set(), offline_clean[f"single_{locale}"])


@pytest.mark.browser
@pytest.mark.parametrize("hostile", ["long"], indirect=True)
def test_a_long_word_in_any_field_widens_no_page_nor_cell(hostile, browser):
    """A 300-letter word and a long address in every field: at 390 and 1280 px no page scrolls
    sideways and no table cell is wider than the screen (a cell was 46,850 px wide)."""
    _, site, _, _ = hostile
    problems = []
    for width in (390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for prefix in ("", "en/"):
            for path in [*PAGE_TYPES, "corrections.html", "about.html", "method.html", "downloads.html"]:
                page.goto((site / prefix / path).as_uri())
                wide = page.evaluate(
                    """() => [document.scrollingElement.scrollWidth, document.documentElement.clientWidth,
                        Math.max(0, ...[...document.querySelectorAll('td, th')]
                            .map(c => c.getBoundingClientRect().width))]"""
                )
                if wide[0] > wide[1] or wide[2] > wide[1]:
                    problems.append(f"{width} px {prefix}{path}: page {wide[0]} px, widest cell {wide[2]:.0f} px")
        page.close()
    assert not problems, problems
