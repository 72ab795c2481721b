"""Immutable model objects: facts, sites, criteria, criteria sets and studies. No I/O here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = [
    "STATUSES",
    "DIRECTIONS",
    "MISSING_POLICIES",
    "HORIZONS",
    "DEFAULT_MIN_COVERAGE",
    "Source",
    "Fact",
    "Site",
    "Preference",
    "Criterion",
    "MethodSpec",
    "freeze_mappings",
    "CriteriaSet",
    "WeightProvenance",
    "Study",
    "normalise_weights",
    "DATE_PRECISIONS",
    "date_text",
]

# ``claim``: a figure asserted by an interested party (a promoter's press release, a city's
# pitch), not measured or audited; it is used like a measured figure and flagged as a claim
STATUSES = ("measured", "plan", "estimate", "computed", "claim")
DIRECTIONS = ("max", "min")
# ``interval``: unknown anywhere within the criterion's ``plausible`` range (never a rival's value)
MISSING_POLICIES = ("worst", "median", "exclude-site", "error", "interval")
# ``planned``: plans count as if built; ``built``: a ``status: plan`` fact is treated as missing
HORIZONS = ("planned", "built")
DEFAULT_MIN_COVERAGE = 0.5
DATE_PRECISIONS = ("year", "month", "day")  # as a profile wrote a date: 2021, 2021-03, 2021-03-26


def date_text(d: dt.date, precision: str = "day") -> str:
    """A date with the precision it was written with: ``2021``, ``2021-03`` or ``2021-03-26``
    (a year or year-month is held as its first day)."""
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


def freeze_mappings(obj: object, *names: str) -> None:
    """Replace each named mapping field of the frozen dataclass ``obj`` (in its
    ``__post_init__``) by a read-only copy; None becomes an empty mapping."""
    for name in names:
        object.__setattr__(obj, name, _frozen(getattr(obj, name)))


@dataclass(frozen=True)
class Source:
    """A source a profile cites (its key in ``sources:``), with the date it was published."""

    key: str
    title: str
    date: dt.date
    url: str | None = None
    publisher: str | None = None
    note: str | None = None
    date_precision: str = "day"  # "year", "month" or "day", as written

    @property
    def date_text(self) -> str:
        """The source's date as written (a year, a month or a day)."""
        return date_text(self.date, self.date_precision)


@dataclass(frozen=True)
class Fact:
    """One sourced number (or range) with its unit, as written in the profile."""

    key: str
    value: float  # point value: the given value, else the midpoint of low/high
    unit: str  # "" for a dimensionless number
    source: str
    as_of: dt.date
    status: str = "measured"
    low: float | None = None
    high: float | None = None
    note: str | None = None
    method: str | None = None  # how a computed fact was computed
    scope: str | None = None  # what the figure covers (e.g. ai-programme, city-graduates)
    quote: str | None = None  # the source's words holding the figure, verbatim
    as_of_precision: str = "day"  # "year", "month" or "day", as written (or as its source's date)

    @property
    def as_of_text(self) -> str:
        """The fact's as-of date as written (a year, a month or a day)."""
        return date_text(self.as_of, self.as_of_precision)

    @property
    def is_range(self) -> bool:
        """True when the fact is a range (a low and a high value)."""
        return self.low is not None and self.high is not None


@dataclass(frozen=True)
class Site:
    """One candidate site: its profile's identity, sources and facts (read-only mappings)."""

    id: str
    name: str
    country: str
    path: str
    name_local: str | None = None
    region: str | None = None
    coordinates: tuple[float, float] | None = None
    sources: Mapping[str, Source] = field(default_factory=dict)
    facts: Mapping[str, Fact] = field(default_factory=dict)
    note: str | None = None

    def __post_init__(self) -> None:
        freeze_mappings(self, "sources", "facts")


@dataclass(frozen=True)
class Preference:
    """A PROMETHEE preference function with its thresholds (in the criterion's unit)."""

    function: str = "usual"
    q: float = 0.0
    p: float = 0.0
    s: float = 0.0


@dataclass(frozen=True)
class Criterion:
    """One criterion of a criteria set: the fact it reads, in which unit and direction, its raw
    weight, and how a missing, out-of-scale or other-scope value is treated."""

    id: str
    label: str
    fact: str
    unit: str
    direction: str
    weight: float  # raw weight as written (not normalised)
    missing: str = "error"
    label_local: str | None = None
    bounds_min: float | None = None
    bounds_max: float | None = None
    scale_worst: float | None = None
    scale_best: float | None = None
    preference: Preference | None = None
    group: str | None = None
    note: str | None = None
    scopes: tuple[str, ...] | None = None  # accepted fact scopes; None: any (and none)
    plausible_min: float | None = None  # where an unknown value may lie (missing: interval)
    plausible_max: float | None = None
    min_coverage: float | None = None  # None: the criteria set's

    @property
    def has_scale(self) -> bool:
        """True when the criterion has a fixed scale (its worst and best values)."""
        return self.scale_worst is not None and self.scale_best is not None

    @property
    def has_plausible(self) -> bool:
        """True when the criterion has a plausible range (a minimum and a maximum)."""
        return self.plausible_min is not None and self.plausible_max is not None

    @property
    def anchors(self) -> tuple[float, float] | None:
        """The value-function anchors (worst, best) a min-max normalisation uses instead of the
        sites' own minimum and maximum: ``scale`` when given, else for ``missing: interval`` the
        ``plausible`` range (oriented by direction), else None."""
        if self.scale_worst is not None and self.scale_best is not None:  # has_scale
            return float(self.scale_worst), float(self.scale_best)
        if self.missing == "interval" and self.plausible_min is not None and self.plausible_max is not None:
            lo, hi = float(self.plausible_min), float(self.plausible_max)
            return (lo, hi) if self.direction == "max" else (hi, lo)
        return None

    def accepts_scope(self, scope: str | None) -> bool:
        """True when a fact of ``scope`` is comparable on this criterion."""
        return self.scopes is None or (scope is not None and scope in self.scopes)


@dataclass(frozen=True)
class MethodSpec:
    """A ranking method by name, with its parameters (a read-only mapping)."""

    name: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        freeze_mappings(self, "params")

    def as_dict(self) -> dict[str, Any]:
        """The method as a flat mapping: its name and its parameters."""
        return {"name": self.name, **dict(self.params)}


@dataclass(frozen=True)
class WeightProvenance:
    """Where a scenario's weights came from (direct numbers, AHP, swing, group workshop...)."""

    method: str
    detail: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        freeze_mappings(self, "detail")


@dataclass(frozen=True)
class CriteriaSet:
    """A criteria file: the criteria in the file's order, the method, currency rates, named
    weight scenarios and their provenance."""

    name: str
    path: str
    method: MethodSpec
    criteria: tuple[Criterion, ...]
    currency_rates: Mapping[str, float] = field(default_factory=dict)
    rates_as_of: dt.date | None = None
    rates_source: str | None = None
    scenarios: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    scenario_provenance: Mapping[str, WeightProvenance] = field(default_factory=dict)
    stale_after_years: float = 5.0
    description: str | None = None
    weights_by: str | None = None  # who set the weights (shown on the Summary)
    min_coverage: float = DEFAULT_MIN_COVERAGE  # share of sites a criterion needs to take part
    name_local: str | None = None  # the set's name in the local language (--lang ko)
    scenario_labels_local: Mapping[str, str] = field(default_factory=dict)  # scenario -> label

    def __post_init__(self) -> None:
        freeze_mappings(self, "currency_rates", "scenario_labels_local")
        object.__setattr__(
            self, "scenarios", _frozen({k: _frozen(v) for k, v in self.scenarios.items()})
        )
        freeze_mappings(self, "scenario_provenance")

    @property
    def ids(self) -> tuple[str, ...]:
        """The criteria ids, in the file's order."""
        return tuple(c.id for c in self.criteria)

    def criterion(self, cid: str) -> Criterion:
        """The criterion ``cid`` (KeyError when there is none)."""
        for c in self.criteria:
            if c.id == cid:
                return c
        raise KeyError(cid)

    def base_weights(self) -> dict[str, float]:
        """Each criterion's weight as written in the file (not normalised)."""
        return {c.id: c.weight for c in self.criteria}


@dataclass(frozen=True)
class Study:
    """Sites + a criteria set + the weights in force (already normalised to sum 1)."""

    sites: tuple[Site, ...]
    criteria_set: CriteriaSet
    weights: Mapping[str, float]
    method: MethodSpec
    scenario: str | None = None
    weight_source: str = (
        "criteria file"  # "criteria file", "scenario NAME", "--weights", "workbook"
    )
    sites_dir: str = ""
    as_of: dt.date | None = None  # the date "stale" is measured from
    horizon: str = "planned"  # "planned" or "built" (HORIZONS)
    notes: tuple[str, ...] = ()  # about the weights in force (an override on another scale)
    # the raw points the weights were given in (every criterion of the set), when a caller set
    # them (``study.with_weights``): the What-if sheet shows them rather than shares x 100
    weight_points: Mapping[str, float] | None = None
    # a site table (sitecompare.tables.SiteTable) held by column instead of ``sites``: the
    # matrix is built from its columns, and ``site()`` makes a row's Site when asked
    table: Any = None

    def __post_init__(self) -> None:
        freeze_mappings(self, "weights")
        if self.weight_points is not None:
            freeze_mappings(self, "weight_points")

    @property
    def site_count(self) -> int:
        """How many sites the study holds (the rows of a site table)."""
        return len(self.table) if self.table is not None else len(self.sites)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """The criteria of the criteria set."""
        return self.criteria_set.criteria

    def site(self, sid: str) -> Site:
        """The site ``sid`` (a site table's row built on demand)."""
        if self.table is not None and not self.sites:
            site: Site = self.table.site(self.table.index_of(sid))
            return site
        index: dict[str, Site] | None = self.__dict__.get("_site_index")
        if index is None:  # built once: a study of 10,000 sites asks for each many times
            index = {s.id: s for s in self.sites}
            object.__setattr__(self, "_site_index", index)
        return index[sid]


def normalise_weights(raw: Mapping[str, float]) -> dict[str, float]:
    """Non-negative finite weights -> shares summing to 1 (empty if they are all zero).

    Divides by the largest weight first, so that weights near the float limit (1e308) do
    not overflow their sum to infinity and turn every share into 0.
    """
    top = max(raw.values(), default=0.0)
    if not top > 0:
        return {}
    scaled = {k: v / top for k, v in raw.items()}
    total = sum(scaled.values())
    return {k: v / total for k, v in scaled.items()}
