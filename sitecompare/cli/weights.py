"""``sitecompare weights ...``: derive criterion weights and optionally save them as a scenario.

Mounted by :mod:`sitecompare.cli`. Every sub-command prints a table (rich) or, with
``--format json``, one JSON object on stdout; ``--into FILE --scenario NAME`` also writes the
weights (4 decimals, summing to 1) with their provenance into a criteria file, keeping its comments,
and says ``wrote scenario 'NAME' to FILE`` or, when a scenario of that name was there (the natural
re-run of a workshop), ``replaced scenario 'NAME' in FILE``: on stdout after the table, on stderr
with ``--format json`` (stdout then holds the JSON object only).
Bad input raises ValidationError: one ``FILE: FIELD: message`` line per problem, exit 1. The files
named on the command line are checked first (missing, unreadable, not a regular file), one line
each, before anything else is read or counted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any

import click

from ..errors import Issue, ValidationError, display_path
from ..files import NotRegularFile, file_problem, not_regular, open_regular, os_problem
from ..weights.ri import RI_TABLES
from .common import CONTEXT, console, handle_errors
from .options import (
    CRITERIA_HELP_CHECK,
    SITES_HELP_DEFAULT,
    Decorator,
    apply_options,
    criteria_option,
    format_option,
    sites_option,
)

__all__ = ["weights"]


@dataclass(frozen=True)
class _Output:
    """Where a weights command's result goes: ``--format``, and ``--into FILE --scenario NAME``
    (``--description``) to save it as a scenario."""

    fmt: str
    into: Path | None
    scenario: str | None
    description: str | None

    def emit(
        self, result: Any, table: Callable[[Any], None], provenance: dict[str, Any] | None = None
    ) -> None:
        """Save ``result``'s weights as the scenario (when asked), then print the result: JSON,
        or ``table(result)``; then say what was written."""
        replaced = False
        if self.into is not None and self.scenario is not None:
            from ..weights.scenario_io import write_scenario

            replaced = write_scenario(
                self.into,
                self.scenario,
                dict(result.weights),
                provenance if provenance is not None else result.to_provenance(),
                description=self.description,
            )
        if self.fmt == "json":
            click.echo(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2))
        else:
            table(result)
        if self.into is not None:
            done = "replaced scenario {!r} in {}" if replaced else "wrote scenario {!r} to {}"
            click.echo(done.format(self.scenario, display_path(self.into)), err=self.fmt == "json")


def _out_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--format``, ``--into``, ``--scenario`` and ``--description``, handed to ``fn`` as one
    :class:`_Output` (``out``); ``--into`` and ``--scenario`` go together."""

    @wraps(fn)
    def with_output(
        *args: Any, fmt: str, into: Path | None, scenario: str | None, description: str | None, **kw: Any
    ) -> Any:
        if (into is None) != (scenario is None):
            raise click.UsageError("--into and --scenario go together")
        return fn(*args, out=_Output(fmt, into, scenario, description), **kw)

    return apply_options(
        with_output,
        [
            format_option("table", "json"),
            click.option(
                "--into",
                type=click.Path(path_type=Path),
                default=None,
                metavar="FILE",
                help="Criteria file to write the weights into as a named scenario.",
            ),
            click.option(
                "--scenario",
                default=None,
                metavar="NAME",
                help="Scenario name for --into (added, or replaced if it exists).",
            ),
            click.option("--description", default=None, help="Scenario description for --into."),
        ],
    )


def _ri_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--ri-table",
        "ri_table",
        type=click.Choice(list(RI_TABLES)),
        default=None,
        help="Random-index table for CR [default: the file's ri_table, else saaty].",
    )(fn)


def _file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as an input file, in the criteria loader's words, or None."""
    problem = file_problem(path, pattern_hint=True)
    if problem is None:  # a regular file: can it be opened? (non-blocking, were it swapped)
        try:
            open_regular(path).close()
        except NotRegularFile as exc:
            return not_regular(exc.mode)
        except OSError as exc:
            return os_problem(exc)
    return problem


def _check_files(*paths: Path | None) -> None:
    """One line for each named file that is missing or unreadable (each problem once)."""
    issues: list[Issue] = []
    for p in paths:
        if p is None:
            continue
        problem = _file_problem(p)
        issue = Issue(display_path(p), "", problem) if problem else None
        if issue is not None and issue not in issues:
            issues.append(issue)
    if issues:
        raise ValidationError(issues)


def _f(x: float | None, nd: int = 4) -> str:
    return "-" if x is None else f"{x:.{nd}f}"


def _weights_table(
    weights: Any,
    title: str,
    extra: dict[str, dict[str, str]] | None = None,
    caption: str | None = None,
) -> None:
    from rich.table import Table

    t = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
    t.add_column("criterion")
    t.add_column("weight", justify="right")
    t.add_column("")
    cols = list(next(iter(extra.values())).keys()) if extra else []
    for c in cols:
        t.add_column(c, justify="right")
    top = max(weights.values()) if weights else 1.0
    for c, w in sorted(weights.items(), key=lambda kv: -kv[1]):
        bar = "#" * max(1, round(20 * w / top)) if top > 0 and w > 0 else ""
        t.add_row(c, _f(w), bar, *[(extra or {}).get(c, {}).get(k, "") for k in cols])
    console().print(t)


def _consistency_lines(r: Any) -> None:
    con = console()
    verdict = "consistent" if r.consistent else "INCONSISTENT (CR > 0.1)"
    where = (
        f" (least consistent group: {r.consistency_group})"
        if hasattr(r, "consistency_group")
        else ""
    )
    con.print(
        f"lambda_max {r.lambda_max:.4f}  CI {r.ci:.4f}  RI {r.ri:.2f} ({r.ri_table})  "
        f"CR {r.cr:.4f}: {verdict}{where}"
    )
    if r.missing_pairs:
        con.print(
            "missing pairs (completed by Harker's method): "
            + ", ".join(f"{a}/{b}" for a, b in r.missing_pairs)
        )
    if r.worst_judgments:
        from rich.table import Table

        t = Table(title="Judgments to revisit", title_justify="left")
        for h in ("field", "pair", "given", "consistent", "suggest", "CR then"):
            t.add_column(h, justify="right" if h in ("given", "consistent", "CR then") else "left")
        from ..weights.judgments import format_ratio

        for w in r.worst_judgments:
            t.add_row(
                w.field,
                f"{w.a} over {w.b}",
                w.given_text,
                f"{w.consistent_value:.3g}",
                format_ratio(w.suggested),
                _f(w.cr_if_suggested),
            )
        con.print(t)
    for msg in r.warnings:
        con.print(f"warning: {msg}")


@click.group(context_settings=CONTEXT)
def weights() -> None:
    """Derive criterion weights: AHP, group AHP, ROC, swing, points, entropy, CRITIC.

    \b
    Examples:
      sitecompare weights ahp judgments.yaml
      sitecompare weights group workshop/participant-*.yaml --into criteria/default.yaml --scenario workshop
      sitecompare weights roc talent compute,power transport funding land cluster
      sitecompare weights swing compute=100 talent=80 power=60 transport=30 land=10
      sitecompare weights entropy --sites sites --criteria criteria/default.yaml
    """


@weights.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@_ri_option
@_out_options
@handle_errors
def ahp(file: Path, ri_table: str | None, out: _Output) -> None:
    """AHP weights from one judgment file (matrix, judgments or a hierarchy of groups)."""
    from ..weights.ahp import HierarchyResult, ahp_from_file

    _check_files(file, out.into)
    r = ahp_from_file(file, ri_table)

    def table(res: Any) -> None:
        extra = None
        if isinstance(res, HierarchyResult):
            parent = {c: g for g, gr in res.groups.items() for c in gr.criteria}
            extra = {
                c: {"group": parent[c], "local": _f(res.groups[parent[c]].weights[c])}
                for c in res.leaves
            }
        _weights_table(res.weights, f"AHP weights: {display_path(file)}", extra)
        _consistency_lines(res)

    out.emit(r, table)


@weights.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_ri_option
@_out_options
@handle_errors
def group(files: tuple[Path, ...], ri_table: str | None, out: _Output) -> None:
    """Group AHP: geometric mean of several participants' judgment files."""
    from rich.table import Table

    from ..weights.group import group_ahp

    _check_files(*files, out.into)
    g = group_ahp(list(files), ri_table)

    def table(res: Any) -> None:
        _weights_table(res.weights, f"Group AHP weights ({len(res.participants)} participants)")
        _consistency_lines(res.result)
        t = Table(title="Participants", title_justify="left")
        for h in ("participant", "file", "CR", "distance", "max diff", "Kendall tau"):
            t.add_column(h, justify="left" if h in ("participant", "file") else "right")
        for p in res.participants:
            flag = "" if p.result.consistent else " !"
            t.add_row(
                p.name,
                display_path(p.source),
                _f(p.result.cr) + flag,
                _f(p.euclidean),
                _f(p.max_abs),
                _f(p.kendall_tau, 3),
            )
        console().print(t)
        if res.disagreements:
            d = Table(title="Largest disagreements", title_justify="left")
            for h in ("pair", "judgments (a over b)", "geometric mean", "spread"):
                d.add_column(h)
            from ..weights.judgments import format_ratio

            for x in res.disagreements:
                d.add_row(
                    f"{x.a}/{x.b}",
                    ", ".join(f"{p}: {format_ratio(v)}" for p, v in x.values),
                    f"{x.geometric_mean:.3g}",
                    f"x{x.spread:.3g}",
                )
            console().print(d)

    out.emit(g, table)


def _check_ids(ids: list[str], criteria: Path | None, into: Path | None, origin: str) -> None:
    path = criteria or into
    if path is None:
        return
    from ..study import load_criteria

    cs, issues = load_criteria(path)
    if cs is None:
        raise ValidationError(issues)
    bad = [
        Issue(
            origin,
            c,
            f"unknown criterion {c!r} (criteria in {display_path(path)}: {', '.join(cs.ids)})",
        )
        for c in ids
        if c not in cs.ids
    ]
    if bad:
        raise ValidationError(bad)


def _order(order: tuple[str, ...]) -> list[Any]:
    """An order given on the command line: tied criteria joined with commas form a group."""
    return [o.split(",") if "," in o else o for o in order]


def _points(points: tuple[str, ...]) -> dict[str, float]:
    """``CRITERION=POINTS`` arguments as a mapping; every malformed one is reported."""
    pts: dict[str, float] = {}
    issues = []
    for p in points:
        k, sep, v = p.partition("=")
        if not sep or not k.strip():
            issues.append(Issue("command line", p, "expected CRITERION=POINTS"))
            continue
        try:
            pts[k.strip()] = float(v)
        except ValueError:
            issues.append(Issue("command line", k.strip(), f"expected a number of points, got {v!r}"))
    if issues:
        raise ValidationError(issues)
    return pts


def _elicitation_command(
    name: str, fn_name: str, doc: str, argument: Decorator, parse: Callable[[tuple[str, ...]], Any]
) -> click.Command:
    """A command of :mod:`sitecompare.weights.elicitation`: ``fn_name`` applied to its
    arguments (``argument``, read by ``parse``), ids checked against ``--criteria``."""

    @argument
    @criteria_option(CRITERIA_HELP_CHECK)
    @_out_options
    @handle_errors
    def cmd(args: tuple[str, ...], criteria: Path | None, out: _Output) -> None:
        from ..weights import elicitation

        _check_files(criteria, out.into)
        r = getattr(elicitation, fn_name)(parse(args), source="command line")
        _check_ids(list(r.weights), criteria, out.into, "command line")
        out.emit(r, lambda res: _weights_table(res.weights, f"{name} weights", caption=res.reference))

    cmd.__doc__ = doc
    return click.command(name, context_settings=CONTEXT)(cmd)


_ORDER = click.argument("args", nargs=-1, required=True, metavar="ORDER...")
_POINTS = click.argument("args", nargs=-1, required=True, metavar="CRITERION=POINTS...")
_ELICITATION = (
    (
        "roc",
        "roc_weights",
        "Rank-order centroid weights from an order, most important first.\n\n"
        "Tied criteria are joined with commas: `roc talent compute,power transport`.",
        _ORDER,
        _order,
    ),
    (
        "rank-sum",
        "rank_sum_weights",
        "Rank-sum weights from an order, most important first (ties joined with commas).",
        _ORDER,
        _order,
    ),
    (
        "swing",
        "swing_weights",
        "Swing weights: the most important worst-to-best swing scores 100, others 0-100.",
        _POINTS,
        _points,
    ),
    ("points", "points_weights", "Direct points for each criterion, normalised to sum 1.", _POINTS, _points),
)
for _spec in _ELICITATION:
    weights.add_command(_elicitation_command(*_spec))


def _objective_command(name: str) -> click.Command:
    @sites_option(SITES_HELP_DEFAULT)
    @criteria_option()
    @_out_options
    @handle_errors
    def cmd(sites: Path | None, criteria: Path | None, out: _Output) -> None:
        from ..matrix import build_matrix
        from ..study import default_paths, load_study
        from ..weights.objective import critic_weights, entropy_weights

        _check_files(out.into)  # --sites and --criteria: load_study reports both together
        sdir, cpath = default_paths(sites, criteria)
        study = load_study(sites, criteria)
        dm = build_matrix(study)
        src = display_path(sdir)
        if name == "entropy":
            r = entropy_weights(dm.X, dm.criterion_ids, alternatives=dm.site_ids, source=src)
        else:
            r = critic_weights(
                dm.X, dm.benefit, dm.criterion_ids, alternatives=dm.site_ids, source=src
            )
        prov = r.to_provenance()
        prov["criteria_file"] = display_path(cpath)
        imputed = sorted({c.criterion for c in dm.cells.values() if c.imputed})
        if imputed:
            prov["imputed_criteria"] = imputed

        def table(res: Any) -> None:
            key = "entropy" if name == "entropy" else "std"
            extra = {c: {key: _f(res.details[key][c])} for c in res.criteria}
            _weights_table(
                res.weights, f"{name} weights from {len(res.alternatives)} sites in {src}", extra
            )
            if res.constant:
                console().print("same value at every site (weight 0): " + ", ".join(res.constant))
            if imputed:
                console().print(
                    "note: missing values were imputed for "
                    + ", ".join(imputed)
                    + " (the criteria's missing policy); they shape these weights too"
                )

        out.emit(r, table, provenance=prov)

    cmd.__doc__ = (
        "Shannon-entropy weights from the sites' data (shares of raw values)."
        if name == "entropy"
        else "CRITIC weights from the sites' data (Diakoulaki et al. 1995)."
    )
    return click.command(name, context_settings=CONTEXT)(cmd)


weights.add_command(_objective_command("entropy"))
weights.add_command(_objective_command("critic"))
