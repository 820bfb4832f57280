"""Hostile input, round two: nothing from outside the project is published, no link runs a
script by any spelling, the public address and the build's date are checked, a template's
id cannot be taken, an interrupted build leaves nothing, and what used to end in a traceback
(or hang) ends in one line naming the file or variable, with the previous site kept."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from build_site import BuildFailed, archive_options, build_config, source_date_epoch, staging_for
from edition.address import AddressError, checked_address
from edition.data import DATA_DIR, load_data
from edition.html_check import unsafe_markup
from edition.source_files import SourceError, check_source_folders
from edition.yaml_source import DataError

from project import ROOT, failed_build, load_mkdocs_config

BUILD_SITE = str(ROOT / "scripts" / "build_site.py")


# ---------------------------------------------------------------------------- the public address
@pytest.mark.parametrize(
    "value, message",
    [
        (
            'https://example.org/"><script>alert(1)</script>/',
            "write it as a browser reads it, https://example.org/%22%3E",
        ),
        ("https://exa mple.org/", "not an absolute web address"),
        ("https://example.org/?a=1", "no query (?) or fragment (#)"),
        ("https://example.org/#top", "no query (?) or fragment (#)"),
        ("https://user:secret@example.org/", "no user name or password"),
        ("ftp://example.org/", "must be https://"),
        ("javascript:alert(1)//", "must be https://"),
        ("example.org/edition/", "not an absolute web address"),
        ('https://exa"mple.org/', "is not a host name"),
        ("https://example.org/a/../b/", "write it as a browser reads it, https://example.org/b/"),
        ("HTTPS://Example.org/", "write it as a browser reads it, https://example.org/"),
    ],
)
def test_a_public_address_that_is_not_plain_is_refused_in_one_line(value, message):
    with pytest.raises(AddressError) as refused:
        checked_address(value)
    assert message in str(refused.value) and "\n" not in str(refused.value)
    assert str(refused.value).startswith("EDITION_SITE_URL=")


@pytest.mark.parametrize(
    "value, normal, warns",
    [
        ("https://example.org/edition/", "https://example.org/edition/", False),
        ("https://example.org/edition", "https://example.org/edition/", False),  # archives: <address>versions/…
        ("https://kz-peace.example.org:8443/", "https://kz-peace.example.org:8443/", False),
        ("http://example.org/", "http://example.org/", True),
    ],
)
def test_a_plain_address_is_taken_with_its_trailing_slash(value, normal, warns):
    address, warning = checked_address(value)
    assert address == normal and bool(warning) == warns


def test_a_hostile_address_stops_make_site_before_anything_is_built(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site", encoding="utf-8")
    result = run_build_site(site, EDITION_SITE_URL='https://example.org/"><script>alert(1)</script>/')
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("EDITION_SITE_URL='https://example.org/\"><script>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the published site"


# ---------------------------------------------------------------------------- links and ids in pages
@pytest.mark.parametrize(
    "markup, problem",
    [
        ('<a href="&#1;javascript:alert(1)">x</a>', "a control character (U+0001) in a link"),
        ('<a href="\x01javascript:alert(1)">x</a>', "a control character (U+0001) in a link"),
        ('<a href="java&#9;script:alert(1)">x</a>', "a control character (U+0009) in a link"),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', "only http(s), mailto and relative links"),
        ('<a href="data:text/html,x">x</a>', "only http(s), mailto and relative links"),
        ('<a href="/\\evil.example">x</a>', "a link to another site is written in full"),
        ('<a href="\\\\evil.example/x">x</a>', "a link to another site is written in full"),
        ('<a href="//evil.example/x">x</a>', "a link to another site is written in full"),
        ('<a href="https:evil.example">x</a>', "a link to another site is written in full"),  # from file://
        ('<a href="file:///etc/passwd">x</a>', "only http(s), mailto and relative links"),
        ('<div id="__config">x</div>', "ids beginning with __ or edition- are the templates' own"),
        ('<p id="edition-cite">x</p>', "ids beginning with __ or edition- are the templates' own"),
    ],
)
def test_links_are_judged_as_a_browser_reads_them(markup, problem):
    found = unsafe_markup(markup)
    assert found and problem in found[0], found


@pytest.mark.parametrize(
    "markup",
    ['<a href="article.html#p12">x</a>', '<a href="../en/index.html">x</a>', '<a href="#fn-1">x</a>',
     '<a href="https://www.un.org/press/en/2019/sc13790.doc.htm">x</a>', '<a href="mailto:editors@example.org">x</a>',
     '<a href="">x</a>', '<p id="p12">x</p>'],
)  # fmt: skip
def test_the_editions_own_links_and_ids_pass(markup):
    assert unsafe_markup(markup) == []


@pytest.mark.browser
def test_what_the_check_refuses_is_what_chromium_would_follow_elsewhere(browser_page, tmp_path):
    """The outside judge: Chromium reads each link of a page opened from file://. Every link
    the check lets through stays on the page's own kind of address or goes to an address
    written in full; every link Chromium would turn into a script or another host is refused.
    And the first of them, clicked from file://, really runs (the reason for the check)."""
    hrefs = ["&#1;javascript:window.__ran=1", "\x01javascript:window.__ran=1", "java&#9;script:x", "&#0;javascript:x",
             "&#x0a;javascript:x", " javascript:x", "JAVASCRIPT:x", "/\\evil.example/x", "\\\\evil.example/x",
             "//evil.example/x", "/\\/evil.example", "https://evil.example/x", "article.html#p12", "../x.html",
             "#p1", "mailto:a@example.org", "https:evil.example", "vbscript:x", "data:text/html,x",
             "file:///etc/passwd"]  # fmt: skip
    page_file = tmp_path / "links.html"
    links = "".join(f'<a href="{href}">{index}</a>' for index, href in enumerate(hrefs))
    page_file.write_text(f"<!doctype html><meta charset=utf-8><p>{links}</p>", encoding="utf-8")
    page = browser_page
    page.goto(page_file.as_uri())
    read = page.evaluate("[...document.links].map(a => [a.protocol, a.host])")
    for href, (protocol, host) in zip(hrefs, read, strict=True):
        stays = protocol == "file:"  # relative: on the page's own kind of address
        in_full = protocol in ("http:", "https:", "mailto:") and href.lower().startswith(("http", "mailto:"))
        if not (stays or in_full):
            assert unsafe_markup(f'<a href="{href}">x</a>'), f"{href!r} passes; Chromium reads it as {protocol}//{host}"
    page.click("text=0")
    assert page.evaluate("window.__ran") == 1, "the &#1;javascript: link did not run: is the threat gone?"


# ---------------------------------------------------------------------------- quotations
@pytest.fixture
def data_dir(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


@pytest.mark.parametrize(
    "spoiled, named",
    [
        ("15-й раунд Астанинского", "«a» (U+0061 LATIN SMALL LETTER A) where the text has «а» (U+0430 CYRILLIC"),
        ("15-й раунд Аста\u200bнинского", "is invisible: «\u200b» (U+200B ZERO WIDTH SPACE)"),
        ("15-й раунд Аста\u00adнинского", "is invisible: «\u00ad» (U+00AD SOFT HYPHEN)"),
        ("15-и\u0306 раунд Астанинского", "is decomposed («и» (U+0438 CYRILLIC SMALL LETTER I) + «\u0306» (U+0306"),
    ],
)
def test_an_invisible_difference_in_a_quotation_is_named(data_dir, spoiled, named):
    rounds = data_dir / "astana_rounds.yml"
    text = rounds.read_text(encoding="utf-8")
    if "LATIN" in named:
        spoiled = spoiled.replace("Астанинского", "Астaнинского")  # the second «а» Latin
    rounds.write_text(text.replace("15-й раунд Астанинского", spoiled, 1), encoding="utf-8")
    with pytest.raises(DataError) as failure:
        load_data(data_dir)
    message = str(failure.value)
    assert "astana_rounds.yml:76:" in message and "not found verbatim" in message and named in message, message


# ---------------------------------------------------------------------------- files that are not files
def test_links_pipes_and_bad_text_in_the_projects_folders_are_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("AWS_SECRET=1", encoding="utf-8")

    def refused(make) -> str:
        docs = tmp_path / "docs"
        shutil.rmtree(docs, ignore_errors=True)
        (docs / "assets").mkdir(parents=True)
        (docs / "index.md").write_text("# Главная\n", encoding="utf-8")
        make(docs)
        with pytest.raises(SourceError) as failure:
            check_source_folders([docs])
        assert "\n" not in str(failure.value)
        return str(failure.value)

    message = refused(lambda docs: (docs / "assets" / "env.txt").symlink_to("/proc/self/environ"))
    assert "docs/assets/env.txt: a symbolic link (to /proc/self/environ)" in message
    assert "a symbolic link (to " in refused(lambda docs: (docs / "notes").symlink_to(tmp_path))
    assert "a symbolic link" in refused(lambda docs: (docs / "page.md").symlink_to(outside))
    assert "a named pipe" in refused(lambda docs: os.mkfifo(docs / "assets" / "pipe.md"))
    latin1 = refused(lambda docs: (docs / "page.md").write_bytes("Текст\nAlmaty".encode("cp1251")))
    assert "page.md:1: not UTF-8 (byte 0xd2)" in latin1
    overlong = refused(lambda docs: (docs / "page.md").write_bytes(b"# Title\n\nslash \xc0\xaf here\n"))
    assert "page.md:3: not UTF-8 (byte 0xc0)" in overlong
    control = refused(lambda docs: (docs / "page.md").write_text("a\n<a href='\x01javascript:x'>", encoding="utf-8"))
    assert "page.md:2: character U+0001 in column 10" in control


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_data_file_that_is_a_folder_or_a_pipe_is_named_and_nothing_hangs(data_dir, kind):
    missions = data_dir / "missions.yml"
    missions.unlink()
    missions.mkdir() if kind == "folder" else os.mkfifo(missions)
    code = f"from edition.data import load_data; from pathlib import Path; load_data(Path({str(data_dir)!r}))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
    )  # fmt: skip
    expected = "a folder" if kind == "folder" else "not a regular file (a pipe, socket or device)"
    assert f"missions.yml: {expected}; a data file must be a plain file" in result.stderr


# ---------------------------------------------------------------------------- the build's own inputs
@pytest.mark.parametrize("value", ["yesterday", "-5", "1e9", "5000000000", "４２", " 7"])
def test_a_bad_source_date_epoch_is_named(monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(BuildFailed) as failure:
        source_date_epoch()
    assert str(failure.value) == (
        f"SOURCE_DATE_EPOCH={value!r}: not a whole number of seconds since 1970-01-01 from 0 to 4102444799 "
        "(the end of 2099)"
    )


def test_a_bad_source_date_epoch_stops_make_site_in_one_line(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    result = run_build_site(site, SOURCE_DATE_EPOCH="yesterday")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "SOURCE_DATE_EPOCH='yesterday': not a whole number of seconds since 1970-01-01 from 0 to 4102444799 "
        "(the end of 2099)",
        f"Build failed; {site} was left as it was.",
    ]


def test_the_archive_list_travels_in_a_file_not_in_the_environment(tmp_path):
    """20,000 rounds made the list of the archives' pages longer than Linux lets one variable
    be (128 KB): the build could not start. The list is a build option, in the configuration
    file the build reads (build_site.build_config), which MkDocs loads and the edition checks."""
    from edition.options import build_options

    archive = tmp_path / "versions" / "0.1.0"
    (archive / "astana").mkdir(parents=True)
    for n in range(600):  # more than 128 KB of page names
        (archive / "astana" / f"round-{n:05d}-{'x' * 220}.html").write_text("<script>var x=1</script>", "utf-8")
    with build_config(ROOT / "mkdocs.yml", archive_options({"0.1.0": archive}), offline=False) as config_file:
        assert config_file != ROOT / "mkdocs.yml" and config_file.stat().st_size > 128 * 1024
        options = build_options(load_mkdocs_config(config_file))
    assert len(options.archives["0.1.0"]) == 600 and options.archive_scripts == ["var x=1"]
    assert not config_file.exists()  # one build's file, removed after it


def test_a_wrong_build_option_is_named(tmp_path):
    from edition.options import build_options

    with build_config(ROOT / "mkdocs.yml", {"parallel": "yes", "archive_of": "0.1.0"}, offline=False) as config_file:
        with pytest.raises(ValueError, match=r"extra\.edition\.parallel: Expected type: <class 'bool'>"):
            build_options(load_mkdocs_config(config_file))
    with build_config(ROOT / "mkdocs.yml", {"paralel": False}, offline=False) as config_file:
        with pytest.raises(ValueError, match=r"extra\.edition\.paralel: Unrecognised configuration name"):
            build_options(load_mkdocs_config(config_file))


def test_the_lock_file_goes_with_the_run(tmp_path):
    with staging_for(tmp_path / "site") as staging:
        (staging / "index.html").write_text("x", encoding="utf-8")
        assert (tmp_path / ".site.lock").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# ---------------------------------------------------------------------------- builds of broken copies
def build_error(project) -> str:
    message = failed_build(project).errors()
    assert not (project.parent / "site").exists()
    return message


@pytest.mark.build
def test_a_symlink_to_the_machines_secrets_is_refused_and_nothing_published(project, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_TEST_SECRET", "s3cr3t-token")
    (project / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    message = build_error(project)
    assert message.startswith("ERROR") and "docs/assets/env.txt: a symbolic link (to /proc/self/environ)" in message
    leaked = [p for p in tmp_path.rglob("*") if p.is_file() and b"s3cr3t-token" in p.read_bytes()]
    assert not leaked, leaked


@pytest.mark.build
@pytest.mark.parametrize(
    "where, target",
    [("docs/ru/about.md", "/etc/hostname"), ("data/sources.yml", "/etc/passwd"), ("overrides/partials", "/etc")],
)
def test_a_symlink_anywhere_the_build_reads_is_refused(project, where, target):
    path = project / where
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    path.symlink_to(target)
    assert f"{where}: a symbolic link (to {target})" in build_error(project)


@pytest.mark.build
@pytest.mark.parametrize(
    "markdown, message",
    [
        (
            '<a href="&#1;javascript:alert(1)">x</a>',
            'ru/about.md:{line}: <a href="\\x01javascript:alert(1)">: a control',
        ),
        ('<a href="/\\evil.example">x</a>', 'ru/about.md:{line}: <a href="/\\evil.example">: a link to another site'),
        ('<div id="__config" markdown>x</div>', 'ru/about.md:{line}: <div id="__config">: ids beginning with __'),
        ("Text.\n{: #edition-cite }", 'ru/about.md:{line}: <p id="edition-cite">: ids beginning with __'),
        ("a \x01 b", "docs/ru/about.md:{line}: character U+0001 in column 3"),
    ],
)
def test_hostile_markup_in_a_page_is_refused_with_its_line(project, markdown, message):
    about = project / "docs" / "ru" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text + "\n" + markdown + "\n", encoding="utf-8")
    line = len(text.splitlines()) + 2 + markdown.count("\n") * ("{:" in markdown)
    assert message.format(line=line) in build_error(project)


@pytest.mark.build
def test_a_page_in_latin_1_is_refused_with_its_line(project):
    about = project / "docs" / "en" / "about.md"
    about.write_bytes(about.read_bytes() + "\nCafé Almaty\n".encode("latin-1"))
    line = len(about.read_bytes().splitlines())
    assert f"docs/en/about.md:{line}: not UTF-8 (byte 0xe9)" in build_error(project)


@pytest.mark.build
def test_a_script_no_template_wrote_is_never_allowed_by_the_policy(project):
    """A value printed into the page unescaped (here mkdocs.yml's site name, which Material's
    title prints as it is) that becomes a script stops the build: the Content-Security-Policy
    is computed from the pages, and would otherwise allow it by its hash."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        "\n".join(
            'site_name: "Роль</title><script>window.__pwned=1</script>"' if line.startswith("site_name:") else line
            for line in text.splitlines()
        ),
        encoding="utf-8",
    )
    message = build_error(project)
    assert "an inline script that no template wrote (window.__pwned=1)" in message


# ---------------------------------------------------------------------------- interrupted, read-only, full
@pytest.mark.build
def test_a_killed_publish_leaves_nothing_the_next_build_keeps(tmp_path):
    site = tmp_path / "site"
    run = subprocess.Popen(
        [sys.executable, BUILD_SITE, str(site)], cwd=ROOT,
        env={**os.environ, "EDITION_SITE_URL": "https://example.org/edition/"}, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".site-publish-*/**/*.html")) and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert list(tmp_path.glob(".site-publish-*")), "the run was not caught while publishing"
    result = run_build_site(site, EDITION_SITE_URL="")  # a preview, after the publishing run
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


NAMESPACE = """
set -e
mount -t tmpfs -o size={size} tmpfs {mount}
{python} {build_site} {mount}/site > /dev/null 2>&1
find {mount}/site -type f | sort | xargs md5sum > {outside}/before.txt
{spoil}
set +e
{python} {build_site} {mount}/site > {outside}/out.txt 2> {outside}/err.txt
echo $? > {outside}/rc.txt
find {mount}/site -type f | sort | xargs md5sum > {outside}/after.txt
ls -A {mount} > {outside}/left.txt
"""


@pytest.mark.build
@pytest.mark.parametrize(
    "case, spoil, message",
    [
        ("full disk", "dd if=/dev/zero of={mount}/ballast bs=64k 2>/dev/null || true", "No space left on device"),
        ("read-only", "mount -o remount,ro {mount}", "Read-only file system"),
    ],
)
def test_an_output_folder_that_cannot_be_written_is_named_and_the_site_kept(tmp_path, case, spoil, message):
    """In a mount namespace of the test's own (unshare): a small file system for site/, which
    the second build finds full, or read-only."""
    if not shutil.which("unshare"):
        pytest.fail("unshare not found (util-linux): it makes the full and read-only file systems", pytrace=False)
    mount, outside = tmp_path / "mnt", tmp_path / "out"
    mount.mkdir()
    outside.mkdir()
    values = {"mount": mount, "outside": outside, "python": sys.executable, "build_site": BUILD_SITE, "size": "40m"}
    script = NAMESPACE.format(**values, spoil=spoil.format(**values))
    environment = {key: value for key, value in os.environ.items() if key != "EDITION_SITE_URL"}  # a preview
    setup = subprocess.run(["unshare", "-rm", "sh", "-c", textwrap.dedent(script)], env=environment,
                           capture_output=True, text=True, timeout=300, cwd=ROOT)  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    errors = (outside / "err.txt").read_text(encoding="utf-8")
    assert (outside / "rc.txt").read_text().strip() == "1", errors
    assert "Traceback" not in errors and message in errors, errors
    assert errors.splitlines()[-1] == f"Build failed; {mount}/site was left as it was."
    assert len(errors.splitlines()) == 2, errors
    assert (outside / "after.txt").read_text() == (outside / "before.txt").read_text()
    assert "site" in (outside / "left.txt").read_text().split()
    assert not [name for name in (outside / "left.txt").read_text().split() if name.startswith(".site-")]


def run_build_site(site: Path, cwd: Path = ROOT, **environment) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(cwd / "scripts" / "build_site.py"), str(site)], cwd=cwd, capture_output=True, text=True,
        timeout=600, env={**os.environ, **environment},
    )  # fmt: skip


# ---------------------------------------------------------------------------- what is published
def test_materials_source_maps_are_not_published(site):
    """Material's maps (its sources, for its own developers) were served: 200 for bundle….js.map."""
    assert not list(site.rglob("*.map"))
    for script in [*site.glob("assets/javascripts/*.js"), *site.glob("assets/javascripts/workers/*.js")]:
        assert b"sourceMappingURL" not in script.read_bytes(), script.name


@pytest.mark.parametrize(
    "contact, refused",
    [
        ('mailto:x@y.z"><script>alert(1)</script>', "is not a plain e-mail address"),
        ("mailto:a@b", "is not a plain e-mail address"),
        ("javascript:alert(1)", "is not a plain http(s) URL"),
        ("mailto:errors@example.org", None),
        ("https://example.org/report", None),
    ],
)
def test_the_address_for_reports_is_plain(data_dir, contact, refused):
    """Every page prints edition.contact, in a link and as text (escaped there too)."""
    record = data_dir / "article.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("\nedition:\n", f"\nedition:\n  contact: '{contact}'\n", 1), encoding="utf-8")
    if refused is None:
        assert load_data(data_dir).article.edition.contact == contact
        return
    with pytest.raises(DataError) as failure:
        load_data(data_dir)
    assert "article.yml:" in str(failure.value) and "edition.contact" in str(failure.value)
    assert refused in str(failure.value)
