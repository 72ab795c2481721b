"""`sitecompare sensitivity`: OAT sweeps, critical changes, SMAA-2 and method agreement."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click
import numpy as np

from .. import jsonout
from ..model import Study
from ..sensitivity import (
    DEFAULT_LISTED,
    DEFAULT_SEED,
    WEIGHT_SAMPLINGS,
    SensitivityResult,
    run_sensitivity,
)
from .common import CONTEXT, console, handle_errors
from .options import (
    StudyOptions,
    apply_options,
    choice_option,
    format_option,
    load_from_options,
    shown_option,
    study_options,
    top_option,
)

__all__ = [
    "sensitivity",
    "print_sensitivity",
    "sensitivity_options",
    "progress_option",
    "run_with_progress",
    "SENSITIVITY_OPTIONS",
    "pop_sampling",
]

# 10^8 samples of a 50-site TOPSIS run take several minutes on two cores (benchmarks/); a
# larger count is almost certainly a typo, and the estimates are long converged by then
MAX_SAMPLES = 100_000_000


def sensitivity_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The SMAA sampling options, shared by ``sensitivity`` and ``compare --sensitivity``:
    ``--samples``, ``--seed``, ``--weight-sampling``, ``--concentration``, ``--unknown-missing``."""
    return apply_options(
        fn,
        [
            shown_option("--samples", click.IntRange(min=1, max=MAX_SAMPLES), 10_000, "SMAA samples."),
            shown_option(
                "--seed", click.IntRange(min=0), DEFAULT_SEED, "Random seed (recorded in the output)."
            ),
            choice_option(
                "--weight-sampling",
                WEIGHT_SAMPLINGS,
                "uniform",
                "uniform: no preference information; dirichlet: centred on the weights; "
                "ordinal: keeps the weights' order.",
            ),
            shown_option(
                "--concentration",
                click.FloatRange(min=0, min_open=True),
                50.0,
                "Dirichlet concentration (higher = closer to the weights).",
            ),
            click.option(
                "--unknown-missing",
                is_flag=True,
                help="Treat missing facts as unknown within the criterion's observed range "
                "(instead of their imputed value).",
            ),
        ],
    )


SENSITIVITY_OPTIONS = ("samples", "seed", "weight_sampling", "concentration", "unknown_missing")


def pop_sampling(kw: dict[str, Any]) -> dict[str, Any]:
    """The values of :data:`SENSITIVITY_OPTIONS`, taken out of a command's keyword arguments."""
    return {name: kw.pop(name) for name in SENSITIVITY_OPTIONS}


progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr [default: when stderr is a terminal].",
)


@click.command(context_settings=CONTEXT)
@study_options
@sensitivity_options
@format_option("table", "json")
@top_option(
    DEFAULT_LISTED,
    "In a set of more sites than this, crossovers and critical changes are listed for the "
    "pairs that matter (every pair among the best K, the leader with every site, neighbours in "
    "the ranking); SMAA and the intervals cover every site.",
)
@progress_option
@handle_errors
def sensitivity(fmt: str, top: int, progress: bool | None, options: StudyOptions, **kw: Any) -> None:
    """How sure are we? OAT weight sweeps, critical changes, SMAA-2, method agreement."""
    sampling = pop_sampling(kw)
    study = load_from_options(options)
    result = run_with_progress(study, progress, top=top, **sampling)
    if fmt == "json":
        click.echo(jsonout.dumps(result.to_json()))
        for note in study.notes:
            click.echo(f"note: {note}", err=True)
    else:
        print_sensitivity(result)
        for note in study.notes:
            console().print(f"note: {note}")


def run_with_progress(study: Study, progress: bool | None, **kw: Any) -> SensitivityResult:
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


def _table(title: str, columns: tuple[str, ...] = ()) -> Any:
    """A rich table titled ``title`` (left-aligned) with ``columns``."""
    from rich.table import Table

    t = Table(title=title, title_justify="left")
    for col in columns:
        t.add_column(col)
    return t


def _print_oat(out: Any, res: SensitivityResult) -> None:
    """The one-at-a-time sweeps and the most critical criterion for first place."""
    t = _table(
        "One-at-a-time weight sweeps",
        (
            "criterion",
            "weight",
            "ranking unchanged",
            "first place unchanged",
            "crossovers",
            "first changes at",
        ),
    )
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
    top = res.most_critical["top"]["percent"]
    if top:
        out.print(
            f"Most critical criterion for first place: {top['criterion']} "
            f"({top['relative'] * 100:+.1f}% of its weight swaps {top['sites'][0]} and {top['sites'][1]})"
        )
    else:
        out.print("No single weight change can take first place from the leader.")


def _print_weight_changes(out: Any, res: SensitivityResult) -> None:
    """The ten smallest weight changes that swap two sites."""
    t = _table(
        "Smallest weight changes that swap two sites (Triantaphyllou & Sanchez 1997)",
        ("criterion", "sites (ahead, behind)", "ranks", "delta", "relative", "new weight"),
    )
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


def _print_data_changes(out: Any, res: SensitivityResult) -> None:
    """The smallest change in one fact that ranks each site first, and the sites none does."""
    dm = res.matrix
    crit = {c.id: c for c in dm.criteria}
    t = _table(
        "Smallest change in one fact to rank first", ("site", "criterion", "now", "needed", "change", "reach")
    )
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
    last = res.listed.get("top", len(dm.site_ids)) if not res.listed.get("every_pair", True) else None
    stuck = [
        s
        for s, r in zip(dm.site_ids, res.ranks, strict=True)
        if r > 1 and s not in reachable and (last is None or r <= last)
    ]
    if stuck:
        out.print(
            "No single fact change lifts " + ", ".join(stuck) + " to first place "
            "(searched up to 10x the observed range)."
        )


def _print_smaa(out: Any, res: SensitivityResult) -> None:
    """SMAA-2 rank acceptabilities with each site's confidence, then the value of information."""
    sm = res.smaa
    t = _table("SMAA-2 rank acceptability (share of samples at each rank)", ("site",))
    for r in range(len(sm.sites)):
        t.add_column(f"#{r + 1}", justify="right")
    t.add_column("confidence", justify="right")
    for i in np.argsort(-sm.holistic, kind="stable"):
        conf = sm.confidence[i]
        t.add_row(
            sm.sites[i],
            *[f"{x:.3f}" for x in sm.rank_acceptability[i]],
            "-" if not np.isfinite(conf) else f"{conf:.3f}",
        )
    out.print(t)
    out.print(CONFIDENCE_NOTE)
    if not len(sm.uncertain):
        return
    t = _table(
        "Value of information: which uncertain fact matters most for first place",
        ("site", "fact", "range", "expected change", f"{sm.leader} first-rank range"),
    )
    for c_idx in np.argsort(-sm.voi, kind="stable")[:8]:
        cell = sm.uncertain[c_idx]
        c = res.matrix.criteria[cell.criterion_index]
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


def _print_agreement(out: Any, res: SensitivityResult) -> None:
    """The methods' consensus ranking, their Kendall tau and the methods skipped."""
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


def print_sensitivity(res: SensitivityResult) -> None:
    """The whole analysis as tables on stdout: OAT sweeps, critical weight and fact changes,
    SMAA-2 and method agreement."""
    out = console()
    sm = res.smaa
    out.print(
        f"Sensitivity of the ranking by {res.method.name} "
        f"(seed {sm.seed}, {sm.samples} samples, weights {sm.weight_sampling})"
    )
    out.print("OAT convention: one weight moves over [0, 1]; the other weights keep their ratios.")
    _print_oat(out, res)
    _print_weight_changes(out, res)
    _print_data_changes(out, res)
    _print_smaa(out, res)
    _print_agreement(out, res)
