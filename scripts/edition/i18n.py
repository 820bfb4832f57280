"""What the build reads from mkdocs-static-i18n beyond its documented configuration, in one
place. The plugin builds the default language, then, inside its own on_post_build, builds each
other language with the same config: hooks run once per language, and must know which build
is the top-level one and which language is being built. The plugin has no public API for
either; these are its attributes `building` and `current_language` in the 1.3 series
(pyproject.toml pins it to >=1.3,<2), checked at import."""

from importlib.metadata import version

SUPPORTED = ("1.3.",)  # the versions these attributes were read from (mkdocs_static_i18n/plugin.py)
INSTALLED = version("mkdocs-static-i18n")
if not INSTALLED.startswith(SUPPORTED):
    raise ImportError(
        f"mkdocs-static-i18n {INSTALLED} is installed; scripts/edition/i18n.py reads internals of "
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
