"""The seams to third-party internals (scripts/edition/compat_*.py): each refuses a version it
was not read from, and the data pages live only in the build, never in docs/."""

import importlib.metadata
import importlib.util

import pytest

from build_site import build_site


@pytest.mark.parametrize(
    "module,distribution",
    [
        ("edition.compat_mkdocs", "mkdocs"),
        ("edition.compat_material", "mkdocs-material"),
        ("edition.compat_i18n", "mkdocs-static-i18n"),
    ],
)
def test_each_seam_refuses_a_version_it_was_not_read_from(monkeypatch, module, distribution):
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99.0" if name == distribution else real(name))
    spec = importlib.util.find_spec(module)
    fresh = importlib.util.module_from_spec(spec)  # a second copy: the loaded one stays as it is
    with pytest.raises(ImportError, match=rf"{distribution} 99\.0 is installed; .*{module.split('.')[1]}\.py"):
        spec.loader.exec_module(fresh)


def test_the_installed_versions_are_the_ones_read():
    from edition import compat_i18n, compat_material, compat_mkdocs

    assert compat_mkdocs.INSTALLED.startswith(compat_mkdocs.SUPPORTED)
    assert compat_material.INSTALLED.startswith(compat_material.SUPPORTED)
    assert compat_i18n.INSTALLED.startswith(compat_i18n.SUPPORTED)


@pytest.mark.build
def test_data_pages_are_files_of_the_build_not_of_docs(project, tmp_path):
    """Nothing is written into docs/, and what an older checkout left in a data kind's folder
    there (when the pages were written into docs/) is not built."""
    docs = project / "docs"
    (docs / "ru" / "missions").mkdir()
    (docs / "ru" / "missions" / "withdrawn.md").write_text("# Снятая миссия\n", encoding="utf-8")
    (docs / "ru" / "missions" / "iraq.md").write_text("# Устаревшая копия\n", encoding="utf-8")
    before = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*"))
    site = tmp_path / "site"
    build_site(site, config_file=project / "mkdocs.yml")
    assert sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*")) == before
    assert not (site / "missions" / "withdrawn.html").exists()
    iraq = (site / "missions" / "iraq.html").read_text(encoding="utf-8")
    assert "Устаревшая копия" not in iraq and "Ирак" in iraq
    assert (site / "en" / "missions" / "missions.csv").is_file()
