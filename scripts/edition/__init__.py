"""The edition's own build code: what MkDocs, Material and mkdocs-static-i18n do not do for us.

scripts/hooks.py hands each MkDocs event to build.py, which calls the other modules; read
build.py top to bottom for the order. README, "How it is put together", lists each module."""
