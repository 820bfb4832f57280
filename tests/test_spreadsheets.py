"""The data tables as a spreadsheet user meets them: each .xlsx opened by LibreOffice (Debian's,
headless) and read back as it shows the cells: headers in the page's language, dates as dates,
a date to the month as the text it is, numbers as numbers, statuses by their names, sources as
links; and the download page says which file to take."""

import re
import shutil
import subprocess

import pytest

from edition.data import load_data
from edition.locales import CODES
from edition.strings import STRINGS

pytestmark = pytest.mark.build
CELL = re.compile(r"<table:table-cell(?P<attributes>[^>]*?)(?:/>|>(?P<body>.*?)</table:table-cell>)", re.DOTALL)


def libreoffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("LibreOffice not found: apt-get install -y libreoffice-calc-nogui", pytrace=False)
    return found


@pytest.fixture(scope="module")
def opened(site, tmp_path_factory) -> dict:
    """(locale, stem) -> the sheet's rows as LibreOffice read them: [(type, value, text), ...]."""
    out = tmp_path_factory.mktemp("libreoffice")
    sheets = {}
    for locale, folder in (("ru", ""), ("en", "en/")):
        files = sorted((site / folder).glob("*/*.xlsx"))
        subprocess.run(
            [libreoffice(), "--headless", "--norestore", f"-env:UserInstallation=file://{out}/profile",
             "--convert-to", "fods", "--outdir", str(out / locale), *map(str, files)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        for path in files:
            sheets[locale, path.stem] = rows_of((out / locale / f"{path.stem}.fods").read_text(encoding="utf-8"))
    return sheets


def rows_of(fods: str) -> list[list[tuple[str, str, str]]]:
    rows = []
    for row in re.findall(r"<table:table-row[^>]*>(.*?)</table:table-row>", fods, re.DOTALL):
        cells = []
        for cell in CELL.finditer(row):
            attributes = cell["attributes"]
            kind = re.search(r'office:value-type="([a-z]+)"', attributes)
            value = re.search(r'office:(?:date-|boolean-)?value="([^"]*)"', attributes)
            text = " ".join(re.sub(r"<[^>]+>", " ", cell["body"] or "").split())
            repeat = re.search(r'table:number-columns-repeated="(\d+)"', attributes)
            cells += [(kind[1] if kind else "", value[1] if value else "", text)] * (int(repeat[1]) if repeat else 1)
        if any(text for _, _, text in cells):
            rows.append(cells)
    return rows


@pytest.mark.parametrize("locale", CODES)
def test_libreoffice_reads_typed_cells_under_headers_in_the_pages_language(opened, locale):
    t, data = STRINGS[locale], load_data()
    missions = opened[locale, "missions"]
    header = [text for _, _, text in missions[0]]
    assert header[:4] == [t["column_headers"][key] for key in ("mission_id", "mission", "start", "end")]
    iraq = dict(zip(header, missions[1], strict=False))
    assert iraq[t["column_headers"]["start"]][:2] == ("date", "2003-08-19")
    assert iraq[t["column_headers"]["start"]][2] == ("19.08.2003" if locale == "ru" else "2003-08-19")
    undof = next(dict(zip(header, row, strict=False)) for row in missions[1:] if row[0][2] == "undof")
    assert undof[t["column_headers"]["start"]][0] == "string" and undof[t["column_headers"]["start"]][2] == "2024-03"
    rounds = opened[locale, "astana_rounds"]
    header = [text for _, _, text in rounds[0]]
    first = dict(zip(header, rounds[1], strict=False))
    assert first[t["column_headers"]["round"]][:2] == ("float", "1")
    assert first[t["column_headers"]["confidence"]][2] == t["confidence_names"][data.rounds.rounds[0].confidence]
    assert first[t["column_headers"]["after_article"]][2] in ("FALSE", "ЛОЖЬ")
    source = f"{t['column_headers']['sources']} 1"
    assert first[source][2].startswith("http")


def test_the_spreadsheets_are_the_same_bytes_for_the_same_data(site, tmp_path):
    from edition.pages import download_tables
    from edition.spreadsheet import to_xlsx

    data = load_data()
    for table in download_tables(data, "ru"):
        assert (site / table.folder / f"{table.stem}.xlsx").read_bytes() == to_xlsx(table, data, "ru")


@pytest.mark.parametrize("folder, words", [("", "Для Excel и LibreOffice — файл .xlsx"), ("en/", "take the .xlsx")])
def test_the_download_page_lists_the_spreadsheets_and_says_which_to_take(page_html, folder, words):
    page = page_html(f"{folder}downloads.html")
    assert words in " ".join(page.get_text().replace("\xa0", " ").split())
    links = {a["href"].rsplit("/", 1)[-1] for a in page.select("a[download]")}
    assert {"missions.xlsx", "astana_rounds.xlsx", "funding_sources.xlsx", "facts.xlsx"} <= links


def test_a_value_that_looks_like_a_formula_stays_text():
    """A CSV cell gets an apostrophe; in the .xlsx every text is a text cell, never a formula."""
    import io
    import zipfile

    from edition.kinds import Table
    from edition.spreadsheet import to_xlsx

    data = load_data()
    table = Table("missions", "missions", [{"mission_id": "x", "mission": '=HYPERLINK("https://evil.example")',
                                            "summary": "+1", "sources": ["https://example.org/"]}])  # fmt: skip
    sheet = zipfile.ZipFile(io.BytesIO(to_xlsx(table, data, "en"))).read("xl/worksheets/sheet1.xml").decode()
    strings = zipfile.ZipFile(io.BytesIO(to_xlsx(table, data, "en"))).read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet
    assert '<t>=HYPERLINK("https://evil.example")</t>' in strings
