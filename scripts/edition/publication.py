"""What the published edition offers around the text: its downloads (the PDF, the EPUB, the
single HTML file and the offline zip of each language, the data tables) and its imprint.

`make site` with a public address builds the offline files first and passes their names and
sizes to the site's build in its options (options.py: downloads; scripts/build_site.py), which
puts the files into site/downloads/. Without it the build is a preview: the pages say that the downloads
are not there. The offline copy itself links to the downloads of the public site."""

import posixpath
import tomllib
from pathlib import Path

from babel.numbers import format_decimal

from .kinds import FOLDERS as DATA_FOLDERS
from .locales import BY_CODE, FOLDERS
from .render import render
from .strings import STRINGS, format_date

PROJECT_NAME = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "name"
]  # the zip's name, as scripts/export_offline.py writes it
DOWNLOADS_FOLDER = "downloads/"  # in the site's root, shared by both languages
KINDS = ("pdf", "epub", "html", "zip")  # the files each language offers, in this order


def file_names(version: str, name: str) -> dict[str, dict[str, str]]:
    """locale -> kind -> the file's name in downloads/ (the zip holds both languages)."""
    return {
        locale: {
            "pdf": f"article-{locale}.pdf",
            "epub": f"article-{locale}.epub",
            "html": f"article-{locale}.html",
            "zip": f"{name}-offline-{version}.zip",
        }
        for locale in FOLDERS
    }


def human_size(size: int, locale: str) -> str:
    """1 234 567 bytes as «1,2 МБ» / "1.2 MB"."""
    units = STRINGS[locale]["size_units"]
    value, unit = float(size), 0
    while value >= 1000 and unit < len(units) - 1:
        value, unit = value / 1024, unit + 1
    return f"{format_decimal(round(value, 1 if value < 10 else 0), locale=locale)}{units[unit]}"


def downloads_context(data, locale: str, page_dest: str, site_url: str, offline: bool, sizes, names) -> dict:
    """What the footer and the downloads page show on the page at `page_dest` (from the site
    root): `state` "published" (links and sizes), "offline" (a link to the public site) or
    "preview" (nothing to download)."""
    here = posixpath.dirname(page_dest) or "."
    downloads_page = posixpath.relpath(f"{FOLDERS[locale]}downloads.html", here)
    if offline:
        return {"state": "offline", "page": f"{site_url}{FOLDERS[locale]}downloads.html"}
    if not sizes:
        return {"state": "preview", "page": downloads_page}
    files = []
    for kind in KINDS:
        name = names[locale][kind]
        if name in sizes:
            href = posixpath.relpath(f"{DOWNLOADS_FOLDER}{name}", here)
            files.append({"kind": kind, "href": href, "name": name, "size": human_size(sizes[name], locale)})
    return {"state": "published", "page": downloads_page, "files": files}


def data_files(generated: dict[str, str | bytes], locale: str, page_dir: str) -> list[dict]:
    """The spreadsheet (XLSX), CSV and JSON tables of the data pages of `locale`, with their
    sizes; `generated`: the files made from data/ (pages.generated_files)."""
    found = []
    for folder in DATA_FOLDERS:
        for suffix in ("xlsx", "csv", "json"):
            prefix = f"{locale}/{folder}/"
            for path in sorted(p for p in generated if p.startswith(prefix) and p.endswith(f".{suffix}")):
                name = path.removeprefix(prefix)
                if "/" in name:
                    continue  # the folder's own files only
                found.append(
                    {
                        "href": posixpath.relpath(f"{folder}/{name}", page_dir or "."),
                        "name": name,
                        "page": posixpath.relpath(f"{folder}/index.html", page_dir or "."),
                        "title": STRINGS[locale]["download_titles"][name.rpartition(".")[0]],
                        "size": human_size(len(generated[path]), locale),
                    }
                )
    return found


def downloads_page(locale: str, context: dict, tables: list[dict]) -> str:
    return render("downloads.html", t=STRINGS[locale], downloads=context, tables=tables)


def imprint(data, locale: str, site_url: str) -> str:
    """The imprint's facts, from data/article.yml: the one place they are kept."""
    edition = data.article.edition
    return render(
        "imprint.html",
        t=STRINGS[locale],
        title=data.article.title[locale],
        version=edition.version,
        date=format_date(edition.date, locale),
        licence=edition.license,
        contact=edition.contact,
        site_url=site_url,
        feed="corrections.atom",  # beside about.html, in the language's folder
    )


def report_link(contact: str | None) -> dict | None:
    """data/article.yml's edition.contact as a link: where readers report an error (None: the
    publisher has not given one yet, and the pages say so)."""
    if not contact:
        return None
    return {"href": contact, "text": contact.removeprefix("mailto:")}


def footer(data, locale: str, page_dest: str, downloads: dict) -> dict:
    """What overrides/partials/copyright.html shows at the foot of the page at `page_dest`."""
    t, edition = STRINGS[locale], data.article.edition
    here = posixpath.dirname(page_dest) or "."
    return {
        "edition": t["edition_genre"][:1].upper() + t["edition_genre"][1:],
        "version": t["footer_version"].format(version=edition.version, date=format_date(edition.date, locale)),
        "about": posixpath.relpath(f"{FOLDERS[locale]}about.html", here),
        "about_label": t["footer_about"],
        "report": report_link(edition.contact),
        "report_label": t["footer_report"],
        "no_report": t["footer_no_report"],
        "licence": edition.license,
        "licence_label": t["footer_licence"],
        "downloads_label": t["footer_downloads"],
        "downloads": downloads,
        "kinds": t["download_short"],
        "all_files": t["footer_all_files"],
        "on_the_site": t["footer_on_the_site"],
        "preview": t["footer_preview"],
        "data_tables": t["footer_data_tables"],
    }


def title_block(data, locale: str, path: str, others: tuple[str, ...]) -> str:
    """The block under the title of `path` (the home page or the article, in its language
    folder); `others`: the codes of the languages it links to."""
    t, edition = STRINGS[locale], data.article.edition
    up = "../" * path.count("/")
    releases = data.corrections.releases  # newest first
    corrected = [r for r in releases[:-1] if any(c.version == r.version for c in data.corrections.corrections)]
    history = {
        "first": t["history_first"].format(date=format_date(releases[-1].date, locale), version=releases[-1].version),
        "corrected": t["history_corrected"].format(
            version=corrected[0].version, date=format_date(corrected[0].date, locale)
        )
        if corrected
        else "",
        "log": f"{up}corrections.html",
        "log_label": t["history_log"],
    }
    return render(
        "title_block.html",
        t=t,
        history=history,
        genre=t["edition_genre"][:1].upper() + t["edition_genre"][1:],
        version=t["footer_version"].format(version=edition.version, date=format_date(edition.date, locale)),
        cite_href="#cite" if path == "article.html" else f"{up}cite.html",
        downloads_href=f"{up}downloads.html",
        others=[
            {
                "href": posixpath.relpath(
                    f"{FOLDERS[code]}{path}", posixpath.dirname(f"{FOLDERS[locale]}{path}") or "."
                ),
                "lang": code,
                "label": BY_CODE[code].name,
            }
            for code in others
        ],
    )


def not_found_context(data, locale: str, root: str) -> dict:
    """What overrides/404.html and the footer show on the "not found" page of `locale`, which a
    server sends for a missing page at any depth: every link from `root`, the address's path."""
    t = STRINGS[locale]
    folder = f"{root}/{FOLDERS[locale]}"
    report = report_link(data.article.edition.contact)
    page = {
        "title": t["not_found_title"],
        "text": t["not_found_text"],
        "home": f"{folder}index.html",
        "home_label": t["not_found_home"],
        "article": f"{folder}article.html",
        "article_label": t["not_found_article"],
        "report": report,
        "report_label": t["footer_report"],
        "no_report": t["footer_no_report"],
    }
    bottom = footer(data, locale, f"{FOLDERS[locale]}404.html", {"state": "published", "files": [], "page": ""})
    bottom["about"] = f"{folder}about.html"
    bottom["downloads"]["page"] = f"{folder}downloads.html"
    return {"edition_not_found": page, "edition_footer": bottom}
