"""The index of names, places and organisations (data/names.yml, kinds/names.py): what a
reader finds on its page, and the checks that keep it true to the texts."""

import shutil

import pytest

from edition.data import DATA_DIR, load_data
from edition.kinds.names import KIND, names_in
from edition.locales import BY_CODE
from edition.search_index import data_entries
from edition.yaml_source import DataError

DATA = load_data()


@pytest.fixture
def data_dir(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def edit(data_dir, old, new):
    path = data_dir / "names.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def error_of(data_dir) -> str:
    with pytest.raises(DataError) as failure:
        load_data(data_dir)
    return str(failure.value)


def line_of(data_dir, text) -> int:
    lines = (data_dir / "names.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


# ---------------------------------------------------------------------------- the checks
def test_a_listed_paragraph_that_does_not_name_it_stops_the_build(data_dir):
    edit(data_dir, "    paragraphs: [p19]\n  - id: tasbulatov", "    paragraphs: [p18, p19]\n  - id: tasbulatov")
    message = error_of(data_dir)
    assert f"names.yml:{line_of(data_dir, 'paragraphs: [p18, p19]')}: " in message
    assert "entries.2.paragraphs.0" in message and "paragraph p18 (ru) has none of its forms" in message


def test_a_paragraph_that_names_it_but_is_not_listed_stops_the_build(data_dir):
    edit(data_dir, "    paragraphs: [p8, p18]", "    paragraphs: [p18]")
    message = error_of(data_dir)
    assert "entries.0.paragraphs" in message
    assert "paragraph p8 names it («Первого Президента») but is not listed" in message


def test_the_translation_must_name_it_in_the_same_paragraph(data_dir):
    edit(data_dir, "en: [Lavrov]", "en: [Lavroff]")
    message = error_of(data_dir)
    assert "entries.2.paragraphs.0" in message and "paragraph p19 (en) has none of its forms (Lavroff)" in message


def test_an_entry_that_nothing_names_stops_the_build(data_dir):
    edit(data_dir, "ru: [Лакруа]", "ru: [Лакруаа]")
    assert "entries.4.forms.ru: none of its forms is in the article or a data record" in error_of(data_dir)


def test_a_gloss_from_the_article_quotes_one_of_its_paragraphs(data_dir):
    edit(data_dir, "      paragraph: p19\n", "      paragraph: p20\n")
    assert "entries.2.gloss.paragraph: the gloss's paragraph must be one of its paragraphs" in error_of(data_dir)


def test_a_gloss_has_a_source_and_unknown_sources_are_named(data_dir):
    edit(data_dir, "sources: [qazaqtv-symposium]", "sources: [no-such-source]")
    assert "'no-such-source' is not a source in data/sources.yml" in error_of(data_dir)


def test_whole_words_only_and_case_kept():
    assert names_in("в Казахстане и Казахстан", ["Казахстан", "Казахстане"]) == ["Казахстане", "Казахстан"]
    assert names_in("казахстанские миротворцы", ["Казахстан"]) == []
    assert names_in("Нур-Султан", ["Султан"]) == []  # a part of a hyphenated name is not the name


# ---------------------------------------------------------------------------- what a reader finds
def test_every_paragraph_that_names_an_entry_is_in_the_index():
    """Independently of the data's lists: each entry's forms searched in the authors' text."""
    for entry in DATA.names.entries:
        found = [pid for pid, text in DATA.paragraphs.items() if names_in(text, entry.forms["ru"])]
        assert found == list(entry.paragraphs), entry.id
    by_id = {entry.id: entry for entry in DATA.names.entries}
    assert by_id["nazarbayev"].paragraphs == ["p8", "p18"]  # «Первого Президента Казахстана» in p8
    assert by_id["astana"].paragraphs == ["p18", "p19"]  # «НурСултан» (the authors' spelling) and «Нур-Сультан»


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_each_section_is_in_the_readers_alphabetical_order(locale):
    for _, entries in KIND.sections(DATA.names.entries, locale):
        names = [entry.name[locale] for entry in entries]
        assert names == sorted(names, key=BY_CODE[locale].sort_key)
    places = [e.name["ru"] for t, entries in KIND.sections(DATA.names.entries, "ru") if t == "place" for e in entries]
    assert places.index("Европа") < places.index("Ирак") < places.index("Сирия") < places.index("Сочи")


def test_russian_order_puts_yo_after_ye_and_latin_after_cyrillic():
    key = BY_CODE["ru"].sort_key
    assert sorted(["Ёж", "Ель", "Ежи", "UNDOF", "Яр"], key=key) == ["Ежи", "Ель", "Ёж", "Яр", "UNDOF"]
    assert sorted(["Iran", "Азия"], key=BY_CODE["en"].sort_key) == ["Iran", "Азия"]


def test_data_pages_that_name_an_entry_are_linked_the_same_in_both_languages():
    ru, en = KIND.records(DATA, "ru"), KIND.records(DATA, "en")
    assert [url for url, _ in ru["sochi"]] == [url for url, _ in en["sochi"]] == ["astana/index.md"]
    assert "missions/undof.md" in [url for url, _ in ru["undof"]]
    assert [url for url, _ in ru["lacroix"]] == ["facts/index.md#symposium"]


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_search_finds_an_entry_by_a_form_no_text_has(locale):
    entries = {e["location"]: e for e in data_entries(DATA, locale)}
    nazarbayev = entries["names/index.html#nazarbayev"]
    assert "Назарбаевым" in nazarbayev["text"] and "Elbasy" in nazarbayev["text"]
    assert nazarbayev["title"] == {"ru": "Назарбаев, Нурсултан", "en": "Nazarbayev, Nursultan"}[locale]


# ---------------------------------------------------------------------------- the built page
@pytest.mark.parametrize("folder", ["", "en/"])
def test_the_index_page_links_every_mention_with_its_count(page_html, folder):
    page = page_html(f"{folder}names/index.html")
    entry = page.select_one("dt#nazarbayev")
    links = [a["href"] for a in entry.find_next_sibling("dd").select("a")]
    assert "../article.html#p8" in links and "../article.html#p18" in links
    pages = KIND.records(DATA, "ru")["nazarbayev"]  # 2 paragraphs, and the data pages that name him
    count = {"": "({} упоминания)", "en/": "({} mentions)"}[folder].format(2 + len(pages))
    assert entry.select_one(".names-count").get_text() == count
    assert len([a for a in links if not a.startswith("../article.html")]) == len(pages)
    headings = [h.get_text(" ", strip=True).removesuffix("¶").strip() for h in page.select("article h2")][:3]
    assert headings == {"": ["Лица", "Места", "Организации"], "en/": ["People", "Places", "Organisations"]}[folder]
    sochi = page.select_one("dt#sochi").find_next_sibling("dd")
    assert "../astana/index.html" in [a["href"] for a in sochi.select("a")]


@pytest.mark.parametrize("folder, query", [("", "Назарбаевым"), ("en/", "Назарбаевым"), ("en/", "Elbasy")])
def test_the_search_box_finds_the_entry_by_a_form(server, browser_page, folder, query):
    """In Chromium, the reader's search (each language its own index) answers a form of the
    name, one that no text of the edition has included, with the index entry."""
    browser_page.goto(server + f"{folder}index.html")
    browser_page.fill("input.md-search__input", query)
    browser_page.keyboard.press("End")  # Material searches on key events
    browser_page.wait_for_selector(".md-search-result__link", timeout=15000)
    links = [a.get_attribute("href") for a in browser_page.query_selector_all(".md-search-result__link")]
    assert any(link.endswith("names/index.html#nazarbayev") for link in links), links
