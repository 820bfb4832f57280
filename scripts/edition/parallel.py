"""The two languages built side by side, in two processes, on two cores.

mkdocs-static-i18n builds the languages one after the other: the default (ru) into site/, then,
inside its own on_post_build, each other language with the same config (compat_i18n.py). One after
the other, the two halves of the work take turns on one core; at 100 times the data that was
two halves of 20 s. Here, once this language's pages are known (on_nav) and before any is
read, a fork of the build process builds the other languages, exactly as the plugin would
later, into a hidden folder of the site (MkDocs' clean leaves hidden entries alone); where the
plugin then calls MkDocs to build them, this process waits for the fork instead and takes back
what that build would have left: its files (moved over the site's, as if written last, which
they would have been), the search entries, and the state the edition gathers from pages (the
404 page, inline scripts for the CSP, the corrections' marks). The data pages of the two
languages are rendered side by side too (each_in_a_process). tests/test_reproducible.py proves
the site is the same, byte for byte, as the plugin's order builds it (the option parallel: false).

Only for `mkdocs build` where the system can fork: `mkdocs serve` keeps the plugin's order (it
runs threads, which a fork does not take along)."""

import atexit
import os
import pickle
import shutil
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from . import compat_i18n as i18n

SCRATCH = ".other-languages"  # in the site folder while the fork builds there


def wanted(serving: bool, option: bool = True) -> bool:
    """`option`: the build option `parallel` (options.py)."""
    return option and not serving and hasattr(os, "fork")


def each_in_a_process(tasks: list[Callable]) -> list:
    """Run the first task here and each other in a fork of this process, at the same time;
    their results, or the first error, as if they had run one after the other."""
    others = [Fork(task) for task in tasks[1:]]
    try:
        first = tasks[0]()
    except BaseException:
        for fork in others:
            fork.stop()
        raise
    return [first, *(fork.result() for fork in others)]


def start(config, state) -> None:
    """Fork: the fork builds the other languages and exits; this process goes on with its own
    language and meets the fork where the plugin would build them (join())."""
    if not i18n.other_languages(config):
        return
    scratch = Path(config["site_dir"]) / SCRATCH
    shutil.rmtree(scratch, ignore_errors=True)  # left by a build that was killed
    fork = Fork(lambda: _build_others(config, state, scratch))
    i18n.instead_of_building_others(lambda: _join(config, state, fork, scratch))


class Fork:
    """`task()` run in a forked copy of this process; its result or error comes back by a pipe.
    A fork not waited for is stopped when this process ends (its build failed first)."""

    def __init__(self, task: Callable):
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # the fork: never returns into the caller
            os.close(read)
            status, outcome = 1, None
            try:
                outcome = ("result", task())
                status = 0
            except BaseException as error:
                outcome = ("error", _portable(error))
            finally:
                try:
                    with os.fdopen(write, "wb") as pipe:
                        pickle.dump(outcome, pipe)
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(status)
        os.close(write)
        self.read, self.done = read, False
        atexit.register(self.stop)

    def result(self):
        with os.fdopen(self.read, "rb") as pipe:
            sent = pipe.read()
        os.waitpid(self.pid, 0)
        self.done = True
        kind, value = pickle.loads(sent) if sent else ("error", RuntimeError("a build process died"))
        if kind == "error":
            raise value
        return value

    def stop(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _build_others(config, state, scratch: Path) -> dict:
    """In the fork: the plugin's loop over the other languages, into `scratch`."""
    entries_before = len(i18n.search_entries(config))
    config["site_dir"] = str(scratch)
    i18n.build_other_languages(config)
    return {
        "search_entries": i18n.search_entries(config)[entries_before:],
        "not_found_pages": state.not_found_pages,
        "inline_scripts": state.inline_scripts,
        "template_scripts": state.template_scripts,
        "marks_placed": state.marks_placed,
    }


def _join(config, state, fork: Fork, scratch: Path) -> None:
    """Where the plugin would build the other languages: wait for the fork, then take over
    what its build left, as if this process had built them just now."""
    site_dir = Path(config["site_dir"])
    try:
        result = fork.result()
        _move_over(scratch, site_dir)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    i18n.search_entries(config).extend(result["search_entries"])
    default = i18n.default_language(config)
    default_404 = state.not_found_pages.get(default)
    state.not_found_pages.update(result["not_found_pages"])
    state.inline_scripts |= result["inline_scripts"]
    state.template_scripts |= result["template_scripts"]
    state.marks_placed |= result["marks_placed"]
    if default_404 is not None:  # the fork, not knowing it, wrote its own 404 page to the root
        state.not_found_pages[default] = default_404
        (site_dir / "404.html").write_text(default_404, encoding="utf-8")


def _move_over(source: Path, target: Path) -> None:
    """Every file of `source` into `target`, replacing what is there (whole folders that
    `target` lacks are moved in one step)."""
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            _move_over(entry, destination)
        else:
            if destination.is_dir():
                shutil.rmtree(destination)
            os.replace(entry, destination)


def _portable(error: BaseException) -> BaseException:
    """`error` if it survives pickling, else a RuntimeError with its text and traceback."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001
        return RuntimeError("".join(traceback.format_exception(error)))
