"""Build both languages, strictly, into a fresh folder; then swap it into place.

A build that fails (a warning in strict mode, a bad file) leaves the previous site/ exactly
as it was: readers and `make serve` never see a half-written site. Two builds into the same
folder wait for each other (a lock beside it); what an interrupted build left behind is
cleared by the next one; the new folder replaces the old in one step where Linux can exchange
two folders atomically (renameat2), so site/index.html is never missing; and the site can be
read by everyone the umask allows (a web server's user, too).

    python scripts/build_site.py site            # what `make site` runs
"""

import contextlib
import ctypes
import fcntl
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIET_BANNERS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
FALLBACK_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip file can hold


# How a later release builds this one's permanent copy (edition/versions.py): build_site() with
# the option below, the version it is a copy of.
PERMANENT_COPY_OPTION = "archive_of"


def build_site(
    target: Path,
    config_file: Path = ROOT / "mkdocs.yml",
    env: dict | None = None,
    engine: str = "mkdocs",
    downloads: dict[str, Path] | None = None,
    archives: dict[str, Path] | None = None,
    options: dict | None = None,
    offline: bool = False,
):
    """Build into `target` (replaced only on success) with `engine` (mkdocs, or its maintained
    fork properdocs). Returns the finished process, whose stdout holds the build log; raises
    BuildFailed with that log when the build fails. `env`: variables to set (None: to unset).
    `downloads`: files to publish in target/downloads/ (their names and sizes are in the pages).
    `archives`: version -> a finished archive (edition/versions.py), copied to versions/<version>/.
    `options`: the edition's build options (edition/options.py: parallel, archive_of); `offline`:
    the profile for file:// (Material's offline plugin). The options travel in a configuration
    file that inherits `config_file` (build_config), not in the environment."""
    target = target.resolve()
    edition = dict(options or {})
    if downloads:
        edition["downloads"] = {path.name: path.stat().st_size for path in downloads.values()}
    if archives:
        edition.update(archive_options(archives))
    environment = {**os.environ, **QUIET_BANNERS, "SOURCE_DATE_EPOCH": source_date_epoch(), **(env or {})}
    with staging_for(target) as staging, build_config(config_file, edition, offline) as config:
        command = [sys.executable, "-m", engine, "build", "--strict", "--clean",
                   "--config-file", str(config), "--site-dir", str(staging)]  # fmt: skip
        result = subprocess.run(
            command,
            cwd=config_file.parent,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # one log, in the order it was written
            env={name: value for name, value in environment.items() if value is not None},
        )
        if result.returncode != 0:
            raise BuildFailed(result.stdout)
        for path in (downloads or {}).values():
            (staging / "downloads").mkdir(exist_ok=True)
            shutil.copy2(path, staging / "downloads" / path.name)
        for version, folder in (archives or {}).items():
            shutil.copytree(folder, staging / "versions" / version)
    return result


@contextlib.contextmanager
def build_config(config_file: Path, edition: dict, offline: bool):
    """`config_file` itself, or (with options) a configuration file beside it that inherits it
    and sets the edition's options (extra.edition) and the offline profile, for one build."""
    if not edition and not offline:
        yield config_file
        return
    settings = {"INHERIT": config_file.name, "extra": {"edition": edition}}
    if offline:
        settings["plugins"] = {"offline": {"enabled": True}}
    path = config_file.with_name(f".mkdocs-build-{os.getpid()}-{secrets.token_hex(4)}.yml")
    path.write_text(json.dumps(settings, ensure_ascii=False, sort_keys=True), encoding="utf-8")  # JSON is YAML
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def archive_options(archives: dict[str, Path]) -> dict:
    """What the site's build needs to know of the archives: their pages (for the version
    menu) and their inline scripts (for the one Content-Security-Policy of the site)."""
    from edition.hosting import inline_scripts
    from edition.versions import html_pages

    pages = {version: html_pages(folder) for version, folder in archives.items()}
    scripts = set()
    for version, folder in archives.items():
        for page in pages[version]:
            scripts |= inline_scripts((folder / page).read_text(encoding="utf-8"))
    return {"archives": pages, "archive_scripts": sorted(scripts)}


@contextlib.contextmanager
def staging_for(target: Path):
    """A fresh folder beside `target` to write into; on a clean exit it takes `target`'s place.
    Held under a lock on `target`, so that two runs take turns."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with exclusive(target):
        clear_leftovers(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
        try:
            yield staging
            staging.chmod(0o777 & ~current_umask())  # mkdtemp makes it private
            swap_into_place(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def exclusive(target: Path, wait: bool = True):
    """Hold the lock file beside `target` (waiting for another run on the same folder), and
    remove it when done; yields True. With `wait` False, yields False at once if another run
    holds it. A run that waited on a file a finished run has removed since locks the new one
    instead, so that removing it never lets two runs in at once."""
    path = target.with_name(f".{target.name}.lock")
    while True:
        lock = open(path, "a")  # noqa: SIM115  (closed below, after the lock is released)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            yield False
            return
        try:
            if os.fstat(lock.fileno()).st_ino == os.stat(path).st_ino:
                break  # the file we hold is still the lock file
        except FileNotFoundError:
            pass
        lock.close()
    try:
        yield True
    finally:
        path.unlink(missing_ok=True)  # while still holding it: a new run makes a new file
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def clear_leftovers(target: Path) -> None:
    """What an interrupted run (a build or a `make site` that publishes) left beside `target`;
    a publishing run's scratch folder only once no such run holds its lock."""
    for leftover in target.parent.glob(f".{target.name}-building-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(target.with_name(f".{target.name}-old"), ignore_errors=True)
    with exclusive(target.with_name(f"{target.name}-publish"), wait=False) as free:
        if free:
            clear_publishing_scratch(target)


def clear_publishing_scratch(target: Path) -> None:
    """The scratch folders of publishing runs into `target`; called holding their lock."""
    for leftover in target.parent.glob(f".{target.name}-publish-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def swap_into_place(staging: Path, target: Path) -> None:
    """Put `staging` where `target` is; afterwards `staging` holds the old `target` (or nothing)."""
    if target.exists() and exchange(staging, target):
        return
    retired = target.with_name(f".{target.name}-old")
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False where the
    system cannot, and the caller renames in two steps."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


LAST_EPOCH = 4102444799  # 2099-12-31 23:59:59 UTC: the data's years end with 2099 too


def source_date_epoch() -> str:
    """The build's date for MkDocs (sitemap dates) and for the offline zip: $SOURCE_DATE_EPOCH,
    else the last commit's time, so that two builds of one commit are byte-identical.
    BuildFailed, in one line, if the variable is not a number of seconds in range."""
    if value := os.environ.get("SOURCE_DATE_EPOCH"):
        if not (value.isascii() and value.isdigit() and int(value) <= LAST_EPOCH):
            raise BuildFailed(
                f"SOURCE_DATE_EPOCH={value[:40]!r}: not a whole number of seconds since 1970-01-01 "
                f"from 0 to {LAST_EPOCH} (the end of 2099)"
            )
        return str(int(value))
    try:
        return (
            subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=ROOT, text=True, capture_output=True, check=True
            ).stdout.strip()
            or FALLBACK_EPOCH
        )
    except (OSError, subprocess.CalledProcessError):
        return FALLBACK_EPOCH


class BuildFailed(Exception):
    """The build stopped; the message is MkDocs' own log."""

    def errors(self) -> str:
        """The log's error and warning lines, without MkDocs' INFO chatter; for a build that
        crashed, the exception's own line instead of its traceback."""
        log = str(self).splitlines()
        lines = [line for line in log if line.startswith(("ERROR", "WARNING"))]
        if "Traceback (most recent call last):" in log:
            lines.append(next(line for line in reversed(log) if line.strip() and not line.startswith(" ")))
        return "\n".join(lines) or str(self).strip()


class NoPublicAddress(Exception):
    """What is made to be handed out must cite the edition at its public address."""


def public_address() -> str:
    """EDITION_SITE_URL, the address the published files cite and link to, with its trailing
    slash; NoPublicAddress while it is unset or the placeholder (a preview, `make serve`, needs
    none); BuildFailed if it is not a plain https address (edition/address.py)."""
    from edition.address import AddressError, checked_address, is_placeholder

    address = os.environ.get("EDITION_SITE_URL", "")
    if is_placeholder(address):
        raise NoPublicAddress(
            "EDITION_SITE_URL is not set to the edition's public address: the offline files cite and link to it "
            "(e.g. EDITION_SITE_URL=https://example.org/edition/ make offline)"
        )
    try:
        return checked_address(address)[0]
    except AddressError as error:
        raise BuildFailed(str(error)) from None


def publish(target: Path):
    """The complete site to publish: the offline files (zip, single files, PDFs) built first
    into a scratch folder, then the site with them in downloads/. Needs the public address."""
    from export_offline import export  # it builds with this module

    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with exclusive(target.with_name(f"{target.name}-publish")):  # two runs take turns
        clear_publishing_scratch(target)  # an interrupted run's
        with tempfile.TemporaryDirectory(prefix=f".{target.name}-publish-", dir=target.parent) as scratch:
            files = export(Path(scratch) / "dist")
            archives = build_archives(Path(scratch) / "versions")
            return build_site(
                target, downloads={name: path for name, path in files.items() if path.exists()}, archives=archives
            )


def build_archives(folder: Path) -> dict[str, Path]:
    """Every release at its permanent address: the older ones rebuilt from their commits, the
    current one from this tree, each for <address>versions/<version>/, with its version menu
    and, if older, its banner (edition/versions.py)."""
    from edition.data import load_data
    from edition.versions import ArchiveError, build_old_release, finish_archive, html_pages

    data, site_url = load_data(), public_address()
    releases = data.corrections.releases
    built = {}
    try:
        for release in releases[1:]:
            built[release.version] = folder / release.version
            url = f"{site_url}versions/{release.version}/"
            build_old_release(ROOT, release.commit, built[release.version], url, release.version)
    except ArchiveError as error:
        raise BuildFailed(str(error)) from None
    current = releases[0].version
    built[current] = folder / current
    build_site(
        built[current], env={"EDITION_SITE_URL": f"{site_url}versions/{current}/"}, options={"archive_of": current}
    )
    pages = {version: html_pages(path) for version, path in built.items()}
    for version, path in built.items():
        finish_archive(data, path, version, pages)
    return built


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    try:
        try:
            public_address()
        except NoPublicAddress:
            print(
                "A preview: EDITION_SITE_URL is not set, so the downloads (PDF, HTML, zip), which cite it, are left out"
            )
            result = build_site(target)
        else:
            result = publish(target)
    except BuildFailed as failure:
        sys.stderr.write(f"{failure.errors()}\nBuild failed; {target} was left as it was.\n")
        return 1
    except OSError as error:  # the output folder cannot be written: read-only, full
        sys.stderr.write(f"{error.filename or target}: {error.strerror}\nBuild failed; {target} was left as it was.\n")
        return 1
    sys.stderr.write(result.stdout)
    print(f"Built {target}")
    return 0


if __name__ == "__main__":
    # one module, whatever imports it again (export_offline does): one BuildFailed to catch
    import build_site

    sys.exit(build_site.main(sys.argv))
