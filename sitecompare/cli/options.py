"""Every option more than one command takes, declared once and applied by decorators, and the
study the study options describe (:func:`load_from_options`).

The help texts are those each command has always shown: the commands that predate site tables
(``validate``, ``sites``) keep their short ``--sites`` help, the weights commands and ``app``
theirs; the variants are named here, beside the one declaration of each option.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from functools import wraps
from pathlib import Path
from typing import Any

import click

from ..errors import Issue, ValidationError
from ..model import HORIZONS, MethodSpec, Study

__all__ = [
    "sites_option",
    "criteria_option",
    "sheet_option",
    "as_of_option",
    "format_option",
    "choice_option",
    "shown_option",
    "apply_options",
    "study_options",
    "StudyOptions",
    "engine_options",
    "parse_date",
    "parse_param_value",
    "method_from_options",
    "load_from_options",
]

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]

SITES_HELP = (
    "Folder of site profiles, or a site table: .csv, .xlsx, .parquet or a Parquet dataset folder, "
    "with its sidecar TABLE.meta.yaml [default: ./sites, else the shipped sites]."
)
SITES_HELP_SHORT = "Folder of site profiles."
SITES_HELP_DEFAULT = "Folder of site profiles [default: ./sites, else the shipped sites]."
CRITERIA_HELP = "Criteria file [default: ./criteria/default.yaml, else the shipped set]."
CRITERIA_HELP_SHORT = "Criteria file."
CRITERIA_HELP_CHECK = "Check the ids against this criteria file."
SHEET_HELP = "The sheet of an .xlsx site table [default: the first]."
SHEET_HELP_SHORT = "The sheet of an .xlsx site table."
SHEET_HELP_IMPORT = "The sheet of an .xlsx table [default: the first]."


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """The ``--as-of`` callback: the ISO date given, or None."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date like 2026-11-23, got {value!r}") from None


def sites_option(help: str = SITES_HELP) -> Decorator:
    """``--sites``: a folder of profiles or a site table (None: ``./sites``, else shipped)."""
    return click.option("--sites", "sites", type=click.Path(path_type=Path), default=None, help=help)


def criteria_option(help: str = CRITERIA_HELP) -> Decorator:
    """``--criteria``: a criteria file (None: ``./criteria/default.yaml``, else shipped)."""
    return click.option("--criteria", "criteria", type=click.Path(path_type=Path), default=None, help=help)


def sheet_option(help: str = SHEET_HELP) -> Decorator:
    """``--sheet``: the sheet of an .xlsx site table."""
    return click.option("--sheet", default=None, metavar="NAME", help=help)


def as_of_option() -> Decorator:
    """``--as-of``: the date fact ages are measured from."""
    return click.option(
        "--as-of",
        "as_of",
        default=None,
        callback=parse_date,
        metavar="DATE",
        help="Date that fact ages are measured from [default: today].",
    )


def format_option(*choices: str) -> Decorator:
    """``--format``: the first of ``choices`` by default."""
    return click.option(
        "--format", "fmt", type=click.Choice(list(choices)), default=choices[0], show_default=True
    )


def shown_option(flag: str, type: click.ParamType, default: Any, help: str) -> Decorator:
    """An option of ``type`` whose ``default`` ``--help`` shows."""
    return click.option(flag, type=type, default=default, show_default=True, help=help)


def top_option(default: int, help: str) -> Decorator:
    """``--top K`` (a whole number >= 1, ``default`` shown in ``--help``)."""
    return click.option(
        "--top", type=click.IntRange(min=1), default=default, show_default=True, metavar="K", help=help
    )


def choice_option(flag: str, choices: Sequence[str], default: str, help: str) -> Decorator:
    """An option taking one of ``choices`` (``default`` shown in ``--help``)."""
    return shown_option(flag, click.Choice(list(choices)), default, help)


def apply_options(fn: Callable[..., Any], opts: list[Decorator]) -> Callable[..., Any]:
    """Apply ``opts`` so that ``--help`` lists them in this order."""
    for o in reversed(opts):
        fn = o(fn)
    return fn


@dataclass(frozen=True)
class StudyOptions:
    """The options that describe a study (:func:`study_options`), as given."""

    sites: Path | None = None
    sheet: str | None = None
    criteria: Path | None = None
    scenario: str | None = None
    weights: str | None = None
    weights_from: Path | None = None
    method: str | None = None
    params: tuple[str, ...] = ()
    as_of: dt.date | None = None
    horizon: str = "planned"


def study_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The options of the commands that rank a study (rank, compare, sensitivity), handed to
    ``fn`` as one :class:`StudyOptions` (``options``)."""

    @wraps(fn)
    def with_study(*args: Any, **kw: Any) -> Any:
        options = StudyOptions(**{f.name: kw.pop(f.name) for f in fields(StudyOptions)})
        return fn(*args, options=options, **kw)

    return apply_options(
        with_study,
        [
            sites_option(),
            sheet_option(),
            criteria_option(),
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
            as_of_option(),
            choice_option(
                "--horizon",
                HORIZONS,
                "planned",
                "planned: plans count as if built; built: a fact with status: plan is treated "
                "as missing (compare what exists).",
            ),
        ],
    )


def engine_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--engine numpy|dask`` and ``--scheduler ADDRESS`` (sitecompare.engines)."""
    return apply_options(
        fn,
        [
            choice_option(
                "--engine",
                ("numpy", "dask"),
                "numpy",
                "numpy: in this process; dask: a Parquet site table larger than memory, on a "
                "Dask cluster (pip install 'sitecompare[dask]').",
            ),
            click.option(
                "--scheduler",
                default=None,
                metavar="ADDRESS",
                help="A Dask scheduler to run on, e.g. tcp://10.0.0.5:8786 [default: a local cluster].",
            ),
        ],
    )


def parse_param_value(v: str) -> Any:
    """A ``--param`` value: an int, else a float, else the text."""
    for kind in (int, float):
        with contextlib.suppress(ValueError):
            return kind(v)
    return v


def method_from_options(
    method: str | None, params: tuple[str, ...], base: MethodSpec | None
) -> tuple[MethodSpec | None, list[Issue]]:
    """The MethodSpec of ``--method NAME`` and ``--param KEY=VALUE`` on top of ``base``, the
    criteria file's method (its parameters carry over when the name is the same; None when the
    file did not load: then wsm's defaults). ``(None, [])`` when neither option is given."""
    from ..methods import validate_method

    if not method and not params:
        return None, []
    start = base if base is not None else MethodSpec("wsm", {})
    raw: dict[str, Any] = {"name": method or start.name}
    if base is not None and raw["name"] == base.name:
        raw.update(base.params)
    issues: list[Issue] = []
    for p in params:
        if "=" not in p:
            issues.append(Issue("--param", p, "expected KEY=VALUE"))
            continue
        k, v = p.split("=", 1)
        raw[k.strip()] = parse_param_value(v.strip())
    spec, problems = validate_method(raw)
    issues += [
        Issue("--method" if f == "name" else "--param", f if f != "name" else "", m) for f, m in problems
    ]
    return spec, issues


def load_from_options(options: StudyOptions, columnar: bool = False) -> Study:
    """The Study the options describe (shared by rank, compare, sensitivity).

    A site table stays a table held by column with ``columnar`` (rank, compare: the matrix is
    built from its columns); otherwise its rows become sites, as if they were profiles."""
    from ..study import default_paths, load_criteria, load_study, workbook_weights

    o = options
    spec = None
    issues: list[Issue] = []
    criteria_file = default_paths(o.sites, o.criteria)[1]
    if o.method or o.params:
        cs, _ = load_criteria(criteria_file)
        spec, issues = method_from_options(o.method, o.params, cs.method if cs is not None else None)
    wb = None
    if o.weights_from is not None:
        wb = workbook_weights(o.weights_from, criteria_file, o.weights)
        issues.extend(wb.issues)
    if issues:
        raise ValidationError(issues)
    study = load_study(
        o.sites,
        o.criteria,
        scenario=o.scenario,
        weights=wb.weights if wb is not None else o.weights,
        weights_origin=wb.origin if wb is not None else "--weights",
        method=spec,
        as_of=o.as_of,
        horizon=o.horizon,
        sheet=o.sheet,
    )
    if study.table is not None and not columnar:
        study = replace(study, sites=tuple(study.table.sites()))
    if wb is not None:
        study = wb.check(study)
    from ..atomic import checkpoint

    checkpoint("loaded")
    return study
