"""Read a data file safely, and say where in it a problem is.

PyYAML's safe_load keeps no positions, so the same text is also composed into a node tree,
which knows the line of every key and item: a validation error's path (`missions.0.start`)
is walked down that tree to the line a person should look at."""

from dataclasses import dataclass
from pathlib import Path

import yaml


class DataLoader(yaml.SafeLoader):
    """The safe loader, except that dates stay text: the schema parses them, so an impossible
    date ("2003-02-30") is reported with its file, line and field like any other error."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
        try:
            return str(self.path.relative_to(Path.cwd()))
        except ValueError:
            return str(self.path)


def read_yaml(path: Path) -> YamlDocument:
    """Parse `path` with the safe loader; any problem becomes a DataError naming the file."""
    document = YamlDocument(path, None, None)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{document.display_path}: file not found") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            f"{document.display_path}:{line}: not UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8"
        ) from None
    try:
        document.root = yaml.compose(text, Loader=DataLoader)
        document.data = yaml.load(text, Loader=DataLoader)  # DataLoader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = error.problem or "invalid YAML"
        if isinstance(error, yaml.constructor.ConstructorError) and "tag" in problem:
            problem = f"{problem} (only plain YAML is allowed: no !!python or other tags)"
        raise DataError(f"{document.display_path}{line}: {problem}") from None
    except yaml.YAMLError as error:
        raise DataError(f"{document.display_path}: {error}") from None
    return document


def _child(node: yaml.Node, part) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
