"""The languages come from one table (scripts/edition/locales.py): the models ask each language
of it, and the engine's code names no language outside the table, the strings and what is a
language's own content (the citation formats of its readers)."""

import ast
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from edition.locales import CODES, DEFAULT, LOCALES, others
from edition.models import ArticleQuote, Keywords, NonEmpty, Text, by_language

ENGINE = Path(__file__).resolve().parents[1] / "scripts" / "edition"
# A language's own content: the citation formats its readers use (ГОСТ in Russian; APA and
# "References (In Russ.)" in English), the languages the sources are written in, and APA's
# English sentence-case title of the article.
OWN_CONTENT = {"locales.py": None, "strings.py": None, "citation.py": None,
               "models.py": {"SourceTitle", "ArticleRecord"}}  # fmt: skip


def test_the_models_ask_every_language_of_the_table():
    assert list(Text.model_fields) == list(CODES) == list(Keywords.model_fields)
    assert list(ArticleQuote.model_fields) == ["paragraph", "quote", *others(DEFAULT.code)]
    with pytest.raises(ValidationError, match=CODES[-1]):
        Text.model_validate({code: "текст" for code in CODES[:-1]})


def test_a_third_language_is_a_row_of_the_table():
    """What a Kazakh edition would ask of every text: its kk value (the models are made from the
    table: a row in locales.py makes every Text, keyword list and quotation ask for it)."""
    three = by_language("Text", NonEmpty, "", languages=(*CODES, "kk"))
    with pytest.raises(ValidationError, match="kk"):
        three.model_validate({"ru": "Ирак", "en": "Iraq"})
    assert three.model_validate({"ru": "Ирак", "en": "Iraq", "kk": "Ирак"})["kk"] == "Ирак"


def test_every_language_has_its_typography_and_formats():
    from edition.citation import DEFAULT_FORMAT, FORMATS_BY_ID

    for locale in LOCALES:
        assert locale.name and locale.inner_quotes and locale.date_format
        assert FORMATS_BY_ID[DEFAULT_FORMAT[locale.code]].heading in (locale.code, None)


def test_no_module_of_the_engine_names_a_language():
    found = []
    for path in sorted(ENGINE.rglob("*.py")):
        if path.name in OWN_CONTENT and OWN_CONTENT[path.name] is None:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = {
            id(node)
            for cls in ast.walk(tree)
            if isinstance(cls, ast.ClassDef) and cls.name in (OWN_CONTENT.get(path.name) or ())
            for node in ast.walk(cls)
        }
        for node in ast.walk(tree):
            named = (isinstance(node, ast.Constant) and node.value in CODES) or (
                isinstance(node, ast.Attribute) and node.attr in CODES
            )
            if named and id(node) not in allowed:
                found.append(f"{path.relative_to(ENGINE)}:{node.lineno}: {ast.unparse(node)}")
    assert found == []


def test_the_check_finds_a_language_named_in_the_engine(tmp_path, monkeypatch):
    (tmp_path / "stray.py").write_text('def f(text, locale):\n    return text.ru if locale == "en" else ""\n')
    monkeypatch.setattr(sys.modules[__name__], "ENGINE", tmp_path)
    with pytest.raises(AssertionError, match="stray.py:2"):
        test_no_module_of_the_engine_names_a_language()
