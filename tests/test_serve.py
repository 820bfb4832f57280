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


def wait_for(url: str, text: str, timeout: float = 90) -> str:
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_shows_edits_to_python_templates_and_data(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**QUIET_BANNERS, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    page = f"http://127.0.0.1:{port}/astana/round-7.html"
    try:
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
        # a data file
        edit(project / "data/astana_rounds.yml", "Joint statement on detainees", "Joint statement, edited")
        wait_for(f"http://127.0.0.1:{port}/en/astana/round-7.html", "Joint statement, edited")
    finally:
        server.terminate()
        server.wait(timeout=20)
