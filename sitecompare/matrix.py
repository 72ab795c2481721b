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

import datetime as dt
import difflib
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from .errors import Issue
from .methods.base import Problem
from .model import Criterion, Fact, Study
from .units import UnitError, conversion_factor, tidy

__all__ = [
    "Cell",
    "DecisionMatrix",
    "NotComparable",
    "ExcludedCriterion",
    "build_matrix",
    "collect_matrix_issues",
]


@dataclass(frozen=True)
class Cell:
    """What the matrix holds for one site and criterion, and where it came from."""

    site: str
    criterion: str
    fact: Fact | None
    value: float  # in the criterion's unit (imputed when missing)
    low: float | None = None
    high: float | None = None
    factor: float = 1.0  # criterion-unit value = fact-unit value * factor
    imputed: str | None = None  # the missing policy applied ("worst", "median", "interval") or None
    stale: bool = False
    clipped: bool = False  # outside the criterion's fixed scale anchors

    @property
    def missing(self) -> bool:
        return self.fact is None

    @property
    def status(self) -> str:
        return self.fact.status if self.fact else "missing"

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None and self.low != self.high

    @property
    def unknown(self) -> bool:
        """Missing with ``missing: interval``: anywhere within low..high (the plausible range)."""
        return self.imputed == "interval"


@dataclass(frozen=True)
class NotComparable:
    """A fact a site has for a criterion but that the comparison does not use, and why."""

    site: str
    criterion: str
    fact: str
    scope: str | None
    status: str
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "site": self.site,
            "criterion": self.criterion,
            "fact": self.fact,
            "scope": self.scope,
            "status": self.status,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ExcludedCriterion:
    """A criterion that sits out of the ranking because too few sites can use it."""

    criterion: str
    coverage: float  # share of the study's sites with a comparable fact
    usable: int
    sites: int
    min_coverage: float
    weight: float  # its share of the weights before it sat out
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "criterion": self.criterion,
            "coverage": float(f"{self.coverage:.6g}"),
            "usable": self.usable,
            "sites": self.sites,
            "min_coverage": self.min_coverage,
            "weight": float(f"{self.weight:.12g}"),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class DecisionMatrix:
    site_ids: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    X: np.ndarray  # (n, m) values in criterion units, missing imputed
    low: np.ndarray  # (n, m) lower ends (= X where the fact is a point)
    high: np.ndarray
    missing: np.ndarray  # (n, m) bool
    weights: np.ndarray  # (m,) summing to 1
    cells: dict[tuple[str, str], Cell]
    excluded: tuple[tuple[str, str], ...]  # (site id, reason)
    warnings: tuple[str, ...]
    observed_low: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per criterion
    observed_high: np.ndarray = field(default_factory=lambda: np.zeros(0))
    excluded_criteria: tuple[ExcludedCriterion, ...] = ()  # sit out (coverage): not in criteria
    not_comparable: tuple[NotComparable, ...] = ()
    horizon: str = "planned"

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria)

    @property
    def benefit(self) -> np.ndarray:
        return np.array([c.direction == "max" for c in self.criteria], dtype=bool)

    def problem(self, X: np.ndarray | None = None) -> Problem:
        crit = self.criteria
        anchors = [c.anchors for c in crit]
        return Problem(
            X=self.X if X is None else X,
            benefit=self.benefit,
            alternatives=self.site_ids,
            criteria=self.criterion_ids,
            worst=np.array([a[0] if a else np.nan for a in anchors], dtype=float),
            best=np.array([a[1] if a else np.nan for a in anchors], dtype=float),
            preferences=tuple(c.preference for c in crit),
        )

    @property
    def weight_of(self) -> dict[str, float]:
        """The weights in force by criterion id (the criteria that take part; sum 1)."""
        return {c: float(w) for c, w in zip(self.criterion_ids, self.weights, strict=True)}

    def weights_for(self, shares: Mapping[str, float]) -> np.ndarray:
        """Weights by criterion id (any scale, over every criterion of the set) as the vector
        of the criteria that take part, normalised to sum 1: a criterion that sits out passes
        its weight to the others in proportion, as it does for the study's own weights."""
        w = np.array([float(shares.get(c, 0.0)) for c in self.criterion_ids], dtype=float)
        total = w.sum()
        return w / total if total > 0 else np.full(len(w), 1.0 / max(len(w), 1))

    @property
    def uncertain(self) -> np.ndarray:
        """(n, m) bool: cells that may lie anywhere in low..high (ranged or unknown facts)."""
        return self.high > self.low

    def cell(self, site: str, criterion: str) -> Cell:
        return self.cells[(site, criterion)]


def _fmt(x: float) -> str:
    return f"{x:,.6g}"


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
_kept: OrderedDict[tuple, tuple[Study, DecisionMatrix]] = OrderedDict()
_kept_lock = threading.Lock()


def _key(study: Study) -> tuple:
    return (
        id(study.sites),
        id(study.criteria_set),
        study.horizon,
        study.as_of or dt.date.today(),
        study.sites_dir,
    )


def build_matrix(study: Study) -> DecisionMatrix:
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
        raise ValidationError([_all_weighted_out(study.criteria_set.path, out)])
    said = {_sits_out(x): _sits_out(y) for x, y in zip(dm.excluded_criteria, out, strict=True)}
    w = np.array([shares[c.id] for c in dm.criteria], dtype=float)
    w = w / w.sum()
    w.flags.writeable = False
    return replace(
        dm, weights=w, excluded_criteria=out, warnings=tuple(said.get(x, x) for x in dm.warnings)
    )


def _sits_out(x: ExcludedCriterion) -> str:
    return (
        f"criterion {x.criterion} sits out: {x.reason}; its weight ({_pct(x.weight)}) is shared "
        "among the others in proportion"
    )


def _all_weighted_out(path: str, out: Sequence[ExcludedCriterion]) -> Issue:
    return Issue(
        path,
        "min_coverage",
        "every weighted criterion sits out ("
        + ", ".join(x.criterion for x in out)
        + "); the criteria left have weight 0",
    )


def _not_comparable(c: Criterion, fact: Fact, horizon: str) -> str | None:
    """Why ``fact`` cannot be compared on criterion ``c`` (None: it can)."""
    if not c.accepts_scope(fact.scope):
        accepted = ", ".join(c.scopes or ())
        if fact.scope is None:
            return f"no scope recorded; criterion {c.id} compares only {accepted}"
        hint = difflib.get_close_matches(fact.scope, list(c.scopes or ()), n=1)
        did = f" (did you mean {hint[0]!r}?)" if hint else ""
        return f"scope {fact.scope!r}{did} is not one criterion {c.id} compares ({accepted})"
    if horizon == "built" and fact.status == "plan":
        return "a plan (status: plan); horizon built compares only what exists"
    return None


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _build(study: Study) -> tuple[DecisionMatrix | None, list[Issue]]:
    cs = study.criteria_set
    all_crits = cs.criteria
    issues: list[Issue] = []
    warnings: list[str] = []
    today = study.as_of or dt.date.today()
    raw: dict[tuple[str, str], Cell] = {}
    excluded: dict[str, str] = {}
    set_aside: list[NotComparable] = []
    horizon = study.horizon
    factors: dict[tuple[str, str], float] = {}  # (fact unit, criterion): a study uses a few

    # 1-2. like with like, then conversion
    for site in study.sites:
        for c in all_crits:
            fact = site.facts.get(c.fact)
            if fact is None:
                continue
            why = _not_comparable(c, fact, horizon)
            if why is not None:
                set_aside.append(NotComparable(site.id, c.id, c.fact, fact.scope, fact.status, why))
                continue
            pair = (fact.unit, c.id)
            k = factors.get(pair)
            if k is None:
                try:
                    k = conversion_factor(
                        fact.unit, c.unit, cs.currency_rates, expects=f"criterion {c.id}"
                    )
                except UnitError as exc:
                    issues.append(Issue(site.path, f"facts.{c.fact}.unit", str(exc)))
                    continue
                factors[pair] = k
            stale = _years_between(fact.as_of, today) > cs.stale_after_years
            raw[(site.id, c.id)] = Cell(
                site=site.id,
                criterion=c.id,
                fact=fact,
                value=tidy(fact.value * k),
                low=None if fact.low is None else tidy(fact.low * k),
                high=None if fact.high is None else tidy(fact.high * k),
                factor=k,
                stale=stale,
            )

    # 3. coverage: a criterion too few sites can use sits out
    n_all = len(study.sites)
    shares = dict(study.weights)
    sitting_out: list[ExcludedCriterion] = []
    crits: list[Criterion] = []
    for c in all_crits:
        usable = sum(1 for s in study.sites if (s.id, c.id) in raw)
        share = usable / n_all if n_all else 0.0
        need = cs.min_coverage if c.min_coverage is None else c.min_coverage
        if n_all and share < need:
            lost = [x for x in set_aside if x.criterion == c.id]
            verb = "has" if usable == 1 else "have"
            has = "no site has" if usable == 0 else f"only {usable} of {n_all} sites {verb}"
            why = f"{has} a comparable {c.fact} ({_pct(share)}; min_coverage {_pct(need)})"
            if lost:
                why += f"; {len(lost)} more {'has' if len(lost) == 1 else 'have'} one that is not comparable"
            sitting_out.append(
                ExcludedCriterion(c.id, share, usable, n_all, need, float(shares.get(c.id, 0.0)), why)
            )
        else:
            crits.append(c)
    if sitting_out and not crits:
        issues.append(
            Issue(
                cs.path,
                "min_coverage",
                "every criterion sits out: " + "; ".join(f"{x.criterion}: {x.reason}" for x in sitting_out),
            )
        )
        return None, issues
    if sitting_out and not any(shares.get(c.id, 0.0) > 0 for c in crits):
        issues.append(_all_weighted_out(cs.path, sitting_out))
        return None, issues
    for x in sitting_out:
        warnings.append(_sits_out(x))

    # 4. bounds (every criterion: a hard constraint screens even when it sits out)
    for site in study.sites:
        for c in all_crits:
            cell = raw.get((site.id, c.id))
            if cell is None or site.id in excluded:
                continue
            if c.bounds_min is not None and cell.value < c.bounds_min:
                excluded[site.id] = (
                    f"{c.fact} = {_fmt(cell.value)} {c.unit} is below the minimum "
                    f"{_fmt(c.bounds_min)} {c.unit} (criterion {c.id})"
                )
            elif c.bounds_max is not None and cell.value > c.bounds_max:
                excluded[site.id] = (
                    f"{c.fact} = {_fmt(cell.value)} {c.unit} is above the maximum "
                    f"{_fmt(c.bounds_max)} {c.unit} (criterion {c.id})"
                )

    # 5. missing: error / exclude-site
    for site in study.sites:
        for c in crits:
            if (site.id, c.id) in raw or any(
                i.file == site.path and i.field.startswith(f"facts.{c.fact}.") for i in issues
            ):
                continue
            if c.missing == "error":
                lost = next((x for x in set_aside if x.site == site.id and x.criterion == c.id), None)
                issues.append(
                    Issue(
                        site.path,
                        f"facts.{c.fact}",
                        ("not comparable: " + lost.reason if lost else "missing")
                        + f", and criterion {c.id!r} ({cs.path}) has missing: error "
                        "(add the fact, or set missing: interval, worst, median or exclude-site)",
                    )
                )
            elif c.missing == "exclude-site" and site.id not in excluded:
                lost = next((x for x in set_aside if x.site == site.id and x.criterion == c.id), None)
                excluded[site.id] = (
                    f"no {'comparable ' if lost else ''}fact {c.fact!r} "
                    f"(criterion {c.id} has missing: exclude-site)"
                )
    if issues:
        return None, issues

    kept = [s for s in study.sites if s.id not in excluded]
    if not kept:
        return None, [
            Issue(
                study.sites_dir or "sites",
                "",
                "no site is left after screening: "
                + "; ".join(f"{k}: {v}" for k, v in excluded.items()),
            )
        ]
    if len(kept) == 1:
        warnings.append(f"only one site is left after screening ({kept[0].id}); nothing to compare")

    n, m = len(kept), len(crits)
    X = np.empty((n, m))
    low = np.empty((n, m))
    high = np.empty((n, m))
    missing = np.zeros((n, m), dtype=bool)
    cells: dict[tuple[str, str], Cell] = {}
    obs_lo = np.full(m, np.nan)
    obs_hi = np.full(m, np.nan)
    for j, c in enumerate(crits):
        observed = [raw[(s.id, c.id)].value for s in kept if (s.id, c.id) in raw]
        fill: float | None = None
        unknown: tuple[float, float] | None = None
        if observed:
            obs_lo[j], obs_hi[j] = min(observed), max(observed)
        if len(observed) < n:
            names = [s.id for s in kept if (s.id, c.id) not in raw]
            if c.missing == "interval":
                lo_p, hi_p = float(c.plausible_min), float(c.plausible_max)  # type: ignore[arg-type]
                unknown = (lo_p, hi_p)
                fill = lo_p if c.direction == "max" else hi_p
                warnings.append(
                    f"criterion {c.id}: {c.fact} unknown for {', '.join(names)}; missing: interval "
                    f"lets it lie anywhere in {_fmt(lo_p)}..{_fmt(hi_p)} {c.unit} (rank intervals), "
                    f"the point ranking takes {_fmt(fill)}".rstrip()
                )
            else:
                borrowed = ""
                if c.missing == "worst":
                    if c.has_scale:
                        fill = float(c.scale_worst)  # type: ignore[arg-type]
                    elif observed:
                        fill = min(observed) if c.direction == "max" else max(observed)
                        donor = [s.id for s in kept if getattr(raw.get((s.id, c.id)), "value", None) == fill]
                        borrowed = f", the value of {', '.join(donor)} (pessimistic)" if donor else ""
                elif c.missing == "median" and observed:
                    fill = float(np.median(observed))
                if fill is None:
                    fill = 0.0
                    warnings.append(
                        f"criterion {c.id}: no site in the comparison has {c.fact!r}; "
                        "it does not discriminate"
                    )
                else:
                    warnings.append(
                        f"criterion {c.id}: {c.fact} missing for {', '.join(names)}; "
                        f"missing: {c.missing} uses {_fmt(fill)} {c.unit}{borrowed}".rstrip()
                    )
        anchors = c.anchors
        for i, s in enumerate(kept):
            cell = raw.get((s.id, c.id))
            if cell is None:
                cell = Cell(
                    site=s.id,
                    criterion=c.id,
                    fact=None,
                    value=float(fill),  # type: ignore[arg-type]
                    low=None if unknown is None else unknown[0],
                    high=None if unknown is None else unknown[1],
                    imputed=c.missing,
                )
                missing[i, j] = True
            if anchors is not None:
                lo_a, hi_a = sorted(anchors)
                if not lo_a <= cell.value <= hi_a:
                    cell = _replace(cell, clipped=True)
            cells[(s.id, c.id)] = cell
            X[i, j] = cell.value
            low[i, j] = cell.low if cell.low is not None else cell.value
            high[i, j] = cell.high if cell.high is not None else cell.value
        fixed = bool((high[:, j] == low[:, j]).all())
        if n > 1 and fixed and np.ptp(X[:, j]) == 0 and anchors is None:
            warnings.append(
                f"criterion {c.id}: all sites have the same value; it does not discriminate"
            )
    for c in crits:
        clipped = [s.id for s in kept if cells[(s.id, c.id)].clipped]
        if clipped:
            lo_a, hi_a = c.anchors  # type: ignore[misc]
            what = "scale" if c.has_scale else "plausible range"
            end = "anchor" if c.has_scale else "end"
            verbs = ("lie", "count") if len(clipped) > 1 else ("lies", "counts")
            warnings.append(
                f"criterion {c.id}: {', '.join(clipped)} {verbs[0]} outside the {what} "
                f"{_fmt(lo_a)}..{_fmt(hi_a)} {c.unit} and {verbs[1]} as the nearest {end}"
            )
    for x in set_aside:
        if any(e.criterion == x.criterion for e in sitting_out) or x.site in excluded:
            continue
        warnings.append(f"not comparable: {x.site} {x.fact} on criterion {x.criterion}: {x.reason}")
    w = np.array([shares[c.id] for c in crits], dtype=float)
    w = w / w.sum()  # > 0: checked above
    dm = DecisionMatrix(
        site_ids=tuple(s.id for s in kept),
        criteria=tuple(crits),
        X=X,
        low=low,
        high=high,
        missing=missing,
        weights=w,
        cells=cells,
        excluded=tuple(excluded.items()),
        warnings=tuple(warnings),
        observed_low=obs_lo,
        observed_high=obs_hi,
        excluded_criteria=tuple(sitting_out),
        not_comparable=tuple(set_aside),
        horizon=horizon,
    )
    return dm, []


def _replace(cell: Cell, **kw: object) -> Cell:
    from dataclasses import replace

    return replace(cell, **kw)
