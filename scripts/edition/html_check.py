"""What a page's content may contain, checked on the HTML each page renders to: the elements
and attributes the edition writes itself, and nothing that runs or loads from elsewhere.

Text from data/ is escaped where it is printed (templates autoescape); this check is the net
under that, and the only one for the hand-written pages of docs/, where Markdown lets an
editor write raw HTML (`<script>`) or attributes (`{: onclick=... }`). An element or attribute
not listed here, an event handler, a style, or a link with a scheme other than http(s) or
mailto stops the build, naming the page and the offending markup."""

import re

import ada_url
import lxml.html

ELEMENTS = {
    # text and structure, as Markdown and the edition's templates write them
    "a", "abbr", "aside", "b", "blockquote", "br", "button", "caption", "cite", "code", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins",
    "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    # the inline SVG of the timeline and the icons
    "svg", "g", "title", "desc", "defs", "lineargradient", "stop", "line", "rect", "path", "text", "tspan",
    "circle", "ellipse", "polyline", "polygon",
}  # fmt: skip
ATTRIBUTES = {
    "id", "class", "lang", "title", "role", "hidden", "hreflang", "href", "rel", "download", "type", "scope",
    "colspan", "rowspan", "open", "datetime", "aria-label", "data-search-exclude", "data-label",
    # SVG geometry and presentation
    "viewbox", "xmlns", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "rx", "ry", "cx", "cy", "r", "d",
    "points", "offset", "text-anchor", "fill", "stroke", "stroke-width", "transform",
}  # fmt: skip
# A page of the site on the web and from file:// (the offline copy): a relative link stays there.
BASES = [ada_url.URL("https://edition.invalid/folder/page.html"), ada_url.URL("file:///edition/folder/page.html")]
ABSOLUTE = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# The prefixes of the ids the templates give their own elements (Material's `__config`,
# `__search`; the edition's `edition-cite`): an element of a page with one would take its place.
RESERVED_ID = re.compile(r"^(?:__|edition-)")
LOCAL_PAINT = re.compile(r"^(?:url\(#[A-Za-z][\w-]*\)|none|currentcolor|#[0-9a-f]{3,8}|[a-z]+)$", re.IGNORECASE)


def unsafe_markup(html: str) -> list[str]:
    """A description of each element or attribute of `html` that a page may not contain."""
    problems = []
    root = lxml.html.fragment_fromstring(html, create_parent="div")  # libxml2: fast, and as lenient as browsers
    for element in root.iterdescendants():
        if not isinstance(element.tag, str):  # a comment or a processing instruction
            continue
        tag = element.tag.lower()
        if tag not in ELEMENTS:
            problems.append(f"<{tag}> is not an element the edition allows")
            continue
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith(("aria-", "data-")) and not name.startswith("data-on"):
                continue
            if name not in ATTRIBUTES:
                problems.append(f'<{tag} {name}="{value[:40]}"> is not an attribute the edition allows')
            elif name == "href" and (problem := unsafe_link(value)):
                problems.append(f'<{tag} href="{shown(value)}">: {problem}')
            elif name == "id" and RESERVED_ID.match(value):
                problems.append(f'<{tag} id="{value[:40]}">: ids beginning with __ or edition- are the templates\' own')
            elif name in ("fill", "stroke") and not LOCAL_PAINT.match(value.strip()):
                problems.append(f'<{tag} {name}="{value[:40]}">: only a colour or a gradient of the page')
    return problems


def unsafe_link(href: str) -> str | None:
    """Why `href` may not be a link of the page, judged as a browser reads it (the WHATWG URL
    Standard, by Ada: a browser drops controls and tabs from a URL and reads a backslash as a
    slash, so a pattern on the written text is not enough), on the web and from file:// (where
    `https:evil.example` is not relative); None if it may."""
    if found := CONTROL.search(href):
        return f"a control character (U+{ord(found[0]):04X}) in a link"
    written = href.strip(" ")
    for base in BASES:
        try:
            url = ada_url.URL(written, base=base.href)
        except ValueError:
            return "not a link a browser can follow"
        if url.protocol not in ("http:", "https:", "mailto:", base.protocol):
            return "only http(s), mailto and relative links"
        stays = url.protocol == base.protocol and url.host == base.host
        if not stays and not ABSOLUTE.match(written):
            return "a link to another site is written in full, https://…"
    return None


def shown(value: str) -> str:
    """A value as quoted in a message: at most 40 characters, controls as \\xNN."""
    return CONTROL.sub(lambda found: f"\\x{ord(found[0]):02x}", value[:40])
