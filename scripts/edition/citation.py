"""How to cite the edition, or any fragment of it, in ГОСТ Р 7.0.100-2018, ГОСТ Р 7.0.5-2008,
APA 7, the English "(In Russ.)" twin, BibTeX, RIS and CSL-JSON.

One record (data/article.yml) -> one CSL-JSON item per language version -> the formats:
the four styles are CSL files in csl/ rendered by citeproc-py; BibTeX is written by
bibtexparser and RIS by rispy from the same item.

A citation depends on things known only in the reader's browser: the day of copying (the
access date) and which fragment is cited. So each format is rendered once per build as a
*template*: the engine formats an item whose URL, locator and access date are sentinels, and
the sentinels are then replaced by tokens (⟦url⟧, ⟦n⟧, ⟦dmy⟧…). `fill()` here and in
assets/cite.js put the real values in; the engine has already decided where each goes and
with what punctuation and label ("абз.", "§", "para.", "section")."""

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import bibtexparser
import iuliia
import rispy
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from .locales import BY_CODE
from .strings import CITE_JS_KEYS, STRINGS, strings_for_js

STYLES = Path(__file__).parent / "csl"
KINDS = ("work", "paragraph", "section")  # what is cited: the whole, a paragraph, a section
TRANSLITERATION = iuliia.ALA_LC  # Library of Congress romanisation: APA asks for one (9.38)

# Sentinels the engine formats like real values, and the tokens that replace them.
SENTINEL_URL = "https://sentinel.invalid/cited"
SENTINEL_N = "4242"
SENTINEL_TITLE = "QQSECTIONQQ"
SENTINEL_DATE = date(1901, 2, 3)
TOKENS = {
    SENTINEL_URL: "⟦url⟧",
    SENTINEL_N: "⟦n⟧",
    SENTINEL_TITLE: "⟦title⟧",
    "03.02.1901": "⟦dmy⟧",
    "1901-02-03": "⟦iso⟧",
    "1901/02/03": "⟦ris⟧",
    "[1901, 2, 3]": "[⟦y⟧, ⟦m⟧, ⟦d⟧]",
}
DATE_LIST = re.compile(r"\[\s+(\d+),\s+(\d+),\s+(\d+)\s+\]")  # a date in indented JSON


@dataclass(frozen=True)
class Format:
    id: str
    label: str
    language: str | None  # the language version of the edition it cites (None: the page's own)
    heading: str | None  # which title of a section it names: ru, en, latn (None: its language's)
    style: str | None = None  # its CSL file in csl/ (None: written from the item in Python)
    escape: str = "text"  # how the title of a section is written into it: text, bibtex, json


FORMATS = (
    Format("gost-2018", "ГОСТ Р 7.0.100-2018", "ru", "ru", "gost-r-7-0-100-2018.csl"),
    Format("gost-2008", "ГОСТ Р 7.0.5-2008", "ru", "ru", "gost-r-7-0-5-2008.csl"),
    Format("apa", "APA 7", None, None, "apa-7.csl"),
    Format("in-russ", "References (In Russ.)", "ru", "en", "in-russ.csl"),
    Format("bibtex", "BibTeX", None, None, escape="bibtex"),
    Format("ris", "RIS", None, None),
    Format("csl-json", "CSL-JSON", None, None, escape="json"),
)
FORMATS_BY_ID = {fmt.id: fmt for fmt in FORMATS}
DEFAULT_FORMAT = {"ru": "gost-2018", "en": "apa"}  # the format a reader of each language starts with


# ---------------------------------------------------------------------------- the item
def csl_item(record, language: str, url: str, accessed: date) -> dict:
    """The CSL-JSON item of the edition's `language` version (its text in that language)."""
    text = STRINGS[language]
    item = {
        "id": f"kazakhstan-conflicts-edition-{language}",
        "type": "webpage",
        "title": record.title[language],
        "genre": text["edition_genre"],
        "version": record.edition.version,
        "language": language,
        "issued": {"date-parts": [[*_parts(record.edition.date.first_day)]]},
        "URL": url,
        "accessed": {"date-parts": [[*_parts(accessed)]]},
        "keyword": ", ".join(getattr(record.keywords, language)),
        "note": text["authors_unknown"],
    }
    if language != record.language:
        item["original-title"] = record.title[record.language]
        item["note"] += f". {text['translation_note']}"
    return item


def locator_label(locale: str, kind: str) -> str:
    """How BibTeX and RIS, which have no locator field, name a fragment: «абз. ⟦n⟧»."""
    return STRINGS[locale][f"locator_{kind}"]


def transliterated_title(record) -> str:
    return TRANSLITERATION.translate(record.title[record.language])


def _parts(day: date) -> tuple[int, int, int]:
    return day.year, day.month, day.day


# ---------------------------------------------------------------------------- the formats
def render(fmt: Format, item: dict, record, kind: str, locale: str, value: str | None = None) -> str:
    """`fmt` for `item`, citing a fragment of `kind` whose locator is `value` (by default
    the sentinel SENTINEL_N or SENTINEL_TITLE, to make a template)."""
    if fmt.id == "bibtex":
        return _bibtex(item, record, kind, locale)
    if fmt.id == "ris":
        return _ris(item, kind, locale)
    if fmt.id == "csl-json":
        if kind != "work":
            item = {**item, "note": item["note"] + f"; {locator_label(locale, kind)}"}
        # Indented for reading, with each date on one line: [2026, 11, 26]
        return DATE_LIST.sub(r"[\1, \2, \3]", json.dumps([item], ensure_ascii=False, indent=2))
    locator = None
    if kind == "paragraph":
        locator = Locator("paragraph", value or SENTINEL_N)
    elif kind == "section":
        locator = Locator("section", value or SENTINEL_TITLE)
    if fmt.id == "apa":
        return _apa(item, record, locator)
    if fmt.id == "in-russ":
        english = record.title["en"]
        item = {
            **item,
            "title": f"{transliterated_title(record)} [{english}]",
            "genre": STRINGS["en"]["edition_genre"],
        }
    return _cite(fmt.style, item, locator)


def _apa(item: dict, record, locator) -> str:
    """The reference entry; for a fragment, then the in-text citation that names it (APA puts
    paragraphs and sections there, never in the reference)."""
    if item["language"] == record.language:  # a Russian title: romanised, then translated
        english = record.title_en_sentence_case
        item = {
            **item,
            "title": f"{transliterated_title(record)} [{english}]",
            "title-short": transliterated_title(record),
        }
    else:
        item = {
            **item,
            "title": f"{record.title_en_sentence_case} [{STRINGS['en']['translation_note']}]",
            "title-short": record.title["en"],
        }
    style, source = _style(FORMATS_BY_ID["apa"].style), CiteProcJSON([item])
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    citation = _citation(item, locator)
    bibliography.register(citation)
    in_text = str(bibliography.cite(citation, _ignore))
    reference = str(bibliography.bibliography()[0])
    return reference if locator is None else f"{reference}\n{in_text}"


def _cite(style_file: str, item: dict, locator) -> str:
    bibliography = CitationStylesBibliography(_style(style_file), CiteProcJSON([item]), formatter.plain)
    citation = _citation(item, locator)
    bibliography.register(citation)
    return str(bibliography.cite(citation, _ignore))


def _citation(item: dict, locator) -> Citation:
    # citeproc-py takes any `locator` keyword, None included, as "has a locator"
    return Citation([CitationItem(item["id"], **({"locator": locator} if locator else {}))])


@cache
def _style(file_name: str) -> CitationStylesStyle:
    return CitationStylesStyle(str(STYLES / file_name), validate=False)


def _ignore(citation_item) -> None:
    """citeproc-py reports unknown keys here; the item is built above, so there are none."""


def _bibtex(item: dict, record, kind: str, locale: str) -> str:
    fields = {
        "title": item["title"],
        "titleaddon": item["genre"],
        "version": item["version"],
        "date": "-".join(f"{p:02d}" for p in item["issued"]["date-parts"][0]),
        "url": item["URL"],
        "urldate": "-".join(f"{p:02d}" for p in item["accessed"]["date-parts"][0]),
        "langid": BY_CODE[item["language"]].bibtex,
        "keywords": item["keyword"],
        "note": item["note"],
    }
    if "original-title" in item:
        fields["origtitle"] = item["original-title"]
        fields["origlanguage"] = BY_CODE[record.language].bibtex
    key = item["id"]
    if kind != "work":
        fields["addendum"] = locator_label(locale, kind)
        key += "-" + {"paragraph": "p⟦n⟧", "section": "⟦id⟧"}[kind]
    library = bibtexparser.Library([Entry("online", key, [Field(k, v) for k, v in fields.items()])])
    layout = BibtexFormat()
    layout.indent = "  "  # not a tab: Markdown would turn it into four spaces on the cite page
    return bibtexparser.write_string(library, bibtex_format=layout).strip()


def _ris(item: dict, kind: str, locale: str) -> str:
    entry = {
        "type_of_reference": "ELEC",
        "title": item["title"],
        "edition": item["version"],
        "language": item["language"],
        "year": str(item["issued"]["date-parts"][0][0]),
        "date": "/".join(f"{p:02d}" for p in item["issued"]["date-parts"][0]),
        "urls": [item["URL"]],
        "access_date": "/".join(f"{p:02d}" for p in item["accessed"]["date-parts"][0]),
        "keywords": item["keyword"].split(", "),
        "notes": [f"{item['genre'][0].upper()}{item['genre'][1:]}. {item['note']}"],
    }
    if "original-title" in item:  # the English version: a translation of the Russian
        entry["original_publication"] = item["original-title"]
    if kind != "work":
        entry["section"] = locator_label(locale, kind)
    return rispy.dumps([entry], implementation=_RisRecord).rstrip("\n")


class _RisRecord(rispy.RisWriter):
    """One record, without the "1." line rispy numbers records with."""

    def set_header(self, count: int) -> str:
        return ""


# ---------------------------------------------------------------------------- templates
def templates(record, locale: str) -> dict:
    """{format id: {kind: template}} for the pages of `locale`: every format and kind
    rendered once with sentinels, which then become tokens. Fails loudly if the engine has
    dropped a value (a template without its token would copy a citation missing a fact)."""
    out = {}
    for fmt in FORMATS:
        item = csl_item(record, fmt.language or locale, SENTINEL_URL, SENTINEL_DATE)
        out[fmt.id] = {}
        for kind in KINDS:
            text = str(render(fmt, item, record, kind, locale))
            for sentinel, token in TOKENS.items():
                text = text.replace(sentinel, token)
            needed = ["⟦url⟧", {"work": None, "paragraph": "⟦n⟧", "section": "⟦title⟧"}[kind]]
            missing = [t for t in needed if t and t not in text]
            if missing or any(s in text for s in ("sentinel", "QQSECTIONQQ", "1901")):
                raise ValueError(f"citation template {fmt.id}/{kind} lost {missing or 'a sentinel'}: {text}")
            out[fmt.id][kind] = text
    return out


def fill(
    template: str,
    escape: str,
    url: str,
    accessed: date | None,
    locale: str,
    n: int | None = None,
    title: str | None = None,
    fragment_id: str | None = None,
) -> str:
    """A template with its values; no `accessed`: the placeholder a reader sees before the
    page fills in today's date. The same steps as fill() in docs/assets/cite.js."""
    if accessed is None:
        dates = STRINGS[locale]["date_placeholders"]
        y = m = d = None
    else:
        dates = {
            "dmy": accessed.strftime("%d.%m.%Y"),
            "iso": accessed.isoformat(),
            "ris": accessed.strftime("%Y/%m/%d"),
        }
        y, m, d = accessed.year, accessed.month, accessed.day
    values = {
        "⟦url⟧": url,
        "⟦n⟧": str(n or ""),
        "⟦title⟧": title or "",
        "⟦id⟧": fragment_id or "",
        "⟦dmy⟧": dates["dmy"],
        "⟦iso⟧": dates["iso"],
        "⟦ris⟧": dates["ris"],
        "⟦y⟧": str(y or 0),
        "⟦m⟧": str(m or 0),
        "⟦d⟧": str(d or 0),
    }
    for token, value in values.items():
        if token == "⟦title⟧":  # the only value that may hold characters special to a format
            value = _escape(value, escape)
        template = template.replace(token, value)
    return template


def _escape(value: str, escape: str) -> str:
    if escape == "json":
        return json.dumps(value, ensure_ascii=False)[1:-1]
    if escape == "bibtex":
        for char in "\\{}&%$#_":
            value = value.replace(char, "\\" + char)
    return value


# ---------------------------------------------------------------------------- in the pages
def citations_script(all_templates: dict, locale: str, icon: str) -> str:
    """assets/citations-<locale>.js: the templates and words of assets/cite.js for one
    language. A script, not a JSON file: from file:// a page may load a script but not fetch."""
    payload = {
        "lang": locale,
        "default": DEFAULT_FORMAT[locale],
        "formats": [
            {
                "id": f.id,
                "label": f.label,
                "language": f.language,
                "heading": f.heading,
                "escape": f.escape,
                "t": t,
            }
            for f, t in zip(FORMATS, all_templates.values(), strict=True)
        ],
        "ui": strings_for_js(locale, CITE_JS_KEYS),
        "icon": icon,
    }
    return (
        "/* Generated by scripts/edition/citation.py from data/article.yml: do not edit. */\n"
        f"window.editionCitations = {json.dumps(payload, ensure_ascii=False, indent=1)};\n"
    )


def shown(
    all_templates: dict,
    locale: str,
    url_of: dict[str, str],
    fmt: Format,
    fragment: dict | None = None,
    fragment_id: str = "",
) -> str:
    """A citation as a reader without script sees it: complete but for the access date,
    which shows as ДД.ММ.ГГГГ (cite.js puts in the reader's date)."""
    language = fmt.language or locale
    kind = "work" if fragment is None else ("paragraph" if "n" in fragment else "section")
    template = all_templates[fmt.id][kind]
    url = url_of[language] + (f"#{fragment_id}" if fragment and not fragment.get("page") else "")
    title = fragment["t"][fmt.heading or language] if fragment and "t" in fragment else None
    return fill(
        template,
        fmt.escape,
        url,
        None,
        locale,
        n=(fragment or {}).get("n"),
        title=title,
        fragment_id=fragment_id,
    )
