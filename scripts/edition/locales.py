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

    @property
    def default(self) -> bool:
        return self is DEFAULT


LOCALES = (
    # Russian first: the authors' text, built at the site root.
    Locale("ru", "", "ru_RU", "russian"),
    Locale("en", "en/", "en_US", "english"),
)
DEFAULT = LOCALES[0]
CODES = tuple(locale.code for locale in LOCALES)
BY_CODE = {locale.code: locale for locale in LOCALES}
FOLDERS = {locale.code: locale.folder for locale in LOCALES}


def other(code: str) -> str:
    """The other language of a bilingual edition."""
    return next(c for c in CODES if c != code)


def check_i18n_languages(languages) -> None:
    """Raise ValueError unless mkdocs-static-i18n's `languages` (mkdocs.yml) are this table's:
    the same codes in the same order, the same default, each built into its folder."""
    found = [(lang.locale, bool(lang.default), _folder(lang.link)) for lang in languages]
    expected = [(locale.code, locale.default, locale.folder) for locale in LOCALES]
    if found != expected:
        raise ValueError(
            f"mkdocs.yml: the i18n plugin's languages {found} differ from "
            f"scripts/edition/locales.py {expected} (code, default, folder): change both"
        )


def _folder(link: str) -> str:
    return "" if link == "/" else link.strip("/") + "/"
