"""The one Jinja environment of the edition's templates (scripts/edition/templates/): data
pages (Markdown), the timeline (SVG), citation blocks, redirect pages, the single files.

Autoescape is on for every template: everything from data/ is text, and a "<script>" in a
value stays text. Markdown writes ids as {#id}, so Jinja's comments are {## ... ##} in every
template; undefined names are errors (StrictUndefined), never an empty string."""

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .template_scripts import record_template_scripts

TEMPLATES_DIR = Path(__file__).parent / "templates"
TEMPLATES = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    comment_start_string="{##",
    comment_end_string="##}",
)
SCRIPTS_WRITTEN: set[str] = set()  # the inline scripts these templates wrote (template_scripts.py)
record_template_scripts(TEMPLATES, SCRIPTS_WRITTEN)
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|])")


def markdown_text(value) -> Markup:
    """Text for a Markdown line (a heading): on one line (a line break in a value could start a
    block of its own), HTML-escaped, Markdown punctuation backslashed. Text in any other place
    goes into HTML, where escaping is enough."""
    return Markup(MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(" ".join(str(value).split())))))


def css_string(text) -> Markup:
    """A CSS string literal ("…"), e.g. for the citation in a printout's page footer."""
    quoted = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return Markup(f'"{quoted}"')


TEMPLATES.filters["md"] = markdown_text
TEMPLATES.filters["css_string"] = css_string


def render(template: str, **context) -> str:
    return TEMPLATES.get_template(template).render(**context)
