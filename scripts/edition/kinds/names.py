"""The index of names, places and organisations (data/names.yml): each entry with its name in
every language, the forms the texts use (inflected Russian forms, former names), a short gloss
with its source, and the article paragraphs that name it.

The paragraphs are written in the data, not found at build time, so that a change of the texts
that loses or adds a mention stops the build (check_against_texts) instead of silently changing
the index. The data pages that name an entry are found in their records' text, by the entry's
forms in the article's language, so that every language's index links the same pages."""

import re
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Literal

from pydantic import Field

from ..locales import BY_CODE, CODES, DEFAULT
from ..models import Model, NonEmpty, ParagraphId, Slug, SourceIds, Text, by_language, texts_in
from ..strings import STRINGS
from .base import Kind, Table, not_reserved, source_urls, unique

EntryType = Literal["person", "place", "organisation"]
TYPES: tuple[str, ...] = EntryType.__args__  # the index's sections, in this order
Forms = by_language("Forms", Annotated[list[NonEmpty], Field(min_length=1)], "The forms of a name in each language.")


class ArticleGloss(Model):
    """A gloss in the article's own words: `paragraph` says who or what the entry is."""

    text: Text
    paragraph: ParagraphId

    @property
    def sources(self) -> list[str]:
        return []


class SourcedGloss(Model):
    """A gloss from outside sources (ids in sources.yml)."""

    text: Text
    sources: SourceIds

    @property
    def paragraph(self) -> None:
        return None


class Entry(Model):
    id: Slug
    type: EntryType
    name: Text  # as the index sorts it: "Назарбаев, Нурсултан"
    forms: Forms  # as the texts write it, whole words: "Назарбаева", "Елбасы"; former names too
    gloss: ArticleGloss | SourcedGloss
    paragraphs: list[ParagraphId]  # of the article that name it, in order; [] if only the data does


class NamesFile(Model):
    entries: Annotated[list[Entry], Field(min_length=1)]


@cache
def _pattern(forms: tuple[str, ...]) -> re.Pattern:
    """Any of `forms` as a whole word (case kept: «Казахстан» is a name, «казахстанский» not)."""
    longest_first = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(form) for form in longest_first) + r")(?![\w-])")


def names_in(text: str, forms: list[str]) -> list[str]:
    """The forms found in `text`, in order."""
    return _pattern(tuple(forms)).findall(text)


class Names(Kind):
    name, file, model, folder = "names", "names.yml", NamesFile, "names"
    dataset, single_file = "names", True

    def check(self, document, model, reserved):
        unique(document, model.entries, "id", ("entries",))
        not_reserved(document, model.entries, ("entries",), reserved)
        for index, entry in enumerate(model.entries):
            numbers = [int(pid[1:]) for pid in entry.paragraphs]
            if numbers != sorted(set(numbers)):
                raise document.error(("entries", index, "paragraphs"), "list each paragraph once, in reading order")

    def check_against_texts(self, document, model, article, records) -> None:
        """Each entry is named where it says: in the authors' text of each listed paragraph, and
        in that paragraph of every translation; no paragraph that has one of its forms is left
        out; the gloss's paragraph names it too; and something names it (the other forms, which
        no text need have, let search find it by any form a reader types: «Назарбаевым»).
        `article`: language -> paragraph id -> text; `records`: the other kinds' files."""
        own = article[DEFAULT.code]
        for index, entry in enumerate(model.entries):
            where = ("entries", index)
            for position, pid in enumerate(entry.paragraphs):
                for language in CODES:
                    text = article[language].get(pid)
                    if text is None:
                        raise document.error((*where, "paragraphs", position), f"the article has no paragraph '{pid}'")
                    if not names_in(text, entry.forms[language]):
                        raise document.error(
                            (*where, "paragraphs", position),
                            f"paragraph {pid} ({language}) has none of its forms ({', '.join(entry.forms[language])})",
                        )
            found = [pid for pid, text in own.items() if names_in(text, entry.forms[DEFAULT.code])]
            if missing := [pid for pid in found if pid not in entry.paragraphs]:
                form = names_in(own[missing[0]], entry.forms[DEFAULT.code])[0]
                raise document.error(
                    (*where, "paragraphs"), f"paragraph {missing[0]} names it («{form}») but is not listed"
                )
            if isinstance(entry.gloss, ArticleGloss) and entry.gloss.paragraph not in entry.paragraphs:
                raise document.error(
                    (*where, "gloss", "paragraph"), "the gloss's paragraph must be one of its paragraphs"
                )
            texts = [*own.values(), *(text for record in records for text in texts_in(record, DEFAULT.code))]
            if not any(names_in(text, entry.forms[DEFAULT.code]) for text in texts):
                raise document.error(
                    (*where, "forms", DEFAULT.code),
                    "none of its forms is in the article or a data record: an entry the edition never names",
                )

    def pages(self, data, locale, render):
        entries, records = data.names.entries, self.records(data, locale)
        totals = {"entries": len(entries), "paragraphs": sum(len(entry.paragraphs) for entry in entries),
                  "pages": sum(len(pages) for pages in records.values())}  # fmt: skip
        yield "names/index.md", render("names.md.j2", "names/index.md", sections=list(self.sections(entries, locale)),
                                       records=records, totals=totals)  # fmt: skip

    def tables(self, data, locale):
        records = self.records(data, locale)
        rows = [
            {
                "entry_id": entry.id,
                "entry_type": entry.type,
                "entry": entry.name[locale],
                "forms": list(entry.forms[locale]),
                "gloss": entry.gloss.text[locale],
                "article_paragraphs": list(entry.paragraphs),
                "data_pages": [url.removesuffix(".md") + ".html" for url, _ in records.get(entry.id, [])],
                "sources": source_urls(data, entry.gloss.sources),
            }
            for entry in entries_in_order(data.names.entries, locale)
        ]
        return [Table("names", "names", rows)]

    def search_entries(self, data, locale, entry):
        t = STRINGS[locale]
        found = [entry("names/index.html", t["names"], t["names_lead"])]
        for item in data.names.entries:
            forms = [form for code in CODES for form in item.forms[code]]  # «Назарбаевым» finds him in either index
            found.append(entry(f"names/index.html#{item.id}", item.name[locale], item.gloss.text[locale], *forms))
        return found

    # ------------------------------------------------------------------------ for the page
    @staticmethod
    def sections(entries, locale: str) -> Iterator[tuple[str, list[Entry]]]:
        """(type, its entries in alphabetical order) for each type that has entries."""
        for kind in TYPES:
            chosen = [entry for entry in entries_in_order(entries, locale) if entry.type == kind]
            if chosen:
                yield kind, chosen

    @staticmethod
    def records(data, locale: str) -> dict[str, list[tuple[str, str]]]:
        """Entry id -> [(Markdown path from the language root, label)] of the data pages whose
        records name it (in the article's language, so that each language's index agrees)."""
        from . import KINDS  # the registry holds this kind too

        pages = [(url, label, record) for kind in KINDS for url, label, record in kind.margin_records(data, locale)]
        found: dict[str, list[tuple[str, str]]] = {}
        for entry in data.names.entries:
            forms = entry.forms[DEFAULT.code]
            for url, label, record in pages:
                if any(names_in(text, forms) for text in texts_in(record, DEFAULT.code)):
                    found.setdefault(entry.id, []).append((url, label))
        return found


def entries_in_order(entries, locale: str) -> list[Entry]:
    return sorted(entries, key=lambda entry: BY_CODE[locale].sort_key(entry.name[locale]))


KIND = Names()
