"""How to cite the edition, or any fragment of it, in ГОСТ Р 7.0.100-2018, ГОСТ Р 7.0.108-2022,
ГОСТ Р 7.0.5-2008, APA 7, the English "(In Russ.)" twin, BibTeX, RIS and CSL-JSON.

One record (data/article.yml) -> one CSL-JSON item per language version -> the formats:
the five styles are CSL files in csl/ rendered by citeproc-py; BibTeX is written by
bibtexparser and RIS by rispy from the same item.

A citation depends on things known only in the reader's browser: the day of copying (the
access date) and which fragment is cited. So each format is rendered once per build as a
*template*: the engine formats an item whose URL, locator, key and access date are sentinels,
and the sentinels are then replaced by tokens (⟦url⟧, ⟦n⟧, ⟦key⟧, ⟦dmy⟧…). `fill()` here and
in assets/cite.js put the real values in; the engine has already decided where each goes and
with what punctuation and label ("Абз.", " // ", "para.", "section").

What is cited: the work (a language version of the edition), a paragraph (by its number) or a
titled part (a section of the article, a round, a mission: by its title). The machine formats
say it as reference managers and thesis tools expect (issue 22): a titled part is an entry of
its own, with the edition as its container (BibTeX @inbook with booktitle, RIS T2, CSL
container-title: "Введение // Роль …"); a paragraph is the work's entry, cited with a
locator: `\autocite[абз.~12]{key}`, `[@key, абз. 12]`, which the cite box shows beside it.
ГОСТ Р 7.0.5-2008 does the same: a list entry describes the work, the reference names the
place in it ([10, с. 81]). Keys: the work's, one per titled part, and the version in the key
of a permanent copy (versions/<version>/), so that no two different entries share one. The
editors' remark that the authors are not identified goes where no style prints it (CSL annote,
a RIS note; not into BibTeX, whose `annotation` biblatex-apa prints); the machine formats
carry no access date unless one is known (a placeholder would be imported as if it were a
date)."""

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

from .locales import BY_CODE, LOCALES
from .strings import CITE_JS_KEYS, STRINGS, strings_for_js

STYLES = Path(__file__).parent / "csl"
KINDS = ("work", "paragraph", "section")  # what is cited: the whole, a paragraph, a titled part
# APA asks for a recognised romanisation (9.38): the Library of Congress's.
TRANSLITERATION = iuliia.ALA_LC
# The "(In Russ.)" twin follows what Russian journals ask of their English reference lists:
# "BSI" (BS 2979:1958 in its simplified form: ь -> ', ы -> y, й -> i), e.g. the instructions of
# the Kantiana journals (journals.kantiana.ru/geometry/transliteration) and of "Aviakosmicheskaya
# i ekologicheskaya meditsina" (journal.imbp.ru/eng/translit.html). Its apostrophe is typeset
# ’, as citeproc-js, the engine of Zotero, prints any apostrophe.
TWIN_TRANSLITERATION = iuliia.BS_2979_ALT
KEY = "kazakhstan-conflicts-edition-{language}"  # + key_suffix(): the version, the part

# Sentinels the engine formats like real values, and the tokens that replace them.
SENTINEL_URL = "https://sentinel.invalid/cited"
SENTINEL_PAGE = "https://sentinel.invalid/page"
SENTINEL_N = "4242"
SENTINEL_TITLE = "QQSECTIONQQ"
SENTINEL_KEY = "qqkeyqq"
SENTINEL_DATE = date(1901, 2, 3)
TOKENS = {
    SENTINEL_URL: "⟦url⟧",
    SENTINEL_PAGE: "⟦page⟧",
    SENTINEL_N: "⟦n⟧",
    SENTINEL_TITLE: "⟦title⟧",
    SENTINEL_KEY: "⟦key⟧",
    "03.02.1901": "⟦dmy⟧",
    "1901-02-03": "⟦iso⟧",
    "1901/02/03": "⟦ris⟧",
    "[1901, 2, 3]": "[⟦y⟧, ⟦m⟧, ⟦d⟧]",
}
DATE_TOKENS = ("⟦dmy⟧", "⟦iso⟧", "⟦ris⟧", "⟦y⟧")
DATE_LIST = re.compile(r"\[\s+(\d+),\s+(\d+),\s+(\d+)\s+\]")  # a date in indented JSON


@dataclass(frozen=True)
class Format:
    id: str
    label: str
    language: str | None  # the language version of the edition it cites (None: the page's own)
    heading: str | None  # which title of a part it names: ru, en, latn (None: its language's)
    style: str | None = None  # its CSL file in csl/ (None: written from the item in Python)
    escape: str = "text"  # how the title of a part is written into it: text, bibtex, json
    component: bool = False  # a titled part described as a component part ("Part // Edition")

    @property
    def machine(self) -> bool:
        """Read by reference managers rather than by people."""
        return self.style is None


FORMATS = (
    Format("gost-2018", "ГОСТ Р 7.0.100-2018", "ru", "ru", "gost-r-7-0-100-2018.csl", component=True),
    Format("gost-2022", "ГОСТ Р 7.0.108-2022", "ru", "ru", "gost-r-7-0-108-2022.csl", component=True),
    Format("gost-2008", "ГОСТ Р 7.0.5-2008", "ru", "ru", "gost-r-7-0-5-2008.csl", component=True),
    Format("apa", "APA 7", None, "en", "apa-7.csl"),
    Format("in-russ", "References (In Russ.)", "ru", "en", "in-russ.csl"),
    Format("bibtex", "BibTeX", None, None, escape="bibtex"),
    Format("ris", "RIS", None, None),
    Format("csl-json", "CSL-JSON", None, None, escape="json"),
)
FORMATS_BY_ID = {fmt.id: fmt for fmt in FORMATS}
DEFAULT_FORMAT = {locale.code: locale.citation_format for locale in LOCALES}  # what a reader starts with


# ---------------------------------------------------------------------------- the item
def csl_item(record, language: str, url: str, accessed: date | None, suffix: str = "") -> dict:
    """The CSL-JSON item of the edition's `language` version (its text in that language), whose
    key ends in `suffix` (key_suffix()); no `accessed`: not known."""
    text = STRINGS[language]
    return {
        "id": KEY.format(language=language) + suffix,
        "type": "webpage",
        "title": record.title[language],
        "genre": text["edition_genre"],
        "version": record.edition.version,
        "language": language,
        "issued": {"date-parts": [[*_parts(record.edition.date.first_day)]]},
        "URL": url,
        **({"accessed": {"date-parts": [[*_parts(accessed)]]}} if accessed else {}),
        "keyword": ", ".join(getattr(record.keywords, language)),
    }


def key_suffix(version: str | None = None, part: str = "") -> str:
    """What follows KEY: "-v0.2.0" in a version's permanent copy, then "-introduction" for a
    titled part (a paragraph is cited under the work's key, with a locator)."""
    return (f"-v{version}" if version else "") + (f"-{part}" if part else "")


def exported_item(item: dict, record, kind: str, value: str | None = None) -> dict:
    """The item the machine formats describe: a titled part with the edition as its
    container; for a paragraph the work itself, at the page's address (one entry serves ¶12
    and ¶15); a translation said to be one in its genre, which every style prints; the
    editors' remark in `annote`, which no style prints."""
    text = STRINGS[item["language"]]
    out = dict(item)
    if item["language"] != record.language:
        note = text["translation_note"]
        out["genre"] = f"{item['genre']}; {note[0].lower()}{note[1:]}"
    if kind == "section":
        out.update({"title": value or SENTINEL_TITLE, "container-title": item["title"]})
    elif kind == "paragraph":
        out["URL"] = _page(item["URL"])
    out["annote"] = text["authors_unknown"]
    return out


def locator_label(locale: str, kind: str) -> str:
    """How the machine formats, which have no locator field, name a fragment: «абз. ⟦n⟧»."""
    return STRINGS[locale][f"locator_{kind}"]


def transliterated_title(record, scheme=TRANSLITERATION) -> str:
    return scheme.translate(record.title[record.language])


def twin_title(record) -> str:
    return transliterated_title(record, TWIN_TRANSLITERATION).replace("'", "’")


def _parts(day: date) -> tuple[int, int, int]:
    return day.year, day.month, day.day


# ---------------------------------------------------------------------------- the formats
def render(fmt: Format, item: dict, record, kind: str, locale: str, value: str | None = None) -> str:
    """`fmt` for `item`, citing a fragment of `kind` whose number or title is `value` (by
    default the sentinel SENTINEL_N or SENTINEL_TITLE, to make a template)."""
    if fmt.machine:
        exported = exported_item(item, record, kind, value)
        if fmt.id == "bibtex":
            return _bibtex(exported)
        if fmt.id == "ris":
            where = f"{_label(locale, kind, value)}: {item['URL']}" if kind == "paragraph" else None
            return _ris(exported, where)
        # Indented for reading, with each date on one line: [2026, 11, 26]
        return DATE_LIST.sub(r"[\1, \2, \3]", json.dumps([exported], ensure_ascii=False, indent=2))
    item, locator = engine_input(fmt, item, record, kind, value)
    if fmt.id == "apa":
        return _apa(item, locator)
    return _cite(fmt.style, item, locator)


def usage(fmt: Format, item: dict, locale: str, value: str | None = None) -> str:
    """How a paragraph is cited from the entry `fmt` gives (the work's): with a locator, in
    the form the tool reading that format expects; "" where it has none (RIS: the reader's
    word processor plug-in asks for the locator)."""
    label = _label(locale, "paragraph", value)
    if fmt.id == "bibtex":  # biblatex, as biblatex-gost's and biblatex-apa's manuals write it
        return f"\\autocite[{label.replace(' ', '~')}]{{{item['id']}}}"
    if fmt.id == "csl-json":  # Pandoc's citation syntax, a locator term of the text's language
        return f"[@{item['id']}, {label}]"
    return ""


def engine_input(fmt: Format, item: dict, record, kind: str, value: str | None = None) -> tuple[dict, Locator | None]:
    """The CSL item and locator the style `fmt` is given for a fragment of `kind` (a second
    engine, citeproc-js in the tests, is given the same)."""
    locator = None
    if kind == "paragraph":
        locator = Locator("paragraph", value or SENTINEL_N)
    elif kind == "section" and fmt.component:  # "Введение // Роль … : веб-издание статьи"
        item = {**item, "title": value or SENTINEL_TITLE, "container-title": item["title"]}
    elif kind == "section":
        locator = Locator("section", value or SENTINEL_TITLE)
    if fmt.id == "apa":
        item = _apa_item(item, record)
    elif fmt.id == "in-russ":
        item = {
            **item,
            "title": f"{twin_title(record)} [{record.title['en']}]",
            "genre": STRINGS["en"]["edition_genre"],
        }
    return item, locator


def _label(locale: str, kind: str, value: str | None) -> str:
    """The fragment's label for the machine formats, with its value or its token."""
    token = "⟦n⟧" if kind == "paragraph" else "⟦title⟧"
    return locator_label(locale, kind).replace(token, value or {"⟦n⟧": SENTINEL_N}.get(token, SENTINEL_TITLE))


def _apa_item(item: dict, record) -> dict:
    """APA's reference entry names the work: the cited page without a #fragment (one entry
    serves ¶12 and ¶15); a Russian title romanised, then translated in brackets."""
    page = _page(item["URL"])
    if item["language"] == record.language:
        english = record.title_en_sentence_case
        return {**item, "URL": page, "title": f"{transliterated_title(record)} [{english}]",
                "title-short": transliterated_title(record)}  # fmt: skip
    return {**item, "URL": page, "title-short": record.title["en"],
            "title": f"{record.title_en_sentence_case} [{STRINGS['en']['translation_note']}]"}  # fmt: skip


def _page(url: str) -> str:
    """The page a fragment's address is on (the sentinel's page for a template)."""
    return SENTINEL_PAGE if url == SENTINEL_URL else url.split("#")[0]


def _apa(item: dict, locator) -> str:
    """The reference entry; for a fragment, then the in-text citation that names it (APA puts
    paragraphs and sections there, never in the reference, 8.13)."""
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


def _iso(item: dict, variable: str, separator: str) -> str:
    return separator.join(f"{p:02d}" for p in item[variable]["date-parts"][0])


def _bibtex(item: dict) -> str:
    """A biblatex entry: @online for the work, @inbook for a titled part (booktitle: the
    edition), with only the fields biblatex's data model allows for its type (`biber --tool
    --validate-datamodel`), titles and the words after them in braces (no style changes their
    case: biblatex-apa sentence-cases what is not), `language` beside `langid` (Zotero reads
    the first, biblatex the second). No editors' remark: biblatex-apa prints `annotation`."""
    language = BY_CODE[item["language"]].bibtex
    part = "container-title" in item
    version = f"{STRINGS[item['language']]['imprint_version']} {item['version']}"
    fields = {
        "title": f"{{{item['title']}}}",
        **(
            {
                "booktitle": f"{{{item['container-title']}}}",
                "booktitleaddon": f"{{{item['genre']}}}",
                "edition": version,
            }
            if part
            else {"titleaddon": f"{{{item['genre']}}}", "version": item["version"]}
        ),
        "date": _iso(item, "issued", "-"),
        "url": item["URL"],
        **({"urldate": _iso(item, "accessed", "-")} if "accessed" in item else {}),
        "langid": language,
        "language": language,
        "keywords": item["keyword"],
    }
    entry = Entry("inbook" if part else "online", item["id"], [Field(k, v) for k, v in fields.items()])
    layout = BibtexFormat()
    layout.indent = "  "  # not a tab: Markdown would turn it into four spaces on the cite page
    return bibtexparser.write_string(bibtexparser.Library([entry]), bibtex_format=layout).strip()


def _ris(item: dict, where: str | None) -> str:
    """An ELEC record; a titled part with the edition as T2 (Zotero: the website's title),
    a paragraph's place in a note (`where`). One access date, M1: Zotero reads it for a web
    page when there is no Y2 (RIS.js), citation-js reads only M1 for ELEC."""
    entry = {
        "type_of_reference": "ELEC",
        "id": item["id"],
        "title": item["title"],
        **({"secondary_title": item["container-title"]} if "container-title" in item else {}),
        "type_of_work": item["genre"],
        "edition": item["version"],
        "language": item["language"],
        "year": str(item["issued"]["date-parts"][0][0]),
        "date": _iso(item, "issued", "/"),
        "urls": [item["URL"]],
        **({"note": _iso(item, "accessed", "/")} if "accessed" in item else {}),
        "keywords": item["keyword"].split(", "),
        "notes": [*([where] if where else []), item["annote"]],
    }
    return rispy.dumps([entry], implementation=_RisRecord).rstrip("\n")


class _RisRecord(rispy.RisWriter):
    """One record, without the "1." line rispy numbers records with."""

    def set_header(self, count: int) -> str:
        return ""


# ---------------------------------------------------------------------------- templates
def templates(record, locale: str) -> dict:
    """{format id: {kind: template, "usage": template}} for the pages of `locale`: every
    format and kind rendered once with sentinels, which then become tokens; "usage", how a
    paragraph is cited from the work's entry (machine formats; "" for the others). Fails
    loudly if the engine has dropped a value (a template without its token would copy a
    citation missing a fact)."""
    out = {}
    for fmt in FORMATS:
        out[fmt.id] = {}
        item = csl_item(record, fmt.language or locale, SENTINEL_URL, SENTINEL_DATE, SENTINEL_KEY)
        for kind in KINDS:
            out[fmt.id][kind] = _tokens(fmt, kind, str(render(fmt, item, record, kind, locale)))
        paragraph_usage = usage(fmt, item, locale)
        out[fmt.id]["usage"] = _tokens(fmt, "usage", paragraph_usage) if paragraph_usage else ""
    return out


def _tokens(fmt: Format, kind: str, text: str) -> str:
    """`text` with its sentinels replaced by tokens, checked to hold every token it needs."""
    for sentinel, token in TOKENS.items():
        text = text.replace(sentinel, token)
    needed = {
        "work": ["⟦url⟧"],
        "paragraph": ["⟦page⟧"] if fmt.machine and fmt.id != "ris" else ["⟦url⟧", "⟦n⟧"],
        "section": ["⟦url⟧", "⟦title⟧"],
        "usage": ["⟦n⟧"],
    }[kind]
    if fmt.id == "apa":
        needed = [token.replace("⟦url⟧", "⟦page⟧") for token in needed]
    needed += ["⟦key⟧"] if fmt.machine else []
    missing = [token for token in needed if token not in text]
    if missing or any(s in text for s in ("sentinel", "QQSECTIONQQ", "qqkeyqq", "1901")):
        raise ValueError(f"citation template {fmt.id}/{kind} lost {missing or 'a sentinel'}: {text}")
    return text


def fill(
    template: str,
    fmt: Format,
    url: str,
    accessed: date | None,
    locale: str,
    n: int | None = None,
    title: str | None = None,
    key: str = "",
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
        "⟦page⟧": url.split("#")[0],
        "⟦n⟧": str(n or ""),
        "⟦title⟧": _escape(title or "", fmt.escape),  # the only value that may hold special characters
        "⟦key⟧": key,
        "⟦dmy⟧": dates["dmy"],
        "⟦iso⟧": dates["iso"],
        "⟦ris⟧": dates["ris"],
        "⟦y⟧": str(y or 0),
        "⟦m⟧": str(m or 0),
        "⟦d⟧": str(d or 0),
    }
    for token, value in values.items():
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
def citations_script(all_templates: dict, locale: str) -> str:
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
                # "copied" says whether today's date went in (APA and the others without one: no)
                "dated": any(token in t["work"] for token in DATE_TOKENS),
                "t": t,
            }
            for f, t in zip(FORMATS, all_templates.values(), strict=True)
        ],
        "ui": strings_for_js(locale, CITE_JS_KEYS),
    }
    return (
        "/* Generated by scripts/edition/citation.py from data/article.yml: do not edit. */\n"
        f"window.editionCitations = {json.dumps(payload, ensure_ascii=False, indent=1)};\n"
    )


def cite(
    all_templates: dict,
    record,
    locale: str,
    roots: dict[str, str],
    cited: str,
    fmt: Format,
    fragment: dict | None = None,
    fragment_id: str = "",
    accessed: date | None = None,
    version: str | None = None,
) -> str:
    """A citation of the work or of `fragment` (whose id on its page is `fragment_id`), as the
    page shows it; its URL is the root of the cited language version in `roots`, then the
    page `cited` (or the fragment's own page, "u"), then the #fragment; `version`: the
    version whose permanent copy is cited (its key carries it). Accessed on `accessed`, or,
    with no date, as a reader without script sees it: ДД.ММ.ГГГГ where the date goes in the
    formats for people, and no access date at all in the machine formats (an importer would
    take a placeholder for a date)."""
    language = fmt.language or locale
    kind = _kind(fragment)
    fragment = fragment or {}
    url = (
        roots[language]
        + fragment.get("u", cited)
        + (f"#{fragment_id}" if fragment and not fragment.get("page") else "")
    )
    title = fragment["t"][fmt.heading or language] if "t" in fragment else None
    suffix = key_suffix(version, fragment["k"] if kind == "section" else "")
    if fmt.machine and accessed is None:
        item = csl_item(record, language, url, None, suffix)
        return render(fmt, item, record, kind, locale, title or (str(fragment["n"]) if "n" in fragment else None))
    template = all_templates[fmt.id][kind]
    return fill(template, fmt, url, accessed, locale, n=fragment.get("n"), title=title, key=suffix)


def cite_usage(all_templates: dict, fmt: Format, locale: str, fragment: dict | None, version: str | None = None) -> str:
    """How the paragraph `fragment` is cited from the work's entry in `fmt` ("" if it is not
    a paragraph, or `fmt` has no such form): the line the cite box shows beside the entry."""
    template = all_templates[fmt.id]["usage"]
    if _kind(fragment) != "paragraph" or not template:
        return ""
    return fill(template, fmt, "", None, locale, n=fragment["n"], key=key_suffix(version))


def _kind(fragment: dict | None) -> str:
    return "work" if not fragment else ("paragraph" if "n" in fragment else "section")
