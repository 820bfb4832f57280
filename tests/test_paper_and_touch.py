"""Paper, screen readers and thumbs: a printed page carries the text, its notes, the citation
at the foot of every sheet and the addresses of outside links, and no controls; the cite box
is announced and takes the focus (Chromium's own accessibility tree); headings are named by
their words; every target is at least 24 x 24 px on a 360 px phone (WCAG 2.2, 2.5.8) and
every control shows the keyboard's focus."""

import pytest
from pypdf import PdfReader

from build_site import build_site
from edition.data import load_data
from edition.locales import FOLDERS
from edition.strings import STRINGS

from project import SCREENSHOTS

pytestmark = pytest.mark.browser

PAGES = ["index.html", "article.html", "cite.html", "missions/index.html", "missions/iraq.html", "astana/index.html",
         "astana/round-7.html", "funding/index.html", "facts/index.html", "corrections.html", "method.html",
         "downloads.html", "about.html", "names/index.html", "parallel.html"]  # fmt: skip
CONTROLS = (
    "button, select, input, .para-copy, .cite-this, .para-facing, .para-data, .headerlink, .md-header, .md-version"
)


# ---------------------------------------------------------------------------- paper
@pytest.mark.parametrize(
    "path, line",
    [
        ("article.html", "https://example.org/edition/article.html (дата обращения:"),
        ("en/article.html", "https://example.org/edition/en/article.html"),
        ("astana/index.html", "https://example.org/edition/astana/index.html (дата обращения:"),
        ("en/missions/iraq.html", "https://example.org/edition/en/missions/iraq.html"),
        ("cite.html", "https://example.org/edition/article.html (дата обращения:"),
        ("corrections.html", "/edition/corrections.html"),
        ("en/facts/index.html", "/edition/en/facts/index.html"),
    ],
)
def test_a_printed_page_has_its_text_citation_and_addresses_but_no_controls(server, browser_page, tmp_path, path, line):
    page = browser_page
    page.goto(server + path)
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    shown = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].filter(e => {
               const r = e.getBoundingClientRect(), s = getComputedStyle(e);
               return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
           }).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))""",
        CONTROLS,
    )
    assert not shown, f"{path} prints its interface: {sorted(set(shown))}"
    icons = page.evaluate(  # a panel's title prints as a title: no icon, no chevron
        """() => [...document.querySelectorAll('summary')].flatMap(s =>
               ['::before', '::after'].map(p => getComputedStyle(s, p).display)).filter(d => d !== 'none')"""
    )
    assert not icons, f"{path} prints the panels' icons"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 px/in
    page.screenshot(path=SCREENSHOTS / f"print-{path.replace('/', '-')}.png")
    outside = page.evaluate(
        """() => [...document.querySelectorAll('article a[href^="http"]')]
               .filter(a => !a.closest('th, .cites, .corrected, .sources-list, svg'))
               .map(a => [a.href, getComputedStyle(a, '::after').content])"""
    )
    for href, after in outside:
        assert href in after, f"{href} prints without its address ({after})"
    pdf = tmp_path / "page.pdf"
    page.pdf(path=pdf, format="A4", prefer_css_page_size=True)
    sheets = [" ".join(sheet.extract_text().replace("-\n", "-").split()) for sheet in PdfReader(pdf).pages]
    missing = [number for number, text in enumerate(sheets, 1) if line not in text]
    assert not missing, f"{path}: sheets {missing} of {len(sheets)} lack «{line}» at their foot"


# ---------------------------------------------------------------------------- screen readers
def ax_tree(page) -> list[dict]:
    """Chromium's accessibility tree of the page (what a screen reader is given), flattened."""
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()


def ax_name(node) -> str:
    return (node.get("name") or {}).get("value", "")


def ax_property(node, name):
    return next((p["value"].get("value") for p in node.get("properties", []) if p["name"] == name), None)


def test_the_cite_box_is_announced_and_takes_the_focus(server, browser_page):
    page = browser_page
    page.goto(server + "article.html")
    page.focus("#p12 .cite-this")
    page.keyboard.press("Enter")
    nodes = ax_tree(page)
    opener = next(n for n in nodes if n["role"]["value"] == "button" and ax_name(n) == "Цитировать абзац 12")
    assert ax_property(opener, "expanded") is True
    box = next(n for n in nodes if n["role"]["value"] == "group" and ax_name(n) == "Цитировать абзац 12")
    assert ax_property(box, "focused") is True
    inside = {n["nodeId"]: n for n in nodes}
    descendants, stack = [], list(box.get("childIds", []))
    while stack:
        node = inside.get(stack.pop())
        if node:
            descendants.append(node)
            stack += node.get("childIds", [])
    roles = {(n["role"]["value"], ax_name(n)) for n in descendants}
    assert ("combobox", "Формат") in roles and ("button", "Копировать") in roles and ("button", "Закрыть") in roles
    status = next(n for n in descendants if n["role"]["value"] == "status")
    assert ax_property(status, "live") == "polite" and not page.locator(".cite-box .cite-status").inner_text()
    page.click(".cite-box .cite-copy")
    assert page.locator(".cite-box .cite-status").inner_text() == "Скопировано. Дата обращения — сегодняшняя."
    page.keyboard.press("Escape")
    opener = next(n for n in ax_tree(page) if n["role"]["value"] == "button" and ax_name(n) == "Цитировать абзац 12")
    assert ax_property(opener, "expanded") is False and ax_property(opener, "focused") is True


@pytest.mark.parametrize("path", ["article.html", "en/article.html", "astana/round-5.html", "en/missions/iraq.html"])
def test_headings_are_named_by_their_words(server, browser_page, path):
    """Not «5-й раунд … ¶ Цитировать: 5-й раунд …»: the ¶ link and the cite button are
    controls inside the heading, not part of its name."""
    browser_page.goto(server + path)
    headings = [n for n in ax_tree(browser_page) if n["role"]["value"] == "heading"]
    assert len(headings) > 1
    wrong = [ax_name(n) for n in headings if "¶" in ax_name(n) or "Цитировать" in ax_name(n) or "Cite" in ax_name(n)]
    assert not wrong, wrong
    visible = browser_page.locator("h1").evaluate("h => h.textContent.replace('¶', '').trim()")
    assert any(ax_name(n) == " ".join(visible.split()) for n in headings)


# ---------------------------------------------------------------------------- thumbs and keyboards
TARGET_SIZE = """() => {
  // WCAG 2.2, 2.5.8 Target Size (Minimum): a target is at least 24 x 24 CSS px, unless a
  // 24 px circle on its centre meets no other target nor another such circle (spacing), or it
  // sits in a sentence (inline).
  const selector = 'a[href], button, select, input:not([type=hidden]), summary, label[for], ' +
    '[tabindex]:not([tabindex="-1"])';
  const targets = [...document.querySelectorAll(selector)].filter(e => {
    const style = getComputedStyle(e), r = e.getBoundingClientRect();
    return style.visibility !== 'hidden' && r.width > 0 && r.height > 0 &&
      !e.closest('[hidden], .md-sidebar, .md-nav');
  });
  const rects = targets.map(e => e.getBoundingClientRect());
  const inSentence = e => {
    if (getComputedStyle(e).display !== 'inline') return false;
    const block = e.closest('p, li, dd, td, th, figcaption, blockquote');
    return !!block && block.textContent.replace(e.textContent, '').trim().length > 20;
  };
  const small = [];
  targets.forEach((e, i) => {
    const r = rects[i];
    if ((r.width >= 23.99 && r.height >= 23.99) || inSentence(e)) return;
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const crowded = targets.some((o, j) => {
      if (j === i || o.contains(e) || e.contains(o)) return false;
      const q = rects[j];
      const nx = Math.max(q.left, Math.min(cx, q.right)), ny = Math.max(q.top, Math.min(cy, q.bottom));
      if ((nx - cx) ** 2 + (ny - cy) ** 2 < 144) return true;
      const ox = q.left + q.width / 2, oy = q.top + q.height / 2;
      return (q.width < 24 || q.height < 24) && ((ox - cx) ** 2 + (oy - cy) ** 2 < 576);
    });
    const name = (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40);
    if (crowded) small.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} «${name}» ` +
      `${Math.round(r.width)}x${Math.round(r.height)}`);
  });
  return small;
}"""


@pytest.mark.parametrize("width", [360, 412])  # 412: the phone Lighthouse's mobile audit emulates
@pytest.mark.parametrize("folder", ["", "en/"])
def test_every_target_is_24_px_at_360(published_server, browser, folder, width):
    """On a 360 px phone (and a 412 px one), every page; the article with a cite box open."""
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=True)
    page = context.new_page()
    small = {}
    for path in PAGES:
        page.goto(published_server + folder + path)
        if path == "article.html":
            page.click("#p12 .cite-this")
            page.wait_for_selector(".cite-box")
        if found := page.evaluate(TARGET_SIZE):
            small[folder + path] = found
    context.close()
    assert not small, small


FOCUS_STYLE = """(element) => { const s = getComputedStyle(element);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.color, s.backgroundColor,
          s.textDecorationLine, s.borderColor].join('|'); }"""


@pytest.mark.parametrize("path", ["article.html", "en/astana/index.html"])
def test_every_control_shows_the_keyboards_focus(published_server, browser_page, path):
    """Tab through the page (the article with a cite box open): each control looks different
    while it has the focus (the version switch and the permanent-address box had outline: none)."""
    page = browser_page
    page.goto(published_server + path)
    # the styles as they end, not half-way through a colour's transition
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    if path == "article.html":
        page.click("#p12 .cite-this")
        page.wait_for_selector(".cite-box")
        page.focus("#p12 .para-num")
    unseen, previous, seen = [], None, 0
    for _ in range(600):
        page.keyboard.press("Tab")
        handle = page.evaluate_handle("document.activeElement")
        if page.evaluate("(e) => e === document.body", handle):
            break
        focused = page.evaluate(FOCUS_STYLE, handle)
        if previous is not None:
            element, style_then = previous
            if page.evaluate(FOCUS_STYLE, element) == style_then and page.evaluate("(e) => e.isConnected", element):
                unseen.append(page.evaluate("(e) => e.outerHTML.slice(0, 100)", element))
        previous = (handle, focused)
        seen += 1
    assert seen > 20 and not unseen, unseen[:5]


# ---------------------------------------------------------------------------- reporting, history, timeline
@pytest.mark.build
def test_every_page_says_where_to_report_an_error(site, page_html):
    for locale, folder in FOLDERS.items():
        t = STRINGS[locale]
        for path in [*PAGES, "404.html"]:
            footer = page_html(f"{folder}{path}").select_one(".edition-report")
            assert footer is not None, f"{folder}{path} has no line for reporting errors"
            assert " ".join(footer.get_text().split()) == f"{t['footer_report']}: {t['footer_no_report']}"
        missing = page_html(f"{folder}404.html")
        assert missing.select_one("article h1").get_text() == t["not_found_title"]
        assert f"{t['footer_report']}: {t['footer_no_report']}" in " ".join(
            missing.select_one("article").get_text().split()
        )


@pytest.mark.build
def test_a_publisher_gives_the_report_address_in_the_data(project):
    site = project.parent / "site"
    log = build_site(site, config_file=project / "mkdocs.yml").stdout
    assert "data/article.yml: edition.contact is not set" in log
    record = project / "data" / "article.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("\nedition:\n", "\nedition:\n  contact: mailto:errors@example.org\n"), "utf-8")
    log = build_site(site, config_file=project / "mkdocs.yml").stdout
    assert "edition.contact is not set" not in log
    for path in ("index.html", "en/astana/round-5.html", "about.html", "en/about.html", "404.html", "en/404.html"):
        html = (site / path).read_text(encoding="utf-8")
        assert html.count('href="mailto:errors@example.org">errors@example.org</a>') >= 1, path


@pytest.mark.build
def test_a_mark_under_a_heading_says_what_was_corrected_there(page_html):
    heading = page_html("en/astana/index.html").select_one("h2#checks")
    mark = heading.find_next_sibling(class_="corrected")
    assert " ".join(mark.get_text().split()) == "Corrected in version 0.2.0 (in this section: data)"


@pytest.mark.build
@pytest.mark.parametrize("path, expected", [
    ("article.html", "Впервые опубликовано 26 ноября 2026 (версия 0.1.0); последние исправления — в версии 0.3.0, "
                     "4 декабря 2026 (журнал исправлений)"),
    ("en/index.html", "First published 26 November 2026 (version 0.1.0); last corrected in version 0.3.0, "
                      "4 December 2026 (corrections log)"),
])  # fmt: skip
def test_the_title_says_when_the_edition_was_first_published_and_last_corrected(page_html, path, expected):
    releases = load_data().corrections.releases
    assert releases[-1].version == "0.1.0" and releases[0].version == "0.3.0"  # the example's data
    history = page_html(path).select_one(".title-block .edition-history")
    assert " ".join(history.get_text().replace("\xa0", " ").split()) == expected


@pytest.mark.parametrize("width", [360, 1280])
def test_the_rounds_list_keeps_each_years_rounds_beside_it(server, browser, width):
    """On a phone «6 7 8» wrapped under «2017»; on a wide screen the list stands under the chart,
    whose ticks are a few pixels apart."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "astana/index.html")
    rows = page.evaluate(
        """() => [...document.querySelectorAll('.tl-list-rounds li')].map(li => {
               const year = li.querySelector('.tl-list-year').getBoundingClientRect();
               return [year.right, ...[...li.querySelectorAll('a')].map(a => {
                   const r = a.getBoundingClientRect(); return [r.left, r.width, r.height]; })];
           })"""
    )
    page.close()
    assert rows
    for year_right, *links in rows:
        assert all(left >= year_right for left, _, _ in links), rows
        assert all(w >= 24 and h >= 24 for _, w, h in links)
