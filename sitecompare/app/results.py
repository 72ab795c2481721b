"""What the weights page shows of a ranking, as plain functions (no Streamlit here): the ranking
table with its rank intervals, the headline, the contributions, the walking-weights sweep, SMAA-2
and the data-quality panel, as HTML or as rows for a chart. :mod:`.logic` holds the study, the
weights (points) and the ranking they give; :mod:`.page` lays both out.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Issue, ValidationError
from ..headline import built_alongside, headline, headline_sentences
from ..ranking import Ranking
from .i18n import AppLang
from .logic import clean_points, weights_text

if TYPE_CHECKING:
    from ..sensitivity.smaa import SMAAResult

__all__ = [
    "SWEEP_SITES",
    "CONTRIBUTION_SITES",
    "RankRow",
    "ranking_rows",
    "score_header",
    "ranking_html",
    "interval_note",
    "headline_text",
    "headline_html",
    "contributions",
    "Sweep",
    "sweep",
    "smaa",
    "acceptability_html",
    "Quality",
    "quality",
    "table_html",
    "lines_html",
]

SWEEP_SITES = 12  # the walking-weights chart follows at most this many best-placed sites
CONTRIBUTION_SITES = 30  # bars in the contributions chart (the best-placed sites)


@dataclass(frozen=True)
class RankRow:
    """One site's row of the page's ranking table."""

    rank: int
    site: str
    name: str
    score: float
    best: int
    worst: int
    bar: float  # 0-100, higher is better (the workbook's score view)


def ranking_rows(ranking: Ranking, L: AppLang) -> list[RankRow]:
    """The ranking's rows in rank order, with each site's could-rank interval and bar length."""
    from ..report.plain_tables import score_view

    view, _ = score_view(ranking)
    rows = []
    for i in ranking.order:
        sid = ranking.site_ids[i]
        rank_i = int(ranking.output.ranks[i])
        best, worst = ranking.intervals.of(int(i)) if ranking.intervals is not None else (rank_i, rank_i)
        rows.append(
            RankRow(
                rank=rank_i,
                site=sid,
                name=L.site_name(ranking.study.site(sid)),
                score=float(ranking.output.scores[i]),
                best=int(best),
                worst=int(worst),
                bar=float(np.clip(view[i], 0.0, 100.0)) if np.isfinite(view[i]) else 0.0,
            )
        )
    return rows


def _e(text: object) -> str:
    """Text from an input file as HTML text: escaped, on one line (a blank line would end the
    HTML block that Streamlit's Markdown passes through)."""
    return html.escape(" ".join(str(text).split()), quote=True)


def score_header(ranking: Ranking, L: AppLang) -> str:
    """The score column's header: the method's score label (and "lower is better")."""
    label = {"score": "Score", "closeness": "Closeness", "Q": "Q", "net flow": "Net flow"}.get(
        ranking.info.score_label, ranking.info.score_label
    )
    text = L.t(label)
    if not ranking.output.higher_is_better:
        text += " (" + L.t("lower is better") + ")"
    return text


def ranking_html(ranking: Ranking, L: AppLang, points: Mapping[str, float]) -> str:
    """The ranking as a real HTML table (``#sc-ranking``): site names are text in the page.

    ``data-weights`` holds the weights it was ranked with (``--weights`` form), ``data-method``
    and ``data-horizon`` the method and horizon, so that a reader (or a test) can tell which
    run a table shows."""
    iv = ranking.intervals
    sampled = iv is not None and not iv.exact and iv.uncertain > 0
    could = L.t("Could rank") + (" *" if sampled else "")
    head = [L.t("Rank"), could, L.t("Site"), score_header(ranking, L), ""]
    out = [
        f'<table id="sc-ranking" class="sc-ranking" data-weights="{_e(weights_text(clean_points(points)))}"'
        f' data-method="{_e(ranking.method.name)}" data-horizon="{_e(ranking.matrix.horizon)}">',
        "<thead><tr>" + "".join(f'<th scope="col">{_e(h)}</th>' for h in head) + "</tr></thead>",
        "<tbody>",
    ]
    for r in ranking_rows(ranking, L):
        interval = f"{r.best}" if r.best == r.worst else f"{r.best}–{r.worst}"
        moves = " sc-moves" if r.best != r.worst else ""
        out.append(
            f'<tr data-site="{_e(r.site)}">'
            f'<td class="sc-rank">{r.rank}</td>'
            f'<td class="sc-could{moves}">{_e(interval)}</td>'
            f'<td class="sc-site"><span class="sc-name">{_e(r.name)}</span> '
            f'<span class="sc-id">{_e(r.site)}</span></td>'
            f'<td class="sc-score">{r.score:.4f}</td>'
            f'<td class="sc-barcell"><div class="sc-bar" style="width:{r.bar:.1f}%"></div></td>'
            "</tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def interval_note(ranking: Ranking, L: AppLang) -> str:
    """What "could rank" means, and how the intervals were found."""
    text = L.t(
        "Could rank: the best and the worst rank each site can take with these weights while "
        "every uncertain fact (a range where sources disagree, or an unknown value within the "
        "criterion's plausible range) moves within its range; ties share the better rank."
    )
    iv = ranking.intervals
    if iv is not None and iv.uncertain and not iv.exact:
        text += " * " + L.t("Found by sampling: the true range may be wider.")
    return text


def headline_text(ranking: Ranking, L: AppLang) -> list[str]:
    """The Summary's headline sentences, in the page's language (as the workbook's)."""
    built, why = built_alongside(ranking)
    h = headline(ranking, built, why)
    crits = {c.id: c for c in ranking.study.criteria_set.criteria}
    return headline_sentences(
        h,
        t=L.t,
        site=lambda sid: L.site_name(ranking.study.site(sid)),
        crit=lambda cid: L.crit(crits[cid]),
        value=L.num,
    )


def headline_html(ranking: Ranking, L: AppLang) -> str:
    """The headline sentences as the page's ``#sc-headline`` block, one paragraph each."""
    body = "".join(f"<p>{_e(s)}</p>" for s in headline_text(ranking, L))
    return f'<div id="sc-headline" class="sc-headline">{body}</div>'


# ------------------------------------------------------------------------ contributions
def contributions(
    ranking: Ranking, L: AppLang, *, max_sites: int = CONTRIBUTION_SITES
) -> tuple[list[dict[str, Any]], str, str]:
    """Each criterion's part of each site's score (the workbook's Contributions sheet): rows of
    ``{site, criterion, value, order}`` for the ``max_sites`` best-placed sites, the kind
    (``wsm``, ``promethee2``, ``wsm-fallback``) and a sentence saying what the bars are."""
    from ..report.plain_tables import contribution_view
    from ..report.sheets_matrix import contributions_text

    C, kind = contribution_view(ranking)
    crits = ranking.matrix.criteria
    rows = []
    for pos, i in enumerate(ranking.order[:max_sites]):
        site = L.site_name(ranking.study.site(ranking.site_ids[i]))
        for j, c in enumerate(crits):
            rows.append({"site": site, "criterion": L.crit(c), "value": float(C[i, j]), "order": pos})
    return rows, kind, contributions_text(L, kind, ranking.info.title)


# ------------------------------------------------------------------------------- sweep
@dataclass(frozen=True)
class Sweep:
    """The walking-weights sweep of one criterion (the library's OAT result) laid out for a chart."""

    criterion: str
    current: float  # the criterion's share of the weights now
    stability: tuple[float, float]
    top: tuple[float, float]
    exact: bool
    shown: int  # sites followed (the best-placed ones)
    sites: int  # sites in the comparison
    curves: list[dict[str, Any]]  # {weight, site, score}
    # {weight, score, ahead_below, ahead_above, rank, changes_first, label, above}
    crossovers: list[dict[str, Any]]


def sweep(ranking: Ranking, criterion: str, L: AppLang, *, max_sites: int = SWEEP_SITES) -> Sweep:
    """Scores of the sites as ``criterion``'s weight walks over [0, 1], the others rescaled in
    proportion (the project's OAT convention), from :func:`~sitecompare.sensitivity.oat.oat_sweep`.

    With more than ``max_sites`` sites the sweep follows the ``max_sites`` best-placed ones
    (:meth:`~sitecompare.sensitivity.evaluate.Evaluator.only`: their scores are still those of
    the whole comparison), so a slider move stays quick with thousands of sites; the intervals
    are then those of the shown sites' order."""
    from ..sensitivity.evaluate import Evaluator
    from ..sensitivity.oat import oat_sweep, oat_weights

    dm = ranking.matrix
    k = dm.criterion_ids.index(criterion)
    ev = Evaluator(dm.problem(), ranking.method)
    shown = [int(i) for i in ranking.order[:max_sites]]
    if len(shown) < len(dm.site_ids):
        ev = ev.only(shown)
    else:
        shown = list(range(len(dm.site_ids)))
    ids = tuple(dm.site_ids[i] for i in shown)
    res = oat_sweep(ev, dm.weights, k, ids)
    names = [L.site_name(ranking.study.site(s)) for s in ids]
    order = {s: p for p, s in enumerate(ids)}
    by_rank = sorted(range(len(ids)), key=lambda j: int(ranking.output.ranks[shown[j]]))
    curves = [
        {"weight": float(t), "site": names[j], "score": float(res.curves[g, j])}
        for g, t in enumerate(res.grid)
        for j in by_rank
    ]
    crossovers: list[dict[str, Any]] = []
    if res.crossovers:
        at = ev.native(oat_weights(dm.weights, k, np.array([c.weight for c in res.crossovers])))
        for q, c in enumerate(res.crossovers):
            a, b = order[c.sites[0]], order[c.sites[1]]
            crossovers.append(
                {
                    "weight": float(c.weight),
                    "score": float(0.5 * (at[q, a] + at[q, b])),
                    "ahead_below": names[a],
                    "ahead_above": names[b],
                    "rank": int(c.rank),
                    "changes_first": bool(c.changes_first),
                    "label": f"{100 * c.weight:.0f}%",
                }
            )
    # a label goes above its point unless the previous one (by weight) sat above and close by
    prev: dict[str, Any] | None = None
    for point in sorted(crossovers, key=lambda x: float(x["weight"])):
        near = (
            prev is not None
            and point["weight"] - prev["weight"] < 0.04
            and abs(point["score"] - prev["score"]) < 0.08
        )
        point["above"] = not (near and prev is not None and prev["above"])
        prev = point
    return Sweep(
        criterion=criterion,
        current=float(res.current),
        stability=(float(res.stability_interval[0]), float(res.stability_interval[1])),
        top=(float(res.top_interval[0]), float(res.top_interval[1])),
        exact=bool(res.exact),
        shown=len(ids),
        sites=len(dm.site_ids),
        curves=curves,
        crossovers=crossovers,
    )


# -------------------------------------------------------------------------------- SMAA
def smaa(
    ranking: Ranking,
    *,
    samples: int,
    seed: int,
    weight_sampling: str = "uniform",
    progress: Callable[[int, int], None] | None = None,
) -> SMAAResult:
    """SMAA-2 rank acceptabilities for the ranking's study, method and weights (the same run
    as ``sitecompare sensitivity``'s SMAA part, with the same seed)."""
    from ..sensitivity import WEIGHT_SAMPLINGS
    from ..sensitivity.evaluate import Evaluator
    from ..sensitivity.smaa import run_smaa_on_matrix

    if samples < 1:
        raise ValidationError([Issue("--samples", "", f"must be at least 1, got {samples}")])
    if seed < 0:
        raise ValidationError([Issue("--seed", "", f"must be a whole number >= 0, got {seed!r}")])
    if weight_sampling not in WEIGHT_SAMPLINGS:
        raise ValidationError([Issue("--weight-sampling", "", f"{weight_sampling!r} is not valid")])
    dm = ranking.matrix
    if len(dm.site_ids) < 2:
        raise ValidationError([Issue("sites", "", "SMAA needs at least two sites in the comparison")])
    ev = Evaluator(dm.problem(), ranking.method)
    return run_smaa_on_matrix(
        dm, ev, dm.weights, samples=samples, seed=seed, weight_sampling=weight_sampling, progress=progress
    )


def acceptability_html(result: SMAAResult, ranking: Ranking, L: AppLang) -> str:
    """Rank acceptabilities (share of samples in which each site takes each rank), as an HTML
    table (``#sc-smaa``), sites in the ranking's order."""
    n = len(result.sites)
    index = {s: i for i, s in enumerate(result.sites)}
    head = [L.t("Site"), *[f"{r}" for r in range(1, n + 1)], L.t("Expected rank")]
    out = [
        f'<table id="sc-smaa" class="sc-smaa" data-seed="{result.seed}" data-samples="{result.samples}">',
        "<thead><tr>" + "".join(f'<th scope="col">{_e(h)}</th>' for h in head) + "</tr></thead><tbody>",
    ]
    expected = result.expected_rank
    for i in ranking.order:
        sid = ranking.site_ids[i]
        k = index[sid]
        cells = []
        for r in range(n):
            x = float(result.rank_acceptability[k, r])
            alpha = min(1.0, x) * 0.85
            cells.append(
                f'<td class="sc-acc" style="background: rgba(31,119,180,{alpha:.2f})">'
                f"{'' if x == 0 else f'{100 * x:.0f}%' if x >= 0.005 else '<1%'}</td>"
            )
        out.append(
            f'<tr data-site="{_e(sid)}"><td class="sc-site">{_e(L.site_name(ranking.study.site(sid)))}</td>'
            + "".join(cells)
            + f'<td class="sc-score">{expected[k]:.2f}</td></tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


# ------------------------------------------------------------------------ data quality
@dataclass(frozen=True)
class Quality:
    """The page's coverage and data-quality panel, as rows of text."""

    sitting_out: list[dict[str, str]]  # criterion, sites, coverage, need, reason
    not_comparable: list[dict[str, str]]  # site, criterion, fact, scope, compared, status, reason
    counts: list[tuple[str, int]]  # (flag label, number of cells), in a fixed order
    excluded: list[tuple[str, str]]  # (site, reason) screened out
    notes: list[str]  # the ranking's notes (imputations, clipping), as the CLI prints them


def quality(ranking: Ranking, L: AppLang) -> Quality:
    """The coverage and data-quality panel: what sits out and why, what is not comparable and
    why, how many facts are missing, planned, claims, ranges (the workbook's Data quality)."""
    from ..report.plain_tables import cell_flags
    from ..report.sheets_quality import not_comparable_rows, why_sits_out

    dm = ranking.matrix
    study = ranking.study
    by_id = {c.id: c for c in study.criteria_set.criteria}
    out = [
        {
            "criterion": L.crit(by_id[x.criterion]),
            "sites": f"{x.usable}/{x.sites}",
            "coverage": f"{x.coverage:.0%}",
            "need": f"{x.min_coverage:.0%}",
            "reason": why_sits_out(L, x),
        }
        for x in dm.excluded_criteria
    ]
    nc = not_comparable_rows(L, dm, study.criteria_set.criteria, study.site)
    kinds = ("missing", "plan", "claim", "estimate", "range", "stale", "clipped")
    flags = cell_flags(dm)
    counts = [(L.flag(k), sum(1 for f in flags if f.kind == k)) for k in kinds]
    return Quality(
        sitting_out=out,
        not_comparable=nc,
        counts=counts,
        excluded=[(s, r) for s, r in dm.excluded],
        notes=list(dm.warnings),
    )


def table_html(
    table_id: str, headers: Sequence[str], rows: Sequence[Sequence[object]], *, narrow: bool = False
) -> str:
    """A plain HTML table with escaped text (``narrow``: as wide as its content)."""
    css = "sc-plain sc-narrow" if narrow else "sc-plain"
    out = [
        f'<table id="{_e(table_id)}" class="{css}">',
        "<thead><tr>" + "".join(f'<th scope="col">{_e(h)}</th>' for h in headers) + "</tr></thead><tbody>",
    ]
    for r in rows:
        out.append("<tr>" + "".join(f"<td>{_e(x)}</td>" for x in r) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def lines_html(list_id: str, lines: Sequence[str], css: str = "sc-issue") -> str:
    """Lines of text as an HTML list (escaped), e.g. the one-line problems of bad input."""
    items = "".join(f'<li class="{css}">{_e(x)}</li>' for x in lines)
    return f'<ul id="{_e(list_id)}" class="sc-lines">{items}</ul>'
