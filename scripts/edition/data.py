"""The one loader of the data files: read, validate, check references, hand out records.

Every part of the edition that needs a fact (page generation, the article's margin links,
downloads, tests) calls load_data(). A problem stops it with a DataError whose message is
one line naming the file, the line, the field and what is wrong."""

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .article import ARTICLE, article_paragraphs, translation_of
from .kinds import KINDS
from .kinds.base import unique
from .locales import CODES, DEFAULT, others
from .models import (
    ArticleRecord,
    CorrectionsFile,
    Source,
    SourcesFile,
    article_quotes,
    source_references,
)
from .yaml_source import DataError, YamlDocument, read_yaml, shown

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
# The anchors the data pages have whatever the data (templates/*.md.j2): no record id may be one.
PAGE_ANCHORS = {"title", "overview", "start", "end", "checks", "article", "sources", "downloads", "timeline"}
# The files every edition has; each data kind adds its own (kinds/).
FILES = {
    "sources": ("sources.yml", SourcesFile),
    **{kind.name: (kind.file, kind.model) for kind in KINDS},
    "article": ("article.yml", ArticleRecord),
    "corrections": ("corrections.yml", CorrectionsFile),
}


@dataclass(frozen=True)
class EditionData:
    sources: dict[str, Source]
    article: ArticleRecord
    paragraphs: dict[str, str]  # the authors' paragraphs of the article, by id (article.py)
    corrections: CorrectionsFile
    records: dict[str, BaseModel]  # each data kind's file, by the kind's name (Kind.name)

    def __getattr__(self, name: str):
        records = self.__dict__.get("records", {})  # (not yet there while a copy is unpickled)
        if name in records:
            return records[name]
        raise AttributeError(name)


def load_data(data_dir: Path = DATA_DIR, article: Path | None = None) -> EditionData:
    article = article or ARTICLE
    paragraphs = article_paragraphs(article)
    translations = {code: article_paragraphs(translation_of(article, code)) for code in others(DEFAULT.code)}
    documents, models = {}, {}
    for name, (filename, model) in FILES.items():
        documents[name] = read_yaml(data_dir / filename)
        models[name] = validate(documents[name], model)
    sources = {source.id: source for source in models["sources"].sources}
    check_unique_ids(documents, models)
    for kind in KINDS:
        kind.check(documents[kind.name], models[kind.name], PAGE_ANCHORS)
    cited = check_references(documents, models, sources, paragraphs, translations)
    texts = {DEFAULT.code: paragraphs, **translations}
    for kind in KINDS:
        others_records = [models[other.name] for other in KINDS if other is not kind]
        kind.check_against_texts(documents[kind.name], models[kind.name], texts, others_records)
    unused = sorted(set(sources) - cited)
    if unused:
        index = next(i for i, s in enumerate(models["sources"].sources) if s.id == unused[0])
        raise documents["sources"].error(("sources", index, "id"), f"'{unused[0]}' is never cited")
    for language in CODES:
        if models["article"].abstract[language] not in paragraphs:
            raise documents["article"].error(("abstract", language), "the article has no such paragraph")
    keywords = models["article"].keywords
    for language in others(DEFAULT.code):
        if len(keywords[language]) != len(keywords[DEFAULT.code]):
            raise documents["article"].error(
                ("keywords", language),
                f"{len(keywords[language])} keywords for {len(keywords[DEFAULT.code])} of the article's "
                f"({DEFAULT.code}): give one for each",
            )
    check_releases(documents["corrections"], models["corrections"], models["article"])
    return EditionData(
        sources,
        models["article"],
        paragraphs,
        models["corrections"],
        {kind.name: models[kind.name] for kind in KINDS},
    )


def check_releases(document, corrections: CorrectionsFile, article: ArticleRecord) -> None:
    """Releases newest first, the first being this edition (article.yml), every older one
    rebuildable from its commit; every correction in a release (ids: check_unique_ids)."""

    def number(version: str) -> tuple[int, ...]:
        return tuple(int(part) for part in version.split("."))

    releases = corrections.releases
    first = releases[0]
    if (first.version, first.date) != (article.edition.version, article.edition.date):
        raise document.error(
            ("releases", 0, "version"),
            f"the newest release must be this edition: {article.edition.version} of "
            f"{article.edition.date} (data/article.yml), found {first.version} of {first.date}",
        )
    if first.commit is not None:
        raise document.error(("releases", 0, "commit"), "the release being built has no commit yet: leave it out")
    for index, (newer, older) in enumerate(zip(releases, releases[1:], strict=False), start=1):
        if number(older.version) >= number(newer.version):
            raise document.error(("releases", index, "version"), "releases go newest first, each version once")
        if older.commit is None:
            raise document.error(("releases", index), "an older release names the commit it is rebuilt from (commit:)")
    versions = {release.version for release in releases}
    for index, correction in enumerate(corrections.corrections):
        if correction.version not in versions:
            raise document.error(("corrections", index, "version"), f"{correction.version} is not a release above")


# ---------------------------------------------------------------------------- shape
def validate(document: YamlDocument, model: type[BaseModel]) -> BaseModel:
    if document.data is None:
        fields = ", ".join(model.model_fields)
        raise DataError(f"{document.display_path}: the file is empty; expected a mapping with {fields}")
    if not isinstance(document.data, dict):
        kind = type(document.data).__name__.replace("list", "a list").replace("str", "text")
        raise document.error((), f"expected a mapping at the top level, found {kind}")
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        raise document.error(location, describe(first)) from None


def describe(error: dict) -> str:
    kind, message = error["type"], error["msg"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown key (check its spelling; unknown keys are not allowed)"
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    return f"{message} (found '{shown(error.get('input'))}')"


# ---------------------------------------------------------------------------- cross-record checks
def check_unique_ids(documents, models) -> None:
    """Ids of the files every edition has (each kind checks its own: Kind.check)."""
    unique(documents["sources"], models["sources"].sources, "id", ("sources",))
    unique(documents["corrections"], models["corrections"].corrections, "id", ("corrections",))


def check_references(documents, models, sources: dict, paragraphs: dict[str, str], translations: dict) -> set[str]:
    """Every cited source id exists and every article quotation is in its paragraph,
    verbatim, and its translation into each other language in the same paragraph of the
    article in that language (the data says what the translation says; `translations`:
    language -> paragraphs). Returns the ids of the sources cited."""
    cited = set()
    for name, model in models.items():
        document = documents[name]
        for location, source_id in source_references(model):
            if source_id not in sources:
                raise document.error(location, f"'{source_id}' is not a source in data/sources.yml")
            cited.add(source_id)
        for location, quote in article_quotes(model):
            if quote.paragraph not in paragraphs:
                raise document.error(
                    (*location, "paragraph"),
                    f"the article has no paragraph '{quote.paragraph}' (it has p1-p{len(paragraphs)})",
                )
            words = " ".join(quote.quote.split())
            found = paragraphs[quote.paragraph].count(words)
            if found > 1:
                raise document.error(
                    (*location, "quote"),
                    f"found {found} times (it must point at one place) in article paragraph {quote.paragraph}",
                )
            if not found:
                raise document.error(
                    (*location, "quote"),
                    f"not found verbatim in article paragraph {quote.paragraph}: "
                    f"{first_difference(words, paragraphs[quote.paragraph])}",
                )
            for language, translated in translations.items():
                translation, there = " ".join(getattr(quote, language).split()), translated.get(quote.paragraph, "")
                if translation not in there:
                    raise document.error(
                        (*location, language),
                        f"not found verbatim in paragraph {quote.paragraph} of the translation "
                        f"(docs/{language}/article.md): {first_difference(translation, there)}",
                    )
    return cited


def first_difference(quote: str, text: str) -> str:
    """Where `quote` stops being found in `text`, and the character there, named: a letter of
    another alphabet, a decomposed «й», a zero-width space or a soft hyphen look the same as
    the right one, and a person cannot see what to fix without its name."""
    if (composed := unicodedata.normalize("NFC", quote)) != quote:
        at = next(i for i, (a, b) in enumerate(zip(quote, composed, strict=False)) if a != b)
        return (
            f"character {at + 1} of the quote is decomposed ({' + '.join(named(c) for c in quote[at : at + 2])}); "
            f"write it composed, {named(composed[at])}"
        )
    invisible = next((i for i, c in enumerate(quote) if unicodedata.category(c) == "Cf"), None)
    if invisible is not None:
        return f"character {invisible + 1} of the quote is invisible: {named(quote[invisible])}"
    low, high = 0, len(quote)  # the longest beginning of the quote that the text has
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if quote[:middle] in text else (low, middle - 1)
    theirs = text.find(quote[:low]) + low if low else -1
    there = f" where the text has {named(text[theirs])}" if 0 <= theirs < len(text) else ""
    return f"it matches up to «{quote[max(0, low - 20) : low]}», then has {named(quote[low])}{there}"


def named(character: str) -> str:
    return f"«{character}» (U+{ord(character):04X} {unicodedata.name(character, 'unnamed')})"
