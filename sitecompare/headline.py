# ruff: noqa: E501 - the sentence templates are long English strings, keys of the Korean table
"""The headline of a comparison: what the ranking may claim and what it may not.

A :class:`Headline` is computed from a :class:`~sitecompare.ranking.Ranking` (and, when plans
are used, the ranking of the same study with ``horizon: built``):

* the leader and its rank interval (weights fixed, every ranged and unknown fact free within
  its range: :mod:`sitecompare.intervals`);
* the sites the data cannot separate from the leader (their rank intervals overlap its own)
  and the uncertain facts whose collection would separate them: those that move a site's score
  most (:func:`sitecompare.intervals.swings`);
* the horizon (plans counted as built, or set aside), the built-only leader beside it;
* the coverage: the criteria that sit out and why, the facts not comparable;
* who set the weights (``weights_by``).

:func:`headline_sentences` turns it into sentences through a translator ``t(template, **kw)``
(English by default; the workbook passes its Korean one), so that the command line and the
workbook say the same thing. The templates are listed in :data:`HEADLINE_TEMPLATES`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .intervals import Swing, overlapping, swings
from .matrix import ExcludedCriterion
from .sentences import fill, plain_value

if TYPE_CHECKING:
    from .ranking import Ranking

__all__ = [
    "Headline",
    "headline",
    "headline_sentences",
    "built_alongside",
    "HEADLINE_TEMPLATES",
    "DECIDING_FACTS",
]

DECIDING_FACTS = 3  # uncertain facts named by the headline

H_LEAD_EXACT = "{site} ranks first. With these weights it could rank {interval} as the uncertain facts vary within their ranges."
H_LEAD_SAMPLED = "{site} ranks first. With these weights it could rank {interval} as the uncertain facts vary within their ranges (found by sampling: the true range may be wider)."
H_LEAD_SURE = "{site} ranks first, and no uncertain fact can change that with these weights."
H_TIE = "{sites} share first place."
H_CANNOT_SEPARATE = "The data cannot separate {sites} from it: their rank intervals overlap."
H_DECIDING = "The facts whose collection would separate them, largest effect first: {facts}."
H_FACT_UNKNOWN = "{crit} of {site} (unknown, {low} to {high})"
H_FACT_RANGE = "{crit} of {site} (sources disagree, {low} to {high})"
H_HORIZON_PLANNED = "Horizon: planned (plans count as if built). Comparing only what is built, {site} ranks first."
H_HORIZON_PLANNED_TIE = "Horizon: planned (plans count as if built). Comparing only what is built, {sites} share first place."
H_HORIZON_PLANNED_SAME = "Horizon: planned (plans count as if built). Comparing only what is built, the leader is the same."
H_HORIZON_PLANNED_NONE = "Horizon: planned (plans count as if built). A built-only ranking is not possible: {why}."
H_HORIZON_PLANNED_NO_PLANS = "Horizon: planned; no fact used is a plan."
H_HORIZON_BUILT = "Horizon: built (planned figures are set aside and count as missing)."
H_COVERAGE_ALL = "Coverage: all {n} criteria take part."
H_COVERAGE_SOME = "Coverage: {used} of {n} criteria take part; {out} sit out (too few sites have a comparable figure) and their weight is shared among the others in proportion."
H_NOT_COMPARABLE = "{k} facts of another scope or horizon are not used (listed on Data quality)."
H_WEIGHTS_BY = "Weights set by: {who}."
H_WEIGHTS_BY_UNKNOWN = "Who set the weights is not recorded (weights_by in the criteria file)."

HEADLINE_TEMPLATES = (
    H_LEAD_EXACT,
    H_LEAD_SAMPLED,
    H_LEAD_SURE,
    H_TIE,
    H_CANNOT_SEPARATE,
    H_DECIDING,
    H_FACT_UNKNOWN,
    H_FACT_RANGE,
    H_HORIZON_PLANNED,
    H_HORIZON_PLANNED_TIE,
    H_HORIZON_PLANNED_SAME,
    H_HORIZON_PLANNED_NONE,
    H_HORIZON_PLANNED_NO_PLANS,
    H_HORIZON_BUILT,
    H_COVERAGE_ALL,
    H_COVERAGE_SOME,
    H_NOT_COMPARABLE,
    H_WEIGHTS_BY,
    H_WEIGHTS_BY_UNKNOWN,
)


@dataclass(frozen=True)
class Headline:
    """What the ranking may claim: the leader and its rank interval, who cannot be told apart
    from it and which facts would, the horizon, coverage and who set the weights."""

    leader: str
    interval: tuple[int, int]
    exact: bool
    tied: tuple[str, ...]  # sharing first place with the leader (leader included)
    inseparable: tuple[str, ...]  # rank intervals overlapping the leader's
    deciding: tuple[Swing, ...]
    horizon: str
    plans_used: bool
    built_leader: tuple[str, ...] | None  # first place with horizon: built (None: not computed)
    built_error: str | None
    criteria_used: tuple[str, ...]
    sitting_out: tuple[ExcludedCriterion, ...]
    not_comparable: int
    weights_by: str | None
    units: dict[str, str] = field(default_factory=dict)  # criterion id -> unit


def headline(ranking: Ranking, built: Ranking | None = None, built_error: str | None = None) -> Headline:
    """The :class:`Headline` of ``ranking``; ``built`` is the ranking of the same study with
    ``horizon: built`` (or None with ``built_error`` saying why there is none)."""
    dm = ranking.matrix
    ranks = ranking.output.ranks
    lead = int(ranking.order[0])
    iv = ranking.intervals
    sites = dm.site_ids
    tied = tuple(sites[i] for i in ranking.order if ranks[i] == ranks[lead])
    if iv is not None:
        inter = iv.of(lead)
        others = overlapping(iv, lead)
        exact = iv.exact
    else:
        inter, others, exact = (int(ranks[lead]),) * 2, [], True
    inseparable = tuple(sites[k] for k in sorted(others, key=lambda k: (ranks[k], k)) if sites[k] not in tied)
    deciding: list[Swing] = []
    if others:
        deciding = swings(dm, ranking.method, [lead, *others])[:DECIDING_FACTS]
    plans = any(c.status == "plan" for c in dm.cells.values())
    built_leader = None
    if built is not None:
        b_ranks = built.output.ranks
        built_leader = tuple(built.matrix.site_ids[i] for i in built.order if b_ranks[i] == 1)
    return Headline(
        leader=sites[lead],
        interval=(int(inter[0]), int(inter[1])),
        exact=exact,
        tied=tied,
        inseparable=inseparable,
        deciding=tuple(deciding),
        horizon=dm.horizon,
        plans_used=plans,
        built_leader=built_leader,
        built_error=built_error,
        criteria_used=dm.criterion_ids,
        sitting_out=dm.excluded_criteria,
        not_comparable=len(dm.not_comparable),
        weights_by=ranking.study.criteria_set.weights_by,
        units={c.id: c.unit for c in dm.criteria},
    )


def built_alongside(ranking: Ranking) -> tuple[Ranking | None, str | None]:
    """The same study ranked with ``horizon: built`` when ``ranking`` counts plans as built and
    uses at least one plan: ``(Ranking, None)``, or ``(None, why)`` when that ranking is not
    possible (e.g. every criterion sits out), or ``(None, None)`` when it is not needed."""
    from dataclasses import replace

    from .errors import SiteCompareError
    from .ranking import rank

    dm = ranking.matrix
    if dm.horizon == "built" or not any(c.status == "plan" for c in dm.cells.values()):
        return None, None
    try:
        return rank(replace(ranking.study, horizon="built"), ranking.method), None
    except SiteCompareError as exc:
        return None, "; ".join(i.message for i in exc.issues)


def headline_sentences(
    h: Headline,
    *,
    t: Callable[..., str] = fill,
    site: Callable[[str], str] = str,
    crit: Callable[[str], str] = str,
    value: Callable[[float, str], str] = plain_value,
    join: Callable[[list[str]], str] = ", ".join,
) -> list[str]:
    """The headline as sentences: the answer first, then what qualifies it."""
    out: list[str] = []
    lo, hi = h.interval
    interval = f"{lo}" if lo == hi else f"{lo}–{hi}"
    if len(h.tied) > 1:
        out.append(t(H_TIE, sites=join([site(s) for s in h.tied])))
    if lo == hi and not h.inseparable:
        out.append(t(H_LEAD_SURE, site=site(h.leader)))
    else:
        out.append(t(H_LEAD_EXACT if h.exact else H_LEAD_SAMPLED, site=site(h.leader), interval=interval))
    if h.inseparable:
        out.append(t(H_CANNOT_SEPARATE, sites=join([site(s) for s in h.inseparable])))
        if h.deciding:
            facts = [
                t(
                    H_FACT_UNKNOWN if d.kind == "unknown" else H_FACT_RANGE,
                    crit=crit(d.criterion),
                    site=site(d.site),
                    low=value(d.low, ""),
                    high=value(d.high, h.units.get(d.criterion, "")),
                )
                for d in h.deciding
            ]
            out.append(t(H_DECIDING, facts="; ".join(facts)))
    if h.horizon == "built":
        out.append(t(H_HORIZON_BUILT))
    elif not h.plans_used:
        out.append(t(H_HORIZON_PLANNED_NO_PLANS))
    elif h.built_leader is not None:
        if set(h.built_leader) == set(h.tied):
            out.append(t(H_HORIZON_PLANNED_SAME))
        elif len(h.built_leader) > 1:
            out.append(t(H_HORIZON_PLANNED_TIE, sites=join([site(s) for s in h.built_leader])))
        else:
            out.append(t(H_HORIZON_PLANNED, site=site(h.built_leader[0])))
    elif h.built_error:
        out.append(t(H_HORIZON_PLANNED_NONE, why=h.built_error))
    n = len(h.criteria_used) + len(h.sitting_out)
    if h.sitting_out:
        out.append(
            t(
                H_COVERAGE_SOME,
                used=len(h.criteria_used),
                n=n,
                out=join([crit(x.criterion) for x in h.sitting_out]),
            )
        )
    else:
        out.append(t(H_COVERAGE_ALL, n=n))
    if h.not_comparable:
        out.append(t(H_NOT_COMPARABLE, k=h.not_comparable))
    out.append(t(H_WEIGHTS_BY, who=h.weights_by) if h.weights_by else t(H_WEIGHTS_BY_UNKNOWN))
    return out
