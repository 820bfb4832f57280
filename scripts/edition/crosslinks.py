"""Links between the two languages.

Each language is a separate MkDocs build that cannot see the other's pages, so a link to the
other language is written with the language as scheme, relative to that language's folder:
`[read the Russian text](ru:article.md#p12)`, `[English abstract](en:article.md)`.
MkDocs leaves such URLs alone; after rendering they become ordinary relative links, and a
link to a page that does not exist stops the build."""

import posixpath
import re
from collections.abc import Callable

CROSS_LINK = re.compile(r'href="(?P<lang>[a-z]{2}):(?P<path>[^"#]+\.md)(?P<fragment>#[^"]*)?"')


def resolve_cross_links(html: str, page_dest: str, exists: Callable[[str], bool], folders: dict[str, str]):
    """Rewrite `lang:path.md#x` hrefs in `html` for the page written at `page_dest`; `exists`
    tells whether a page's source ('en/article.md') is one of the site's.

    `folders` maps a locale to its output folder ('' for the default language, 'en/' ...).
    Returns the new HTML and the list of links whose target page does not exist."""
    missing = []

    def rewrite(match: re.Match) -> str:
        lang, path, fragment = match["lang"], match["path"], match["fragment"] or ""
        if lang not in folders or not exists(f"{lang}/{path}"):
            missing.append(f"{lang}:{path}")
            return match[0]
        target = folders[lang] + path[: -len(".md")] + ".html"
        url = posixpath.relpath(target, posixpath.dirname(page_dest) or ".")
        return f'href="{url}{fragment}"'

    return CROSS_LINK.sub(rewrite, html), missing
