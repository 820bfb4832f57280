"""The strings readers see: one table per language with the same keys and placeholders, the
languages of locales.py, dates from Babel."""

import re
import string

import pytest

from edition.locales import CODES, check_i18n_languages
from edition.models import PartialDate
from edition.strings import CITE_JS_KEYS, EDITION_JS_KEYS, STRINGS, Plural, format_date, format_range, ui_string


def placeholders(value) -> set[str]:
    if isinstance(value, Plural):  # its forms differ by language; their placeholders may not
        return set().union(*(placeholders(form) for form in value.values()))
    if isinstance(value, dict):
        return {f"{key}.{name}" for key, item in value.items() for name in placeholders(item)}
    if isinstance(value, list):
        return {f"{index}.{name}" for index, item in enumerate(value) for name in placeholders(item)}
    return {name for _, name, _, _ in string.Formatter().parse(value) if name}


def test_every_language_has_every_string_with_the_same_placeholders():
    assert tuple(STRINGS) == CODES
    first, *others = CODES
    for other in others:
        assert STRINGS[first].keys() == STRINGS[other].keys(), set(STRINGS[first]) ^ set(STRINGS[other])
        for key, value in STRINGS[first].items():
            assert placeholders(value) == placeholders(STRINGS[other][key]), key


def test_plural_strings_have_every_form_their_language_needs():
    from babel import Locale

    plurals = [
        (code, key, value) for code in CODES for key, value in STRINGS[code].items() if isinstance(value, Plural)
    ]
    assert plurals
    for code, key, value in plurals:
        assert set(value) == Locale.parse(code).plural_form.tags | {"other"}, (code, key)


@pytest.mark.parametrize(
    "count, ru, en",
    [(1, "1 раунд", "1 round"), (21, "21 раунд", "21 rounds"), (22, "22 раунда", "22 rounds"),
     (25, "25 раундов", "25 rounds"), (11, "11 раундов", "11 rounds"), (104, "104 раунда", "104 rounds")],
)  # fmt: skip
def test_counted_words_agree_with_their_number(count, ru, en):
    values = {"count": count, "first": "", "last": ""}
    assert ui_string("ru", "timeline_rounds_summary", **values).startswith(ru + " ")
    assert ui_string("en", "timeline_rounds_summary", **values).startswith(en + " ")


def test_the_browser_strings_exist():
    for key in EDITION_JS_KEYS + CITE_JS_KEYS:
        assert all(STRINGS[code][key] for code in CODES), key


def test_no_string_holds_a_fact_of_the_data():
    """Figures and dates come from data/: a string may hold a number only as a placeholder
    or as part of a date pattern (e.g. Babel's "d MMMM y")."""
    for code in CODES:
        for key, value in STRINGS[code].items():
            if isinstance(value, str) and not key.startswith(("date_", "locator_")):
                assert not re.search(r"\d", value), (code, key, value)


@pytest.mark.parametrize(
    "value, ru, en",
    [
        ("2003-08-19", "19 августа 2003", "19 August 2003"),
        ("2020-03", "март 2020", "March 2020"),
    ],
)
def test_dates_as_readers_write_them(value, ru, en):
    year, month, *day = (int(part) for part in value.split("-"))
    date = PartialDate(year, month, *day)
    assert (format_date(date, "ru"), format_date(date, "en")) == (ru, en)


def test_date_ranges():
    start, end = PartialDate(2017, 1, 23), PartialDate(2017, 1, 24)
    assert format_range(start, end, "ru") == "23–24 января 2017"
    assert format_range(PartialDate(2018, 7, 30), PartialDate(2018, 8, 2), "en") == "30 July 2018 – 2 August 2018"
    assert format_range(PartialDate(2024, 3), None, "ru") == "с марта 2024 года"
    assert format_range(PartialDate(2024, 3), None, "en") == "since March 2024"


class Language:
    NAMES = {"ru": "Русский", "en": "English"}

    def __init__(self, locale, default, link, name=None):
        self.locale, self.default, self.link = locale, default, link
        self.name = name or self.NAMES[locale]


def test_the_i18n_languages_must_be_the_editions():
    check_i18n_languages([Language("ru", True, "/"), Language("en", False, "/en/")])
    with pytest.raises(ValueError, match="name"):  # the language menu and the title block name it alike
        check_i18n_languages([Language("ru", True, "/"), Language("en", False, "/en/", "Anglais")])
    with pytest.raises(ValueError, match="differ from scripts/edition/locales.py"):
        check_i18n_languages([Language("en", True, "/"), Language("ru", False, "/ru/")])
    with pytest.raises(ValueError, match="differ"):
        check_i18n_languages([Language("ru", True, "/"), Language("en", False, "/english/")])
