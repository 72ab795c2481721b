"""Study -> decision matrix: unit conversion, hard bounds, missing-value policies, data flags.

Order of operations (documented in the README and the workbook's Summary sheet):

1. each site's fact for each criterion is converted to the criterion's unit (an incompatible
   unit, or money without a rate, is an error in the site file);
2. **bounds** screen sites out (a site whose point value lies outside ``bounds`` is excluded,
   with the reason); a missing value cannot be screened and falls to step 3;
3. **missing** values: ``error`` (default) is an error naming the site file and fact;
   ``exclude-site`` excludes the site with the reason; ``worst`` and ``median`` impute from the
   values of the sites still in the comparison (``worst`` uses the scale's ``worst`` anchor when
   the criterion has one);
4. a ranged fact (``low``/``high``) enters at its point value (the midpoint unless ``value`` is
   given); the range is kept for the sensitivity analysis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from .errors import Issue
from .methods.base import Problem
from .model import Criterion, Fact, Study
from .units import UnitError, conversion_factor, tidy

__all__ = ["Cell", "DecisionMatrix", "build_matrix", "collect_matrix_issues"]


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
    imputed: str | None = None  # the missing policy applied ("worst", "median") or None
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

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria)

    @property
    def benefit(self) -> np.ndarray:
        return np.array([c.direction == "max" for c in self.criteria], dtype=bool)

    def problem(self, X: np.ndarray | None = None) -> Problem:
        crit = self.criteria
        return Problem(
            X=self.X if X is None else X,
            benefit=self.benefit,
            alternatives=self.site_ids,
            criteria=self.criterion_ids,
            worst=np.array([c.scale_worst if c.has_scale else np.nan for c in crit], dtype=float),
            best=np.array([c.scale_best if c.has_scale else np.nan for c in crit], dtype=float),
            preferences=tuple(c.preference for c in crit),
        )

    def cell(self, site: str, criterion: str) -> Cell:
        return self.cells[(site, criterion)]


def _fmt(x: float) -> str:
    return f"{x:,.6g}"


def _years_between(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def collect_matrix_issues(study: Study) -> list[Issue]:
    """Every unit and missing-value problem of the study, without building the matrix."""
    _, issues = _build(study)
    return issues


def build_matrix(study: Study) -> DecisionMatrix:
    from .errors import ValidationError

    dm, issues = _build(study)
    if issues:
        raise ValidationError(issues)
    assert dm is not None
    return dm


def _build(study: Study) -> tuple[DecisionMatrix | None, list[Issue]]:
    cs = study.criteria_set
    crits = cs.criteria
    issues: list[Issue] = []
    warnings: list[str] = []
    today = study.as_of or dt.date.today()
    raw: dict[tuple[str, str], Cell] = {}
    excluded: dict[str, str] = {}

    # 1. conversion
    for site in study.sites:
        for c in crits:
            fact = site.facts.get(c.fact)
            if fact is None:
                continue
            try:
                k = conversion_factor(
                    fact.unit, c.unit, cs.currency_rates, expects=f"criterion {c.id}"
                )
            except UnitError as exc:
                issues.append(Issue(site.path, f"facts.{c.fact}.unit", str(exc)))
                continue
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

    # 2. bounds
    for site in study.sites:
        for c in crits:
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

    # 3. missing: error / exclude-site
    for site in study.sites:
        for c in crits:
            if (site.id, c.id) in raw or any(
                i.file == site.path and i.field.startswith(f"facts.{c.fact}.") for i in issues
            ):
                continue
            if c.missing == "error":
                issues.append(
                    Issue(
                        site.path,
                        f"facts.{c.fact}",
                        f"missing, and criterion {c.id!r} ({cs.path}) has missing: error "
                        "(add the fact, or set missing: worst, median or exclude-site)",
                    )
                )
            elif c.missing == "exclude-site" and site.id not in excluded:
                excluded[site.id] = (
                    f"no fact {c.fact!r} (criterion {c.id} has missing: exclude-site)"
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
        if observed:
            obs_lo[j], obs_hi[j] = min(observed), max(observed)
        if len(observed) < n:
            if c.missing == "worst":
                if c.has_scale:
                    fill = float(c.scale_worst)  # type: ignore[arg-type]
                elif observed:
                    fill = min(observed) if c.direction == "max" else max(observed)
            elif c.missing == "median" and observed:
                fill = float(np.median(observed))
            names = [s.id for s in kept if (s.id, c.id) not in raw]
            if fill is None:
                fill = 0.0
                warnings.append(
                    f"criterion {c.id}: no site in the comparison has {c.fact!r}; "
                    "it does not discriminate"
                )
            else:
                warnings.append(
                    f"criterion {c.id}: {c.fact} missing for {', '.join(names)}; "
                    f"missing: {c.missing} uses {_fmt(fill)} {c.unit}".rstrip()
                )
        for i, s in enumerate(kept):
            cell = raw.get((s.id, c.id))
            if cell is None:
                cell = Cell(
                    site=s.id,
                    criterion=c.id,
                    fact=None,
                    value=float(fill),  # type: ignore[arg-type]
                    imputed=c.missing,
                )
                missing[i, j] = True
            if c.has_scale:
                lo_a, hi_a = sorted((c.scale_worst, c.scale_best))  # type: ignore[type-var]
                if not lo_a <= cell.value <= hi_a:
                    cell = _replace(cell, clipped=True)
            cells[(s.id, c.id)] = cell
            X[i, j] = cell.value
            low[i, j] = cell.low if cell.low is not None else cell.value
            high[i, j] = cell.high if cell.high is not None else cell.value
        if n > 1 and np.ptp(X[:, j]) == 0 and not c.has_scale:
            warnings.append(
                f"criterion {c.id}: all sites have the same value; it does not discriminate"
            )
    for c in crits:
        clipped = [s.id for s in kept if cells[(s.id, c.id)].clipped]
        if clipped:
            verbs = ("lie", "count") if len(clipped) > 1 else ("lies", "counts")
            warnings.append(
                f"criterion {c.id}: {', '.join(clipped)} {verbs[0]} outside the scale "
                f"{_fmt(c.scale_worst)}..{_fmt(c.scale_best)} {c.unit} and {verbs[1]} as the nearest anchor"  # type: ignore[arg-type]
            )
    w = np.array([study.weights[c.id] for c in crits], dtype=float)
    dm = DecisionMatrix(
        site_ids=tuple(s.id for s in kept),
        criteria=crits,
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
    )
    return dm, []


def _replace(cell: Cell, **kw: object) -> Cell:
    from dataclasses import replace

    return replace(cell, **kw)
