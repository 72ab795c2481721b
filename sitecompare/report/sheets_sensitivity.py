"""The sensitivity sheets of the comparison workbook (``compare --sensitivity``): the entry point
that ``xlsx`` calls.

Four sheets, after What-if, each written by an ``extra_sheets`` callable from a
:class:`~sitecompare.sensitivity.SensitivityResult` (``write_workbook(..., sensitivity=res)``),
each in a module of its own:

* **Weight sweeps** (``sheets_sweeps``): the one-at-a-time weight sweeps, one line chart per
  criterion (the score curves computed by :mod:`sitecompare.sensitivity.sweeps`), the crossovers.
* **Critical changes** (``sheets_critical``): the smallest change of one weight, or of one fact,
  that changes the ranking (Triantaphyllou & Sanchez 1997).
* **Rank acceptability** (``sheets_smaa``): SMAA-2 rank acceptability, central weights,
  confidence factors, pairwise winning indices, value of information.
* **Method agreement** (``sheets_agreement``): the rank of each site under every built-in method
  and normalisation, the Borda consensus, rank correlations between methods.

``sensitivity_common`` holds what they share: the sheet names and the context each sheet is
written from. Every sheet records the run's seed and sampling settings in row 3 (the
SMAA numbers depend on them; the rest is deterministic). :func:`sensitivity_headline` is the
Summary's one-line answer to "how sure are we?", :func:`sensitivity_run_info` the Run info lines.

Print layout: A4 landscape, one page wide, rows 1-3 repeated; explicit page breaks keep a
heading with its table or chart (the page model of :mod:`.layout.pages`). All text goes through
``layout.put`` (text that looks like a formula stays text); no cell holds a formula.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from openpyxl.workbook import Workbook

from ..errors import Issue, SiteCompareError
from .i18n import N_, Lang
from .layout import (
    Styles,
)
from .sensitivity_common import SENSITIVITY_SHEETS, SheetContext, sampling_text
from .sheets_agreement import write_agreement
from .sheets_critical import write_critical
from .sheets_smaa import write_acceptability
from .sheets_sweeps import MAX_CROSSOVERS, OAT_CHART_MAX_SITES, OAT_GRID, write_sweeps

if TYPE_CHECKING:
    from ..ranking import Ranking
    from ..sensitivity import SensitivityResult
    from ..sensitivity.sweeps import SweepCurves
    from .xlsx import ExtraSheet

__all__ = [
    "SENSITIVITY_SHEETS",
    "sensitivity_sheets",
    "sensitivity_headline",
    "robustness_verdict",
    "FRAGILE_BELOW",
    "ROBUST_FROM",
    "sensitivity_run_info",
    "check_matches",
    "OAT_CHART_MAX_SITES",
    "OAT_GRID",
    "MAX_CROSSOVERS",
]


def _pct(x: float) -> str:
    """A share for a sentence: 71%, <1%, >99%."""
    if not math.isfinite(x):
        return "n/a"
    if 0 < x < 0.01:
        return "<1%"
    if 0.99 < x < 1:
        return ">99%"
    return f"{x:.0%}"


# ----------------------------------------------------------------------------- headline
# How the Summary reads the smallest change of one weight that takes first place, relative to
# that weight. One definition of "critical" for the whole workbook: the change of the weight's
# share with the other weights rescaled in proportion (the Weight sweeps convention), so the
# weight at the change is the crossover on the Weight sweeps sheet and the "relative change" of
# the Critical changes sheet (sensitivity.critical: ``share_relative``; the pairs are those of
# Triantaphyllou & Sanchez 1997). The thresholds are a judgement, not a published standard:
# weights that stakeholders agree on still differ by a fifth or so between people (20% against
# 16% or 24%), so a change of less than FRAGILE_BELOW (a quarter of the weight) is within
# ordinary disagreement and first place is fragile; a change of ROBUST_FROM (half the weight) or
# more is beyond it and first place is robust; between the two it is moderately robust. The
# smallest change is taken over every criterion, so the verdict holds for each weight on its own
# (not for several weights moved together: the Rank acceptability sheet answers that).
FRAGILE_BELOW = 0.25
ROBUST_FROM = 0.50

_VERDICTS = {
    "robust": N_(
        ": first place is robust to smaller changes of one weight, though not to any change "
        "(the Weight sweeps sheet shows where each weight hands it over)."
    ),
    "moderate": N_(
        ": first place is moderately robust: it survives a moderate disagreement about any one "
        "weight, not a large one."
    ),
    "fragile": N_(": first place is fragile: stakeholders often disagree about a weight by that much."),
}
_CHANGE = {
    "cut": N_(
        "The smallest single-weight change that takes first place from {site} is to cut the {crit} "
        "weight by {rel} of itself, from {now} to {new} of the total (the others rescaled in "
        "proportion), which hands it to {other}"
    ),
    "raise": N_(
        "The smallest single-weight change that takes first place from {site} is to raise the "
        "{crit} weight by {rel} of itself, from {now} to {new} of the total (the others rescaled "
        "in proportion), which hands it to {other}"
    ),
}


def robustness_verdict(relative: float) -> str:
    """'robust', 'moderate' or 'fragile' for the smallest relative weight change that takes
    first place (see FRAGILE_BELOW and ROBUST_FROM)."""
    size = abs(relative)
    if size >= ROBUST_FROM:
        return "robust"
    if size < FRAGILE_BELOW:
        return "fragile"
    return "moderate"


def sensitivity_headline(res: SensitivityResult, L: Lang) -> str:
    """'X is first in 71% of 10,000 uniformly sampled weightings (seed 1). The smallest
    single-weight change that takes first place from X is to cut the Talent weight by 93.6%
    (from 20.0% to 1.3%), which hands it to Y: first place is robust to any one weight.'"""
    cx = SheetContext(res, L, Styles.for_lang(L.code))
    sm = res.smaa
    leader = res.leader
    i = res.matrix.site_ids.index(leader)
    first = sm.rank_acceptability[:, 0]
    text = L.t(
        "{site} is first in {share} of {n} {how} (seed {seed})",
        site=cx.name[leader],
        share=_pct(float(first[i])),
        n=f"{sm.samples:,}",
        how=sampling_text(res, L),
        seed=sm.seed,
    )
    best = int(np.argmax(first))
    if first[best] > first[i] and res.matrix.site_ids[best] != leader:
        text += L.t(
            "; {other} is first more often ({share})",
            other=cx.name[res.matrix.site_ids[best]],
            share=_pct(float(first[best])),
        )
    text += ". "
    top = res.most_critical.get("share", {}).get("top", {})
    pick = top.get("percent")
    if pick:
        a, b = pick["sites"]
        other = b if a == leader else a
        rel = float(pick["share_relative"])
        text += L.t(
            _CHANGE["cut" if rel < 0 else "raise"],
            site=cx.name[leader],
            crit=cx.cname(pick["criterion"]),
            rel=f"{abs(rel) * 100:.1f}%",
            now=f"{float(pick['weight']):.1%}",
            new=f"{float(pick['new_weight']):.1%}",
            other=cx.name[other],
        )
        text += L.t(_VERDICTS[robustness_verdict(rel)])
    elif top.get("absolute"):
        pick = top["absolute"]
        a, b = pick["sites"]
        text += L.t(
            "First place changes only when the {crit} weight, now 0%, rises to {new} of the total, "
            "which hands it to {other}.",
            crit=cx.cname(pick["criterion"]),
            new=f"{pick['new_weight']:.1%}",
            other=cx.name[b if a == leader else a],
        )
    else:
        text += L.t(
            "No change of a single weight takes first place from {site}: first place is robust to "
            "any one weight.",
            site=cx.name[leader],
        )
    return text


def sensitivity_run_info(res: SensitivityResult, L: Lang) -> dict[str, Any]:
    """Run info lines: the seed (it replaces the 'none' line) and the sampling settings."""
    sm = res.smaa
    info: dict[str, Any] = {
        L.t("Seed"): sm.seed,
        L.t("SMAA samples"): sm.samples,
        L.t("Weight sampling"): sm.weight_sampling,
    }
    if sm.concentration is not None:
        info[L.t("Dirichlet concentration")] = sm.concentration
    info[L.t("Missing facts in SMAA")] = (
        L.t("unknown: drawn within the other sites' observed range")
        if any(c.kind == "missing" for c in sm.uncertain)
        else L.t("unknown (missing: interval): drawn within the criterion's plausible range")
        if any(c.kind == "unknown" for c in sm.uncertain)
        else L.t("their imputed values")
    )
    info[L.t("Sensitivity sheets")] = ", ".join(L.sheet(key) for key in SENSITIVITY_SHEETS)
    return info


def check_matches(res: SensitivityResult, ranking: Ranking) -> None:
    """The sensitivity result must be of the ranking the workbook shows."""
    if (
        tuple(res.matrix.site_ids) != tuple(ranking.matrix.site_ids)
        or tuple(res.matrix.criterion_ids) != tuple(ranking.matrix.criterion_ids)
        or res.method != ranking.method
        or not np.allclose(res.matrix.weights, ranking.matrix.weights)
    ):
        raise SiteCompareError(
            Issue(
                "sensitivity",
                "",
                "the sensitivity result is of another study, method or weights than the ranking",
            )
        )


def sensitivity_sheets(
    res: SensitivityResult, curves: Sequence[SweepCurves] | None = None
) -> list[ExtraSheet]:
    """The four sheets as ``extra_sheets`` callables for :func:`write_workbook`. ``curves`` are
    the scores along each weight sweep for the Weight sweeps charts
    (``sitecompare.sensitivity.sweeps.sweep_curves(res, OAT_GRID)``), computed when the sheet
    is written if not given."""

    def sweeps(wb: Workbook, st: Styles, L: Lang) -> None:
        if curves is None:
            from ..sensitivity.sweeps import sweep_curves

            write_sweeps(wb, st, L, res, sweep_curves(res, OAT_GRID))
        else:
            write_sweeps(wb, st, L, res, curves)

    def critical(wb: Workbook, st: Styles, L: Lang) -> None:
        write_critical(wb, st, L, res)

    def acceptability(wb: Workbook, st: Styles, L: Lang) -> None:
        write_acceptability(wb, st, L, res)

    def agreement(wb: Workbook, st: Styles, L: Lang) -> None:
        write_agreement(wb, st, L, res)

    return [sweeps, critical, acceptability, agreement]
