"""The command group: commands are imported only when they run, so the CLI starts quickly.

Each entry names the module and attribute of a click command and its one-line help (shown by
``sitecompare --help`` without importing the command's module).
"""

from __future__ import annotations

import importlib
from typing import Any

import click

__all__ = ["LazyGroup", "COMMANDS"]

# name -> (module, attribute, short help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "compare": (
        "sitecompare.report.command",
        "compare",
        "Rank the sites and write the comparison workbook (the main job).",
    ),
    "rank": ("sitecompare.cli", "rank", "Rank the sites (ranking only, to stdout)."),
    "sensitivity": (
        "sitecompare.sensitivity.command",
        "sensitivity",
        "How sure are we? OAT sweeps, critical changes, SMAA-2, method agreement.",
    ),
    "weights": (
        "sitecompare.weights.commands",
        "weights",
        "Elicit weights: AHP, group AHP, ROC, swing, entropy, CRITIC.",
    ),
    "import": (
        "sitecompare.tables.importer",
        "import_command",
        "Write one site profile per row of a site table (.csv, .xlsx, .parquet).",
    ),
    "validate": ("sitecompare.cli", "validate", "Check every input file and report every problem."),
    "sites": (
        "sitecompare.cli",
        "sites",
        "Each site's fact coverage: missing, planned, ranged, computed, stale facts.",
    ),
    "methods": ("sitecompare.cli", "methods", "List the ranking methods with a description each."),
    "app": (
        "sitecompare.app.command",
        "app",
        "Serve the weights page: sliders, live ranking, sweeps, SMAA, AHP (needs sitecompare[app]).",
    ),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        cmd: Any = getattr(importlib.import_module(module), attr)
        return cmd

    def invoke(self, ctx: click.Context) -> Any:
        # an interruption (Ctrl-C, or SIGTERM/SIGHUP, which the group turns into one) while a
        # command module is still being imported is not bad input: exit 130 as the commands
        # do (click would print "Aborted!" and exit 1)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from .atomic import interrupted_message

            click.echo(interrupted_message(), err=True)
            ctx.exit(130)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)
