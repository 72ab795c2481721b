"""The weights page (a Streamlit script): ``sitecompare app`` runs it; see :mod:`.logic`.

Streamlit runs this script from the top on every interaction. It lays out widgets and the
results of :mod:`.logic`; it computes nothing itself. Bad input shows the command line's
one-line messages on the page; an unexpected error shows one line too (its traceback only
with ``SITECOMPARE_DEBUG=1``), never a traceback by default.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import streamlit as st

from sitecompare.app import logic
from sitecompare.app.i18n import AppLang
from sitecompare.errors import SiteCompareError, display_path
from sitecompare.model import CriteriaSet, Study
from sitecompare.ranking import Ranking

LANG_NAMES = {"en": "English", "ko": "한국어"}
HORIZONS = ("planned", "built")
SAMPLINGS = ("uniform", "dirichlet", "ordinal")

CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
table.sc-ranking, table.sc-smaa, table.sc-plain { border-collapse: collapse; width: 100%; }
table.sc-ranking { font-size: 1.05rem; }
table.sc-ranking th, table.sc-smaa th, table.sc-plain th {
  text-align: left; border-bottom: 2px solid #888; padding: 0.35rem 0.5rem; font-weight: 600; }
table.sc-ranking td, table.sc-smaa td, table.sc-plain td {
  border-bottom: 1px solid #ddd; padding: 0.35rem 0.5rem; vertical-align: middle; }
table.sc-ranking th { white-space: nowrap; }
table.sc-ranking td.sc-rank { font-weight: 700; font-size: 1.35rem; text-align: center; width: 3.5rem; }
table.sc-ranking td.sc-could { text-align: center; width: 6rem; color: #555; }
table.sc-ranking td.sc-could.sc-moves { color: #b35900; font-weight: 600; }
table.sc-ranking .sc-id { display: block; font-size: 0.75rem; color: #777; font-family: monospace; }
table.sc-ranking td.sc-score, table.sc-smaa td.sc-score { text-align: right;
  font-variant-numeric: tabular-nums; width: 6rem; }
table.sc-ranking td.sc-barcell { width: 18%; }
table.sc-ranking div.sc-bar { height: 0.9rem; background: #1f77b4; border-radius: 2px; min-width: 1px; }
table.sc-plain.sc-narrow { width: auto; min-width: 20rem; }
table.sc-smaa td.sc-acc { text-align: center; font-variant-numeric: tabular-nums; }
#sc-headline p { margin: 0.3rem 0; }
#sc-headline p:first-child { font-size: 1.1rem; font-weight: 600; }
ul.sc-lines { padding-left: 1.2rem; }
li.sc-issue { font-family: monospace; font-size: 0.9rem; }
</style>
"""


# ------------------------------------------------------------------------------ helpers
def html(body: str) -> None:
    """Our own escaped HTML (tables, lists) as part of the page, not a canvas or an iframe."""
    st.markdown(body, unsafe_allow_html=True)


def show_issues(L: AppLang, title: str, lines: list[str]) -> None:
    st.error(title)
    html(logic.lines_html("sc-errors", lines))


@st.cache_resource(show_spinner=False, max_entries=8)
def load_cached(sites: str, criteria: str, allow_save: bool, horizon: str, fingerprint: str) -> Study:
    """The study, loaded again when a file changes (``fingerprint``)."""
    config = logic.AppConfig(
        sites=Path(sites) if sites else None,
        criteria=Path(criteria) if criteria else None,
        allow_save=allow_save,
    )
    return logic.load(config, horizon)


def weight_key(cid: str) -> str:
    return f"w_{cid}"


def apply_points(points: Mapping[str, float]) -> None:
    for cid, v in points.items():
        st.session_state[weight_key(cid)] = float(v)


def on_scenario(cs: CriteriaSet) -> None:
    apply_points(logic.scenario_points(cs, st.session_state.get("scenario") or None))


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


# --------------------------------------------------------------------------------- page
def sidebar_pickers(L: AppLang, cs: CriteriaSet, sites: int) -> str:
    """Scenario, method and horizon pickers; returns the method's name."""
    sb = st.sidebar
    sb.selectbox(
        L.t("Scenario"),
        ["", *cs.scenarios],
        key="scenario",
        format_func=lambda s: s or L.t("(criteria file weights)"),
        on_change=on_scenario,
        args=(cs,),
        help=L.t("Sets the sliders to a named weight profile of the criteria file."),
    )
    chosen = st.session_state.get("scenario") or None
    if chosen in cs.scenarios:
        now = {c.id: st.session_state.get(weight_key(c.id)) for c in cs.criteria}
        if logic.clean_points(now) != logic.scenario_points(cs, chosen):
            sb.caption(L.t("The sliders have moved away from this scenario."))
    names = logic.method_names(cs, sites)
    if st.session_state.get("method") not in names:
        st.session_state["method"] = cs.method.name
    from sitecompare.methods import get_method

    method = sb.selectbox(
        L.t("Method"),
        names,
        key="method",
        format_func=lambda m: f"{m}: {L.t(get_method(m).title)}",
    )
    if "promethee2" not in names:
        sb.caption(
            L.t(
                "PROMETHEE II is left out above {k} sites: it compares every pair of sites, "
                "and a slider move would take too long (use sitecompare rank).",
                k=logic.PAIRWISE_MAX_SITES,
            )
        )
    horizon_radio(L)
    return str(method)


def horizon_radio(L: AppLang) -> None:
    st.sidebar.radio(
        L.t("Horizon"),
        HORIZONS,
        key="horizon",
        format_func=lambda h: horizon_label(L, h),
    )


def horizon_label(L: AppLang, horizon: str) -> str:
    return L.t(
        {"planned": "planned (plans count as if built)", "built": "built only (plans set aside)"}[horizon]
    )


def sliders(L: AppLang, cs: CriteriaSet, ranking: Ranking | None) -> None:
    sb = st.sidebar
    sb.subheader(L.t("Weights (points)"))
    top = logic.slider_max(cs)
    out = {x.criterion: x for x in ranking.matrix.excluded_criteria} if ranking else {}
    shares = ranking.matrix.weight_of if ranking else {}
    for c in cs.criteria:
        note = L.t("sits out: {why}", why=_why_out(L, out[c.id])) if c.id in out else ""
        sb.slider(
            L.crit(c),
            min_value=0.0,
            max_value=top,
            step=logic.SLIDER_STEP,
            format="%.1f",
            key=weight_key(c.id),
            help=note or None,
            persist_state="page",
        )
        if c.id in shares:
            sb.caption(L.t("{share} of the weight taking part", share=pct(shares[c.id])))
        elif note:
            sb.caption(note)


def _why_out(L: AppLang, x: Any) -> str:
    from sitecompare.report.sheets_quality import why_sits_out

    return why_sits_out(L, x)


def header(L: AppLang, study: Study, ranking: Ranking) -> None:
    cs = study.criteria_set
    sdir, cpath = CONFIG.paths()
    st.title(L.criteria_set(cs))
    bits = [
        f"{L.t('Sites')}: {len(ranking.site_ids)} ({display_path(sdir)})",
        f"{L.t('Criteria')}: {display_path(cpath)}",
        f"{L.t('Method')}: {ranking.method.name}",
        f"{L.t('Horizon')}: {horizon_label(L, ranking.matrix.horizon)}",
    ]
    st.caption(" · ".join(bits))


def ranking_section(L: AppLang, ranking: Ranking, points: Mapping[str, float]) -> None:
    st.subheader(L.t("Ranking"))
    html(logic.ranking_html(ranking, L, points))
    st.caption(logic.interval_note(ranking, L))
    sentences = logic.headline_text(ranking, L)
    body = "".join(f"<p>{logic._e(s)}</p>" for s in sentences)
    html(f'<div id="sc-headline" class="sc-headline">{body}</div>')


def contributions_section(L: AppLang, ranking: Ranking) -> None:
    from sitecompare.app.charts import contributions_chart

    rows, kind, what = logic.contributions(ranking, L)
    st.subheader(L.t("Contributions to the score"))
    x_title = {
        "wsm": L.t("Score (0-100)"),
        "promethee2": L.t("Net flow"),
    }.get(kind, L.t("WSM score (0-100)"))
    spec = contributions_chart(rows, x_title, L.t("Criterion"))
    st.vega_lite_chart(
        spec=spec,
        width="stretch",
        alt=L.t("Contributions to the score"),
    )
    st.caption(what)
    n = len(ranking.site_ids)
    if n > logic.CONTRIBUTION_SITES:
        st.caption(L.t("The {k} best-placed of {n} sites are shown.", k=logic.CONTRIBUTION_SITES, n=n))


def download_section(L: AppLang, ranking: Ranking, lang: str) -> None:
    st.download_button(
        L.t("Download the comparison workbook (these weights)"),
        data=lambda: logic.workbook_bytes(ranking, lang),
        file_name="site-comparison.xlsx" if lang == "en" else "site-comparison-ko.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="download",
        on_click="ignore",
        help=L.t("Every sheet of `sitecompare compare`; its What-if sheet holds the weights on screen."),
    )


def sweep_tab(L: AppLang, ranking: Ranking) -> None:
    from sitecompare.app.charts import sweep_chart

    dm = ranking.matrix
    by_id = {c.id: c for c in dm.criteria}
    ids = list(dm.criterion_ids)
    if not ids:
        return
    if st.session_state.get("sweep_criterion") not in ids:
        st.session_state["sweep_criterion"] = max(ids, key=lambda c: dm.weight_of[c])
    cid = st.selectbox(
        L.t("Criterion to sweep"),
        ids,
        key="sweep_criterion",
        format_func=lambda c: L.crit(by_id[c]),
        persist_state="page",
    )
    s = logic.sweep(ranking, cid, L)
    st.caption(
        L.t(
            "Walking weights: the weight of {crit} moves from 0 to 100% of the total while the "
            "other weights keep their ratios; each line is a site's score.",
            crit=L.crit(by_id[cid]),
        )
    )
    if s.shown < s.sites:
        st.caption(L.t("The {k} best-placed of {n} sites are shown.", k=s.shown, n=s.sites))
    now = L.t("now {share}", share=pct(s.current))
    chart = sweep_chart(
        s, L.t("Weight of {crit} (share of the total)", crit=L.crit(by_id[cid])), score_label(L, ranking), now
    )
    st.vega_lite_chart(spec=chart, width="stretch", alt=L.t("Walking weights"))
    lo, hi = s.stability
    tlo, thi = s.top
    st.markdown(
        L.t(
            "The whole ranking stays as it is while this weight is between {lo} and {hi}; "
            "first place stays while it is between {tlo} and {thi}.",
            lo=pct(lo),
            hi=pct(hi),
            tlo=pct(tlo),
            thi=pct(thi),
        )
    )
    if s.crossovers:
        rows = [
            [
                pct(c["weight"]),
                c["rank"],
                c["ahead_above"],
                c["ahead_below"],
                L.t("yes") if c["changes_first"] else "",
            ]
            for c in s.crossovers
        ]
        html(
            logic.table_html(
                "sc-crossovers",
                [
                    L.t("Weight at the swap"),
                    L.t("Position"),
                    L.t("Moves ahead above this weight"),
                    L.t("Ahead below this weight"),
                    L.t("Changes first place"),
                ],
                rows,
            )
        )
    else:
        st.caption(L.t("No two sites swap places anywhere along this sweep."))


def score_label(L: AppLang, ranking: Ranking) -> str:
    return logic.score_header(ranking, L)


def smaa_tab(L: AppLang, ranking: Ranking, points: Mapping[str, float], horizon: str) -> None:
    st.caption(
        L.t(
            "SMAA-2: the sites are ranked under many sampled weight vectors (and uncertain facts "
            "drawn within their ranges); each cell is the share of samples in which the site "
            "takes that rank."
        )
    )
    c1, c2, c3 = st.columns(3)
    samples = int(
        c1.number_input(
            L.t("Samples"), 100, 1_000_000, 10_000, step=1000, key="smaa_samples", persist_state="page"
        )
    )
    seed = int(c2.number_input(L.t("Seed"), 0, 2**31 - 1, 1, step=1, key="smaa_seed", persist_state="page"))
    sampling = c3.selectbox(
        L.t("Weight sampling"),
        SAMPLINGS,
        key="smaa_sampling",
        persist_state="page",
        format_func=lambda s: L.t(
            {
                "uniform": "uniform on the simplex (no preference information)",
                "dirichlet": "centred on the weights on screen",
                "ordinal": "keeping the order of the weights on screen",
            }[s]
        ),
    )
    key = (logic.weights_text(logic.clean_points(points)), ranking.method, horizon, samples, seed, sampling)
    if st.button(L.t("Run SMAA"), key="smaa_run", type="primary"):
        bar = st.progress(0.0, text=L.t("Sampling…"))

        def progress(done: int, total: int) -> None:
            bar.progress(
                min(1.0, done / total),
                text=L.t("{done} of {total} samples", done=f"{done:,}", total=f"{total:,}"),
            )

        try:
            result = logic.smaa(
                ranking, samples=samples, seed=seed, weight_sampling=sampling, progress=progress
            )
        except SiteCompareError as exc:
            show_issues(L, L.t("SMAA could not run:"), logic.issue_lines(exc))
            return
        bar.empty()
        st.session_state["smaa_result"] = (key, result)
    stored = st.session_state.get("smaa_result")
    if stored is None:
        return
    if stored[0] != key:
        st.info(L.t("The weights or settings changed since the last run: run SMAA again."))
        return
    result = stored[1]
    st.markdown(
        L.t(
            "{samples} samples, seed {seed}: rank acceptability (share of samples with each rank).",
            samples=f"{result.samples:,}",
            seed=result.seed,
        )
    )
    html(logic.acceptability_html(result, ranking, L))


def quality_tab(L: AppLang, ranking: Ranking) -> None:
    q = logic.quality(ranking, L)
    st.markdown("**" + L.t("Criteria that sit out (too few sites can use them)") + "**")
    if q.sitting_out:
        html(
            logic.table_html(
                "sc-sitting-out",
                [
                    L.t("Criterion"),
                    L.t("Sites with a comparable fact"),
                    L.t("Coverage"),
                    L.t("Minimum coverage"),
                    L.t("Reason"),
                ],
                [[x["criterion"], x["sites"], x["coverage"], x["need"], x["reason"]] for x in q.sitting_out],
            )
        )
        st.caption(
            L.t(
                "A criterion that fewer than its minimum coverage of the sites can use (after "
                "scope and horizon) takes no part in the ranking; its weight is shared among "
                "the criteria that do, in proportion to their weights."
            )
        )
    else:
        st.caption(L.t("None: every criterion takes part."))
    st.markdown("**" + L.t("Facts not used: another scope, or a plan under horizon built") + "**")
    if q.not_comparable:
        html(
            logic.table_html(
                "sc-not-comparable",
                [
                    L.t("Site"),
                    L.t("Criterion"),
                    L.t("Fact as written"),
                    L.t("Its scope"),
                    L.t("Status"),
                    L.t("Why it is not used"),
                ],
                [
                    [x["site"], x["criterion"], x["fact"], x["scope"], x["status"], x["reason"]]
                    for x in q.not_comparable
                ],
            )
        )
    else:
        st.caption(L.t("None."))
    st.markdown("**" + L.t("Facts used, by kind") + "**")
    html(
        logic.table_html("sc-counts", [L.t("Kind"), L.t("Cells")], [[k, n] for k, n in q.counts], narrow=True)
    )
    if q.excluded:
        st.markdown("**" + L.t("Sites screened out") + "**")
        html(logic.table_html("sc-excluded", [L.t("Site"), L.t("Reason")], q.excluded))
    if q.notes:
        st.markdown("**" + L.t("Notes") + "**")
        html(logic.lines_html("sc-notes", q.notes, css="sc-note"))


def ahp_tab(L: AppLang, cs: CriteriaSet) -> None:
    crits = list(cs.criteria)
    st.caption(
        L.t(
            "Compare each pair: how much more important is the first criterion than the second "
            "(9 = extremely, 1 = equally, 1/9 = the second is extremely more important). "
            "Leave a pair blank to skip it (completed by Harker's method)."
        )
    )
    judgments: dict[tuple[str, str], str] = {}
    cols = st.columns(3)
    k = 0
    options = ["", *logic.AHP_VALUES]
    for i, a in enumerate(crits):
        for b in crits[i + 1 :]:
            key = f"ahp_{a.id}__{b.id}"
            st.session_state.setdefault(key, "1")
            judgments[(a.id, b.id)] = cols[k % 3].selectbox(
                f"{L.crit(a)} : {L.crit(b)}",
                options,
                key=key,
                format_func=lambda v: v or "—",
                persist_state="page",
            )
            k += 1
    try:
        r = logic.ahp([c.id for c in crits], judgments)
    except SiteCompareError as exc:
        show_issues(L, L.t("These judgments do not give weights:"), logic.issue_lines(exc))
        return
    verdict = (
        L.t("consistent") if r.consistent else L.t("inconsistent (CR > 0.1): revisit the judgments below")
    )
    st.markdown(
        f"λmax {r.lambda_max:.4f} · CI {r.ci:.4f} · RI {r.ri:.2f} ({r.ri_table}) · "
        f"**CR {r.cr:.4f}**: {verdict}",
    )
    pts = logic.ahp_points(r)
    by_id = {c.id: c for c in crits}
    html(
        logic.table_html(
            "sc-ahp-weights",
            [L.t("Criterion"), L.t("AHP weight"), L.t("Points")],
            [[L.crit(by_id[c]), f"{w:.4f}", f"{pts[c]:.1f}"] for c, w in r.weights.items()],
        )
    )
    if r.missing_pairs:
        st.caption(
            L.t(
                "Pairs left blank, completed by Harker's method: {pairs}",
                pairs=", ".join(f"{a}/{b}" for a, b in r.missing_pairs),
            )
        )
    if r.worst_judgments:
        from sitecompare.weights.judgments import format_ratio

        st.markdown("**" + L.t("Judgments to revisit") + "**")
        html(
            logic.table_html(
                "sc-ahp-repair",
                [L.t("Pair"), L.t("Given"), L.t("Consistent value"), L.t("Suggested"), L.t("CR then")],
                [
                    [
                        f"{L.crit(by_id[w.a])} : {L.crit(by_id[w.b])}",
                        w.given_text,
                        f"{w.consistent_value:.3g}",
                        format_ratio(w.suggested),
                        f"{w.cr_if_suggested:.4f}",
                    ]
                    for w in r.worst_judgments
                ],
            )
        )
    for msg in r.warnings:
        st.caption(msg)
    st.button(
        L.t("Apply the AHP weights to the sliders"),
        key="ahp_apply",
        on_click=apply_points,
        args=(pts,),
        type="primary",
    )


def save_tab(L: AppLang, points: Mapping[str, float]) -> None:
    _, cpath = CONFIG.paths()
    st.caption(
        L.t(
            "Saves the weights on screen as a named scenario into {file}; its comments and key "
            "order are kept (the writer of `sitecompare weights ... --into`).",
            file=display_path(cpath),
        )
    )
    st.markdown(L.t("Weights to save (points):") + " `" + logic.weights_text(points) + "`")
    msg = st.session_state.pop("save_message", None)
    if msg:
        st.success(msg)
    with st.form("save_form", clear_on_submit=False):
        name = st.text_input(
            L.t("Scenario name"), key="save_name", placeholder="workshop-" + dt.date.today().isoformat()
        )
        desc = st.text_input(L.t("Description"), key="save_description")
        submitted = st.form_submit_button(L.t("Save the scenario"))
    if submitted:
        try:
            replaced = logic.save_scenario(CONFIG, name, points, desc)
        except SiteCompareError as exc:
            show_issues(L, L.t("Nothing was written:"), logic.issue_lines(exc))
            return
        st.session_state["save_message"] = (
            L.t("Replaced scenario {name} in {file}.", name=name.strip(), file=display_path(cpath))
            if replaced
            else L.t("Added scenario {name} to {file}.", name=name.strip(), file=display_path(cpath))
        )
        st.rerun()


# --------------------------------------------------------------------------------- main
def main() -> None:
    st.set_page_config(page_title="sitecompare", layout="wide", initial_sidebar_state="expanded")
    html(CSS)
    sb = st.sidebar
    if "lang" not in st.session_state and st.query_params.get("lang") in LANG_NAMES:
        st.session_state["lang"] = st.query_params["lang"]  # ?lang=ko: a projector's bookmark
    lang = sb.radio(
        "Language / 언어",
        list(LANG_NAMES),
        key="lang",
        format_func=LANG_NAMES.get,
        horizontal=True,
    )
    L = AppLang(lang)
    # the horizon radio is drawn below the scenario and method pickers; its value is known now
    horizon = st.session_state.get("horizon", "planned")
    sites, criteria = CONFIG.sites, CONFIG.criteria
    try:
        study = load_cached(
            str(sites or ""), str(criteria or ""), CONFIG.allow_save, horizon, logic.fingerprint(CONFIG)
        )
    except SiteCompareError as exc:
        horizon_radio(L)  # a horizon that cannot load can be switched back
        lines = logic.issue_lines(exc)
        show_issues(
            L,
            L.nt(
                "{n} problem in the study's files; fix it and reload the page:",
                "{n} problems in the study's files; fix them and reload the page:",
                len(lines),
            ),
            lines,
        )
        return
    cs = study.criteria_set
    for c in cs.criteria:
        st.session_state.setdefault(weight_key(c.id), logic.base_points(cs)[c.id])
    method_name = sidebar_pickers(L, cs, len(study.sites))
    points = logic.clean_points({c.id: st.session_state[weight_key(c.id)] for c in cs.criteria})
    ranking: Ranking | None = None
    problem: list[str] = []
    try:
        ranking = logic.rank_points(study, points, logic.method_spec(cs, method_name))
    except SiteCompareError as exc:
        problem = logic.issue_lines(exc)
    sliders(L, cs, ranking)
    if ranking is None:
        show_issues(L, L.t("The sites cannot be ranked with these settings:"), problem)
        return
    header(L, study, ranking)
    left, right = st.columns([11, 9], gap="large")
    with left:
        ranking_section(L, ranking, points)
    with right:
        contributions_section(L, ranking)
        download_section(L, ranking, lang)
    # one panel at a time: only the chosen one runs, so a slider move stays quick; the other
    # panels' inputs (AHP judgments, SMAA settings) keep their values (persist_state)
    panels = {
        "sweep": L.t("Walking weights"),
        "smaa": L.t("SMAA"),
        "quality": L.t("Coverage and data quality"),
        "ahp": L.t("AHP for a workshop"),
    }
    if CONFIG.allow_save:
        panels["save"] = L.t("Save as a scenario")
    if st.session_state.get("panel") not in panels:
        st.session_state["panel"] = "sweep"
    panel = st.radio(
        L.t("Panel"),
        list(panels),
        key="panel",
        format_func=panels.get,
        horizontal=True,
        label_visibility="collapsed",
    )
    if panel == "sweep":
        sweep_tab(L, ranking)
    elif panel == "smaa":
        smaa_tab(L, ranking, points, horizon)
    elif panel == "quality":
        quality_tab(L, ranking)
    elif panel == "ahp":
        ahp_tab(L, cs)
    elif panel == "save":
        save_tab(L, points)


CONFIG = logic.AppConfig.from_env()

_started = time.perf_counter()
try:
    main()
    # the server's time for this run (the benchmark reads it): re-rank and redraw
    st.session_state["_sc_run_seconds"] = time.perf_counter() - _started
except Exception as exc:  # a bug, not bad input: one line, as the command line says it
    if os.environ.get("SITECOMPARE_DEBUG"):
        raise
    st.error(
        f"sitecompare: internal error: {type(exc).__name__}: {exc} "
        "(set SITECOMPARE_DEBUG=1 for the traceback)"
    )
