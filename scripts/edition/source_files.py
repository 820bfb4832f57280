"""What the build reads from the project's own folders (docs/, data/, overrides/), checked
before it reads anything: each entry a plain file or folder of the project, each page and
template readable text.

MkDocs follows symbolic links: one link in a contribution (docs/assets/env.txt ->
/proc/self/environ) would publish the build machine's secrets in site/ and the offline zip.
A named pipe would hang the build, a device would be read forever. So no link of any kind
and nothing but regular files and folders; a page or template that is not UTF-8, or holds
a control character (which a browser drops from a link: `&#1;javascript:` runs), is refused
with its line and column."""

import os
import re
import stat
from pathlib import Path

from .yaml_source import DataError, display_path

TEXT_SUFFIXES = {".md", ".html", ".j2"}  # pages and templates: what becomes the pages' markup
# C0 controls but tab, line feed and carriage return; DEL and the C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
KINDS = {
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


class SourceError(DataError):
    """A file of the project's folders that the build must not read. One line."""


def check_source_folders(folders: list[Path]) -> None:
    """Raise SourceError for the first entry under `folders` that is not a regular file or a
    folder (a link, a pipe, a device), and for the first page or template that is not
    UTF-8 or holds a control character."""
    for folder in folders:
        if not folder.exists():
            continue
        check_entry(folder)
        for directory, subfolders, names in os.walk(folder, followlinks=False):
            subfolders.sort()
            for name in sorted(subfolders) + sorted(names):
                path = Path(directory, name)
                check_entry(path)
                if path.suffix in TEXT_SUFFIXES and path.is_file():
                    check_text(path)


def check_entry(path: Path) -> None:
    mode = os.lstat(path).st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = KINDS.get(stat.S_IFMT(mode), "not a regular file")
    if stat.S_ISLNK(mode):
        kind += f" (to {os.readlink(path)})"
    raise SourceError(
        f"{display_path(path)}: {kind}; the build reads only plain files and folders of the project "
        "(a link could publish any file of the machine): put the file itself here"
    )


def check_text(path: Path) -> None:
    raw = path.read_bytes()
    where = display_path(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(
            f"{where}:{line}: not UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8"
        ) from None
    if found := CONTROL.search(text):
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - text.rfind("\n", 0, found.start())
        raise SourceError(
            f"{where}:{line}: character U+{ord(found[0]):04X} in column {column}: "
            "control characters are not allowed in pages and templates"
        )
