"""What a page lets a reader cite: the whole edition, or a fragment of it (a paragraph of the
article, a section, an Astana round, a mission), with the fragment's URL in both languages.

The result goes into the page as JSON (overrides/main.html); assets/cite.js adds the "cite
this" buttons for it and fills the citation templates of scripts/edition/citation.py."""

from pathlib import Path

from .kinds import kind_of
from .kinds.base import titled
from .locales import CODES, DEFAULT, others
from .markdown_source import heading_id, headings, paragraphs


def page_fragments(data, docs_dir: Path, path: str) -> dict | None:
    """{"cited": page cited for the whole work, "fragments": {id: fragment}} for the page at
    `path` (from the language root, e.g. 'article.html'); None if nothing on it is citable.

    A fragment is {"n": 12} (a paragraph, cited under the work's key with its number) or
    {"t": {ru, en}} (a titled part, by its title in Russian and English) with "k", its key in
    the citations, the same wherever it is cited ("introduction", "round-5", "mission-iraq"); "page": true
    cites a page with no #fragment in its URL (a round or a mission, cited by its heading),
    the page at "u" (from the language root) when it is not the page at hand. The data
    pages' fragments are their kind's (Kind.fragments)."""
    if path in ("article.html", "cite.html"):  # the cite page's examples cite the article's
        return {"cited": "article.html", "fragments": _article_fragments(docs_dir)}
    kind = kind_of(path)
    return kind.fragments(data, path) if kind else None


def _article_fragments(docs_dir: Path) -> dict:
    """Paragraphs p1…pN and every section heading of the article (h2 and below)."""
    titles = {lang: _headings((docs_dir / lang / "article.md").read_text(encoding="utf-8")) for lang in CODES}
    source = (docs_dir / DEFAULT.code / "article.md").read_text(encoding="utf-8")
    fragments = {paragraph.id: {"n": paragraph.number} for paragraph in paragraphs(source)}
    for anchor, (level, _) in titles[DEFAULT.code].items():
        if level > 1:
            for lang in others(DEFAULT.code):
                if anchor not in titles[lang]:
                    raise FragmentError(
                        f"docs/{lang}/article.md: no heading {{#{anchor}}}, which "
                        f"docs/{DEFAULT.code}/article.md has: a citation of it needs its title in {lang}"
                    )
            fragments[anchor] = {**titled({lang: titles[lang][anchor][1] for lang in CODES}), "k": anchor}
    return fragments


def _headings(source: str) -> dict[str, tuple[int, str]]:
    """id -> (level, text) of the headings with an explicit id."""
    return {anchor: (len(match[1]), match["text"]) for _, match in headings(source) if (anchor := heading_id(match))}


class FragmentError(ValueError):
    pass
