"""Material's main stylesheet without the admonition types and the components the edition never shows.

Material styles 12 kinds of admonition ("note", "warning", "danger", "quote" …), each with its
colours and its icon, an SVG inside the stylesheet: some 6 KB of the 137 KB file, 1.5 KB of a
first visit's 90 KB gzip. The edition writes no admonition (mkdocs.yml has no admonition
extension): its one details element, the cite panel, takes Material's default look, which is
the note's. So the rules for the other kinds and their icons are left out. So are the rules of
components that only a Markdown extension or plugin the edition does not use produces: content
tabs (pymdownx.tabbed: 20 KB of the file, 1.8 KB gzip), keys, task lists, CriticMarkup, code
annotations, math, the blog's posts and authors (2.3 KB gzip in all). The rest is Material's
file byte for byte, under a name with the hash of what it now holds (palette.py
does the same for the palette). tests/test_light.py checks that no page of the site has an
element any rule left out would have styled."""

import hashlib
import re

from .compat_material import stylesheet
from .palette import SOURCE_MAP, Palette, map_rules

# Material's admonition kinds and their aliases, but the note (the default look of a details)
OTHER_KINDS = (
    "abstract|summary|tldr|info|todo|tip|hint|important|success|check|done|question|help|faq|warning|caution|"
    "attention|failure|fail|missing|danger|error|bug|example|quote|cite"
)
# What pymdownx.tabbed, .keys, .tasklist, .critic, .arithmatex, code annotations and the blog
# plugin write into a page; mkdocs.yml uses none of them
UNUSED_COMPONENTS = (
    r"tabbed-[\w-]+|keys|task-list[\w-]*|critic|md-annotation[\w-]*|arithmatex|md-post[\w-]*|md-author[\w-]*"
)
KIND_SELECTOR = re.compile(
    rf"(?:\.admonition|details)\.(?:{OTHER_KINDS})(?![\w-])|\.(?:{OTHER_KINDS})>(?:\.admonition-title|summary)"
    rf"|\.(?:{UNUSED_COMPONENTS})(?![\w-])"
)
KIND_ICON = re.compile(rf'--md-admonition-icon--(?:{OTHER_KINDS}):url\("[^"]*"\);?')


def without_other_kinds(css: str) -> str:
    kept = map_rules(css, lambda selectors: [s for s in selectors if not KIND_SELECTOR.search(s)], keep_rest=True)
    return KIND_ICON.sub("", kept)


def left_out_selectors(css: str) -> list[str]:
    """The selectors the cut leaves out (for the test that no page needs them)."""
    found: list[str] = []

    def note(selectors: list[str]) -> list[str]:
        found.extend(selector for selector in selectors if KIND_SELECTOR.search(selector))
        return []

    map_rules(css, note, keep_rest=False)
    return found


def cut_main(theme_dirs: list[str]) -> Palette | None:
    """The cut main stylesheet of the installed Material (the first of the theme's folders with
    one), or None when there is none."""
    found = stylesheet(theme_dirs, "main")
    if not found:
        return None
    original = found.read_text(encoding="utf-8")
    css = SOURCE_MAP.sub("", without_other_kinds(original))
    if css == SOURCE_MAP.sub("", original):
        raise ValueError(
            "Material's main stylesheet has no admonition kinds to leave out (scripts/edition/material_css.py): "
            "has Material changed how it styles them?"
        )
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
    return Palette(original=found.name, name=f"main.{digest}.min.css", css=css)
