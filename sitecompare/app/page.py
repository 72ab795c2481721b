"""The weights page (a Streamlit script): ``sitecompare app`` runs it; see :mod:`.logic`.

Streamlit runs this script from the top on every interaction. It lays out widgets and the
results of :mod:`.logic`; it computes nothing itself. Bad input shows the command line's
one-line messages on the page; an unexpected error shows one line too (its traceback only
with ``SITECOMPARE_DEBUG=1``), never a traceback by default.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from sitecompare.app import logic, results
from sitecompare.app.i18n import AppLang
from sitecompare.app.panels import ahp_tab, quality_tab, save_tab, smaa_tab, sweep_tab
from sitecompare.app.widgets import apply_points, html, pct, show_issues, weight_key
from sitecompare.errors import SiteCompareError, display_path
from sitecompare.matrix import ExcludedCriterion
from sitecompare.model import CriteriaSet, Study
from sitecompare.ranking import Ranking

LANG_NAMES = {"en": "English", "ko": "한국어"}
HORIZONS = ("planned", "built")

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




@st.cache_resource(show_spinner=False, max_entries=8)
def load_cached(sites: str, criteria: str, allow_save: bool, horizon: str, fingerprint: str) -> Study:
    """The study, loaded again when a file changes (``fingerprint``)."""
    config = logic.AppConfig(
        sites=Path(sites) if sites else None,
        criteria=Path(criteria) if criteria else None,
        allow_save=allow_save,
    )
    return logic.load(config, horizon)


def on_scenario(cs: CriteriaSet) -> None:
    """Set the sliders to the scenario just picked (the criteria file's weights for none)."""
    apply_points(logic.scenario_points(cs, st.session_state.get("scenario") or None))



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
        now = {c.id: st.session_state[weight_key(c.id)] for c in cs.criteria}
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
    """The horizon picker in the sidebar (planned or built)."""
    st.sidebar.radio(
        L.t("Horizon"),
        HORIZONS,
        key="horizon",
        format_func=lambda h: horizon_label(L, h),
    )


def horizon_label(L: AppLang, horizon: str) -> str:
    """The horizon as the picker and the header name it."""
    return L.t(
        {"planned": "planned (plans count as if built)", "built": "built only (plans set aside)"}[horizon]
    )


def sliders(L: AppLang, cs: CriteriaSet, ranking: Ranking | None) -> None:
    """One slider per criterion, with its share of the weight or why it sits out."""
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


def _why_out(L: AppLang, x: ExcludedCriterion) -> str:
    """Why a criterion sits out (the workbook's sentence)."""
    from sitecompare.report.sheets_quality import why_sits_out

    return why_sits_out(L, x)


def header(L: AppLang, study: Study, ranking: Ranking) -> None:
    """The criteria set's name, and the sites, criteria file, method and horizon in force."""
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
    """The ranking table, what could-rank means, and the headline."""
    st.subheader(L.t("Ranking"))
    html(results.ranking_html(ranking, L, points))
    st.caption(results.interval_note(ranking, L))
    html(results.headline_html(ranking, L))


def contributions_section(L: AppLang, ranking: Ranking) -> None:
    """The contributions chart: each criterion's part of each site's score."""
    from sitecompare.app.charts import contributions_chart

    rows, kind, what = results.contributions(ranking, L)
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
    if n > results.CONTRIBUTION_SITES:
        st.caption(L.t("The {k} best-placed of {n} sites are shown.", k=results.CONTRIBUTION_SITES, n=n))


def download_section(L: AppLang, ranking: Ranking, lang: str) -> None:
    """The button that downloads the comparison workbook for the weights on screen."""
    st.download_button(
        L.t("Download the comparison workbook (these weights)"),
        data=lambda: logic.workbook_bytes(ranking, lang),
        file_name="site-comparison.xlsx" if lang == "en" else "site-comparison-ko.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="download",
        on_click="ignore",
        help=L.t("Every sheet of `sitecompare compare`; its What-if sheet holds the weights on screen."),
    )


# --------------------------------------------------------------------------------- main
def main() -> None:
    """Lay out the page: language, study, pickers, sliders, ranking, then the chosen panel."""
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
        save_tab(L, points, CONFIG)


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
