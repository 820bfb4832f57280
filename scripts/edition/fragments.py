"""What a page lets a reader cite: the whole edition, or a fragment of it (a paragraph of the
article, a section, an Astana round, a mission), with the fragment's URL in both languages.

The result goes into the page as JSON (overrides/main.html); assets/cite.js adds the "cite
this" buttons for it and fills the citation templates of scripts/edition/citation.py."""

import re
from pathlib import Path

from .locales import CODES, DEFAULT
from .markdown_source import heading_id, headings, paragraphs
from .pages import rounds_page
from .strings import STRINGS

QUOTES = '«»"“”„'


def page_fragments(data, docs_dir: Path, path: str) -> dict | None:
    """{"cited": page cited for the whole work, "fragments": {id: fragment}} for the page at
    `path` (from the language root, e.g. 'article.html'); None if nothing on it is citable.

    A fragment is {"n": 12} (a paragraph) or {"t": {ru, en}} (a titled part, by its
    title in Russian and English), with "k", its key in the citations, the
    same wherever it is cited ("p12", "introduction", "round-5", "mission-iraq"); "page": true
    cites a page with no #fragment in its URL (a round or a mission, cited by its heading),
    the page at "u" (from the language root) when it is not the page at hand."""
    if path in ("article.html", "cite.html"):  # the cite page's examples cite the article's
        return {"cited": "article.html", "fragments": _article_fragments(docs_dir)}
    if path == "astana/index.html" or re.fullmatch(r"astana/rounds-\d+\.html", path):  # the rounds on that page
        return {
            "cited": path,
            "fragments": {
                f"round-{r.n}": _round(r.n, page=f"astana/round-{r.n}.html")  # cited as its own page
                for r in data.rounds.rounds
                if f"astana/{rounds_page(r.n)}" == path
            },
        }
    if match := re.fullmatch(r"astana/round-(\d+)\.html", path):
        n = int(match[1])
        return {
            "cited": path,
            "fragments": {"title": _round(n)},
        }
    for mission in data.missions.missions:
        if path == f"missions/{mission.id}.html":
            return {
                "cited": path,
                "fragments": {
                    "title": {
                        **_titled(mission.name["ru"], mission.name["en"]),
                        "page": True,
                        "k": f"mission-{mission.id}",
                    }
                },
            }
    return None


def _article_fragments(docs_dir: Path) -> dict:
    """Paragraphs p1…pN and every section heading of the article (h2 and below)."""
    titles = {lang: _headings((docs_dir / lang / "article.md").read_text(encoding="utf-8")) for lang in CODES}
    source = (docs_dir / DEFAULT.code / "article.md").read_text(encoding="utf-8")
    fragments = {paragraph.id: {"n": paragraph.number, "k": paragraph.id} for paragraph in paragraphs(source)}
    for anchor, (level, _) in titles["ru"].items():
        if level > 1:
            if anchor not in titles["en"]:
                raise FragmentError(
                    f"docs/en/article.md: no heading {{#{anchor}}}, which "
                    "docs/ru/article.md has: a citation of it needs its English title"
                )
            fragments[anchor] = {**_titled(titles["ru"][anchor][1], titles["en"][anchor][1]), "k": anchor}
    return fragments


def _headings(source: str) -> dict[str, tuple[int, str]]:
    """id -> (level, text) of the headings with an explicit id."""
    return {anchor: (len(match[1]), match["text"]) for _, match in headings(source) if (anchor := heading_id(match))}


def _round(n: int, page: str | None = None) -> dict:
    """A round, cited as its own page: from that page, or (`page`) from elsewhere."""
    title = _titled(*(STRINGS[lang]["round_title"].format(n=n) for lang in CODES))
    return {**title, "page": True, "k": f"round-{n}", **({"u": page} if page else {})}


class FragmentError(ValueError):
    pass


def _titled(ru: str, en: str) -> dict:
    """A section named by its title. The citation puts its own quotation marks around it
    (§ «Площадка мира»), so a title wholly in quotation marks loses them, and quotation marks
    inside a title become the inner kind (§ «Миссия „Казбата“»)."""
    ru, en = (
        _unquoted(ru).replace("«", "„").replace("»", "“"),
        _unquoted(en).replace("“", "‘").replace("”", "’"),
    )
    return {"t": {"ru": ru, "en": en}}


def _unquoted(title: str) -> str:
    inner = title[1:-1]
    if len(title) > 2 and title[0] in QUOTES and title[-1] in QUOTES and not any(q in inner for q in QUOTES):
        return inner
    return title
