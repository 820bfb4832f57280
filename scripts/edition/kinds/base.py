"""What a data kind is: one data file, its model, the folder of pages made from it, and what
each part of the edition takes from it. A kind answers only the questions that concern it;
the defaults here say "nothing of this kind" (no search entries, nothing to cite...)."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..locales import BY_CODE, CODES
from ..models import article_quotes


@dataclass(frozen=True)
class Table:
    """One download: a data page's table (or its detail), in the reader's language."""

    folder: str  # the data page's folder
    stem: str  # the file's name without .csv / .json
    rows: list[dict]  # values typed: numbers, booleans, lists (of URLs)


# What the engine hands a kind's page and search methods (pages.py, search_index.py):
Render = Callable[..., str]  # render(template, path, **context): a page's Markdown
Entry = Callable[..., dict]  # entry(location, title, *texts): one search entry


class Kind:
    """One kind of record; subclasses override what their kind has (see kinds/missions.py)."""

    name: str  # the attribute the loaded data has for it (data.missions)
    file: str  # in data/
    model: type  # the pydantic model of the whole file
    folder: str  # docs/<lang>/<folder>/ in the site: its pages and downloads
    dataset: str | None = None  # the download its index page describes as a schema.org Dataset
    single_file: bool = False  # its index page is a section of the single-file edition

    def check(self, document, model, reserved: set[str]) -> None:
        """Cross-record checks (unique ids, order): a DataError from `document.error(...)`.
        `reserved`: anchors of the pages themselves, which no record id may take."""

    def check_against_texts(self, document, model, article: dict[str, dict[str, str]], records: list) -> None:
        """Checks against the texts, once every file is valid: `article` is language ->
        paragraph id -> text of the article in that language, `records` the other kinds' files."""

    def pages(self, data, locale: str, render: Render) -> Iterator[tuple[str, str]]:
        """(path in the folder, Markdown) of each page, in `locale`."""
        return iter(())

    def tables(self, data, locale: str) -> list[Table]:
        """Its downloads (CSV, JSON, XLSX), in `locale`."""
        return []

    def margin_records(self, data, locale: str) -> list[tuple[str, str, object]]:
        """(Markdown path from the language root, label, record) of each record whose quotations
        the article's margin links back to."""
        return []

    def search_entries(self, data, locale: str, entry: Entry) -> list[dict]:
        return []

    # The page methods below are asked of the pages in the kind's folder; `path` is the page's
    # from the language root ('missions/iraq.html').
    def fragments(self, data, path: str) -> dict | None:
        """What the page lets a reader cite (fragments.py)."""
        return None

    def event(self, data, path: str, locale: str) -> dict | None:
        """The schema.org Event the page is about: start, end, place, and its name and
        description where the page's title is not its name (metadata.py)."""
        return None

    def page_label(self, data, path: str, locale: str) -> str | None:
        """The name a reader knows the page by, if it is a record's (corrections.py)."""
        return None


# ---------------------------------------------------------------------------- shared by kinds
def paragraphs_of(record) -> list[str]:
    """Ids of the article paragraphs a record quotes, in reading order."""
    if id(record) not in _PARAGRAPHS_OF:  # asked for by several pages; records live for the build
        found = {quote.paragraph for _, quote in article_quotes(record)}
        _PARAGRAPHS_OF[id(record)] = (record, sorted(found, key=lambda pid: int(pid[1:])))
    return _PARAGRAPHS_OF[id(record)][1]


_PARAGRAPHS_OF: dict[int, tuple] = {}  # id -> (record, its paragraphs): the record kept, so its id stays its own


def unique(document, items, key: str, path: tuple) -> None:
    """No two of `items` (at `path` in `document`) share their `key`."""
    seen = set()
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            raise document.error((*path, index, key), f"duplicate {key} '{value}'")
        seen.add(value)


def not_reserved(document, items, path: tuple, reserved: set[str]) -> None:
    """A record's id becomes an anchor on a page that has anchors of its own."""
    for index, item in enumerate(items):
        if item.id in reserved or item.id.startswith("src-"):
            raise document.error(
                (*path, index, "id"), f"'{item.id}' is an anchor of the page itself: choose another id"
            )


def numbered(document, items, path: tuple) -> None:
    """Items numbered 1, 2, 3 ... in order (their `n`)."""
    for index, item in enumerate(items):
        if item.n != index + 1:
            raise document.error((*path, index, "n"), f"{item.n} is item {index + 1}: number them 1, 2, 3 ...")


def source_urls(data, ids) -> list[str]:
    return [data.sources[i].url for i in dict.fromkeys(ids)]


def quote_columns(data, locale: str, quote) -> dict:
    """A quotation of the article as download columns (with the editors' translation where the
    reader's language is not the article's)."""
    translated = locale != data.article.language
    return {
        "article_paragraph": quote.paragraph if quote else "",
        "article_quote": quote.quote if quote else "",
        **({"article_quote_translation": getattr(quote, locale) if quote else ""} if translated else {}),
    }


def check_columns(data, locale: str, check) -> dict:
    """A fact checked (models.Check) as download columns."""
    return {
        "fact_id": check.id,
        "fact": check.label[locale],
        **quote_columns(data, locale, check.article),
        "outside_value": check.outside.value[locale] if check.outside else "",
        "confidence": check.outside.confidence if check.outside else "",
        "status": check.status,
        "note": check.note[locale] if check.note else "",
        "sources": source_urls(data, check.outside.sources) if check.outside else [],
    }


def checks_text(facts, locale: str) -> list[str]:
    """Facts checked as a search entry's text: each label, and the outside value if any."""
    return [f"{f.label[locale]}: {f.outside.value[locale]}" if f.outside else f.label[locale] for f in facts]


QUOTES = '«»"“”„'


def titled(titles: dict[str, str]) -> dict:
    """A section named by its title in each language, as a citation names it. The citation
    puts its own quotation marks around it (§ «Площадка мира»), so a title wholly in quotation
    marks loses them, and quotation marks inside a title become the inner kind of its
    language (§ «Миссия „Казбата“»: locales.py)."""

    def inner(title: str, language: str) -> str:
        for outer, nested in BY_CODE[language].inner_quotes:
            title = title.replace(outer, nested)
        return title

    return {"t": {language: inner(_unquoted(titles[language]), language) for language in CODES}}


def _unquoted(title: str) -> str:
    inner = title[1:-1]
    if len(title) > 2 and title[0] in QUOTES and title[-1] in QUOTES and not any(q in inner for q in QUOTES):
        return inner
    return title
