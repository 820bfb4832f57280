"""The marker grammar (<!-- edition:VERB ARGS -->): every marker is expanded through the
table of verbs, and anything that looks like a marker but is not one stops the build with
its line, never stays in the page as a silent comment."""

import pytest

from edition.markdown_source import body_first_line
from edition.markers import MarkerError, Verb, expand_markers

VERBS = {
    "timeline": Verb("timeline", lambda: "<figure>timeline</figure>"),
    "cite": Verb("cite FORMAT [FRAGMENT]", lambda fmt, fragment="": f"[{fmt}|{fragment}]"),
    "cite-panel": Verb("cite-panel", lambda: "[panel]"),
}
PAGE = "# Title\n\ntext\n\n{marker}\n\nmore text\n"  # the marker on line 5


def expanded(marker: str, first_line: int = 1) -> str:
    return expand_markers(PAGE.format(marker=marker), VERBS, first_line)


def error(marker: str, first_line: int = 1) -> str:
    with pytest.raises(MarkerError) as failure:
        expanded(marker, first_line)
    return str(failure.value)


@pytest.mark.parametrize(
    "marker, result",
    [
        ("<!-- edition:timeline -->", "<figure>timeline</figure>"),
        ("<!-- edition:cite gost-2018 -->", "[gost-2018|]"),
        ("<!-- edition:cite gost-2018 p12 -->", "[gost-2018|p12]"),
        ("<!-- edition:cite-panel -->", "[panel]"),
    ],
)
def test_each_verb_is_expanded(marker, result):
    assert expanded(marker) == PAGE.format(marker=result)


@pytest.mark.parametrize(
    "marker, message",
    [
        ("<!-- edition:timelin -->", "5: unknown marker 'edition:timelin'; the markers are: timeline, cite "),
        ("<!-- edition:cite-pannel -->", "5: unknown marker 'edition:cite-pannel'"),
        ("<!-- edition:citation gost-2018 -->", "5: unknown marker 'edition:citation'"),
        ("<!-- edition:cite  gost-2018 -->", "5: '<!-- edition:cite  gost-2018 -->' is not a marker"),
        ("<!--edition:timeline-->", "is not a marker: write <!-- edition:VERB ARG ... -->"),
        ("<!-- Edition:Timeline -->", "5: '<!-- Edition:Timeline -->' is not a marker"),
        ("<!-- edition:timeline now -->", "5: <!-- edition:timeline now --> takes 'timeline'"),
        ("<!-- edition:cite -->", "takes 'cite FORMAT [FRAGMENT]'"),
        ("<!-- edition:cite apa p12 extra -->", "takes 'cite FORMAT [FRAGMENT]'"),
    ],
)
def test_a_misspelt_marker_stops_with_its_line(marker, message):
    assert message in error(marker)


def test_the_line_counts_from_the_top_of_the_file():
    """`markdown` starts after the front matter: the caller says on which line."""
    assert error("<!-- edition:timelin -->", first_line=8).startswith("12: ")


def test_a_bad_argument_is_reported_with_the_marker():
    def refuse(fmt, fragment=""):
        raise ValueError(f"no citation format {fmt!r}")

    verbs = {**VERBS, "cite": Verb("cite FORMAT [FRAGMENT]", refuse)}
    with pytest.raises(MarkerError, match=r"^3: <!-- edition:cite mla -->: no citation format 'mla'$"):
        expand_markers("a\n\n<!-- edition:cite mla -->\n", verbs)


def test_other_comments_and_prose_about_markers_are_left_alone():
    text = '<!-- a note -->\n<!--\n  An HTML comment "edition:cite FORMAT" becomes a citation.\n-->\n'
    assert expand_markers(text, VERBS) == text


@pytest.mark.parametrize(
    "source, line",
    [
        ("# Title\n", 1),
        ("---\ndescription: x\n---\n\n# Title\n", 5),
        ("---\ndescription: >-\n  long\n  text\n---\n# Title\n", 6),
    ],
)
def test_the_page_body_starts_after_the_front_matter(source, line):
    assert body_first_line(source) == line
