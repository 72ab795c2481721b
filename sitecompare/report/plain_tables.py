"""The plain-tables layer: everything the workbook shows, computed once from a Ranking (no
openpyxl here).

The sheet writers only lay out what :func:`build_report_data` computed: the 0-100 score view
(:mod:`sitecompare.score_view`), the other scenarios and methods, the decomposition shown on
the Contributions sheet, the WSM model the What-if sheet rebuilds in formulas, and the
data-quality flags of every cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..errors import SiteCompareError
from ..headline import Headline, built_alongside, headline
from ..matrix import Cell, DecisionMatrix
from ..methods import MethodOutput, validate_method
from ..model import Criterion, MethodSpec, Site, Study
from ..ranking import Ranking, evaluate_matrix
from ..scenarios import ScenarioTable, method_label, rank_all_scenarios
from ..score_view import score_view

if TYPE_CHECKING:
    from ..sensitivity.robustness import Skip

__all__ = [
    "BUILTIN_METHODS",
    "MethodColumn",
    "Flag",
    "ReportData",
    "build_report_data",
    "score_view",
    "contribution_view",
    "cell_flags",
]

BUILTIN_METHODS = ("wsm", "wpm", "topsis", "vikor", "promethee2")
WHATIF_NORMALIZATIONS = ("minmax", "max", "sum", "vector", "none")


@dataclass(frozen=True)
class MethodColumn:
    """The ranking under one other built-in method, or why it could not run (``error`` in
    English, ``skip`` the values it refuses, for the workbook to say in its language)."""

    label: str
    spec: MethodSpec
    ranks: np.ndarray | None
    scores: np.ndarray | None
    error: str | None
    in_force: bool = False
    skip: Skip | None = None


@dataclass(frozen=True)
class Flag:
    """One data-quality flag of one matrix cell."""

    kind: str  # missing | plan | estimate | claim | range | computed | stale | clipped
    site: str
    criterion: str


@dataclass(frozen=True)
class ReportData:
    """Everything the sheets lay out, computed once by :func:`build_report_data`."""

    ranking: Ranking
    order: tuple[int, ...]  # site indices (into matrix.site_ids) in rank order
    view: np.ndarray  # 0-100 view of each site's score (higher is better)
    view_kind: str  # how the view is defined (an i18n key suffix)
    scenarios: ScenarioTable
    methods: tuple[MethodColumn, ...]
    contributions: np.ndarray  # (n, m) shown on the Contributions sheet
    contributions_kind: str  # "wsm" | "promethee2" | "wsm-fallback"
    normalized: np.ndarray  # (n, m) shown on the Normalised sheet
    normalized_kind: str  # "method" | "wsm-fallback"
    whatif_normalization: str
    whatif_output: MethodOutput  # Python WSM at the study weights (the What-if's start)
    flags: tuple[Flag, ...]
    as_of: dt.date
    generated: dt.datetime
    extra: dict[str, object] = field(default_factory=dict)
    headline: Headline | None = None  # what the ranking may claim (sitecompare.headline)
    built: Ranking | None = None  # the same study with horizon: built, when plans are used

    # ------------------------------------------------------------------ conveniences
    @property
    def study(self) -> Study:
        """The study ranked."""
        return self.ranking.study

    @property
    def dm(self) -> DecisionMatrix:
        """The decision matrix ranked."""
        return self.ranking.matrix

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """The criteria, in the matrix's column order."""
        return self.dm.criteria

    @property
    def ranked_ids(self) -> list[str]:
        """The site ids in rank order."""
        return [self.dm.site_ids[i] for i in self.order]

    def site(self, sid: str) -> Site:
        """The site with id ``sid`` (indexed once)."""
        index = self.__dict__.get("_site_index")
        if index is None:  # Study.site is a linear search; the sheets ask thousands of times
            index = {s.id: s for s in self.study.sites}
            object.__setattr__(self, "_site_index", index)
        return index[sid]

    def cell(self, sid: str, cid: str) -> Cell:
        """The matrix cell of site ``sid`` on criterion ``cid``."""
        return self.dm.cell(sid, cid)

    def rank_of(self, i: int) -> int:
        """The rank of the site at matrix row ``i``."""
        return int(self.ranking.output.ranks[i])

    def flags_of(self, sid: str, cid: str) -> list[str]:
        """The data-quality flag kinds of one cell (indexed once)."""
        index = self.__dict__.get("_flag_index")
        if index is None:
            index = {}
            for f in self.flags:
                index.setdefault((f.site, f.criterion), []).append(f.kind)
            object.__setattr__(self, "_flag_index", index)
        return list(index.get((sid, cid), ()))

    @property
    def is_wsm(self) -> bool:
        """Whether the ranking is by the weighted sum (WSM)."""
        return self.ranking.method.name == "wsm"


def contribution_view(ranking: Ranking, minmax: MethodOutput | None = None) -> tuple[np.ndarray, str]:
    """Each criterion's contribution to each site's score, ``(n, m)``, and its kind: ``wsm``
    (points of the 0-100 score), ``promethee2`` (the criterion's share of the net flow), or, for
    a method without additive contributions, ``wsm-fallback``: the points of the weighted sum of
    min-max values (``minmax``, that ranking's output when already evaluated)."""
    out = ranking.output
    if ranking.method.name == "wsm" and out.contributions is not None:
        return 100.0 * np.asarray(out.contributions), "wsm"
    if ranking.method.name == "promethee2" and out.contributions is not None:
        return np.asarray(out.contributions), "promethee2"
    if minmax is None:
        minmax = evaluate_matrix(ranking.matrix, MethodSpec("wsm", {"normalization": "minmax"}))
    assert minmax.contributions is not None
    return 100.0 * np.asarray(minmax.contributions), "wsm-fallback"


def cell_flags(dm: DecisionMatrix) -> list[Flag]:
    """Every data-quality flag of every cell of ``dm``, criterion by criterion."""
    out = []
    for c in dm.criteria:
        for sid in dm.site_ids:
            cell = dm.cell(sid, c.id)
            if cell.missing:
                out.append(Flag("missing", sid, c.id))
                continue
            assert cell.fact is not None
            if cell.fact.status == "plan":
                out.append(Flag("plan", sid, c.id))
            if cell.fact.status == "estimate":
                out.append(Flag("estimate", sid, c.id))
            if cell.fact.status == "claim":
                out.append(Flag("claim", sid, c.id))
            if cell.is_range:
                out.append(Flag("range", sid, c.id))
            if cell.fact.status == "computed":
                out.append(Flag("computed", sid, c.id))
            if cell.stale:
                out.append(Flag("stale", sid, c.id))
            if cell.clipped:
                out.append(Flag("clipped", sid, c.id))
    return out


def _method_columns(ranking: Ranking) -> tuple[MethodColumn, ...]:
    cols = []
    for name in BUILTIN_METHODS:
        spec = ranking.method
        if name != spec.name:
            default, _ = validate_method({"name": name})
            assert default is not None  # a built-in method's defaults are valid
            spec = default
        label = method_label(spec)
        if spec == ranking.method:
            cols.append(MethodColumn(label, spec, ranking.output.ranks, ranking.output.scores, None, True))
            continue
        try:  # what rank_all_methods does, on the matrix already built
            out = evaluate_matrix(ranking.matrix, spec)
        except SiteCompareError as exc:
            from ..sensitivity.robustness import diagnose_skip  # only for a method that fails

            skip = diagnose_skip(ranking.matrix, spec, exc)
            cols.append(MethodColumn(label, spec, None, None, skip.reason, skip=skip))
            continue
        cols.append(MethodColumn(label, spec, out.ranks, out.scores, None))
    return tuple(cols)


def build_report_data(
    ranking: Ranking,
    *,
    generated: dt.datetime | None = None,
    built: Ranking | None = None,
    head: Headline | None = None,
) -> ReportData:
    """The tables the sheets lay out. ``built`` is the built-only ranking shown beside the
    planned one and ``head`` the headline (:mod:`sitecompare.headline`); both are computed from
    ``ranking`` when not given."""
    if head is None:
        built, why = (built, None) if built is not None else built_alongside(ranking)
        head = headline(ranking, built, why)
    study = ranking.study
    dm = ranking.matrix
    out = ranking.output
    view, view_kind = score_view(ranking)
    order = tuple(int(i) for i in ranking.order)

    # the What-if model: WSM with the study's normalisation when the study ranks by WSM,
    # else WSM with min-max (the sheet says so)
    norm = "minmax"
    if ranking.method.name == "wsm":
        norm = str(dict(ranking.method.params).get("normalization", "minmax"))
    if norm not in WHATIF_NORMALIZATIONS:
        norm = "minmax"
    wsm_spec = MethodSpec("wsm", {"normalization": norm})
    whatif_out = out if ranking.method == wsm_spec else evaluate_matrix(dm, wsm_spec)

    contributions, ckind = contribution_view(ranking, whatif_out if norm == "minmax" else None)

    if out.normalized is not None and ranking.method.name != "wpm":
        normalized, nkind = np.asarray(out.normalized), "method"
    else:
        mm = evaluate_matrix(dm, MethodSpec("wsm", {"normalization": "minmax"}))
        assert mm.normalized is not None
        normalized, nkind = np.asarray(mm.normalized), "wsm-fallback"

    return ReportData(
        ranking=ranking,
        order=order,
        view=view,
        view_kind=view_kind,
        scenarios=rank_all_scenarios(study),
        methods=_method_columns(ranking),
        contributions=contributions,
        contributions_kind=ckind,
        normalized=normalized,
        normalized_kind=nkind,
        whatif_normalization=norm,
        whatif_output=whatif_out,
        flags=tuple(cell_flags(dm)),
        as_of=study.as_of or dt.date.today(),
        generated=generated or dt.datetime.now(dt.UTC).replace(microsecond=0),
        headline=head,
        built=built,
    )
