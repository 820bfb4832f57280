"""What a page's content may contain, checked on the HTML each page renders to: the elements
and attributes the edition writes itself, and nothing that runs or loads from elsewhere.

Text from data/ is escaped where it is printed (templates autoescape); this check is the net
under that, and the only one for the hand-written pages of docs/, where Markdown lets an
editor write raw HTML (`<script>`) or attributes (`{: onclick=... }`). An element or attribute
not listed here, an event handler, a style, or a link with a scheme other than http(s) or
mailto stops the build, naming the page and the offending markup."""

import re

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
SAFE_HREF = re.compile(r"^(?:https?://|mailto:|#|(?![a-z][a-z0-9+.-]*:)[^\s]*$)", re.IGNORECASE)
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
            elif name == "href" and not SAFE_HREF.match(value.strip()):
                problems.append(f'<{tag} href="{value[:40]}">: only http(s), mailto and relative links')
            elif name in ("fill", "stroke") and not LOCAL_PAINT.match(value.strip()):
                problems.append(f'<{tag} {name}="{value[:40]}">: only a colour or a gradient of the page')
    return problems
