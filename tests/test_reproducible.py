"""Two builds of one commit are byte-identical, and ProperDocs builds the same site as MkDocs."""

import re
import subprocess
from datetime import UTC, datetime

import pytest

from build_site import ROOT, build_site

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files_of(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(site, tmp_path):
    again = tmp_path / "again"
    build_site(again)
    first, second = files_of(site), files_of(again)
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_sitemap_dates_come_from_the_last_commit_not_the_clock(site):
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, text=True, capture_output=True, check=True
    ).stdout.strip()
    day = datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%d")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text("utf-8")))
    assert dates == {day}


def test_properdocs_builds_the_same_site(site, tmp_path):
    forked = tmp_path / "properdocs"
    build_site(forked, engine="properdocs")
    mkdocs, properdocs = files_of(site), files_of(forked)
    assert mkdocs.keys() == properdocs.keys()
    differ = [path for path in mkdocs if GENERATOR.sub(b"", mkdocs[path]) != GENERATOR.sub(b"", properdocs[path])]
    assert differ == []
    assert b"ProperDocs" in properdocs["article.html"] and b"mkdocs-1.6.1" in mkdocs["article.html"]


@pytest.mark.build  # it builds the site twice itself: not in the quick tier
def test_the_languages_built_side_by_side_make_the_site_the_plugin_builds_in_turn(tmp_path):
    """edition/parallel.py builds English in a second process while Russian builds; the site
    must be the one mkdocs-static-i18n builds one language after the other."""
    side_by_side, in_turn = tmp_path / "side-by-side", tmp_path / "in-turn"
    log = build_site(side_by_side).stdout
    assert "documentation to directory: " in log and "/.other-languages/en" in log  # English was forked
    log = build_site(in_turn, options={"parallel": False}).stdout
    assert ".other-languages" not in log
    forked, plugins_order = files_of(side_by_side), files_of(in_turn)
    assert forked.keys() == plugins_order.keys()
    assert [path for path in forked if forked[path] != plugins_order[path]] == []
