"""The weights page's panels under the ranking, one shown at a time: walking weights, SMAA-2,
coverage and data quality, AHP for a workshop, and saving a scenario (with ``--allow-save``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import streamlit as st

from sitecompare.app import logic, results
from sitecompare.app.i18n import AppLang
from sitecompare.app.widgets import apply_points, html, pct, show_issues
from sitecompare.errors import SiteCompareError, display_path
from sitecompare.model import CriteriaSet
from sitecompare.ranking import Ranking

__all__ = ["SAMPLINGS", "sweep_tab", "smaa_tab", "quality_tab", "ahp_tab", "save_tab"]

SAMPLINGS = ("uniform", "dirichlet", "ordinal")


def sweep_tab(L: AppLang, ranking: Ranking) -> None:
    """Walking weights: one criterion's weight from 0 to 100%, the scores and the swaps."""
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
    s = results.sweep(ranking, cid, L)
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
            results.table_html(
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
    """The score axis's title: the method's score label (and "lower is better")."""
    return results.score_header(ranking, L)


def smaa_tab(L: AppLang, ranking: Ranking, points: Mapping[str, float], horizon: str) -> None:
    """SMAA-2 settings, a run button, and the rank acceptabilities of the last run."""
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
            result = results.smaa(
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
    html(results.acceptability_html(result, ranking, L))


def _titled_table(
    title: str,
    table_id: str,
    headers: list[str],
    rows: list[list[object]],
    *,
    empty: str,
    note: str | None = None,
) -> None:
    """A bold title, then the table (and ``note`` under it), or the ``empty`` caption."""
    st.markdown("**" + title + "**")
    if rows:
        html(results.table_html(table_id, headers, rows))
        if note:
            st.caption(note)
    else:
        st.caption(empty)


def quality_tab(L: AppLang, ranking: Ranking) -> None:
    """What sits out and why, what is not comparable and why, the facts by kind, the
    screened-out sites and the ranking's notes."""
    q = results.quality(ranking, L)
    _titled_table(
        L.t("Criteria that sit out (too few sites can use them)"),
        "sc-sitting-out",
        [
            L.t("Criterion"),
            L.t("Sites with a comparable fact"),
            L.t("Coverage"),
            L.t("Minimum coverage"),
            L.t("Reason"),
        ],
        [[x["criterion"], x["sites"], x["coverage"], x["need"], x["reason"]] for x in q.sitting_out],
        empty=L.t("None: every criterion takes part."),
        note=L.t(
            "A criterion that fewer than its minimum coverage of the sites can use (after "
            "scope and horizon) takes no part in the ranking; its weight is shared among "
            "the criteria that do, in proportion to their weights."
        ),
    )
    _titled_table(
        L.t("Facts not used: another scope, or a plan under horizon built"),
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
            [x[k] for k in ("site", "criterion", "fact", "scope", "status", "reason")]
            for x in q.not_comparable],
        empty=L.t("None."),
    )
    st.markdown("**" + L.t("Facts used, by kind") + "**")
    counts = [[k, n] for k, n in q.counts]
    html(results.table_html("sc-counts", [L.t("Kind"), L.t("Cells")], counts, narrow=True))
    if q.excluded:
        st.markdown("**" + L.t("Sites screened out") + "**")
        html(results.table_html("sc-excluded", [L.t("Site"), L.t("Reason")], q.excluded))
    if q.notes:
        st.markdown("**" + L.t("Notes") + "**")
        html(results.lines_html("sc-notes", q.notes, css="sc-note"))


def ahp_tab(L: AppLang, cs: CriteriaSet) -> None:
    """Pairwise judgments, the AHP weights with their consistency, and the judgments to revisit."""
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
        results.table_html(
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
            results.table_html(
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


def save_tab(L: AppLang, points: Mapping[str, float], config: logic.AppConfig) -> None:
    """Save the weights on screen as a named scenario of the criteria file."""
    _, cpath = config.paths()
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
            replaced = logic.save_scenario(config, name, points, desc)
        except SiteCompareError as exc:
            show_issues(L, L.t("Nothing was written:"), logic.issue_lines(exc))
            return
        st.session_state["save_message"] = (
            L.t("Replaced scenario {name} in {file}.", name=name.strip(), file=display_path(cpath))
            if replaced
            else L.t("Added scenario {name} to {file}.", name=name.strip(), file=display_path(cpath))
        )
        st.rerun()
