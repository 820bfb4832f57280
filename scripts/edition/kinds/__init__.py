"""The registry of data kinds: each kind of record the edition publishes from data/ is declared
once, in a module of this package (its model, its data file, its folder of pages, and what it
gives the search index, the downloads, the article's margin, citations, metadata and the
corrections log: kinds/base.py). The engine loops over KINDS; nothing else names a kind.

A new kind: its data file in data/, its module here (model and KIND), its templates in
templates/, its strings in strings.py, a line below, and its page in mkdocs.yml's nav."""

from . import astana, facts, funding, missions, names
from .base import Kind, Table

KINDS: tuple[Kind, ...] = (missions.KIND, astana.KIND, funding.KIND, facts.KIND, names.KIND)
FOLDERS = tuple(kind.folder for kind in KINDS)  # <lang>/<folder>/: its pages, files of the build only


def kind_of(path: str) -> Kind | None:
    """The kind whose folder holds the page at `path` (from the language root), if any."""
    folder = path.partition("/")[0]
    return next((kind for kind in KINDS if kind.folder == folder and "/" in path), None)


__all__ = ["FOLDERS", "KINDS", "Kind", "Table", "kind_of"]
