"""Read a data file safely, and say where in it a problem is.

The file is parsed once, by libyaml's C parser where PyYAML has it, into a node tree that
knows the line of every key and item; the tree is checked, then turned into Python values
by the safe constructor. A validation error's path (`missions.0.start`) is walked down the
same tree to the line a person should look at.

The data needs plain YAML only, so everything else is refused with one line naming the file
and the line: duplicate keys (YAML's "last wins" would silently drop a value), anchors and
aliases (a few hundred bytes of nested aliases expand to gigabytes), tags (`!!binary`,
`!!set`, `!!python/...`), YAML 1.1's implicit types (`yes` as true, `010` as 8, dates as
timestamps: here `yes` and `010` stay text, which the schema then refuses where a boolean
or a number is expected), control and bidirectional-override characters, nesting deeper
than MAX_DEPTH and files larger than MAX_BYTES."""

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

MAX_BYTES = 16 * 1024 * 1024  # the data is some 50 KB today; the scaling bench makes 100x that
MAX_DEPTH = 32  # the deepest record is 7 levels down
MAX_SHOWN = 60  # characters of a bad value quoted in a message
# C0 and C1 controls but tab, newline and carriage return; line and paragraph separators;
# bidirectional overrides and isolates; a byte order mark anywhere but at the start.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
FORBIDDEN = "control, separator and direction-override characters are not allowed"
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
# The implicit types of YAML 1.2's core schema, and nothing else.
IMPLICIT_TYPES = [
    ("bool", "tTfF", r"^(?:true|True|TRUE|false|False|FALSE)$"),
    ("int", "-+0123456789", r"^[-+]?(?:0|[1-9][0-9]*)$"),  # no leading zero: 010 is not 8, nor 10
    ("float", "-+.0123456789", r"^[-+]?(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?$"),
    ("null", "~nN", r"^(?:~|null|Null|NULL)$"),
]

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed


class DataLoader(_BASE_LOADER):
    """The safe loader (libyaml's parser where available) with YAML 1.2's core types only."""


DataLoader.yaml_implicit_resolvers = {"": [("tag:yaml.org,2002:null", re.compile(r"^$"))]}
for _name, _first, _pattern in IMPLICIT_TYPES:
    DataLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_name}", re.compile(_pattern), list(_first))


class DataError(Exception):
    """A data file is wrong. The message is one line: `file:line: field: what is wrong`."""


@dataclass
class YamlDocument:
    path: Path
    data: object
    root: yaml.Node | None

    def line_of(self, location: tuple) -> int | None:
        """The line (1-based) of the value at `location`, or of its nearest parent found."""
        node, line = self.root, None
        for part in location:
            if node is None:
                break
            line = node.start_mark.line + 1
            node = _child(node, part)
        if node is not None:
            line = node.start_mark.line + 1
        return line

    def error(self, location: tuple, message: str) -> DataError:
        line = self.line_of(location)
        where = f"{self.display_path}:{line}" if line else self.display_path
        field = ".".join(str(part) for part in location)
        return DataError(f"{where}: {field}: {message}" if field else f"{where}: {message}")

    @property
    def display_path(self) -> str:
        return display_path(self.path)


def read_yaml(path: Path) -> YamlDocument:
    """Parse `path`; any problem becomes a DataError naming the file and the line."""
    document = YamlDocument(path, None, None)
    where = document.display_path
    raw = read_regular_file(path, where)
    if len(raw) > MAX_BYTES:
        size = os.stat(path).st_size
        raise DataError(f"{where}: {size // 1024} KB; a data file may hold {MAX_BYTES // 1024 // 1024} MB")
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(f"{where}:{line}: not UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8") from None
    if found := FORBIDDEN_CHARACTERS.search(text):
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - text.rfind("\n", 0, found.start())
        raise DataError(f"{where}:{line}: character U+{ord(found[0]):04X} in column {column}: {FORBIDDEN}")
    try:
        loader = DataLoader(text)
        try:
            root = loader.get_single_node()
            if root is not None:
                check_plain(root, where)
            document.root = root
            document.data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise DataError(f"{where}{line}: {error.problem or 'invalid YAML'}") from None
    except yaml.YAMLError as error:
        raise DataError(f"{where}: {' '.join(str(error).split())[:200]}") from None
    except RecursionError:  # PyYAML's pure-Python composer, where libyaml is missing
        raise DataError(f"{where}: nested more than {MAX_DEPTH} levels deep") from None
    return document


def read_regular_file(path: Path, where: str) -> bytes:
    """The bytes of `path`, which must be a regular file: a named pipe would hang the build,
    a device never end (opened without waiting, then looked at before reading)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise DataError(f"{where}: file not found") from None
    except OSError as error:
        raise DataError(f"{where}: cannot be read ({error.strerror})") from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a pipe, socket or device)"
        raise DataError(f"{where}: {kind}; a data file must be a plain file")
    with open(descriptor, "rb") as file:
        try:
            return file.read(MAX_BYTES + 1)
        except OSError as error:
            raise DataError(f"{where}: cannot be read ({error.strerror})") from None


def check_plain(root: yaml.Node, where: str) -> None:
    """Refuse what plain data never needs, walking the tree without recursion (no depth is
    too deep for the walk itself): aliases (a node met twice), tags, duplicate keys, depth."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:
            raise DataError(
                f"{where}:{line}: an alias (*name): write the value out; anchors and aliases are not allowed"
            )
        seen.add(id(node))
        if node.tag not in PLAIN_TAGS:
            raise DataError(f"{where}:{line}: tag {node.tag!r}: only plain YAML is allowed (no !! or ! tags)")
        if isinstance(node, yaml.ScalarNode) and (found := FORBIDDEN_CHARACTERS.search(node.value)):
            # written as an escape ("\e", "\u2028"), so not seen in the file's text
            raise DataError(f"{where}:{line}: character U+{ord(found[0]):04X} in a value: {FORBIDDEN}")
        if depth > MAX_DEPTH:
            raise DataError(f"{where}:{line}: nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    raise DataError(f"{where}:{key.start_mark.line + 1}: a key must be plain text")
                if key.value in keys:
                    raise DataError(
                        f"{where}:{key.start_mark.line + 1}: duplicate key '{shown(key.value)}' "
                        f"(first on line {keys[key.value]}): a mapping names each key once"
                    )
                keys[key.value] = key.start_mark.line + 1
                stack += [(key, depth + 1), (value, depth + 1)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, depth + 1) for item in node.value]


def shown(value) -> str:
    """A value as quoted in a message: one line, at most MAX_SHOWN characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _child(node: yaml.Node, part) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
