"""What the weights page shows, as plain functions over the library (no Streamlit here).

The page script (:mod:`.page`) lays these out; the tests call them directly. Every number comes
from the library: :func:`sitecompare.rank` (scores, rank intervals), :mod:`sitecompare.headline`,
:func:`sitecompare.sensitivity.oat.oat_sweep` (walking weights),
:func:`sitecompare.sensitivity.smaa.run_smaa` (SMAA-2), :mod:`sitecompare.weights.ahp` (AHP),
:func:`sitecompare.report.build_workbook` (the download) and
:func:`sitecompare.weights.scenario_io.write_scenario` (saving a scenario).

Weights on the page are **points**, as in the criteria file: the sliders start at the file's
``weight`` values (or a scenario's), and the ranking uses ``with_weights(study, points)``,
which normalises them exactly as ``sitecompare rank --weights k=v,...`` does.
"""

from __future__ import annotations

import hashlib
import html
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import Issue, SiteCompareError, ValidationError
from ..headline import built_alongside, headline, headline_sentences
from ..model import CriteriaSet, MethodSpec, Study
from ..ranking import Ranking
from .i18n import AppLang

__all__ = [
    "AppConfig",
    "ENV_SITES",
    "ENV_CRITERIA",
    "ENV_ALLOW_SAVE",
    "WEIGHT_SOURCE",
    "SLIDER_STEP",
    "AHP_VALUES",
    "issue_lines",
    "load",
    "fingerprint",
    "base_points",
    "scenario_points",
    "slider_max",
    "clean_points",
    "weights_text",
    "method_names",
    "method_spec",
    "rank_points",
    "RankRow",
    "ranking_rows",
    "ranking_html",
    "headline_text",
    "contributions",
    "Sweep",
    "sweep",
    "smaa",
    "acceptability_html",
    "Quality",
    "quality",
    "workbook_bytes",
    "save_scenario",
    "ahp",
    "ahp_points",
]

ENV_SITES = "SITECOMPARE_APP_SITES"
ENV_CRITERIA = "SITECOMPARE_APP_CRITERIA"
ENV_ALLOW_SAVE = "SITECOMPARE_APP_ALLOW_SAVE"
WEIGHT_SOURCE = "weights page"
SWEEP_SITES = 12  # the walking-weights chart follows at most this many best-placed sites
PAIRWISE_MAX_SITES = 200  # PROMETHEE II on the page up to this many sites (see method_names)
CONTRIBUTION_SITES = 30  # bars in the contributions chart (the best-placed sites)
SLIDER_STEP = 0.1  # points; AHP weights and scenario shares are rounded to it
# Saaty's scale as the AHP selects offer it ("a over b"); "" = not judged (completed by Harker)
AHP_VALUES = (
    "9",
    "8",
    "7",
    "6",
    "5",
    "4",
    "3",
    "2",
    "1",
    "1/2",
    "1/3",
    "1/4",
    "1/5",
    "1/6",
    "1/7",
    "1/8",
    "1/9",
)


# ----------------------------------------------------------------------------- the study
@dataclass(frozen=True)
class AppConfig:
    """What ``sitecompare app`` passes to the page (through the environment)."""

    sites: Path | None = None
    criteria: Path | None = None
    allow_save: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AppConfig:
        e = os.environ if env is None else env
        return cls(
            sites=Path(e[ENV_SITES]) if e.get(ENV_SITES) else None,
            criteria=Path(e[ENV_CRITERIA]) if e.get(ENV_CRITERIA) else None,
            allow_save=e.get(ENV_ALLOW_SAVE, "") == "1",
        )

    def to_env(self) -> dict[str, str]:
        out = {ENV_ALLOW_SAVE: "1" if self.allow_save else ""}
        out[ENV_SITES] = str(self.sites) if self.sites else ""
        out[ENV_CRITERIA] = str(self.criteria) if self.criteria else ""
        return out

    def paths(self) -> tuple[Path, Path]:
        """The sites folder and criteria file in force (``./sites`` ... else the shipped ones)."""
        from ..study import default_paths

        return default_paths(self.sites, self.criteria)


def issue_lines(exc: SiteCompareError) -> list[str]:
    """The one-line messages the command line prints for ``exc`` (``FILE: FIELD: message``)."""
    return [str(i) for i in exc.issues]


def fingerprint(config: AppConfig) -> str:
    """A digest of the names, sizes and modification times of the study's files: a change
    reloads the study. (A short text: Streamlit hashes cache keys on every run.)"""
    sdir, cpath = config.paths()
    out: list[tuple[str, int, int]] = []
    paths = [cpath]
    if sdir.is_dir():
        try:
            paths += sorted(sdir.iterdir())
        except OSError:
            pass
    else:
        paths.append(sdir)
    for p in paths:
        try:
            st = p.stat()
            out.append((str(p), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(p), -1, -1))
    return hashlib.sha256(repr(out).encode("utf-8", "surrogateescape")).hexdigest()


def load(config: AppConfig, horizon: str = "planned") -> Study:
    """The study with the criteria file's own weights (raises SiteCompareError, as the CLI)."""
    from ..study import load_study

    return load_study(config.sites, config.criteria, horizon=horizon)


# --------------------------------------------------------------------------- weights
def base_points(cs: CriteriaSet) -> dict[str, float]:
    """The criteria file's own weights, in its points."""
    return {k: float(v) for k, v in cs.base_weights().items()}


def scenario_points(cs: CriteriaSet, name: str | None) -> dict[str, float]:
    """A scenario's weights as points: the base points with the scenario's laid over them (the
    loader's rule). A scenario written as shares summing to 1 (``weights ... --into``) is shown
    as points of 100, rounded to the sliders' step."""
    raw = base_points(cs)
    if not name:
        return raw
    scen = {k: float(v) for k, v in cs.scenarios[name].items()}
    raw.update(scen)
    if set(scen) == set(raw) and abs(sum(scen.values()) - 1.0) < 1e-3:
        raw = {k: round(100.0 * v / SLIDER_STEP) * SLIDER_STEP for k, v in raw.items()}
    return clean_points(raw)


def slider_max(cs: CriteriaSet) -> float:
    """The sliders' top: 100 points, or more when the file or a scenario uses larger points."""
    top = max(base_points(cs).values(), default=0.0)
    for name in cs.scenarios:
        top = max(top, max(scenario_points(cs, name).values(), default=0.0))
    return float(max(100, math.ceil(top)))


def clean_points(points: Mapping[str, float]) -> dict[str, float]:
    """Slider values rounded to the step's decimals (a float slider gives 25.100000000000001)."""
    return {k: round(float(v), 6) for k, v in points.items()}


def weights_text(points: Mapping[str, float]) -> str:
    """``compute=25,power=15,...``: the ``--weights`` option for the same ranking."""
    return ",".join(f"{k}={float(v):g}" for k, v in points.items())


# ------------------------------------------------------------------------------ ranking
def method_names(cs: CriteriaSet, sites: int = 0) -> list[str]:
    """The methods the page offers: the native ones (each has a vectorised form, so a slider
    move re-ranks at once), and the criteria file's own method when it is another.
    PROMETHEE II compares every pair of sites, for the ranking and for each configuration its
    rank intervals try, so above ``PAIRWISE_MAX_SITES`` sites it is offered only when it is the
    criteria file's own method (a move would take tens of seconds at 1,000 sites)."""
    from ..report.context import BUILTIN_METHODS

    names = [m for m in BUILTIN_METHODS if m != "promethee2" or sites <= PAIRWISE_MAX_SITES]
    if cs.method.name not in names:
        names.insert(0, cs.method.name)
    return names


def method_spec(cs: CriteriaSet, name: str) -> MethodSpec:
    """``name`` with the criteria file's parameters when it is the file's method (as
    ``--method``), else with its published defaults."""
    from ..methods import validate_method

    raw: dict[str, Any] = {"name": name}
    if name == cs.method.name:
        raw.update(cs.method.params)
    spec, problems = validate_method(raw)
    if spec is None or problems:
        raise ValidationError([Issue("--method", f, m) for f, m in problems] or [Issue("--method", "", name)])
    return spec


def rank_points(study: Study, points: Mapping[str, float], method: MethodSpec) -> Ranking:
    """The ranking for the weights on screen: ``sitecompare rank --weights POINTS``."""
    from ..ranking import rank
    from ..study import with_weights

    return rank(with_weights(study, clean_points(points), WEIGHT_SOURCE), method)


@dataclass(frozen=True)
class RankRow:
    rank: int
    site: str
    name: str
    score: float
    best: int
    worst: int
    bar: float  # 0-100, higher is better (the workbook's score view)


def ranking_rows(ranking: Ranking, L: AppLang) -> list[RankRow]:
    from ..report.context import score_view

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


# ------------------------------------------------------------------------ contributions
def contributions(
    ranking: Ranking, L: AppLang, *, max_sites: int = CONTRIBUTION_SITES
) -> tuple[list[dict[str, Any]], str, str]:
    """Each criterion's part of each site's score (the workbook's Contributions sheet): rows of
    ``{site, criterion, value, order}`` for the ``max_sites`` best-placed sites, the kind
    (``wsm``, ``promethee2``, ``wsm-fallback``) and a sentence saying what the bars are."""
    from ..report.context import contribution_view

    C, kind = contribution_view(ranking)
    crits = ranking.matrix.criteria
    rows = []
    for pos, i in enumerate(ranking.order[:max_sites]):
        site = L.site_name(ranking.study.site(ranking.site_ids[i]))
        for j, c in enumerate(crits):
            rows.append({"site": site, "criterion": L.crit(c), "value": float(C[i, j]), "order": pos})
    if kind == "wsm":
        what = L.t(
            "How many of each site's 0-100 points come from each criterion (weight × normalised value × 100)."
        )
    elif kind == "promethee2":
        what = L.t(
            "Each criterion's share of each site's PROMETHEE II net flow "
            "(weight × single-criterion net flow); the shares add up to the net flow."
        )
    else:
        what = L.t(
            "{method} scores are not a sum over criteria, so this sheet breaks down the "
            "weighted-sum (WSM, min-max) score for the same weights instead: it shows "
            "which criteria drive each site, not the {method} score.",
            method=L.t(ranking.info.title),
        )
    return rows, kind, what


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
    crossovers = []
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
    for c in sorted(crossovers, key=lambda c: c["weight"]):
        near = (
            prev is not None
            and c["weight"] - prev["weight"] < 0.04
            and abs(c["score"] - prev["score"]) < 0.08
        )
        c["above"] = not (near and prev is not None and prev["above"])
        prev = c
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
):  # type: ignore[no-untyped-def]
    """SMAA-2 rank acceptabilities for the ranking's study, method and weights (the same run
    as ``sitecompare sensitivity``'s SMAA part, with the same seed)."""
    from ..sensitivity import WEIGHT_SAMPLINGS
    from ..sensitivity.evaluate import Evaluator
    from ..sensitivity.smaa import run_smaa

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
    return run_smaa(
        ev,
        dm.X,
        dm.weights,
        low=dm.low,
        high=dm.high,
        missing=dm.missing,
        observed_low=np.nan_to_num(dm.observed_low),
        observed_high=np.nan_to_num(dm.observed_high),
        samples=samples,
        seed=seed,
        weight_sampling=weight_sampling,
        progress=progress,
    )


def acceptability_html(result, ranking: Ranking, L: AppLang) -> str:  # type: ignore[no-untyped-def]
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
    sitting_out: list[dict[str, str]]  # criterion, sites, coverage, need, reason
    not_comparable: list[dict[str, str]]  # site, criterion, fact, scope, status, reason
    counts: list[tuple[str, int]]  # (flag label, number of cells), in a fixed order
    excluded: list[tuple[str, str]]  # (site, reason) screened out
    notes: list[str]  # the ranking's notes (imputations, clipping), as the CLI prints them


def quality(ranking: Ranking, L: AppLang) -> Quality:
    """The coverage and data-quality panel: what sits out and why, what is not comparable and
    why, how many facts are missing, planned, claims, ranges (the workbook's Data quality)."""
    from ..report.context import cell_flags
    from ..report.sheets_quality import why_not_comparable, why_sits_out

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
    nc = []
    for x in dm.not_comparable:
        c = by_id[x.criterion]
        site = study.site(x.site)
        fact = site.facts[x.fact]
        nc.append(
            {
                "site": L.site_name(site),
                "criterion": L.crit(c),
                "fact": L.num(fact.value, fact.unit),
                "scope": x.scope or "—",
                "status": L.status(x.status),
                "reason": why_not_comparable(L, x, c),
            }
        )
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


# ---------------------------------------------------------------------------- workbook
def workbook_bytes(ranking: Ranking, lang: str = "en") -> bytes:
    """The comparison workbook for the weights on screen (its What-if weights are the points)."""
    from ..report.xlsx import build_workbook, serialise

    line = "sitecompare app: weights " + weights_text(ranking.study.weight_points or {})
    wb = build_workbook(ranking, lang=lang, command_line=line)
    return serialise(wb, "site-comparison.xlsx")


# ------------------------------------------------------------------------- save (opt-in)
def save_scenario(
    config: AppConfig, name: str, points: Mapping[str, float], description: str | None = None
) -> bool:
    """Write the weights on screen into the criteria file as scenario ``name``, comments kept
    (the ``--into`` writer). Only with ``--allow-save``; True when it replaced a scenario."""
    from ..study import shipped_criteria_file
    from ..weights.scenario_io import write_scenario

    if not config.allow_save:
        raise ValidationError([Issue("sitecompare app", "", "saving needs --allow-save")])
    _, cpath = config.paths()
    if Path(cpath).resolve() == shipped_criteria_file().resolve():
        raise ValidationError(
            [
                Issue(
                    str(cpath),
                    "",
                    "this is the criteria file shipped inside the package; copy the study "
                    "(mkdir my-study && cp -rL sites criteria my-study/) and run from there",
                )
            ]
        )
    pts = clean_points(points)
    return write_scenario(
        cpath,
        name.strip(),
        pts,
        {"method": "weights-page", "points": pts},
        description=(description or "").strip() or None,
    )


# ----------------------------------------------------------------------------------- AHP
def ahp(criteria: Sequence[str], judgments: Mapping[tuple[str, str], str]):  # type: ignore[no-untyped-def]
    """AHP weights from the page's pairwise judgments (``(a, b) -> "3"`` means a over b is 3;
    ``""`` leaves the pair out, completed by Harker's method): the library's
    :func:`~sitecompare.weights.ahp.ahp_from_judgment_file`, with CR and the worst judgments."""
    from ..weights.ahp import ahp_from_judgment_file
    from ..weights.judgments import judgment_file_from_data

    data = {
        "criteria": list(criteria),
        "judgments": [[a, b, v] for (a, b), v in judgments.items() if v],
        "participant": "weights page",
    }
    return ahp_from_judgment_file(judgment_file_from_data(data, "AHP"))


def ahp_points(result) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """AHP weights as slider points: x 100, rounded to the sliders' step."""
    return {
        c: round(round(100.0 * float(w) / SLIDER_STEP) * SLIDER_STEP, 6) for c, w in result.weights.items()
    }
