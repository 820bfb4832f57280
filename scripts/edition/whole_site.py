"""What the build does once every language is built (build.on_post_build), one step each, in
the order of WHOLE_SITE: the steps that need the whole site on disk, both languages in it.
Each step takes the site's folder, MkDocs' configuration and the build's state (build_state.py)."""

from pathlib import Path

from .compat_material import offline_enabled
from .contract import relative_url
from .corrections import FEED, atom_feed, check_corrections_placed
from .facing import fill_facing_pages
from .hosting import inline_scripts, minify_assets, without_source_maps, write_server_rules
from .locales import CODES, DEFAULT, FOLDERS
from .render import render
from .search_index import split_search_index
from .strings import STRINGS
from .template_scripts import checked_scripts
from .versions import ARCHIVE_FOLDER, versions_json


def search_indexes(site_dir: Path, config, state) -> None:
    """Material's one index of both languages, split into one per language (search_index.py)."""
    split_search_index(site_dir, FOLDERS, state.data)


def redirect_pages(site_dir: Path, config, state) -> None:
    """A page at each moved page's old address of the contract, forwarding to its new one."""
    contract = config.extra["contract"]
    contract.check_redirects(site_dir)
    for old, new in contract.page_redirects().items():
        target = site_dir / old
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(relative_url(old, new)), encoding="utf-8")


def not_found_pages(site_dir: Path, config, state) -> None:
    """Each other language's 404 page into its folder (build.on_post_template)."""
    for locale, page in state.not_found_pages.items():
        if FOLDERS[locale]:
            (site_dir / FOLDERS[locale] / "404.html").write_text(page, encoding="utf-8")


def facing_pages(site_dir: Path, config, state) -> None:
    """Each language's facing page filled with the rows of both built articles (facing.py)."""
    fill_facing_pages(site_dir)


def table_rules(site_dir: Path, config, state) -> None:
    """Material's rules for tables before the edition's own stylesheet (tables.py)."""
    stylesheet = site_dir / "assets" / "edition.css"
    own = stylesheet.read_text(encoding="utf-8")
    if not own.startswith(state.table_css):  # (a `mkdocs serve --dirty` rebuild keeps the file)
        stylesheet.write_text(state.table_css + own, encoding="utf-8")


def light_assets(site_dir: Path, config, state) -> None:
    """The edition's scripts and styles minified, no source maps, Material's stylesheets in the
    edition's cuts (palette.py, material_css.py) in place of the originals."""
    minify_assets(site_dir)
    without_source_maps(site_dir)
    stylesheets = site_dir / "assets" / "stylesheets"
    for stylesheet in state.cut_stylesheets:
        (stylesheets / stylesheet.name).write_text(stylesheet.css, encoding="utf-8")
        for name in (stylesheet.original, stylesheet.original + ".map"):
            (stylesheets / name).unlink(missing_ok=True)


def corrections_placed(site_dir: Path, config, state) -> None:
    """Every place the corrections log names is on the site, with its mark (corrections.py)."""
    check_corrections_placed(site_dir, state.data, state.marks_placed)


def feeds(site_dir: Path, config, state) -> None:
    """Each language's corrections feed; not in the offline copy, which links the published ones."""
    if not offline_enabled(config):
        for locale, folder in FOLDERS.items():
            (site_dir / folder / FEED).write_text(atom_feed(state.data, locale, config.site_url or ""), "utf-8")


def versions_list(site_dir: Path, config, state) -> None:
    """versions/versions.json, the releases and their archives, where archives are built."""
    if state.options.archives:
        (site_dir / ARCHIVE_FOLDER).mkdir(exist_ok=True)
        (site_dir / ARCHIVE_FOLDER / "versions.json").write_text(
            versions_json(state.data, state.options.archives), "utf-8"
        )


def server_rules(site_dir: Path, config, state) -> None:
    """The web servers' rules (hosting.py): redirects, and the one Content-Security-Policy,
    which allows the inline scripts of every page, the archives' and those written here."""
    contract = config.extra["contract"]
    written = [*contract.page_redirects(), *(f"{FOLDERS[locale]}404.html" for locale in state.not_found_pages)]
    state.inline_scripts.update(state.options.archive_scripts)
    for page in written:  # written here or by on_post_template, not through on_post_page
        scripts = inline_scripts((site_dir / page).read_text(encoding="utf-8"))
        state.inline_scripts.update(checked_scripts(page, scripts, state.allowed_scripts))
    write_server_rules(site_dir, config.site_url, contract.page_redirects(), FOLDERS, state.inline_scripts)


WHOLE_SITE = (
    search_indexes,
    redirect_pages,
    not_found_pages,
    facing_pages,
    table_rules,
    light_assets,
    corrections_placed,
    feeds,
    versions_list,
    server_rules,
)


def redirect_page(url: str) -> str:
    """A page that forwards to `url`, keeping the #fragment the reader came with."""
    return render("redirect.html", url=url, lang=DEFAULT.code, moved={code: STRINGS[code]["moved"] for code in CODES})
