"""The edition's citations as the outside world reads them: citation-js (the importer many
reference tools share; Node, tests/js/) parses the BibTeX, RIS and CSL-JSON a reader copies,
and citeproc-js, a second CSL engine, formats the edition's items with the edition's own
styles. Cited: the work, a paragraph, a section, a round and a mission, in both languages.

What is checked is what a reference manager keeps: the type, title, URL, language, dates,
the fragment's label and the key; and that citeproc-js prints what the cite pages print."""

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

import citeproc
import pytest

from edition import citation
from edition.citation import FORMATS, FORMATS_BY_ID, templates
from edition.data import load_data
from edition.fragments import page_fragments
from edition.locales import CODES

from expected import ACCESSED, ROOTS
from project import ROOT

pytestmark = pytest.mark.build  # runs Node: outside the quick tier
CLIENTS = ROOT / "tests" / "js"
DATA = load_data()
RECORD = DATA.article
ROUND = DATA.rounds.rounds[4].n
MISSION = DATA.missions.missions[0].id
EDITION_DATE = RECORD.edition.date
ISSUED = {"date-parts": [[EDITION_DATE.year, EDITION_DATE.month, EDITION_DATE.day]]}  # this version's date
# (page it is cited from, fragment id on that page): the work, a paragraph, a section, a
# round (from the Astana page's table: cited as its own page) and a mission
CITED = [
    ("article.html", ""),
    ("article.html", "p12"),
    ("article.html", "introduction"),
    ("astana/index.html", f"round-{ROUND}"),
    (f"missions/{MISSION}.html", "title"),
]
LABELS = {  # the fragment's label a reference manager must keep, by language
    "p12": {"ru": "абз. 12", "en": "para. 12"},
    "introduction": {"ru": "разд. «Введение»", "en": "section “Introduction”"},
    f"round-{ROUND}": {
        "ru": f"разд. «{ROUND}-й раунд Астанинского процесса»",
        "en": f"section “Round {ROUND} of the Astana process”",
    },  # fmt: skip
}


def run_clients(request: dict) -> dict:
    node = shutil.which("node")
    assert node, "Node.js is needed for the citation clients (Debian: apt-get install -y nodejs)"
    assert (CLIENTS / "node_modules" / "@citation-js" / "core").is_dir(), (
        "citation-js is not installed: npm ci --prefix tests/js (make test does it)"
    )
    done = subprocess.run(
        [node, str(CLIENTS / "clients.mjs")], input=json.dumps(request), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@cache
def fragments_of(path: str) -> dict:
    return page_fragments(DATA, ROOT / "docs", path)


@cache
def page_templates(locale: str) -> dict:
    return templates(RECORD, locale)


def copied(format_id: str, locale: str, path: str, fragment_id: str, accessed=ACCESSED) -> str:
    """What a reader on `path` in `locale` copies for `fragment_id` ("" the work)."""
    found = fragments_of(path)
    fragment = found["fragments"][fragment_id] if fragment_id else None
    fmt = FORMATS_BY_ID[format_id]
    return citation.cite(
        page_templates(locale), RECORD, locale, ROOTS, found["cited"], fmt, fragment, fragment_id, accessed
    )


def expected_url(locale: str, path: str, fragment_id: str) -> str:
    fragment = fragments_of(path)["fragments"].get(fragment_id, {})
    page = fragment.get("u") or fragments_of(path)["cited"]
    return ROOTS[locale] + page + ("" if not fragment_id or fragment.get("page") else f"#{fragment_id}")


def expected_key(locale: str, path: str, fragment_id: str) -> str:
    """The work's key, and a titled part's own (a paragraph is cited under the work's)."""
    fragment = fragments_of(path)["fragments"][fragment_id] if fragment_id else {}
    key = fragment["k"] if fragment and "n" not in fragment else ""
    return f"kazakhstan-conflicts-edition-{locale}" + (f"-{key}" if key else "")


@pytest.fixture(scope="module")
def imported():
    """{(format, locale, path, fragment): the CSL item citation-js makes of the copied text}."""
    cases = [(fmt.id, locale, path, fid) for fmt in FORMATS if fmt.machine for locale in ROOTS for path, fid in CITED]
    request = {"parse": [{"format": case[0], "text": copied(*case)} for case in cases]}
    answer = run_clients(request)
    items = {}
    for case, parsed in zip(cases, answer["parsed"], strict=True):
        assert len(parsed) == 1, (case, parsed)
        items[case] = parsed[0]
    return items


@pytest.mark.parametrize("format_id", ["bibtex", "ris", "csl-json"])
@pytest.mark.parametrize("locale", CODES)
@pytest.mark.parametrize("path, fragment_id", CITED, ids=lambda value: value or "work")
def test_citation_js_imports_what_was_cited(imported, format_id, locale, path, fragment_id):
    """A titled part comes in as a web page with its own title and the edition as its
    container; a paragraph as the work itself (cited with a locator), its place kept in RIS
    as a note; the language, dates, key and version everywhere; no author, no note field."""
    item = imported[format_id, locale, path, fragment_id]
    fragment = fragments_of(path)["fragments"][fragment_id] if fragment_id else {}
    if fragment and "n" not in fragment:  # a section, a round, a mission: a part of the edition
        # citation-js reads @inbook as a chapter of its booktitle, and RIS T2 of a web page as
        # its collection (Zotero: the website's title)
        assert item["type"] == {"bibtex": "chapter"}.get(format_id, "webpage")
        assert item["title"] == fragment["t"][locale]
        assert item.get("container-title", item.get("collection-title")) == RECORD.title[locale]
        assert item["URL"] == expected_url(locale, path, fragment_id)
    else:
        assert item["type"] == "webpage"
        assert item["title"] == RECORD.title[locale] and "container-title" not in item
        assert item["URL"] == expected_url(locale, "article.html", "")
    assert item["language"] == {"bibtex": {"ru": "russian", "en": "english"}[locale]}.get(format_id, locale)
    assert item["issued"] == ISSUED
    assert item["accessed"] == {"date-parts": [[2026, 12, 1]]}
    assert item["id"] == expected_key(locale, path, fragment_id)
    if format_id == "bibtex":
        assert item["citation-key"] == item["id"]
    assert "author" not in item
    if format_id == "ris" and fragment_id == "p12":  # the place, kept as a note
        assert item["note"][0] == f"{LABELS['p12'][locale]}: {expected_url(locale, path, fragment_id)}"


def test_keys_of_pasted_citations_are_distinct(imported):
    """Five citations pasted into one .bib file: four entries (the paragraph's is the work's,
    the same entry), none a duplicate with other fields."""
    for locale in ROOTS:
        keys = [imported["bibtex", locale, path, fid]["id"] for path, fid in CITED]
        assert len(set(keys)) == len(CITED) - 1 and keys[0] == keys[1], keys
        assert keys == [imported["csl-json", locale, path, fid]["id"] for path, fid in CITED]


def test_without_script_nothing_false_is_imported():
    """Copied without script (no access date known): citation-js imports no access date at
    all, rather than a placeholder read as a date."""
    cases = [(fmt.id, locale) for fmt in FORMATS if fmt.machine for locale in ROOTS]
    answer = run_clients(
        {"parse": [{"format": f, "text": copied(f, locale, "article.html", "p12", None)} for f, locale in cases]}
    )
    for case, (item,) in zip(cases, answer["parsed"], strict=True):
        assert "accessed" not in item, case
        assert item["issued"] == ISSUED, case


# ---------------------------------------------------------------------------- citeproc-js
def test_citeproc_js_formats_the_edition_as_the_pages_do():
    """The items and locators citeproc-py is given (citation.engine_input), formatted by
    citeproc-js with the same CSL files and the same ru-RU locale: the same strings as the
    cite pages, for every style, fragment and language."""
    locales = Path(citeproc.__file__).parent / "data" / "locales"
    styles = {fmt.id: (citation.STYLES / fmt.style).read_text(encoding="utf-8") for fmt in FORMATS if fmt.style}
    requests, cases = [], []
    for fmt in FORMATS:
        if not fmt.style:
            continue
        for locale in ROOTS:
            for path, fragment_id in CITED:
                language = fmt.language or locale
                found = fragments_of(path)
                fragment = found["fragments"][fragment_id] if fragment_id else {}
                kind = "work" if not fragment else "paragraph" if "n" in fragment else "section"
                value = (
                    str(fragment["n"])
                    if "n" in fragment
                    else fragment["t"][fmt.heading or language]
                    if fragment
                    else None
                )
                key = fragment.get("k", "")
                item = citation.csl_item(RECORD, language, expected_url(language, path, fragment_id), ACCESSED, key)
                item, locator = citation.engine_input(fmt, item, RECORD, kind, value)
                where = {"label": locator.label, "locator": locator.identifier} if locator else None
                lang = {"ru": "ru-RU", "en": "en-US"}[language if fmt.id != "in-russ" else "en"]
                if fmt.id == "apa":  # the reference entry, then the in-text citation
                    requests.append({"style": fmt.id, "lang": "en-US", "item": item, "mode": "bibliography"})
                    requests.append(
                        {"style": fmt.id, "lang": "en-US", "item": item, "locator": where, "mode": "citation"}
                    )
                else:
                    requests.append({"style": fmt.id, "lang": lang, "item": item, "locator": where, "mode": "citation"})
                cases.append((fmt.id, locale, path, fragment_id, bool(locator) and fmt.id == "apa"))
    answer = run_clients(
        {
            "styles": styles,
            "locales": {
                code: (locales / f"locales-{code}.xml").read_text(encoding="utf-8") for code in ("ru-RU", "en-US")
            },
            "format": requests,
        }
    )
    formatted = iter(answer["formatted"])
    differences = []
    for format_id, locale, path, fragment_id, in_text in cases:
        js = next(formatted)
        if format_id == "apa":
            in_text_js = next(formatted)
            js = f"{js}\n{in_text_js}" if in_text else js
        python = copied(format_id, locale, path, fragment_id)
        if js != python:
            at = next((i for i, pair in enumerate(zip(js, python, strict=False)) if len(set(pair)) > 1), len(js))
            differences.append(
                f"{format_id} {locale} {path}#{fragment_id}, from character {at} "
                f"({js[at : at + 1]!r} / {python[at : at + 1]!r}):\n  citeproc-js: {js}\n  pages:       {python}"
            )
    assert not differences, "\n".join(differences)
