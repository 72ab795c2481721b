"""`sitecompare sensitivity`: OAT sweeps, critical changes, SMAA-2 and method agreement."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click
import numpy as np

from ..sensitivity import DEFAULT_SEED, WEIGHT_SAMPLINGS, SensitivityResult, run_sensitivity
from .common import CONTEXT, console, handle_errors
from .options import load_from_options, study_options

__all__ = [
    "sensitivity",
    "print_sensitivity",
    "sensitivity_options",
    "progress_option",
    "run_with_progress",
    "SENSITIVITY_OPTIONS",
]

# 10^8 samples of a 50-site TOPSIS run take several minutes on two cores (benchmarks/); a
# larger count is almost certainly a typo, and the estimates are long converged by then
MAX_SAMPLES = 100_000_000


def sensitivity_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The SMAA sampling options, shared by ``sensitivity`` and ``compare --sensitivity``:
    ``--samples``, ``--seed``, ``--weight-sampling``, ``--concentration``, ``--unknown-missing``."""
    opts = [
        click.option(
            "--samples",
            type=click.IntRange(min=1, max=MAX_SAMPLES),
            default=10_000,
            show_default=True,
            help="SMAA samples.",
        ),
        click.option(
            "--seed",
            type=click.IntRange(min=0),
            default=DEFAULT_SEED,
            show_default=True,
            help="Random seed (recorded in the output).",
        ),
        click.option(
            "--weight-sampling",
            type=click.Choice(WEIGHT_SAMPLINGS),
            default="uniform",
            show_default=True,
            help="uniform: no preference information; dirichlet: centred on the weights; "
            "ordinal: keeps the weights' order.",
        ),
        click.option(
            "--concentration",
            type=click.FloatRange(min=0, min_open=True),
            default=50.0,
            show_default=True,
            help="Dirichlet concentration (higher = closer to the weights).",
        ),
        click.option(
            "--unknown-missing",
            is_flag=True,
            help="Treat missing facts as unknown within the criterion's observed range "
            "(instead of their imputed value).",
        ),
    ]
    for o in reversed(opts):
        fn = o(fn)
    return fn


SENSITIVITY_OPTIONS = ("samples", "seed", "weight_sampling", "concentration", "unknown_missing")

progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr [default: when stderr is a terminal].",
)


@click.command(context_settings=CONTEXT)
@study_options
@sensitivity_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@progress_option
@handle_errors
def sensitivity(
    samples: int,
    seed: int,
    weight_sampling: str,
    concentration: float,
    unknown_missing: bool,
    fmt: str,
    progress: bool | None,
    **kw: Any,
) -> None:
    """How sure are we? OAT weight sweeps, critical changes, SMAA-2, method agreement."""
    study = load_from_options(**kw)
    result = run_with_progress(
        study,
        progress,
        samples=samples,
        seed=seed,
        weight_sampling=weight_sampling,
        concentration=concentration,
        unknown_missing=unknown_missing,
    )
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        for note in study.notes:
            click.echo(f"note: {note}", err=True)
    else:
        print_sensitivity(result)
        for note in study.notes:
            console().print(f"note: {note}")


def run_with_progress(study, progress: bool | None, **kw: Any) -> SensitivityResult:  # type: ignore[no-untyped-def]
    """``run_sensitivity(study, **kw)``, with a progress bar on stderr when ``progress`` (None:
    when stderr is a terminal)."""
    import sys

    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        return run_sensitivity(study, **kw)
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("SMAA"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeRemainingColumn(),
        console=console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("smaa", total=kw["samples"])
        return run_sensitivity(
            study, progress=lambda done, total: bar.update(task, completed=done), **kw
        )


OUT_OF_REACH_NOTE = (
    "out of reach: the value needed lies outside the criterion's observed range widened by its "
    "own width on each side (or outside its fixed scale): no plan, a sign that this fact alone "
    "cannot decide first place"
)
CONFIDENCE_NOTE = (
    "confidence: the share of data draws (ranged and unknown facts) in which the site is first "
    "under its central weights, the mean of the weights that make it first (1 or 0 when no fact "
    "is uncertain; - when it is never first)"
)


def _iv(a: tuple[float, float]) -> str:
    return f"{a[0]:.3f} - {a[1]:.3f}"


def print_sensitivity(res: SensitivityResult) -> None:
    from rich.table import Table

    out = console()
    dm, sm = res.matrix, res.smaa
    crit = {c.id: c for c in dm.criteria}
    out.print(
        f"Sensitivity of the ranking by {res.method.name} "
        f"(seed {sm.seed}, {sm.samples} samples, weights {sm.weight_sampling})"
    )
    out.print("OAT convention: one weight moves over [0, 1]; the other weights keep their ratios.")
    t = Table(title="One-at-a-time weight sweeps", title_justify="left")
    for col in (
        "criterion",
        "weight",
        "ranking unchanged",
        "first place unchanged",
        "crossovers",
        "first changes at",
    ):
        t.add_column(col)
    for cid, o in res.oat.items():
        # name the site that takes first place on the far side of the crossover, seen from
        # the current weight (sites = (ahead below, ahead above))
        firsts = [
            f"{c.weight:.3f} ({c.sites[0] if c.weight < o.current else c.sites[1]})"
            for c in o.crossovers
            if c.changes_first
        ]
        t.add_row(
            cid,
            f"{o.current:.3f}",
            _iv(o.stability_interval),
            _iv(o.top_interval),
            str(len(o.crossovers)),
            ", ".join(firsts) or "-",
        )
    out.print(t)
    mc = res.most_critical
    top = mc["top"]["percent"]
    if top:
        out.print(
            f"Most critical criterion for first place: {top['criterion']} "
            f"({top['relative'] * 100:+.1f}% of its weight swaps {top['sites'][0]} and {top['sites'][1]})"
        )
    else:
        out.print("No single weight change can take first place from the leader.")
    t = Table(
        title="Smallest weight changes that swap two sites (Triantaphyllou & Sanchez 1997)",
        title_justify="left",
    )
    for col in ("criterion", "sites (ahead, behind)", "ranks", "delta", "relative", "new weight"):
        t.add_column(col)
    for w in res.weight_changes[:10]:
        t.add_row(
            w.criterion,
            f"{w.sites[0]}, {w.sites[1]}",
            f"{w.ranks[0]}, {w.ranks[1]}",
            f"{w.delta:+.4f}",
            "-" if w.relative is None else f"{w.relative * 100:+.1f}%",
            f"{w.new_weight:.4f}",
        )
    out.print(t)
    t = Table(title="Smallest change in one fact to rank first", title_justify="left")
    for col in ("site", "criterion", "now", "needed", "change", "reach"):
        t.add_column(col)
    any_out = False
    reachable: set[str] = set()
    for d in res.data_changes:
        if d.target != "first" or d.required_value is None:
            continue
        reachable.add(d.site)
        c = crit[d.criterion]
        imputed = " (missing; imputed)" if dm.cell(d.site, d.criterion).missing else ""
        t.add_row(
            d.site,
            f"{d.criterion} ({c.fact})",
            f"{d.current_value:,.6g} {c.unit}{imputed}",
            f"{d.required_value:,.6g} {c.unit}",
            f"{d.change:+,.6g} {c.unit}",
            "out of reach" if d.out_of_reach else "-",
        )
        any_out |= d.out_of_reach
    out.print(t)
    if any_out:
        out.print(OUT_OF_REACH_NOTE)
    stuck = [s for s, r in zip(dm.site_ids, res.ranks, strict=True) if r > 1 and s not in reachable]
    if stuck:
        out.print(
            "No single fact change lifts " + ", ".join(stuck) + " to first place "
            "(searched up to 10x the observed range)."
        )
    t = Table(
        title="SMAA-2 rank acceptability (share of samples at each rank)", title_justify="left"
    )
    t.add_column("site")
    n = len(sm.sites)
    for r in range(n):
        t.add_column(f"#{r + 1}", justify="right")
    t.add_column("confidence", justify="right")
    order = np.argsort(-sm.holistic, kind="stable")
    for i in order:
        conf = sm.confidence[i]
        t.add_row(
            sm.sites[i],
            *[f"{x:.3f}" for x in sm.rank_acceptability[i]],
            "-" if not np.isfinite(conf) else f"{conf:.3f}",
        )
    out.print(t)
    out.print(CONFIDENCE_NOTE)
    if len(sm.uncertain):
        t = Table(
            title="Value of information: which uncertain fact matters most for first place",
            title_justify="left",
        )
        for col in ("site", "fact", "range", "expected change", f"{sm.leader} first-rank range"):
            t.add_column(col)
        for c_idx in np.argsort(-sm.voi, kind="stable")[:8]:
            cell = sm.uncertain[c_idx]
            c = dm.criteria[cell.criterion_index]
            lo, hi = sm.voi_leader_range[c_idx]
            t.add_row(
                sm.sites[cell.site_index],
                f"{c.fact} ({cell.kind})",
                f"{cell.low:,.6g} - {cell.high:,.6g} {c.unit}",
                f"{sm.voi[c_idx]:.4f}",
                f"{lo:.3f} - {hi:.3f}",
            )
        out.print(t)
        out.print(
            f"(expected change in first-rank acceptabilities if the fact were known, after "
            f"removing the sampling noise floor {sm.voi_noise:.4f})"
        )
    ag = res.agreement
    out.print(
        "Method agreement: consensus (mean rank over "
        f"{len(ag.labels)} methods): "
        + ", ".join(
            f"{int(ag.consensus_rank[i])}. {ag.sites[i]}"
            for i in np.argsort(ag.mean_rank, kind="stable")
        )
    )
    k = ag.kendall[np.triu_indices(len(ag.labels), 1)]
    if k.size:
        out.print(
            f"Kendall tau between methods: min {np.nanmin(k):.3f}, median {np.nanmedian(k):.3f}"
        )
    for m, sk in ag.skipped_by_method():
        out.print(f"note: {m} skipped: {sk.reason}")
