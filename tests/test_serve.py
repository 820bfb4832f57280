"""`mkdocs serve` (what `make serve` runs) shows an edit at the next rebuild, whatever was
edited: the edition's Python, a template, a data file. No restart."""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from build_site import QUIET_BANNERS

from project import copy_project

pytestmark = pytest.mark.build


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, text: str, timeout: float = 90, shown: bool = True) -> str:
    """The page at `url` once it shows `text` (or, `shown` false, once it no longer does); a
    request that times out while the server rebuilds is tried again."""
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if (text in body) == shown:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} {'did not show' if shown else 'still showed'} {text!r} after {timeout} s")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def serve(tmp_path):
    """`mkdocs serve` of a copy of the project: yields (project, base URL, log file)."""
    project = copy_project(tmp_path / "project")
    port, log = free_port(), tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**QUIET_BANNERS, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield project, f"http://127.0.0.1:{port}/", log
        finally:
            server.terminate()
            server.wait(timeout=20)


def test_serve_shows_edits_to_python_templates_and_data(serve):
    project, base, _ = serve
    page = base + "astana/round-7.html"
    wait_for(page, "7-й раунд Астанинского процесса")
    # the edition's Python (a module imported by hooks.py)
    edit(
        project / "scripts/edition/strings.py",
        '"{n}-й раунд Астанинского процесса"',
        '"{n}-й раунд (правка)"',
    )
    wait_for(page, "7-й раунд (правка)")
    # a template
    edit(
        project / "scripts/edition/templates/round.md.j2",
        "{{ t.overview }} {#overview}",
        "Сводка {#overview}",
    )
    wait_for(page, "Сводка")
    # a theme template (compiled once per process, compiled_templates.py: its edit is seen)
    edit(project / "overrides/partials/copyright.html", "{{ f.edition | e }} ·", "{{ f.edition | e }} (правка) ·")
    wait_for(page, "(правка) ·")
    # a data file
    edit(project / "data/astana_rounds.yml", "Joint statement on detainees", "Joint statement, edited")
    wait_for(base + "en/astana/round-7.html", "Joint statement, edited")


def test_a_data_error_is_shown_in_the_browser_and_goes_with_the_fix(serve):
    project, base, log = serve
    page = base + "missions/iraq.html"
    wait_for(page, "Казбат")
    rebuilds = log.read_text().count("Building documentation")
    edit(project / "data/missions.yml", "date: 2008-10-21", "date: 2002-10-21")
    body = wait_for(page, "edition-problem")
    assert "data/missions.yml:32: missions.0.end.date: end 2002-10-21 is before start 2003-08-19" in body
    assert "Данные не прочитаны" in body and "Казбат" in body  # the last good data, still readable
    wait_for(base + "en/missions/iraq.html", "The data could not be read")
    edit(project / "data/missions.yml", "date: 2002-10-21", "date: 2008-10-21")
    wait_for(page, "edition-problem", timeout=60, shown=False)  # the banner goes with the fix
    time.sleep(3)  # time enough for a second, needless rebuild to start
    assert log.read_text().count("Building documentation") == rebuilds + 2, "one rebuild per save"
