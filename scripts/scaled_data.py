"""A copy of the project with `factor` times the records, made from the real ones, to see how
the build and the pages grow with the data (`make bench`, its scaling section).

The rounds of the Astana process are repeated after the real ones, numbers continued, one
round a week (2,200 rounds at 100x end in 2066); the missions are repeated under new
ids (`iraq-2`). Every other file is the project's own, so the copy builds like the real site.

    python scripts/scaled_data.py 100 /tmp/edition-100x     # then: cd there; mkdocs build
"""

import copy
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PARTS = ["mkdocs.yml", "pyproject.toml", "docs", "data", "overrides", "scripts"]


def scaled_project(factor: int, target: Path) -> Path:
    """Copy the project into `target` with `factor` times the rounds and missions."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(source, target / part)
    data = target / "data"
    rounds = _load(data / "astana_rounds.yml")
    originals = rounds["rounds"]
    scaled = copy.deepcopy(originals)  # the real rounds as they are, then copies, one a week
    last = date.fromisoformat(str(originals[-1]["end"]))
    for n in range(len(originals) + 1, factor * len(originals) + 1):
        round_ = copy.deepcopy(originals[(n - 1) % len(originals)])
        start = last + timedelta(weeks=n - len(originals))
        round_.update(n=n, start=start.isoformat(), end=(start + timedelta(days=1)).isoformat(), after_article=True)
        round_.pop("planned", None)  # only the real 15th round was postponed
        scaled.append(round_)
    rounds["rounds"] = scaled
    _dump(data / "astana_rounds.yml", rounds)
    missions = _load(data / "missions.yml")
    missions["missions"] = [
        {**copy.deepcopy(mission), "id": mission["id"] if k == 1 else f"{mission['id']}-{k}"}
        for k in range(1, factor + 1)
        for mission in missions["missions"]
    ]
    _dump(data / "missions.yml", missions)
    return target


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


if __name__ == "__main__":
    print(scaled_project(int(sys.argv[1]), Path(sys.argv[2])))
