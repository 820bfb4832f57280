"""The article's other facts (data/facts.yml), by topic, each checked against outside sources."""

from typing import Annotated

from pydantic import Field

from ..models import Check, Model, Slug, Text
from ..strings import STRINGS
from .base import Kind, Table, check_columns, checks_text, not_reserved, unique


class Topic(Model):
    id: Slug
    title: Text
    facts: Annotated[list[Check], Field(min_length=1)]


class FactsFile(Model):
    topics: Annotated[list[Topic], Field(min_length=1)]


class Facts(Kind):
    name, file, model, folder = "facts", "facts.yml", FactsFile, "facts"
    dataset = "facts"

    def check(self, document, model, reserved):
        unique(document, model.topics, "id", ("topics",))
        for index, topic in enumerate(model.topics):
            unique(document, topic.facts, "id", ("topics", index, "facts"))
        not_reserved(document, model.topics, ("topics",), reserved)

    def pages(self, data, locale, render):
        yield "facts/index.md", render("facts.md.j2", "facts/index.md", topics=data.facts.topics)

    def tables(self, data, locale):
        facts = [
            {"topic_id": topic.id, "topic": topic.title[locale], **check_columns(data, locale, check)}
            for topic in data.facts.topics
            for check in topic.facts
        ]
        return [Table("facts", "facts", facts)]

    def margin_records(self, data, locale):
        return [(f"facts/index.md#{topic.id}", topic.title[locale], topic) for topic in data.facts.topics]

    def search_entries(self, data, locale, entry):
        t = STRINGS[locale]
        entries = [entry("facts/index.html", t["facts"], t["facts_lead"])]
        for topic in data.facts.topics:
            entries.append(
                entry(f"facts/index.html#{topic.id}", topic.title[locale], *checks_text(topic.facts, locale))
            )
        return entries


KIND = Facts()
