"""What one build of the site knows, made once per top-level build (hooks.py, on_config) and
shared by the languages built inside it: the validated data, what derives from it, and the
pieces a later language build needs from an earlier one."""

from dataclasses import dataclass, field

from .data import EditionData
from .options import EditionOptions
from .palette import Palette
from .render import SCRIPTS_WRITTEN


@dataclass
class BuildState:
    data: EditionData
    # locale -> {format id: {kind: template}} (citation.templates())
    citations: dict[str, dict]
    # locale -> paragraph id -> [(URL from the language root, label)] of the records quoting it
    margin_links: dict[str, dict[str, list[tuple[str, str]]]]
    # what the build is for and how it runs (options.py: downloads, archives, archive_of, parallel)
    options: EditionOptions
    # page path in its language folder -> what it lets a reader cite (fragments.page_fragments)
    fragments: dict[str, dict | None] = field(default_factory=dict)
    # source path ('ru/missions/iraq.md') -> content of the files made from data/ (pages.py), both languages
    generated: dict[str, str | bytes] | None = None
    not_found_pages: dict[str, str] = field(default_factory=dict)  # locale -> its 404 page
    inline_scripts: set[str] = field(default_factory=set)  # the pages' inline scripts, for the CSP
    template_scripts: set[str] = field(default_factory=set)  # those the templates wrote (template_scripts.py)
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

    @property
    def allowed_scripts(self) -> set[str]:
        """The inline scripts the templates wrote, Material's and the edition's (template_scripts.py):
        the only ones the Content-Security-Policy may allow."""
        return self.template_scripts | SCRIPTS_WRITTEN
