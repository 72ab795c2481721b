"""Plumbing shared by every command: error handling, the study options, console output.

Exit codes: 0 ok; 1 bad input or data (one ``FILE: FIELD: message`` line per problem on
stderr, no traceback); 2 usage (click); 3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .errors import Issue, SiteCompareError, ValidationError
from .model import HORIZONS

__all__ = [
    "CONTEXT",
    "handle_errors",
    "study_options",
    "load_from_options",
    "console",
    "print_ranking_table",
    "engine_options",
    "parse_date",
]

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    # piped or redirected: tables are laid out 200 columns wide; plain lines (notes, weights)
    # are never wrapped (soft_wrap), so a log can be grepped line by line. No markup: text
    # from input files (names, notes) is printed as written, brackets included.
    width = None if stream.isatty() else 200
    return Console(file=stream, width=width, highlight=False, soft_wrap=True, markup=False)


def _fail(issues: list[Issue]) -> None:
    for issue in issues:
        click.echo(str(issue), err=True)
    n = len(issues)
    click.echo(
        f"sitecompare: {n} problem{'s' if n != 1 else ''} found; nothing was written", err=True
    )


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SiteCompareError as exc:
            _fail(exc.issues)
            sys.exit(1)
        except KeyboardInterrupt:
            from .atomic import interrupted_message

            click.echo(interrupted_message(), err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:  # a bug, not bad input: say so, without a traceback by default
            if os.environ.get("SITECOMPARE_DEBUG"):
                raise
            click.echo(
                f"sitecompare: internal error: {type(exc).__name__}: {exc} "
                "(set SITECOMPARE_DEBUG=1 for the traceback)",
                err=True,
            )
            sys.exit(3)

    return wrapper


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date like 2026-11-23, got {value!r}") from None


def study_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    opts = [
        click.option(
            "--sites",
            "sites",
            type=click.Path(path_type=Path),
            default=None,
            help="Folder of site profiles, or a site table: .csv, .xlsx, .parquet or a Parquet "
            "dataset folder, with its sidecar TABLE.meta.yaml [default: ./sites, else the shipped "
            "sites].",
        ),
        click.option(
            "--sheet",
            default=None,
            metavar="NAME",
            help="The sheet of an .xlsx site table [default: the first].",
        ),
        click.option(
            "--criteria",
            "criteria",
            type=click.Path(path_type=Path),
            default=None,
            help="Criteria file [default: ./criteria/default.yaml, else the shipped set].",
        ),
        click.option(
            "--scenario", default=None, help="A named weight scenario of the criteria file."
        ),
        click.option(
            "--weights",
            default=None,
            metavar="K=V,...",
            help="Override weights, e.g. talent=40,compute=15 (others keep theirs).",
        ),
        click.option(
            "--weights-from",
            "weights_from",
            type=click.Path(path_type=Path),
            default=None,
            help="Read weights from a comparison workbook's What-if sheet.",
        ),
        click.option("--method", default=None, help="Ranking method (see `sitecompare methods`)."),
        click.option(
            "--param",
            "params",
            multiple=True,
            metavar="KEY=VALUE",
            help="Method parameter, e.g. --param normalization=vector or --param v=0.3.",
        ),
        click.option(
            "--as-of",
            "as_of",
            default=None,
            callback=parse_date,
            metavar="DATE",
            help="Date that fact ages are measured from [default: today].",
        ),
        click.option(
            "--horizon",
            type=click.Choice(HORIZONS),
            default="planned",
            show_default=True,
            help="planned: plans count as if built; built: a fact with status: plan is treated "
            "as missing (compare what exists).",
        ),
    ]
    for o in reversed(opts):
        fn = o(fn)
    return fn


def engine_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--engine numpy|dask`` and ``--scheduler ADDRESS`` (sitecompare.engines)."""
    fn = click.option(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="A Dask scheduler to run on, e.g. tcp://10.0.0.5:8786 [default: a local cluster].",
    )(fn)
    return click.option(
        "--engine",
        type=click.Choice(["numpy", "dask"]),
        default="numpy",
        show_default=True,
        help="numpy: in this process; dask: a Parquet site table larger than memory, on a Dask "
        "cluster (pip install 'sitecompare[dask]').",
    )(fn)


def _parse_param_value(v: str) -> Any:
    try:
        return int(v)
    except ValueError:
        pass
    try:
        return float(v)
    except ValueError:
        return v


def load_from_options(
    sites: Path | None,
    criteria: Path | None,
    scenario: str | None,
    weights: str | None,
    weights_from: Path | None,
    method: str | None,
    params: tuple[str, ...],
    as_of: dt.date | None,
    horizon: str = "planned",
    sheet: str | None = None,
    columnar: bool = False,
):
    """The Study the options describe (shared by rank, compare, sensitivity).

    A site table stays a table held by column with ``columnar`` (rank, compare: the matrix is
    built from its columns); otherwise its rows become sites, as if they were profiles."""
    from .methods import validate_method
    from .model import MethodSpec
    from .study import default_paths, load_criteria, load_study, parse_weights_option, scale_note

    spec: MethodSpec | None = None
    issues: list[Issue] = []
    notes: list[str] = []
    if method or params:
        _, cpath = default_paths(sites, criteria)
        cs, _ = load_criteria(cpath)
        base = cs.method if cs is not None else MethodSpec("wsm", {})
        raw: dict[str, Any] = {"name": method or base.name}
        if cs is not None and raw["name"] == base.name:
            raw.update(base.params)
        for p in params:
            if "=" not in p:
                issues.append(Issue("--param", p, "expected KEY=VALUE"))
                continue
            k, v = p.split("=", 1)
            raw[k.strip()] = _parse_param_value(v.strip())
        spec, problems = validate_method(raw)
        issues.extend(
            Issue("--method" if f == "name" else "--param", f if f != "name" else "", m)
            for f, m in problems
        )
    combined: dict[str, float] | str | None = weights
    origin = "--weights"
    wb_values = None
    if weights_from is not None:
        from .report.readback import read_whatif

        _, cpath = default_paths(sites, criteria)
        cs, c_issues = load_criteria(cpath)
        if cs is None:
            raise ValidationError(c_issues)
        wb_weights, wb_values = read_whatif(weights_from, cs.ids)
        origin = str(weights_from)
        combined = dict(wb_weights)
        if weights:
            extra, w_issues = parse_weights_option(weights, cs)
            issues.extend(w_issues)
            combined.update(extra)
            origin = f"{weights_from} + --weights"
            note = scale_note("--weights", extra, wb_weights, str(weights_from))
            notes += [note] if note else []
    if issues:
        raise ValidationError(issues)
    study = load_study(
        sites,
        criteria,
        scenario=scenario,
        weights=combined,
        weights_origin=origin,
        method=spec,
        as_of=as_of,
        horizon=horizon,
        sheet=sheet,
    )
    if study.table is not None and not columnar:
        study = replace(study, sites=tuple(study.table.sites()))
    if wb_values is not None and weights_from is not None:
        # facts edited in the What-if sheet are not read back: refuse rather than rank
        # silently with the study's facts (docs/reference.md, --weights-from)
        from .matrix import build_matrix
        from .report.readback import whatif_fact_edits

        edits = whatif_fact_edits(weights_from, wb_values, build_matrix(study), study)
        if edits:
            raise ValidationError(edits)
    from .atomic import checkpoint

    checkpoint("loaded")
    return replace(study, notes=(*study.notes, *notes)) if notes else study


def _fmt_score(x: float) -> str:
    return f"{x:.4f}"


def ranking_headline(ranking):  # type: ignore[no-untyped-def]
    """The ranking's headline (the built-only ranking computed beside it when plans are used)."""
    from .headline import built_alongside, headline

    built, why = built_alongside(ranking)
    return headline(ranking, built, why)


EXCLUDED_LISTED = 50  # screened-out sites listed under a table of the best K (--top)


def print_ranking_table(  # type: ignore[no-untyped-def]
    ranking, out=None, title: str | None = None, head=None, top: int | None = None
) -> None:
    """The ranking as a table (its best ``top`` sites only, when given), the headline, the
    weights and the notes."""
    from rich.table import Table

    out_console = out or console()
    res = ranking.output
    t = Table(title=title, title_justify="left")
    iv = ranking.intervals
    t.add_column("rank", justify="right")
    if iv is not None:
        t.add_column("could rank" if iv.exact else "could rank (sampled)", justify="right")
    t.add_column("site")
    t.add_column("name")
    t.add_column(
        f"{ranking.info.score_label}{'' if res.higher_is_better else ' (lower is better)'}",
        justify="right",
    )
    keys = list(res.details)
    for k in keys:
        t.add_column(k, justify="right")
    for d in ranking.rows(top):
        extra = []
        if iv is not None:
            lo, hi = int(d["rank_best"]), int(d["rank_worst"])
            extra = [f"{lo}" if lo == hi else f"{lo}-{hi}"]
        t.add_row(
            str(d["rank"]),
            *extra,
            d["site"],
            d["name"],
            _fmt_score(d["score"]),
            *[_fmt_score(d[k]) for k in keys],
        )
    out_console.print(t)
    if head is not None:
        from .headline import headline_sentences

        for sentence in headline_sentences(head):
            out_console.print(sentence)
    w = ", ".join(f"{k} {v:.3f}" for k, v in ranking.matrix.weight_of.items())
    m = ranking.method.as_dict()
    out_console.print(f"method: {m.pop('name')} {m if m else ''}".rstrip())
    out_console.print(f"weights ({ranking.study.weight_source}): {w}")
    if iv is not None and iv.uncertain:
        out_console.print(
            f"could rank: best..worst rank with these weights while {iv.uncertain} uncertain "
            f"fact{'s' if iv.uncertain != 1 else ''} (ranges, unknowns) move within their ranges; "
            + ("exact" if iv.exact else iv.how)
        )
    n = ranking.ranked_count
    if top is not None and n > top:
        out_console.print(f"ranked: {n:,} sites; the best {top} are shown (--top)")
    excluded = ranking.matrix.excluded
    listed = excluded if top is None else excluded[:EXCLUDED_LISTED]
    for sid, reason in listed:
        out_console.print(f"excluded: {sid}: {reason}")
    if len(listed) < len(excluded):
        out_console.print(
            f"excluded: {len(excluded) - len(listed):,} more sites are screened out "
            "(rank --format json lists them all)"
        )
    for warning in (*ranking.study.notes, *ranking.matrix.warnings):
        out_console.print(f"note: {warning}")
