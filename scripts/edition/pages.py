"""Data pages: data/*.yml -> Markdown (and CSV/JSON downloads) in docs/<lang>/, both languages.

The generated folders (GENERATED) belong to this module: it writes every file in them and
removes what it did not write. A file is written only when its content changed, so that
`mkdocs serve` does not rebuild in a loop. They are git-ignored: data/ is the only copy.
So is one more file per language, assets/citations-<lang>.js (the citation templates of
data/article.yml for assets/cite.js)."""

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .citation import citations_script
from .locales import CODES
from .models import article_quotes
from .render import render
from .spreadsheet import spreadsheet_safe, to_xlsx
from .strings import STRINGS, format_date, format_range
from .timeline import timeline_context

GENERATED = ("missions", "astana", "funding", "facts")


# ---------------------------------------------------------------------------- public
def render_data_pages(data, locale: str, citations: dict) -> dict[str, str | bytes]:
    """Path inside docs/<locale>/ -> content, for every generated page and download;
    `citations`: the citation templates of the locale (citation.templates())."""
    outputs = {}
    page = _PageRenderer(data, locale)
    outputs["missions/index.md"] = page.render(
        "missions_index.md.j2",
        "missions/index.md",
        missions=data.missions.missions,
        paragraphs_of=paragraphs_of,
    )
    for mission in data.missions.missions:
        outputs[f"missions/{mission.id}.md"] = page.render(
            "mission.md.j2", f"missions/{mission.id}.md", mission=mission, paragraphs=paragraphs_of(mission)
        )
    rounds = data.rounds.rounds
    parts = rounds_parts(rounds)
    outputs["astana/index.md"] = page.render(
        "astana_index.md.j2",
        "astana/index.md",
        rounds=data.rounds,
        rounds_shown=parts[0]["rounds"],
        parts=parts,
        lead=astana_lead(data, locale),
        timeline=render_timeline(data, locale, "../"),
    )
    for part in parts[1:]:
        outputs[f"astana/{part['href'].removesuffix('.html')}.md"] = page.render(
            "rounds_part.md.j2", f"astana/{part['href']}", rounds=data.rounds, rounds_shown=part["rounds"],
            part=part, parts=parts,
        )  # fmt: skip
    for index, round_ in enumerate(rounds):
        outputs[f"astana/round-{round_.n}.md"] = page.render(
            "round.md.j2",
            f"astana/round-{round_.n}.md",
            round=round_,
            rounds=data.rounds,
            previous=rounds[index - 1] if index else None,
            next=rounds[index + 1] if index + 1 < len(rounds) else None,
        )
    outputs["funding/index.md"] = page.render(
        "funding.md.j2",
        "funding/index.md",
        law=data.funding.law,
        funding_sources=data.funding.funding_sources,
    )
    outputs["facts/index.md"] = page.render("facts.md.j2", "facts/index.md", topics=data.facts.topics)
    for table in download_tables(data, locale):
        outputs[f"{table.folder}/{table.stem}.csv"] = to_csv(table.rows)
        outputs[f"{table.folder}/{table.stem}.json"] = to_json(table, data, locale)
        outputs[f"{table.folder}/{table.stem}.xlsx"] = to_xlsx(table, data, locale)
    outputs[f"assets/citations-{locale}.js"] = citations_script(citations, locale)
    return outputs


ROUNDS_PER_PAGE = 100  # the Astana page's table of all rounds; more go on pages of their own


def rounds_page(n: int) -> str:
    """The page (in astana/) whose table of all rounds has round `n`."""
    part = (n - 1) // ROUNDS_PER_PAGE
    return "index.html" if part == 0 else f"rounds-{part + 1}.html"


def rounds_parts(rounds) -> list[dict]:
    """The table of all rounds in pages of ROUNDS_PER_PAGE: [{href, first, last, rounds}]."""
    chunks = [rounds[i : i + ROUNDS_PER_PAGE] for i in range(0, len(rounds), ROUNDS_PER_PAGE)]
    return [{"href": rounds_page(chunk[0].n), "first": chunk[0].n, "last": chunk[-1].n, "rounds": chunk}
            for chunk in chunks]  # fmt: skip


def astana_lead(data, locale: str) -> str:
    """The Astana page's lead: which rounds the article covers, from the data."""
    rounds, period = data.rounds.rounds, data.rounds.article_period
    covered = [r.n for r in rounds if not r.after_article]
    postponed = next(r.n for r in rounds if r.after_article and r.planned)
    return STRINGS[locale]["astana_lead"].format(
        first=covered[0],
        last=covered[-1],
        start=format_date(period.start, locale),
        end=format_date(period.end, locale),
        postponed=postponed,
    )


def render_timeline(data, locale: str, prefix: str) -> Markup:
    """The timeline figure (inline SVG) for a page `prefix` away from the language root."""
    return Markup(render("timeline.svg.j2", **timeline_context(data, locale, prefix)).strip())


def write_data_pages(data, docs_dir: Path, citations: dict[str, dict], locales=CODES) -> list[Path]:
    """Write the generated files of `locales` (both languages); return those that changed."""
    changed = []
    for locale in locales:
        language_dir = docs_dir / locale
        rendered = render_data_pages(data, locale, citations[locale])
        outputs = {language_dir / path: content for path, content in rendered.items()}
        for folder in GENERATED:
            for stale in sorted((language_dir / folder).rglob("*")):
                if stale.is_file() and stale not in outputs:
                    stale.unlink()
                    changed.append(stale)
        for path, content in outputs.items():
            new = content.encode("utf-8") if isinstance(content, str) else content
            if not path.is_file() or path.read_bytes() != new:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(new)
                changed.append(path)
    return changed


def paragraphs_of(record) -> list[str]:
    """Ids of the article paragraphs a record quotes, in reading order."""
    if id(record) not in _PARAGRAPHS_OF:  # asked for by several pages; records live for the build
        found = {quote.paragraph for _, quote in article_quotes(record)}
        _PARAGRAPHS_OF[id(record)] = (record, sorted(found, key=lambda pid: int(pid[1:])))
    return _PARAGRAPHS_OF[id(record)][1]


_PARAGRAPHS_OF: dict[int, tuple] = {}  # id -> (record, its paragraphs): the record kept, so its id stays its own


def article_links(data, locale: str) -> dict[str, list[tuple[str, str]]]:
    """Paragraph id -> [(Markdown path from the language root, label)] of the records that
    quote it: the article's margin offers these links (MkDocs checks them like any link)."""
    records = [(f"missions/{m.id}.md", m.short[locale], m) for m in data.missions.missions]
    records.append(("astana/index.md", STRINGS[locale]["astana"], data.rounds))
    records += [
        (f"funding/index.md#source-{item.n}", STRINGS[locale]["source_n"].format(n=item.n), item)
        for item in data.funding.funding_sources
    ]
    records.append(("funding/index.md#law", STRINGS[locale]["law"], data.funding.law))
    records += [(f"facts/index.md#{topic.id}", topic.title[locale], topic) for topic in data.facts.topics]
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
@dataclass(frozen=True)
class Table:
    """One download: a data page's table (or its detail), in the reader's language."""

    folder: str  # the data page's folder
    stem: str  # the file's name without .csv / .json
    rows: list[dict]  # values typed: numbers, booleans, lists (of URLs)


def download_tables(data, locale: str) -> list[Table]:
    """Each data page's own table (one row per row of the page's table), and the detail a
    page only links to (the checks of every mission), in the reader's language."""
    translated = locale != data.article.language  # quotations get the editors' translation
    urls = lambda ids: [data.sources[i].url for i in dict.fromkeys(ids)]  # noqa: E731

    def quote_columns(quote):
        return {
            "article_paragraph": quote.paragraph if quote else "",
            "article_quote": quote.quote if quote else "",
            **({"article_quote_translation": quote.en if quote else ""} if translated else {}),
        }

    def check_columns(check):
        return {
            "fact_id": check.id,
            "fact": check.label[locale],
            **quote_columns(check.article),
            "outside_value": check.outside.value[locale] if check.outside else "",
            "confidence": check.outside.confidence if check.outside else "",
            "status": check.status,
            "note": check.note[locale] if check.note else "",
            "sources": urls(check.outside.sources) if check.outside else [],
        }

    missions = [
        {
            "mission_id": mission.id,
            "mission": mission.name[locale],
            "start": str(mission.start.date),
            "end": str(mission.end.date) if mission.end else "",
            "after_article": mission.after_article,
            "summary": mission.summary[locale],
            "article_paragraphs": [pid for pid in paragraphs_of(mission)],
            "sources": urls(mission.start.sources + (mission.end.sources if mission.end else [])),
        }
        for mission in data.missions.missions
    ]
    mission_facts = [
        {"mission_id": mission.id, "mission": mission.name[locale], **check_columns(check)}
        for mission in data.missions.missions
        for check in mission.facts
    ]
    rounds = [
        {
            "round": r.n,
            "start": str(r.start),
            "end": str(r.end),
            "city": data.rounds.cities[r.city][locale],
            "after_article": r.after_article,
            "planned": r.planned.value[locale] if r.planned else "",
            "participants": r.participants[locale] if r.participants else "",
            "outcome": r.outcome[locale] if r.outcome else "",
            "confidence": r.confidence,
            "sources": urls(r.sources),
        }
        for r in data.rounds.rounds
    ]
    law = data.funding.law
    funding = [
        {
            "source": item.n,
            "summary": item.summary[locale],
            **quote_columns(item.article),
            "outside_value": item.outside.value[locale] if item.outside else "",
            "confidence": item.outside.confidence if item.outside else "",
            "sources": urls(item.outside.sources) if item.outside else [],
            "law": law.title[locale],
            "law_number": law.number,
            "law_date": str(law.date),
            "law_sources": urls(law.sources),
            "wording_verified": law.wording_verified,
        }
        for item in data.funding.funding_sources
    ]
    facts = [
        {"topic_id": topic.id, "topic": topic.title[locale], **check_columns(check)}
        for topic in data.facts.topics
        for check in topic.facts
    ]
    return [
        Table("missions", "missions", missions),
        Table("missions", "missions_facts", mission_facts),
        Table("astana", "astana_rounds", rounds),
        Table("funding", "funding_sources", funding),
        Table("facts", "facts", facts),
    ]


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
                t=STRINGS[self.locale],
                sources=self.data.sources,
                source_label=lambda source: source.title.text if source.title else source.about[self.locale],
                licence=self.data.article.edition.license,
                source_number=numbers,
                page_sources=numbers.order,
                # the article in the page's own language: the English pages cite the translation
                article_href=lambda pid: f"{'../' * path.count('/')}article.html#{pid}",
                page_root="../" * path.count("/"),  # from the page up to its language's root
                rounds_page=rounds_page,
                date=lambda value: format_date(value, self.locale),
                date_range=lambda start, end: format_range(start, end, self.locale),
                period=lambda m: format_range(m.start.date, m.end.date if m.end else None, self.locale),
                **context,
            )
        )
