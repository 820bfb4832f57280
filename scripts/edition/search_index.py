"""One search index per language, and what it holds of the data pages.

mkdocs-static-i18n stacks both languages into one index (search/search_index.json), so a
Russian search would return English pages too. Once every language is built, the index is
split: Russian entries stay in search/, English ones go to en/search/ with locations relative
to en/ (English pages look for their index there: see overrides/main.html). The offline
build's inlined copy (search_index.js, for file:// pages) is split the same way.
(The plugin's `reconfigure_search` is off: its de-duplication drops English page entries.)

The pages generated from data/ are not parsed by Material's search (their front matter says
`search: exclude`): data_entries() writes their entries from the data itself, one per page or
section, with what a reader searches for (names, dates, cities, outcomes, what the sources
say) and without what every such page repeats (the article's quotations, which the article's
own entries hold, the sources lists, the navigation). Parsing thousands of pages' HTML for
that was a fifth of the build at 100 times the data."""

import json
from html import escape
from pathlib import Path

from .strings import STRINGS, format_date, format_range


def split_search_index(site_dir: Path, folders: dict[str, str], data) -> None:
    """`folders` maps each locale to its folder in the site ('' for the default language);
    `data`: the edition's data, for the entries of the data pages."""
    source = site_dir / "search" / "search_index.json"
    if not source.is_file():
        return
    index = json.loads(source.read_text(encoding="utf-8"))
    inline = (site_dir / "search" / "search_index.js").is_file()  # the offline build's copy
    others = tuple(folder for folder in folders.values() if folder)
    for locale, folder in folders.items():
        if folder:
            docs = [
                {**doc, "location": doc["location"].removeprefix(folder)}
                for doc in index["docs"]
                if doc["location"].startswith(folder)
            ]
        else:
            docs = [doc for doc in index["docs"] if not doc["location"].startswith(others)]
        docs += data_entries(data, locale)
        part = {**index, "config": {**index["config"], "lang": [locale]}, "docs": docs}
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        target = site_dir / folder / "search"
        target.mkdir(parents=True, exist_ok=True)
        (target / "search_index.json").write_text(text, encoding="utf-8")
        if inline:
            (target / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


def data_entries(data, locale: str) -> list[dict]:
    """Search entries for the data pages of `locale` (locations from its language root)."""
    t = STRINGS[locale]

    def entry(location: str, title: str, *texts: str) -> dict:
        text = " ".join(escape(part) for part in texts if part)
        return {"location": location, "title": escape(title), "text": text}

    def checks(facts) -> list[str]:
        return [f"{f.label[locale]}: {f.outside.value[locale]}" if f.outside else f.label[locale] for f in facts]

    cities = data.rounds.cities
    entries = [entry("missions/index.html", t["missions"], t["missions_lead"])]
    for mission in data.missions.missions:
        period = format_range(mission.start.date, mission.end.date if mission.end else None, locale)
        entries.append(
            entry(
                f"missions/{mission.id}.html",
                mission.name[locale],
                mission.summary[locale],
                period,
                *checks(mission.facts),
            )  # fmt: skip
        )
    entries.append(entry("astana/index.html", t["astana"], data.rounds.guarantors.value[locale],
                         *checks(data.rounds.article_claims)))  # fmt: skip
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
    law = data.funding.law
    entries.append(entry("funding/index.html", t["funding"], t["funding_lead"]))
    entries.append(entry("funding/index.html#law", t["law"], law.title[locale],
                         t["law_number"].format(number=law.number, date=format_date(law.date, locale))))  # fmt: skip
    for item in data.funding.funding_sources:
        entries.append(
            entry(
                f"funding/index.html#source-{item.n}",
                t["source_n"].format(n=item.n),
                item.summary[locale],
                item.outside.value[locale] if item.outside else "",
            )  # fmt: skip
        )
    entries.append(entry("facts/index.html", t["facts"], t["facts_lead"]))
    for topic in data.facts.topics:
        entries.append(entry(f"facts/index.html#{topic.id}", topic.title[locale], *checks(topic.facts)))
    return entries
