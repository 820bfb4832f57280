"""A throw-away copy of the project, to build variants of it (a broken file, a redirect)."""

import contextlib
import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "test-artifacts"  # screenshots the browser tests keep for a look
PARTS = ["mkdocs.yml", "pyproject.toml", "docs", "data", "overrides", "scripts"]


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` under the path `prefix` (e.g. /edition/), 404 elsewhere."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(folder: Path, prefix: str | None = None):
    """`folder` over HTTP on 127.0.0.1 (a free port), under the path of the address the
    tests build for (EDITION_SITE_URL's, /edition/), or `prefix`; yields its base URL."""
    prefix = prefix or urlsplit(os.environ.get("EDITION_SITE_URL", "/")).path or "/"
    handler = functools.partial(type("Handler", (QuietHandler,), {"prefix": prefix}), directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()


def cite_this(page, selector: str) -> str:
    """Open the "cite this" box of the fragment at `selector` on an open page and copy its
    citation with the box's Copy button; what it copied."""
    page.hover(selector)
    page.click(f"{selector} .cite-this")
    page.wait_for_selector(".cite-box")
    page.click(".cite-box .cite-copy")
    return page.evaluate("navigator.clipboard.readText()")


def failed_build(project: Path):
    """The BuildFailed of building the copy `project` into a folder beside it (the test fails
    if the build succeeds)."""
    import pytest

    from build_site import BuildFailed, build_site

    with pytest.raises(BuildFailed) as failure:
        build_site(project.parent / "site", config_file=project / "mkdocs.yml")
    return failure.value


def load_mkdocs_config(config_file: Path):
    """`config_file` loaded as `mkdocs build` loads it, hooks and all, without the hooks' fresh
    import of the edition's modules (scripts/hooks.py) replacing the ones this test process holds."""
    from mkdocs.config import load_config

    kept = {name: module for name, module in sys.modules.items() if name == "edition" or name.startswith("edition.")}
    try:
        return load_config(str(config_file))
    finally:
        for name in [name for name in sys.modules if name == "edition" or name.startswith("edition.")]:
            del sys.modules[name]
        sys.modules.update(kept)
