"""Material's palette stylesheet cut to the colours the edition uses, and the colour schemes
the pages switch between (overrides/partials/color-scheme.html).

Material ships one palette.<hash>.min.css with the rules of all 21 primary and 16 accent
colours (12 KB; 2 KB of a first visit's 90 KB gzip). The edition uses one primary and one
accent colour in two schemes (mkdocs.yml, theme.palette), so the build keeps only the rules
that can apply: a selector naming another colour, other than inside :not(), is dropped. The
rest of Material's file is kept byte for byte, under a name with the hash of what it now holds
(its cache lasts a year: a different content must have a different name).

The schemes follow the reader's system setting (each entry of theme.palette names a
prefers-color-scheme media query). Material's palette component, which does the same at run
time, made the browser restyle the whole page two or three times while the page opened (it
sets the body's attributes again, then writes the header's computed colour into a theme-color
meta); the edition sets the attributes once, as the page is parsed, and writes the metas at
build time."""

import hashlib
import re
from dataclasses import dataclass

from .compat_material import stylesheet

COLOUR = re.compile(r"\[data-md-color-(primary|accent|scheme)=[\"']?([\w-]+)[\"']?\]")
NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


@dataclass(frozen=True)
class Palette:
    original: str  # the file name Material's pages link (palette.<hash>.min.css)
    name: str  # the file name of the cut stylesheet
    css: str


def used_colours(palette_config) -> dict[str, set[str]]:
    """{"primary": {...}, "accent": {...}, "scheme": {...}} of mkdocs.yml's theme.palette, in the
    form Material writes into data-md-color-* ("blue grey" -> "blue-grey")."""
    entries = palette_config if isinstance(palette_config, list) else [palette_config or {}]
    used = {"primary": set(), "accent": set(), "scheme": set()}
    for entry in entries:
        for key in used:
            if entry.get(key):
                used[key].add(str(entry[key]).lower().replace(" ", "-"))
    used["scheme"] |= {"default"}  # Material's own scheme, set before the palette applies
    return used


def applies(selector: str, used: dict[str, set[str]]) -> bool:
    """Whether `selector` can match a page of the edition: every colour it requires is used."""
    required = NOT.sub("", selector)
    return all(value in used[kind] for kind, value in COLOUR.findall(required))


def cut(css: str, used: dict[str, set[str]]) -> str:
    """`css` (minified) without the rules and selectors for colours the edition does not use."""
    return map_rules(css, lambda selectors: [s for s in selectors if applies(s, used)], keep_rest=True)


def map_rules(css: str, mapped, keep_rest: bool) -> str:
    """`css` (minified) with each rule's selector list replaced by mapped(list) (a rule left with
    none is dropped), inside @media and @supports too. keep_rest: the other @-rules (@font-face,
    @keyframes, ...) and any text after the last rule are kept as they are, else dropped."""
    out, position = [], 0
    while position < len(css):
        brace = css.find("{", position)
        if brace < 0:
            if keep_rest:
                out.append(css[position:])
            break
        prelude = css[position:brace]
        end = block_end(css, brace)
        body = css[brace + 1 : end]
        if prelude.lstrip().startswith(("@media", "@supports")):
            inner = map_rules(body, mapped, keep_rest)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.lstrip().startswith("@"):
            if keep_rest and body.strip():
                out.append(f"{prelude}{{{body}}}")
        elif selectors := mapped(split_selectors(prelude)):
            out.append(f"{','.join(selectors)}{{{body}}}")
        position = end + 1
    return "".join(out)


def block_end(css: str, brace: int) -> int:
    """Where the block opened at `brace` closes."""
    depth = 0
    for index in range(brace, len(css)):
        if css[index] == "{":
            depth += 1
        elif css[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("unbalanced braces in Material's palette stylesheet")


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :not(...) or [...])."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return parts


def color_schemes(palette_config, css: str) -> list[dict[str, str]]:
    """Each scheme of mkdocs.yml's theme.palette as the page's script applies it: its media
    query, the data-md-color-* values, the UA colour scheme and the header's colour for the
    theme-color meta ('' when the stylesheet does not say). ValueError for an entry the page's
    script cannot follow: without a media query, or with a toggle (a reader's choice, which
    needs Material's own palette component)."""
    entries = palette_config if isinstance(palette_config, list) else [palette_config] if palette_config else []
    schemes = []
    for index, entry in enumerate(entries):
        media = str(entry.get("media") or "")
        if not media.startswith("(prefers-color-scheme") or entry.get("toggle"):
            raise ValueError(
                f"mkdocs.yml: theme.palette.{index}: the edition's palette follows the reader's system "
                "setting: each entry names a prefers-color-scheme media query and has no toggle "
                "(overrides/partials/color-scheme.html)"
            )
        scheme, primary, accent = (
            str(entry.get(key) or default).lower().replace(" ", "-")
            for key, default in (("scheme", "default"), ("primary", "indigo"), ("accent", "indigo"))
        )
        schemes.append(
            {
                "media": media,
                "scheme": scheme,
                "primary": primary,
                "accent": accent,
                "color_scheme": "dark" if scheme == "slate" else "light",
                "theme_color": primary_colour(css, primary),
            }
        )
    return schemes


def primary_colour(css: str, primary: str) -> str:
    """The header's colour for `primary` (--md-primary-fg-color in its rules), or ''."""
    rules = re.finditer(r"(?<![^{}])\[data-md-color-primary=" + re.escape(primary) + r"\]\{([^}]*)\}", css)
    for rule in rules:
        if colour := re.search(r"--md-primary-fg-color:(#[0-9a-fA-F]{3,8})(?:;|$)", rule.group(1)):
            return colour.group(1)
    return ""


def cut_palette(theme_dirs: list[str], palette_config) -> Palette | None:
    """The cut stylesheet for the installed Material (the first of the theme's folders with a
    palette file), or None when there is none or no palette is configured."""
    found = stylesheet(theme_dirs, "palette")
    if not found or not palette_config:
        return None
    css = SOURCE_MAP.sub("", cut(found.read_text(encoding="utf-8"), used_colours(palette_config)))
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
    return Palette(original=found.name, name=f"palette.{digest}.min.css", css=css)
