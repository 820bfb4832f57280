"""The edition's build steps, one function per MkDocs event, in the order MkDocs calls them
(scripts/hooks.py hands each event here; it also sets their priorities).

mkdocs-static-i18n runs one build per language (ru into site/, en into site/en/), so every
step runs once per language and must be idempotent. What a top-level build knows is one
BuildState (build_state.py), made in on_config; this module is loaded afresh for each
top-level build, so the state of one build never leaks into the next."""

import html
import logging
import posixpath
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import rjsmin
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from . import compat_i18n as i18n
from . import compat_material, compat_mkdocs, facing, parallel
from .address import checked_address, is_placeholder
from .build_state import BuildState
from .citation import templates as citation_templates
from .cite_blocks import cite_block, cite_panel
from .cite_buttons import CiteButtonError, named_headings, with_cite_buttons
from .compiled_templates import InMemory
from .contract import load_contract
from .corrections import FEED, corrections_markup, mark_corrections, releases_markup
from .crosslinks import resolve_cross_links
from .data import DATA_DIR, load_data
from .fragments import FragmentError, page_fragments
from .hosting import inline_scripts
from .html_check import unsafe_markup
from .kinds import FOLDERS as GENERATED
from .locales import BY_CODE, CODES, DEFAULT, FOLDERS, check_i18n_languages, others
from .markdown_source import body_first_line, headings_without_id, paragraphs, sequence_errors
from .markers import MarkerError, Verb, expand_markers
from .material_css import cut_main
from .metadata import page_metadata
from .options import build_options
from .pages import ELEMENT_ID, article_links, generated_files, unwrap_html_blocks, wrap_html_blocks
from .palette import color_schemes, cut_palette
from .paragraphs import ParagraphNumbers
from .publication import (
    PROJECT_NAME,
    data_files,
    downloads_context,
    downloads_page,
    file_names,
    footer,
    imprint,
    not_found_context,
    title_block,
)
from .render import render
from .source_files import check_source_folders
from .strings import EDITION_JS_KEYS, STRINGS, strings_for_js, ui_string
from .tables import material_table_rules, wrapped_tables
from .template_scripts import StrayScript, checked_scripts, record_template_scripts
from .timeline import render_timeline
from .typography import tie_russian
from .versions import (
    ARCHIVE_FOLDER,
    ArchiveError,
    insert_menu,
    version_menu,
)
from .whole_site import WHOLE_SITE
from .yaml_source import DataError

# Not a logger under "mkdocs": in strict mode MkDocs would count the message as a failure.
log = logging.getLogger("edition")
STATE: BuildState | None = None  # this build's; made by on_config at the start of each build

HEADING = re.compile(r"<h[1-6]\b([^>]*)>")
HEADING_CLASS, HEADING_ID = re.compile(r'\bclass="([^"]*)"'), re.compile(r'\bid="([^"]*)"')
WHITESPACE_COUNTS = re.compile(  # elements whose whitespace is shown or runs: kept as they are
    r"(<(?:pre|textarea|script|style)\b.*?</(?:pre|textarea|script|style)>)", re.DOTALL | re.IGNORECASE
)
COPIED = re.compile(r'(data-clipboard-text="[^"]*")')  # an attribute's text a reader copies
INDENTATION = re.compile(r"\n[ \t]+")


# ---------------------------------------------------------------------------- configuration
def taken_from_material(config) -> dict:
    """What the build takes from the installed Material's stylesheets (BuildState fields): its
    palette cut to the edition's colours, the colour schemes (palette.py), its rules for tables
    (tables.py). ValueError or OSError if they are not as the edition needs them."""
    palette = cut_palette(config.theme.dirs, config.theme.get("palette"))
    main_css = cut_main(config.theme.dirs)
    return {
        "palette": palette,
        "main_css": main_css,
        "schemes": color_schemes(config.theme.get("palette"), palette.css if palette else ""),
        "table_css": material_table_rules(config.theme.dirs),
    }


def on_config(config, fallback: BuildState | None = None):
    """`fallback`: under `mkdocs serve`, the last build's state, shown with an error banner
    when the data cannot be read now (the terminal alone would leave the browser waiting)."""
    global STATE
    if offline_build(config):
        # Web Workers do not start from file://: the search worker needs this shim, vendored.
        compat_material.load_polyfills(config, [compat_material.IFRAME_WORKER_SHIM])
    new_build = not i18n.building_another_language(config)  # then read the data and Material once for all
    try:
        if new_build:  # before anything is read from them
            check_source_folders([Path(config.docs_dir), DATA_DIR, Path(config.theme.custom_dir or config.docs_dir)])
        if config.site_url:  # printed into every page: only as a browser reads it (address.py)
            config.site_url, warning = checked_address(config.site_url, "site_url (EDITION_SITE_URL)")
            if warning and new_build:
                log.warning(warning)
        check_i18n_languages(i18n.configured_languages(config))
        config.extra["contract"] = load_contract()
        options = build_options(config)
        from_material = taken_from_material(config) if new_build else {}
    except (DataError, ValueError, OSError) as error:
        raise PluginError(str(error)) from None
    if new_build:
        try:
            data = load_data()
            STATE = BuildState(
                data=data,
                options=options,
                citations={code: citation_templates(data.article, code) for code in CODES},
                margin_links={code: article_links(data, code) for code in CODES},
                **from_material,
            )
            published = not is_placeholder(config.site_url) and options.archive_of is None
            if published and data.article.edition.contact is None:
                log.warning(
                    "data/article.yml: edition.contact is not set, so the published pages say that no address "
                    "for error reports has been published (give a mailto: or https: address)"
                )
        except (DataError, ValueError) as error:
            if fallback is None:
                raise PluginError(str(error)) from None
            log.error(str(error))
            STATE = replace(fallback, problem=str(error), fragments={}, not_found_pages={})
    # This language's paragraph numbers (the same config serves every language's build).
    locale = i18n.language_being_built(config, DEFAULT.code)
    config.markdown_extensions[:] = [
        extension for extension in config.markdown_extensions if not isinstance(extension, ParagraphNumbers)
    ]
    config.markdown_extensions.append(ParagraphNumbers(locale, STATE.margin_links[locale]))
    return config


def on_pre_build(config, serving: bool = False):
    """data/*.yml -> the Markdown pages and downloads of both languages, once per top-level
    build (for `mkdocs build`, each language in a process): files of the build (on_files)."""
    if STATE.generated is None:

        def render(locales):
            return lambda: generated_files(STATE.data, STATE.citations, locales)

        wanted = parallel.wanted(serving, STATE.options.parallel)
        parts = parallel.each_in_a_process([render([code]) for code in CODES]) if wanted else [render(CODES)()]
        STATE.generated = {path: content for part in parts for path, content in part.items()}


def add_generated_files(files, config):
    """The pages made from data/ join the files MkDocs found in docs/, at the paths they would
    have there (ru/missions/iraq.md), before mkdocs-static-i18n sorts the files into languages.
    A file in docs/ under a data kind's folder is left from the time these were written there:
    the generated folders are the data's, so it is not built."""
    for file in list(files):
        if file.src_uri in STATE.generated or stale_generated(file.src_uri):
            files.remove(file)
    added = [compat_mkdocs.placeholder_file(path, config) for path in STATE.generated]
    return compat_mkdocs.in_docs_order(files, config.docs_dir, added)


def fill_generated_files(files, config):
    """After mkdocs-static-i18n has made its own copy of each file: give the generated ones
    their content (its copies would be read from docs/, where they are not)."""
    for file in files:
        if file.src_uri in STATE.generated:
            compat_mkdocs.set_content(file, STATE.generated[file.src_uri])
    return files


def stale_generated(src_uri: str) -> bool:
    parts = src_uri.split("/")
    return len(parts) > 2 and parts[0] in CODES and parts[1] in GENERATED


def on_nav(nav, config, files, serving: bool = False):
    """For `mkdocs build`, the other language starts building in a second process (parallel.py)
    now: mkdocs-static-i18n knows this language's pages (on_files), and none has been read yet."""
    if parallel.wanted(serving, STATE.options.parallel) and not i18n.building_another_language(config):
        parallel.start(config, STATE)
    return nav


def on_env(env, config, files, compiled_templates: dict[str, bytes]):
    """What every template of this language may use, the 404 page included; the templates
    compiled by an earlier build of this process, if any."""
    env.bytecode_cache = InMemory(compiled_templates)
    record_template_scripts(env, STATE.template_scripts)  # the scripts the CSP may allow
    env.filters["jsmin"] = lambda script: Markup(rjsmin.jsmin(str(script)))
    # tojson (the JSON-LD, what a page lets one cite): UTF-8 rather than \uXXXX escapes, which
    # tripled the bytes of every Cyrillic character; Jinja still escapes < > & ' for <script>.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    env.globals["edition_default_locale"] = DEFAULT.code
    env.globals["edition_ui"] = strings_for_js(config.theme["language"], EDITION_JS_KEYS)
    env.globals["edition_schemes"] = STATE.schemes
    return env


# ---------------------------------------------------------------------------- pages
def on_page_markdown(markdown, page, config, files):
    """Check the page's conventions on its source, then expand its markers. (A page generated
    from data/ is written by templates that keep the conventions and hold no markers.)"""
    # Material prints a page's title and description into the head as they are: make them
    # HTML text here, once, so that a quote or a "<" in them stays text (metadata.py and the
    # search index read them back as HTML text).
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key])
    if is_generated(page):
        return markdown
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    where = page.file.src_path
    locale = config.theme["language"]
    missing = headings_without_id(source)
    if missing:
        line, text = missing[0]
        raise PluginError(
            f"{where}:{line}: heading «{text}» has no explicit id; "
            f"write it as '{'#' * 2} {text} {{#ascii-id}}' (same id in both languages)"
        )
    errors = sequence_errors(list(paragraphs(source)), complete=locale == DEFAULT.code)
    if errors:
        paragraph, problem = errors[0]
        raise PluginError(f"{where}:{paragraph.line}: paragraph ids out of order: {problem}")
    try:
        return expand_markers(markdown, marker_verbs(page, config, locale), body_first_line(source))
    except MarkerError as error:
        raise PluginError(f"{where}:{error}") from None


def marker_verbs(page, config, locale: str) -> dict[str, Verb]:
    """The markers a page may hold (scripts/edition/markers.py), and what each becomes."""
    depth = page.file.src_uri.removeprefix(f"{locale}/").count("/")

    def citing():
        cite = citable(page, config)
        if cite is None:
            raise ValueError("citations are written only into article.md and cite.md")
        return locale, STATE.citations[locale], STATE.data.article, cite

    return {
        "timeline": Verb("timeline", lambda: wrap_html_blocks(render_timeline(STATE.data, locale, "../" * depth))),
        "cite": Verb("cite FORMAT [FRAGMENT]", lambda *args: cite_block(*citing(), *args)),
        "cite-panel": Verb("cite-panel", lambda: cite_panel(*citing())),
        "title-block": Verb(
            "title-block",
            lambda: wrap_html_blocks(
                title_block(STATE.data, locale, page.file.dest_uri.removeprefix(FOLDERS[locale]), others(locale))
            ),
        ),
        "imprint": Verb("imprint", lambda: wrap_html_blocks(imprint(STATE.data, locale, config.site_url or ""))),
        "downloads": Verb("downloads", lambda: wrap_html_blocks(downloads_markup(page, config, locale))),
        "releases": Verb(
            "releases",
            lambda: wrap_html_blocks(releases_markup(STATE.data, locale, page.file.dest_uri, STATE.options.archives)),
        ),
        "corrections": Verb(
            "corrections", lambda: wrap_html_blocks(corrections_markup(STATE.data, locale, page.file.dest_uri))
        ),
        "legend": Verb("legend", lambda: wrap_html_blocks(legend(locale))),
        # filled once both articles are built (whole_site.py)
        "facing": Verb("facing", lambda: wrap_html_blocks(facing.placeholder(STATE.data.paragraphs))),
    }


def on_page_content(html_text, page, config, files):
    """Resolve the links to the other language, then check what the page's content became."""
    where = page.file.src_path
    html_text, block_ids = unwrap_html_blocks(html_text)
    compat_mkdocs.add_present_anchor_ids(page, block_ids)  # for MkDocs' check of links to anchors
    html_text, missing = resolve_cross_links(html_text, page.file.dest_uri, source_exists(config), FOLDERS)
    if missing:
        raise PluginError(f"{where}: link to a page that does not exist: {missing[0]}")
    # Raw HTML is the editors' to write in docs/ (the generated pages are the templates', where
    # every value is escaped: tests/test_hostile_data.py): check what a hand-written page became.
    if not is_generated(page) and (problems := unsafe_markup(html_text)):
        raise PluginError(f"{where}{source_line(page, problems[0])}: {problems[0]}")
    ids = Counter(ELEMENT_ID.findall(html_text))
    if twice := sorted(i for i, count in ids.items() if count > 1):
        raise PluginError(f"{where}: two elements have the id '{twice[0]}': an anchor must name one place")
    page.edition_editorial_ids = editorial_heading_ids(html_text)  # overrides/partials/toc-item.html
    try:  # a "corrected in <version>" mark at each place of the page the corrections log names
        html_text = mark_corrections(
            html_text, STATE.data, page.file.dest_uri, config.theme["language"], STATE.marks_placed
        )
    except DataError as error:
        raise PluginError(str(error)) from None
    if BY_CODE[config.theme["language"]].ties:
        html_text = tie_russian(html_text)
    html_text = wrapped_tables(html_text)
    if cite := citable(page, config):  # after the ties: a heading's last word is as the reader sees it
        try:
            html_text = with_cite_buttons(html_text, cite["fragments"], config.theme["language"])
        except CiteButtonError as error:
            raise PluginError(f"{where}: {error}") from None
    html_text = named_headings(html_text)
    if offline_build(config):  # the page's own link to its feed (corrections.md)
        html_text = html_text.replace(f'href="{FEED}"', f'href="{feed_href(config, config.theme["language"], "")}"')
    return html_text


def offline_build(config) -> bool:
    """The offline profile (build_site(offline=True): Material's offline plugin, for file://)."""
    return compat_material.offline_enabled(config)


def feed_href(config, locale: str, here: str) -> str:
    """The corrections feed of `locale` as a page in folder `here` links it: beside it on the
    site; from the offline copy, the published feed (a snapshot's feed would never change, and
    a feed reader subscribes to an address: the copy carries none, 20 KB of its zip)."""
    if offline_build(config) and config.site_url:
        return f"{config.site_url}{FOLDERS[locale]}{FEED}"
    return posixpath.relpath(f"{FOLDERS[locale]}{FEED}", here or ".")


def on_page_context(context, page, config, nav):
    # dest_uri is the path from the site root: mkdocs-static-i18n keeps the language folder in it
    context["anchor_redirects"] = config.extra["contract"].anchor_redirects(page.file.dest_uri)
    if STATE.problem:  # under `mkdocs serve`: the data could not be read (on_config)
        context["edition_problem"] = ui_string(config.theme["language"], "data_problem", problem=STATE.problem)
    locale = config.theme["language"]
    context["edition_meta"] = page_metadata(
        STATE.data,
        page.file.dest_uri.removeprefix(FOLDERS[locale]),
        locale,
        config.site_url or "",
        html.unescape(page.title or ""),
        config.site_name,
        html.unescape(page.meta.get("description") or config.site_description),
    )
    here = posixpath.dirname(page.file.dest_uri) or "."
    context["edition_feed"] = {
        "href": feed_href(config, locale, here),
        "title": STRINGS[locale]["feed_label"],
    }
    context["edition_footer"] = footer(STATE.data, locale, page.file.dest_uri, page_downloads(page, config, locale))
    cite = citable(page, config)
    if cite:  # what assets/cite.js may cite on this page, and its citation templates
        context["edition_cite"] = {"roots": cite["roots"], "cited": cite["cited"], "fragments": cite["fragments"]}
        if cite["version"]:  # a permanent copy: the version goes into the keys
            context["edition_cite"]["version"] = cite["version"]
        current = STATE.data.article.edition.version
        if current in STATE.options.archives and STATE.options.archive_of is None:  # its permanent copy is published
            permanent = f"{config.site_url or ''}{ARCHIVE_FOLDER}{current}/"
            context["edition_cite"]["permanent"] = {
                "version": current,
                "roots": {code: f"{permanent}{folder}" for code, folder in FOLDERS.items()},
            }
        context["edition_cite_scripts"] = [  # only on these pages: no weight on the others
            posixpath.relpath(f"{FOLDERS[locale]}assets/citations-{locale}.js", here),
            posixpath.relpath("assets/cite.js", here),
        ]
    return context


def on_post_page(output, page, config):
    """hreflang alternates as absolute URLs (search engines ignore relative ones), and an
    x-default pointing at the Russian page, the authoritative text."""
    if not page.canonical_url:
        return output

    def absolute(match: re.Match) -> str:
        href = urljoin(page.canonical_url, match["href"])
        link = f'<link rel="alternate" href="{href}" hreflang="{match["lang"]}">'
        if match["lang"] == DEFAULT.code:
            link += f'\n    <link rel="alternate" href="{href}" hreflang="x-default">'
        return link

    output = compat_material.ALTERNATE_LINK.sub(absolute, output)
    if STATE.options.archive_of is None:  # a permanent copy gets its menu with the archives (versions.py)
        locale = config.theme["language"]
        try:
            output = insert_menu(
                output, version_menu(STATE.data, locale, page.file.dest_uri, "", STATE.options.archives)
            )
        except ArchiveError as error:
            raise PluginError(f"{page.file.src_path}: {error}") from None
    output = with_cut_stylesheets(without_indentation(output))
    STATE.inline_scripts.update(templates_scripts(page.file.src_path, output))  # for the CSP (hosting.py)
    return output


# ---------------------------------------------------------------------------- the 404 page
def on_template_context(context, template_name, config):
    """Material's "not found" page has no counterpart page: its language menu offers the home
    pages (mkdocs-static-i18n would leave the alternates of whichever page came last), by
    absolute path, since a server answers with this page at any depth."""
    if template_name == "404.html":
        root = urlsplit(config.site_url or "/").path.rstrip("/")
        # as an attribute, as mkdocs-static-i18n sets it (an item would hide behind its attribute)
        config.extra.alternate = [
            {"name": lang.name, "link": root + lang.link, "lang": lang.locale}
            for lang in i18n.configured_languages(config)
        ]
        context.update(not_found_context(STATE.data, config.theme["language"], root))
    return context


def on_post_template(output, template_name, config):
    """A 404 page per language: each language's build renders 404.html to the site's root;
    the default language's copy stays there, the others go to their folders (on_post_build)."""
    if template_name != "404.html":
        return output
    locale = config.theme["language"]
    STATE.not_found_pages[locale] = output = with_cut_stylesheets(output)
    return STATE.not_found_pages.get(DEFAULT.code, output)


# ---------------------------------------------------------------------------- whole site
def on_post_build(config):
    """Once every language is built: the steps that need the whole site (whole_site.py)."""
    if i18n.building_another_language(config):
        return  # the site is not whole yet
    i18n.restore_building_others()
    for step in WHOLE_SITE:
        try:
            step(Path(config.site_dir), config, STATE)
        except (DataError, StrayScript) as error:
            raise PluginError(str(error)) from None


# ---------------------------------------------------------------------------- helpers
def editorial_heading_ids(html_text: str) -> set[str]:
    """The ids of the headings the editors added (class "editorial"), as Python-Markdown wrote them."""
    ids = set()
    for attributes in HEADING.findall(html_text):
        classes, heading_id = HEADING_CLASS.search(attributes), HEADING_ID.search(attributes)
        if classes and heading_id and "editorial" in classes[1].split():
            ids.add(heading_id[1])
    return ids


def is_generated(page) -> bool:
    """A page pages.py makes from data/ (<lang>/<a kind's folder>/...: kinds.FOLDERS)."""
    return page.file.src_uri in STATE.generated


def source_exists(config):
    """Whether a page's source ('en/missions/iraq.md') is in docs/ or made from data/."""
    docs = Path(config.docs_dir)
    return lambda src_uri: src_uri in STATE.generated or (docs / src_uri).is_file()


def source_line(page, problem: str) -> str:
    """':N', the line of the page's Markdown where the markup of `problem` is written (its
    attribute's value, the attribute, or the element), if it can be found there."""
    found = re.match(r'<(\w+)(?: ([\w:-]+)="([^"]*)")?', problem) or re.match(r"<(\w+)", problem)
    element, attribute, value = (found.groups() + (None, None))[:3] if found else (None, None, None)
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8").lower()
    for needle in (
        value if value and len(value) > 3 else None,
        attribute and f"{attribute}=",
        element and f"<{element}",
    ):
        if needle and (position := source.find(needle.lower())) >= 0:
            return f":{source.count(chr(10), 0, position) + 1}"
    return ""


def legend(locale: str) -> str:
    return render("legend.html", t=STRINGS[locale], verdicts=True, method_href=None)


def page_downloads(page, config, locale: str) -> dict:
    """The downloads as the page at hand links to them (publication.downloads_context)."""
    return downloads_context(
        STATE.data,
        locale,
        page.file.dest_uri,
        config.site_url or "",
        offline_build(config),
        STATE.options.downloads,
        file_names(STATE.data.article.edition.version, PROJECT_NAME),
    )


def downloads_markup(page, config, locale: str) -> str:
    page_dir = posixpath.dirname(page.file.dest_uri.removeprefix(FOLDERS[locale]))
    tables = data_files(STATE.generated, locale, page_dir)
    return downloads_page(locale, page_downloads(page, config, locale), tables)


def citable(page, config) -> dict | None:
    """What the page at hand lets a reader cite (scripts/edition/fragments.py), with "roots",
    the address of each language's folder (a fragment's URL is a root, then the page it cites)."""
    path = page.file.dest_uri.removeprefix(FOLDERS[config.theme["language"]])
    if path not in STATE.fragments:
        try:
            STATE.fragments[path] = page_fragments(STATE.data, Path(config.docs_dir), path)
        except FragmentError as error:
            raise PluginError(str(error)) from None
    found = STATE.fragments[path]
    if found is None:
        return None
    site_url = config.site_url or ""
    roots = {code: f"{site_url}{folder}" for code, folder in FOLDERS.items()}
    return {**found, "roots": roots, "version": STATE.options.archive_of}  # version: in a permanent copy's keys


def templates_scripts(where: str, html_text: str) -> set[str]:
    """The inline scripts of a page, each one that a template wrote (template_scripts.py)."""
    try:
        return checked_scripts(where, inline_scripts(html_text), STATE.allowed_scripts)
    except StrayScript as error:
        raise PluginError(str(error)) from None


def with_cut_stylesheets(html: str) -> str:
    """`html` linking the edition's cuts of Material's palette and main stylesheets (palette.py,
    material_css.py)."""
    for stylesheet in STATE.cut_stylesheets:
        html = html.replace(f"stylesheets/{stylesheet.original}", f"stylesheets/{stylesheet.name}")
    return html


def without_indentation(html: str) -> str:
    """`html` without the templates' indentation at the start of its lines (about 6 % of a page):
    whitespace collapses to one space in HTML, so nothing a reader sees changes; the content
    of pre, textarea, script and style, and the text a copy button copies, where it counts,
    are left as they are."""
    parts = WHITESPACE_COUNTS.split(html)
    for index in range(0, len(parts), 2):
        if "data-clipboard-text" in parts[index]:  # the cite buttons (few pages): the slower way
            pieces = COPIED.split(parts[index])
            pieces[0::2] = [INDENTATION.sub("\n", piece) for piece in pieces[0::2]]
            parts[index] = "".join(pieces)
        else:
            parts[index] = INDENTATION.sub("\n", parts[index])
    return "".join(parts)
