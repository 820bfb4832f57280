"""Build both languages, strictly, into a fresh folder; then swap it into place.

A build that fails (a warning in strict mode, a bad file) leaves the previous site/ exactly
as it was: readers and `make serve` never see a half-written site.

    python scripts/build_site.py site            # what `make site` runs
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIET_BANNERS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
FALLBACK_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip file can hold


def build_site(target: Path, config_file: Path = ROOT / "mkdocs.yml", env: dict | None = None, engine: str = "mkdocs"):
    """Build into `target` (replaced only on success) with `engine` (mkdocs, or its maintained
    fork properdocs). Returns the finished process, whose stdout holds the build log; raises
    BuildFailed with that log when the build fails."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    command = [
        sys.executable,
        "-m",
        engine,
        "build",
        "--strict",
        "--clean",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(staging),
    ]
    result = subprocess.run(
        command,
        cwd=config_file.parent,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one log, in the order it was written
        env={**os.environ, **QUIET_BANNERS, "SOURCE_DATE_EPOCH": source_date_epoch(), **(env or {})},
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(result.stdout)
    swap_into_place(staging, target)
    return result


def source_date_epoch() -> str:
    """The build's date for MkDocs (sitemap dates) and for the offline zip: $SOURCE_DATE_EPOCH,
    else the last commit's time, so that two builds of one commit are byte-identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        return (
            subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=ROOT, text=True, capture_output=True, check=True
            ).stdout.strip()
            or FALLBACK_EPOCH
        )
    except (OSError, subprocess.CalledProcessError):
        return FALLBACK_EPOCH


def swap_into_place(staging: Path, target: Path) -> None:
    retired = target.with_name(f".{target.name}-old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


class BuildFailed(Exception):
    """The build stopped; the message is MkDocs' own log."""


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    try:
        result = build_site(target)
    except BuildFailed as failure:
        sys.stderr.write(str(failure))
        sys.stderr.write(f"\nBuild failed; {target} was left as it was.\n")
        return 1
    sys.stderr.write(result.stdout)
    print(f"Built {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
