"""The corrections log (data/corrections.yml) as readers meet it: the page corrections.html in
each language (<!-- edition:releases --> and <!-- edition:corrections -->), a "corrected in
<version>" mark at each corrected place, and an Atom feed of releases and corrections.

A mark goes where its place's id is: at the end of a paragraph, a note or a table row, or
under a heading or a figure. A place whose id the page does not have stops the build: a log
entry must lead to what it corrects."""

import posixpath
import re
from datetime import UTC, datetime
from pathlib import Path

from markupsafe import Markup

from .contract import relative_href
from .data import DATA_DIR
from .kinds import kind_of
from .locales import FOLDERS
from .render import render
from .strings import STRINGS, format_date
from .yaml_source import DataError, read_yaml

FEED = "corrections.atom"
PAGE = "corrections.html"
START_TAG = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*\bid=\"(?P<id>[^\"]+)\"[^>]*>")
AFTER = {"h1", "h2", "h3", "h4", "h5", "h6", "figure", "table", "svg"}  # a mark goes under these


class MissingPlace(ValueError):
    pass


def entry_id(correction) -> str:
    return f"c-{correction.id}"


def release_id(version: str) -> str:
    """release-0-2-0: ids of ASCII letters, digits and hyphens, like every id of the edition
    (a dot would need escaping in every CSS selector that names it)."""
    return "release-" + version.replace(".", "-")


def release_corrections_id(version: str) -> str:
    return "corrections-" + version.replace(".", "-")


def page_label(data, page: str, locale: str) -> str:
    """A page's name as a reader knows it: its title in the navigation or its record's name."""
    t = STRINGS[locale]
    names = t["page_names"]
    if page in names:
        return names[page]
    kind = kind_of(page)
    return (kind.page_label(data, page, locale) if kind else None) or page


def anchor_label(anchor: str | None, locale: str) -> str:
    t = STRINGS[locale]
    if anchor is None:
        return ""
    if re.fullmatch(r"p\d+", anchor):
        return t["paragraph_short"].format(n=anchor[1:])
    if re.fullmatch(r"ref-\d+", anchor):
        return f"[{anchor[4:]}]"
    if anchor.startswith("fn-"):
        return t["corrections_note"]
    return f"#{anchor}"


def places(data, correction, locale: str, here: str) -> list[dict]:
    """The corrected places, as links from the page at `here` (a path from the site root)."""
    found = []
    for place in correction.where:
        for language in place.languages:
            target = f"{FOLDERS[language]}{place.page}" + (f"#{place.anchor}" if place.anchor else "")
            label = page_label(data, place.page, locale)
            if place.anchor:
                label = f"{label}, {anchor_label(place.anchor, locale)}"
            found.append(
                {
                    "href": relative_href(target, here),
                    "label": label,
                    "language": STRINGS[locale]["language_names"][language],
                }
            )
    return found


def releases_markup(data, locale: str, page_dest: str, archives: dict) -> str:
    """The releases, newest first, each with its date, summary, corrections and archive."""
    t = STRINGS[locale]
    here = posixpath.dirname(page_dest) or "."
    up = posixpath.relpath(".", here)
    releases = []
    for index, release in enumerate(data.corrections.releases):
        count = sum(1 for c in data.corrections.corrections if c.version == release.version)
        archive = f"versions/{release.version}/{FOLDERS[locale]}index.html" if release.version in archives else None
        releases.append(
            {
                "id": release_id(release.version),
                "version": release.version,
                "date": format_date(release.date, locale),
                "current": index == 0,
                "summary": release.summary[locale],
                "corrections": "#" + release_corrections_id(release.version) if count else None,
                "archive": posixpath.normpath(posixpath.join(up, archive)) if archive else None,
            }
        )
    return render("releases.html", t=t, releases=releases)


def corrections_markup(data, locale: str, page_dest: str) -> str:
    """Every correction, grouped by release, newest first."""
    t = STRINGS[locale]
    here = posixpath.dirname(page_dest) or "."
    groups = []
    for release in data.corrections.releases:
        entries = []
        for correction in (c for c in data.corrections.corrections if c.version == release.version):
            entries.append(
                {
                    "id": entry_id(correction),
                    "kind": t["correction_kinds"][correction.kind],
                    "date": format_date(correction.date, locale),
                    "places": places(data, correction, locale, here),
                    "before": wording(correction.before, locale),
                    "after": wording(correction.after, locale),
                    "why": correction.why[locale],
                    "sources": [source_link(data.sources[s], locale) for s in correction.sources],
                }
            )
        if entries:
            group_id = release_corrections_id(release.version)
            groups.append({"id": group_id, "version": release.version, "entries": entries})
    return render("corrections.html", t=t, groups=groups)


def wording(value, locale: str) -> dict:
    """{text, lang}: verbatim words in their language, or the description in the reader's."""
    if hasattr(value, "text"):
        return {"text": value.text, "lang": value.language, "verbatim": True}
    return {"text": value[locale], "lang": locale, "verbatim": False}


def source_link(source, locale: str) -> dict:
    """A source as the data pages' lists show it: its own title (or, untitled, the editors'
    description) as the link, then what it is in the reader's language."""
    title = source.title
    return {
        "url": source.url,
        "text": title.text if title else source.about[locale],
        "lang": title.language if title else locale,
        "about": source.about[locale] if title else None,
    }


# ---------------------------------------------------------------------------- marks
def marks_for(data, page_path: str, locale: str) -> list[tuple[str, object, tuple]]:
    """(anchor, correction, its place in data/corrections.yml) of every correction of the page
    at `page_path` (without the language folder) in `locale`, in the log's order."""
    return [
        (place.anchor, correction, ("corrections", index, "where", number, "anchor"))
        for index, correction in enumerate(data.corrections.corrections)
        for number, place in enumerate(correction.where)
        if place.page == page_path and locale in place.languages and place.anchor and place.marked
    ]


def mark_html(corrections: list, locale: str, page_dest: str, section: bool = False) -> str:
    """The mark at one corrected place: "corrected in <version>" linking the correction's entry;
    where several corrections of one version changed the place, one mark for them with a
    numbered link to each entry (not the same words stacked two or three times). `section`:
    the place is a heading, under which a bare "corrected in" would say nothing of what changed,
    so the mark says it is the section and what kind of thing."""
    t = STRINGS[locale]
    here = posixpath.dirname(page_dest)
    by_version = {}
    for correction in corrections:
        by_version.setdefault(correction.version, []).append(correction)
    groups = [
        {
            "version": version,
            "entries": [
                {
                    "href": relative_href(f"{FOLDERS[locale]}{PAGE}#{entry_id(correction)}", here),
                    "label": t["correction_numbered"].format(
                        number=number, count=len(group), kind=t["correction_kinds"][correction.kind].lower()
                    ),
                }
                for number, correction in enumerate(group, start=1)
            ],
            "what": t["correction_in_section"].format(kind=t["correction_kinds"][group[0].kind].lower())
            if section and len(group) == 1
            else "",
        }
        for version, group in by_version.items()
    ]
    marks = render("correction_mark.html", t=t, groups=groups).strip()
    return f"\n{marks}\n"  # on a line of its own: the line may break before the mark (never inside it)


def insert_mark(html: str, anchor: str, mark: str) -> str:
    """`html` with `mark` at the end of the element whose id is `anchor` (in its last cell for a
    table row, in its last paragraph for a list item), or right after it for a heading or a
    figure. MissingPlace if no element has that id."""
    start = next((m for m in START_TAG.finditer(html) if m["id"] == anchor), None)
    if start is None:
        raise MissingPlace(anchor)
    tag = start["tag"].lower()
    end = closing_tag(html, tag, start.end())
    close_end = end + len(f"</{tag}>")
    if tag in AFTER:
        return html[:close_end] + mark + html[close_end:]
    inner = {"tr": "</td>", "li": "</p>"}.get(tag)
    position = html.rfind(inner, start.end(), end) if inner else -1
    position = end if position < 0 else position
    return html[:position] + mark + html[position:]


def closing_tag(html: str, tag: str, position: int) -> int:
    """Where the end tag of the `tag` element whose content starts at `position` begins."""
    pattern = re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)
    depth = 1
    for match in pattern.finditer(html, position):
        depth += -1 if match[1] else 1
        if depth == 0:
            return match.start()
    raise MissingPlace(f"{tag} without its end tag")


# ---------------------------------------------------------------------------- the feed
def atom_feed(data, locale: str, site_url: str) -> str:
    """An Atom 1.0 feed (RFC 4287) of the releases and the corrections, newest first."""
    t = STRINGS[locale]
    base = f"{site_url}{FOLDERS[locale]}"
    entries = []
    for release in data.corrections.releases:
        entries.append(
            {
                "id": f"{base}{PAGE}#{release_id(release.version)}",
                "title": t["feed_release"].format(version=release.version),
                "updated": timestamp(release.date),
                "link": f"{base}{PAGE}#{release_id(release.version)}",
                "summary": release.summary[locale],
                "content": None,
            }
        )
    for correction in data.corrections.corrections:
        where = "; ".join(p["label"] for p in places(data, correction, locale, "."))
        entries.append(
            {
                "id": f"{base}{PAGE}#{entry_id(correction)}",
                "title": f"{correction.version}: {t['correction_kinds'][correction.kind]} — {where}",
                "updated": timestamp(correction.date),
                "link": f"{base}{PAGE}#{entry_id(correction)}",
                "summary": correction.why[locale],
                "content": str(  # HTML, as a plain string: the template escapes it for XML
                    Markup("<p>{}: {}</p><p>{}: {}</p><p>{}: {}</p>").format(
                        t["correction_before"],
                        wording(correction.before, locale)["text"],
                        t["correction_after"],
                        wording(correction.after, locale)["text"],
                        t["correction_why"],
                        correction.why[locale],
                    )
                ),
            }
        )
    entries.sort(key=lambda entry: entry["updated"], reverse=True)  # stable: releases first on a day
    return render(
        "corrections.atom",
        t=t,
        locale=locale,
        feed_id=f"{base}{FEED}",
        page=f"{base}{PAGE}",
        title=f"{t['corrections_title']}: {data.article.title[locale]}",
        updated=max(entry["updated"] for entry in entries),
        entries=entries,
    )


def timestamp(date) -> str:
    return datetime(date.year, date.month, date.day or 1, tzinfo=UTC).isoformat().replace("+00:00", "Z")


def check_corrections_placed(site_dir: Path, data, marks_placed: set[tuple[str, str, str]]) -> None:
    """Every place of the corrections log is a page of the site, and every id on it got its mark
    (`marks_placed`: (correction id, page, anchor) of each mark the build placed)."""
    for index, correction in enumerate(data.corrections.corrections):
        for number, place in enumerate(correction.where):
            field = ("corrections", index, "where", number)
            for language in place.languages:
                page = f"{FOLDERS[language]}{place.page}"
                if not (site_dir / page).is_file():
                    raise misplaced((*field, "page"), f"there is no page {page}")
                if not place.anchor:
                    continue
                if place.marked:
                    found = (correction.id, page, place.anchor) in marks_placed
                else:  # named without a mark: the id must still be there
                    found = f'id="{place.anchor}"' in (site_dir / page).read_text(encoding="utf-8")
                if not found:
                    raise misplaced((*field, "anchor"), f"{page} has no id '{place.anchor}'")


def misplaced(location: tuple, problem: str) -> DataError:
    """An error naming the file, line and field of the corrections log (only the built site
    shows which pages and ids exist)."""
    return read_yaml(DATA_DIR / "corrections.yml").error(location, problem)


def mark_corrections(html_text: str, data, dest_uri: str, locale: str, placed: set[tuple[str, str, str]]) -> str:
    """`html_text` of the page at `dest_uri` with a "corrected in <version>" mark at each place
    the corrections log names (one mark for all the corrections of a place), each added to
    `placed` (check_corrections_placed); a DataError naming the log's line for a missing place."""
    places: dict[str, list] = {}
    for anchor, correction, location in marks_for(data, dest_uri.removeprefix(FOLDERS[locale]), locale):
        places.setdefault(anchor, []).append((correction, location))
    for anchor, found in places.items():
        corrections = [correction for correction, _ in found]
        section = re.search(rf'<h[1-6]\b[^>]*\bid="{re.escape(anchor)}"', html_text) is not None
        try:
            mark = mark_html(corrections, locale, dest_uri, section=section)
            html_text = insert_mark(html_text, anchor, mark)
        except MissingPlace:
            raise misplaced(found[0][1], f"{dest_uri} has no id '{anchor}'") from None
        placed.update((correction.id, dest_uri, anchor) for correction in corrections)
    return html_text
