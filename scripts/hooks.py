"""MkDocs hooks: the events the edition takes part in, each handed to its step in
scripts/edition/build.py (read that file top to bottom for what the build does).

MkDocs loads this file once per process, and Python would keep the edition's modules from the
first build: at the start of every top-level build (each `mkdocs build`, each rebuild of
`mkdocs serve`), the edition's modules are dropped and build.py is loaded afresh, so that an
edit to any of them, like an edit to a template or a data file, shows at the next rebuild.
(An edit to this file itself needs a restart of `mkdocs serve`.)"""

import importlib
import sys
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

SCRIPTS = str(Path(__file__).resolve().parent)  # where the `edition` package lives
SERVING = False  # under `mkdocs serve`
LAST_GOOD = None  # the state of the last build that read the data, for `serve` to fall back on
COMPILED_TEMPLATES: dict[str, bytes] = {}  # Jinja's compiled templates, kept across builds (compiled_templates.py)


def fresh_build_module():
    for name in [name for name in sys.modules if name == "edition" or name.startswith("edition.")]:
        del sys.modules[name]
    sys.path.insert(0, SCRIPTS)
    try:
        return importlib.import_module("edition.build")
    finally:
        sys.path.remove(SCRIPTS)


build = fresh_build_module()


def on_startup(command, dirty):
    global SERVING
    SERVING = command == "serve"


@event_priority(100)  # before Material's offline plugin, which would add a CDN copy of the shim
def on_config(config):
    global build
    top_level = not build.i18n.building_another_language(config)
    if top_level and build.STATE is not None:  # a new build, after one this module has done
        build = fresh_build_module()
    return build.on_config(config, fallback=LAST_GOOD if SERVING else None)


def on_pre_build(config):
    return build.on_pre_build(config, serving=SERVING)


@event_priority(0)  # before mkdocs-static-i18n sorts the files into languages (-100)
def add_generated_files(files, config):
    return build.add_generated_files(files, config)


@event_priority(-150)  # after it
def fill_generated_files(files, config):
    return build.fill_generated_files(files, config)


on_files = CombinedEvent(add_generated_files, fill_generated_files)


@event_priority(-200)  # after mkdocs-static-i18n's (-100)
def on_nav(nav, config, files):
    return build.on_nav(nav, config, files, serving=SERVING)


def on_env(env, config, files):
    return build.on_env(env, config, files, compiled_templates=COMPILED_TEMPLATES)


def on_page_markdown(markdown, page, config, files):
    return build.on_page_markdown(markdown, page, config, files)


def on_page_content(html, page, config, files):
    return build.on_page_content(html, page, config, files)


def on_page_context(context, page, config, nav):
    return build.on_page_context(context, page, config, nav)


def on_post_page(output, page, config):
    return build.on_post_page(output, page, config)


def on_template_context(context, template_name, config):
    return build.on_template_context(context, template_name, config)


def on_post_template(output, template_name, config):
    return build.on_post_template(output, template_name, config)


@event_priority(-200)  # after search, mkdocs-static-i18n and offline (all -100 or higher)
def on_post_build(config):
    global LAST_GOOD
    build.on_post_build(config)
    if build.STATE.problem is None:
        LAST_GOOD = build.STATE
