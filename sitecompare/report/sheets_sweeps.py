"""The Weight sweeps sheet of ``compare --sensitivity``: the one-at-a-time sweeps (each weight
over 0-100%, the others rescaled proportionally, as the sheet says): how far each weight can move
before the ranking or first place changes, then one native line chart per criterion (a dashed
vertical line, a one-point series with an error bar, marks the weight in force) with the nearest
crossovers beside it, and the list of crossovers. The chart data (a 1% grid) sit under the
printed area.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.chart import LineChart, Reference
from openpyxl.chart.axis import TextAxis
from openpyxl.chart.error_bar import ErrorBars
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.legend import LegendEntry
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.line import LineProperties
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .i18n import N_, Lang
from .layout import (
    FMT_PCT1,
    FMT_SHARE,
    GREY,
    Column,
    Styles,
    add_notes,
    center_cells,
    chart_end,
    chart_text,
    fit_rows,
    head_and_tail,
    highlight_if,
    put,
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
    from ..sensitivity.oat import OATResult
    from ..sensitivity.sweeps import SweepCurves

OAT_CHART_MAX_SITES = 7  # lines per sweep chart (the chart data then fit the printed columns)
OAT_GRID = 101  # chart points: every whole percent of the weight
SWEEP_CHART_CM = (17.0, 7.2)  # over columns A-F; two criteria to a printed page
# column 7 holds the "Crossovers" count: wide enough for its bold header on one line
SWEEP_WIDTHS: dict[int | str, float] = {1: 33, 2: 12, 3: 12, 4: 12, 5: 12, 6: 12, 7: 12, 8: 42, 9: 9, 10: 9}
NEAREST_CROSSOVERS = 2  # listed beside each chart on each side of the weight now
# the score axis of the sweep charts: (label, number format) on the 0-100 view or not
_AXES = {True: (N_("Score (0-100)"), "0"), False: (N_("Score (method's own scale)"), "General")}
MAX_CROSSOVERS = 25  # per criterion in the list of every crossover (the nearest the weight now)


def _nice_range(lo: float, hi: float) -> tuple[float, float, float]:
    """A chart axis over ``lo``..``hi``: (bottom, top, step) on round numbers, about 5 steps."""
    span = hi - lo
    if not math.isfinite(span) or span <= 0:
        span = abs(hi) or 1.0
    raw = span / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def write_sweeps(
    wb: Workbook, st: Styles, L: Lang, res: SensitivityResult, curves: Sequence[SweepCurves]
) -> Worksheet:
    """The Weight sweeps sheet of ``res``; ``curves`` are the scores along each sweep at
    OAT_GRID points (:func:`sitecompare.sensitivity.sweeps.sweep_curves`), for the charts."""
    cx = SheetContext(res, L, st)
    ws, row = cx.start(
        wb,
        "sweeps",
        L.t("One-at-a-time weight sweeps"),
        L.t(
            "How far each weight can move, the others rescaled proportionally, before the ranking "
            "or first place changes; one chart per criterion with the crossovers listed."
        ),
        10,
    )
    set_widths(ws, SWEEP_WIDTHS)
    blocks: list[tuple[int, int]] = []
    row = _write_intervals(ws, cx, row, blocks)
    anchors: list[int] = []
    for cid, o in res.oat.items():
        start = row
        row = write_section(
            ws, st, row, L.t("{crit}: weight now {w}", crit=cx.cname(cid), w=f"{o.current:.1%}"), span=10
        )
        anchors.append(row)
        row = _write_nearest_crossovers(ws, cx, row, o)
        blocks.append((start, row - 1))
    start = row
    row = _write_every_crossover(ws, cx, row)
    blocks += head_and_tail(start, row - 1, 6)
    _write_chart_data(ws, cx, row + 2, curves, anchors)
    cx.finish(ws, blocks, last_col=10, print_rows=row - 1)
    return ws


def _write_intervals(ws: Worksheet, cx: SheetContext, row: int, blocks: list[tuple[int, int]]) -> int:
    """Section 1: how far each weight can move before the ranking or first place changes,
    and the notes under it; returns the row after the blank line under them."""
    from ..sensitivity.oat import CONVENTION

    st, L, res, leader = cx.st, cx.L, cx.res, cx.res.leader
    first_block = row
    row = write_section(ws, st, row, L.t("How far each weight can move"), span=10)
    columns = [
        Column(L.t("Criterion"), wrap=True),
        Column(L.t("Weight now"), FMT_PCT1),
        Column(L.t("Ranking unchanged: from"), FMT_PCT1),
        Column(L.t("Ranking unchanged: to"), FMT_PCT1),
        Column(L.t("First place unchanged: from"), FMT_PCT1),
        Column(L.t("First place unchanged: to"), FMT_PCT1),
        Column(L.t("Crossovers"), "0"),
        Column(L.t("Who takes first place beyond that range"), wrap=True),
    ]
    rows = []
    for cid, o in res.oat.items():
        lo, hi = o.top_interval
        rows.append(
            [
                cx.cname(cid),
                o.current,
                o.stability_interval[0],
                o.stability_interval[1],
                lo,
                hi,
                len(o.crossovers),
                _beyond(cx, o) or L.t("nobody: {site} stays first", site=cx.name[leader]),
            ]
        )
    tr = write_columns(ws, st, row, columns, rows, header_height=44)
    center_cells(ws, st, range(tr.first_row, tr.last_row + 1), range(7, 8))
    # a first place that a move of less than 10 points of weight can change
    if not tr.empty:
        highlight_if(
            ws,
            f"E{tr.first_row}:F{tr.last_row}",
            f"OR(AND($E{tr.first_row}>0,$B{tr.first_row}-$E{tr.first_row}<0.1),"
            f"AND($F{tr.first_row}<1,$F{tr.first_row}-$B{tr.first_row}<0.1))",
            st,
        )
    exact = all(o.exact for o in res.oat.values())
    notes = [
        L.t("Convention: {conv}, so the weights always add up to 100%.", conv=L.t(CONVENTION)),
        L.t(
            "Ranking unchanged: the range of the weight over which the whole order stays as it is; "
            "first place unchanged: the range over which {site} stays first. Shaded: first place "
            "changes within 10 points of the weight now.",
            site=cx.name[leader],
        ),
        L.t("Crossovers are exact: the method's scores are straight lines along a sweep.")
        if exact
        else L.t("Crossovers are located numerically, to 1e-9 of the weight."),
    ]
    row = add_notes(ws, st, tr.last_row + 1, notes, span=10)
    blocks.append((first_block, row - 1))
    return row + 1


def _beyond(cx: SheetContext, o: OATResult) -> str:
    """Who takes first place just below and just above the range over which the leader stays
    first ('below 12.0%: X; above 40.0%: Y'), or '' when nobody does."""
    L, leader = cx.L, cx.res.leader
    lo, hi = o.top_interval
    beyond = []
    for c in o.crossovers:
        if not c.changes_first or leader not in c.sites:
            continue
        if lo > 0 and abs(c.weight - lo) <= 1e-12:
            beyond.append(L.t("below {w}: {site}", w=f"{lo:.1%}", site=cx.name[c.sites[0]]))
        if hi < 1 and abs(c.weight - hi) <= 1e-12:
            beyond.append(L.t("above {w}: {site}", w=f"{hi:.1%}", site=cx.name[c.sites[1]]))
    return "; ".join(dict.fromkeys(beyond))


def _write_nearest_crossovers(ws: Worksheet, cx: SheetContext, row: int, o: OATResult) -> int:
    """Beside one criterion's chart (anchored at ``row``): the crossovers nearest the weight
    now on each side; returns the row after the blank line under the chart or the table,
    whichever ends lower."""
    st, L = cx.st, cx.L
    below = [c for c in o.crossovers if c.weight <= o.current][-NEAREST_CROSSOVERS:]
    above = [c for c in o.crossovers if c.weight > o.current][:NEAREST_CROSSOVERS]
    tab = [_crossover_row(cx, c) for c in below]
    now = len(tab)
    tab.append([o.current, L.t("▶ the weight now"), None, None])
    tab += [_crossover_row(cx, c) for c in above]
    ct = write_table(
        ws,
        st,
        row,
        [L.t("Weight"), L.t("As the weight rises past it"), L.t("For position"), L.t("First place")],
        tab,
        col=7,
        formats=[FMT_PCT1, None, "0", None],
        wrap=[False, True, False, False],
        header_height=30,
    )
    center_cells(ws, st, range(ct.first_row, ct.last_row + 1), range(9, 11))
    for c in range(7, 11):
        style_cell(ws.cell(row=ct.first_row + now, column=c), font=st.italic, fill=st.subheader_fill)
    end = ct.last_row
    notes = []
    more = len(o.crossovers) - len(below) - len(above)
    if more:
        notes.append(L.t("… and {k} more further away (see the list below the charts).", k=more))
    if not o.crossovers:
        notes.append(L.t("No crossovers: the order never changes along this sweep."))
    if notes:
        end = add_notes(ws, st, end + 1, notes, col=7, span=4)
    fit_rows(ws, st)  # the crossover rows beside the chart are as tall as their text
    return max(chart_end(ws, row, SWEEP_CHART_CM[1]), end) + 2


def _write_every_crossover(ws: Worksheet, cx: SheetContext, row: int) -> int:
    """Section 3: every crossover of every sweep (the nearest MAX_CROSSOVERS per criterion);
    returns the row under its notes."""
    st, L = cx.st, cx.L
    row = write_section(ws, st, row, L.t("Every crossover"), span=10)
    every, left_out = [], 0
    for cid, o in cx.res.oat.items():
        near = sorted(o.crossovers, key=lambda c: abs(c.weight - o.current))[:MAX_CROSSOVERS]
        left_out += len(o.crossovers) - len(near)
        every += [[cx.cname(cid), *_crossover_row(cx, c)] for c in sorted(near, key=lambda c: c.weight)]
    columns = [
        Column(L.t("Criterion"), wrap=True),
        Column(L.t("Weight"), FMT_PCT1),
        Column(L.t("As the weight rises past it"), wrap=True, span=6),
        Column(L.t("For position"), "0"),
        Column(L.t("First place")),
    ]
    tr = write_columns(ws, st, row, columns, every, header_height=30)
    center_cells(ws, st, range(tr.first_row, tr.last_row + 1), range(9, 11))
    notes = []
    if not every:
        notes.append(L.t("No crossovers: no single weight changes the order."))
    if left_out:
        notes.append(
            L.nt(
                "For each criterion the {k} crossovers nearest the weight now; {n} further away is "
                "left out (sitecompare sensitivity --format json lists them all).",
                "For each criterion the {k} crossovers nearest the weight now; {n} further away are "
                "left out (sitecompare sensitivity --format json lists them all).",
                left_out,
                k=MAX_CROSSOVERS,
            )
        )
    if (listed := cx.listed_note()) is not None:
        notes.append(listed)
    return add_notes(ws, st, tr.last_row + 1, notes, span=10)


def _write_chart_data(
    ws: Worksheet, cx: SheetContext, row: int, curves: Sequence[SweepCurves], anchors: Sequence[int]
) -> None:
    """The chart data under the printed area (each site's score along each sweep, the first
    OAT_CHART_MAX_SITES sites) and one chart per criterion anchored at ``anchors``."""
    st, L = cx.st, cx.L
    n_chart = min(OAT_CHART_MAX_SITES, len(cx.order))
    chart_sites = cx.order[:n_chart]
    row = write_section(
        ws, st, row, L.t("Chart data (not printed): each site's score along each sweep"), span=10
    )
    for curve, anchor in zip(curves, anchors, strict=True):
        o, view = cx.res.oat[curve.criterion], curve.values
        put(ws, row, 1, cx.cname(curve.criterion), font=st.bold)
        row += 1
        header = [L.t("Weight"), L.t("Axis label")] + [cx.name[cx.dm.site_ids[i]] for i in chart_sites]
        header.append(L.t("Weight now"))
        lo, hi, step = _nice_range(float(view[:, chart_sites].min()), float(view[:, chart_sites].max()))
        last = len(view) - 1
        now_at = int(round(o.current * last))
        body = [
            [
                g / last,
                f"{g * 100 // last}%" if g % 20 == 0 else "",
                *[float(view[g, i]) for i in chart_sites],
                hi if g == now_at else None,
            ]
            for g in range(len(view))
        ]
        dt = write_table(
            ws, st, row, header, body, formats=[FMT_SHARE, None, *["0.000"] * n_chart, None], band=False
        )
        title = cx.cname(curve.criterion)
        if n_chart < len(cx.order):
            title += " " + L.t("(first {k} sites)", k=n_chart)
        label, fmt = _AXES[curve.on_0_100]
        rows = (dt.header_row, dt.last_row)
        chart = _sweep_chart(ws, st, L, title, rows, n_chart, (lo, hi, step), fmt, label)
        ws.add_chart(chart, f"A{anchor}")
        row = dt.last_row + 2


def _crossover_row(cx: SheetContext, c: Any) -> list[Any]:
    """[weight, 'B moves ahead of A', position, first place?] for one crossover."""
    L = cx.L
    text = L.t("{b} moves ahead of {a}", b=cx.name[c.sites[1]], a=cx.name[c.sites[0]])
    tie = getattr(c, "tie", None)  # a tie plateau they cross through
    if tie is not None:
        text += " " + L.t("(tied from {lo} to {hi})", lo=f"{tie[0]:.1%}", hi=f"{tie[1]:.1%}")
    return [
        c.weight,
        text,
        c.rank,
        L.t("yes") if c.changes_first else "",
    ]


def _sweep_chart(
    ws: Worksheet,
    st: Styles,
    L: Lang,
    title: str,
    rows: tuple[int, int],
    n_sites: int,
    axis: tuple[float, float, float],
    fmt: str,
    label_key: str,
) -> LineChart:
    """Score lines of the first ``n_sites`` sites along one sweep, and the weight now as a
    dashed vertical line (a one-point series with an error bar down to the axis); ``rows`` are
    the chart data's header and last rows."""
    header, last = rows
    chart = LineChart()
    chart.add_data(
        Reference(ws, min_col=3, max_col=3 + n_sites, min_row=header, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=2, min_row=header + 1, max_row=last))
    chart.title = title
    chart.y_axis.title = L.t(label_key)
    chart.x_axis.title = L.t("Weight of this criterion (dashed line: the weight now)")
    style_chart(chart, st, line=True)
    for s in chart.series[:n_sites]:
        s.marker.symbol = "none"
        s.graphicalProperties.line.width = 22225
    lo, hi, step = axis
    marker = chart.series[n_sites]
    marker.graphicalProperties = GraphicalProperties(ln=LineProperties(noFill=True))
    marker.marker.symbol = "none"
    marker.errBars = ErrorBars(
        errDir="y", errBarType="minus", errValType="fixedVal", val=hi - lo, noEndCap=True
    )
    marker.errBars.spPr = GraphicalProperties(ln=LineProperties(solidFill=GREY, w=19050, prstDash="dash"))
    legend, x_axis = chart.legend, chart.x_axis
    assert legend is not None and isinstance(x_axis, TextAxis)  # a LineChart's, typed loosely
    legend.legendEntry = [LegendEntry(idx=n_sites, delete=True)]
    chart.y_axis.scaling.min = lo
    chart.y_axis.scaling.max = hi
    chart.y_axis.majorUnit = step
    chart.y_axis.number_format = fmt
    # one category per whole percent; only every 20th has a label, so no program skips any
    x_axis.tickLblSkip = 1
    x_axis.tickMarkSkip = 10
    x_axis.noMultiLvlLbl = True
    # the legend on the right, its long site names wrapped; the plot keeps most of the width
    legend.position = "r"
    legend.txPr = chart_text(st, 8, bold=None)
    legend.layout = Layout(
        manualLayout=ManualLayout(xMode="edge", yMode="edge", x=0.66, y=0.12, w=0.33, h=0.84)
    )
    chart.plot_area.layout = Layout(
        manualLayout=ManualLayout(
            layoutTarget="inner", xMode="edge", yMode="edge", x=0.09, y=0.13, w=0.54, h=0.62
        )
    )
    size_chart(chart, *SWEEP_CHART_CM)
    return chart
