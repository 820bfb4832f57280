"""Bad input stops the build with a message that names the file, and nothing half-done."""

import pytest

from build_site import build_site

from project import failed_build

pytestmark = pytest.mark.build  # each test builds a broken copy of the project


def build_error(project) -> str:
    return str(failed_build(project))


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_malformed_mkdocs_yml_names_the_file(project):
    edit(project / "mkdocs.yml", "use_directory_urls: false", "use_directory_urls: [false")
    assert "mkdocs.yml" in build_error(project)


def test_missing_page_names_the_file(project):
    (project / "docs" / "ru" / "article.md").unlink()
    assert "article.md" in build_error(project)


def test_heading_without_explicit_id_names_the_heading(project):
    edit(project / "docs" / "ru" / "article.md", "## Гипотеза {#hypothesis .rubric}", "## Гипотеза")
    message = build_error(project)
    assert "ru/article.md:" in message and "«Гипотеза» has no explicit id" in message


def test_paragraph_ids_out_of_order_are_named(project):
    edit(project / "docs" / "ru" / "article.md", "{: #p5 }", "{: #p50 }")
    assert "paragraph ids out of order" in build_error(project)


def test_cross_language_link_to_a_missing_page_is_named(project):
    edit(project / "docs" / "ru" / "index.md", "(en:article.md)", "(en:missing.md)")
    assert "en:missing.md" in build_error(project)


def test_missing_contract_file_is_named(project):
    (project / "data" / "published_urls.yml").unlink()
    assert "published_urls.yml" in build_error(project)


def test_a_failed_build_leaves_the_previous_site_as_it_was(project):
    site = project.parent / "site"
    build_site(site, config_file=project / "mkdocs.yml")
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(project / "docs" / "ru" / "article.md", "## Гипотеза {#hypothesis .rubric}", "## Гипотеза")
    build_error(project)
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list(project.parent.glob(".site-*")), "a staging folder was left behind"


def test_unknown_citation_format_is_named(project):
    edit(project / "docs" / "ru" / "cite.md", "<!-- edition:cite ris -->", "<!-- edition:cite mla -->")
    message = build_error(project)
    assert "ru/cite.md:" in message and "no citation format 'mla'" in message and "gost-2018" in message


def test_citation_of_a_fragment_the_article_lacks_is_named(project):
    edit(
        project / "docs" / "ru" / "cite.md",
        "<!-- edition:cite gost-2018 p12 -->",
        "<!-- edition:cite gost-2018 p99 -->",
    )
    assert "the article has no fragment #p99" in build_error(project)


def test_an_error_in_the_language_built_beside_fails_the_build_and_leaves_nothing(project):
    """English is built in a second process (edition/parallel.py): its error is the build's,
    and its folder goes with it."""
    about = project / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<script>window.pwned = 1</script>\n", encoding="utf-8")
    message = build_error(project)
    assert "en/about.md:" in message and "<script> is not an element the edition allows" in message
    assert "Aborted with a BuildError" in message
    assert sorted(p.name for p in project.parent.iterdir()) == ["project"]


def test_section_without_its_english_heading_is_named(project):
    edit(project / "docs" / "en" / "article.md", "{#hypothesis .rubric}", "{#hypothesis-en .rubric}")
    message = build_error(project)
    assert "docs/en/article.md: no heading {#hypothesis}" in message


def test_a_misspelt_marker_stops_the_build_with_its_line(project):
    page = project / "docs" / "ru" / "index.md"
    edit(page, "<!-- edition:timeline -->", "<!-- edition:timelin -->")
    line = next(n for n, text in enumerate(page.read_text("utf-8").splitlines(), 1) if "edition:timelin " in text)
    assert f"ru/index.md:{line}: unknown marker 'edition:timelin'" in build_error(project)


def test_a_citation_outside_the_citing_pages_is_named(project):
    edit(project / "docs" / "en" / "index.md", "<!-- edition:timeline -->", "<!-- edition:cite apa -->")
    assert "en/index.md:" in (message := build_error(project)) and "only into article.md and cite.md" in message


def test_languages_differing_from_locales_py_are_named(project):
    edit(
        project / "mkdocs.yml",
        "        name: English\n",
        "        name: English\n        link: /english/\n",
    )
    assert "differ from scripts/edition/locales.py" in build_error(project)


@pytest.mark.parametrize(
    "markdown, message",
    [
        ("<script>window.pwned = 1</script>", "ru/article.md:{line}: <script> is not an element the edition allows"),
        ('<img src="https://evil.example/t.png">', "ru/article.md:{line}: <img> is not an element the edition allows"),
        ('Text.\n{: onclick="alert(1)" }', 'ru/article.md:{line}: <p onclick="alert(1)"> is not an attribute'),
        ("[link](javascript:alert(1))", 'ru/article.md:{line}: <a href="javascript:alert(1)">: only http(s)'),
        ('<span class="x" style="background:url(https://evil.example/)">x</span>', "<span style="),
    ],
)
def test_raw_html_in_the_article_is_refused_unless_the_editions_own(project, markdown, message):
    article = project / "docs" / "ru" / "article.md"
    edit(article, "## Гипотеза {#hypothesis .rubric}", f"{markdown}\n\n## Гипотеза {{#hypothesis .rubric}}")
    line = next(
        n for n, text in enumerate(article.read_text("utf-8").splitlines(), 1) if markdown.splitlines()[-1][:12] in text
    )
    assert message.format(line=line) in build_error(project)


@pytest.mark.parametrize(
    "redirects, message",
    [
        (
            "  old.html: javascript:alert(1)",
            "published_urls.yml:{line}: redirects.old.html: 'javascript:alert(1)' is not",
        ),
        ("  ../../../break-outside.html: index.html", "redirects.../../../break-outside.html: '../../../break-outside"),
        ("  /absolute.html: index.html", "is not a page of the site"),
        ("  en/cite.html: index.html", "redirects.en/cite.html: 'en/cite.html' is a page of the site"),
        ("  gone.html: nowhere.html", "redirects.gone.html: 'nowhere.html' is not a page of the site"),
        ("  gone.html: [index.html", "published_urls.yml:{next_line}: did not find expected"),
    ],
)
def test_bad_redirects_are_refused_in_one_line(project, redirects, message):
    contract = project / "data" / "published_urls.yml"
    edit(contract, "redirects: {}", "redirects:\n" + redirects)
    line = len(contract.read_text("utf-8").splitlines())
    log = build_error(project)
    assert message.format(line=line, next_line=line + 1) in log
    assert "Traceback" not in log
    assert not (project.parent / "break-outside.html").exists()
