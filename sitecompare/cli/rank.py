"""The ``rank`` command: the ranking of a study to stdout (a table, JSON or CSV).

Kept apart from the other study commands (:mod:`.study`), so that ``sitecompare rank``, the
command run most often, imports only what it needs."""

from __future__ import annotations

import json

import click

from .common import (
    CONTEXT,
    console,
    guarded_csv,
    handle_errors,
    print_ranking_table,
    print_scenario_table,
    ranking_headline,
)
from .options import StudyOptions, engine_options, format_option, load_from_options, study_options

__all__ = ["rank"]


# ------------------------------------------------------------------------------------- rank
@click.command(context_settings=CONTEXT)
@study_options
@format_option("table", "json", "csv")
@click.option(
    "--all-scenarios", is_flag=True, help="Rank under every named scenario, side by side."
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=None,
    metavar="K",
    help="Print the best K sites only (JSON says how many were ranked).",
)
@engine_options
@handle_errors
def rank(
    fmt: str,
    all_scenarios: bool,
    top: int | None,
    engine: str,
    scheduler: str | None,
    options: StudyOptions,
) -> None:
    """Rank the sites (ranking only, to stdout)."""
    from ..ranking import rank as do_rank

    if engine == "dask":
        if all_scenarios:
            raise click.UsageError("--all-scenarios runs with --engine numpy only")
        from .engines import rank_dask

        rank_dask(options, fmt=fmt, top=top, scheduler=scheduler)
        return
    if scheduler is not None:
        raise click.UsageError("--scheduler applies with --engine dask")
    study = load_from_options(options, columnar=True)
    if all_scenarios:
        from ..scenarios import rank_all_scenarios
        from ..study import weight_scale_notes

        table = rank_all_scenarios(study)
        # scenarios written on another scale than the base weights (fractions against points)
        for scen in study.criteria_set.scenarios:
            for note in weight_scale_notes(study.criteria_set, scen):
                click.echo(f"note: {note}", err=True)
        if fmt == "json":
            click.echo(json.dumps(table.to_json(), ensure_ascii=False, indent=2))
        elif fmt == "csv":
            click.echo(guarded_csv(table.to_frame(), index=True), nl=False)
        else:
            print_scenario_table(table, console())
        return
    result = do_rank(study)
    if study.table is not None:  # the headline of a table looks at its best sites
        from ..topk import DEFAULT_TOP, table_headline

        head = table_headline(result, max(top or 0, DEFAULT_TOP))
    else:
        head = ranking_headline(result)
    if fmt == "json":
        from ..headline import headline_sentences

        obj = result.to_json(top)
        obj["built_only_leader"] = None if head.built_leader is None else list(head.built_leader)
        obj["headline"] = headline_sentences(head)
        click.echo(json.dumps(obj, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(guarded_csv(result.table(top), index=False), nl=False)
        # the CSV holds the ranking only; what was imputed or screened out goes to stderr
        if top is not None and result.ranked_count > top:
            shown = f"ranked {result.ranked_count:,} sites; the best {top} are shown (--top)"
            click.echo(f"note: {shown}", err=True)
        for sid, reason in result.matrix.excluded:
            click.echo(f"excluded: {sid}: {reason}", err=True)
        for warning in (*study.notes, *result.matrix.warnings):
            click.echo(f"note: {warning}", err=True)
    else:
        print_ranking_table(result, head=head, top=top)
