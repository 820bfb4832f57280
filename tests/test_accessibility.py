"""Accessibility as a reader meets it: axe-core (WCAG 2.1 A and AA) on every page type in both
palettes (the two languages alternating, so each type is seen in each language too), the
offline copy and the single files on representative pages; keyboard; zoom; small screens;
the measure."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from project import SCREENSHOTS

AXE = Axe()
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGE_TYPES = [
    "index.html",
    "article.html",
    "cite.html",
    "missions/index.html",
    "missions/iraq.html",
    "astana/index.html",
    "astana/round-7.html",
    "funding/index.html",
    "facts/index.html",
    "names/index.html",
    "parallel.html",
    "404.html",
]
PALETTES = ("light", "dark")


def every_type_in_each_palette():
    """(path, palette): each page type once per palette, Russian in one and English in the
    other."""
    cases = []
    for index, page in enumerate(PAGE_TYPES):
        for shift, palette in enumerate(PALETTES):
            english = (index + shift) % 2 == 1
            path = f"en/{page}" if english else page
            cases.append(pytest.param(path, palette, id=f"{path}-{palette}"))
    return cases


# The offline copy and the single files: the same pages as online, so representative ones.
OFFLINE = [("article.html", "light"), ("en/article.html", "dark"),
           ("astana/index.html", "dark"), ("en/missions/iraq.html", "light")]  # fmt: skip


def violations(page) -> str:
    """'' when axe finds nothing, else one line per rule with the elements it names."""
    report = AXE.run(page, options=WCAG_21_AA).response["violations"]
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}: " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in report
    )


@pytest.fixture
def palette_page(browser, request):
    """A page in the palette given by indirect parametrisation ("light" or "dark")."""
    context = browser.new_context(color_scheme=request.param, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path, palette_page", every_type_in_each_palette(), indirect=["palette_page"])
def test_no_wcag_violations_online(server, palette_page, path):
    palette_page.goto(server + path)
    palette_page.wait_for_load_state("load")
    assert not (found := violations(palette_page)), f"{path}:\n{found}"


@pytest.mark.parametrize(
    "path, palette_page", [("article.html", "light"), ("en/article.html", "dark")], indirect=["palette_page"]
)
def test_no_wcag_violations_with_the_cite_box_and_panel_open(server, palette_page, path):
    palette_page.goto(server + path + "#p12")
    palette_page.hover("#p12")
    palette_page.click("#p12 .cite-this")
    palette_page.click(".cite-panel summary")
    palette_page.wait_for_selector(".cite-box select.cite-select")
    assert not (found := violations(palette_page)), f"{path} with the cite box open:\n{found}"


@pytest.mark.parametrize("path, palette_page", OFFLINE, indirect=["palette_page"])
def test_no_wcag_violations_offline(offline, palette_page, path):
    palette_page.goto((offline["unpacked"] / path).as_uri())
    palette_page.wait_for_load_state("load")
    assert not (found := violations(palette_page)), f"offline {path}:\n{found}"


@pytest.mark.parametrize("locale, palette_page", [("ru", "light"), ("en", "dark")], indirect=["palette_page"])
def test_no_wcag_violations_in_the_single_files(offline, palette_page, locale):
    palette_page.goto(offline[f"single_{locale}"].as_uri())
    assert not (found := violations(palette_page)), f"article-{locale}.html:\n{found}"


def test_keyboard_reaches_paragraph_links_copy_buttons_and_language_switch(server, browser_page):
    page = browser_page
    page.goto(server + "article.html")
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("""() => {
            const e = document.activeElement;
            const style = getComputedStyle(e);
            return {cls: e.className && e.className.baseVal === undefined ? e.className : "",
                    href: e.getAttribute("href"), hreflang: e.getAttribute("hreflang"),
                    outline: style.outlineStyle !== "none" || style.boxShadow !== "none"};
        }""")
        )
    language = [r for r in reached if r["hreflang"] == "en" and "md-select__link" in r["cls"]]
    numbers = [r for r in reached if "para-num" in r["cls"]]
    copies = [r for r in reached if "para-copy" in r["cls"]]
    assert language, "the language switch is not reachable with Tab"
    assert numbers and numbers[0]["href"] == "#p1", "paragraph numbers are not reachable with Tab"
    assert copies, "the copy-link buttons are not reachable with Tab"
    assert all(r["outline"] for r in numbers + copies + language), "a focused control shows no focus ring"


@pytest.mark.parametrize("width,height,name", [(360, 740, "phone-360"), (640, 450, "zoom-200")])
@pytest.mark.parametrize("path", ["article.html", "astana/index.html", "en/missions/iraq.html"])
def test_readable_on_a_small_screen_and_at_200_percent(browser, server, width, height, name, path):
    """360 px wide, and 1280 x 900 at 200 % zoom (= 640 x 450 CSS pixels): nothing is cut
    off sideways, the text keeps a readable size; a screenshot is kept for a look."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{path.replace('/', '-')}.png")
    context.close()
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
    assert font >= 14


def test_article_measure_is_readable_on_desktop(server, browser_page):
    """About 60-80 characters a line in the article's paragraphs on a desktop screen."""
    browser_page.goto(server + "article.html")
    per_line = browser_page.evaluate("""() => {
        const counts = [];
        for (const p of document.querySelectorAll('.para')) {
            const text = [...p.childNodes].filter(n => !(n.classList && n.classList.contains('para-marker')))
                .map(n => n.textContent).join('');
            const style = getComputedStyle(p);
            const lines = Math.round(p.clientHeight / parseFloat(style.lineHeight));
            if (lines >= 4) counts.push(text.length / (lines - 0.5));  // the last line is half full
        }
        return counts.reduce((a, b) => a + b, 0) / counts.length;
    }""")
    assert 60 <= per_line <= 85, f"{per_line:.0f} characters a line"


def test_every_labelled_control_says_its_visible_text(site, page_html):
    """WCAG 2.5.3 Label in Name: a control's accessible name contains the words it shows, so
    that a reader who speaks them (voice control) reaches it (Lighthouse's
    label-content-name-mismatch)."""
    mismatched = set()
    for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")):
        page = page_html(path)
        for control in page.select("a[aria-label], button[aria-label], [role=button][aria-label]"):
            shown = " ".join(re.findall(r"\w+", control.get_text(" ").lower()))  # words, as speech gives them
            named = " ".join(re.findall(r"\w+", control["aria-label"].lower()))
            if shown and f" {shown} " not in f" {named} ":
                mismatched.add(f"{path}: «{shown}» not in «{control['aria-label']}»")
    assert not mismatched, sorted(mismatched)[:10]
