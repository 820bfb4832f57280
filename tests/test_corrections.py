"""The corrections log as readers meet it: a mark at every corrected place linking its entry,
the log page in each language saying what the pages now say, and the Atom feed as a feed
reader parses it (feedparser)."""

import copy
import posixpath
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from build_site import BuildFailed, build_site
from edition.corrections import release_id
from edition.data import load_data

from project import copy_project

DATA = load_data()
LOG = DATA.corrections
FOLDERS = {"ru": "", "en": "en/"}
SITE_URL = "https://example.org/edition/"  # the address the tests build for (conftest)

PLACES = [  # the marked places (a place with marked: false is named in the log, unmarked)
    (correction, place, language)
    for correction in LOG.corrections
    for place in correction.where
    for language in place.languages
    if place.anchor and place.marked
]
VERSIONS = [release.version for release in LOG.releases]  # newest first


def superseded(correction, place, language) -> bool:
    """A later release corrected the same place again: its words are no longer the page's."""
    return any(
        VERSIONS.index(other.version) < VERSIONS.index(correction.version)
        and any(p.page == place.page and p.anchor == place.anchor and language in p.languages for p in other.where)
        for other in LOG.corrections
    )


VERBATIM = [  # the words quoted are those of a correction's first place, unless corrected again since
    (correction, correction.where[0], correction.after.language)
    for correction in LOG.corrections
    if hasattr(correction.after, "text")
    and correction.where[0].anchor
    and not superseded(correction, correction.where[0], correction.after.language)
]


def words(text: str) -> str:
    return " ".join(text.split())


def place_id(item) -> str:
    correction, place, language = item
    return f"{correction.id}:{language}:{place.page}#{place.anchor}"


def marks_after(element) -> list:
    """The marks standing right after `element` (a heading's: one per release that changed it)."""
    marks = []
    for sibling in element.find_next_siblings():
        if "corrected" not in sibling.get("class", []):
            break
        marks.append(sibling)
    return marks


def text_without_marks(element) -> str:
    element = copy.copy(element)  # the parsed page is shared between tests
    for mark in element.select(".corrected, sup[id^='fnref']"):  # the marks and the notes' numbers
        mark.decompose()
    return words(element.get_text(""))


# ---------------------------------------------------------------------------- the marks
@pytest.mark.parametrize("item", PLACES, ids=place_id)
def test_every_corrected_place_carries_a_mark_linking_its_entry(page_html, item):
    correction, place, language = item
    page = page_html(FOLDERS[language] + place.page)
    element = page.find(id=place.anchor)
    assert element is not None, f"no id {place.anchor}"
    entry = f"corrections.html#c-{correction.id}"
    links = page.select(f'.corrected[href$="{entry}"], .corrected a[href$="{entry}"]')
    marks = [link if "corrected" in link.get("class", []) else link.find_parent(class_="corrected") for link in links]
    here = [mark for mark in marks if element in mark.parents or mark in marks_after(element)]
    assert here, f"no mark at #{place.anchor}"
    expected = {"ru": f"Исправлено в версии {correction.version}", "en": f"Corrected in version {correction.version}"}
    assert words(here[0].get_text()).startswith(expected[language])
    assert "editorial" in here[0]["class"]  # the fidelity test leaves the authors' words alone


# (language, page, id) → the corrections at that place, in the log's order
SHARED_PLACES = {}
for _correction, _place, _language in PLACES:
    SHARED_PLACES.setdefault((_language, _place.page, _place.anchor), []).append(_correction)
LABELS = {"ru": "Исправлено в версии", "en": "Corrected in version"}


@pytest.mark.parametrize("place", [key for key, found in SHARED_PLACES.items() if len(found) > 1], ids=":".join)
def test_a_place_several_corrections_changed_has_one_mark_linking_each(page_html, place):
    """One "corrected in 0.2.0: 1, 2" after (or at the end of) the place, not the same words
    stacked; each number links its entry and says which it is."""
    language, page, anchor = place
    corrections = SHARED_PLACES[place]
    element = page_html(FOLDERS[language] + page).find(id=anchor)
    marks = element.find_all(class_="corrected") + marks_after(element)
    by_version = {}
    for correction in corrections:
        by_version.setdefault(correction.version, []).append(correction)
    assert len(marks) == len(by_version), [str(mark) for mark in marks]  # one per release
    for mark, (version, group) in zip(marks, by_version.items(), strict=True):
        if len(group) == 1:
            assert words(mark.get_text()).startswith(f"{LABELS[language]} {version}")
            continue
        numbers = ", ".join(str(number) for number in range(1, len(group) + 1))
        assert words(mark.get_text()) == f"{LABELS[language]} {version}: {numbers}"
        links = mark.select("a")
        assert [link["href"].rsplit("#", 1)[1] for link in links] == [f"c-{c.id}" for c in group]
        assert all(link["aria-label"] == link["title"] and link["aria-label"][-1].isalpha() for link in links)


@pytest.mark.parametrize("item", VERBATIM, ids=place_id)
def test_the_log_quotes_what_the_page_now_says(page_html, item):
    correction, place, language = item
    text = text_without_marks(page_html(FOLDERS[language] + place.page).find(id=place.anchor))
    assert words(correction.after.text) in text
    if hasattr(correction.before, "text") and correction.before.language == language:
        assert words(correction.before.text) not in text


def test_the_decree_is_an_allocation_to_the_ministry_in_two_sentences(page_html):
    paragraph = text_without_marks(page_html("en/article.html").select_one("#p21"))
    assert "No. 857. “Funds are to be allocated to the Ministry of Defence and Aerospace Industry" in paragraph
    assert "The Ministry of Defence and Aerospace Industry of the Republic of Kazakhstan is instructed" not in paragraph


def test_a_mark_stands_only_where_the_page_s_words_changed(page_html):
    """A glossary rule the page already followed (0.2.0) is named in the log, with no mark on
    paragraph 18: its marks are the corrections that changed its words."""
    unmarked = [(correction, place) for correction in LOG.corrections for place in correction.where if not place.marked]
    assert unmarked, "the log has an unmarked place (glossary-under-secretaries)"
    for correction, place in unmarked:
        for language in place.languages:
            page = page_html(FOLDERS[language] + place.page)
            assert page.find(id=place.anchor) is not None
            assert not page.select(f'.corrected[href$="#c-{correction.id}"], .corrected a[href$="#c-{correction.id}"]')
    mark = page_html("en/article.html").select_one("#p18 .corrected")
    assert "c-glossary-under-secretaries" not in str(mark)
    assert words(mark.get_text()).startswith("Corrected in version 0.3.0")


# ---------------------------------------------------------------------------- the log page
@pytest.mark.parametrize("language", FOLDERS)
def test_the_log_lists_every_release_and_correction_in_order(page_html, language):
    page = page_html(FOLDERS[language] + "corrections.html").select_one("article")
    assert [li["id"] for li in page.select("ol.releases > li")] == [release_id(r.version) for r in LOG.releases]
    assert [entry["id"] for entry in page.select(".correction")] == [f"c-{c.id}" for c in LOG.corrections]
    for correction in LOG.corrections:
        entry = page.select_one(f"#c-{correction.id}")
        where, before, after = entry.select("dl > div > dd")[:3]
        for shown, tag, value in ((before, "del", correction.before), (after, "ins", correction.after)):
            if hasattr(value, "text"):  # the words themselves, struck out or inserted, in their language
                shown = shown.select_one(tag)
                assert words(shown.get_text()) == words(value.text) and shown["lang"] == value.language
            else:
                assert words(shown.get_text()) == words(value[language])
        targets = [f"{FOLDERS[lang]}{place.page}" for place in correction.where for lang in place.languages]
        resolved = [posixpath.normpath(posixpath.join(FOLDERS[language] or ".", a["href"])) for a in where.select("a")]
        assert [target.partition("#")[0] for target in resolved] == targets, correction.id
        for source in correction.sources:
            assert entry.select_one(f'a[href="{DATA.sources[source].url}"]'), (correction.id, source)


@pytest.mark.parametrize("language", FOLDERS)
def test_every_page_announces_the_feed_of_its_language(page_html, language):
    for page in ("index.html", "article.html", "facts/index.html"):
        head = page_html(FOLDERS[language] + page).select_one('head link[rel="alternate"][type="application/atom+xml"]')
        depth = page.count("/")
        assert head["href"] == "../" * depth + "corrections.atom", page


# ---------------------------------------------------------------------------- the feed
@pytest.fixture(scope="module", params=list(FOLDERS))
def feed(request, site):
    language = request.param
    text = (site / FOLDERS[language] / "corrections.atom").read_text(encoding="utf-8")
    return language, feedparser.parse(text), site


def test_the_feed_parses_without_a_fault(feed):
    language, parsed, _ = feed
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == language or parsed.feed.get("title_detail", {}).get("language") == language
    assert parsed.feed.link == f"{SITE_URL}{FOLDERS[language]}corrections.html"


def test_the_feed_has_every_release_and_correction_newest_first(feed):
    language, parsed, site = feed
    assert len(parsed.entries) == len(LOG.releases) + len(LOG.corrections)
    updated = [entry.updated_parsed for entry in parsed.entries]
    assert updated == sorted(updated, reverse=True)
    page = BeautifulSoup((site / FOLDERS[language] / "corrections.html").read_text("utf-8"), "lxml")
    for entry in parsed.entries:
        address = urlsplit(entry.link)
        assert entry.link.startswith(f"{SITE_URL}{FOLDERS[language]}corrections.html#")
        assert page.find(id=address.fragment), entry.link  # the entry's link leads to its entry
        assert entry.id == entry.link and entry.title


def test_a_correction_reads_as_html_in_a_feed_reader(feed):
    language, parsed, _ = feed
    decree = next(entry for entry in parsed.entries if entry.link.endswith("#c-decree-allocation"))
    (content,) = decree.content
    assert content.type == "text/html"
    shown = BeautifulSoup(content.value, "lxml")
    assert len(shown.select("p")) == 3 and "&lt;" not in content.value
    assert "It is instructed to allocate to the Ministry" in shown.get_text()
    assert decree.summary == next(c for c in LOG.corrections if c.id == "decree-allocation").why[language]


# ---------------------------------------------------------------------------- bad input
@pytest.mark.build
def test_a_correction_at_an_id_the_page_lacks_fails_the_build_naming_the_line(tmp_path):
    project = copy_project(tmp_path / "project")
    log = project / "data" / "corrections.yml"
    text = log.read_text(encoding="utf-8")
    old = "- {page: article.html, anchor: p1, languages: [en]}"  # the first place of the first correction
    assert old in text
    log.write_text(text.replace(old, "- {page: article.html, anchor: p99, languages: [en]}", 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(BuildFailed) as failure:
        build_site(tmp_path / "site", config_file=project / "mkdocs.yml")
    message = str(failure.value)
    assert f"data/corrections.yml:{line}: corrections.0.where.0.anchor: en/article.html has no id 'p99'" in message
    assert not (tmp_path / "site").exists()
