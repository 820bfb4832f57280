"""The rounds of the Astana process on Syria (data/astana_rounds.yml): the Astana page with the
table of all rounds and the timeline, a page per round, and the article's claims about them."""

import re
from typing import Annotated

from pydantic import Field, PositiveInt

from ..locales import CODES
from ..models import ArticleQuote, Check, Confidence, IsoDate, Model, Slug, SourcedText, SourceIds, Text
from ..strings import STRINGS, format_date, format_range
from ..timeline import render_timeline
from .base import Kind, Table, checks_text, source_urls, titled, unique


class ArticlePeriod(Model):
    start: IsoDate
    end: IsoDate
    article: ArticleQuote


class Round(Model):
    n: PositiveInt
    start: IsoDate
    end: IsoDate
    city: Slug
    after_article: bool = False
    planned: SourcedText | None = None  # where and when it was meant to be held, if it moved
    participants: Text | None = None
    outcome: Text | None = None
    sources: SourceIds
    confidence: Confidence


class RoundsFile(Model):
    article_period: ArticlePeriod
    cities: dict[Slug, Text]
    capital_renamed: SourcedText
    article_claims: list[Check]
    guarantors: SourcedText
    rounds: Annotated[list[Round], Field(min_length=1)]


ROUNDS_PER_PAGE = 100  # the Astana page's table of all rounds; more go on pages of their own
ROUND_PAGE = re.compile(r"astana/round-(\d+)\.html")
ROUNDS_PART = re.compile(r"astana/rounds-\d+\.html")


class Rounds(Kind):
    name, file, model, folder = "rounds", "astana_rounds.yml", RoundsFile, "astana"
    dataset, single_file = "astana_rounds", True

    def check(self, document, model, reserved):
        unique(document, model.article_claims, "id", ("article_claims",))
        period_end = model.article_period.end.last_day
        for index, round_ in enumerate(model.rounds):
            where = ("rounds", index)
            if round_.n != index + 1:
                raise document.error(
                    (*where, "n"),
                    f"round {round_.n} is item {index + 1}: rounds are numbered 1, 2, 3 ... in order, each once",
                )
            if round_.end.last_day < round_.start.first_day:
                raise document.error((*where, "end"), f"end {round_.end} is before start {round_.start}")
            if index and round_.start.first_day < model.rounds[index - 1].end.first_day:
                raise document.error((*where, "start"), f"{round_.start} is before the end of round {round_.n - 1}")
            if round_.city not in model.cities:
                raise document.error((*where, "city"), f"'{round_.city}' is not one of {', '.join(model.cities)}")
            after = round_.start.first_day > period_end
            if round_.after_article != after:
                raise document.error(
                    (*where, "after_article"),
                    f"must be {str(after).lower()}: the article's period ends {model.article_period.end}",
                )

    def pages(self, data, locale, render):
        rounds = data.rounds.rounds
        parts = rounds_parts(rounds)
        yield (
            "astana/index.md",
            render(
                "astana_index.md.j2",
                "astana/index.md",
                rounds=data.rounds,
                rounds_shown=parts[0]["rounds"],
                parts=parts,
                lead=astana_lead(data, locale),
                timeline=render_timeline(data, locale, "../"),
            ),
        )
        for part in parts[1:]:
            yield f"astana/{part['href'].removesuffix('.html')}.md", render(
                "rounds_part.md.j2", f"astana/{part['href']}", rounds=data.rounds, rounds_shown=part["rounds"],
                part=part, parts=parts,
            )  # fmt: skip
        for index, round_ in enumerate(rounds):
            yield (
                f"astana/round-{round_.n}.md",
                render(
                    "round.md.j2",
                    f"astana/round-{round_.n}.md",
                    rounds_page=rounds_page,
                    round=round_,
                    rounds=data.rounds,
                    previous=rounds[index - 1] if index else None,
                    next=rounds[index + 1] if index + 1 < len(rounds) else None,
                ),
            )

    def tables(self, data, locale):
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
                "sources": source_urls(data, r.sources),
            }
            for r in data.rounds.rounds
        ]
        return [Table("astana", "astana_rounds", rounds)]

    def margin_records(self, data, locale):
        return [("astana/index.md", STRINGS[locale]["astana"], data.rounds)]

    def search_entries(self, data, locale, entry):
        t, cities = STRINGS[locale], data.rounds.cities
        entries = [entry("astana/index.html", t["astana"], data.rounds.guarantors.value[locale],
                         *checks_text(data.rounds.article_claims, locale))]  # fmt: skip
        for round_ in data.rounds.rounds:
            entries.append(
                entry(
                    f"astana/round-{round_.n}.html",
                    t["round_title"].format(n=round_.n),
                    f"{format_range(round_.start, round_.end, locale)}, {cities[round_.city][locale]}.",
                    round_.outcome[locale] if round_.outcome else "",
                    round_.participants[locale] if round_.participants else "",
                )
            )
        return entries

    def fragments(self, data, path):
        if path == "astana/index.html" or ROUNDS_PART.fullmatch(path):  # the rounds on that page
            return {
                "cited": path,
                "fragments": {
                    f"round-{r.n}": round_fragment(r.n, page=f"astana/round-{r.n}.html")  # cited as its own page
                    for r in data.rounds.rounds
                    if f"astana/{rounds_page(r.n)}" == path
                },
            }
        if match := ROUND_PAGE.fullmatch(path):
            return {"cited": path, "fragments": {"title": round_fragment(int(match[1]))}}
        return None

    def event(self, data, path, locale):
        if not (match := ROUND_PAGE.fullmatch(path)):
            return None
        round_ = data.rounds.rounds[int(match[1]) - 1]
        return {"start": round_.start, "end": round_.end, "place": data.rounds.cities[round_.city][locale]}

    def page_label(self, data, path, locale):
        if path.startswith("astana/round-"):
            return STRINGS[locale]["round_title"].format(n=path.removeprefix("astana/round-").removesuffix(".html"))
        return None


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


def round_fragment(n: int, page: str | None = None) -> dict:
    """A round, cited as its own page: from that page, or (`page`) from elsewhere."""
    title = titled({lang: STRINGS[lang]["round_title"].format(n=n) for lang in CODES})
    return {**title, "page": True, "k": f"round-{n}", **({"u": page} if page else {})}


KIND = Rounds()
