"""``rank --engine dask [--scheduler ADDRESS]``: the options to a Dask ranking, and its output
(the same table, JSON and CSV as the numpy engine, the best ``--top`` sites only)."""

from __future__ import annotations

import click

from .. import jsonout
from ..errors import Issue, ValidationError
from .common import console, guarded_csv
from .options import StudyOptions, method_from_options

__all__ = ["rank_dask", "DEFAULT_DASK_TOP"]

DEFAULT_DASK_TOP = 100


def rank_dask(options: StudyOptions, *, fmt: str, top: int | None, scheduler: str | None) -> None:
    """``rank --engine dask``: rank the Parquet site table of ``options`` on a Dask cluster and
    print the best ``top`` sites as the numpy engine would."""
    from ..engines.dask_rank import close, connect, rank_table
    from ..study import (
        default_paths,
        load_criteria,
        parse_weights_option,
        resolve_weights,
        weight_scale_notes,
    )

    o = options
    issues: list[Issue] = []
    if o.sites is None:
        issues.append(
            Issue("--sites", "", "--engine dask needs --sites TABLE.parquet (a file or a dataset folder)")
        )
    if o.weights_from is not None:
        issues.append(Issue("--weights-from", "", "applies with --engine numpy only"))
    if o.sheet is not None:
        issues.append(Issue("--sheet", "", "--engine dask reads Parquet, which has no sheets"))
    _, cpath = default_paths(o.sites, o.criteria)
    cs, c_issues = load_criteria(cpath)
    issues += c_issues
    if issues or cs is None:
        raise ValidationError(issues)
    sites = o.sites
    assert sites is not None  # reported above
    spec, m_issues = method_from_options(o.method, o.params, cs.method)
    if not o.method and not o.params:
        spec = cs.method
    overrides = None
    if o.weights:
        overrides, w_issues = parse_weights_option(o.weights, cs)
        m_issues += w_issues
    w, _, r_issues = resolve_weights(cs, o.scenario, overrides)
    if m_issues or r_issues or spec is None:
        raise ValidationError(m_issues + r_issues)
    origin = (cs.path, "method") if spec == cs.method else ("--method", spec.name)
    k = top or DEFAULT_DASK_TOP
    client = connect(scheduler)
    try:
        result = rank_table(
            client,
            sites,
            cs,
            w,
            spec,
            top=k,
            scenario=o.scenario,
            horizon=o.horizon,
            as_of=o.as_of,
            origin=origin,
            notes=weight_scale_notes(cs, o.scenario, overrides),
        )
    finally:
        close(client)
    if fmt == "json":
        click.echo(jsonout.dumps(result.to_json()))
        return
    if fmt == "csv":
        import pandas as pd

        frame = pd.DataFrame(
            [
                {"rank": r["rank"], "site": r["site"], "name": r["name"], "score": r["score"], **r["details"]}
                for r in result.rows
            ]
        )
        click.echo(guarded_csv(frame, index=False), nl=False)
        click.echo(
            f"note: ranked {result.ranked:,} sites on Dask; the best {len(result.rows)} are shown", err=True
        )
        return
    from rich.table import Table

    out = console()
    t = Table(title=None)
    for col in ("rank", "site", "name", "score", *((result.rows[0]["details"]) if result.rows else {})):
        t.add_column(col, justify="right" if col not in ("site", "name") else "left")
    for r in result.rows:
        t.add_row(
            str(r["rank"]),
            r["site"],
            r["name"],
            f"{r['score']:.4f}",
            *[f"{v:.4f}" for v in r["details"].values()],
        )
    out.print(t)
    e = result.engine
    out.print(f"method: {spec.name} {dict(spec.params) or ''}".rstrip())
    out.print("weights: " + ", ".join(f"{c} {v:.3f}" for c, v in result.weights.items()))
    out.print(
        f"ranked: {result.ranked:,} sites on Dask ({e['workers']} workers, {e['pieces']} pieces); "
        f"the best {len(result.rows)} are shown; rank intervals: not computed by --engine dask"
    )
    for sid, reason in result.excluded[:50]:
        out.print(f"excluded: {sid}: {reason}")
    if result.excluded_count > min(len(result.excluded), 50):
        out.print(f"excluded: {result.excluded_count:,} sites in all (--format json lists the first 100)")
    for note in result.warnings:
        out.print(f"note: {note}")
