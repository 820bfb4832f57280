"""What keeps a first visit light without changing what a reader sees: Material's palette
stylesheet cut to the edition's colours, the colour scheme set as the page is parsed instead of
by Material's palette component, the templates' indentation dropped, JSON in UTF-8."""

import hashlib
import re
import shutil
from pathlib import Path

import material
import pytest
import rcssmin
import yaml

from edition.build import without_indentation
from edition.palette import color_schemes, cut_palette, used_colours
from edition.typography import tie_russian

from project import ROOT, serving

THEME = Path(material.__file__).parent / "templates"
PALETTE = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["theme"]["palette"]


# ---------------------------------------------------------------------------- units
@pytest.mark.unit
def test_the_cut_palette_keeps_the_edition_colours_and_drops_the_others():
    cut = cut_palette([str(THEME)], PALETTE)
    original = next((THEME / "assets" / "stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    assert used_colours(PALETTE) == {"primary": {"blue-grey"}, "accent": {"indigo"}, "scheme": {"default", "slate"}}
    kept = ("[data-md-color-primary=blue-grey]{", "[data-md-color-accent=indigo]{", "[data-md-color-scheme=slate]{")
    for rule in kept:
        assert rule in cut.css and rule in original
    for dropped in ("[data-md-color-primary=red]", "[data-md-color-accent=pink]", "[data-md-color-primary=white]"):
        assert dropped in original and dropped not in cut.css
    assert len(cut.css) < len(original) / 2
    assert cut.name == f"palette.{hashlib.sha256(cut.css.encode()).hexdigest()[:8]}.min.css" != cut.original


@pytest.mark.unit
def test_the_schemes_follow_the_system_setting_with_the_header_colour():
    css = next((THEME / "assets" / "stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    light, dark = color_schemes(PALETTE, css)
    assert (light["media"], light["scheme"], light["color_scheme"]) == (
        "(prefers-color-scheme: light)",
        "default",
        "light",
    )
    assert (dark["media"], dark["scheme"], dark["color_scheme"]) == ("(prefers-color-scheme: dark)", "slate", "dark")
    assert light["primary"] == dark["primary"] == "blue-grey" and light["accent"] == "indigo"
    assert light["theme_color"] == dark["theme_color"] == "#546d78"  # Material's blue grey
    # the colour of a primary's own rule, not of a rule that only names it among others
    css = "[data-md-color-primary=red] x{--md-primary-fg-color:#111}"
    css += "[data-md-color-primary=red]{--md-primary-fg-color:#ef5552}"
    red = {"media": "(prefers-color-scheme: light)", "primary": "red"}
    assert color_schemes(red, css)[0]["theme_color"] == "#ef5552"
    assert color_schemes(red, "")[0]["theme_color"] == ""


@pytest.mark.unit
@pytest.mark.parametrize(
    "entry", [{"scheme": "slate"}, {"media": "(prefers-color-scheme: dark)", "toggle": {"icon": "x", "name": "Dark"}}]
)
def test_a_scheme_the_page_cannot_follow_is_refused(entry):
    with pytest.raises(ValueError, match=r"theme\.palette\.1: the edition's palette follows the reader's system"):
        color_schemes([{"media": "(prefers-color-scheme: light)"}, entry], "")


@pytest.mark.unit
def test_indentation_goes_but_not_where_whitespace_counts():
    html = (
        "<div>\n    <p>\n      a <b>b</b>\n    </p>\n  <pre><code>  one\n    two</code></pre>\n"
        '  <button data-clipboard-text="@online{k,\n  title = {T}\n}">x</button>\n'
        "  <script>\n  var a = 1;\n</script>\n</div>"
    )
    assert without_indentation(html) == (
        "<div>\n<p>\na <b>b</b>\n</p>\n<pre><code>  one\n    two</code></pre>\n"
        '<button data-clipboard-text="@online{k,\n  title = {T}\n}">x</button>\n'
        "<script>\n  var a = 1;\n</script>\n</div>"
    )


@pytest.mark.unit
def test_russian_ties_only_in_text():
    html = '<p title="в Ираке">в Ираке и <code>в x</code> 19 августа 2003 г., №\u0020857 <a href="#">в</a> Ливане</p>'
    assert tie_russian(html) == (
        '<p title="в Ираке">в\u00a0Ираке и <code>в x</code> 19\u00a0августа\u00a02003\u00a0г., №\u00a0857 '
        '<a href="#">в</a> Ливане</p>'
    )  # a one-letter word at the end of a link is not tied to the next element's text


# ---------------------------------------------------------------------------- the built site
def test_every_page_links_the_cut_palette_which_exists(site):
    stylesheets = site / "assets" / "stylesheets"
    (palette,) = stylesheets.glob("palette.*.min.css")
    assert palette.name == f"palette.{hashlib.sha256(palette.read_bytes()).hexdigest()[:8]}.min.css"
    for page in [*site.glob("*.html"), *site.glob("en/*.html"), site / "astana" / "round-5.html"]:
        links = re.findall(r'href="([^"]*palette\.[0-9a-f]{8}\.min\.css)"', page.read_text(encoding="utf-8"))
        if "md-header" in page.read_text(encoding="utf-8"):
            assert links and all(link.endswith(palette.name) for link in links), page


def test_no_palette_component_and_static_colour_metas(page_html):
    for path in ["article.html", "en/astana/index.html", "404.html"]:
        page = page_html(path)
        assert not page.select('[data-md-component="palette"]'), path  # Material's would mount on it
        assert page.select_one('meta[name="color-scheme"]')["content"] == "light dark", path
        metas = {meta["media"]: meta["content"] for meta in page.select('meta[name="theme-color"]')}
        assert metas == {"(prefers-color-scheme: light)": "#546d78", "(prefers-color-scheme: dark)": "#546d78"}, path


def test_no_script_file_holds_up_the_parser_and_the_order_stays(site):
    """Every script file is deferred (parser-blocking, Material's bundle ran before the first
    paint in about one load in three); deferred scripts keep their order, which the page needs:
    Material's bundle, then edition.js, then the citation templates and cite.js, or the page's
    own script (the facing pages')."""
    pages = [path for path in site.rglob("*.html") if "versions" not in path.relative_to(site).parts]
    assert len(pages) > 60
    for page in pages:
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text(encoding="utf-8"))
        assert scripts, page
        assert all(re.fullmatch(r'<script defer src="[^"]+">', tag) for tag in scripts), (page, scripts)
        names = [re.search(r'src="([^"]+)"', tag)[1].rsplit("/", 1)[-1] for tag in scripts]
        assert re.fullmatch(r"bundle\.[0-9a-f]{8}\.min\.js", names[0]) and names[1] == "edition.js", (page, names)
        own = names[2:] if names[2:] == ["facing.js"] else []  # a page's own (front matter `script`), last
        rest = names[2 : len(names) - len(own)]
        if rest:
            assert re.fullmatch(r"citations-(ru|en)\.js", rest[0]) and rest[1:] == ["cite.js"], (page, names)


FIRST_FRAME = """() => {
  window.schemeAtFirstFrame = null;
  requestAnimationFrame(() => {
    window.schemeAtFirstFrame = document.body && document.body.getAttribute("data-md-color-scheme");
  });
}"""
HEADER = """() => [document.body.getAttribute("data-md-color-scheme"),
                getComputedStyle(document.querySelector(".md-header")).backgroundColor]"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["article.html", "en/missions/iraq.html"])
def test_the_page_is_in_the_readers_scheme_from_its_first_frame_and_follows_a_change(server, browser, path):
    """In a dark system setting the first frame is already dark (Material's component made it
    light first, then dark); the header has the theme-color meta's colour; when the setting
    changes, the page follows."""
    context = browser.new_context(color_scheme="dark", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(f"({FIRST_FRAME})()")
    page.goto(server + path)
    page.wait_for_function("window.schemeAtFirstFrame !== null")
    assert page.evaluate("window.schemeAtFirstFrame") == "slate"
    scheme, header = page.evaluate(HEADER)
    theme_color = page.evaluate("document.querySelector('meta[name=theme-color][media*=dark]').content")
    assert scheme == "slate" and header == "rgb(84, 109, 120)" and theme_color == "#546d78"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(color_scheme="light")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
    context.close()


TABLE_LOOK = """() => [...document.querySelectorAll(
    ".md-typeset__scrollwrap, .md-typeset__scrollwrap *, .md-typeset__table + *")].map((element) => {
  const style = getComputedStyle(element), box = element.getBoundingClientRect();
  return [element.tagName, Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height),
          style.display, style.fontSize, style.padding, style.margin, style.borderTop, style.borderLeft,
          style.backgroundColor, style.color, style.textAlign, style.overflowX];
})"""


WRAPPED = "[...document.querySelectorAll('article table')].every((t) => t.parentElement.matches('.md-typeset__table'))"


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["astana/index.html", "en/missions/iraq.html", "facts/index.html"])
def test_the_tables_wrapped_at_build_time_look_as_materials_own(site, tmp_path, browser, path, width):
    """The same page with its tables as Material's script expects them (plain <table>, which
    it wraps once the page has opened) and as the build writes them: every part of every
    table in the same place, the same size, the same style (scripts/edition/tables.py)."""
    plain = tmp_path / "plain"
    shutil.copytree(site, plain)
    page_file = plain / path
    built = page_file.read_text(encoding="utf-8")
    wrapper = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="edition-table">'
    assert built.count(wrapper) >= 1
    page_file.write_text(
        built.replace(wrapper, "<table>").replace("</table></div></div>", "</table>"), encoding="utf-8"
    )
    # the edition's stylesheet without Material's table rules, its own as they were for plain tables
    own = rcssmin.cssmin((ROOT / "docs" / "assets" / "edition.css").read_text(encoding="utf-8"))
    stylesheet = plain / "assets" / "edition.css"
    assert stylesheet.read_text(encoding="utf-8").endswith(own) and "table.edition-table" in own
    stylesheet.write_text(own.replace("table.edition-table", "table:not([class])"), encoding="utf-8")
    looks = {}
    for name, folder in (("built", site), ("plain", plain)):
        with serving(folder) as base:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.goto(base + path)
            page.wait_for_load_state("load")
            page.wait_for_function(WRAPPED)
            looks[name] = page.evaluate(TABLE_LOOK)
            context.close()
    assert len(looks["built"]) > 20
    assert looks["built"] == looks["plain"]


def test_json_in_pages_is_utf8_and_safe(page_html):
    head = str(page_html("article.html").select_one('script[type="application/ld+json"]'))
    assert "Роль Республики Казахстан" in head and "\\u0420" not in head


STYLED = [".md-header", ".md-tabs, .md-header__title", "body", ".md-nav__link--active", ".title-block a",
          ".md-typeset table.edition-table th, .md-typeset td", ".md-footer", ".md-footer-meta", ".md-search__input",
          ".md-typeset code", ".para-num", "a.corrected"]  # fmt: skip
STYLE = """(selectors) => selectors.map((selector) => {
  const element = document.querySelector(selector);
  if (!element) return [selector, null];
  const style = getComputedStyle(element);
  return [selector, style.color, style.backgroundColor, style.borderTopColor, style.colorScheme];
})"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["article.html", "en/astana/index.html"])
def test_the_cut_palette_colours_the_page_as_materials_own(site, tmp_path, browser, scheme, path):
    """The same page with Material's whole palette stylesheet and with the cut one: the same
    colours on every part of the page, in both schemes."""
    whole = tmp_path / "whole"
    shutil.copytree(site, whole)
    (cut,) = (whole / "assets" / "stylesheets").glob("palette.*.min.css")
    original = next((THEME / "assets" / "stylesheets").glob("palette.*.min.css"))
    shutil.copy(original, cut)  # the cut file's name, Material's whole content
    styles = {}
    for name, folder in (("cut", site), ("whole", whole)):
        with serving(folder) as base:
            context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(base + path)
            styles[name] = page.evaluate(STYLE, STYLED)
            context.close()
    assert styles["cut"] == styles["whole"]
    assert sum(1 for row in styles["cut"] if row[1] is not None) >= 8  # the parts compared exist


# ---------------------------------------------------------------------------- the main stylesheet
@pytest.mark.unit
def test_the_main_stylesheet_leaves_out_only_the_admonition_kinds_the_edition_never_shows():
    from edition.material_css import KIND_SELECTOR, cut_main, left_out_selectors

    original = next((THEME / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    cut = cut_main([str(THEME)])
    assert len(cut.css) < len(original) - 5000  # the icons and colours of eleven kinds
    assert "--md-admonition-icon--note:" in cut.css and ".md-typeset details" in cut.css  # the default look
    assert "--md-admonition-icon--warning" in original and "--md-admonition-icon--warning" not in cut.css
    left_out = left_out_selectors(original)
    assert left_out and all(KIND_SELECTOR.search(selector) for selector in left_out)
    assert cut.name == f"main.{hashlib.sha256(cut.css.encode()).hexdigest()[:8]}.min.css" != cut.original


def test_no_page_has_an_element_the_left_out_rules_would_style(site):
    """Every left-out rule needs an element of an admonition kind (.admonition.warning,
    details.quote …): no page of the site, nor a 404 page, has one; and every page links the cut."""
    from bs4 import BeautifulSoup

    from edition.material_css import KIND_SELECTOR, left_out_selectors

    original = next((THEME / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    needed = sorted({KIND_SELECTOR.search(selector)[0] for selector in left_out_selectors(original)})
    (cut,) = (site / "assets" / "stylesheets").glob("main.*.min.css")
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "stylesheets/main." not in html:
            continue  # a redirect page
        assert f"stylesheets/{cut.name}" in html, page
        found = BeautifulSoup(html, "lxml").select(", ".join(needed))
        assert not found, f"{page.relative_to(site)}: {[str(e)[:80] for e in found]}"
