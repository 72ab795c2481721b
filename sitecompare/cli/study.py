"""The study commands: ``validate``, ``sites``, ``methods`` and ``import`` (``rank`` is in
:mod:`.rank`, and importable from here too)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import ValidationError

if TYPE_CHECKING:
    from rich.table import Table

    from ..coverage import SiteCoverage
    from ..model import Study
from .common import CONTEXT, console, handle_errors
from .options import (
    CRITERIA_HELP_SHORT,
    SHEET_HELP_IMPORT,
    SHEET_HELP_SHORT,
    SITES_HELP_SHORT,
    as_of_option,
    criteria_option,
    format_option,
    sheet_option,
    sites_option,
)
from .rank import rank

__all__ = ["rank", "validate", "sites", "methods", "import_command", "quote_notes", "coverage_table"]


# --------------------------------------------------------------------------------- validate
@click.command(context_settings=CONTEXT)
@sites_option(SITES_HELP_SHORT)
@criteria_option(CRITERIA_HELP_SHORT)
@sheet_option(SHEET_HELP_SHORT)
@handle_errors
def validate(sites: Path | None, criteria: Path | None, sheet: str | None) -> None:
    """Check every input file and report every problem in one run."""
    from ..errors import display_path
    from ..matrix import build_matrix
    from ..study import default_paths, load_study, weight_scale_notes

    sdir, cpath = default_paths(sites, criteria)
    study = load_study(sites, criteria, sheet=sheet)
    dm = build_matrix(study)
    for scen in study.criteria_set.scenarios:
        load_study(sites, criteria, scenario=scen, sheet=sheet)
    click.echo(
        f"ok: {study.site_count} sites in {display_path(sdir)}, {len(study.criteria)} criteria "
        f"and {len(study.criteria_set.scenarios)} scenarios in {display_path(cpath)}"
    )
    for sid, reason in dm.excluded:
        click.echo(f"note: {sid} is screened out: {reason}")
    for w in dm.warnings:
        click.echo(f"note: {w}")
    # facts of a criterion that sits out are summed up in its line above; list them too
    out = {x.criterion for x in dm.excluded_criteria}
    for x in dm.not_comparable:
        if x.criterion in out:
            click.echo(f"note: not comparable: {x.site} {x.fact} on criterion {x.criterion}: {x.reason}")
    for line in quote_notes(study):
        click.echo(f"note: {line}")

    for scen in study.criteria_set.scenarios:
        for note in weight_scale_notes(study.criteria_set, scen):
            click.echo(f"note: {note}")


def quote_notes(study: Study) -> list[str]:
    """One line per profile whose facts read by a criterion carry no ``quote`` (computed facts
    name their method instead): the source's words holding the figure are required from now on."""
    from ..errors import display_path

    read = {c.fact for c in study.criteria}
    out = []
    if study.table is not None and not study.sites:  # a table: one line per column
        t = study.table
        bare = [k for k, f in t.facts.items() if k in read and not f.quote and f.status != "computed"]
        if bare:
            fields = ", ".join(f"columns.{k}" for k in bare)
            out.append(f"{t.meta_path}: {fields}: no quote (add the source's words holding the figure)")
    for site in study.sites:
        bare = [k for k, f in site.facts.items() if k in read and not f.quote and f.status != "computed"]
        if bare:
            fields = ", ".join(f"facts.{k}" for k in bare)
            out.append(
                f"{display_path(site.path)}: {fields}: no quote (add the source's words holding the figure)"
            )
    return out


# ------------------------------------------------------------------------------------ sites
@click.command(context_settings=CONTEXT)
@sites_option(SITES_HELP_SHORT)
@criteria_option(CRITERIA_HELP_SHORT)
@click.option(
    "--stale-years",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Facts older than this many years are stale [default: the criteria file's "
    "stale_after_years, else 5].",
)
@as_of_option()
@format_option("table", "json")
@handle_errors
def sites(
    sites: Path | None,
    criteria: Path | None,
    stale_years: float | None,
    as_of: dt.date | None,
    fmt: str,
) -> None:
    """Each site's fact coverage: missing, planned, ranged, computed and stale facts."""
    from ..coverage import coverage
    from ..study import default_paths, load_criteria, load_sites
    from ..tables import is_table, load_table

    sdir, cpath = default_paths(sites, criteria)
    if is_table(sdir):  # a site table: its rows as sites
        table, issues = load_table(sdir)
        site_list = table.sites() if table is not None else []
    else:
        site_list, issues = load_sites(sdir)
    cs, c_issues = load_criteria(cpath)
    issues += c_issues
    if issues or cs is None:
        raise ValidationError(issues)
    cov = coverage(site_list, cs, as_of=as_of, stale_after_years=stale_years)
    years = stale_years if stale_years is not None else cs.stale_after_years
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "criteria_set": cs.name,
                    "stale_after_years": years,
                    "as_of": (as_of or dt.date.today()).isoformat(),
                    "sites": [c.to_json() for c in cov],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    out = console()
    out.print(coverage_table(cov, cs.name, years, out.width))


COVERAGE_LISTS = ("missing for criteria", "planned", "ranged", "computed", "stale")


def coverage_table(cov: list[SiteCoverage], set_name: str, years: float, width: int) -> Table:
    """The ``sites`` table: one column per kind of fact when every fact key fits in its column
    at ``width``; otherwise (a terminal of 80 columns) two columns, the site and its coverage
    one kind per line. Either way a site id or fact key is never broken: lists wrap after
    their commas, and the site column is as wide as the longest id."""
    from rich.cells import cell_len
    from rich.table import Table

    rows = [(c, [c.missing, c.planned, c.ranged, c.computed, c.stale]) for c in cov]
    id_width = max((len(c.site) for c in cov), default=4)
    t = Table(
        title=f"Fact coverage for criteria set '{set_name}' (stale = older than {years:g} years)",
        title_justify="left",
        show_lines=True,
    )
    # the wide layout needs, per column, its longest word ("key," with its comma) + 3 of padding
    longest = [
        max([cell_len(head), *[len(k) + 1 for _, lists in rows for k in lists[i]]])
        for i, head in enumerate(COVERAGE_LISTS)
    ]
    wide = id_width + len("facts") + len("criteria") + sum(longest) + 3 * 8 + 1
    # ids never break; a long local name wraps at its spaces
    t.add_column("site", min_width=id_width, max_width=max(id_width, 24), overflow="fold")
    if wide <= width:
        t.add_column("facts")
        t.add_column("criteria")
        for head in COVERAGE_LISTS:
            t.add_column(head, overflow="fold")
        for c, lists in rows:
            t.add_row(
                f"{c.site}\n{c.name_local or ''}".strip(),
                str(c.facts),
                f"{c.criteria_covered}/{c.criteria_total}",
                *[", ".join(keys) or "-" for keys in lists],
            )
        return t
    t.title = f"Fact coverage for criteria set '{set_name}'\n(stale = older than {years:g} years)"
    t.add_column("coverage", overflow="fold")
    for c, lists in rows:
        lines = [f"facts: {c.facts}, criteria: {c.criteria_covered}/{c.criteria_total}"]
        lines += [
            f"{head}: {', '.join(keys) or '-'}" for head, keys in zip(COVERAGE_LISTS, lists, strict=True)
        ]
        t.add_row(f"{c.site}\n{c.name_local or ''}".strip(), "\n".join(lines))
    return t


# ---------------------------------------------------------------------------------- methods
@click.command(context_settings=CONTEXT)
@format_option("table", "json")
@handle_errors
def methods(fmt: str) -> None:
    """List the ranking methods with a one-line description each."""
    from ..methods import all_methods

    infos = all_methods()
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "name": m.name,
                        "title": m.title,
                        "family": m.family,
                        "description": m.description,
                        "higher_is_better": m.higher_is_better,
                        "cost_convention": m.cost_convention,
                        "reference": m.reference,
                        "params": {k: p.default for k, p in m.params.items()},
                    }
                    for m in infos
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    from rich.table import Table

    t = Table(
        title="Ranking methods (`--method NAME`, parameters with `--param KEY=VALUE`)",
        title_justify="left",
    )
    t.add_column("name")
    t.add_column("description")
    t.add_column("parameters (default)")
    for m in infos:
        t.add_row(
            m.name, m.description, ", ".join(f"{k}={p.default}" for k, p in m.params.items()) or "-"
        )
    console().print(t)



# ----------------------------------------------------------------------------------- import
@click.command("import", context_settings=CONTEXT)
@click.argument("table", type=click.Path(path_type=Path))
@click.option(
    "--into",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder to write the profiles into (created if missing).",
)
@sheet_option(SHEET_HELP_IMPORT)
@click.option("--force", is_flag=True, help="Replace profiles that exist already.")
@handle_errors
def import_command(table: Path, into: Path, sheet: str | None, force: bool) -> None:
    """Write one site profile per row of a site table (its sidecar's units and sources on
    every fact)."""
    from ..errors import display_path
    from ..tables.importer import import_table

    paths = import_table(table, into, sheet=sheet, force=force)
    console().print(f"wrote {len(paths)} profile{'s' if len(paths) != 1 else ''} into {display_path(into)}")
