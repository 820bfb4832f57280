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

from .kinds import KINDS


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
    """Search entries for the data pages of `locale` (locations from its language root), each
    data kind's (Kind.search_entries)."""

    def entry(location: str, title: str, *texts: str) -> dict:
        text = " ".join(escape(part) for part in texts if part)
        return {"location": location, "title": escape(title), "text": text}

    return [found for kind in KINDS for found in kind.search_entries(data, locale, entry)]
