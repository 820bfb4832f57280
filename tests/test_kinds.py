"""The registry of data kinds (scripts/edition/kinds/): the engine asks every declared kind, and
no part of the engine names one. Shown with a throwaway kind added to the registry: its pages,
downloads, search entries, margin links, citable fragments, metadata and correction labels
appear without a line changed anywhere else."""

import ast
import sys
from datetime import date
from pathlib import Path

import pytest

from edition import kinds
from edition.citation import templates
from edition.corrections import page_label
from edition.data import load_data
from edition.fragments import page_fragments
from edition.kinds import Kind, Table
from edition.metadata import page_metadata
from edition.pages import article_links, download_tables, render_data_pages
from edition.search_index import data_entries

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "scripts" / "edition"


class Meetings(Kind):
    """A throwaway kind: meetings, one page each, quoting the article's paragraph 16."""

    name, file, folder, dataset = "meetings", "meetings.yml", "meetings", "meetings"

    def pages(self, data, locale, render):
        yield "meetings/index.md", f"# Meetings ({locale})\n"
        yield "meetings/m-1.md", f"# Meeting 1 ({locale})\n"

    def tables(self, data, locale):
        return [Table("meetings", "meetings", [{"meeting": 1, "where": "Astana"}])]

    def margin_records(self, data, locale):
        return [("meetings/m-1.md", "Meeting 1", data.missions.missions[0])]

    def search_entries(self, data, locale, entry):
        return [entry("meetings/m-1.html", "Meeting 1", "Astana")]

    def fragments(self, data, path):
        return {"cited": path, "fragments": {"title": {"t": {"ru": "Встреча 1", "en": "Meeting 1"}, "page": True}}}

    def event(self, data, path, locale):
        return {"name": "Meeting 1", "start": date(2020, 1, 1), "end": None, "place": "Astana"}

    def page_label(self, data, path, locale):
        return "Meeting 1" if path == "meetings/m-1.html" else None


@pytest.fixture(scope="module")
def data():
    return load_data()


@pytest.fixture
def with_meetings(monkeypatch):
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, Meetings()))
    for module in ("pages", "search_index"):  # the modules that loop over the registry by name
        monkeypatch.setattr(f"edition.{module}.KINDS", kinds.KINDS)
    monkeypatch.setattr("edition.kinds.FOLDERS", (*kinds.FOLDERS, "meetings"))


def test_a_new_kind_is_asked_by_every_part_of_the_engine(data, with_meetings, monkeypatch):
    monkeypatch.setattr("edition.pages.to_xlsx", lambda table, data, locale: b"")  # its columns have no strings
    monkeypatch.setattr("edition.pages.to_json", lambda table, data, locale: b"{}")
    outputs = render_data_pages(data, "en", templates(data.article, "en"))
    assert outputs["meetings/m-1.md"] == "# Meeting 1 (en)\n"
    assert outputs["meetings/meetings.csv"].decode("utf-8-sig") == "meeting,where\n1,Astana\n"
    assert "missions/iraq.md" in outputs  # and the declared kinds still
    assert [t.stem for t in download_tables(data, "en")][-1] == "meetings"
    assert {"location": "meetings/m-1.html", "title": "Meeting 1", "text": "Astana"} in data_entries(data, "en")
    margin = article_links(data, "en")
    assert any(url == "meetings/m-1.md" for links in margin.values() for url, _ in links)
    assert page_fragments(data, ROOT / "docs", "meetings/m-1.html")["fragments"]["title"]["t"]["en"] == "Meeting 1"
    assert page_fragments(data, ROOT / "docs", "m-1.html") is None  # only pages in the kind's folder
    assert page_label(data, "meetings/m-1.html", "en") == "Meeting 1"
    jsonld = page_metadata(data, "meetings/m-1.html", "en", "https://example.org/", "Meeting 1", "Site", "d")["jsonld"]
    assert (jsonld["@type"], jsonld["name"], jsonld["startDate"]) == ("Event", "Meeting 1", "2020-01-01")
    dataset = page_metadata(data, "meetings/index.html", "en", "https://example.org/", "Meetings", "Site", "d")
    assert dataset["jsonld"]["@type"] == "Dataset"
    assert dataset["jsonld"]["distribution"][1]["contentUrl"] == "https://example.org/en/meetings/meetings.csv"


def test_the_declared_kinds_are_the_loaded_data(data):
    assert [kind.name for kind in kinds.KINDS] == ["missions", "rounds", "funding", "facts", "names"]
    for kind in kinds.KINDS:
        assert isinstance(getattr(data, kind.name), kind.model)
    assert kinds.kind_of("missions/iraq.html").name == "missions"
    assert kinds.kind_of("missions.html") is None and kinds.kind_of("article.html") is None


def test_no_module_of_the_engine_names_a_kind():
    """A kind's folder, file or attribute is written in its own module (kinds/), its templates
    and its strings, nowhere else in the engine's code (its prose may give examples; the
    timeline, a figure of missions and rounds, is the one view of two kinds)."""
    folders = tuple(f"{kind.folder}/" for kind in kinds.KINDS)
    files, names = {kind.file for kind in kinds.KINDS}, {kind.name for kind in kinds.KINDS}
    found = []
    for path in sorted(ENGINE.rglob("*.py")):
        if "kinds" in path.parts or path.name in ("strings.py", "timeline.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
        for node in ast.walk(tree):
            named = (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and (node.value.startswith(folders) or node.value in files)
            ) or (isinstance(node, ast.Attribute) and node.attr in names and getattr(node.value, "id", "") == "data")
            if named:
                found.append(f"{path.relative_to(ENGINE)}:{node.lineno}: {ast.unparse(node)}")
    assert found == []


def test_the_check_finds_a_kind_named_in_the_engine(tmp_path, monkeypatch):
    """The check above can fail: a module that asks for data.missions is found."""
    (tmp_path / "stray.py").write_text('def f(data):\n    return data.missions, "astana/index.html"\n')
    monkeypatch.setattr(sys.modules[__name__], "ENGINE", tmp_path)
    with pytest.raises(AssertionError, match="stray.py:2"):
        test_no_module_of_the_engine_names_a_kind()
