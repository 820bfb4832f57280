"""Does a change alter the built site? Build a commit (default: HEAD) and the working tree the
same way, with the same date, and compare every file byte for byte. A refactoring should
print "identical"; otherwise the differing files are listed (and a unified diff of the first
few text files), and the exit code is 1.

    python scripts/compare_builds.py [REF]       # what `make compare REF=...` runs
"""

import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SHOWN_DIFFS = 3


def build(project: Path, target: Path) -> None:
    """The strict build of both languages, as `make site` does it, dated 1 January 2030."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=project,
        check=True,
        env={**os.environ, **QUIET, "SOURCE_DATE_EPOCH": "1893456000"},
    )


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def main(argv: list[str]) -> int:
    ref = argv[1] if len(argv) > 1 else "HEAD"
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        worktree = scratch / "ref"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(worktree), ref], cwd=ROOT, check=True)
        try:
            build(worktree, scratch / "before")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=True)
        build(ROOT, scratch / "after")
        before, after = files(scratch / "before"), files(scratch / "after")
    changed = sorted(path for path in before.keys() & after.keys() if before[path] != after[path])
    added, removed = sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys())
    if not (changed or added or removed):
        print(f"identical: {len(after)} files, the working tree builds the same site as {ref}")
        return 0
    for label, paths in (("changed", changed), ("added", added), ("removed", removed)):
        for path in paths:
            print(f"{label:8} {path}")
    for path in [p for p in changed if p.endswith((".html", ".js", ".css", ".json", ".xml"))][:SHOWN_DIFFS]:
        old = before[path].decode("utf-8", "replace").splitlines()
        new = after[path].decode("utf-8", "replace").splitlines()
        sys.stdout.writelines(line[:300] + "\n" for line in difflib.unified_diff(old, new, path, path, n=0))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
