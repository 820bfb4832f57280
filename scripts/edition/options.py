"""The edition's build options: what a build is for (a preview, the published site with its
downloads and archives, a permanent copy of one version) and how it runs. They are MkDocs
configuration, typed and checked with MkDocs' own config options (the API its plugins use),
under `extra: edition:` in mkdocs.yml, where a build script sets them in a configuration file
that inherits mkdocs.yml (scripts/build_site.py): not environment variables.

(The build is a hooks file, not an installed plugin: a plugin would run the code of the checkout
it was installed from, while each build must run the code beside its own mkdocs.yml: a copy
of the project in the tests, an older release rebuilt for its archive.)"""

from mkdocs.config import base
from mkdocs.config import config_options as c


class EditionOptions(base.Config):
    # Build English in a forked process beside Russian (parallel.py); off for a profile.
    parallel = c.Type(bool, default=True)
    # File name in site/downloads/ -> its size in bytes (build_site.publish); None: a preview,
    # or the offline copy, which links to the published ones.
    downloads = c.Optional(c.Type(dict))
    # Version -> the pages of its archive in versions/<version>/ (versions.py); {}: none built.
    archives = c.Type(dict, default={})
    # The archives' inline scripts, which the one Content-Security-Policy must allow.
    archive_scripts = c.Type(list, default=[])
    # The version this build is the permanent copy of (versions/<version>/), if it is one.
    archive_of = c.Optional(c.Type(str))


def build_options(config) -> EditionOptions:
    """The options of `config` (extra.edition), checked; ValueError naming the option."""
    options = EditionOptions(config_file_path=config.config_file_path)
    given = (config.extra or {}).get("edition") or {}
    if not isinstance(given, dict):
        raise ValueError(f"extra.edition: expected a mapping of options, found {type(given).__name__}")
    options.load_dict(given)
    errors, warnings = options.validate()
    for key, problem in [*errors, *warnings]:
        raise ValueError(f"extra.edition.{key}: {problem}")
    return options
