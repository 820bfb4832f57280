"""The schema of the data files: one model per file, strict (unknown keys are errors),
bilingual text with both languages required, and a source for every value. Here: the parts
the kinds share, and the files every edition has; each data kind's file has its model in its
module of kinds/.

The models check each value's shape; what depends on other records or files (unique ids,
dates in order, sources that exist, quotations found in the article) is checked in data.py,
where the exact location of a problem is known."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

import ada_url
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PositiveInt,
    StringConstraints,
    create_model,
    field_validator,
    model_validator,
)

from .locales import CODES, DEFAULT


def not_the_templates(slug: str) -> str:
    """A record's id becomes an anchor: not one of the ids the templates give their own
    elements (html_check.RESERVED_ID; `edition-cite` would take the cite data's place)."""
    if slug.startswith("edition-"):
        raise ValueError(f"'{slug}': ids beginning with edition- are the templates' own")
    return slug


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$"), AfterValidator(not_the_templates)]


def one_line(text: str) -> str:
    """Text as readers see it: runs of whitespace, line breaks included, as one space. (A line
    break could end an HTML block in the generated Markdown and let the rest become markup.)"""
    text = " ".join(text.split())
    if not text:
        raise ValueError("must not be empty")
    return text


NonEmpty = Annotated[str, AfterValidator(one_line)]
ParagraphId = Annotated[str, StringConstraints(pattern=r"^p[1-9][0-9]*$")]
SOURCE_IDS = "source ids"  # marks the fields that cite data/sources.yml (source_references())
SourceIds = Annotated[list[Slug], Field(min_length=1), SOURCE_IDS]
Confidence = Literal["high", "medium", "low"]
Status = Literal["confirmed", "refined", "contradicted", "not-found", "unverifiable", "article-only", "outside-only"]


def shown(value) -> str:
    """A value as quoted in a message: one line, at most 60 characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:59] + "…"


def web_address(url: str) -> str:
    """`url` if it is a plain absolute http(s) address: a host, no credentials, no spaces."""
    parts = urlsplit(url)
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or "@" in parts.netloc
        or re.search(r"\s", url)
        or not re.fullmatch(r"[A-Za-z0-9.-]+", parts.hostname.encode("idna").decode("ascii") if parts.hostname else "")
    ):
        raise ValueError(f"'{shown(url)}' is not a plain http(s) URL (a host, no credentials or spaces)")
    try:
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        raise ValueError(f"'{shown(url)}' has a port that is not a number") from None
    try:  # and a browser (the WHATWG URL Standard, by Ada) goes to the same host
        browser_host = ada_url.URL(url).hostname
    except ValueError:
        browser_host = None
    if browser_host != parts.hostname.encode("idna").decode("ascii").lower():
        raise ValueError(f"'{shown(url)}' is not a plain http(s) URL (a browser reads its host as {browser_host!r})")
    return url


# ---------------------------------------------------------------------------- dates
@dataclass(frozen=True, order=True)
class PartialDate:
    """An ISO 8601 calendar date, to the day (2003-08-19) or to the month (2024-03)."""

    year: int
    month: int
    day: int | None = None

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day:
            return self.first_day
        next_month = date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return date.fromordinal(next_month.toordinal() - 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


YEARS = range(1900, 2100)  # what a date of this edition can be (a typo's year 9999 is not)


def parse_partial_date(value) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", str(value).strip())
    if not match:
        raise ValueError(f"'{shown(value)}' is not an ISO date (YYYY-MM-DD or YYYY-MM)")
    year, month, day = int(match[1]), int(match[2]), int(match[3]) if match[3] else None
    if year not in YEARS:
        raise ValueError(f"'{value}': the year must be {YEARS.start}-{YEARS.stop - 1}")
    try:
        date(year, month, day or 1)
    except ValueError:
        raise ValueError(f"'{value}' is not a date that exists") from None
    return PartialDate(year, month, day)


IsoDate = Annotated[PartialDate, BeforeValidator(parse_partial_date)]


# ---------------------------------------------------------------------------- building blocks
class Model(BaseModel):
    # strict: a number is a number and a boolean a boolean ("10" or yes are refused, not converted)
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, strict=True)


class ByLanguage(Model):
    """One value per language of the edition (locales.py), each required: text[locale]."""

    def __getitem__(self, locale: str):
        return getattr(self, locale)


def by_language(name: str, value, doc: str, languages=CODES) -> type[ByLanguage]:
    """A model with one required field of type `value` per language code (ru, en, ...)."""
    return create_model(name, __base__=ByLanguage, __doc__=doc, **{code: (value, ...) for code in languages})


Text = by_language("Text", NonEmpty, "Text shown to readers: each language is required.")


class ArticleQuoteBase(Model):
    paragraph: ParagraphId
    quote: NonEmpty


# What the article says: a verbatim quotation from one paragraph (its source), with the
# editors' translation into each other language, under its code (en: ...).
ArticleQuote = create_model(
    "ArticleQuote", __base__=ArticleQuoteBase, **{code: (NonEmpty, ...) for code in CODES if code != DEFAULT.code}
)


class Outside(Model):
    """What outside sources say: the value, its sources (ids in sources.yml), the confidence."""

    value: Text
    sources: SourceIds
    confidence: Confidence


class Check(Model):
    """One fact: the article's statement beside the outside sources', and the verdict."""

    id: Slug
    label: Text
    article: ArticleQuote | None = None
    outside: Outside | None = None
    status: Status
    note: Text | None = None

    @model_validator(mode="after")
    def status_matches_evidence(self):
        needs = {
            "confirmed": ("article", "outside"),
            "refined": ("article", "outside"),
            "contradicted": ("article", "outside"),
            "not-found": ("article",),
            "unverifiable": ("article",),
            "article-only": ("article",),
            "outside-only": ("outside",),
        }[self.status]
        missing = [part for part in needs if getattr(self, part) is None]
        if missing:
            raise ValueError(f"status '{self.status}' needs '{missing[0]}'")
        if self.status == "article-only" and self.outside is not None:
            raise ValueError("status 'article-only' cannot have 'outside'")
        if self.status == "outside-only" and self.article is not None:
            raise ValueError("status 'outside-only' cannot have 'article' (use another status)")
        return self


class Dated(Model):
    date: IsoDate
    sources: SourceIds
    article: ArticleQuote | None = None


class SourcedText(Model):
    value: Text
    sources: SourceIds
    article: ArticleQuote | None = None


# ---------------------------------------------------------------------------- sources.yml
class SourceTitle(Model):
    """A web page's own title, in its own language, as a stored copy of the page reads."""

    text: NonEmpty
    language: Literal["ru", "en", "kk"]


class Source(Model):
    id: Slug
    url: NonEmpty
    title: SourceTitle | None = None  # None: no copy of the page showed its title
    about: Text  # the editors' description (publisher, date, subject), in each reader's language

    @field_validator("url")
    @classmethod
    def web_address(cls, url: str) -> str:
        return web_address(url)


class SourcesFile(Model):
    sources: Annotated[list[Source], Field(min_length=1)]


# ---------------------------------------------------------------------------- article.yml
Keywords = by_language("Keywords", Annotated[list[NonEmpty], Field(min_length=1)], "The keywords in each language.")


class License(Model):
    name: NonEmpty
    url: NonEmpty

    @field_validator("url")
    @classmethod
    def web_address(cls, url: str) -> str:
        return web_address(url)


class EditionInfo(Model):
    date: IsoDate
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]  # the newest of corrections.yml's releases
    license: License
    contact: NonEmpty | None = None  # where readers report errors: a mailto: or http(s) address

    @field_validator("contact")
    @classmethod
    def contact_address(cls, contact: str | None) -> str | None:
        if contact is None or re.fullmatch(r"mailto:[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", contact):
            return contact  # a plain address: every page prints it, in a link and as text
        if contact.startswith("mailto:"):
            raise ValueError(f"'{shown(contact)}' is not a plain e-mail address (mailto:name@example.org)")
        return web_address(contact)


Abstract = by_language("Abstract", ParagraphId, "The paragraphs of the article that are the authors' abstracts.")


class ArticleRecord(Model):
    """The bibliographic record, once. Unknown facts stay empty: never an invented author."""

    title: Text
    title_en_is_translation: bool
    title_en_sentence_case: NonEmpty

    @model_validator(mode="after")
    def _same_title(self):
        if self.title_en_sentence_case.lower() != self.title["en"].lower():
            raise ValueError("title_en_sentence_case must be title.en with other capitals only")
        return self

    language: Literal[DEFAULT.code]  # the authors' (locales.py: the default language)
    abstract: Abstract
    keywords: Keywords
    authors: list[NonEmpty]
    journal: NonEmpty | None
    year: PositiveInt | None
    edition: EditionInfo


# ---------------------------------------------------------------------------- corrections.yml
VersionNumber = Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
Language = Literal[CODES]  # a language of the edition (locales.py)


class Release(Model):
    """A published version: its number, date and what it brought; an older one names the
    commit it is rebuilt from (versions/<version>/)."""

    version: VersionNumber
    date: IsoDate
    summary: Text
    commit: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{40}$")] | None = None


class Place(Model):
    """A corrected place: a page as data/published_urls.yml lists it (without en/), an id on it
    (a published anchor, or fn-<label> for an editors' note; none: the page as a whole), and
    the language versions that changed."""

    page: Annotated[str, StringConstraints(pattern=r"^(?:[a-z0-9-]+/)*[a-z0-9-]+\.html$")]
    anchor: Slug | None = None
    languages: Annotated[list[Language], Field(min_length=1)]
    # false: the page's words did not change there (a rule of the glossary the page already
    # followed): the place is named in the log, and no "corrected in" mark stands on the page
    marked: bool = True


class Wording(Model):
    """Words as they stood or stand, verbatim, in their language."""

    text: NonEmpty
    language: Language


class Correction(Model):
    id: Slug
    version: VersionNumber
    date: IsoDate
    kind: Literal["translation", "note", "data", "interface"]
    where: Annotated[list[Place], Field(min_length=1)]
    before: Wording | Text  # the words, or a description of what stood there in each language
    after: Wording | Text
    why: Text
    sources: Annotated[list[Slug], SOURCE_IDS] = []  # none: the reason needs no outside source


class CorrectionsFile(Model):
    releases: Annotated[list[Release], Field(min_length=1)]
    corrections: list[Correction]


# ---------------------------------------------------------------------------- walking a record
def walk(node, location: tuple = ()) -> Iterator[tuple[tuple, object, object]]:
    """(location, value, field) for every value under `node`, a validated model: `location` is
    the path of keys and indexes as in the data file (missions.0.start.sources), `field` the
    pydantic FieldInfo of the model field holding it (None inside lists and mappings)."""
    if isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            value = getattr(node, name)
            if value is not None:
                yield (*location, name), value, field
                yield from walk(value, (*location, name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield (*location, key), value, None
            yield from walk(value, (*location, key))
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield (*location, index), value, None
            yield from walk(value, (*location, index))


def article_quotes(node) -> Iterator[tuple[tuple, ArticleQuote]]:
    """(location, quotation) of every quotation of the article under `node`."""
    return ((location, value) for location, value, _ in walk(node) if isinstance(value, ArticleQuote))


def source_references(node) -> Iterator[tuple[tuple, str]]:
    """(location, source id) of every citation of data/sources.yml under `node`."""
    for location, value, field in walk(node):
        if field is not None and SOURCE_IDS in field.metadata:
            for index, source_id in enumerate(value):
                yield (*location, index), source_id


def texts_in(node, language: str) -> Iterator[str]:
    """Every text a reader of `language` sees under `node`: its Text values in that language,
    and the article's quotations (the authors' words, or their translation into `language`)."""
    for _, value, _ in walk(node):
        if isinstance(value, ByLanguage) and isinstance(getattr(value, language, None), str):
            yield value[language]
        elif isinstance(value, ArticleQuote):
            yield value.quote if language == DEFAULT.code else getattr(value, language)
