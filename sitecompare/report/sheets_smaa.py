"""The Rank acceptability sheet of ``compare --sensitivity``: SMAA-2 rank acceptability as a heat
map and a 100% stacked bar chart, central weights, confidence factors, pairwise winning indices,
value of information.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .i18n import Lang
from .layout import (
    FMT_PCT1,
    NAVY,
    Column,
    Styles,
    add_note,
    add_notes,
    center_cells,
    chart_end,
    col_width,
    color_scale,
    merge,
    number_format,
    row_formats,
    set_widths,
    size_chart,
    style_cell,
    style_chart,
    write_columns,
    write_section,
    write_table,
)
from .sensitivity_common import SheetContext

if TYPE_CHECKING:
    from ..sensitivity import SensitivityResult

MAX_RANK_COLUMNS = 12  # more ranks than this: the last column holds "this rank or worse"
ACCEPT_CHART_MAX_SITES = 15
PAIRWISE_MAX_SITES = 25
MAX_VOI = 15


def _colour_ramp(n: int, start: str = NAVY, end: str = "C5D6EE") -> list[str]:
    """``n`` colours from ``start`` to ``end`` (hex RGB), evenly spaced."""
    a = [int(start[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(end[i : i + 2], 16) for i in (0, 2, 4)]
    out = []
    for k in range(n):
        f = k / max(n - 1, 1)
        out.append("".join(f"{round(x + (y - x) * f):02X}" for x, y in zip(a, b, strict=True)))
    return out


def acceptability_columns(n: int) -> list[tuple[str, list[int]]]:
    """Column label and the ranks (0-based) each acceptability column adds up."""
    if n <= MAX_RANK_COLUMNS:
        return [(f"#{r + 1}", [r]) for r in range(n)]
    k = MAX_RANK_COLUMNS - 1
    return [(f"#{r + 1}", [r]) for r in range(k)] + [(f"#{k + 1}+", list(range(k, n)))]


def write_acceptability(wb: Workbook, st: Styles, L: Lang, res: SensitivityResult) -> Worksheet:
    """The Rank acceptability sheet of ``res``: acceptability heat map and chart, central
    weights, pairwise winning indices (up to PAIRWISE_MAX_SITES sites), value of information."""
    cx = SheetContext(res, L, st)
    n, m = len(cx.dm.site_ids), len(cx.dm.criteria)
    ncols = len(acceptability_columns(n))
    pairwise = n <= PAIRWISE_MAX_SITES
    # column A: sites; then the rank columns and three summary columns, the criteria (central
    # weights) or the sites (pairwise), whichever is wider
    last_col = max(1 + ncols + 3, 1 + m, 1 + n if pairwise else 0, 9)
    ws, row = cx.start(
        wb,
        "acceptability",
        L.t("Rank acceptability (SMAA-2)"),
        L.t(
            "How often each site takes each rank when the weights are drawn at random (and uncertain "
            "facts within their ranges): who wins across plausible weightings, and on what priorities."
        ),
        last_col,
    )
    widths: dict[int | str, float] = {1: 38}
    for c in range(2, last_col + 1):
        widths[c] = 12
    set_widths(ws, widths)
    sections: list[tuple[Callable[[int], int], int | None]] = [
        (partial(_write_acceptability_table, ws, cx, last_col=last_col), None),
        (partial(_write_central_weights, ws, cx, last_col=last_col), None),
    ]
    if pairwise:
        sections.append((partial(_write_pairwise, ws, cx, last_col=last_col), None))
    sections.append((partial(_write_value_of_information, ws, cx, last_col=last_col), 10))
    cx.write_sections(ws, row, sections, last_col=last_col)
    return ws


def _write_acceptability_table(ws: Worksheet, cx: SheetContext, row: int, last_col: int) -> int:
    """Section 1: each site's share of samples at each rank as a heat map, with the expected
    rank, holistic acceptability and confidence factor, and the 100% stacked bar chart under
    it; returns the row under the chart."""
    st, L, sm = cx.st, cx.L, cx.res.smaa
    n = len(cx.dm.site_ids)
    cols = acceptability_columns(n)
    ncols = len(cols)
    row = write_section(
        ws, st, row, L.t("Share of sampled weightings that give each site each rank"), span=last_col
    )
    rows = []
    for i in cx.order:
        acc = sm.rank_acceptability[i]
        conf = float(sm.confidence[i])
        rows.append(
            [
                cx.name[cx.dm.site_ids[i]],
                *[float(acc[rs].sum()) for _, rs in cols],
                float(sm.expected_rank[i]),
                float(sm.holistic[i]),
                conf if math.isfinite(conf) else L.t("never first"),
            ]
        )
    columns = [
        Column(L.t("Site"), wrap=True),
        *[Column(label, FMT_PCT1) for label, _ in cols],
        Column(L.t("Expected rank"), "0.00"),
        Column(L.t("Holistic acceptability"), FMT_PCT1),
        Column(L.t("Confidence factor"), FMT_PCT1),
    ]
    tr = write_columns(ws, st, row, columns, rows, header_height=30)
    color_scale(ws, f"B{tr.first_row}:{get_column_letter(1 + ncols)}{tr.last_row}", low=0, high=1)
    center_cells(ws, st, range(tr.first_row, tr.last_row + 1), range(2, 2 + ncols + 3))
    row = tr.last_row + 1
    notes = [
        L.t(
            "Each row adds up to 100%: the share of the {n} samples in which the site had each rank "
            "(#1 = first). Ties share the better rank. Expected rank = the average rank; holistic "
            "acceptability weighs the ranks linearly (first 100%, last 0%).",
            n=f"{sm.samples:,}",
        ),
        L.t(
            "Confidence factor: how often the site is first under its own central weights (below) "
            "when the uncertain facts are drawn within their ranges; low means the data are too "
            "imprecise to decide, whatever the weights."
        ),
        L.t(
            "High confidence with low first-rank acceptability (#1) means: the site wins only "
            "under unusual weights, but with those weights the data are precise enough to be sure "
            "of it."
        ),
    ]
    row = add_notes(ws, st, row, notes, span=last_col)
    k = min(ACCEPT_CHART_MAX_SITES, n)
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "percentStacked"
    chart.overlap = 100
    chart.gapWidth = 40
    chart.add_data(
        Reference(ws, min_col=2, max_col=1 + ncols, min_row=tr.header_row, max_row=tr.header_row + k),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=tr.first_row, max_row=tr.first_row + k - 1))
    title = L.t("Rank acceptability: share of samples at each rank")
    if k < n:
        title += " " + L.t("(first {k} sites)", k=k)
    chart.title = title
    style_chart(chart, st, _colour_ramp(ncols))
    chart.x_axis.scaling.orientation = "maxMin"  # the first-ranked site at the top
    chart.y_axis.number_format = "0%"
    chart.y_axis.crosses = "max"  # the value axis at the bottom of the reversed category axis
    if chart.legend is not None:
        chart.legend.position = "r"
    width = min(27.0, sum(col_width(ws, c) for c in range(1, last_col + 1)) * 0.185)
    size_chart(chart, width, max(5.5, 0.6 * k + 2.2))
    row += 1
    ws.add_chart(chart, f"A{row}")
    return chart_end(ws, row, chart.height) + 2


def _write_central_weights(ws: Worksheet, cx: SheetContext, row: int, last_col: int) -> int:
    """Section 2: the central weights under which each site wins, beside the weights in
    force; returns the row under the note."""
    st, L, sm = cx.st, cx.L, cx.res.smaa
    m = len(cx.dm.criteria)
    row = write_section(
        ws, st, row, L.t("Central weights: the priorities under which each site wins"), span=last_col
    )
    crit_ids = cx.dm.criterion_ids
    rows = [[L.t("Weights in force"), *[cx.dm.weight_of[c] for c in crit_ids]]]
    never: list[int] = []
    for i in cx.order:
        cw = sm.central_weights[i]
        if np.isfinite(cw).all():
            rows.append([cx.name[cx.dm.site_ids[i]], *[float(x) for x in cw]])
        else:
            never.append(len(rows))
            rows.append([cx.name[cx.dm.site_ids[i]], L.t("never first"), *[None] * (m - 1)])
    tr = write_table(
        ws,
        st,
        row,
        [L.t("Site"), *[cx.cname(c) for c in crit_ids]],
        rows,
        formats=[None, *[FMT_PCT1] * m],
        wrap=[True] * (m + 1),
        header_height=44,
    )
    for c in range(1, m + 2):
        style_cell(ws.cell(row=tr.first_row, column=c), font=st.bold)
    center_cells(ws, st, range(tr.first_row, tr.last_row + 1), range(2, m + 2))
    for q in never:
        r = tr.header_row + 1 + q
        style_cell(ws.cell(row=r, column=2), font=st.italic)
        merge(ws, r, 2, r, 1 + m)
    if tr.last_row > tr.first_row and np.isfinite(sm.central_weights).any():
        color_scale(
            ws,
            f"B{tr.first_row + 1}:{get_column_letter(1 + m)}{tr.last_row}",
            low=0,
            high=float(np.nanmax(sm.central_weights)),
        )
    return add_note(
        ws,
        st,
        tr.last_row + 1,
        L.t(
            "Central weights: the average of the sampled weightings in which the site ranks first, "
            "the profile of a stakeholder who would prefer it. Compare them with the weights in "
            "force (first row). 'Never first': no sample put the site first."
        ),
        span=last_col,
    )


def _write_pairwise(ws: Worksheet, cx: SheetContext, row: int, last_col: int) -> int:
    """Section 3: the pairwise winning indices, row site above column site; returns the row
    under the note."""
    st, L, sm = cx.st, cx.L, cx.res.smaa
    n = len(cx.dm.site_ids)
    row = write_section(
        ws,
        st,
        row,
        L.t("Pairwise winning: share of samples in which the row site ranks above the column site"),
        span=last_col,
    )
    rows = [
        [
            f"{a + 1}. {cx.name[cx.dm.site_ids[i]]}",
            *["–" if i == j else float(sm.pairwise[i, j]) for j in cx.order],
        ]
        for a, i in enumerate(cx.order)
    ]
    tr = write_table(
        ws,
        st,
        row,
        [L.t("Site (rank now)"), *[f"{b + 1}." for b in range(n)]],
        rows,
        formats=[None, *[FMT_PCT1] * n],
        wrap=[True],
    )
    center_cells(ws, st, range(tr.first_row, tr.last_row + 1), range(2, n + 2))
    color_scale(ws, f"B{tr.first_row}:{get_column_letter(1 + n)}{tr.last_row}", low=0, high=1)
    return add_note(
        ws,
        st,
        tr.last_row + 1,
        L.t(
            "Columns are the same sites, numbered by their rank now as the rows. From the first "
            "{k} samples.",
            k=f"{sm.pairwise_samples:,}",
        ),
        span=last_col,
    )


def _write_value_of_information(ws: Worksheet, cx: SheetContext, row: int, last_col: int) -> int:
    """Section 4: the value of information of each uncertain fact for first place (the
    MAX_VOI largest); returns the row under the note."""
    st, L, sm = cx.st, cx.L, cx.res.smaa
    row = write_section(
        ws,
        st,
        row,
        L.t("Value of information: which uncertain fact matters most for first place"),
        span=last_col,
    )
    if len(sm.uncertain):
        order = np.argsort(-sm.voi, kind="stable")[:MAX_VOI]
        rows, fmts = [], []
        for c_idx in order:
            cell = sm.uncertain[c_idx]
            c = cx.dm.criteria[cell.criterion_index]
            lo, hi = sm.voi_leader_range[c_idx]
            fmts.append(number_format([cell.low, cell.high], max_decimals=2))
            rows.append(
                [
                    cx.name[cx.dm.site_ids[cell.site_index]],
                    cx.cname(c.id),
                    L.flag(cell.kind),
                    cell.low,
                    cell.high,
                    c.unit.replace("^2", "²") or "-",
                    float(sm.voi[c_idx]),
                    float(lo),
                    float(hi),
                ]
            )
        columns = [
            Column(L.t("Site"), wrap=True),
            Column(L.t("Criterion"), wrap=True),
            Column(L.t("Uncertain because"), wrap=True),
            Column(L.t("Low")),  # low and high: the row's own format (below)
            Column(L.t("High")),
            Column(L.t("Unit"), wrap=True),
            Column(L.t("Expected change in first-place shares"), "0.0000"),
            Column(L.t("Leader first: lowest"), FMT_PCT1),
            Column(L.t("Leader first: highest"), FMT_PCT1),
        ]
        tr = write_columns(ws, st, row, columns, rows, header_height=44)
        row_formats(ws, tr.first_row, fmts, (4, 5))
        row = tr.last_row + 1
        text = L.t(
            "If the fact were known exactly, the first-place shares would move by this much on "
            "average (half the sum of the changes over the sites), after removing the sampling "
            "noise floor {noise}. Leader first: the lowest and highest share of samples in which "
            "{site} is first, across the fact's range. Collect the facts at the top first.",
            noise=f"{sm.voi_noise:.4f}",
            site=cx.name[sm.leader],
        )
    else:
        text = L.t(
            "No uncertain facts: no ranged facts, and missing facts keep their imputed values "
            "(use --unknown-missing to treat them as unknown)."
        )
    return add_note(ws, st, row, text, span=last_col)
