"""`sitecompare compare`: rank the sites and write the comparison workbook (the main job)."""

from __future__ import annotations

import shlex
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from ..atomic import checkpoint
from ..errors import Issue, ValidationError
from ..headline import built_alongside, headline
from ..report.i18n import LANGS
from ..topk import DEFAULT_TOP, restrict
from .common import CONTEXT, console, handle_errors, print_ranking_table
from .options import StudyOptions, choice_option, load_from_options, study_options, top_option
from .sensitivity import (
    SENSITIVITY_OPTIONS,
    pop_sampling,
    progress_option,
    run_with_progress,
    sensitivity_options,
)

__all__ = ["compare", "DEFAULT_OUTPUT"]


def _table_inputs(table: Path) -> list[Path]:
    """A site table's files for Run info: its sidecar and, for a dataset folder, its files."""
    from ..tables.paths import _parquet_files, sidecar_path

    out = [sidecar_path(table)] if sidecar_path(table).exists() else []
    if Path(table).is_dir():
        out += list(_parquet_files(Path(table)))
    return out


def _ranked_line(L: Any, n: int, k: int) -> str:
    """The Summary's line for a workbook of the best ``k`` of ``n`` sites."""
    if getattr(L, "code", "en") == "ko":
        return f"{n:,}개 부지를 순위화했습니다. 이 통합문서는 상위 {k}개 부지를 보여 줍니다."
    return (
        f"{n:,} sites were ranked; this workbook shows the best {k}. Other scenarios, methods, the "
        "built-only ranking and the What-if sheet rank these sites among themselves."
    )

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
@choice_option(
    "--lang", LANGS, "en", "Language of the workbook's labels (ko: Korean labels and local site names)."
)
@click.option(
    "--sensitivity",
    "with_sensitivity",
    is_flag=True,
    help="Add the sensitivity sheets: weight sweeps, critical changes, SMAA-2 rank acceptability, "
    "method agreement (seeded; the seed is recorded).",
)
@top_option(
    DEFAULT_TOP,
    "A site table of more sites than this: the workbook shows the best K (and says how many "
    "were ranked). With --sensitivity, as for sensitivity --top.",
)
@sensitivity_options
@progress_option
@handle_errors
def compare(
    output: Path,
    lang: str,
    with_sensitivity: bool,
    top: int,
    progress: bool | None,
    options: StudyOptions,
    **kw: Any,
) -> None:
    """Rank the sites and write the comparison workbook (the main job).

    Writes reports/site-comparison.xlsx (or -o FILE): summary, ranking, decision matrix with
    sources, normalised values, contributions, weights and scenarios, a live What-if sheet,
    data quality, sources and run info. Then prints the ranking table and the path.

    With --sensitivity the workbook also holds the sensitivity sheets (the analysis of
    `sitecompare sensitivity`, with the same sampling options) and the Summary says how sure
    first place is.
    """
    from ..ranking import rank
    from ..report import write_workbook

    ctx = click.get_current_context()
    if not with_sensitivity:
        given = [
            "--" + name.replace("_", "-")
            for name in (*SENSITIVITY_OPTIONS, "progress")
            if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE
        ]
        if given:
            raise click.UsageError(f"{', '.join(given)} only apply with --sensitivity", ctx=ctx)
    sampling = pop_sampling(kw)
    study = load_from_options(options, columnar=True)
    result = rank(study)
    summary: list = []
    info: dict = {}
    if study.table is not None:
        n = len(result.matrix.site_ids)
        if n <= top:  # a small table: its rows as sites, the workbook as for profiles
            study = replace(study, sites=tuple(study.table.sites()))
            result = rank(study)
        elif with_sensitivity:
            raise ValidationError(
                [
                    Issue(
                        "--sensitivity",
                        "",
                        f"analyses all {n:,} sites of {study.sites_dir} together; it runs on a table "
                        f"of at most --top {top} sites (raise --top, or rank the table without it)",
                    )
                ]
            )
        else:
            result = restrict(result, top)
            k = len(result.site_ids)
            summary.append(lambda L: _ranked_line(L, n, k))
            info["Sites ranked"] = n
    sens = None
    if with_sensitivity:
        sens = run_with_progress(study, progress, top=top, **sampling)
    extra = [options.weights_from] if options.weights_from else []
    if options.sites is not None and study.table is not None:
        extra += _table_inputs(options.sites)
    built, why = built_alongside(result)
    head = headline(result, built, why)
    path = write_workbook(
        output,
        result,
        lang=lang,
        command_line=command_line(),
        extra_inputs=extra,
        sensitivity=sens,
        summary_lines=summary,
        run_info=info,
    )
    out = console()
    print_ranking_table(result, out, head=head)
    out.print(f"wrote {path}")
    checkpoint("done")
