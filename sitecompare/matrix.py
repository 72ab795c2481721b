"""Study -> decision matrix: like with like, unit conversion, coverage, bounds, missing values.

Order of operations (documented in docs/reference.md, docs/defensible-comparisons.md and the
workbook's Summary and Data quality sheets):

1. **like with like**: a fact whose ``scope`` the criterion does not accept (its ``scopes``
   list), or, under ``horizon: built``, a ``status: plan`` fact, is *not comparable*: it is
   treated as missing and listed with the reason (:class:`NotComparable`);
2. each remaining fact is converted to the criterion's unit (an incompatible unit, or money
   without a rate, is an error in the site file);
3. **coverage**: a criterion that fewer than ``min_coverage`` of the study's sites can use
   sits out of the ranking (:class:`ExcludedCriterion`); the weights of the criteria that take
   part are normalised again, so a sitting-out criterion's weight is shared among them in
   proportion;
4. **bounds** screen sites out (a site whose point value lies outside ``bounds`` is excluded,
   with the reason; bounds are hard constraints and screen even on a criterion that sits out);
   a missing value cannot be screened and falls to step 5;
5. **missing** values: ``error`` (default) is an error naming the site file and fact;
   ``exclude-site`` excludes the site with the reason; ``worst`` (pessimistic: the worst value
   another site has, or the scale's ``worst`` anchor) and ``median`` impute from the values of
   the sites still in the comparison; ``interval`` leaves the value unknown anywhere within the
   criterion's ``plausible`` range: the cell's ``low``/``high`` are that range (the rank
   intervals and the SMAA samples move it there) and the point ranking takes its worst end
   (no credit without evidence; never a rival's value);
6. a ranged fact (``low``/``high``) enters at its point value (the midpoint unless ``value`` is
   given); the range is kept for the rank intervals and the sensitivity analysis.
"""

from __future__ import annotations

import atexit
import datetime as dt
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace

import numpy as np

from .decision_matrix import Cell, DecisionMatrix, ExcludedCriterion, NotComparable
from .errors import Issue
from .gcpause import gc_paused
from .matrix_steps import (
    SAME_VALUE,
    all_weighted_out,
    apply_coverage,
    bound_reason,
    clipped_warning,
    exclude_site_reason,
    impute,
    missing_error,
    normalised_weights,
    not_comparable,
    not_comparable_warnings,
    sits_out,
)
from .model import Criterion, Site, Study
from .units import UnitError, conversion_factor, tidy

__all__ = [
    "Cell",
    "DecisionMatrix",
    "NotComparable",
    "ExcludedCriterion",
    "build_matrix",
    "collect_matrix_issues",
]


def _years_between(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def collect_matrix_issues(study: Study) -> list[Issue]:
    """Every unit and missing-value problem of the study. The matrix built on the way is kept
    (see ``build_matrix``), so that loading a study and ranking it builds it once."""
    if study.table is not None and not study.sites:
        from .tables.matrix import table_matrix_issues

        return table_matrix_issues(study)
    dm, issues = _build(study)
    if dm is not None and not issues:
        _keep(study, dm)
    return issues


# The matrix of a study re-weighted by ``study.with_weights`` (the same ``sites`` and
# ``criteria_set`` objects, other weights) differs only where the weights show: the weight
# vector, each sitting-out criterion's share, and the sentence saying it. Everything else
# (conversions, scope and horizon, coverage, bounds, imputation) is kept from the last few
# matrices built, so a weights page or a scenario table re-weights a 1,000-site study in
# milliseconds instead of rebuilding it. The kept arrays are read-only.
_KEPT = 4
_Key = tuple[int, int, str, dt.date, str]  # sites, criteria set, horizon, as of, dir
_kept: OrderedDict[_Key, tuple[Study, DecisionMatrix]] = OrderedDict()
_kept_lock = threading.Lock()


@atexit.register
def _let_go() -> None:
    """At exit, the kept matrices (and the studies they hold) are let go first: freed by
    reference counting (nothing in them is a cycle) in a tenth of a second, rather than walked
    by each of the interpreter's last collections (10,000 sites: most of a second)."""
    with _kept_lock:
        _kept.clear()


def _key(study: Study) -> _Key:
    return (
        id(study.sites),
        id(study.criteria_set),
        study.horizon,
        study.as_of or dt.date.today(),
        study.sites_dir,
    )


def build_matrix(study: Study) -> DecisionMatrix:
    """The study's decision matrix; raises ValidationError listing every problem."""
    from .errors import ValidationError

    if study.table is not None and not study.sites:  # a site table: column by column
        from .tables.matrix import build_table_matrix

        return build_table_matrix(study)
    key = _key(study)
    with _kept_lock:
        hit = _kept.get(key)
        if hit is not None and hit[0].sites is study.sites and hit[0].criteria_set is study.criteria_set:
            _kept.move_to_end(key)
            return _reweighted(hit[1], study)
    dm, issues = _build(study)
    if issues:
        raise ValidationError(issues)
    assert dm is not None
    _keep(study, dm)
    return dm


def _keep(study: Study, dm: DecisionMatrix) -> None:
    for a in (dm.X, dm.low, dm.high, dm.missing, dm.weights, dm.observed_low, dm.observed_high):
        a.flags.writeable = False
    with _kept_lock:
        _kept[_key(study)] = (study, dm)
        while len(_kept) > _KEPT:
            _kept.popitem(last=False)


def _reweighted(dm: DecisionMatrix, study: Study) -> DecisionMatrix:
    """``dm`` (built for the same sites and criteria) under ``study.weights``: what ``_build``
    gives for them, without building again."""
    from .errors import ValidationError

    shares = dict(study.weights)
    out = tuple(replace(x, weight=float(shares.get(x.criterion, 0.0))) for x in dm.excluded_criteria)
    if out and not any(shares.get(c.id, 0.0) > 0 for c in dm.criteria):
        raise ValidationError([all_weighted_out(study.criteria_set.path, out)])
    said = {sits_out(x): sits_out(y) for x, y in zip(dm.excluded_criteria, out, strict=True)}
    w = np.array([shares[c.id] for c in dm.criteria], dtype=float)
    w = w / w.sum()
    w.flags.writeable = False
    return replace(
        dm, weights=w, excluded_criteria=out, warnings=tuple(said.get(x, x) for x in dm.warnings)
    )


@dataclass
class _Steps:
    """What the steps of :func:`_build` hand on: cells by (site, criterion), facts set aside,
    screened-out sites with their reasons, issues and warnings."""

    raw: dict[tuple[str, str], Cell] = field(default_factory=dict)
    set_aside: list[NotComparable] = field(default_factory=list)
    excluded: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _build(study: Study) -> tuple[DecisionMatrix | None, list[Issue]]:
    with gc_paused():  # a large study's cells are many objects, none in a cycle (gcpause)
        return _build_steps(study)


def _build_steps(study: Study) -> tuple[DecisionMatrix | None, list[Issue]]:
    st = _Steps()
    _convert(study, st)
    cs = study.criteria_set
    shares = dict(study.weights)

    # the sites with a usable fact for each criterion, counted as before one by one (a site
    # id held twice counts twice), from the cells made rather than by looking each one up
    per_id = Counter(s.id for s in study.sites)
    having: dict[str, list[str]] = {}
    for sid, cid in st.raw:
        having.setdefault(cid, []).append(sid)

    def usable(c: Criterion) -> int:
        return sum(per_id[sid] for sid in having.get(c.id, ()))

    crits, sitting_out, fatal = apply_coverage(cs, usable, len(study.sites), shares, st.set_aside)
    if fatal is not None:
        return None, [*st.issues, fatal]
    st.warnings.extend(sits_out(x) for x in sitting_out)
    _screen(study, crits, st)
    if st.issues:
        return None, st.issues
    kept = [s for s in study.sites if s.id not in st.excluded]
    if not kept:
        return None, [
            Issue(
                study.sites_dir or "sites",
                "",
                "no site is left after screening: "
                + "; ".join(f"{k}: {v}" for k, v in st.excluded.items()),
            )
        ]
    if len(kept) == 1:
        st.warnings.append(f"only one site is left after screening ({kept[0].id}); nothing to compare")
    X, low, high, missing, cells, obs_lo, obs_hi = _assemble(kept, crits, st)
    st.warnings.extend(not_comparable_warnings(st.set_aside, sitting_out, st.excluded))
    dm = DecisionMatrix(
        site_ids=tuple(s.id for s in kept),
        criteria=tuple(crits),
        X=X,
        low=low,
        high=high,
        missing=missing,
        weights=normalised_weights(shares, crits),
        cells=cells,
        excluded=tuple(st.excluded.items()),
        warnings=tuple(st.warnings),
        observed_low=obs_lo,
        observed_high=obs_hi,
        excluded_criteria=tuple(sitting_out),
        not_comparable=tuple(st.set_aside),
        horizon=study.horizon,
    )
    return dm, []


def _convert(study: Study, st: _Steps) -> None:
    """Steps 1-2: set aside the facts that are not comparable, convert the others."""
    cs = study.criteria_set
    today = study.as_of or dt.date.today()
    horizon = study.horizon
    factors: dict[tuple[str, str], float] = {}  # (fact unit, criterion): a study uses a few
    stale_of: dict[dt.date, bool] = {}  # by as-of date: a study's facts share a few
    # a criterion that compares any scope, under horizon planned, compares every fact
    crits = [(c, c.scopes is None and horizon != "built") for c in cs.criteria]
    raw = st.raw
    for site in study.sites:
        facts = site.facts
        for c, every in crits:
            fact = facts.get(c.fact)
            if fact is None:
                continue
            why = None if every else not_comparable(c, fact, horizon)
            if why is not None:
                st.set_aside.append(NotComparable(site.id, c.id, c.fact, fact.scope, fact.status, why))
                continue
            pair = (fact.unit, c.id)
            k = factors.get(pair)
            if k is None:
                try:
                    k = conversion_factor(
                        fact.unit, c.unit, cs.currency_rates, expects=f"criterion {c.id}"
                    )
                except UnitError as exc:
                    st.issues.append(Issue(site.path, f"facts.{c.fact}.unit", str(exc)))
                    continue
                factors[pair] = k
            stale = stale_of.get(fact.as_of)
            if stale is None:
                stale = stale_of[fact.as_of] = (
                    _years_between(fact.as_of, today) > cs.stale_after_years
                )
            # by position (a large study makes many): site, criterion, fact, value, low, high,
            # factor, imputed, stale
            raw[(site.id, c.id)] = Cell(
                site.id,
                c.id,
                fact,
                tidy(fact.value * k),
                None if fact.low is None else tidy(fact.low * k),
                None if fact.high is None else tidy(fact.high * k),
                k,
                None,
                stale,
            )


def _screen(study: Study, crits: list[Criterion], st: _Steps) -> None:
    """Step 4 (bounds, on every criterion: a hard constraint screens even when it sits out)
    and the screening part of step 5 (``missing: error`` and ``exclude-site``)."""
    cs = study.criteria_set
    bounded = [c for c in cs.criteria if c.bounds_min is not None or c.bounds_max is not None]
    for site in study.sites if bounded else ():
        for c in bounded:
            cell = st.raw.get((site.id, c.id))
            if cell is None or site.id in st.excluded:
                continue
            if c.bounds_min is not None and cell.value < c.bounds_min:
                st.excluded[site.id] = bound_reason(c, cell.value, below=True)
            elif c.bounds_max is not None and cell.value > c.bounds_max:
                st.excluded[site.id] = bound_reason(c, cell.value, below=False)
    screening = [c for c in crits if c.missing in ("error", "exclude-site")]
    for site in study.sites if screening else ():
        for c in screening:
            if (site.id, c.id) in st.raw or any(
                i.file == site.path and i.field.startswith(f"facts.{c.fact}.") for i in st.issues
            ):
                continue
            lost = next((x for x in st.set_aside if x.site == site.id and x.criterion == c.id), None)
            if c.missing == "error":
                reason = lost.reason if lost else None
                st.issues.append(Issue(site.path, f"facts.{c.fact}", missing_error(c, cs.path, reason)))
            elif site.id not in st.excluded:
                st.excluded[site.id] = exclude_site_reason(c, lost is not None)


Assembled = tuple[
    np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[tuple[str, str], Cell], np.ndarray, np.ndarray
]


def _assemble(kept: list[Site], crits: list[Criterion], st: _Steps) -> Assembled:
    """The rest of step 5 (imputation) and step 6: (X, low, high, missing, cells, the observed
    minimum and maximum per criterion)."""
    n, m = len(kept), len(crits)
    X = np.empty((n, m))
    low = np.empty((n, m))
    high = np.empty((n, m))
    missing = np.zeros((n, m), dtype=bool)
    cells: dict[tuple[str, str], Cell] = {}
    obs_lo = np.full(m, np.nan)
    obs_hi = np.full(m, np.nan)
    ids = [s.id for s in kept]
    clipped: list[list[str]] = []
    for j, c in enumerate(crits):
        keys = [(sid, c.id) for sid in ids]
        column = [st.raw.get(key) for key in keys]
        observed = np.array([x.value for x in column if x is not None])
        fill = 0.0
        unknown: tuple[float, float] | None = None
        if len(observed):
            obs_lo[j], obs_hi[j] = observed.min(), observed.max()
        if len(observed) < n:
            names = ", ".join(sid for sid, x in zip(ids, column, strict=True) if x is None)

            def donors(value: float, column: list[Cell | None] = column) -> str:
                return ", ".join(x.site for x in column if x is not None and x.value == value)

            fill, unknown, warning = impute(c, names, observed, donors)
            st.warnings.append(warning)
        values, lows, highs, out = _column(c, keys, column, fill, unknown, cells)
        X[:, j] = values
        low[:, j] = lows
        high[:, j] = highs
        missing[:, j] = [x is None for x in column]
        clipped.append(out)
        fixed = bool((high[:, j] == low[:, j]).all())
        if n > 1 and fixed and np.ptp(X[:, j]) == 0 and c.anchors is None:
            st.warnings.append(SAME_VALUE.format(c.id))
    for c, out in zip(crits, clipped, strict=True):
        if out:
            st.warnings.append(clipped_warning(c, ", ".join(out), len(out)))
    return X, low, high, missing, cells, obs_lo, obs_hi


def _column(
    c: Criterion,
    keys: list[tuple[str, str]],
    column: list[Cell | None],
    fill: float,
    unknown: tuple[float, float] | None,
    cells: dict[tuple[str, str], Cell],
) -> tuple[list[float], list[float], list[float], list[str]]:
    """Criterion ``c``'s cells (``column``: the converted ones, None where missing; ``keys``:
    their (site, criterion)) into ``cells``, with ``fill`` (and ``unknown``) where missing;
    returns the column's values, low and high ends, and the sites outside the criterion's
    anchors (clipped)."""
    anchors = c.anchors
    lo_a, hi_a = sorted(anchors) if anchors is not None else (0.0, 0.0)
    values: list[float] = []
    lows: list[float] = []
    highs: list[float] = []
    clipped: list[str] = []
    for key, cell in zip(keys, column, strict=True):
        if cell is None:
            cell = Cell(
                site=key[0],
                criterion=c.id,
                fact=None,
                value=fill,
                low=None if unknown is None else unknown[0],
                high=None if unknown is None else unknown[1],
                imputed=c.missing,
            )
        if anchors is not None and not lo_a <= cell.value <= hi_a:
            cell = replace(cell, clipped=True)
            clipped.append(key[0])
        cells[key] = cell
        value = cell.value
        values.append(value)
        lows.append(value if cell.low is None else cell.low)
        highs.append(value if cell.high is None else cell.high)
    return values, lows, highs, clipped
