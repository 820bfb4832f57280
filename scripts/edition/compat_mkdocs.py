"""What the build uses of MkDocs beyond its documented plugin events, in one place, with the
versions it was read from (MkDocs 1.6.1, and ProperDocs 1.6.x, its maintained fork, which
answers `import mkdocs` with itself). A move off MkDocs 1.x replaces what is here:

- files of the build that are not in docs/ (the pages made from data/): a File whose content
  is given (File.content_bytes / content_string, MkDocs 1.6's public API for generated files);
  placeholder_file() gives it a path inside docs/, because mkdocs-static-i18n sorts only files
  from there into languages, and copies each (compat_i18n.py), content lost: set_content() puts
  it back after;
- the order in which MkDocs lists the files of docs/ (its os.walk, index first: get_files), which
  the pages made from data/ take too (in_docs_order), for the sitemap and the navigation;
- Page.present_anchor_ids, the ids MkDocs' anchor validation knows on a page (1.6: a set
  filled from the rendered HTML); the edition adds the ids of the HTML blocks it unwraps later;
- mkdocs.utils.clean_directory, which each build runs on the site folder: mkdocs-static-i18n
  replaces it while it builds the other languages into the same folder (compat_i18n.py)."""

from importlib.metadata import version
from pathlib import Path

from mkdocs import utils
from mkdocs.structure.files import File, Files, _file_sort_key

SUPPORTED = ("1.6.",)


ENGINE = "properdocs" if utils.__name__.startswith("properdocs") else "mkdocs"  # what `import mkdocs` is
INSTALLED = version(ENGINE)
if not INSTALLED.startswith(SUPPORTED) or not hasattr(File, "content_bytes"):
    raise ImportError(
        f"{ENGINE} {INSTALLED} is installed; scripts/edition/compat_mkdocs.py was read from "
        f"{', '.join(v + 'x' for v in SUPPORTED)}: check what it uses and add the version there"
    )


def placeholder_file(src_uri: str, config) -> File:
    """A file of the build at `src_uri` (as if in docs/), its content to come (set_content)."""
    return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)


def in_docs_order(files: Files, docs_dir: str, added: list[File]) -> Files:
    """`files` with `added` among the files of docs/, each where get_files would have listed
    it had it been there (a folder's files before its subfolders, index first), the theme's
    files after them as before."""
    docs = Path(docs_dir)

    def walk_order(file: File) -> tuple:
        *folders, name = file.src_uri.split("/")
        return (*((1, folder) for folder in folders), (0, _file_sort_key(name)))

    from_docs = [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs)]
    taken = {id(f) for f in from_docs}
    others = [f for f in files if id(f) not in taken]
    return Files([*sorted([*from_docs, *added], key=walk_order), *others])


def set_content(file: File, content: str | bytes) -> None:
    """From now on MkDocs reads (a page) or copies (any other file) `content`, not docs/."""
    if isinstance(content, bytes):
        file.content_bytes = content
    else:
        file.content_string = content


def add_present_anchor_ids(page, ids: set[str]) -> None:
    """Ids on the page that MkDocs' check of links to anchors should know (None: not checking)."""
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(ids)


def keep_site_folder() -> None:
    """Let each following build add to the site folder instead of clearing it first."""
    utils.clean_directory = lambda path: path
