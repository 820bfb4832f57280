"""The data tables as spreadsheets (.xlsx, written by openpyxl), for readers who open them in
Excel or LibreOffice.

The CSV files are for programs: comma-separated, English column names, values as written in
data/. A Russian Excel splits a CSV on «;» (one column), reads `2024-03` as a date, and shows
snake_case names. Here each cell has its type: a date to the day is a date (shown as
ДД.ММ.ГГГГ or YYYY-MM-DD), a date to the month stays text, numbers are numbers, yes/no are
booleans; the headers, statuses and confidences are in the page's language; each source's
address is a link. The file is the same bytes for the same data (fixed times inside)."""

import io
import re
import zipfile
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .models import parse_partial_date
from .strings import STRINGS

DATE_FORMATS = {"ru": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
DATE_COLUMNS = {"start", "end", "law_date"}
NAMED = {"status": "status_names", "confidence": "confidence_names"}  # ids shown by their names
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
WIDEST = 60  # characters: a long quotation wraps in its cell
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading
    apostrophe (OWASP, "CSV Injection"). Numbers and booleans are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_xlsx(table, data, locale: str) -> bytes:
    """One sheet of `table` (pages.Table): the header row in `locale`, then its rows, each cell
    typed; a list of addresses spread over numbered columns, each a link."""
    t = STRINGS[locale]
    book = Workbook()
    sheet = book.active
    sheet.title = t["download_sheet"]
    lists = {
        key: max(len(row[key]) for row in table.rows)
        for key, value in table.rows[0].items()
        if isinstance(value, list) and key.endswith("sources")
    }
    headers = []
    for key in table.rows[0]:
        name = t["column_headers"][key]
        headers += [f"{name} {n}" for n in range(1, lists[key] + 1)] if key in lists else [name]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        cells = []
        for key, value in row.items():
            if key in lists:
                cells += [*value, *[None] * (lists[key] - len(value))]
            else:
                cells.append(typed(key, value, t))
        sheet.append(cells)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMATS[locale]
            elif isinstance(cell.value, str) and cell.value.startswith(("https://", "http://")):
                cell.hyperlink = cell.value
                cell.style = "Hyperlink"
    for index, header in enumerate(headers, start=1):
        longest = max(len(str(c.value or "")) for c in sheet[get_column_letter(index)])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(len(header), longest) + 2, WIDEST)
    sheet.freeze_panes = "A2"
    edition = data.article.edition
    book.properties.title = t["download_titles"][table.stem]
    book.properties.language = locale
    book.properties.creator = data.article.title[locale]  # the edition; no author is known
    made = datetime(edition.date.year, edition.date.month, edition.date.day)
    book.properties.created = book.properties.modified = made
    written = io.BytesIO()
    book.save(written)  # which stamps the moment of saving as the time modified
    return reproducible(written.getvalue(), made)


def typed(key: str, value, t: dict):
    """The cell for `value` of column `key`: a date, a number, a boolean, a name, or text."""
    if key in DATE_COLUMNS and value:
        day = parse_partial_date(value)
        return date(day.year, day.month, day.day) if day.day else value  # to the month: text, as written
    if key in NAMED and value:
        return t[NAMED[key]][value]
    if isinstance(value, list):
        return ", ".join(value)
    return spreadsheet_safe(value)


MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def reproducible(xlsx: bytes, made: datetime) -> bytes:
    """The same workbook with the edition's date as its time modified and every zip entry at
    one fixed time (openpyxl stamps the moment of saving into both)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    stamp = made.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o100644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(entry, content)
    return out.getvalue()
