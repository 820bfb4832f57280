"""Builds are atomic, locked and clean: site/ is swapped in whole and readable by others,
two runs into one folder take turns, an interrupted run leaves nothing the next one keeps,
and a failed export says why in a line, leaving dist/ as it was."""

import os
import subprocess
import sys
import threading

import pytest

from build_site import BuildFailed, build_site, staging_for

from project import copy_project

pytestmark = pytest.mark.build


def test_the_site_is_readable_as_the_umask_allows(tmp_path):
    previous = os.umask(0o022)
    try:
        with staging_for(tmp_path / "site") as staging:
            (staging / "index.html").write_text("x", encoding="utf-8")
    finally:
        os.umask(previous)
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o755


def test_leftovers_of_an_interrupted_run_are_cleared(tmp_path):
    leftover = tmp_path / ".site-building-abc123"
    (leftover / "assets").mkdir(parents=True)
    (tmp_path / ".site-old").mkdir()
    with staging_for(tmp_path / "site") as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # the lock file goes with the run


def test_the_new_site_takes_the_place_of_the_old_in_one_step(tmp_path):
    """While a build swaps site/ in, a reader keeps finding index.html."""
    site = tmp_path / "site"
    with staging_for(site) as staging:
        (staging / "index.html").write_text("0", encoding="utf-8")
    missing, stop = [], threading.Event()

    def read():
        while not stop.is_set():
            if not (site / "index.html").is_file():
                missing.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    for round_ in range(1, 40):
        with staging_for(site) as staging:
            (staging / "index.html").write_text(str(round_), encoding="utf-8")
    stop.set()
    reader.join()
    assert (site / "index.html").read_text(encoding="utf-8") == "39"
    assert not missing, f"index.html was missing {len(missing)} times"


def test_two_builds_into_one_folder_take_turns(tmp_path):
    project = copy_project(tmp_path / "project")
    site, errors = tmp_path / "site", []

    def run():
        try:
            build_site(site, config_file=project / "mkdocs.yml")
        except Exception as error:  # noqa: BLE001  (any failure is the finding)
            errors.append(error)

    builds = [threading.Thread(target=run) for _ in range(2)]
    for build in builds:
        build.start()
    for build in builds:
        build.join()
    assert not errors
    assert (site / "index.html").is_file() and (site / "en" / "article.html").is_file()
    assert not list(tmp_path.glob(".site-building-*"))


def test_a_failed_export_says_why_in_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "dist").mkdir()
    (project / "dist" / "earlier.txt").write_text("an earlier export", encoding="utf-8")
    missions = project / "data" / "missions.yml"
    missions.write_text(missions.read_text("utf-8").replace("date: 2008-10-21", "date: 2002-10-21"), "utf-8")
    result = subprocess.run(
        [sys.executable, "scripts/export_offline.py"], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.splitlines() == [
        "ERROR   -  data/missions.yml:32: missions.0.end.date: end 2002-10-21 is before start 2003-08-19",
        "Export failed; dist/ was left as it was.",
    ]
    assert [p.name for p in (project / "dist").iterdir()] == ["earlier.txt"]


def test_build_failed_keeps_only_the_error_lines():
    log = "INFO    -  Building\nERROR   -  data/x.yml:3: bad\n\nAborted with a BuildError!\n"
    assert BuildFailed(log).errors() == "ERROR   -  data/x.yml:3: bad"
