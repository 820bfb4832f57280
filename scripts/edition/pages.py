"""Data pages: data/*.yml -> Markdown (and CSV/JSON/XLSX downloads) of both languages, for every
data kind of the registry (kinds/), each at the path it would have in docs/<lang>/ (in its
kind's folder), and one more file per language, assets/citations-<lang>.js (the citation
templates of data/article.yml for assets/cite.js). They are files of the build only (MkDocs'
generated files: build.py, on_files), never written into docs/: data/ is the only copy."""

import csv
import io
import json
import re

from .citation import citations_script
from .kinds import KINDS, Table
from .kinds.base import paragraphs_of
from .locales import CODES
from .render import render
from .spreadsheet import spreadsheet_safe, to_xlsx
from .strings import STRINGS, format_date, format_range


# ---------------------------------------------------------------------------- public
def render_data_pages(data, locale: str, citations: dict) -> dict[str, str | bytes]:
    """Path inside docs/<locale>/ -> content, for every generated page and download;
    `citations`: the citation templates of the locale (citation.templates())."""
    outputs = {}
    page = _PageRenderer(data, locale)
    for kind in KINDS:
        outputs.update(kind.pages(data, locale, page.render))
    for table in download_tables(data, locale):
        outputs[f"{table.folder}/{table.stem}.csv"] = to_csv(table.rows)
        outputs[f"{table.folder}/{table.stem}.json"] = to_json(table, data, locale)
        outputs[f"{table.folder}/{table.stem}.xlsx"] = to_xlsx(table, data, locale)
    outputs[f"assets/citations-{locale}.js"] = citations_script(citations, locale)
    return outputs


def generated_files(data, citations: dict[str, dict], locales=CODES) -> dict[str, str | bytes]:
    """The source path ('ru/missions/iraq.md', as if in docs/) -> content of every generated
    page and download of `locales`: MkDocs takes them as files of the build (build.py,
    on_files), and nothing is written into docs/."""
    return {
        f"{locale}/{path}": content
        for locale in locales
        for path, content in render_data_pages(data, locale, citations[locale]).items()
    }


def article_links(data, locale: str) -> dict[str, list[tuple[str, str]]]:
    """Paragraph id -> [(Markdown path from the language root, label)] of the records that
    quote it: the article's margin offers these links (MkDocs checks them like any link)."""
    records = [record for kind in KINDS for record in kind.margin_records(data, locale)]
    links: dict[str, list[tuple[str, str]]] = {}
    for url, label, record in records:
        for pid in paragraphs_of(record):
            if url not in [existing for existing, _ in links.get(pid, [])]:
                links.setdefault(pid, []).append((url, label))
    return links


HTML_BLOCK_START = "<!--edition-html\n"
HTML_BLOCK = re.compile(r"<!--edition-html\n(.*?)\n-->", re.DOTALL)


def wrap_html_blocks(markdown: str) -> str:
    """The HTML blocks of a generated page (tables, lists, the timeline), each inside a comment
    that build.py unwraps once the page is converted. Python-Markdown would otherwise parse
    every tag of them to find where they end (and MkDocs once more for their ids): with 100
    times the data, that was most of the build. The headings stay Markdown, for the contents
    and the permalinks. A value cannot close the comment: "-->" in it is escaped (--&gt;)."""
    blocks = markdown.split("\n\n")
    return "\n\n".join(
        f"{HTML_BLOCK_START}{block.strip(chr(10))}\n-->" if _is_html(block.lstrip("\n")) else block for block in blocks
    )


def _is_html(block: str) -> bool:
    return block.startswith("<") and not block.startswith("<!--")


def unwrap_html_blocks(html: str) -> tuple[str, set[str]]:
    """The page's HTML with its wrapped blocks opened, and the ids those blocks hold."""
    ids: set[str] = set()

    def unwrap(match: re.Match) -> str:
        ids.update(ELEMENT_ID.findall(match[1]))
        return match[1]

    return HTML_BLOCK.sub(unwrap, html), ids


ELEMENT_ID = re.compile(r'\sid="([^"]+)"')


# ---------------------------------------------------------------------------- downloads
def download_tables(data, locale: str) -> list[Table]:
    """Each data page's own table (one row per row of the page's table), and the detail a
    page only links to (the checks of every mission), in the reader's language."""
    return [table for kind in KINDS for table in kind.tables(data, locale)]


def to_csv(rows: list[dict]) -> bytes:
    """One row a line: a list of URLs spread over numbered columns (sources_1, sources_2…),
    booleans as true / false."""
    widths = {key: max(len(row[key]) for row in rows) for key, value in rows[0].items() if isinstance(value, list)}
    columns = [
        name
        for key in rows[0]
        for name in ([f"{key}_{i}" for i in range(1, widths[key] + 1)] if key in widths else [key])
    ]

    def cells(row: dict) -> dict:
        out = {}
        for key, value in row.items():
            if key in widths:
                out.update({f"{key}_{i + 1}": item for i, item in enumerate(value)})
            else:
                out[key] = ("true" if value else "false") if isinstance(value, bool) else spreadsheet_safe(value)
        return out

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(cells(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheets read Cyrillic


def to_json(table: Table, data, locale: str) -> bytes:
    """The rows, with what a reader needs to use them: the edition, its version and licence,
    the page the table belongs to, and what each column means."""
    t, edition = STRINGS[locale], data.article.edition
    document = {
        "title": t["download_titles"][table.stem],
        "language": locale,
        "edition": {
            "title": data.article.title[locale],
            "version": edition.version,
            "date": str(edition.date),
            "licence": {"name": edition.license.name, "url": edition.license.url},
        },
        "page": f"{table.folder}/index.html",
        "columns": {key: t["column_meanings"][key] for key in table.rows[0]},
        "records": table.rows,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------- helpers
class _SourceNumbers(dict):
    """Numbers sources in the order a page first cites them; `order` is the page's list."""

    def __init__(self):
        super().__init__()
        self.order: list[str] = []

    def __missing__(self, source_id):
        self.order.append(source_id)
        self[source_id] = len(self.order)
        return self[source_id]

    def cited(self, source_ids) -> list[tuple[int, str]]:
        """(number, id) of each source once, in number order: [1][2][5], not [1][1][2] or [5][1]."""
        return sorted({(self[source_id], source_id) for source_id in source_ids})


class _PageRenderer:
    def __init__(self, data, locale: str):
        self.data, self.locale = data, locale

    def render(self, template: str, path: str, **context) -> str:
        numbers = _SourceNumbers()
        return wrap_html_blocks(
            render(
                template,
                lang=self.locale,
                article_lang=self.data.article.language,  # the quotations' language
                t=STRINGS[self.locale],
                sources=self.data.sources,
                source_label=lambda source: source.title.text if source.title else source.about[self.locale],
                licence=self.data.article.edition.license,
                source_number=numbers,
                page_sources=numbers.order,
                # the article in the page's own language: the English pages cite the translation
                article_href=lambda pid: f"{'../' * path.count('/')}article.html#{pid}",
                page_root="../" * path.count("/"),  # from the page up to its language's root
                date=lambda value: format_date(value, self.locale),
                date_range=lambda start, end: format_range(start, end, self.locale),
                period=lambda m: format_range(m.start.date, m.end.date if m.end else None, self.locale),
                **context,
            )
        )
