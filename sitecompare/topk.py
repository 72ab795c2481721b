"""The best K sites of a large ranking, as a ranking of their own for the report and headline.

A site table can hold a million sites; the workbook and the headline show the best K (``compare
--top``, default 50). :func:`restrict` keeps the full ranking's results for those K sites:
their scores, ranks, rank intervals, normalised values and contributions, the weights, the
criteria that sit out, every screened-out site and every warning. It makes the model objects
(:class:`~sitecompare.model.Site`, :class:`~sitecompare.matrix.Cell`) for the K rows only, and
records how many sites were ranked (``Ranking.ranked``).

Whatever the report computes again on the K sites (the ranking under other scenarios and
methods, the built-only ranking, the What-if sheet's live formulas, the headline's deciding
facts) sees only those sites. So that min-max value functions still measure each site against
the whole set, every criterion without fixed anchors gets the full matrix's column extremes as
its ``scale`` anchors: WSM and VIKOR values computed again on the K sites then equal the full
ranking's. (Normalisations by a column's sum or norm, and PROMETHEE's pairwise flows, are
computed among the K sites shown; the workbook says so.)
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

import numpy as np

from .intervals import RankIntervals
from .matrix import DecisionMatrix
from .methods import MethodOutput
from .model import Criterion
from .ranking import Ranking

if TYPE_CHECKING:
    from .headline import Headline
    from .model import CriteriaSet
    from .tables.matrix import TableMatrix, _Cells

__all__ = ["restrict", "pinned_criteria", "table_headline", "DEFAULT_TOP"]

DEFAULT_TOP = 50


def pinned_criteria(dm: DecisionMatrix) -> tuple[Criterion, ...]:
    """The matrix's criteria, each without anchors pinned to its column's extremes."""
    out = []
    if dm.X.shape[0] == 0:
        return dm.criteria
    col_lo, col_hi = dm.X.min(axis=0), dm.X.max(axis=0)  # one pass over the rows for all columns
    for j, c in enumerate(dm.criteria):
        if c.anchors is not None:
            out.append(c)
            continue
        lo, hi = float(col_lo[j]), float(col_hi[j])
        if lo == hi:
            out.append(c)  # a constant column does not discriminate either way
            continue
        worst, best = (lo, hi) if c.direction == "max" else (hi, lo)
        out.append(replace(c, scale_worst=worst, scale_best=best))
    return tuple(out)


def restrict(ranking: Ranking, top: int) -> Ranking:
    """The best ``top`` sites of ``ranking`` (module docstring); ``ranking`` itself when it has
    no more sites than that and is made of profiles."""
    dm = ranking.matrix
    n = len(dm.site_ids)
    table = getattr(dm, "table", None)
    if n <= top and table is None:
        return ranking
    idx = np.asarray(ranking.order[:top], dtype=np.int64)
    k = len(idx)
    crits = pinned_criteria(dm) if n > top else dm.criteria
    if table is not None:
        tm = cast("TableMatrix", dm)  # a table's matrix is held by column
        rows = tm.rows[idx]
        sites = tuple(table.site(int(r)) for r in rows)
        make = cast("_Cells", tm.cells).make
        cells = {}
        for j, c in enumerate(dm.criteria):
            for i in idx.tolist():
                cell = make(i, j)
                cells[(cell.site, c.id)] = cell
    else:
        ids = [dm.site_ids[i] for i in idx]
        sites = tuple(ranking.study.site(s) for s in ids)
        cells = {(s, c.id): dm.cell(s, c.id) for c in dm.criteria for s in ids}
    site_ids = tuple(s.id for s in sites)
    note: tuple[str, ...] = ()
    if n > top:
        note = (
            f"{n:,} sites were ranked; this shows the best {k}. Min-max values use the extremes "
            "of all of them (as scale anchors); rankings computed again here (other scenarios, "
            "methods, built only, What-if) rank these sites among themselves.",
        )
    small = DecisionMatrix(
        site_ids=site_ids,
        criteria=crits,
        X=dm.X[idx],
        low=dm.low[idx],
        high=dm.high[idx],
        missing=dm.missing[idx],
        weights=dm.weights,
        cells=cells,
        excluded=tuple(dm.excluded),
        warnings=(*note, *dm.warnings),
        observed_low=dm.observed_low,
        observed_high=dm.observed_high,
        excluded_criteria=dm.excluded_criteria,
        not_comparable=dm.not_comparable,
        horizon=dm.horizon,
    )
    out = ranking.output
    sliced = MethodOutput(
        scores=np.asarray(out.scores)[idx],
        ranks=np.asarray(out.ranks)[idx],
        higher_is_better=out.higher_is_better,
        details={key: np.asarray(v)[idx] for key, v in out.details.items()},
        info=out.info,
        normalized=None if out.normalized is None else np.asarray(out.normalized)[idx],
        contributions=None if out.contributions is None else np.asarray(out.contributions)[idx],
    )
    iv = ranking.intervals
    small_iv = None
    if iv is not None:
        small_iv = RankIntervals(
            best=iv.best[idx],
            worst=iv.worst[idx],
            exact=iv.exact,
            how=iv.how,
            uncertain=int(np.asarray(dm.uncertain).sum()),
            configurations=iv.configurations,
            seed=iv.seed,
            score_low=None if iv.score_low is None else iv.score_low[idx],
            score_high=None if iv.score_high is None else iv.score_high[idx],
        )
    cs = _report_set(ranking, crits)
    study = replace(ranking.study, sites=sites, criteria_set=cs, table=None)
    return Ranking(
        study=study,
        matrix=small,
        method=ranking.method,
        info=ranking.info,
        output=sliced,
        intervals=small_iv,
        ranked=n,
    )


def _report_set(ranking: Ranking, crits: tuple[Criterion, ...]) -> CriteriaSet:
    """The criteria set for rankings computed again on the K sites: the criteria that take
    part keep taking part and the others keep sitting out (coverage among K sites is not the
    coverage of the set), anchors pinned as in the matrix, the set's order kept."""
    cs = ranking.study.criteria_set
    taking = {c.id: replace(c, min_coverage=0.0) for c in crits}
    out = tuple(taking.get(c.id, replace(c, min_coverage=1.0 + 1e-9)) for c in cs.criteria)
    return replace(cs, criteria=out)


def table_headline(ranking: Ranking, top: int) -> Headline:
    """The headline of a site table's ranking: read on its best ``top`` sites (whose rank
    intervals are the full ranking's), with the built-only leader of the whole table."""
    from .errors import SiteCompareError
    from .headline import headline
    from .ranking import rank

    small = restrict(ranking, top)
    dm = ranking.matrix
    built, why = None, None
    if dm.horizon != "built" and getattr(dm, "uses_plans", False):
        try:
            built = rank(replace(ranking.study, horizon="built"), ranking.method)
        except SiteCompareError as exc:
            why = "; ".join(i.message for i in exc.issues)
    return headline(small, built, why)
