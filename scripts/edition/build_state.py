"""What one build of the site knows, made once per top-level build (hooks.py, on_config) and
shared by the languages built inside it: the validated data, what derives from it, and the
pieces a later language build needs from an earlier one."""

from dataclasses import dataclass, field

from .data import EditionData
from .palette import Palette


@dataclass
class BuildState:
    data: EditionData
    # locale -> {format id: {kind: template}} (citation.templates())
    citations: dict[str, dict]
    # locale -> paragraph id -> [(URL from the language root, label)] of the records quoting it
    margin_links: dict[str, dict[str, list[tuple[str, str]]]]
    # file name in site/downloads/ -> size in bytes (scripts/build_site.py); None: a preview
    downloads: dict[str, int] | None = None
    archive_of: str | None = None  # the version this build is the permanent copy of (options.py)
    archive_scripts: set[str] = field(default_factory=set)  # the archives' inline scripts, for the CSP
    parallel: bool = True  # the other language built in a fork (parallel.py)
    # page path in its language folder -> what it lets a reader cite (fragments.page_fragments)
    fragments: dict[str, dict | None] = field(default_factory=dict)
    # source path ('ru/missions/iraq.md') -> content of the files made from data/ (pages.py), both languages
    generated: dict[str, str | bytes] | None = None
    not_found_pages: dict[str, str] = field(default_factory=dict)  # locale -> its 404 page
    inline_scripts: set[str] = field(default_factory=set)  # the pages' inline scripts, for the CSP
    template_scripts: set[str] = field(default_factory=set)  # those the templates wrote (template_scripts.py)
    # version -> the pages of its archive in versions/<version>/ (versions.py); {}: a preview
    archives: dict[str, list[str]] = field(default_factory=dict)
    # (correction id, page in its language folder, anchor) of every "corrected in" mark placed
    marks_placed: set[tuple[str, str, str]] = field(default_factory=set)
    palette: Palette | None = None  # Material's palette cut to the edition's colours (palette.py)
    main_css: Palette | None = None  # Material's main stylesheet without unused admonitions (material_css.py)
    schemes: list[dict[str, str]] = field(default_factory=list)  # theme.palette's colour schemes (palette.py)
    table_css: str = ""  # Material's rules for its tables, for the pre-wrapped ones (tables.py)
    problem: str | None = None  # under `mkdocs serve`: why the data could not be read this time

    @property
    def cut_stylesheets(self) -> list[Palette]:
        """Material's stylesheets the pages link in the edition's cut, under their new names."""
        return [stylesheet for stylesheet in (self.palette, self.main_css) if stylesheet is not None]
