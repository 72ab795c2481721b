"""The command line: ``sitecompare COMMAND ...``, a thin layer over the library.

Each command parses its options, calls the library and prints; nothing below ``cli/`` knows
about click or rich. Exit codes: 0 ok; 1 bad input or data (one ``FILE: FIELD: message`` line
per problem on stderr, no traceback); 2 usage (click); 3 an internal error (a bug: please report
it); 130 interrupted.

Modules: :mod:`.common` (error handling, console, CSV, the ranking table), :mod:`.options`
(every shared option, declared once, and the study they describe), and one module per command
group: :mod:`.rank`, :mod:`.study` (validate, sites, methods, import), :mod:`.compare`,
:mod:`.sensitivity`, :mod:`.weights`, :mod:`.engines` (``rank --engine dask``) and :mod:`.app`.

Commands are imported only when they run, so the command line starts quickly: :data:`COMMANDS`
names the module and attribute of each and its one-line help (shown by ``sitecompare --help``
without importing the command's module).
"""

from __future__ import annotations

import gc
import importlib
from typing import Any

import click

from .. import __version__
from .common import CONTEXT

__all__ = ["main", "COMMANDS", "LazyGroup", "reuse_freed_blocks"]

# name -> (module, attribute, short help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "compare": (
        "sitecompare.cli.compare",
        "compare",
        "Rank the sites and write the comparison workbook (the main job).",
    ),
    "rank": ("sitecompare.cli.rank", "rank", "Rank the sites (ranking only, to stdout)."),
    "sensitivity": (
        "sitecompare.cli.sensitivity",
        "sensitivity",
        "How sure are we? OAT sweeps, critical changes, SMAA-2, method agreement.",
    ),
    "weights": (
        "sitecompare.cli.weights",
        "weights",
        "Elicit weights: AHP, group AHP, ROC, swing, entropy, CRITIC.",
    ),
    "import": (
        "sitecompare.cli.study",
        "import_command",
        "Write one site profile per row of a site table (.csv, .xlsx, .parquet).",
    ),
    "validate": ("sitecompare.cli.study", "validate", "Check every input file and report every problem."),
    "sites": (
        "sitecompare.cli.study",
        "sites",
        "Each site's fact coverage: missing, planned, ranged, computed, stale facts.",
    ),
    "methods": ("sitecompare.cli.study", "methods", "List the ranking methods with a description each."),
    "app": (
        "sitecompare.cli.app",
        "app",
        "Serve the weights page: sliders, live ranking, sweeps, SMAA, AHP (needs sitecompare[app]).",
    ),
}


# Allocations between two collections of the youngest generation (Python's default: 700). A
# command's imports create ~40,000 objects (modules, classes, functions) that all survive, and
# at 700 the collector went over them ~60 times for nothing (~15 ms of a ``rank`` run); at
# 50,000 at most that many objects wait a little longer to be freed (a few MB), in any command.
GC_YOUNG_THRESHOLD = 50_000


# The block the process allocates and frees at its start (see :func:`reuse_freed_blocks`).
REUSE_BLOCK = 8 << 20


def reuse_freed_blocks() -> None:
    """Let the C allocator keep freed blocks of up to :data:`REUSE_BLOCK` for reuse.

    glibc's ``malloc`` serves a block above 128 KiB with a fresh memory mapping and unmaps it
    when it is freed, until the process frees its first such block: from then on, blocks up to
    that size come from the heap and are reused (mallopt(3), "dynamic mmap threshold"). The
    sensitivity run scores variants in batches whose numpy temporaries are a few hundred KiB;
    served by fresh mappings, every one of them cost its page faults again, and the critical
    data changes of a 50-site study took 2.5x longer in a new process than in a warm one.
    Allocating and freeing one block at the start moves the threshold at once. The block is
    never written (``bytes(n)`` asks for zeroed memory, which a fresh mapping already is), so
    it costs one mapping and no page. Other allocators ignore it."""
    bytes(REUSE_BLOCK)


class LazyGroup(click.Group):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run as the ``sitecompare`` process (the console script, ``python -m sitecompare``).

        Freed memory blocks are kept for reuse (:func:`reuse_freed_blocks`), and the
        garbage collector is tuned for a short process (:data:`GC_YOUNG_THRESHOLD`): the
        imports of a command create tens of thousands of objects that all live until the end.
        Standalone, click ends the run with ``sys.exit``; the process is then about to end, and
        its last garbage collection (over every object of numpy, click, rich and the study,
        ~30 ms of a ``rank`` run) would free nothing the operating system does not take back
        anyway: the objects are frozen first, so that the interpreter skips them. Exit
        handlers and the flush of stdout and stderr run as before."""
        reuse_freed_blocks()
        threshold = gc.get_threshold()
        gc.set_threshold(GC_YOUNG_THRESHOLD, *threshold[1:])
        try:
            return super().__call__(*args, **kwargs)
        except SystemExit:
            gc.freeze()
            raise
        finally:
            gc.set_threshold(*threshold)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, in the order of :data:`COMMANDS`."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """The command ``name``, its module imported now; None for an unknown name."""
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        cmd: Any = getattr(importlib.import_module(module), attr)
        return cmd

    def invoke(self, ctx: click.Context) -> Any:
        # an interruption (Ctrl-C, or SIGTERM/SIGHUP, which the group turns into one) while a
        # command module is still being imported is not bad input: exit 130 as the commands
        # do (click would print "Aborted!" and exit 1)
        """Run the command; an interruption while its module is imported exits 130."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from ..atomic import interrupted_message

            click.echo(interrupted_message(), err=True)
            ctx.exit(130)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The help's command list, from :data:`COMMANDS` (no command module imported)."""
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="sitecompare")
def main() -> None:
    """Compare candidate sites for an AI complex, data center or lab.

    Site profiles (sourced facts) + a criteria set (weights) -> rankings by published MCDA
    methods, an Excel comparison workbook, and sensitivity analyses.

    \b
    Start here:
      sitecompare compare          rank the sites and write reports/site-comparison.xlsx
      sitecompare rank             ranking only (--format table|json|csv)
      sitecompare sites            what each site's profile covers, and what it lacks
      sitecompare validate         check every input file, report every problem
    """
    from ..atomic import install_handlers

    # SIGTERM and SIGHUP (a closed terminal, a killed CI job) unwind like Ctrl-C, so that the
    # atomic writers' clean-up runs; a file being committed completes or is not written at all
    install_handlers()
