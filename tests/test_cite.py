"""Citing the built edition: the cite pages and the article's panel as built, every citable
fragment present on its page, and "cite this" in a real Chromium, online and from file://,
compared with the hand-checked citations of test_citation.py and today's date."""

import json
from datetime import date

import bibtexparser
import pytest
import rispy

from edition.citation import FORMATS
from edition.cite_buttons import CiteButtonError, with_cite_buttons
from edition.data import load_data

from expected import APA, EDITION_RU, GOST_2018, ROOTS, SENTENCE_EN, SITE, TITLE_EN, TITLE_LATN, TITLE_RU, cite
from project import cite_this

DATA = load_data()
ROUNDS = [r.n for r in DATA.rounds.rounds]
MISSIONS = [m.id for m in DATA.missions.missions]
CITABLE = (
    ["article.html", "cite.html", "astana/index.html"]
    + [f"astana/round-{n}.html" for n in ROUNDS]
    + [f"missions/{m}.html" for m in MISSIONS]
)


def today(text: str) -> str:
    """A hand-checked citation (accessed 01.12.2026) with today's date instead."""
    day = date.today()
    return (
        text.replace("01.12.2026", day.strftime("%d.%m.%Y"))
        .replace("2026-12-01", day.isoformat())
        .replace("2026/12/01", day.strftime("%Y/%m/%d"))
    )


def cite_data(page) -> dict:
    return json.loads(page.select_one("script#edition-cite").string)


# ---------------------------------------------------------------------------- as built
@pytest.mark.parametrize("folder, placeholder", [("", "ДД.ММ.ГГГГ"), ("en/", "DD.MM.YYYY")])
def test_cite_page_shows_every_format_without_script(page_html, folder, placeholder):
    page = page_html(f"{folder}cite.html")
    headings = {h["id"] for h in page.select("article h2[id]")}
    assert {fmt.id for fmt in FORMATS} | {"fragments"} <= headings
    blocks = {
        pre["data-cite-format"]: pre.get_text()
        for pre in page.select("pre.cite-text[data-cite-format]")
        if not pre.get("data-cite-fragment")
    }
    assert set(blocks) == {fmt.id for fmt in FORMATS}
    assert blocks["gost-2018"] == GOST_2018["work"].replace("01.12.2026", placeholder)
    locale = folder.rstrip("/") or "ru"
    assert blocks["apa"] == APA[locale, "work"]
    for fmt in FORMATS:  # each with its copy button, holding the same text
        button = page.select_one(f'button.cite-copy[data-cite-format="{fmt.id}"]:not([data-cite-fragment])')
        assert button["data-clipboard-text"] == blocks[fmt.id]


PARAGRAPH = (
    '<p class="para" id="p3"><span class="para-marker editorial"><a class="para-num" href="#p3">3</a>'
    '<button aria-label="Copy" class="para-copy" data-clipboard-text="#p3" type="button"><svg/></button></span>Text</p>'
)
HEADING = '<h2 id="s">Миссия в\u00a0Ираке<a class="headerlink editorial" href="#s">¶</a></h2>'


@pytest.mark.unit
def test_the_buttons_go_beside_the_copy_button_in_the_first_cell_and_with_the_last_word():
    fragments = {
        "p3": {"n": 3, "k": "p3"},
        "s": {"t": {"ru": "Миссия «Казбат» & <b>", "en": "x"}, "k": "s"},
        "round-2": {"t": {"ru": "2-й раунд", "en": "x"}, "k": "round-2"},
        "absent": {"n": 9, "k": "p9"},  # the cite page's examples: not on the page, no button
    }
    row = '<tr id="round-2"><th scope="row"><a href="round-2.html">2</a></th><td>14 марта</td></tr>'
    built = with_cite_buttons(PARAGRAPH + HEADING + row, fragments, "ru")
    assert built.count('class="cite-this"') == 3 and 'data-cite-fragment="absent"' not in built
    assert '</button><button type="button" class="cite-this" data-cite-fragment="p3" aria-expanded="false" ' in built
    assert 'title="Цитировать абзац 3" aria-label="Цитировать абзац 3"><svg aria-hidden="true"' in built
    assert (
        'Миссия в\u00a0<span class="keep-together">Ираке<a class="headerlink editorial" href="#s">¶</a><button' in built
    )
    assert 'title="Цитировать: Миссия «Казбат» &amp; &lt;b&gt;"' in built  # a title is text, escaped
    assert '<a href="round-2.html">2</a><button type="button" class="cite-this"' in built
    assert built.index('data-cite-fragment="round-2"') < built.index("</th>")


@pytest.mark.unit
def test_a_heading_ending_in_markup_keeps_its_button_by_the_permalink_and_a_misplaced_id_is_refused():
    fragments = {"s": {"t": {"ru": "x", "en": "x"}, "k": "s"}}
    built = with_cite_buttons('<h3 id="s">О <em>миссии</em><a class="headerlink" href="#s">¶</a></h3>', fragments, "ru")
    assert built.startswith('<h3 id="s">О <em>миссии</em><span class="keep-together"><a class="headerlink"')
    with pytest.raises(CiteButtonError, match="#s is a <div>"):
        with_cite_buttons('<div id="s">x</div>', fragments, "ru")
    with pytest.raises(CiteButtonError, match="paragraph #p3 has no copy-link button"):
        with_cite_buttons('<p class="para" id="p3">Text</p>', {"p3": {"n": 3, "k": "p3"}}, "ru")


def test_article_has_a_cite_panel(page_html):
    for folder, label in (("", "Как цитировать"), ("en/", "How to cite")):
        panel = page_html(f"{folder}article.html").select_one("article details.cite-panel.editorial")
        assert panel.summary.get_text(strip=True) == label
        assert panel.select_one('a[href="cite.html"]')
        assert TITLE_RU in panel.select_one("pre.cite-text").get_text() or folder


@pytest.mark.parametrize("folder", ["", "en/"])
@pytest.mark.parametrize("path", CITABLE)
def test_every_citable_fragment_is_on_its_page(page_html, folder, path):
    page = page_html(folder + path)
    data = cite_data(page)
    cited = "article.html" if path == "cite.html" else path
    assert data["roots"] == ROOTS and data["cited"] == cited
    assert page.select_one('link[rel="canonical"]')["href"] == SITE + folder + path
    if path != "cite.html":
        assert [fid for fid in data["fragments"] if not page.find(id=fid)] == []
        for fid in data["fragments"]:  # its "cite this" button, in the page as built
            (button,) = page.select(f'button.cite-this[data-cite-fragment="{fid}"]')
            assert fid in (button.find_parent(id=True)["id"], button.find_parent(["tr", "h1", "h2", "h3", "p"])["id"])
            assert button["aria-label"] == button["title"] and button.svg["aria-hidden"] == "true"
    script = page.find("script", src=lambda src: src and "citations-" in src)
    assert script["src"].endswith(f"assets/citations-{folder.rstrip('/') or 'ru'}.js")


def test_article_offers_every_paragraph_and_section(page_html):
    page = page_html("article.html")
    fragments = cite_data(page)["fragments"]
    article = page.select_one("article")
    paragraphs = [p["id"] for p in article.select(".para[id]")]
    headings = [h["id"] for h in article.select("h2[id], h3[id]")]
    assert sorted(f for f in fragments if f.startswith("p") and f[1:].isdigit()) == sorted(paragraphs)
    assert len(paragraphs) == 22
    assert sorted(f for f in fragments if f not in paragraphs) == sorted(headings)
    assert fragments["platform-of-peace"] == {  # quotation marks left to the citation
        "t": {"ru": "Площадка мира", "en": "A Platform for Peace"},
        "k": "platform-of-peace",
    }
    assert fragments["p12"] == {"n": 12}  # cited under the work's key, with its number


def test_every_fragment_has_one_key_wherever_it_is_cited(page_html):
    """A key names one fragment of one language version, whichever page cites it: the BibTeX
    key and CSL-JSON id of five pasted citations are five entries, and round 3 cited from the
    Astana page is the entry its own page gives."""
    owner: dict[str, str] = {}
    for path in CITABLE:
        for fid, fragment in cite_data(page_html(path))["fragments"].items():
            cited = fragment.get("u") or ("article.html" if path == "cite.html" else path)
            where = cited + ("" if fragment.get("page") else f"#{fid}")
            key = fragment.get("k", fid)  # a paragraph has the work's key and its own number
            assert owner.setdefault(key, where) == where, (key, path)
    assert owner["round-3"] == "astana/round-3.html" and owner["mission-iraq"] == "missions/iraq.html"
    assert len(owner) == len(cite_data(page_html("article.html"))["fragments"]) + len(ROUNDS) + len(MISSIONS)


def test_no_other_page_carries_citation_scripts(site):
    for page in site.rglob("*.html"):
        path = page.relative_to(site).as_posix().removeprefix("en/")
        if path not in CITABLE:
            assert 'id="edition-cite"' not in page.read_text(encoding="utf-8"), path


# ---------------------------------------------------------------------------- in the browser
def test_cite_paragraph_12_in_russian_copies_gost_with_todays_date(server, browser_page):
    record = DATA.article
    browser_page.goto(server + "article.html#p12")
    copied = cite_this(browser_page, "#p12")
    assert copied == today(GOST_2018["p12"]) == cite(record, "gost-2018", "ru", "p12", date.today())
    box = browser_page.locator(".cite-box")
    assert box.locator(".cite-text").inner_text() == copied
    assert box.get_attribute("aria-label") == "Цитировать абзац 12"
    assert "Скопировано" in browser_page.locator(".md-dialog").inner_text()
    assert browser_page.console_errors == [] and browser_page.foreign_requests == []


def test_cite_paragraph_12_in_english_copies_apa(server, browser_page):
    browser_page.goto(server + "en/article.html#p12")
    assert cite_this(browser_page, "#p12") == APA["en", "p12"]


def test_cite_a_section_heading(server, browser_page):
    browser_page.goto(server + "article.html")
    assert cite_this(browser_page, "#introduction") == today(GOST_2018["introduction"])
    browser_page.goto(server + "en/article.html")
    assert cite_this(browser_page, "#platform-of-peace") == (
        f"{SENTENCE_EN} [Editors’ translation from Russian]. (2026, December 4). "
        f"{SITE}en/article.html\n({TITLE_EN}, 2026, A Platform for Peace section)"
    )


def test_cite_a_round_and_a_mission(server, browser_page):
    apa_round = (
        f"{SENTENCE_EN} [Editors’ translation from Russian]. (2026, December 4). "
        f"{SITE}en/astana/round-12.html\n({TITLE_EN}, 2026, Round 12 of the Astana process section)"
    )
    browser_page.goto(server + "en/astana/round-12.html")
    assert cite_this(browser_page, "h1#title") == apa_round
    assert browser_page.locator(".cite-box [role=status]").inner_text() == "Copied."  # APA has no access date
    browser_page.goto(server + "astana/round-12.html")  # APA on the Russian page: the English label
    cite_this(browser_page, "h1#title")
    browser_page.select_option(".cite-box select.cite-select", "apa")
    assert browser_page.locator(".cite-box .cite-text").inner_text() == apa_round.replace("/en/", "/").replace(
        f"{SENTENCE_EN} [Editors’ translation from Russian]", f"{TITLE_LATN} [{SENTENCE_EN}]"
    ).replace(f"({TITLE_EN},", f"({TITLE_LATN},")
    browser_page.select_option(".cite-box select.cite-select", "gost-2018")
    browser_page.goto(server + "missions/iraq.html")
    name = "Ирак: инженерно-саперный отряд „Казбата“"  # inner quotation marks: the inner kind
    assert cite_this(browser_page, "h1#title") == today(
        f"{name} // {EDITION_RU}. – Версия 0.3.0. – 2026. – URL: "
        f"{SITE}missions/iraq.html (дата обращения: 01.12.2026). – Текст : электронный."
    )
    browser_page.goto(server + "astana/index.html")  # a round in the table: cited as its own page
    assert cite_this(browser_page, "#round-3") == today(
        f"3-й раунд Астанинского процесса // {EDITION_RU}. – Версия 0.3.0. – 2026. – URL: "
        f"{SITE}astana/round-3.html (дата обращения: 01.12.2026). – Текст : электронный."
    )


@pytest.mark.browser
def test_without_script_no_cite_button_is_shown(server, browser):
    """They would do nothing: hidden until Material's script removes .no-js."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "article.html#p12")
    assert page.locator(".cite-this").count() > 30 and not page.locator("#p12 .cite-this").is_visible()
    assert page.locator("#p12 .para-num").is_visible()
    context.close()


def test_cite_with_the_keyboard(server, browser_page):
    page = browser_page
    page.goto(server + "article.html")
    page.focus("#p12 .para-copy")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Цитировать абзац 12"
    assert page.evaluate("getComputedStyle(document.activeElement).opacity") == "1"
    page.evaluate("navigator.clipboard.writeText('what the reader had copied before')")
    page.keyboard.press("Enter")  # opens the box, copies nothing yet
    assert page.evaluate("navigator.clipboard.readText()") == "what the reader had copied before"
    assert page.evaluate("document.activeElement.id") == "edition-cite-box"  # the focus went into it
    assert page.locator("#p12 .cite-this").get_attribute("aria-expanded") == "true"
    assert page.locator("#p12 .cite-this").get_attribute("aria-controls") == "edition-cite-box"
    assert page.locator(".cite-box [role=status]").inner_text() == ""
    for name in ("Формат", "Копировать"):  # the box's controls come next in the Tab order
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.labels?.[0]?.textContent || document.activeElement.textContent")
        assert name in label
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == today(GOST_2018["p12"])
    assert page.locator(".cite-box [role=status]").inner_text() == "Скопировано. Дата обращения — сегодняшняя."
    page.keyboard.press("Escape")
    assert page.locator(".cite-box").count() == 0
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Цитировать абзац 12"
    assert page.locator("#p12 .cite-this").get_attribute("aria-expanded") == "false"


def test_the_status_says_what_happened_last(server, browser_page):
    """A change of format copies nothing: the status no longer says "copied"."""
    page = browser_page
    page.goto(server + "article.html")
    cite_this(page, "#p12")
    assert page.locator(".cite-box [role=status]").inner_text().startswith("Скопировано")
    page.select_option(".cite-box select.cite-select", "apa")
    assert page.locator(".cite-box [role=status]").inner_text() == ""
    page.click("#p12 .cite-this")  # the button again closes its box
    assert page.locator(".cite-box").count() == 0


def test_the_chosen_format_applies_everywhere_and_is_remembered(server, browser_page):
    page = browser_page
    page.goto(server + "article.html")
    cite_this(page, "#p12")
    page.select_option(".cite-box select.cite-select", "bibtex")
    # a paragraph: the work's entry, and beside it the citation with the paragraph's place
    assert page.locator(".cite-box .cite-text").inner_text().startswith("@online{kazakhstan-conflicts-edition-ru,")
    assert page.locator(".cite-box .cite-usage code").inner_text() == (
        "\\autocite[абз.~12]{kazakhstan-conflicts-edition-ru}"
    )
    copied = cite_this(page, "#p13")  # the next "cite this" uses the chosen format
    (entry,) = bibtexparser.parse_string(copied).entries
    assert entry.key == "kazakhstan-conflicts-edition-ru"
    assert entry.fields_dict["urldate"].value == date.today().isoformat()
    assert page.locator(".cite-box .cite-usage code").inner_text().startswith("\\autocite[абз.~13]")
    page.select_option(".cite-box select.cite-select", "ris")  # no such line for RIS
    assert page.locator(".cite-box .cite-usage").is_hidden()
    page.select_option(".cite-box select.cite-select", "bibtex")
    cite_this(page, "#introduction")  # a section: an entry of its own, in the edition
    (part,) = bibtexparser.parse_string(page.locator(".cite-box .cite-text").inner_text()).entries
    assert part.entry_type == "inbook" and part.key == "kazakhstan-conflicts-edition-ru-introduction"
    assert part.fields_dict["title"].value == "{Введение}"
    assert page.locator(".cite-box .cite-usage").is_hidden()
    page.reload()  # the panel is open on arrival
    assert page.locator(".cite-panel select.cite-select").input_value() == "bibtex"
    assert page.locator(".cite-panel .cite-text").inner_text().startswith("@online{kazakhstan-conflicts-edition-ru,")


def test_cite_page_copy_buttons_fill_in_todays_date(server, browser_page):
    page = browser_page
    page.goto(server + "cite.html")
    assert page.locator('pre[data-cite-format="gost-2018"]:not([data-cite-fragment])').inner_text() == today(
        GOST_2018["work"]
    )
    page.click('button.cite-copy[data-cite-format="ris"]')
    (entry,) = rispy.loads(page.evaluate("navigator.clipboard.readText()"))
    assert entry["note"] == date.today().strftime("%Y/%m/%d")  # M1: the access date
    assert entry["urls"] == [SITE + "article.html"]
    assert page.locator(
        '#ris ~ .cite-block .cite-status, .cite-block:has([data-cite-format="ris"]) .cite-status'
    ).first.is_visible()


@pytest.mark.parametrize("folder", ["", "en/"])
def test_the_page_fills_every_format_as_python_does(server, browser_page, folder):
    """assets/cite.js and citation.fill() put the same values in the same templates, for the
    work and for the fragments the cite page shows."""
    locale = folder.rstrip("/") or "ru"
    browser_page.goto(server + folder + "cite.html")
    blocks = browser_page.locator("pre.cite-text[data-cite-format]")
    assert blocks.count() > len(FORMATS)
    for index in range(blocks.count()):
        block = blocks.nth(index)
        fragment = block.get_attribute("data-cite-fragment") or ""
        expected = cite(DATA.article, block.get_attribute("data-cite-format"), locale, fragment, date.today())
        assert block.inner_text() == expected, (block.get_attribute("data-cite-format"), fragment)


def test_cite_works_from_file_in_the_offline_copy(offline, offline_page):
    page = offline_page
    page.goto((offline["unpacked"] / "article.html").as_uri() + "#p12")
    page.hover("#p12")
    page.click("#p12 .cite-this")
    shown = page.locator(".cite-box .cite-text").inner_text()
    assert shown == today(GOST_2018["p12"])
    page.click(".cite-box .cite-copy")
    assert page.locator(".cite-box .cite-copy").get_attribute("data-clipboard-text") == shown
    assert "Скопировано" in page.locator(".md-dialog").inner_text()
    page.goto((offline["unpacked"] / "en" / "cite.html").as_uri())
    assert (
        page.locator('pre[data-cite-format="in-russ"]:not([data-cite-fragment])')
        .inner_text()
        .endswith(f"(accessed {date.today():%d.%m.%Y}). (In Russ.)")
    )
    assert page.foreign_requests == [] and page.console_errors == []
