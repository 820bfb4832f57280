"""What the build reads from mkdocs-static-i18n beyond its documented configuration, in one
place. The plugin builds the default language, then, inside its own on_post_build, builds each
other language with the same config: hooks run once per language, and must know which build
is the top-level one and which language is being built. The plugin has no public API for
either; these are its attributes `building` and `current_language` in the 1.3 series
(pyproject.toml pins it to >=1.3,<2), checked at import. parallel.py also repeats its loop over
the other languages (its `search_entries`, `build_languages`, and the MkDocs `build` its module
calls), below."""

import logging
from importlib.metadata import version

import mkdocs_static_i18n.plugin as plugin_module
from mkdocs_static_i18n.utils import I18nLoggingFilter

PLUGINS_BUILD = plugin_module.build  # MkDocs' build, as the plugin calls it
SUPPORTED = ("1.3.",)  # the versions these attributes were read from (mkdocs_static_i18n/plugin.py)
INSTALLED = version("mkdocs-static-i18n")
if not INSTALLED.startswith(SUPPORTED):
    raise ImportError(
        f"mkdocs-static-i18n {INSTALLED} is installed; scripts/edition/compat_i18n.py reads internals of "
        f"{', '.join(v + 'x' for v in SUPPORTED)}: check them and add the version there"
    )


def plugin(config):
    return config.plugins["i18n"]


def building_another_language(config) -> bool:
    """True inside the plugin's loop over the other languages; False for a top-level build
    (each `mkdocs build`, each rebuild of `mkdocs serve`)."""
    return bool(plugin(config).building)


def language_being_built(config, default: str) -> str:
    """The language of the build at hand (the plugin sets it in its own on_config, which runs
    after the edition's: before that, on a top-level build, it is the default)."""
    return plugin(config).current_language or default


def configured_languages(config):
    """The plugin's `languages` from mkdocs.yml (objects with .locale, .default, .link, .name)."""
    return plugin(config).config.languages


# ---------------------------------------------------------------------------- the other languages
# (parallel.py builds them in a second process; these mirror the plugin's on_post_build loop:
# mkdocs_static_i18n/plugin.py, and its `search_entries`, `build_languages`, `default_language`)


def default_language(config) -> str:
    return plugin(config).default_language


def other_languages(config) -> list[str]:
    """The languages the plugin will build after the one at hand (inside its on_post_build)."""
    current = plugin(config).current_language
    return [locale for locale in plugin(config).build_languages if locale != current]


def search_entries(config) -> list:
    """The search entries the plugin stacks up, language after language, for one index."""
    return plugin(config).search_entries


def build_other_languages(config) -> None:
    """What the plugin's on_post_build does for the other languages, without what it does after
    them (one search index from the stacked entries: the default language's process does that)."""
    from .compat_mkdocs import keep_site_folder

    i18n = plugin(config)
    i18n.building = True
    keep_site_folder()  # as the plugin does: each build adds to the site
    build_logger = logging.getLogger("mkdocs.commands.build")
    quiet = I18nLoggingFilter()
    quiet.filtered_prefixes.update({"Documentation built in", "Building documentation to directory"})
    build_logger.addFilter(quiet)
    for locale in other_languages(config):
        i18n.current_language = locale
        PLUGINS_BUILD(config, dirty=False)


def instead_of_building_others(join) -> None:
    """Where the plugin's on_post_build builds the other languages, call `join()` once instead
    (the other languages are being built elsewhere); restored by restore_building_others()."""
    joined = []

    def build(config, dirty=False):
        if not joined:
            joined.append(True)
            join()

    plugin_module.build = build


def restore_building_others() -> None:
    plugin_module.build = PLUGINS_BUILD
