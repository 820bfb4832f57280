"""Peacekeeping missions (data/missions.yml): a page per mission and their index, with the
facts of each checked against outside sources."""

from typing import Annotated

from pydantic import Field

from ..locales import CODES
from ..models import Check, Dated, Model, Slug, Text
from ..strings import STRINGS, format_range
from .base import Kind, Table, check_columns, checks_text, not_reserved, paragraphs_of, source_urls, titled, unique


class Mission(Model):
    id: Slug
    name: Text
    short: Text
    after_article: bool
    summary: Text
    start: Dated
    end: Dated | None = None  # none: still under way when the sources were written
    facts: list[Check]


class MissionsFile(Model):
    missions: Annotated[list[Mission], Field(min_length=1)]


class Missions(Kind):
    name, file, model, folder = "missions", "missions.yml", MissionsFile, "missions"
    dataset, single_file = "missions", True

    def check(self, document, model, reserved):
        unique(document, model.missions, "id", ("missions",))
        for index, mission in enumerate(model.missions):
            unique(document, mission.facts, "id", ("missions", index, "facts"))
        for index, mission in enumerate(model.missions):
            not_reserved(document, mission.facts, ("missions", index, "facts"), reserved)
        for index, mission in enumerate(model.missions):
            if mission.end and mission.end.date.last_day < mission.start.date.first_day:
                raise document.error(
                    ("missions", index, "end", "date"),
                    f"end {mission.end.date} is before start {mission.start.date}",
                )

    def pages(self, data, locale, render):
        missions = data.missions.missions
        yield "missions/index.md", render("missions_index.md.j2", "missions/index.md", missions=missions,
                                          paragraphs_of=paragraphs_of)  # fmt: skip
        for mission in missions:
            path = f"missions/{mission.id}.md"
            yield path, render("mission.md.j2", path, mission=mission, paragraphs=paragraphs_of(mission))

    def tables(self, data, locale):
        missions = [
            {
                "mission_id": mission.id,
                "mission": mission.name[locale],
                "start": str(mission.start.date),
                "end": str(mission.end.date) if mission.end else "",
                "after_article": mission.after_article,
                "summary": mission.summary[locale],
                "article_paragraphs": [pid for pid in paragraphs_of(mission)],
                "sources": source_urls(data, mission.start.sources + (mission.end.sources if mission.end else [])),
            }
            for mission in data.missions.missions
        ]
        mission_facts = [
            {"mission_id": mission.id, "mission": mission.name[locale], **check_columns(data, locale, check)}
            for mission in data.missions.missions
            for check in mission.facts
        ]
        return [Table("missions", "missions", missions), Table("missions", "missions_facts", mission_facts)]

    def margin_records(self, data, locale):
        return [(f"missions/{m.id}.md", m.short[locale], m) for m in data.missions.missions]

    def search_entries(self, data, locale, entry):
        t = STRINGS[locale]
        entries = [entry("missions/index.html", t["missions"], t["missions_lead"])]
        for mission in data.missions.missions:
            period = format_range(mission.start.date, mission.end.date if mission.end else None, locale)
            entries.append(entry(f"missions/{mission.id}.html", mission.name[locale], mission.summary[locale],
                                 period, *checks_text(mission.facts, locale)))  # fmt: skip
        return entries

    def fragments(self, data, path):
        mission = self._mission(data, path)
        if mission is None:
            return None
        title = {**titled({code: mission.name[code] for code in CODES}), "page": True, "k": f"mission-{mission.id}"}
        return {"cited": path, "fragments": {"title": title}}

    def event(self, data, path, locale):
        mission = self._mission(data, path)
        if mission is None:
            return None
        return {"name": mission.name[locale], "start": mission.start.date,
                "end": mission.end.date if mission.end else None, "place": mission.short[locale],
                "description": mission.summary[locale]}  # fmt: skip

    def page_label(self, data, path, locale):
        mission = self._mission(data, path)
        return mission.name[locale] if mission else None

    @staticmethod
    def _mission(data, path: str):
        return next((m for m in data.missions.missions if f"missions/{m.id}.html" == path), None)


KIND = Missions()
