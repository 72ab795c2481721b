"""`compare --sensitivity`: the sensitivity sheets of the comparison workbook.

The workbooks are written by the real console script and read back with openpyxl (values,
never bytes); every table is checked against ``run_sensitivity`` on the same study with the
same seed and sampling options. LibreOffice converts them to PDF (helpers shared with
test_workbook_libreoffice.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from conftest import make_study, run_cli
from openpyxl.chart import BarChart, LineChart
from test_workbook_libreoffice import convert, lo_profile, pdf_text  # noqa: F401 - a fixture

import sitecompare as sc
from sitecompare.report import Lang
from sitecompare.report.layout import wrapped_lines
from sitecompare.report.sheets_sensitivity import (
    FRAGILE_BELOW,
    MAX_CROSSOVERS,
    OAT_CHART_MAX_SITES,
    OAT_GRID,
    ROBUST_FROM,
    SENSITIVITY_SHEETS,
    robustness_verdict,
    sensitivity_headline,
)
from sitecompare.sensitivity import CONVENTION, SensitivityResult, run_sensitivity

AS_OF = "2026-01-01"
SEED = 7
SAMPLES = 3000
EN = [en for en, _ in SENSITIVITY_SHEETS.values()]
KO = [ko for _, ko in SENSITIVITY_SHEETS.values()]
BASE_EN = ["Summary", "Ranking", "Decision matrix", "Normalised", "Contributions", "Weights", "What-if"]
TAIL_EN = ["Data quality", "Sources", "Run info"]
# the Korean workbook also checks that the sampling options reach the analysis
KO_OPTIONS = {"weight_sampling": "dirichlet", "concentration": 20.0, "unknown_missing": True}


def _study() -> sc.Study:
    return sc.load_study(as_of=dt.date.fromisoformat(AS_OF))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    d = tmp_path_factory.mktemp("sens")
    common = ["compare", "--sensitivity", "--samples", str(SAMPLES), "--seed", str(SEED), "--as-of", AS_OF]
    en = run_cli(*common, "-o", "en.xlsx", cwd=d)
    assert en.returncode == 0, en.stderr
    ko = run_cli(
        *common,
        "--lang",
        "ko",
        "--weight-sampling",
        "dirichlet",
        "--concentration",
        "20",
        "--unknown-missing",
        "--no-progress",
        "-o",
        "ko.xlsx",
        cwd=d,
    )
    assert ko.returncode == 0, ko.stderr
    study = _study()
    return {
        "en": d / "en.xlsx",
        "ko": d / "ko.xlsx",
        "stdout": en.stdout,
        "res": run_sensitivity(study, samples=SAMPLES, seed=SEED),
        "res_ko": run_sensitivity(study, samples=SAMPLES, seed=SEED, **KO_OPTIONS),
        "study": study,
    }


@pytest.fixture(scope="module")
def en(runs: dict[str, Any]) -> openpyxl.Workbook:
    return openpyxl.load_workbook(runs["en"])


@pytest.fixture(scope="module")
def ko(runs: dict[str, Any]) -> openpyxl.Workbook:
    return openpyxl.load_workbook(runs["ko"])


# ----------------------------------------------------------------------------- helpers
def values(ws) -> list[Any]:  # type: ignore[no-untyped-def]
    return [c.value for row in ws.iter_rows() for c in row if c.value is not None]


def find_row(ws, *headers: str) -> int:  # type: ignore[no-untyped-def]
    """The row whose first cells are ``headers``."""
    for r in range(1, ws.max_row + 1):
        if all(ws.cell(r, 1 + j).value == h for j, h in enumerate(headers)):
            return r
    raise AssertionError(f"no row starting {headers} on {ws.title}")


def rows_under(ws, header_row: int, n: int, cols: int) -> list[list[Any]]:  # type: ignore[no-untyped-def]
    return [[ws.cell(header_row + 1 + i, 1 + j).value for j in range(cols)] for i in range(n)]


def names(study: sc.Study, lang: str = "en") -> dict[str, str]:
    L = Lang(lang)
    return {s.id: L.site_name(s) for s in study.sites}


def crit_names(study: sc.Study, lang: str = "en") -> dict[str, str]:
    L = Lang(lang)
    return {c.id: L.crit(c) for c in study.criteria}


def in_rank_order(res: SensitivityResult) -> list[int]:
    return sorted(range(len(res.matrix.site_ids)), key=lambda i: (int(res.ranks[i]), i))


def approx(x: float | None) -> Any:
    return pytest.approx(x, abs=1e-12, rel=1e-12)


# --------------------------------------------------------------------------- structure
def test_sheets_in_order_after_whatif(en: openpyxl.Workbook, ko: openpyxl.Workbook) -> None:
    assert en.sheetnames == BASE_EN + EN + TAIL_EN
    assert ko.sheetnames[7:11] == KO
    assert EN == ["Weight sweeps", "Critical changes", "Rank acceptability", "Method agreement"]


def test_native_charts_of_the_expected_types_and_counts(runs: dict[str, Any], en: openpyxl.Workbook) -> None:
    res = runs["res"]
    m, n = len(res.matrix.criteria), len(res.matrix.site_ids)
    sweeps = en["Weight sweeps"]._charts
    assert len(sweeps) == m and all(isinstance(c, LineChart) for c in sweeps)
    for chart in sweeps:
        lines = min(OAT_CHART_MAX_SITES, n)
        assert len(chart.series) == lines + 1  # the sites, then the weight-now marker
        marker = chart.series[-1]
        assert marker.errBars is not None and marker.errBars.errBarType == "minus"
        assert [e.idx for e in chart.legend.legendEntry if e.delete] == [lines]
    (acc,) = en["Rank acceptability"]._charts
    assert isinstance(acc, BarChart)
    assert (acc.type, acc.grouping, acc.overlap) == ("bar", "percentStacked", 100)
    assert len(acc.series) == n  # one series per rank
    assert not en["Critical changes"]._charts and not en["Method agreement"]._charts
    with zipfile.ZipFile(runs["en"]) as z:
        listed = z.namelist()
    assert (
        len([f for f in listed if f.startswith("xl/charts/chart")]) == m + 1 + 2
    )  # + Contributions, Weights
    assert not [f for f in listed if f.startswith("xl/media/")]  # charts, not pictures


def test_the_weight_now_marker_sits_at_the_current_weight(
    runs: dict[str, Any], en: openpyxl.Workbook
) -> None:
    res, ws = runs["res"], en["Weight sweeps"]
    for chart, (_cid, o) in zip(ws._charts, res.oat.items(), strict=True):
        ref = chart.series[-1].val.numRef.f  # 'Weight sweeps'!$J$a:$J$b
        col_rows = ref.split("!")[1].replace("$", "")
        first, last = col_rows.split(":")
        col = "".join(ch for ch in first if ch.isalpha())
        r0, r1 = int(first[len(col) :]), int(last[len(col) :])
        assert r1 - r0 + 1 == OAT_GRID
        marked = [r - r0 for r in range(r0, r1 + 1) if ws[f"{col}{r}"].value is not None]
        assert marked == [round(o.current * (OAT_GRID - 1))]
        assert ws[f"{col}{r0 + marked[0]}"].value == chart.y_axis.scaling.max
        assert chart.series[-1].errBars.val == pytest.approx(
            chart.y_axis.scaling.max - chart.y_axis.scaling.min
        )


def test_frozen_panes_widths_number_formats_and_print_setup(en: openpyxl.Workbook) -> None:
    for name in EN:
        ws = en[name]
        assert ws.freeze_panes == "B4", name
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$3"
        assert ws.print_area and ws.print_area.startswith(f"'{name}'!$A$1:")
        assert ws.column_dimensions["A"].width >= 28
        assert "&A" in (ws.oddFooter.left.text or "") and "&P" in (ws.oddFooter.right.text or "")
    ws = en["Rank acceptability"]
    r = find_row(ws, "Site", "#1")
    assert ws.cell(r + 1, 2).number_format == "0.0%"
    heat = [cf for cf in ws.conditional_formatting if any(rule.type == "colorScale" for rule in cf.rules)]
    assert any(str(cf.sqref).startswith(f"B{r + 1}:") for cf in heat)  # the heat map
    # the chart data of the sweeps are not printed
    sweeps = en["Weight sweeps"]
    last_printed = int(sweeps.print_area.split("$")[-1])
    data = find_row(sweeps, "Chart data (not printed): each site's score along each sweep")
    assert data > last_printed


# ------------------------------------------------------------------- values = analysis
def test_oat_intervals_equal_the_analysis(runs: dict[str, Any], en: openpyxl.Workbook) -> None:
    res, ws = runs["res"], en["Weight sweeps"]
    crit = crit_names(runs["study"])
    r = find_row(ws, "Criterion", "Weight now", "Ranking unchanged: from")
    got = rows_under(ws, r, len(res.oat), 7)
    for row, (cid, o) in zip(got, res.oat.items(), strict=True):
        assert row[0] == crit[cid]
        assert row[1:6] == [
            approx(o.current),
            *map(approx, o.stability_interval),
            *map(approx, o.top_interval),
        ]
        assert row[6] == len(o.crossovers)
    assert CONVENTION in " ".join(str(v) for v in values(ws))  # the convention is stated


def test_every_crossover_is_listed(runs: dict[str, Any], en: openpyxl.Workbook) -> None:
    res, ws = runs["res"], en["Weight sweeps"]
    crit, name = crit_names(runs["study"]), names(runs["study"])
    r = find_row(ws, "Every crossover")
    assert all(len(o.crossovers) <= MAX_CROSSOVERS for o in res.oat.values())  # none left out
    expected = [(cid, c) for cid, o in res.oat.items() for c in o.crossovers]
    assert ws.cell(r + 1, 1).value == "Criterion"
    for k, (cid, c) in enumerate(expected):
        row = r + 2 + k
        assert ws.cell(row, 1).value == crit[cid]
        assert ws.cell(row, 2).value == approx(c.weight)
        assert ws.cell(row, 3).value.startswith(f"{name[c.sites[1]]} moves ahead of {name[c.sites[0]]}")
        assert ws.cell(row, 9).value == c.rank
        assert (ws.cell(row, 10).value == "yes") == c.changes_first
    assert ws.cell(r + 2 + len(expected), 2).value is None  # nothing more


def test_chart_data_are_the_oat_sweep(runs: dict[str, Any], en: openpyxl.Workbook) -> None:
    """The chart lines are the analysis's own sweep, on a finer grid: equal at its points."""
    res, ws = runs["res"], en["Weight sweeps"]
    order = in_rank_order(res)[:OAT_CHART_MAX_SITES]
    for chart, (_cid, o) in zip(ws._charts, res.oat.items(), strict=True):
        ref = chart.series[0].val.numRef.f.split("!")[1].replace("$", "")
        r0 = int(ref.split(":")[0][1:])
        step = (OAT_GRID - 1) // (len(o.grid) - 1)
        for g, t in enumerate(o.grid):
            row = r0 + g * step
            assert ws.cell(row, 1).value == approx(float(t))
            for j, i in enumerate(order):  # wsm: the 0-100 view = 100 x the native score
                assert ws.cell(row, 3 + j).value == pytest.approx(100 * o.curves[g, i], abs=1e-9)


def test_critical_weight_changes_equal_the_analysis(runs: dict[str, Any], en: openpyxl.Workbook) -> None:
    res, ws = runs["res"], en["Critical changes"]
    crit, name = crit_names(runs["study"]), names(runs["study"])
    r = find_row(ws, "Criterion", "Site ahead now", "Site behind now")
    # one definition of critical: the weight's share, the others rescaled in proportion
    expected = sorted(res.weight_changes, key=lambda w: (abs(w.share_relative), abs(w.share_change)))[:60]
    assert expected
    for row, w in zip(rows_under(ws, r, len(expected), 9), expected, strict=True):
        assert row[:5] == [crit[w.criterion], name[w.sites[0]], name[w.sites[1]], *w.ranks]
        assert row[5:] == [approx(w.weight), approx(w.new_weight), approx(w.share_relative), approx(w.delta)]
    # most critical criteria: the pairs of Triantaphyllou & Sanchez, measured as shares
    r = find_row(ws, "Most critical for", "Criterion", "Sites that swap")
    mc = res.most_critical
    sh = mc["share"]
    picks = [sh["top"]["percent"], sh["top"]["absolute"], sh["any"]["percent"], sh["any"]["absolute"]]
    for row, pick in zip(rows_under(ws, r, 4, 6), picks, strict=True):
        assert row[1] == crit[pick["criterion"]]
        assert row[2] == f"{name[pick['sites'][0]]} and {name[pick['sites'][1]]}"
        rounded = [pick["weight"], pick["new_weight"], pick["share_relative"]]  # 10 digits in the dict
        assert row[3:] == [pytest.approx(x, rel=1e-9) for x in rounded]
    # criticality degree and sensitivity coefficient per criterion
    r = find_row(ws, "Criterion", "First place would go to")
    ids = res.matrix.criterion_ids  # the criteria that take part
    for row, cid in zip(rows_under(ws, r, len(ids), 7), ids, strict=True):
        deg = mc["criteria"][cid]
        assert row[0] == crit[cid]
        tops = [w for w in res.weight_changes if w.criterion == cid and w.ranks[0] == 1]
        if tops:
            best = min(tops, key=lambda w: abs(w.share_relative))
            assert row[1] == name[best.sites[1]] and row[6] == approx(best.share_relative)
        share = deg["criticality_share"]
        assert row[4] == (approx(share) if share is not None else "none")
        if deg["sensitivity_share"] is not None:
            assert row[5] == approx(deg["sensitivity_share"])


def test_critical_data_changes_equal_the_analysis(runs: dict[str, Any], en: openpyxl.Workbook) -> None:
    res, ws = runs["res"], en["Critical changes"]
    crit, name = crit_names(runs["study"]), names(runs["study"])
    goal = {"up-one": "one place up", "first": "first place"}
    r = find_row(ws, "Site", "Criterion", "Value now is")
    expected = {
        (name[d.site], crit[d.criterion], goal[d.target]): (d.current_value, d.required_value)
        for d in res.data_changes
        if d.required_value is not None
    }
    assert expected
    assert ws.cell(r, 11).value == "Reach"
    reach = {
        (name[d.site], crit[d.criterion], goal[d.target]): d.out_of_reach
        for d in res.data_changes
        if d.required_value is not None
    }
    got = {}
    for row in rows_under(ws, r, min(60, len(expected)), 11):
        got[(row[0], row[1], row[4])] = (row[5], row[6])
        assert row[7] == pytest.approx(row[6] - row[5], rel=1e-9, abs=1e-9)
        assert row[10] == ("out of reach" if reach[(row[0], row[1], row[4])] else None)
    assert set(got) <= set(expected) and len(got) == min(60, len(expected))
    for key, (now, needed) in got.items():
        assert (now, needed) == (approx(expected[key][0]), approx(expected[key][1]))


def test_rank_acceptability_and_central_weights_equal_smaa(
    runs: dict[str, Any], en: openpyxl.Workbook
) -> None:
    res, ws = runs["res"], en["Rank acceptability"]
    sm, name = res.smaa, names(runs["study"])
    n, m = len(sm.sites), len(sm.criteria)
    order = in_rank_order(res)
    r = find_row(ws, "Site", "#1")
    assert [ws.cell(r, 1 + j).value for j in range(n + 4)] == [
        "Site",
        *[f"#{k + 1}" for k in range(n)],
        "Expected rank",
        "Holistic acceptability",
        "Confidence factor",
    ]
    for row, i in zip(rows_under(ws, r, n, n + 4), order, strict=True):
        assert row[0] == name[sm.sites[i]]
        assert row[1 : n + 1] == [approx(float(x)) for x in sm.rank_acceptability[i]]
        assert row[n + 1 : n + 3] == [approx(float(sm.expected_rank[i])), approx(float(sm.holistic[i]))]
        conf = float(sm.confidence[i])
        assert row[n + 3] == (approx(conf) if math.isfinite(conf) else "never first")
    r = find_row(ws, "Site", crit_names(runs["study"])[sm.criteria[0]])
    got = rows_under(ws, r, n + 1, m + 1)
    assert got[0][0] == "Weights in force"
    assert got[0][1:] == [approx(res.matrix.weight_of[c]) for c in sm.criteria]  # in force
    for row, i in zip(got[1:], order, strict=True):
        cw = sm.central_weights[i]
        if all(math.isfinite(x) for x in cw):
            assert row[1:] == [approx(float(x)) for x in cw]
        else:
            assert row[1] == "never first"
    # pairwise winning indices, rows and columns in rank order
    r = find_row(ws, "Site (rank now)", "1.")
    for a, (row, i) in enumerate(zip(rows_under(ws, r, n, n + 1), order, strict=True)):
        assert row[0] == f"{a + 1}. {name[sm.sites[i]]}"
        assert row[1:] == ["–" if i == j else approx(float(sm.pairwise[i, j])) for j in order]


def test_value_of_information_equals_smaa(runs: dict[str, Any], en: openpyxl.Workbook) -> None:
    res, ws = runs["res"], en["Rank acceptability"]
    sm, name, crit = res.smaa, names(runs["study"]), crit_names(runs["study"])
    assert len(sm.uncertain)  # the shipped study has ranged facts
    r = find_row(ws, "Site", "Criterion", "Uncertain because")
    order = sorted(range(len(sm.uncertain)), key=lambda c: -sm.voi[c])[:15]
    for row, c in zip(rows_under(ws, r, len(order), 9), order, strict=True):
        cell = sm.uncertain[c]
        assert row[0] == name[sm.sites[cell.site_index]]
        assert row[1] == crit[sm.criteria[cell.criterion_index]]
        assert row[3:5] == [approx(cell.low), approx(cell.high)]
        assert row[6:] == [approx(float(sm.voi[c])), *[approx(float(x)) for x in sm.voi_leader_range[c]]]


def test_method_agreement_equals_the_analysis(runs: dict[str, Any], en: openpyxl.Workbook) -> None:
    res, ws = runs["res"], en["Method agreement"]
    ag, name = res.agreement, names(runs["study"])
    k = len(ag.labels)
    r = find_row(ws, "Site", "Consensus rank", "Mean rank")
    assert [ws.cell(r, 4 + j).value.rstrip(" *") for j in range(k)] == list(ag.labels)
    idx = {name[s]: i for i, s in enumerate(ag.sites)}
    got = rows_under(ws, r, len(ag.sites), 3 + k)
    assert [row[1] for row in got] == sorted(int(x) for x in ag.consensus_rank)
    for row in got:
        i = idx[row[0]]
        assert row[1:3] == [int(ag.consensus_rank[i]), approx(float(ag.mean_rank[i]))]
        assert row[3:] == [int(x) for x in ag.ranks[i]]
    for title, mat in (("Kendall's tau", ag.kendall), ("Spearman's rho", ag.spearman)):
        head = next(
            rr for rr in range(1, ws.max_row + 1) if str(ws.cell(rr, 1).value or "").startswith(title)
        )
        got = rows_under(ws, head + 1, k, k + 1)
        for i, row in enumerate(got):
            assert row[0] == ag.labels[i]
            assert row[1:] == [approx(float(x)) if math.isfinite(x) else "n/a" for x in mat[i]]
    # each method left out once, with why: wpm fails under every normalisation for the same
    # values (the shipped unknowns, at the worst end 0 of their plausible ranges), so it is one row
    r = find_row(ws, "Method", "Why")
    left_out = [label for label, _ in ag.skipped_by_method()]
    assert left_out == ["wsm (sum)", "wpm (none, max, sum, vector)", "topsis (sum)"]
    got = rows_under(ws, r, len(left_out) + 1, 2)
    assert [row[0] for row in got[: len(left_out)]] == left_out
    assert got[len(left_out)][0].startswith("wsm and topsis without normalisation")
    assert got[1][1].startswith(
        "wpm needs values > 0 under every normalisation; criterion 'AI accelerators' has 0 count for "
        f"{name['chuncheon-gak']}, an unknown value at the worst end of its plausible range; "
    )
    assert got[0][1].startswith("wsm with 'sum' normalisation needs values > 0; criterion 'AI accelerators'")
    assert not any("use normalization" in str(row[1]) for row in got)


# -------------------------------------------------------------- seed, summary, options
def test_the_seed_is_recorded_on_run_info_and_every_sensitivity_sheet(en: openpyxl.Workbook) -> None:
    kv = {row[0].value: row[1].value for row in en["Run info"].iter_rows(min_row=4) if row[0].value}
    assert kv["Seed"] == SEED
    assert kv["SMAA samples"] == SAMPLES
    assert kv["Weight sampling"] == "uniform"
    assert kv["Command line"].startswith("sitecompare compare --sensitivity --samples 3000 --seed 7")
    for name in EN:
        a3 = en[name]["A3"].value
        assert f"seed {SEED}" in a3 and f"{SAMPLES:,} samples" in a3, name


def test_summary_carries_the_sensitivity_headline(runs: dict[str, Any], en: openpyxl.Workbook) -> None:
    res = runs["res"]
    summary = [str(v) for v in values(en["Summary"])]
    headline = sensitivity_headline(res, Lang("en"))
    assert headline in summary
    leader = runs["study"].site(res.leader).name
    share = f"{res.smaa.rank_acceptability[res.matrix.site_ids.index(res.leader), 0]:.0%}"
    assert headline.startswith(f"{leader} is first in {share} of 3,000 uniformly sampled weightings (seed 7)")
    # one definition of critical: the share pick, whose numbers are the Critical changes
    # sheet's "weight at the swap" and a crossover of the Weight sweeps sheet
    top = res.most_critical["share"]["top"]["percent"]
    crit = crit_names(runs["study"])[top["criterion"]]
    other = names(runs["study"])[next(s for s in top["sites"] if s != res.leader)]
    now = res.matrix.weight_of[top["criterion"]]
    verdict = robustness_verdict(top["share_relative"])
    tail = {
        "robust": ": first place is robust to smaller changes of one weight, though not to any change "
        "(the Weight sweeps sheet shows where each weight hands it over).",
        "moderate": ": first place is moderately robust: it survives a moderate disagreement about any "
        "one weight, not a large one.",
        "fragile": ": first place is fragile: stakeholders often disagree about a weight by that much.",
    }[verdict]
    assert headline.endswith(
        f". The smallest single-weight change that takes first place from {leader} is to "
        f"{'cut' if top['share_relative'] < 0 else 'raise'} the {crit} weight by "
        f"{abs(top['share_relative']) * 100:.1f}% of itself, from {now:.1%} to {top['new_weight']:.1%} of "
        f"the total (the others rescaled in proportion), which hands it to {other}{tail}"
    )
    crossings = [
        c.weight
        for c in res.oat[top["criterion"]].crossovers
        if set(c.sites) == set(top["sites"])
    ]
    assert any(abs(t - top["new_weight"]) < 1e-9 for t in crossings)  # the sweep's crossover
    # the "how to read" list names and describes the new sheets
    for name in EN:
        assert name in summary
        assert en[name]["A2"].value in summary


def test_the_headline_reads_the_size_of_the_change(runs: dict[str, Any]) -> None:
    """A small relative change (under FRAGILE_BELOW) makes first place fragile, one of
    ROBUST_FROM or more robust, and a raise reads as a raise; the Korean says the same."""
    assert (FRAGILE_BELOW, ROBUST_FROM) == (0.25, 0.50)
    assert [robustness_verdict(x) for x in (-0.936, 0.5, -0.4999, 0.25, -0.2499, 0.1)] == [
        "robust",
        "robust",
        "moderate",
        "moderate",
        "fragile",
        "fragile",
    ]
    res = runs["res"]
    leader, name = res.leader, names(runs["study"])
    other = next(s for s in res.matrix.site_ids if s != leader)
    cid = res.matrix.criterion_ids[0]
    label = crit_names(runs["study"])[cid]
    now = res.matrix.weight_of[cid]

    def with_pick(relative: float) -> SensitivityResult:
        pick = {
            "criterion": cid,
            "sites": [leader, other],
            "weight": now,
            "new_weight": now * (1 + relative),
            "share_change": now * relative,
            "share_relative": relative,
        }
        share = {"top": {"percent": pick, "absolute": pick}, "any": {"percent": pick, "absolute": pick}}
        return dataclasses.replace(res, most_critical=dict(res.most_critical, share=share))

    fragile = sensitivity_headline(with_pick(-0.1), Lang("en"))
    assert fragile.endswith(
        f"is to cut the {label} weight by 10.0% of itself, from {now:.1%} to {0.9 * now:.1%} of the total "
        f"(the others rescaled in proportion), which hands it to {name[other]}: first place is fragile: "
        "stakeholders often disagree about a weight by that much."
    )
    raised = sensitivity_headline(with_pick(0.3), Lang("en"))
    assert f"is to raise the {label} weight by 30.0% of itself, from {now:.1%} to {1.3 * now:.1%}" in raised
    assert raised.endswith(
        "first place is moderately robust: it survives a moderate disagreement about any one weight, not a large one."
    )
    ko = sensitivity_headline(with_pick(-0.1), Lang("ko"))
    assert f"{crit_names(runs['study'], 'ko')[cid]} 가중치를 자기 값의 10.0%만큼 줄여" in ko and ko.endswith(
        "1위는 취약합니다: 이해관계자의 가중치는 흔히 그만큼 차이가 납니다."
    )
    nothing = {"top": {"percent": None, "absolute": None}, "any": {"percent": None, "absolute": None}}
    none = dataclasses.replace(res, most_critical=dict(res.most_critical, share=nothing))
    assert sensitivity_headline(none, Lang("en")).endswith(
        f"No change of a single weight takes first place from {name[leader]}: first place is robust to any one weight."
    )


def test_confidence_factor_is_explained_beside_the_table(
    en: openpyxl.Workbook, ko: openpyxl.Workbook
) -> None:
    """A site first in 3% of the samples can have a confidence factor of 100% (SMAA-2: first
    under its own central weights): a note under the table says what that combination means."""
    for wb, sheet, header, text in (
        (
            en,
            "Rank acceptability",
            "Site",
            "High confidence with low first-rank acceptability (#1) means: the site wins only under unusual weights",
        ),
        (
            ko,
            KO[2],
            "사이트",
            "신뢰 계수는 높은데 1위 수용도(#1)가 낮으면: 그 사이트는 흔치 않은 가중치에서만 1위가 되지만",
        ),
    ):
        ws = wb[sheet]
        r = find_row(ws, header, "#1")
        notes = [str(ws.cell(rr, 1).value or "") for rr in range(r + 1, r + 14)]
        assert any(x.startswith(text) for x in notes), notes


def test_column_headers_print_on_one_line(en: openpyxl.Workbook) -> None:
    """'Crossovers' broke as 'Crossove/rs', 'promethee2' as 'promethee/2': their columns are as
    wide as the bold header."""
    sweeps = en["Weight sweeps"]
    r = find_row(sweeps, "Criterion", "Weight now")
    col = next(c for c in range(1, 11) if sweeps.cell(r, c).value == "Crossovers")
    width = sweeps.column_dimensions[openpyxl.utils.get_column_letter(col)].width
    assert wrapped_lines("Crossovers", width - 0.6, 1.07 * 1.1) == 1  # bold, with room to spare
    ag = en["Method agreement"]
    r = find_row(ag, "Site", "Consensus rank", "Mean rank")
    col = next(c for c in range(1, ag.max_column + 1) if ag.cell(r, c).value == "promethee2")
    width = ag.column_dimensions[openpyxl.utils.get_column_letter(col)].width
    assert wrapped_lines("promethee2", width - 0.6, 1.07 * 1.1) == 1


def test_korean_labels_local_names_and_the_options(runs: dict[str, Any], ko: openpyxl.Workbook) -> None:
    res = runs["res_ko"]
    study = runs["study"]
    text = " ".join(str(v) for v in values(ko[KO[0]]))
    assert "가중치 하나씩 바꾸기(OAT)" in text and "현재 가중치" in text and "규칙:" in text
    for c in res.matrix.criteria:  # the criteria that take part
        assert c.label_local in text
    acc = ko[KO[2]]
    r = find_row(acc, "사이트", "#1")
    local = names(study, "ko")
    order = in_rank_order(res)
    n = len(res.matrix.site_ids)
    for row, i in zip(rows_under(acc, r, n, n + 1), order, strict=True):  # the dirichlet run
        assert row[0] == local[res.matrix.site_ids[i]]
        assert row[1:] == [approx(float(x)) for x in res.smaa.rank_acceptability[i]]
    # the shipped unknowns (missing: interval) are drawn within their plausible ranges
    assert res.smaa.weight_sampling == "dirichlet" and any(c.kind == "unknown" for c in res.smaa.uncertain)
    kv = {row[0].value: row[1].value for row in ko[ko.sheetnames[-1]].iter_rows(min_row=4) if row[0].value}
    assert kv["난수 시드"] == SEED and kv["디리클레 집중도"] == 20 and kv["가중치 추출 방식"] == "dirichlet"
    summary = [str(v) for v in values(ko["요약"])]
    assert sensitivity_headline(res, Lang("ko")) in summary
    assert any("균등" not in s and "디리클레" in s and "1위입니다" in s for s in summary)
    assert ko[KO[1]]["A1"].value == "임계 변화" and ko[KO[3]]["A1"].value == "방법 간 일치도"
    assert ko[KO[0]]["A1"].font.name == "Malgun Gothic"


def test_options_only_apply_with_sensitivity_and_help_lists_them(tmp_path: Path) -> None:
    r = run_cli("compare", "--samples", "100", "--seed", "3", cwd=tmp_path)
    assert r.returncode == 2
    assert "--samples, --seed only apply with --sensitivity" in r.stderr
    assert not (tmp_path / "reports").exists()
    help_ = run_cli("compare", "--help").stdout
    for option in (
        "--sensitivity",
        "--samples INTEGER RANGE",
        "--seed INTEGER",
        "--weight-sampling [uniform|dirichlet|ordinal]",
        "--concentration FLOAT RANGE",
        "--unknown-missing",
        "--progress / --no-progress",
    ):
        assert option in help_, option
    # the same option definitions as `sitecompare sensitivity`
    sens_help = run_cli("sensitivity", "--help").stdout
    for option in ("--samples INTEGER RANGE", "--weight-sampling [uniform|dirichlet|ordinal]"):
        assert option in sens_help
    bad = run_cli("compare", "--sensitivity", "--samples", "0", cwd=tmp_path)
    assert bad.returncode == 2 and "--samples" in bad.stderr


def test_a_failed_analysis_writes_nothing(tmp_path: Path) -> None:
    sdir, cpath = make_study(
        tmp_path,
        {"alone": {"compute_pf": "10 PFLOPS"}},
        {"compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 1}},
    )
    r = run_cli("compare", "--sensitivity", cwd=tmp_path)
    assert r.returncode == 1
    assert "sensitivity needs at least two sites" in r.stderr
    assert not (tmp_path / "reports" / "site-comparison.xlsx").exists()


HOSTILE = '=HYPERLINK("http://example.com","x")'


def test_site_names_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    sdir, cpath = make_study(
        tmp_path,
        {
            "alpha": {"compute_pf": "10 PFLOPS", "ktx_km": "20 km"},
            "beta": {"compute_pf": "30 PFLOPS", "ktx_km": "5 km"},
            "gamma": {"compute_pf": "20 PFLOPS", "ktx_km": "9 km"},
        },
        {
            "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 1},
            "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 1},
        },
    )
    doc = yaml.safe_load((sdir / "alpha.yaml").read_text())
    doc["name"] = HOSTILE
    (sdir / "alpha.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    doc = yaml.safe_load((sdir / "beta.yaml").read_text())
    doc["name"] = "+SUM(1,2)"
    (sdir / "beta.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    r = run_cli("compare", "--sensitivity", "--samples", "500", "-o", "h.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    wb = openpyxl.load_workbook(tmp_path / "h.xlsx")
    # beta leads on both criteria: no weight or fact swaps it, so it is not on Critical changes
    must = {
        "Weight sweeps": {HOSTILE, "+SUM(1,2)"},  # the chart data headers (the legend)
        "Critical changes": {HOSTILE},
        "Rank acceptability": {HOSTILE, "+SUM(1,2)"},
        "Method agreement": {HOSTILE, "+SUM(1,2)"},
    }
    for name in EN:
        cells = [c for row in wb[name].iter_rows() for c in row if isinstance(c.value, str)]
        hostile = [c for c in cells if c.value.startswith(("=", "+"))]
        assert {c.value for c in hostile} >= must[name], name
        assert all(c.data_type == "s" and c.quotePrefix for c in hostile), name
        assert not [c for row in wb[name].iter_rows() for c in row if c.data_type == "f"], name


# ------------------------------------------------------------------------- LibreOffice
def test_libreoffice_renders_the_sensitivity_sheets(
    runs: dict[str, Any],
    lo_profile: Path,  # noqa: F811 - the fixture imported from test_workbook_libreoffice
    tmp_path: Path,
) -> None:
    pdfs = convert(lo_profile, [runs["en"], runs["ko"]], "pdf", tmp_path / "pdf")
    text = pdf_text(pdfs[0])
    for title in (
        "One-at-a-time weight sweeps",
        "Critical changes",
        "Rank acceptability (SMAA-2)",
        "Method agreement",
        "Every crossover",
        "is first in",
    ):
        assert title in text, title
    assert "Chart data (not printed)" not in text  # under the print area
    for bad in ("#####", "#VALUE!", "#NAME?", "Err:"):
        assert bad not in text, bad
    # headers print on one line (the review found "Crossove" / "rs" and "promethee" / "2")
    words = text.split()
    assert "Crossovers" in words and "Crossove" not in words
    assert "promethee2" in words and "promethee" not in words
    ko_text = pdf_text(pdfs[1])
    for label in (
        "가중치 하나씩 바꾸기(OAT)",
        "임계 변화",
        "순위 수용도(SMAA-2)",
        "방법 간 일치도",
        "대덕연구개발특구",
    ):
        assert label in ko_text, label
