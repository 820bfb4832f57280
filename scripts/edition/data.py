"""The one loader of the data files: read, validate, check references, hand out records.

Every part of the edition that needs a fact (page generation, the article's margin links,
downloads, tests) calls load_data(). A problem stops it with a DataError whose message is
one line naming the file, the line, the field and what is wrong."""

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .article import ARTICLE, article_paragraphs, translation_of
from .models import (
    ArticleRecord,
    CorrectionsFile,
    FactsFile,
    FundingFile,
    MissionsFile,
    RoundsFile,
    Source,
    SourcesFile,
    article_quotes,
    source_references,
)
from .yaml_source import DataError, YamlDocument, read_yaml, shown

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
# The anchors the data pages have whatever the data (templates/*.md.j2): no record id may be one.
PAGE_ANCHORS = {"title", "overview", "start", "end", "checks", "article", "sources", "downloads", "timeline"}
FILES = {
    "sources": ("sources.yml", SourcesFile),
    "missions": ("missions.yml", MissionsFile),
    "rounds": ("astana_rounds.yml", RoundsFile),
    "funding": ("funding_sources.yml", FundingFile),
    "facts": ("facts.yml", FactsFile),
    "article": ("article.yml", ArticleRecord),
    "corrections": ("corrections.yml", CorrectionsFile),
}


@dataclass(frozen=True)
class EditionData:
    sources: dict[str, Source]
    missions: MissionsFile
    rounds: RoundsFile
    funding: FundingFile
    facts: FactsFile
    article: ArticleRecord
    paragraphs: dict[str, str]  # the authors' paragraphs of the article, by id (article.py)
    corrections: CorrectionsFile


def load_data(data_dir: Path = DATA_DIR, article: Path | None = None) -> EditionData:
    article = article or ARTICLE
    paragraphs = article_paragraphs(article)
    english = article_paragraphs(translation_of(article))
    documents, models = {}, {}
    for name, (filename, model) in FILES.items():
        documents[name] = read_yaml(data_dir / filename)
        models[name] = validate(documents[name], model)
    sources = {source.id: source for source in models["sources"].sources}
    check_unique_ids(documents, models)
    check_order(documents, models)
    cited = check_references(documents, models, sources, paragraphs, english)
    unused = sorted(set(sources) - cited)
    if unused:
        index = next(i for i, s in enumerate(models["sources"].sources) if s.id == unused[0])
        raise documents["sources"].error(("sources", index, "id"), f"'{unused[0]}' is never cited")
    for language in ("ru", "en"):
        if models["article"].abstract[language] not in paragraphs:
            raise documents["article"].error(("abstract", language), "the article has no such paragraph")
    keywords = models["article"].keywords
    if len(keywords.ru) != len(keywords.en):
        raise documents["article"].error(
            ("keywords", "en"),
            f"{len(keywords.en)} keywords for {len(keywords.ru)} Russian ones: give one for each",
        )
    check_releases(documents["corrections"], models["corrections"], models["article"])
    return EditionData(
        sources,
        models["missions"],
        models["rounds"],
        models["funding"],
        models["facts"],
        models["article"],
        paragraphs,
        models["corrections"],
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
    def unique(document, items, key, path):
        seen = set()
        for index, item in enumerate(items):
            value = getattr(item, key)
            if value in seen:
                raise document.error((*path, index, key), f"duplicate {key} '{value}'")
            seen.add(value)

    def not_reserved(document, items, path, reserved):
        """A record's id becomes an anchor on a page that has anchors of its own."""
        for index, item in enumerate(items):
            if item.id in reserved or item.id.startswith("src-"):
                raise document.error(
                    (*path, index, "id"), f"'{item.id}' is an anchor of the page itself: choose another id"
                )

    unique(documents["sources"], models["sources"].sources, "id", ("sources",))
    unique(documents["missions"], models["missions"].missions, "id", ("missions",))
    for index, mission in enumerate(models["missions"].missions):
        unique(documents["missions"], mission.facts, "id", ("missions", index, "facts"))
    unique(documents["rounds"], models["rounds"].article_claims, "id", ("article_claims",))
    unique(documents["facts"], models["facts"].topics, "id", ("topics",))
    unique(documents["corrections"], models["corrections"].corrections, "id", ("corrections",))
    for index, topic in enumerate(models["facts"].topics):
        unique(documents["facts"], topic.facts, "id", ("topics", index, "facts"))
    for index, mission in enumerate(models["missions"].missions):
        not_reserved(documents["missions"], mission.facts, ("missions", index, "facts"), PAGE_ANCHORS)
    not_reserved(documents["facts"], models["facts"].topics, ("topics",), PAGE_ANCHORS)


def check_order(documents, models) -> None:
    missions = documents["missions"]
    for index, mission in enumerate(models["missions"].missions):
        if mission.end and mission.end.date.last_day < mission.start.date.first_day:
            raise missions.error(
                ("missions", index, "end", "date"),
                f"end {mission.end.date} is before start {mission.start.date}",
            )

    rounds_doc, rounds = documents["rounds"], models["rounds"]
    period_end = rounds.article_period.end.last_day
    for index, round_ in enumerate(rounds.rounds):
        where = ("rounds", index)
        if round_.n != index + 1:
            raise rounds_doc.error(
                (*where, "n"),
                f"round {round_.n} is item {index + 1}: rounds are numbered 1, 2, 3 ... in order, each once",
            )
        if round_.end.last_day < round_.start.first_day:
            raise rounds_doc.error((*where, "end"), f"end {round_.end} is before start {round_.start}")
        if index and round_.start.first_day < rounds.rounds[index - 1].end.first_day:
            raise rounds_doc.error((*where, "start"), f"{round_.start} is before the end of round {round_.n - 1}")
        if round_.city not in rounds.cities:
            raise rounds_doc.error((*where, "city"), f"'{round_.city}' is not one of {', '.join(rounds.cities)}")
        after = round_.start.first_day > period_end
        if round_.after_article != after:
            raise rounds_doc.error(
                (*where, "after_article"),
                f"must be {str(after).lower()}: the article's period ends {rounds.article_period.end}",
            )

    for index, item in enumerate(models["funding"].funding_sources):
        if item.n != index + 1:
            raise documents["funding"].error(
                ("funding_sources", index, "n"), f"{item.n} is item {index + 1}: number them 1, 2, 3 ..."
            )


def check_references(documents, models, sources: dict, paragraphs: dict[str, str], english: dict[str, str]) -> set[str]:
    """Every cited source id exists and every article quotation is in its paragraph,
    verbatim, and its English in the same paragraph of the English article (the data says
    what the translation says). Returns the ids of the sources cited."""
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
            translation = " ".join(quote.en.split())
            if translation not in english.get(quote.paragraph, ""):
                raise document.error(
                    (*location, "en"),
                    f"not found verbatim in paragraph {quote.paragraph} of the English article (docs/en/article.md): "
                    f"{first_difference(translation, english.get(quote.paragraph, ''))}",
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
