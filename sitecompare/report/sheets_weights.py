"""The Weights sheet: weights in force, their provenance, the scenarios side by side, and a
native line chart of each site's rank under each scenario."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl.chart import LineChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..model import WeightProvenance
from ..rounding import rounded
from ..scenarios import BASE
from .i18n import Lang
from .layout import (
    FMT_SHARE,
    Column,
    Styles,
    TableRange,
    add_note,
    chart_end,
    color_scale,
    data_bar,
    finish_sheet,
    keep_together,
    merge,
    new_sheet,
    put,
    set_widths,
    style_cell,
    style_chart,
    unit_display,
    write_columns,
    write_section,
    write_table,
)
from .overview_text import scenario_name, weights_text
from .plain_tables import ReportData

__all__ = ["write_weights", "RANK_CHART_MAX_SITES"]

RANK_CHART_MAX_SITES = 10  # more lines than this are spaghetti
KEEP_ROWS = 5  # a section heading starts a new page unless this many of its table's rows fit


def _fmt(v: Any) -> Any:
    """A provenance detail as shown: figures to SHOWN decimals, lists and mappings as text."""
    if isinstance(v, float):
        return rounded(v)
    if isinstance(v, (list, tuple)):
        return ", ".join(str(_fmt(x)) for x in v)
    if isinstance(v, Mapping):
        return "; ".join(f"{k}: {_fmt(x)}" for k, x in v.items())
    if isinstance(v, bool) or v is None:
        return str(v)
    return v


def _provenance_summary(L: Lang, prov: WeightProvenance) -> str:
    d = dict(prov.detail)
    parts = []
    for key in (
        "description",
        "source",
        "aggregation",
        "ri_table",
        "lambda_max",
        "ci",
        "cr",
        "consistent",
        "completion",
        "consistency_group",
    ):
        if key in d:
            parts.append(f"{key}: {_fmt(d[key])}")
    if isinstance(d.get("participants"), list):
        parts.append(L.nt("{n} participant", "{n} participants", len(d["participants"])))
    return "; ".join(parts) if parts else L.t("weights written directly in the criteria file")


def _detail_tables(
    ws: Worksheet, st: Styles, L: Lang, row: int, name: str, prov: WeightProvenance, width: float
) -> int:
    """Sub-tables of a provenance: judgments, a pairwise matrix, participants, AHP groups."""
    d = dict(prov.detail)
    crit = d.get("criteria")
    for key, val in d.items():
        if key == "matrix" and isinstance(val, list) and isinstance(crit, list):
            put(ws, row, 1, L.t("{scenario}: pairwise comparison matrix", scenario=name), font=st.bold)
            rows = [[str(c), *[_fmt(x) for x in r]] for c, r in zip(crit, val, strict=False)]
            tr = write_table(ws, st, row + 1, ["", *[str(c) for c in crit]], rows)
            row = tr.last_row + 2
        elif key == "judgments" and isinstance(val, list):
            put(ws, row, 1, L.t("{scenario}: pairwise judgments (A over B)", scenario=name), font=st.bold)
            rows = [[*(list(j) + ["", "", ""])[:3]] for j in val]
            tr = write_table(
                ws,
                st,
                row + 1,
                [L.t("A"), L.t("B"), L.t("A over B")],
                [[str(a), str(b), str(x)] for a, b, x in rows],
            )
            row = tr.last_row + 2
        elif isinstance(val, list) and val and all(isinstance(x, Mapping) for x in val):
            keys: list[str] = []
            for x in val:
                keys += [str(k) for k in x if str(k) not in keys]
            put(ws, row, 1, f"{name}: {key}", font=st.bold)
            tr = write_table(ws, st, row + 1, keys, [[_fmt(x.get(k)) for k in keys] for x in val])
            row = tr.last_row + 2
        elif key == "groups" and isinstance(val, Mapping):
            put(ws, row, 1, L.t("{scenario}: AHP groups", scenario=name), font=st.bold)
            rows = [
                [
                    str(g),
                    _fmt(v.get("local_weights", "")) if isinstance(v, Mapping) else "",
                    _fmt(v.get("cr", "")) if isinstance(v, Mapping) else "",
                ]
                for g, v in val.items()
            ]
            tr = write_table(
                ws, st, row + 1, [L.t("Group"), L.t("Local weights"), "CR"], rows, wrap=[False, True, False]
            )
            row = tr.last_row + 2
    return row


def write_weights(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    """Add the Weights sheet: the weights side by side, the rank under each scenario (with its
    chart), where the weights came from, and what each criterion reads."""
    sc = data.scenarios
    subtitle = L.t(
        "The weights in force and where they came from, every named weight scenario side "
        "by side, and each site's rank under each scenario."
    )
    ws, row = new_sheet(wb, st, L.sheet("weights"), L.t("Weights and scenarios"), subtitle)
    set_widths(ws, {1: 38, 2: 16, 3: 14, 4: 14})
    for c in range(5, 5 + len(sc.columns) + 1):
        set_widths(ws, {c: 14})
    row = _weights_by_scenario(ws, st, L, data, row)
    row = _ranks_by_scenario(ws, st, L, data, row)
    row = _provenance(ws, st, L, data, row)
    _criteria_definitions(ws, st, L, data, row)
    finish_sheet(ws, st, freeze="B4", page_label=L.t("Page &P of &N"))
    return ws


def _weights_by_scenario(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """1. The weights side by side: in force, in the criteria file, under each scenario."""
    cs, crits, sc = data.study.criteria_set, data.criteria, data.scenarios
    row = write_section(ws, st, row, L.t("Weights by scenario (shares of 100%)"), span=8)
    headers = [
        L.t("Criterion"),
        L.t("Criterion id"),
        L.t("In force in this workbook"),
        L.t("Points in the criteria file"),
        *[scenario_name(L, s, cs) for s in sc.columns],
    ]
    rows: list[Sequence[Any]] = []
    for c in crits:
        scenarios = [float(sc.weights[s][c.id]) for s in sc.columns]
        rows.append([L.crit(c), c.id, data.dm.weight_of[c.id], float(c.weight), *scenarios])
    total = [
        L.t("Total"),
        "",
        1.0,
        float(sum(c.weight for c in crits)),
        *[float(sum(sc.weights[s].values())) for s in sc.columns],
    ]
    rows.append(total)
    formats = [None, None, FMT_SHARE, "#,##0.##", *[FMT_SHARE] * len(sc.columns)]
    tr = write_table(ws, st, row, headers, rows, formats=formats, wrap=[True], header_height=44)
    for j in range(len(headers)):
        style_cell(ws.cell(row=tr.last_row, column=1 + j), font=st.bold)
    last_c = tr.last_row - 1
    data_bar(ws, f"C{tr.first_row}:C{last_c}", low=0, high=1)
    if sc.columns:
        a, b = get_column_letter(5), get_column_letter(4 + len(sc.columns))
        high = max(0.01, max(max(w.values()) for w in sc.weights.values()))
        color_scale(ws, f"{a}{tr.first_row}:{b}{last_c}", low=0, high=high)
    note = L.t(
        "Weights are any non-negative points, normalised to shares that add up to 100% before "
        "any method sees them. A scenario that does not name a criterion keeps the criteria "
        "file's points for it."
    )
    return add_note(ws, st, tr.last_row + 1, note, span=8) + 1


def _ranks_by_scenario(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """2. Each site's rank under each scenario, with a line chart, kept on one page."""
    cs, sc = data.study.criteria_set, data.scenarios
    section = row
    headers = [L.t("Site"), L.t("This workbook"), *[scenario_name(L, s, cs) for s in sc.columns]]
    row = write_section(ws, st, row, L.t("Rank of each site under each scenario"), span=len(headers))
    rows = []
    idx = {s: k for k, s in enumerate(sc.site_ids)}
    for i in data.order:
        sid = data.dm.site_ids[i]
        ranks = [int(sc.ranks[idx[sid], j]) for j in range(len(sc.columns))]
        rows.append([L.site_name(data.site(sid)), data.rank_of(i), *ranks])
    tr = write_table(ws, st, row, headers, rows, wrap=[True], header_height=30)
    for k in range(len(rows)):
        for c in range(2, len(headers) + 1):
            style_cell(ws.cell(row=tr.first_row + k, column=c), align=st.center)
    row = tr.last_row + 1
    n_sites = len(rows)
    if n_sites < 1 or not sc.columns:
        return row
    chart = _rank_chart(ws, st, L, tr, len(headers), n_sites)
    note = L.t(
        "Lines that stay flat show ranks that do not depend on the weights; crossing lines "
        "show where a different weighting changes the order."
    )
    row = add_note(ws, st, row, note, span=8) + 1
    ws.add_chart(chart, f"A{row}")
    # the rows under the chart get a height, so that every program (and the page model)
    # sees the chart over the same rows; the table and the chart are kept on one page
    end = chart_end(ws, row, chart.height)
    keep_together(ws, section, end)
    return end + 2


def _rank_chart(ws: Worksheet, st: Styles, L: Lang, tr: TableRange, n_cols: int, n_sites: int) -> LineChart:
    """The rank of the first sites (at most RANK_CHART_MAX_SITES) by scenario, 1 at the top."""
    k = min(RANK_CHART_MAX_SITES, n_sites)
    chart = LineChart()
    title = L.t("Rank of each site by weight scenario (1 = best)")
    if k < n_sites:
        title += " " + L.t("(first {k} sites)", k=k)
    chart.title = title
    data_ref = Reference(ws, min_col=1, max_col=n_cols, min_row=tr.first_row, max_row=tr.first_row + k - 1)
    chart.add_data(data_ref, from_rows=True, titles_from_data=True)
    categories = Reference(ws, min_col=2, max_col=n_cols, min_row=tr.header_row, max_row=tr.header_row)
    chart.set_categories(categories)
    chart.y_axis.scaling.orientation = "maxMin"
    chart.y_axis.scaling.min = 1
    chart.y_axis.scaling.max = max(2, n_sites)
    chart.y_axis.majorUnit = 1
    chart.y_axis.title = L.t("Rank")
    chart.x_axis.crosses = "max"  # category labels at the bottom of the reversed axis
    style_chart(chart, st, line=True)
    if chart.legend is not None:
        chart.legend.position = "r"
    chart.width = 26
    chart.height = 7.4  # with a table of 7 sites and the repeated title rows: one page
    return chart


def _provenance(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """3. Where the weights in force and each scenario's came from, with their detail tables."""
    cs = data.study.criteria_set
    section = row
    row = write_section(ws, st, row, L.t("Where the weights came from"), span=8)
    prov_rows = [
        [L.t("In force in this workbook"), "", weights_text(data, L)],
        [
            scenario_name(L, BASE, cs),
            L.t("direct"),
            L.t("weights written directly in the criteria file ({path})", path=cs.path),
        ],
    ]
    for name in cs.scenarios:
        prov = cs.scenario_provenance.get(name, WeightProvenance("direct"))
        prov_rows.append([L.scenario(cs, name), L.t(prov.method), _provenance_summary(L, prov)])
    headers = [L.t("Weights"), L.t("Derived by"), L.t("Details")]
    tr = write_table(ws, st, row, headers, prov_rows, wrap=[True, False, True])
    last_col = max(8, 4 + len(data.scenarios.columns))
    for k in range(len(prov_rows) + 1):
        merge(ws, tr.header_row + k, 3, tr.header_row + k, last_col)
    keep_together(ws, section, min(tr.last_row, tr.first_row + KEEP_ROWS))  # no heading alone
    row = tr.last_row + 2
    for name in cs.scenarios:
        detailed = cs.scenario_provenance.get(name)
        if detailed is not None and detailed.detail:
            row = _detail_tables(ws, st, L, row, L.scenario(cs, name), detailed, 100)
    return row


def _criteria_definitions(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """4. What each criterion reads and how: fact, unit, direction, policy, limits, scale."""
    section = row
    row = write_section(ws, st, row, L.t("Criteria: what each one reads and how"), span=8)
    columns = [
        Column(L.t("Criterion"), wrap=True),
        Column(L.t("Criterion id")),
        Column(L.t("Fact read"), wrap=True),
        Column(L.t("Unit")),
        Column(L.t("Better when"), wrap=True),
        Column(L.t("If missing"), wrap=True),
        Column(L.t("Hard limit"), wrap=True),
        Column(L.t("Fixed scale"), wrap=True),
    ]
    rows = []
    for c in data.criteria:
        limit = []
        if c.bounds_min is not None:
            limit.append(f"≥ {L.num(c.bounds_min, c.unit)}")
        if c.bounds_max is not None:
            limit.append(f"≤ {L.num(c.bounds_max, c.unit)}")
        scale = ""
        if c.has_scale:
            worst, best = L.num(c.scale_worst), L.num(c.scale_best, c.unit)
            scale = L.t("{worst} (worst) to {best} (best)", worst=worst, best=best)
        unit, policy = unit_display(c.unit) or "-", L.policy(c.missing)
        rows.append([L.crit(c), c.id, c.fact, unit, L.better(c), policy, "; ".join(limit), scale])
    tr = write_columns(ws, st, row, columns, rows, header_height=30)
    keep_together(ws, section, min(tr.last_row, tr.first_row + KEEP_ROWS))
    return tr.last_row + 2
