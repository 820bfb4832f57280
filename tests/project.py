"""A throw-away copy of the project, to build variants of it (a broken file, a redirect)."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "test-artifacts"  # screenshots the browser tests keep for a look
PARTS = ["mkdocs.yml", "docs", "data", "overrides", "scripts"]


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination
