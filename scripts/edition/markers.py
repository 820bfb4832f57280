"""Markers: where a page of docs/ asks the build for something only it can write (the
timeline, a citation), it holds an HTML comment in one grammar,

    <!-- edition:VERB ARG ... -->        e.g. <!-- edition:cite gost-2018 p12 -->

which is inert where no hook runs. Every marker is dispatched through one table of verbs
(hooks.py). A comment that starts like a marker but does not parse, an unknown verb or the
wrong arguments stop the build with the line: a misspelt marker never stays silently in the
page as a comment."""

import re
from collections.abc import Callable
from dataclasses import dataclass

MARKER = re.compile(r"<!-- edition:(?P<verb>[a-z][a-z-]*)(?P<args>(?: [A-Za-z0-9-]+)*) -->")
LOOKS_LIKE_A_MARKER = re.compile(r"<!--\s*edition\s*:", re.IGNORECASE)


class MarkerError(ValueError):
    """A marker that cannot be expanded; the message starts with its line number."""


@dataclass(frozen=True)
class Verb:
    usage: str  # "cite FORMAT [FRAGMENT]": the verb, its arguments, [optional] ones last
    render: Callable[..., str]  # (*args) -> Markdown or HTML; raises ValueError on a bad value

    @property
    def arity(self) -> tuple[int, int]:
        words = self.usage.split()[1:]
        return sum(not w.startswith("[") for w in words), len(words)


def expand_markers(markdown: str, verbs: dict[str, Verb], first_line: int = 1) -> str:
    """`markdown` with every marker replaced by what its verb renders. `first_line`: the line
    of the file that `markdown` starts on (after front matter), for the error messages."""
    pieces, end = [], 0
    for found in LOOKS_LIKE_A_MARKER.finditer(markdown):
        line = first_line + markdown.count("\n", 0, found.start())
        snippet = markdown[found.start() :].split("\n", 1)[0][:60]
        marker = MARKER.match(markdown, found.start())
        if not marker:
            raise MarkerError(
                f"{line}: {snippet!r} is not a marker: write <!-- edition:VERB ARG ... --> "
                "(lower-case verb, single spaces)"
            )
        verb = verbs.get(marker["verb"])
        if verb is None:
            raise MarkerError(
                f"{line}: unknown marker 'edition:{marker['verb']}'; "
                f"the markers are: {', '.join(v.usage for v in verbs.values())}"
            )
        args = marker["args"].split()
        least, most = verb.arity
        if not least <= len(args) <= most:
            raise MarkerError(f"{line}: {marker[0]} takes {verb.usage!r}")
        try:
            rendered = verb.render(*args)
        except ValueError as error:
            raise MarkerError(f"{line}: {marker[0]}: {error}") from None
        pieces += [markdown[end : found.start()], rendered]
        end = marker.end()
    return "".join(pieces) + markdown[end:]
