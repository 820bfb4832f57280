"""The offline edition, in dist/: the whole site as a zip that works from file://, and one
self-contained HTML file, PDF and EPUB per language.

    python scripts/export_offline.py            # what `make offline` runs

The site is the same build as the web edition with the offline profile on (offline=True:
Material's offline plugin, search inlined for file://); the export only removes what a
reader never loads, then zips it with fixed timestamps and file order, so that two exports
of the same commit are byte-identical."""

import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from epub import write_epubs

from build_site import ROOT, BuildFailed, NoPublicAddress, build_site, public_address, source_date_epoch, staging_for
from single_file import write_single_files

DIST = ROOT / "dist"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME, VERSION = PROJECT["name"], PROJECT["version"]
# Never loaded by a reader of this edition (searches run in Russian or English only).
UNUSED = [
    re.compile(r".*\.map$"),
    re.compile(r"^sitemap\.xml(\.gz)?$"),
    re.compile(r"^(?:[a-z]{2}/)?404\.html$"),  # a server's "not found" pages, root-absolute links: never seen offline
    re.compile(r"^_(?:nginx\.conf|headers|redirects)$"),  # rules for web servers (scripts/edition/hosting.py)
    re.compile(r"^assets/javascripts/lunr/(tinyseg|wordcut)\.js$"),
    re.compile(r"^assets/javascripts/lunr/min/lunr\.(?!ru\.|multi\.|stemmer\.support\.)[a-z]+\.min\.js$"),
]


def export(dist: Path = DIST, config_file: Path = ROOT / "mkdocs.yml") -> dict[str, Path]:
    """Build the offline site and write the zip, the single files and the PDFs into a fresh
    folder that then takes the place of `dist` (one run's complete output, never a mix; two
    runs take turns); return their paths."""
    public_address()
    dist = dist.resolve()
    with staging_for(dist) as staging:
        outputs = write_export(staging, config_file)
    return {name: dist / path.relative_to(staging) for name, path in outputs.items()}


def write_export(dist: Path, config_file: Path) -> dict[str, Path]:
    site = dist / f"{NAME}-{VERSION}"
    build_site(site, config_file=config_file, offline=True)
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and any(pattern.match(relative) for pattern in UNUSED):
            path.unlink()
    archive = dist / f"{NAME}-offline-{VERSION}.zip"
    write_zip(site, archive, timestamp())
    made = datetime.fromtimestamp(int(source_date_epoch()), tz=UTC)
    singles = write_single_files(site, dist, made.date())
    pdfs = {f"pdf_{name.removeprefix('single_')}": print_to_pdf(path) for name, path in singles.items()}
    epubs = write_epubs(singles, dist, made)
    shutil.rmtree(site)  # the zip holds it; dist/ is what is handed out
    return {"zip": archive, **singles, **{k: v for k, v in pdfs.items() if v}, **epubs}


def print_to_pdf(single_file: Path) -> Path | None:
    """An A4 PDF of a single file, printed by headless Chromium with the file's own print
    stylesheet (citation line in every page's footer, internal links kept). None, with a line
    saying why, when there is no Chromium."""
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print(f"PDF of {single_file.name} skipped: Chromium not found (apt-get install -y chromium)")
        return None
    target = single_file.with_suffix(".pdf")
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            single_file.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    make_reproducible(target)
    return target


PDF_DATE = re.compile(rb"/(?:CreationDate|ModDate) \(D:(\d{14})")
PDF_NODE_ID = re.compile(rb"\(node(\d{8})\)")


def make_reproducible(pdf: Path) -> None:
    """Chromium stamps the moment of printing into the PDF, and numbers the structure elements
    of its tagged PDF by the browser's internal node ids, which vary from run to run: the
    build's date goes in instead, and the ids are renumbered in order of appearance (same
    lengths, so the file's cross-reference offsets stay right). Two exports are identical."""
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(int(source_date_epoch()))).encode("ascii")
    data = PDF_DATE.sub(lambda match: match[0][: match.start(1) - match.start(0)] + stamp, pdf.read_bytes())
    numbers: dict[bytes, bytes] = {}
    data = PDF_NODE_ID.sub(lambda m: b"(node%08d)" % int(numbers.setdefault(m[1], b"%d" % len(numbers))), data)
    pdf.write_bytes(data)


def write_zip(folder: Path, archive: Path, when: tuple) -> None:
    """Zip `folder` (as its own top folder) with sorted entries, one fixed timestamp and
    fixed permissions: the same files give the same bytes."""
    temporary = archive.with_suffix(".zip.tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
            if path.is_file():
                info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", when)
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zipped.writestr(info, path.read_bytes(), compresslevel=9)
    temporary.replace(archive)


def timestamp() -> tuple:
    """The zip entries' time: the build's date (SOURCE_DATE_EPOCH or the last commit)."""
    moment = time.gmtime(int(source_date_epoch()))
    return tuple(max(value, floor) for value, floor in zip(moment[:6], (1980, 1, 1, 0, 0, 0), strict=True))


def main() -> int:
    try:
        outputs = export()
    except NoPublicAddress as problem:
        print(problem, file=sys.stderr)
        return 1
    except BuildFailed as failure:
        print(failure.errors(), file=sys.stderr)
        print(f"Export failed; {DIST.relative_to(ROOT)}/ was left as it was.", file=sys.stderr)
        return 1
    except OSError as error:  # the output folder cannot be written: read-only, full
        print(f"{error.filename or DIST}: {error.strerror}", file=sys.stderr)
        print(f"Export failed; {DIST.relative_to(ROOT)}/ was left as it was.", file=sys.stderr)
        return 1
    for name, path in outputs.items():
        print(f"{name:10} {path.relative_to(ROOT)}  {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
