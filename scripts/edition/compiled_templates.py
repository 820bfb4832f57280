"""Material's templates compiled once per process, not once per build.

MkDocs makes a new Jinja environment for every build: one per language, and under `mkdocs
serve` two more at every rebuild. Each compiled Material's templates again, about a quarter of
a second of every rebuild. Jinja's bytecode cache keeps the compiled code, here in memory
(`store`, a dict that hooks.py keeps across rebuilds), keyed by template and checked against
the template's source: an edited template is compiled again."""

import jinja2


class InMemory(jinja2.BytecodeCache):
    def __init__(self, store: dict[str, bytes]):
        self.store = store

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped there if the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
