"""The edition's languages, once: everything else (page paths, folders, metadata, the strings
the browser shows, the tests) derives from this table.

mkdocs.yml configures mkdocs-static-i18n with the same languages; check_i18n_languages()
compares the two when a build starts, so they cannot drift apart."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Locale:
    code: str  # BCP 47, as in <html lang> and hreflang
    folder: str  # its pages in site/: "" at the root, "en/" below it
    og: str  # Open Graph's locale
    bibtex: str  # biblatex's langid
    name: str  # the language's name in itself (the link to its version of a page)
    # quotation marks inside a quotation, as its typography writes them: outer -> inner
    inner_quotes: tuple[tuple[str, str], ...]
    date_format: str  # a date cell of its spreadsheets (spreadsheet.py)
    citation_format: str  # the citation format its readers start with (citation.FORMATS)
    # the order of its letters, for alphabetical lists (the index of names): its own alphabet
    # first, then the others'; what is not a letter (space, comma, hyphen) before any letter
    alphabet: str = ""
    ties: bool = False  # no line break after its short words (typography.py: Russian)

    def sort_key(self, text: str) -> tuple[int, ...]:
        """`text` as its readers' alphabetical order sorts it."""
        return tuple(
            (self.alphabet.find(c) + 100) if c in self.alphabet else (1000 + ord(c) if c.isalnum() else 0)
            for c in text.casefold()
        )

    @property
    def default(self) -> bool:
        return self is DEFAULT


CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"  # ё after е, as Russian dictionaries sort it
LATIN = "abcdefghijklmnopqrstuvwxyz"
LOCALES = (
    # Russian first: the authors' text, built at the site root.
    Locale(
        "ru",
        "",
        "ru_RU",
        "russian",
        "Русский",
        (("«", "„"), ("»", "“")),
        "DD.MM.YYYY",
        "gost-2018",
        alphabet=CYRILLIC + LATIN,
        ties=True,
    ),
    Locale(
        "en",
        "en/",
        "en_US",
        "english",
        "English",
        (("“", "‘"), ("”", "’")),
        "YYYY-MM-DD",
        "apa",
        alphabet=LATIN + CYRILLIC,
    ),
)
DEFAULT = LOCALES[0]
CODES = tuple(locale.code for locale in LOCALES)
BY_CODE = {locale.code: locale for locale in LOCALES}
FOLDERS = {locale.code: locale.folder for locale in LOCALES}


def others(code: str) -> tuple[str, ...]:
    """The edition's other languages, in the table's order."""
    return tuple(c for c in CODES if c != code)


def check_i18n_languages(languages) -> None:
    """Raise ValueError unless mkdocs-static-i18n's `languages` (mkdocs.yml) are this table's:
    the same codes in the same order, the same default, each built into its folder."""
    found = [(lang.locale, bool(lang.default), _folder(lang.link), lang.name) for lang in languages]
    expected = [(locale.code, locale.default, locale.folder, locale.name) for locale in LOCALES]
    if found != expected:
        raise ValueError(
            f"mkdocs.yml: the i18n plugin's languages {found} differ from "
            f"scripts/edition/locales.py {expected} (code, default, folder, name): change both"
        )


def _folder(link: str) -> str:
    return "" if link == "/" else link.strip("/") + "/"
