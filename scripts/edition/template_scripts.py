"""The inline scripts the templates write, recorded as they are rendered: the only ones the
site's Content-Security-Policy allows (hosting.py hashes them).

The policy allows an inline script by the hash of its text, and the build computes the hashes
from the pages it wrote. Hashing every script found there would also allow one that a value
smuggled into a page (an address with `"><script>` in it, printed into an attribute): the
policy would then protect nothing. So each environment that renders pages (MkDocs' for
Material's templates and overrides/, render.py's for the edition's own) reads its templates
through RecordingLoader, which wraps the body of every `<script>` without attributes in a
filter that notes the text it renders to. A page holding an inline script that no template
rendered stops the build (build.py)."""

import re

import jinja2

SCRIPT_IN_TEMPLATE = re.compile(r"<script>(.*?)</script>", re.DOTALL)  # executable: no type, no src
FILTER = "edition_template_script"


class RecordingLoader(jinja2.BaseLoader):
    """`inner`'s templates, each inline script's body inside `{% filter FILTER %}`."""

    def __init__(self, inner: jinja2.BaseLoader):
        self.inner = inner

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        marked = SCRIPT_IN_TEMPLATE.sub(
            lambda found: f"<script>{{% filter {FILTER} %}}{found[1]}{{% endfilter %}}</script>", source
        )
        return marked, filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


def record_template_scripts(environment: jinja2.Environment, written: set[str]) -> None:
    """From now on, `environment` adds to `written` the text of each inline script it renders."""
    if not isinstance(environment.loader, RecordingLoader):
        environment.loader = RecordingLoader(environment.loader)

    def note(text):
        written.add(str(text))
        return text

    environment.filters[FILTER] = note


class StrayScript(ValueError):
    """A page holds an inline script that no template wrote."""


def checked_scripts(where: str, scripts: set[str], written: set[str]) -> set[str]:
    """`scripts` (a page's inline scripts, hosting.inline_scripts), each one a template wrote
    (`written`); StrayScript for any other: the Content-Security-Policy must not allow it."""
    if stray := sorted(scripts - written):
        shown = " ".join(stray[0].split())[:60]
        raise StrayScript(
            f"{where}: an inline script that no template wrote ({shown}): a value printed into the page "
            "became a script; the Content-Security-Policy allows only the templates' own"
        )
    return scripts
