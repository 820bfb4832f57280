"""What the build reads of Material for MkDocs beyond its documented configuration, in one place,
with the version it was read from (mkdocs-material 9.x; pinned in requirements.lock). The build
uses Material's files and the shape of its HTML; a new Material, or a move to its successor
(Zensical), is checked here and in the templates overrides/ copies:

- its stylesheets, assets/stylesheets/{main,palette}.<hash>.min.css, which the build cuts
  (palette.py, material_css.py) and whose table rules it reuses (tables.py);
- its icons (templates/.icons/), inlined into the paragraph margins (paragraphs.py);
- the shape of its HTML: the language alternates in the head (build.py makes them absolute),
  the header's topic (the version menu goes after the site name: versions.py), the scrolling
  wrapper its script puts around tables (tables.py writes it at build time);
- its offline plugin ("offline" or "material/offline") and the polyfills it loads
  (config.extra.polyfills: the iframe-worker shim, vendored in docs/assets/vendor/);
- overrides/partials/toc-item.html, a copy of Material's partial with one change, and
  overrides/main.html's blocks (Material's base.html block names)."""

import re
from importlib.metadata import version
from pathlib import Path

import material

SUPPORTED = ("9.",)
INSTALLED = version("mkdocs-material")
if not INSTALLED.startswith(SUPPORTED):
    raise ImportError(
        f"mkdocs-material {INSTALLED} is installed; scripts/edition/compat_material.py was read from "
        f"{', '.join(v + 'x' for v in SUPPORTED)}: check what it uses and add the version there"
    )

ICONS = Path(material.__file__).parent / "templates" / ".icons"
# <link rel="alternate" href="../en/article.html" hreflang="en">: the language alternates
ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="(?P<href>[^"]+)" hreflang="(?P<lang>[^"]+)">')
# the site name in the header, and where the header starts
HEADER_TOPIC = re.compile(r'(<div class="md-header__topic">\s*<span class="md-ellipsis">.*?</span>)', re.DOTALL)
BEFORE_HEADER = re.compile(r'(?=<header class="md-header)')
# what Material's script wraps each table:not([class]) in, once the page has opened
TABLE_SELECTOR = "table:not([class])"
TABLE_WRAPPER = ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">', "</div></div>")
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"  # the search worker from file://


def stylesheet(theme_dirs: list[str], name: str) -> Path | None:
    """Material's stylesheet `name` ('main', 'palette') in the first of the theme's folders
    that has one, or None."""
    pattern = f"assets/stylesheets/{name}.*.min.css"
    found = [path for folder in theme_dirs for path in sorted(Path(folder).glob(pattern))]
    return found[0] if found else None


def offline_enabled(config) -> bool:
    """Whether Material's offline plugin is on (the build for file://)."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(offline and offline.config.enabled)


def load_polyfills(config, scripts: list[str]) -> None:
    """Scripts Material's base template loads before its own (the offline plugin's polyfills)."""
    config.extra["polyfills"] = scripts
