"""The data tables as spreadsheets (.xlsx, written by XlsxWriter), for readers who open them in
Excel or LibreOffice.

The CSV files are for programs: comma-separated, English column names, values as written in
data/. A Russian Excel splits a CSV on «;» (one column), reads `2024-03` as a date, and shows
snake_case names. Here each cell has its type: a date to the day is a date (shown as
ДД.ММ.ГГГГ or YYYY-MM-DD), a date to the month stays text, numbers are numbers, yes/no are
booleans, text is text (never a formula); the headers, statuses and confidences are in the
page's language; each source's address is a link. XlsxWriter writes the same bytes for the
same cells (its zip entries carry a fixed time; the workbook's date is the edition's).
It writes a small table in a few milliseconds and loads in a fifth of a second, which a build
pays once (openpyxl took twice as long to load and three times as long to write)."""

import io
from datetime import date, datetime

import xlsxwriter

from .locales import BY_CODE
from .models import parse_partial_date
from .strings import STRINGS

DATE_COLUMNS = {"start", "end", "law_date"}
NAMED = {"status": "status_names", "confidence": "confidence_names"}  # ids shown by their names
WIDEST = 60  # characters: a wider column than this would hide the next ones
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A CSV cell a spreadsheet shows as text: one that would start a formula gets a leading
    apostrophe (OWASP, "CSV Injection"). Numbers and booleans are left as they are. (In the
    .xlsx files every text is a text cell, which no spreadsheet runs.)"""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_xlsx(table, data, locale: str) -> bytes:
    """One sheet of `table` (pages.Table): the header row in `locale`, then its rows, each cell
    typed; a list of addresses spread over numbered columns, each a link."""
    t, edition = STRINGS[locale], data.article.edition
    lists = {
        key: max(len(row[key]) for row in table.rows)
        for key, value in table.rows[0].items()
        if isinstance(value, list) and key.endswith("sources")
    }
    headers = []
    for key in table.rows[0]:
        name = t["column_headers"][key]
        headers += [f"{name} {n}" for n in range(1, lists[key] + 1)] if key in lists else [name]
    rows = []
    for row in table.rows:
        cells = []
        for key, value in row.items():
            cells += [*value, *[None] * (lists[key] - len(value))] if key in lists else [typed(key, value, t)]
        rows.append(cells)

    written = io.BytesIO()
    book = xlsxwriter.Workbook(
        written,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    book.set_properties(
        {
            "title": t["download_titles"][table.stem],
            "author": data.article.title[locale],  # the edition: no author is known
            "created": datetime(edition.date.year, edition.date.month, edition.date.day),
        }
    )
    sheet = book.add_worksheet(t["download_sheet"])
    bold, day = book.add_format({"bold": True}), book.add_format({"num_format": BY_CODE[locale].date_format})
    sheet.write_row(0, 0, headers, bold)
    for number, cells in enumerate(rows, start=1):
        for column, value in enumerate(cells):
            write(sheet, number, column, value, day)
    for column, header in enumerate(headers):
        longest = max([len(header), *(len(str(cells[column])) for cells in rows if cells[column] is not None)])
        sheet.set_column(column, column, min(longest + 2, WIDEST))
    sheet.freeze_panes(1, 0)
    book.close()
    return written.getvalue()


def typed(key: str, value, t: dict):
    """The cell for `value` of column `key`: a date, a number, a boolean, a name, or text."""
    if key in DATE_COLUMNS and value:
        when = parse_partial_date(value)
        return date(when.year, when.month, when.day) if when.day else value  # to the month: text, as written
    if key in NAMED and value:
        return t[NAMED[key]][value]
    if isinstance(value, list):
        return ", ".join(value)
    return value


def write(sheet, row: int, column: int, value, day_format) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value)
    elif isinstance(value, date):
        sheet.write_datetime(row, column, datetime(value.year, value.month, value.day), day_format)
    elif value.startswith(("https://", "http://")):
        sheet.write_url(row, column, value, string=value)
    else:
        sheet.write_string(row, column, value)
