"""How peacekeeping is funded (data/funding_sources.yml): Art. 23 of the Law «О миротворческой
деятельности» and its sources of funds, as the article quotes them."""

from typing import Annotated

from pydantic import Field, PositiveInt

from ..models import ArticleQuote, Confidence, IsoDate, Model, NonEmpty, Outside, SourceIds, Text
from ..strings import STRINGS, format_date
from .base import Kind, Table, numbered, quote_columns, source_urls


class Law(Model):
    title: Text
    number: NonEmpty
    date: IsoDate
    sources: SourceIds
    confidence: Confidence
    article: ArticleQuote
    wording_verified: bool
    note: Text


class FundingSource(Model):
    n: PositiveInt
    article: ArticleQuote
    summary: Text
    outside: Outside | None = None


class FundingFile(Model):
    law: Law
    funding_sources: Annotated[list[FundingSource], Field(min_length=1)]


class Funding(Kind):
    name, file, model, folder = "funding", "funding_sources.yml", FundingFile, "funding"
    dataset, single_file = "funding_sources", True

    def check(self, document, model, reserved):
        numbered(document, model.funding_sources, ("funding_sources",))

    def pages(self, data, locale, render):
        yield "funding/index.md", render("funding.md.j2", "funding/index.md", law=data.funding.law,
                                         funding_sources=data.funding.funding_sources)  # fmt: skip

    def tables(self, data, locale):
        law = data.funding.law
        funding = [
            {
                "source": item.n,
                "summary": item.summary[locale],
                **quote_columns(data, locale, item.article),
                "outside_value": item.outside.value[locale] if item.outside else "",
                "confidence": item.outside.confidence if item.outside else "",
                "sources": source_urls(data, item.outside.sources) if item.outside else [],
                "law": law.title[locale],
                "law_number": law.number,
                "law_date": str(law.date),
                "law_sources": source_urls(data, law.sources),
                "wording_verified": law.wording_verified,
            }
            for item in data.funding.funding_sources
        ]
        return [Table("funding", "funding_sources", funding)]

    def margin_records(self, data, locale):
        t = STRINGS[locale]
        records = [(f"funding/index.md#source-{item.n}", t["source_n"].format(n=item.n), item)
                   for item in data.funding.funding_sources]  # fmt: skip
        return [*records, ("funding/index.md#law", t["law"], data.funding.law)]

    def search_entries(self, data, locale, entry):
        t, law = STRINGS[locale], data.funding.law
        entries = [entry("funding/index.html", t["funding"], t["funding_lead"])]
        number = t["law_number"].format(number=law.number, date=format_date(law.date, locale))
        entries.append(entry("funding/index.html#law", t["law"], law.title[locale], number))
        for item in data.funding.funding_sources:
            entries.append(entry(f"funding/index.html#source-{item.n}", t["source_n"].format(n=item.n),
                                 item.summary[locale], item.outside.value[locale] if item.outside else ""))  # fmt: skip
        return entries


KIND = Funding()
