"""A broken data file stops everything with one line naming the file, the line, the field
and what is wrong; and never yields a half-written site."""

import shutil

import pytest

from build_site import BuildFailed, build_site
from edition.data import DATA_DIR, load_data
from edition.yaml_source import DataError

from project import copy_project

# where the source the URL cases break sits in data/sources.yml (its index moves as sources are added)
TASS_926976_URL = "sources.{}.url".format(
    next(i for i, source in enumerate(load_data().sources) if source == "tass-926976")
)


@pytest.fixture
def data_dir(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def replace(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def error_of(data_dir) -> str:
    with pytest.raises(DataError) as failure:
        load_data(data_dir)
    message = str(failure.value)
    assert "\n" not in message, "the message must be one line"
    return message


def line_of(path, text) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


CASES = {
    # name: (file, old text, new text, what the message must contain)
    "yaml syntax error": (
        "missions.yml",
        "    short: {ru: Ирак, en: Iraq}",
        "    short: {ru: Ирак, en: Iraq",
        ["missions.yml:", "expected ',' or '}'"],
    ),
    "missing required field": (
        "missions.yml",
        '      en: "Iraq: KAZBAT engineer-sapper unit"\n    short:',
        "    short:",
        ["missions.yml:", "missions.0.name.en", "required field is missing"],
    ),
    "missing russian text": (
        "astana_rounds.yml",
        "  astana: {ru: Астана, en: Astana}",
        "  astana: {en: Astana}",
        ["astana_rounds.yml:", "cities.astana.ru", "required field is missing"],
    ),
    "empty english text": (
        "facts.yml",
        "label: {ru: Даты, en: Dates}",
        'label: {ru: Даты, en: ""}',
        ["facts.yml:", "topics.0.facts.1.label.en", "must not be empty"],
    ),
    "edition version not x.y.z": (
        "article.yml",
        "  version: 0.3.0",
        "  version: first",
        ["article.yml:", "edition.version", "should match pattern"],
    ),
    "wrong type": (
        "astana_rounds.yml",
        "  - n: 7\n",
        "  - n: seven\n",
        ["astana_rounds.yml:", "rounds.6.n", "valid integer"],
    ),
    "impossible date": (
        "missions.yml",
        "date: 2003-08-19",
        "date: 2003-02-30",
        ["missions.yml:", "missions.0.start.date", "'2003-02-30' is not a date that exists"],
    ),
    "not a date": (
        "astana_rounds.yml",
        "start: 2017-10-30",
        "start: 30.10.2017",
        ["astana_rounds.yml:", "rounds.6.start", "not an ISO date"],
    ),
    "end before start": (
        "missions.yml",
        "date: 2008-10-21",
        "date: 2002-10-21",
        ["missions.yml:", "missions.0.end.date", "is before start"],
    ),
    "round ends before it starts": (
        "astana_rounds.yml",
        "end: 2017-10-31",
        "end: 2017-10-29",
        ["astana_rounds.yml:", "rounds.6.end", "is before start"],
    ),
    "duplicate id": (
        "missions.yml",
        "  - id: lebanon",
        "  - id: iraq",
        ["missions.yml:", "missions.1.id", "duplicate id 'iraq'"],
    ),
    "unknown key": (
        "missions.yml",
        "    after_article: false\n",
        "    after_article: false\n    afterword: true\n",
        ["missions.yml:", "missions.0.afterword", "unknown key"],
    ),
    "paragraph that does not exist": (
        "missions.yml",
        "paragraph: p17",
        "paragraph: p99",
        ["missions.yml:", "article.paragraph", "no paragraph 'p99'"],
    ),
    "quotation not in the article": (
        "missions.yml",
        'quote: "проведено девять ротаций"',
        'quote: "проведено десять ротаций"',
        ["missions.yml:", "missions.0.facts.4.article.quote", "not found verbatim in article paragraph p16"],
    ),
    "English of a quotation not the translation's": (
        "facts.yml",
        'en: "the sum of 185,617,872 tenge"',
        'en: "in the amount of 185,617,872 tenge"',
        [
            "facts.yml:",
            "topics.1.facts.2.article.en",
            "not found verbatim in paragraph p21 of the translation (docs/en/article.md)",
        ],
    ),
    "newest release not this edition": (
        "corrections.yml",
        "  - version: 0.3.0\n    date: 2026-12-04",
        "  - version: 0.3.0\n    date: 2026-12-05",
        ["corrections.yml:", "releases.0.version", "the newest release must be this edition"],
    ),
    "releases out of order": (
        "corrections.yml",
        "  - version: 0.1.0\n    date: 2026-11-26",
        "  - version: 0.4.0\n    date: 2026-11-26",
        ["corrections.yml:", "releases.2.version", "releases go newest first"],
    ),
    "an older release without its commit": (
        "corrections.yml",
        "    commit: e2e71dd7d14dd10d6d24c4f92917d50c26018d1d\n",
        "",
        ["corrections.yml:", "releases.1", "names the commit it is rebuilt from"],
    ),
    "a correction in no release": (
        "corrections.yml",
        "  - id: academic-english\n    version: 0.3.0",
        "  - id: academic-english\n    version: 0.1.5",
        ["corrections.yml:", "corrections.0.version", "0.1.5 is not a release above"],
    ),
    "a correction whose source is unknown": (
        "corrections.yml",
        "sources: [kazinform-aid-2017]",  # the first correction citing it: decree-wording
        "sources: [kazinform-aid-2071]",
        ["corrections.yml:", "corrections.11.sources", "kazinform-aid-2071"],
    ),
    "source id not in sources.yml": (
        "astana_rounds.yml",
        "sources: [tass-973460]",
        "sources: [tass-000000]",
        ["astana_rounds.yml:", "rounds.6.sources.0", "'tass-000000' is not a source"],
    ),
    "url that is not http(s)": (
        "sources.yml",
        "url: https://tass.com/world/926976",
        "url: ftp://tass.com/world/926976",
        ["sources.yml:", TASS_926976_URL, "is not a plain http(s) URL"],
    ),
    "javascript url": (
        "sources.yml",
        "url: https://tass.com/world/926976",
        "url: javascript:alert(1)",
        ["sources.yml:", TASS_926976_URL, "is not a plain http(s) URL"],
    ),
    "unsafe yaml tag": (
        "missions.yml",
        "    after_article: false\n",
        "    after_article: !!python/object/apply:os.system [echo hacked]\n",
        ["missions.yml:16: tag", "python/object/apply:os.system", "only plain YAML"],
    ),
    "round numbers out of order": (
        "astana_rounds.yml",
        "  - n: 8\n",
        "  - n: 9\n",
        ["astana_rounds.yml:", "rounds.7.n", "round 9 is item 8"],
    ),
    "after_article contradicts the date": (
        "astana_rounds.yml",
        "    city: sochi\n    after_article: true",
        "    city: sochi\n    after_article: false",
        ["astana_rounds.yml:", "rounds.14.after_article", "must be true"],
    ),
    "status without its evidence": (
        "facts.yml",
        "        status: unverifiable",
        "        status: confirmed",
        ["facts.yml:", "topics.2.facts.0", "status 'confirmed' needs 'outside'"],
    ),
    "unknown status": (
        "facts.yml",
        "        status: unverifiable",
        "        status: probably",
        ["facts.yml:", "topics.2.facts.0.status", "'confirmed'"],
    ),
    # what plain data never needs (scripts/edition/yaml_source.py)
    "duplicate key moves a page": (
        "missions.yml",
        "  - id: iraq\n",
        "  - id: iraq\n    id: iraq-2\n",
        ["missions.yml:12: duplicate key 'id' (first on line 11)"],
    ),
    "duplicate key replaces text": (
        "missions.yml",
        '      en: "Iraq: KAZBAT engineer-sapper unit"\n',
        '      en: "Iraq: KAZBAT engineer-sapper unit"\n      en: "Iraq"\n',
        ["missions.yml:15: duplicate key 'en' (first on line 14)"],
    ),
    "an alias": (
        "missions.yml",
        "    short: {ru: Ирак, en: Iraq}",
        "    short: &s {ru: Ирак, en: Iraq}\n    x: *s",
        ["missions.yml:15: an alias", "anchors and aliases are not allowed"],
    ),
    "yes as a boolean": (
        "missions.yml",
        "    after_article: false\n",
        "    after_article: yes\n",
        ["missions.yml:16: missions.0.after_article: Input should be a valid boolean", "'yes'"],
    ),
    "an octal number": (
        "astana_rounds.yml",
        "  - n: 7\n",
        "  - n: 007\n",
        ["astana_rounds.yml:", "rounds.6.n: Input should be a valid integer", "'007'"],
    ),
    "a binary tag": (
        "missions.yml",
        "short: {ru: Ирак, en: Iraq}",
        "short: {ru: !!binary SXJhaw==, en: Iraq}",
        ["missions.yml:15: tag 'tag:yaml.org,2002:binary'", "only plain YAML"],
    ),
    "a set": (
        "article.yml",
        "  en: [",
        "  en: !!set {Kazakhstan: null}\n  x: [",
        ["article.yml:", "tag 'tag:yaml.org,2002:set'"],
    ),
    "a bell character": ("missions.yml", "en: Iraq}", "en: Iraq\u0007}", ["missions.yml:15: character U+0007"]),
    "an escape character": (
        "facts.yml",
        "label: {ru: Даты, en: Dates}",
        'label: {ru: Даты, en: "Dates\\e[31m"}',
        ["facts.yml:", "character U+001B"],
    ),
    "a nul byte": ("missions.yml", "en: Iraq}", "en: Ira\u0000q}", ["missions.yml:15: character U+0000 in column"]),
    "a line separator": ("missions.yml", "en: Iraq}", "en: Ira\u2028q}", ["missions.yml:15: character U+2028"]),
    "a bidi override": ("missions.yml", "en: Iraq}", "en: \u202eqarI}", ["missions.yml:15: character U+202E"]),
    "a url with a space": (
        "sources.yml",
        "url: https://tass.com/world/926976",
        "url: https://tass.com/world 926976",
        ["sources.yml:", TASS_926976_URL, "not a plain http(s) URL"],
    ),
    "a url with credentials": (
        "sources.yml",
        "url: https://tass.com/world/926976",
        "url: https://user:secret@tass.com/world/926976",
        ["sources.yml:", TASS_926976_URL, "no credentials"],
    ),
    "a url that is only a host-less path": (
        "sources.yml",
        "url: https://tass.com/world/926976",
        "url: https:///world",
        ["sources.yml:", TASS_926976_URL, "not a plain http(s) URL"],
    ),
    "a quotation that is everywhere": (
        "missions.yml",
        'quote: "проведено девять ротаций"',
        'quote: "и"',
        ["missions.yml:", "missions.0.facts.4.article.quote", "times (it must point at one place)"],
    ),
    "a fact id that is an anchor of the page": (
        "missions.yml",
        "      - id: first-deployment",
        "      - id: start",
        ["missions.yml:39: missions.0.facts.0.id: 'start' is an anchor of the page"],
    ),
    "a year out of range": (
        "missions.yml",
        "date: 2008-10-21",
        "date: 9999-12",
        ["missions.yml:", "missions.0.end.date", "the year must be 1900-2099"],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_data_is_named_precisely(data_dir, name):
    filename, old, new, expected = CASES[name]
    replace(data_dir / filename, old, new)
    message = error_of(data_dir)
    for part in expected:
        assert part in message, f"{part!r} not in: {message}"


def test_the_line_named_is_the_line_to_fix(data_dir):
    replace(data_dir / "missions.yml", "date: 2008-10-21", "date: 2002-10-21")
    line = line_of(data_dir / "missions.yml", "date: 2002-10-21")
    assert f"missions.yml:{line}:" in error_of(data_dir)


def test_empty_file(data_dir):
    (data_dir / "facts.yml").write_text("# nothing here yet\n", encoding="utf-8")
    message = error_of(data_dir)
    assert "facts.yml" in message and "the file is empty" in message and "topics" in message


def test_top_level_list_instead_of_mapping(data_dir):
    (data_dir / "funding_sources.yml").write_text("- n: 1\n- n: 2\n", encoding="utf-8")
    assert "funding_sources.yml:1: expected a mapping at the top level, found a list" in error_of(data_dir)


def test_not_utf8(data_dir):
    path = data_dir / "missions.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1251", errors="replace"))
    message = error_of(data_dir)
    assert "missions.yml:" in message and "not UTF-8" in message


def test_missing_file(data_dir):
    (data_dir / "astana_rounds.yml").unlink()
    assert "astana_rounds.yml: file not found" in error_of(data_dir)


def test_html_in_a_value_is_accepted_as_text(data_dir):
    """Markup in data is not an error: it is shown as text (test_data_pages checks that)."""
    replace(
        data_dir / "astana_rounds.yml",
        "Joint statement on detainees",
        "<script>alert(1)</script> Joint statement on detainees",
    )
    assert load_data(data_dir).rounds.rounds[6].outcome.en.startswith("<script>")


@pytest.mark.build
def test_a_bad_data_file_fails_the_build_and_keeps_the_previous_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    build_site(site, config_file=project / "mkdocs.yml")
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    replace(project / "data" / "missions.yml", "date: 2008-10-21", "date: 2002-10-21")
    with pytest.raises(BuildFailed) as failure:
        build_site(site, config_file=project / "mkdocs.yml")
    log = str(failure.value)
    assert "missions.yml:" in log and "missions.0.end.date: end 2002-10-21 is before start 2003-08-19" in log
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize(
    "depth, message", [(40, "nested more than 32 levels deep"), (3000, "exceeded maximum nesting depth")]
)
def test_deep_nesting_is_refused_in_one_line(data_dir, depth, message):
    (data_dir / "facts.yml").write_text("topics: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    assert f"facts.yml:1: {message}" in error_of(data_dir)


def test_an_alias_bomb_is_refused_at_once(data_dir):
    """A line of nested aliases would expand to gigabytes: refused before anything expands."""
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
        for i in range(20)
    ]
    (data_dir / "facts.yml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    assert "anchors and aliases are not allowed" in error_of(data_dir)


def test_a_long_bad_value_is_quoted_short(data_dir):
    replace(data_dir / "astana_rounds.yml", "  - n: 7\n", "  - n: " + "seven " * 500 + "\n")
    message = error_of(data_dir)
    assert "rounds.6.n" in message and len(message) < 300


def test_paragraphs_out_of_order_are_blamed_on_the_article_not_on_the_data(tmp_path, data_dir):
    article = tmp_path / "article.md"
    text = (DATA_DIR.parent / "docs" / "ru" / "article.md").read_text(encoding="utf-8")
    article.write_text(
        text.replace("{: #p7 }", "{: #pX }").replace("{: #p8 }", "{: #p7 }").replace("{: #pX }", "{: #p8 }")
    )
    with pytest.raises(DataError) as failure:
        load_data(data_dir, article)
    line = next(n for n, row in enumerate(article.read_text().splitlines(), 1) if row == "{: #p7 }")
    assert str(failure.value) == (f"{article}:{line}: paragraph ids out of order: 'p7' follows 'p8'")
