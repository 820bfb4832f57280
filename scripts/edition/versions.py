"""Versions: every release of the edition stays readable at its own address, so that a
citation made today still leads to the text that was cited.

- The current version is the site itself (its addresses never move: data/published_urls.yml);
  it is also copied whole to versions/<version>/, its permanent address, which citations may
  name.
- An older release is rebuilt from the commit data/corrections.yml names (git archive, then
  that commit's own scripts/build_site.py, run with that commit's own pinned dependencies, its
  requirements.lock, not today's: release_python) into versions/<version>/, and its pages get a
  banner: which version this is, the current version of the same page, the corrections since.
- Every page has a version menu in its header, with Material's own markup and styles
  (.md-version, which Material's JS draws from mike's versions.json; here it is written into
  the page, so it works without script and from file://). versions/versions.json lists the
  versions in mike's format, where Material's selector would look for it under versions/.

scripts/build_site.py (publish) builds the archives and hands their page lists to the site's
build in its options (options.py: archives); scripts/edition/build.py puts the menu into the
current pages."""

import fcntl
import hashlib
import json
import os
import posixpath
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .citation import KEY
from .compat_material import BEFORE_HEADER, HEADER_TOPIC
from .contract import relative_href
from .corrections import release_id
from .locales import FOLDERS
from .render import render
from .strings import STRINGS, format_date

ARCHIVE_FOLDER = "versions/"
HTML_LANG = re.compile(r'<html lang="([a-z]+)"')
SERVER_FILES = ("_nginx.conf", "_headers", "_redirects")  # the site's own, at its root only
# a citation key as an older release wrote it, without the version (citation.KEY)
VERSIONLESS_KEY = re.compile(re.escape(KEY.format(language="")) + "(?:" + "|".join(FOLDERS) + r")(?!-v\d)")


class ArchiveError(RuntimeError):
    pass


def html_pages(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html"))


# ---------------------------------------------------------------------------- the menu
def version_menu(data, locale: str, page: str, position: str, archives: dict[str, list[str]]) -> str:
    """The header's version menu on `page` (a path from the root of the site or archive it is
    in), which is the current site (`position` "") or the archive at `position`
    ("versions/0.1.0/"). Each version links to the same page in it when it has that page."""
    releases = data.corrections.releases
    current = releases[0].version
    shown = position.removeprefix(ARCHIVE_FOLDER).rstrip("/") or current
    to_root = "../" * position.count("/")
    here_dir = posixpath.dirname(page)

    def link(target: str) -> str:
        return relative_href(to_root + target, here_dir)

    items = [{"title": current, "href": link(page), "note": STRINGS[locale]["release_current"]}]
    for release in releases[1:]:
        pages = archives.get(release.version)
        if pages is None:
            continue
        target = page if page in pages else f"{FOLDERS[locale]}index.html"
        items.append(
            {"title": release.version, "href": link(f"{ARCHIVE_FOLDER}{release.version}/{target}"), "note": ""}
        )
    history = link(f"{FOLDERS[locale]}corrections.html#releases")
    return render("version_menu.html", t=STRINGS[locale], shown=shown, items=items, history=history)


def insert_menu(html: str, menu: str) -> str:
    """`html` with `menu` after the site name in Material's header (.md-header__topic)."""
    html, count = HEADER_TOPIC.subn(lambda match: match[1] + menu, html, count=1)
    if not count:
        raise ArchiveError("no .md-header__topic in the page: Material's header changed")
    return html


# ---------------------------------------------------------------------------- the archives
def banner(data, version: str, locale: str, page: str, position: str) -> str:
    """The note on every page of an older version: which it is, and where the current one is."""
    releases = data.corrections.releases
    release = next(r for r in releases if r.version == version)
    to_root = "../" * position.count("/")
    here = posixpath.dirname(page) or "."
    current_page = posixpath.relpath(to_root + page, here)
    log = posixpath.relpath(f"{to_root}{FOLDERS[locale]}corrections.html", here)
    return render(
        "archive_banner.html",
        t=STRINGS[locale],
        version=version,
        date=format_date(release.date, locale),
        current=releases[0].version,
        current_page=current_page,
        corrections=f"{log}#{release_id(releases[0].version)}",
    )


def finish_archive(data, folder: Path, version: str, archives: dict[str, list[str]]) -> None:
    """Give every page of the archive at `folder` (versions/<version>/) its menu, and, for an
    older version, the banner; drop the server rules, which only the site's root has."""
    position = f"{ARCHIVE_FOLDER}{version}/"
    current = data.corrections.releases[0].version
    for name in SERVER_FILES:
        (folder / name).unlink(missing_ok=True)
    for page in html_pages(folder):
        path = folder / page
        html = path.read_text(encoding="utf-8")
        match = HTML_LANG.search(html)
        locale = match[1] if match and match[1] in FOLDERS else next(iter(FOLDERS))
        if HEADER_TOPIC.search(html) is None:
            continue  # a redirect page: no header
        html = insert_menu(html, version_menu(data, locale, page, position, archives))
        if version != current:
            note = banner(data, version, locale, page, position)
            html = BEFORE_HEADER.sub(lambda _, note=note: note, html, count=1)
            html = with_version_in_keys(html, version)
        path.write_text(html, encoding="utf-8")
    if version != current:  # its citation templates, which its own code wrote without it
        for script in folder.rglob("citations-*.js"):
            script.write_text(with_version_in_keys(script.read_text(encoding="utf-8"), version), encoding="utf-8")


def with_version_in_keys(text: str, version: str) -> str:
    """`text` with the version in each citation key (kazakhstan-conflicts-edition-ru ->
    …-ru-v0.1.0), as the current code writes it in a permanent copy (citation.key_suffix): an
    older release's entries must not take the current version's keys (issue 22)."""
    return VERSIONLESS_KEY.sub(lambda match: f"{match[0]}-v{version}", text)


def versions_json(data, archives: dict[str, list[str]]) -> str:
    """mike's versions.json: [{version, title, aliases}], newest first; "latest" is current."""
    entries = [
        {"version": release.version, "title": release.version, "aliases": ["latest"] if index == 0 else []}
        for index, release in enumerate(data.corrections.releases)
        if release.version in archives
    ]
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"


def build_old_release(root: Path, commit: str, target: Path, site_url: str, version: str) -> None:
    """The site of `commit` (a release), built by that commit's own code into `target`, for
    the address `site_url`. Needs the commit in this clone's history."""
    if subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=root, capture_output=True).returncode:
        raise ArchiveError(
            f"commit {commit[:12]} (a release in data/corrections.yml) is not in this clone: "
            "fetch the whole history (git fetch --unshallow) to build the archived versions"
        )
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct", commit], cwd=root, text=True, capture_output=True, check=True
    ).stdout.strip()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".archive-src-", dir=target.parent) as scratch:
        source = Path(scratch)
        tar = subprocess.run(["git", "archive", "--format=tar", commit], cwd=root, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(source)], input=tar.stdout, check=True)
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("EDITION_") and key not in ("SOURCE_DATE_EPOCH", "OFFLINE")
        }
        environment.update({"EDITION_SITE_URL": site_url, "SOURCE_DATE_EPOCH": epoch})
        result = subprocess.run(
            _release_build_command(source, target, site_url, version),
            cwd=source,
            env=environment,
            text=True,
            capture_output=True,
        )
        if result.returncode:
            raise ArchiveError(f"the build of {commit[:12]} failed:\n{result.stderr[-2000:]}")


# How a release that can build its own permanent copy builds it: as its publish() built
# versions/<its version>/ while it was current (one build_site() for that version), not its
# whole publishing run, which would rebuild the releases before it from a git history its
# unpacked source has not got, and print its PDFs again. Releases whose build_site.py names
# PERMANENT_COPY_OPTION take it as an option; 0.2.0's took it from the environment.
OWN_PERMANENT_COPY = (
    "import sys; from pathlib import Path; sys.path.insert(0, 'scripts'); import build_site; "
    "build_site.build_site(Path(sys.argv[1]), env={'EDITION_SITE_URL': sys.argv[2]}, "
    "options={build_site.PERMANENT_COPY_OPTION: sys.argv[3]})"
)
OWN_PERMANENT_COPY_BY_ENVIRONMENT = (
    "import sys; from pathlib import Path; sys.path.insert(0, 'scripts'); import build_site; "
    "build_site.build_site(Path(sys.argv[1]), env={'EDITION_SITE_URL': sys.argv[2], 'EDITION_ARCHIVE_OF': sys.argv[3]})"
)


def _release_build_command(source: Path, target: Path, site_url: str, version: str) -> list[str]:
    """The command that builds release `version`, unpacked in `source`, for `site_url`: its own
    permanent copy where its code knows one (0.2.0 on), else its build script (0.1.0)."""
    script = (source / "scripts" / "build_site.py").read_text(encoding="utf-8")
    python = release_python(source / "requirements.lock")
    if "PERMANENT_COPY_OPTION" in script:
        return [python, "-c", OWN_PERMANENT_COPY, str(target), site_url, version]
    if "EDITION_ARCHIVE_OF" in script:
        return [python, "-c", OWN_PERMANENT_COPY_BY_ENVIRONMENT, str(target), site_url, version]
    return [python, "scripts/build_site.py", str(target)]


RELEASE_VENVS = Path(__file__).resolve().parents[2] / ".venv-releases"  # git-ignored (.venv*/)
CURRENT_LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"


def release_python(lock: Path) -> str:
    """The Python of a virtual environment with a release's own pinned dependencies (`lock`,
    its requirements.lock, installed with its hashes from the package index), made once and
    kept in RELEASE_VENVS under the lock's hash: an upgrade of today's MkDocs, Material or
    mkdocs-static-i18n neither breaks an older release's build nor changes its archive. A lock
    the same as today's is today's environment (the same pins)."""
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()[:16]
    if CURRENT_LOCK.is_file() and hashlib.sha256(CURRENT_LOCK.read_bytes()).hexdigest()[:16] == digest:
        return sys.executable
    venv = RELEASE_VENVS / digest
    python = venv / "bin" / "python"
    RELEASE_VENVS.mkdir(exist_ok=True)
    with open(RELEASE_VENVS / f"{digest}.lock", "w") as held:  # two builds at once make it once
        fcntl.flock(held, fcntl.LOCK_EX)
        if not (venv / ".complete").is_file():
            subprocess.run(["rm", "-rf", str(venv)], check=True)  # what an interrupted run left
            made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
            pinned = made.returncode == 0 and subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 "--require-hashes", "-r", str(lock)],
                capture_output=True, text=True,
            )  # fmt: skip
            if not pinned or pinned.returncode:
                failed = pinned or made
                raise ArchiveError(
                    f"could not install a release's pinned dependencies ({lock.name}) into {venv}:\n"
                    f"{(failed.stderr or failed.stdout)[-1500:]}"
                )
            (venv / ".complete").touch()
    return str(python)
