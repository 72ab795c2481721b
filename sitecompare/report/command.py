"""`sitecompare compare`: rank the sites and write the comparison workbook (the main job)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import click

from ..cli_common import (
    CONTEXT,
    console,
    handle_errors,
    load_from_options,
    print_ranking_table,
    study_options,
)
from .i18n import LANGS

__all__ = ["compare", "DEFAULT_OUTPUT"]

DEFAULT_OUTPUT = Path("reports") / "site-comparison.xlsx"


def _check_output(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.suffix.lower() != ".xlsx":
        raise click.BadParameter(f"expected a file name ending in .xlsx, got {str(value)!r}")
    if value.is_dir():
        raise click.BadParameter(f"{str(value)!r} is a folder; give a file name ending in .xlsx")
    return value


def command_line() -> str:
    """The command as typed (program name shortened to ``sitecompare``)."""
    return shlex.join(["sitecompare", *sys.argv[1:]])


@click.command(context_settings=CONTEXT)
@study_options
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_OUTPUT,
    show_default=True,
    callback=_check_output,
    help="The workbook to write (replaced atomically if it exists).",
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="en",
    show_default=True,
    help="Language of the workbook's labels (ko: Korean labels and local site names).",
)
@handle_errors
def compare(output: Path, lang: str, **kw: Any) -> None:
    """Rank the sites and write the comparison workbook (the main job).

    Writes reports/site-comparison.xlsx (or -o FILE): summary, ranking, decision matrix with
    sources, normalised values, contributions, weights and scenarios, a live What-if sheet,
    data quality, sources and run info. Then prints the ranking table and the path.
    """
    from ..ranking import rank
    from . import write_workbook

    study = load_from_options(**kw)
    result = rank(study)
    extra = [kw["weights_from"]] if kw.get("weights_from") else []
    path = write_workbook(output, result, lang=lang, command_line=command_line(), extra_inputs=extra)
    out = console()
    print_ranking_table(result, out)
    out.print(f"wrote {path}")
