"""MkDocs hooks: the edition's build steps, in the order MkDocs calls them.

mkdocs-static-i18n runs one build per language (ru into site/, en into site/en/), so every
hook here runs once per language and must be idempotent."""

import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from edition.citation import templates as citation_templates
from edition.cite_blocks import MarkerError, render_cite_markers
from edition.contract import CONTRACT_FILE, load_contract, relative_url
from edition.crosslinks import resolve_cross_links
from edition.data import load_data
from edition.fragments import FragmentError, page_fragments
from edition.headings import headings_without_id
from edition.metadata import page_metadata
from edition.pages import TEMPLATES, article_links, render_timeline, write_data_pages
from edition.paragraphs import ParagraphNumbers, sequence_errors
from edition.search_index import split_search_index
from edition.yaml_source import DataError

PARAGRAPHS = ParagraphNumbers()
DEFAULT_LOCALE = "ru"  # the language of the authors' text, built at the site root
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"
HREFLANG = re.compile(r'<link rel="alternate" href="(?P<href>[^"]+)" hreflang="(?P<lang>[^"]+)">')
TIMELINE_MARKER = "<!-- edition:timeline -->"  # inert in a page if this hook does not run
CITE_MARKER = "<!-- edition:cite"  # scripts/edition/cite_blocks.py
DATA = {}  # the validated data of this build (load_data() in on_config), and what derives from it
NOT_FOUND = {}  # the default language's 404 page, kept while the other languages build


# ---------------------------------------------------------------------------- configuration
@event_priority(100)  # before Material's offline plugin, which would add a CDN copy of the shim
def on_config(config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline and offline.config.enabled:
        # Web Workers do not start from file://: the search worker needs this shim, vendored.
        config.extra["polyfills"] = [IFRAME_WORKER_SHIM]
    if PARAGRAPHS not in config.markdown_extensions:
        config.markdown_extensions.append(PARAGRAPHS)
    try:
        config.extra["contract"] = load_contract()
    except FileNotFoundError:
        raise PluginError(f"{CONTRACT_FILE}: the contract of published URLs is missing") from None
    except (ValueError, OSError) as error:
        raise PluginError(str(error)) from None
    if not config.plugins["i18n"].building:  # a new build (each `serve` rebuild too), not a
        DATA.clear()  # language built inside mkdocs-static-i18n's loop, which reuses the data
        try:
            DATA["edition"] = load_data()
            DATA["citations"] = {locale: citation_templates(DATA["edition"].article, locale)
                                 for locale in language_folders(config)}
        except (DataError, ValueError) as error:
            raise PluginError(str(error)) from None
    return config


def on_pre_build(config):
    """data/*.yml -> Markdown pages and downloads in docs/<lang>/ (only files that changed)."""
    write_data_pages(DATA["edition"], Path(config.docs_dir), DATA["citations"])


# ---------------------------------------------------------------------------- pages
def on_page_markdown(markdown, page, config, files):
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    missing = headings_without_id(source)
    if missing:
        line, text = missing[0]
        raise PluginError(
            f"{page.file.src_path}:{line}: heading «{text}» has no explicit id; "
            f"write it as '{'#' * 2} {text} {{#ascii-id}}' (same id in both languages)"
        )
    locale = config.theme["language"]
    PARAGRAPHS.locale = locale
    if ("links", locale) not in DATA:  # paragraph -> data records quoting it, once per language
        DATA["links", locale] = article_links(DATA["edition"], locale)
    PARAGRAPHS.data_links = DATA["links", locale]
    if TIMELINE_MARKER in markdown:
        prefix = "../" * page.file.src_uri.removeprefix(f"{locale}/").count("/")
        markdown = markdown.replace(TIMELINE_MARKER, render_timeline(DATA["edition"], locale, prefix))
    if CITE_MARKER in markdown:
        cite = citable(page, config)
        try:
            if cite is None:
                raise MarkerError("citations are written only into article.md and cite.md")
            markdown = render_cite_markers(markdown, locale, DATA["citations"][locale],
                                           cite["urls"], cite["fragments"])
        except MarkerError as error:
            raise PluginError(f"{page.file.src_path}: {error}") from None
    return markdown


def on_page_content(html_text, page, config, files):
    complete = config.theme["language"] == DEFAULT_LOCALE
    errors = sequence_errors(PARAGRAPHS.paragraph_ids, complete)
    if errors:
        raise PluginError(f"{page.file.src_path}: paragraph ids out of order: {errors[0]}")
    html_text, missing = resolve_cross_links(
        html_text, page.file.dest_uri, Path(config.docs_dir), language_folders(config)
    )
    if missing:
        raise PluginError(f"{page.file.src_path}: link to a page that does not exist: {missing[0]}")
    return html_text


def on_page_context(context, page, config, nav):
    # dest_uri is the path from the site root: mkdocs-static-i18n keeps the language folder in it
    context["anchor_redirects"] = config.extra["contract"].anchor_redirects(page.file.dest_uri)
    locale = config.theme["language"]
    folders = language_folders(config)
    context["edition_meta"] = page_metadata(
        DATA["edition"], page.file.dest_uri.removeprefix(folders[locale]), locale, folders,
        config.site_url or "", f"{page.title} – {config.site_name}",
        page.meta.get("description") or config.site_description,
    )
    cite = citable(page, config)
    if cite:  # what assets/cite.js may cite on this page, and its citation templates
        context["edition_cite"] = {"urls": cite["urls"], "fragments": cite["fragments"]}
        here = posixpath.dirname(page.file.dest_uri) or "."
        context["edition_cite_scripts"] = [  # only on these pages: no weight on the others
            posixpath.relpath(f"{folders[locale]}assets/citations-{locale}.js", here),
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
        if match["lang"] == DEFAULT_LOCALE:
            link += f'\n    <link rel="alternate" href="{href}" hreflang="x-default">'
        return link

    return HREFLANG.sub(absolute, output)


# ---------------------------------------------------------------------------- the 404 page
def on_template_context(context, template_name, config):
    """Material's "not found" page has no counterpart page: its language menu offers the home
    pages (mkdocs-static-i18n would leave the alternates of whichever page came last)."""
    if template_name == "404.html":
        languages = config.plugins["i18n"].config.languages
        config.extra["alternate"] = [
            {"name": lang.name, "link": lang.link, "lang": lang.locale} for lang in languages
        ]
    return context


def on_post_template(output, template_name, config):
    """The site has one 404.html, at its root, in the default language: every language's
    build writes it there, so the later builds write the default language's copy back."""
    if template_name != "404.html":
        return output
    if config.theme["language"] == DEFAULT_LOCALE:
        NOT_FOUND["page"] = output
        return output
    return NOT_FOUND.get("page", output)


# ---------------------------------------------------------------------------- whole site
@event_priority(-200)  # after search, mkdocs-static-i18n and offline (all -100 or higher)
def on_post_build(config):
    """Once every language is built: one search index per language, and a redirect page for
    every moved page of the contract."""
    if config.plugins["i18n"].building:
        return  # a language built inside mkdocs-static-i18n's loop: the site is not whole yet
    split_search_index(Path(config.site_dir), language_folders(config))
    for old, new in config.extra["contract"].page_redirects().items():
        target = Path(config.site_dir) / old
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(relative_url(old, new)), encoding="utf-8")


# ---------------------------------------------------------------------------- helpers
def citable(page, config) -> dict | None:
    """What the page at hand lets a reader cite (scripts/edition/fragments.py), with the
    absolute URLs of the cited page in both languages."""
    folders = language_folders(config)
    path = page.file.dest_uri.removeprefix(folders[config.theme["language"]])
    if ("fragments", path) not in DATA:
        try:
            DATA["fragments", path] = page_fragments(DATA["edition"], Path(config.docs_dir), path)
        except FragmentError as error:
            raise PluginError(str(error)) from None
    found = DATA["fragments", path]
    if found is None:
        return None
    return {**found, "urls": {locale: f"{config.site_url or ''}{folder}{found['cited']}"
                              for locale, folder in folders.items()}}


def language_folders(config) -> dict[str, str]:
    """locale -> folder of its pages in site/ ('' for the default language)."""
    languages = config.plugins["i18n"].config.languages
    return {lang.locale: lang.link.strip("/") + "/" if lang.link != "/" else "" for lang in languages}


def redirect_page(url: str) -> str:
    """A page that forwards to `url`, keeping the #fragment the reader came with."""
    return TEMPLATES.get_template("redirect.html").render(url=url)
