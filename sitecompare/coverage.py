"""Fact coverage of each site: what the criteria need, what is missing, planned, ranged, stale."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .model import CriteriaSet, Site, date_text

__all__ = ["SiteCoverage", "coverage"]


@dataclass(frozen=True)
class SiteCoverage:
    site: str
    name: str
    name_local: str | None
    facts: int
    criteria_total: int
    criteria_covered: int
    missing: tuple[str, ...]  # criterion facts the site lacks (or has of another scope)
    planned: tuple[str, ...]
    estimated: tuple[str, ...]
    ranged: tuple[str, ...]
    computed: tuple[str, ...]
    stale: tuple[str, ...]  # facts older than the stale age
    oldest: dt.date | None
    newest: dt.date | None
    sources: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    not_comparable: tuple[str, ...] = ()  # criterion facts of a scope the criterion does not compare
    claims: tuple[str, ...] = ()
    oldest_precision: str = "day"  # as the oldest (newest) fact's date was written
    newest_precision: str = "day"

    def to_json(self) -> dict[str, Any]:
        """The site's coverage as JSON data (dates as written)."""
        return {
            "site": self.site,
            "name": self.name,
            "name_local": self.name_local,
            "facts": self.facts,
            "sources": self.sources,
            "criteria_covered": self.criteria_covered,
            "criteria_total": self.criteria_total,
            "missing": list(self.missing),
            "planned": list(self.planned),
            "estimated": list(self.estimated),
            "ranged": list(self.ranged),
            "computed": list(self.computed),
            "stale": list(self.stale),
            "not_comparable": list(self.not_comparable),
            "claims": list(self.claims),
            "oldest": date_text(self.oldest, self.oldest_precision) if self.oldest else None,
            "newest": date_text(self.newest, self.newest_precision) if self.newest else None,
        }


def coverage(
    sites: list[Site] | tuple[Site, ...],
    cs: CriteriaSet,
    *,
    as_of: dt.date | None = None,
    stale_after_years: float | None = None,
) -> list[SiteCoverage]:
    """Each site's fact coverage against the criteria of ``cs``; facts older than
    ``stale_after_years`` (default: the set's) before ``as_of`` (default: today) are stale."""
    today = as_of or dt.date.today()
    years = cs.stale_after_years if stale_after_years is None else stale_after_years
    needed = [c.fact for c in cs.criteria]
    out = []
    for s in sites:
        facts = s.facts
        dates = sorted(facts.values(), key=lambda f: f.as_of)
        # a criterion is covered by a fact it can compare (its scope); others are listed apart
        usable = [c.fact for c in cs.criteria if c.fact in facts and c.accepts_scope(facts[c.fact].scope)]
        other = [c.fact for c in cs.criteria if c.fact in facts and c.fact not in usable]
        out.append(
            SiteCoverage(
                site=s.id,
                name=s.name,
                name_local=s.name_local,
                facts=len(facts),
                criteria_total=len(needed),
                criteria_covered=len(usable),
                missing=tuple(k for k in needed if k not in usable),
                not_comparable=tuple(other),
                claims=tuple(k for k, f in facts.items() if f.status == "claim"),
                planned=tuple(k for k, f in facts.items() if f.status == "plan"),
                estimated=tuple(k for k, f in facts.items() if f.status == "estimate"),
                ranged=tuple(k for k, f in facts.items() if f.is_range),
                computed=tuple(k for k, f in facts.items() if f.status == "computed"),
                stale=tuple(k for k, f in facts.items() if (today - f.as_of).days / 365.25 > years),
                oldest=dates[0].as_of if dates else None,
                newest=dates[-1].as_of if dates else None,
                sources=len(s.sources),
                oldest_precision=dates[0].as_of_precision if dates else "day",
                newest_precision=dates[-1].as_of_precision if dates else "day",
            )
        )
    return out
