"""What keeps a first visit light without changing what a reader sees: Material's palette
stylesheet cut to the edition's colours, the templates' indentation dropped, JSON in UTF-8."""

import hashlib
import re
import shutil
from pathlib import Path

import material
import pytest
import yaml

from edition.build import without_indentation
from edition.palette import cut_palette, used_colours
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


def test_json_in_pages_is_utf8_and_safe(page_html):
    head = str(page_html("article.html").select_one('script[type="application/ld+json"]'))
    assert "Роль Республики Казахстан" in head and "\\u0420" not in head


STYLED = [".md-header", ".md-tabs, .md-header__title", "body", ".md-nav__link--active", ".title-block a",
          ".md-typeset table:not([class]) th, .md-typeset td", ".md-footer", ".md-footer-meta", ".md-search__input",
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
