"""``rank --engine dask [--scheduler ADDRESS]``: the options to a Dask ranking, and its output
(the same table, JSON and CSV as the numpy engine, the best ``--top`` sites only)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..errors import Issue, ValidationError
from .common import console, guarded_csv
from .options import method_from_options

__all__ = ["rank_dask", "DEFAULT_DASK_TOP"]

DEFAULT_DASK_TOP = 100


def rank_dask(
    *,
    fmt: str,
    top: int | None,
    scheduler: str | None,
    sites: Path | None,
    criteria: Path | None,
    scenario: str | None,
    weights: str | None,
    weights_from: Path | None,
    method: str | None,
    params: tuple[str, ...],
    as_of: Any,
    horizon: str,
    sheet: str | None,
) -> None:
    from ..engines.dask_rank import close, connect, rank_table
    from ..study import (
        default_paths,
        load_criteria,
        parse_weights_option,
        resolve_weights,
        weight_scale_notes,
    )

    issues: list[Issue] = []
    if sites is None:
        issues.append(
            Issue("--sites", "", "--engine dask needs --sites TABLE.parquet (a file or a dataset folder)")
        )
    if weights_from is not None:
        issues.append(Issue("--weights-from", "", "applies with --engine numpy only"))
    if sheet is not None:
        issues.append(Issue("--sheet", "", "--engine dask reads Parquet, which has no sheets"))
    _, cpath = default_paths(sites, criteria)
    cs, c_issues = load_criteria(cpath)
    issues += c_issues
    if issues or cs is None:
        raise ValidationError(issues)
    spec, m_issues = method_from_options(method, params, cs.method)
    if not method and not params:
        spec = cs.method
    overrides = None
    if weights:
        overrides, w_issues = parse_weights_option(weights, cs)
        m_issues += w_issues
    w, _, r_issues = resolve_weights(cs, scenario, overrides)
    if m_issues or r_issues or spec is None:
        raise ValidationError(m_issues + r_issues)
    origin = (cs.path, "method") if spec == cs.method else ("--method", spec.name)
    k = top or DEFAULT_DASK_TOP
    client = connect(scheduler)
    try:
        result = rank_table(
            client,
            sites,  # type: ignore[arg-type]
            cs,
            w,
            spec,
            top=k,
            scenario=scenario,
            horizon=horizon,
            as_of=as_of,
            origin=origin,
            notes=weight_scale_notes(cs, scenario, overrides),
        )
    finally:
        close(client)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
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
    for s, r in result.excluded[:50]:
        out.print(f"excluded: {s}: {r}")
    if result.excluded_count > min(len(result.excluded), 50):
        out.print(f"excluded: {result.excluded_count:,} sites in all (--format json lists the first 100)")
    for note in result.warnings:
        out.print(f"note: {note}")
