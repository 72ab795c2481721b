"""The steps of building a decision matrix that every builder shares, written once.

:mod:`sitecompare.matrix` (site profiles, site by site), :mod:`sitecompare.tables.matrix` (a
site table, column by column) and the Dask engine follow the same order of operations (the
docstring of :mod:`sitecompare.matrix`) and must say the same things: which facts are not
comparable, which criteria sit out for coverage, why a site is screened out, what a missing
value is imputed with, which values lie outside a criterion's anchors.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence

import numpy as np

from .decision_matrix import ExcludedCriterion, NotComparable
from .errors import Issue
from .hints import closest
from .model import CriteriaSet, Criterion, Fact

__all__ = [
    "fmt_number",
    "pct",
    "not_comparable",
    "apply_coverage",
    "coverage_reason",
    "sits_out",
    "all_weighted_out",
    "bound_reason",
    "missing_error",
    "exclude_site_reason",
    "plausible_range",
    "impute",
    "clipped_warning",
    "not_comparable_warnings",
    "normalised_weights",
    "SAME_VALUE",
]


def fmt_number(x: float) -> str:
    """A value as the messages show it: 6 significant digits, thousands separated."""
    return f"{x:,.6g}"


def pct(x: float) -> str:
    """A share as a whole percentage, ``"25%"``."""
    return f"{100 * x:.0f}%"


def not_comparable(c: Criterion, fact: Fact, horizon: str) -> str | None:
    """Why ``fact`` cannot be compared on criterion ``c`` (None: it can)."""
    if not c.accepts_scope(fact.scope):
        accepted = ", ".join(c.scopes or ())
        if fact.scope is None:
            return f"no scope recorded; criterion {c.id} compares only {accepted}"
        hint = closest(fact.scope, c.scopes or ())
        did = f" (did you mean {hint!r}?)" if hint else ""
        return f"scope {fact.scope!r}{did} is not one criterion {c.id} compares ({accepted})"
    if horizon == "built" and fact.status == "plan":
        return "a plan (status: plan); horizon built compares only what exists"
    return None


def coverage_reason(c: Criterion, usable: int, n_all: int, need: float) -> str:
    """Why criterion ``c`` sits out: how many of the ``n_all`` sites have a comparable fact."""
    share = usable / n_all if n_all else 0.0
    verb = "has" if usable == 1 else "have"
    has = "no site has" if usable == 0 else f"only {usable} of {n_all} sites {verb}"
    return f"{has} a comparable {c.fact} ({pct(share)}; min_coverage {pct(need)})"


def sits_out(x: ExcludedCriterion) -> str:
    """The warning for a criterion that sits out for coverage."""
    return (
        f"criterion {x.criterion} sits out: {x.reason}; its weight ({pct(x.weight)}) is shared "
        "among the others in proportion"
    )


def all_weighted_out(path: str, out: Sequence[ExcludedCriterion]) -> Issue:
    """The issue when every criterion with a weight sits out."""
    return Issue(
        path,
        "min_coverage",
        "every weighted criterion sits out ("
        + ", ".join(x.criterion for x in out)
        + "); the criteria left have weight 0",
    )


def apply_coverage(
    cs: CriteriaSet,
    usable_of: Callable[[Criterion], int],
    n_all: int,
    shares: Mapping[str, float],
    set_aside: Sequence[NotComparable],
) -> tuple[list[Criterion], list[ExcludedCriterion], Issue | None]:
    """Step 3: (the criteria that take part, those that sit out, the issue when none is left
    to weigh). ``usable_of(c)``: how many of the ``n_all`` sites have a comparable fact."""
    sitting_out: list[ExcludedCriterion] = []
    crits: list[Criterion] = []
    for c in cs.criteria:
        usable = usable_of(c)
        share = usable / n_all if n_all else 0.0
        need = cs.min_coverage if c.min_coverage is None else c.min_coverage
        if not (n_all and share < need):
            crits.append(c)
            continue
        why = coverage_reason(c, usable, n_all, need)
        lost = sum(1 for x in set_aside if x.criterion == c.id)
        if lost:
            why += f"; {lost} more {'has' if lost == 1 else 'have'} one that is not comparable"
        weight = float(shares.get(c.id, 0.0))
        sitting_out.append(ExcludedCriterion(c.id, share, usable, n_all, need, weight, why))
    if sitting_out and not crits:
        every = "; ".join(f"{x.criterion}: {x.reason}" for x in sitting_out)
        return crits, sitting_out, Issue(cs.path, "min_coverage", "every criterion sits out: " + every)
    if sitting_out and not any(shares.get(c.id, 0.0) > 0 for c in crits):
        return crits, sitting_out, all_weighted_out(cs.path, sitting_out)
    return crits, sitting_out, None


def bound_reason(c: Criterion, value: float, below: bool) -> str:
    """Why a site with ``value`` on ``c`` is screened out by the criterion's bounds."""
    limit, where = (c.bounds_min, "below the minimum") if below else (c.bounds_max, "above the maximum")
    shown = fmt_number(limit) if limit is not None else "?"
    return f"{c.fact} = {fmt_number(value)} {c.unit} is {where} {shown} {c.unit} (criterion {c.id})"


def missing_error(c: Criterion, path: str, lost: str | None) -> str:
    """The issue text for a missing fact under ``missing: error`` (``lost``: why a fact the
    site does have is not comparable, if so)."""
    return (
        ("not comparable: " + lost if lost else "missing")
        + f", and criterion {c.id!r} ({path}) has missing: error "
        "(add the fact, or set missing: interval, worst, median or exclude-site)"
    )


def exclude_site_reason(c: Criterion, lost: bool) -> str:
    """Why a site is screened out under ``missing: exclude-site``."""
    return (
        f"no {'comparable ' if lost else ''}fact {c.fact!r} "
        f"(criterion {c.id} has missing: exclude-site)"
    )


def plausible_range(c: Criterion) -> tuple[float, float]:
    """The ``plausible`` range of a ``missing: interval`` criterion (validation requires one)."""
    if c.plausible_min is None or c.plausible_max is None:
        raise ValueError(f"criterion {c.id} has missing: interval but no plausible range")
    return float(c.plausible_min), float(c.plausible_max)


def impute(
    c: Criterion, names: str, observed: np.ndarray, donors: Callable[[float], str]
) -> tuple[float, tuple[float, float] | None, str]:
    """Step 5 for criterion ``c``'s missing cells: (the value the point ranking uses, the range
    an unknown value may lie in or None, the warning). ``names``: the sites missing it;
    ``observed``: the values the kept sites have; ``donors(fill)``: the sites having ``fill``."""
    if c.missing == "interval":
        lo_p, hi_p = plausible_range(c)
        fill = lo_p if c.direction == "max" else hi_p
        return (
            fill,
            (lo_p, hi_p),
            f"criterion {c.id}: {c.fact} unknown for {names}; missing: interval "
            f"lets it lie anywhere in {fmt_number(lo_p)}..{fmt_number(hi_p)} {c.unit} "
            f"(rank intervals), the point ranking takes {fmt_number(fill)}".rstrip(),
        )
    value: float | None = None
    borrowed = ""
    if c.missing == "worst":
        if c.has_scale and c.scale_worst is not None:
            value = float(c.scale_worst)
        elif len(observed):
            value = float(observed.min() if c.direction == "max" else observed.max())
            who = donors(value)
            borrowed = f", the value of {who} (pessimistic)" if who else ""
    elif c.missing == "median" and len(observed):
        value = float(np.median(observed))
    if value is None:
        return 0.0, None, (
            f"criterion {c.id}: no site in the comparison has {c.fact!r}; it does not discriminate"
        )
    return value, None, (
        f"criterion {c.id}: {c.fact} missing for {names}; "
        f"missing: {c.missing} uses {fmt_number(value)} {c.unit}{borrowed}".rstrip()
    )


def clipped_warning(c: Criterion, names: str, count: int) -> str:
    """The warning for ``count`` sites (``names``) outside criterion ``c``'s anchors."""
    anchors = c.anchors
    lo_a, hi_a = anchors if anchors is not None else (np.nan, np.nan)
    what = "scale" if c.has_scale else "plausible range"
    end = "anchor" if c.has_scale else "end"
    verbs = ("lie", "count") if count > 1 else ("lies", "counts")
    return (
        f"criterion {c.id}: {names} {verbs[0]} outside the {what} "
        f"{fmt_number(lo_a)}..{fmt_number(hi_a)} {c.unit} and {verbs[1]} as the nearest {end}"
    )


SAME_VALUE = "criterion {}: all sites have the same value; it does not discriminate"


def not_comparable_warnings(
    set_aside: Sequence[NotComparable],
    sitting_out: Sequence[ExcludedCriterion],
    excluded: Container[str],
) -> list[str]:
    """One warning per fact set aside, unless its criterion sits out or its site is screened."""
    out = {x.criterion for x in sitting_out}
    return [
        f"not comparable: {x.site} {x.fact} on criterion {x.criterion}: {x.reason}"
        for x in set_aside
        if x.criterion not in out and x.site not in excluded
    ]


def normalised_weights(shares: Mapping[str, float], crits: Sequence[Criterion]) -> np.ndarray:
    """The weights of the criteria that take part, normalised to sum 1 (the sum is > 0: the
    coverage step refuses a set whose weighted criteria all sit out)."""
    w = np.array([shares[c.id] for c in crits], dtype=float)
    out: np.ndarray = w / w.sum()
    return out
