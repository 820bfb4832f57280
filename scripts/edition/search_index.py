"""One search index per language.

mkdocs-static-i18n stacks both languages into one index (search/search_index.json), so a
Russian search would return English pages too. Once every language is built, the index is
split: Russian entries stay in search/, English ones go to en/search/ with locations relative
to en/ (English pages look for their index there: see overrides/main.html). The offline
build's inlined copy (search_index.js, for file:// pages) is split the same way.
(The plugin's `reconfigure_search` is off: its de-duplication drops English page entries.)"""

import json
from pathlib import Path


def split_search_index(site_dir: Path, folders: dict[str, str]) -> None:
    """`folders` maps each locale to its folder in the site ('' for the default language)."""
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
        part = {**index, "config": {**index["config"], "lang": [locale]}, "docs": docs}
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        target = site_dir / folder / "search"
        target.mkdir(parents=True, exist_ok=True)
        (target / "search_index.json").write_text(text, encoding="utf-8")
        if inline:
            (target / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
