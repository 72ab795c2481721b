"""The sensitivity sheets of the comparison workbook (``compare --sensitivity``).

Four sheets, after What-if, each written by an ``extra_sheets`` callable from a
:class:`~sitecompare.sensitivity.SensitivityResult` (``write_workbook(..., sensitivity=res)``):

* **Weight sweeps**: the one-at-a-time sweeps (each weight over 0-100%, the others rescaled
  proportionally, as the sheet says): how far each weight can move before the ranking or first
  place changes, then one native line chart per criterion (a dashed vertical line, a one-point
  series with an error bar, marks the weight in force) with the nearest crossovers beside it,
  and the list of crossovers. The chart data (a 1% grid) sit under the printed area.
* **Critical changes**: the most critical criteria, each criterion's criticality degree and
  sensitivity coefficient, the smallest weight change that swaps each pair of sites
  (Triantaphyllou & Sanchez 1997) and the smallest change of one fact that lifts a site.
* **Rank acceptability**: SMAA-2 rank acceptability as a heat map and a 100% stacked bar chart,
  central weights, confidence factors, pairwise winning indices, value of information.
* **Method agreement**: the rank of each site under every built-in method and normalisation,
  the Borda consensus, Kendall's tau and Spearman's rho between methods.

Every sheet records the run's seed and sampling settings in row 3 (the SMAA numbers depend
on them; the rest is deterministic). :func:`sensitivity_headline` is the Summary's one-line
answer to "how sure are we?", :func:`sensitivity_run_info` the Run info lines.

Print layout: A4 landscape, one page wide, rows 1-3 repeated; explicit page breaks keep a
heading with its table or chart (see :func:`_finish`). All text goes through ``styles.put``
(text that looks like a formula stays text); no cell holds a formula.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.error_bar import ErrorBars
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.legend import LegendEntry
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText
from openpyxl.drawing.line import LineProperties
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import Issue, SiteCompareError
from ..scenarios import method_label
from .i18n import N_, Lang
from .styles import (
    CM_PER_POINT,
    CM_PER_WIDTH_UNIT,
    FMT_SHARE,
    GREY,
    NAVY,
    SCALE_HIGH,
    Styles,
    add_note,
    color_scale,
    finish_sheet,
    fit_rows,
    highlight_if,
    merge,
    number_format,
    put,
    set_widths,
    style_cell,
    style_chart,
    write_section,
    write_table,
    write_title,
    write_wide_table,
)

if TYPE_CHECKING:
    from ..ranking import Ranking
    from ..sensitivity import SensitivityResult

__all__ = [
    "SENSITIVITY_SHEETS",
    "sensitivity_sheets",
    "sensitivity_headline",
    "sensitivity_run_info",
    "check_matches",
    "OAT_CHART_MAX_SITES",
]

ExtraSheet = Callable[[Workbook, Styles, Lang], None]

OAT_CHART_MAX_SITES = 7  # lines per sweep chart (the chart data then fit the printed columns)
OAT_GRID = 101  # chart points: every whole percent of the weight
SWEEP_CHART_CM = (17.0, 7.2)  # over columns A-F; two criteria to a printed page
SWEEP_WIDTHS: dict[int | str, float] = {1: 33, 2: 12, 3: 12, 4: 12, 5: 12, 6: 12, 7: 9, 8: 44, 9: 9, 10: 9}
NEAREST_CROSSOVERS = 2  # listed beside each chart on each side of the weight now
MAX_CROSSOVERS = 25  # per criterion in the list of every crossover (the nearest the weight now)
MAX_WEIGHT_CHANGES = 60
MAX_DATA_CHANGES = 60
MAX_RANK_COLUMNS = 12  # more ranks than this: the last column holds "this rank or worse"
ACCEPT_CHART_MAX_SITES = 15
PAIRWISE_MAX_SITES = 25
MAX_VOI = 15
FMT_PCT1 = "0.0%"
FMT_SIGNED_PCT = '+0.0%;"−"0.0%;0.0%'  # a typographic minus, quoted (Excel wants literals quoted)
FMT_SIGNED = '+0.0000;"−"0.0000;0.0000'
FMT_TAU = "0.00"
MINUS = "−"

# sheet key -> (English, Korean) name; the order they appear in
SENSITIVITY_SHEETS = {
    "sweeps": ("Weight sweeps", "가중치 변화(OAT)"),
    "critical": ("Critical changes", "임계 변화"),
    "acceptability": ("Rank acceptability", "순위 수용도(SMAA)"),
    "agreement": ("Method agreement", "방법 간 일치도"),
}

_SAMPLING = {
    "uniform": N_("uniformly sampled weightings"),
    "dirichlet": N_("weightings sampled around the weights in force (Dirichlet, concentration {k:g})"),
    "ordinal": N_("sampled weightings that keep the order of the weights in force"),
}


# ------------------------------------------------------------------------------- helpers
class _Ctx:
    """What every sheet needs: the result, the language and display names."""

    def __init__(self, res: SensitivityResult, L: Lang, st: Styles) -> None:
        self.res, self.L, self.st = res, L, st
        dm = res.matrix
        self.dm = dm
        by_id = {s.id: s for s in res.study.sites}
        self.name = {sid: L.site_name(by_id[sid]) if sid in by_id else sid for sid in dm.site_ids}
        self.crit = {c.id: c for c in dm.criteria}
        self.order = [int(i) for i in np.argsort(res.ranks, kind="stable")]  # rank order
        self.rank = {sid: int(r) for sid, r in zip(dm.site_ids, res.ranks, strict=True)}

    def cname(self, cid: str) -> str:
        return self.L.crit(self.crit[cid])

    def sheet(self, key: str) -> str:
        en, ko = SENSITIVITY_SHEETS[key]
        return ko if self.L.ko else en

    def settings(self) -> str:
        sm, L = self.res.smaa, self.L
        text = L.t(
            "Sensitivity run: method {method}; SMAA-2 with {samples} samples of {how}; seed {seed}",
            method=method_label(self.res.method),
            samples=f"{sm.samples:,}",
            how=sampling_text(self.res, L),
            seed=sm.seed,
        )
        if any(c.kind == "missing" for c in sm.uncertain):
            text += L.t("; missing facts drawn within the other sites' range")
        return text

    def start(self, wb: Workbook, key: str, title: str, subtitle: str, span: int) -> tuple[Worksheet, int]:
        """The sheet, its title, description and run settings (rows 1-3, wrapped over
        ``span`` columns so that nothing runs off the printed page)."""
        ws = wb.create_sheet(self.sheet(key))
        write_title(ws, self.st, title, subtitle)
        put(ws, 3, 1, self.settings(), font=self.st.small)
        wrap = Alignment(wrap_text=True, vertical="top")
        for r in (2, 3):
            style_cell(ws.cell(row=r, column=1), align=wrap)
            merge(ws, r, 1, r, span)
        return ws, 5


def sampling_text(res: SensitivityResult, L: Lang) -> str:
    sm = res.smaa
    return L.t(_SAMPLING.get(sm.weight_sampling, sm.weight_sampling), k=sm.concentration or 0)


def _pct(x: float) -> str:
    """A share for a sentence: 71%, <1%, >99%."""
    if not math.isfinite(x):
        return "n/a"
    if 0 < x < 0.01:
        return "<1%"
    if 0.99 < x < 1:
        return ">99%"
    return f"{x:.0%}"


def _signed_pct(x: float) -> str:
    s = f"{abs(x) * 100:.1f}%"
    return ("+" if x > 0 else MINUS if x < 0 else "") + s


def _finite(x: float) -> float | None:
    return float(x) if x is not None and math.isfinite(x) else None


def _colour_ramp(n: int, start: str = NAVY, end: str = "C5D6EE") -> list[str]:
    a = [int(start[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(end[i : i + 2], 16) for i in (0, 2, 4)]
    out = []
    for k in range(n):
        f = k / max(n - 1, 1)
        out.append("".join(f"{round(x + (y - x) * f):02X}" for x, y in zip(a, b, strict=True)))
    return out


def _diverging(ws: Worksheet, ref: str) -> None:
    """-1 rose, 0 white, 1 blue (rank correlations)."""
    ws.conditional_formatting.add(
        ref,
        ColorScaleRule(
            start_type="num",
            start_value=-1,
            start_color="F4CCCC",
            mid_type="num",
            mid_value=0,
            mid_color="FFFFFF",
            end_type="num",
            end_value=1,
            end_color=SCALE_HIGH,
        ),
    )


def _center(ws: Worksheet, st: Styles, rows: range, cols: range) -> None:
    for r in rows:
        for c in cols:
            style_cell(ws.cell(row=r, column=c), align=st.center)


def _finish(
    ws: Worksheet,
    st: Styles,
    L: Lang,
    blocks: Sequence[tuple[int, int]],
    *,
    last_col: int,
    print_rows: int | None = None,
) -> None:
    """finish_sheet, then explicit page breaks: each block (a heading with its table or chart)
    starts a new page rather than being split, and long tables break where a page is full,
    counting the title rows that repeat at the top of every page.

    The page model is conservative (column widths as Excel prints them; LibreOffice prints
    them wider, so scales down more and has room to spare), and every break is explicit, so a
    program never adds one of its own that would strand a note on a page of its own."""
    finish_sheet(ws, st, freeze="B4", title_rows=(1, 3), page_label=L.t("Page &P of &N"))
    last = print_rows or ws.max_row
    ws.print_area = f"A1:{get_column_letter(last_col)}{last}"
    used = sum(_width(ws, c) for c in range(1, last_col + 1))
    scale = min(1.0, 27.2 / max(used * CM_PER_WIDTH_UNIT, 1e-9))
    avail = 17.6 / scale
    # a row without a height is as tall as the default font: taller for Malgun Gothic
    dflt = 16.5 if st.font_name == "Malgun Gothic" else 15.0
    titles = sum(_height(ws, r, dflt) for r in (1, 2, 3))
    starts = {}
    for first, end in sorted(blocks):
        starts.setdefault(first, end)
    breaks: list[int] = []
    pos, row = 0.0, 1
    while row <= last:
        end = starts.get(row)
        if end is not None:
            height = sum(_height(ws, r, dflt) for r in range(row, end + 1))
            if titles + height <= avail:  # the block fits on a page: never split it
                if pos > titles and pos + height > avail:
                    breaks.append(row - 1)
                    pos = titles
                pos += height
                row = end + 1
                continue
        h = _height(ws, row, dflt)
        if pos > titles and pos + h > avail:
            breaks.append(row - 1)
            pos = titles
        pos += h
        row += 1
    for r in breaks:
        ws.row_breaks.append(Break(id=r))


def _width(ws: Worksheet, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    return float(dim.width) if dim is not None and dim.customWidth and dim.width else 8.43


def _height(ws: Worksheet, row: int, default: float = 15.0) -> float:
    """A row's height in cm; ``default`` points where it has none (the program decides)."""
    return (ws.row_dimensions[row].height or default) * CM_PER_POINT


def _head_and_tail(start: int, end: int, head: int, tail: int = 4) -> list[tuple[int, int]]:
    """Keep-together blocks for a long table: its heading with the first ``head`` rows, and its
    last ``tail`` rows with the notes under them (no page holds only a note)."""
    if end - start <= head + tail:
        return [(start, end)]
    return [(start, start + head), (end - tail, end)]


def _chart_end(ws: Worksheet, anchor: int, cm: float) -> int:
    """The last row a chart ``cm`` tall anchored at the top of row ``anchor`` covers. Rows
    without a height get the default 15 points, so that every program (and the page model)
    sees the chart over the same rows whatever the default font."""
    row, used = anchor, 0.0
    while True:
        if not ws.row_dimensions[row].height:
            ws.row_dimensions[row].height = 15.0
        used += _height(ws, row)
        if used >= cm:
            return row
        row += 1


# ----------------------------------------------------------------------------- headline
def sensitivity_headline(res: SensitivityResult, L: Lang) -> str:
    """'X is first in 71% of 10,000 uniformly sampled weightings (seed 1); first place is most
    sensitive to the talent weight: a −94% change swaps X with Y.'"""
    cx = _Ctx(res, L, Styles.for_lang(L.code))
    sm = res.smaa
    leader = res.leader
    i = res.matrix.site_ids.index(leader)
    first = sm.rank_acceptability[:, 0]
    text = L.t(
        "{site} is first in {share} of {n} {how} (seed {seed})",
        site=cx.name[leader],
        share=_pct(float(first[i])),
        n=f"{sm.samples:,}",
        how=sampling_text(res, L),
        seed=sm.seed,
    )
    best = int(np.argmax(first))
    if first[best] > first[i] and res.matrix.site_ids[best] != leader:
        text += L.t(
            "; {other} is first more often ({share})",
            other=cx.name[res.matrix.site_ids[best]],
            share=_pct(float(first[best])),
        )
    top = res.most_critical.get("top", {})
    pick = top.get("percent")
    if pick:
        a, b = pick["sites"]
        other = b if a == leader else a
        text += L.t(
            "; first place is most sensitive to the {crit} weight: a {rel} change swaps {site} with {other}",
            crit=cx.cname(pick["criterion"]),
            rel=_signed_pct(pick["relative"]),
            site=cx.name[leader],
            other=cx.name[other],
        )
    elif top.get("absolute"):
        pick = top["absolute"]
        text += L.t(
            "; first place changes only when the {crit} weight, now 0%, rises by {delta}",
            crit=cx.cname(pick["criterion"]),
            delta=f"{pick['delta']:.1%}",
        )
    else:
        text += L.t("; no change of a single weight takes first place from {site}", site=cx.name[leader])
    return text + "."


def sensitivity_run_info(res: SensitivityResult, L: Lang) -> dict[str, Any]:
    """Run info lines: the seed (it replaces the 'none' line) and the sampling settings."""
    sm = res.smaa
    info: dict[str, Any] = {
        L.t("Seed"): sm.seed,
        L.t("SMAA samples"): sm.samples,
        L.t("Weight sampling"): sm.weight_sampling,
    }
    if sm.concentration is not None:
        info[L.t("Dirichlet concentration")] = sm.concentration
    info[L.t("Missing facts in SMAA")] = (
        L.t("unknown: drawn within the other sites' observed range")
        if any(c.kind == "missing" for c in sm.uncertain)
        else L.t("their imputed values")
    )
    info[L.t("Sensitivity sheets")] = ", ".join(
        (ko if L.ko else en) for en, ko in SENSITIVITY_SHEETS.values()
    )
    return info


def check_matches(res: SensitivityResult, ranking: Ranking) -> None:
    """The sensitivity result must be of the ranking the workbook shows."""
    if (
        tuple(res.matrix.site_ids) != tuple(ranking.matrix.site_ids)
        or tuple(res.matrix.criterion_ids) != tuple(ranking.matrix.criterion_ids)
        or res.method != ranking.method
        or not np.allclose(res.matrix.weights, ranking.matrix.weights)
    ):
        raise SiteCompareError(
            Issue(
                "sensitivity",
                "",
                "the sensitivity result is of another study, method or weights than the ranking",
            )
        )


def sensitivity_sheets(res: SensitivityResult) -> list[ExtraSheet]:
    """The four sheets as ``extra_sheets`` callables for :func:`write_workbook`."""

    def sweeps(wb: Workbook, st: Styles, L: Lang) -> None:
        write_sweeps(wb, st, L, res)

    def critical(wb: Workbook, st: Styles, L: Lang) -> None:
        write_critical(wb, st, L, res)

    def acceptability(wb: Workbook, st: Styles, L: Lang) -> None:
        write_acceptability(wb, st, L, res)

    def agreement(wb: Workbook, st: Styles, L: Lang) -> None:
        write_agreement(wb, st, L, res)

    return [sweeps, critical, acceptability, agreement]


# ------------------------------------------------------------------------ Weight sweeps
def _view(res: SensitivityResult, native: np.ndarray) -> tuple[np.ndarray, str, str]:
    """Scores along a sweep on the Ranking sheet's 0-100 view where it has one (higher is
    better), else native; returns (values, axis label, number format)."""
    name = res.method.name
    norm = dict(res.method.params).get("normalization")
    if name == "wsm" and norm != "none":
        return 100.0 * native, N_("Score (0-100)"), "0"
    if name == "topsis":
        return 100.0 * native, N_("Score (0-100)"), "0"
    if name == "vikor":
        return 100.0 * (1.0 - native), N_("Score (0-100)"), "0"
    if name == "promethee2":
        return 50.0 * (native + 1.0), N_("Score (0-100)"), "0"
    if name == "wpm" and np.all(native > 0):
        return 100.0 * native / native.max(axis=1, keepdims=True), N_("Score (0-100)"), "0"
    return native, N_("Score (method's own scale)"), "General"


def _nice_range(lo: float, hi: float) -> tuple[float, float, float]:
    span = hi - lo
    if not math.isfinite(span) or span <= 0:
        span = abs(hi) or 1.0
    raw = span / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def _sweep_curves(res: SensitivityResult, k: int) -> np.ndarray:
    """(OAT_GRID, n) native scores along criterion k's sweep at every whole percent: the same
    sweep as the OAT analysis (its own grid is coarser)."""
    from ..sensitivity.evaluate import Evaluator
    from ..sensitivity.oat import oat_weights

    ev = Evaluator(res.matrix.problem(), res.method)
    grid = np.linspace(0.0, 1.0, OAT_GRID)
    return ev.native(oat_weights(res.matrix.weights, k, grid))


def write_sweeps(wb: Workbook, st: Styles, L: Lang, res: SensitivityResult) -> Worksheet:
    cx = _Ctx(res, L, st)
    from ..sensitivity.oat import CONVENTION

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
    leader = res.leader
    blocks: list[tuple[int, int]] = []

    # 1. the intervals
    first_block = row
    row = write_section(ws, st, row, L.t("How far each weight can move"), span=10)
    headers = [
        L.t("Criterion"),
        L.t("Weight now"),
        L.t("Ranking unchanged: from"),
        L.t("Ranking unchanged: to"),
        L.t("First place unchanged: from"),
        L.t("First place unchanged: to"),
        L.t("Crossovers"),
        L.t("Who takes first place beyond that range"),
    ]
    rows = []
    for cid, o in res.oat.items():
        lo, hi = o.top_interval
        beyond = []
        for c in o.crossovers:
            if not c.changes_first or leader not in c.sites:
                continue
            if lo > 0 and abs(c.weight - lo) <= 1e-12:
                beyond.append(L.t("below {w}: {site}", w=f"{lo:.1%}", site=cx.name[c.sites[0]]))
            if hi < 1 and abs(c.weight - hi) <= 1e-12:
                beyond.append(L.t("above {w}: {site}", w=f"{hi:.1%}", site=cx.name[c.sites[1]]))
        rows.append(
            [
                cx.cname(cid),
                o.current,
                o.stability_interval[0],
                o.stability_interval[1],
                lo,
                hi,
                len(o.crossovers),
                "; ".join(dict.fromkeys(beyond)) or L.t("nobody: {site} stays first", site=cx.name[leader]),
            ]
        )
    tr = write_table(
        ws,
        st,
        row,
        headers,
        rows,
        formats=[None, FMT_PCT1, FMT_PCT1, FMT_PCT1, FMT_PCT1, FMT_PCT1, "0", None],
        wrap=[True, False, False, False, False, False, False, True],
        header_height=44,
    )
    _center(ws, st, range(tr.first_row, tr.last_row + 1), range(7, 8))
    # a first place that a move of less than 10 points of weight can change
    if not tr.empty:
        highlight_if(
            ws,
            f"E{tr.first_row}:F{tr.last_row}",
            f"OR(AND($E{tr.first_row}>0,$B{tr.first_row}-$E{tr.first_row}<0.1),"
            f"AND($F{tr.first_row}<1,$F{tr.first_row}-$B{tr.first_row}<0.1))",
            st,
        )
    row = tr.last_row + 1
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
    for text in notes:
        row = add_note(ws, st, row, text, span=10)
    blocks.append((first_block, row - 1))
    row += 1

    # 2. one chart per criterion, the crossovers nearest the weight now beside it
    n_chart = min(OAT_CHART_MAX_SITES, len(cx.order))
    chart_sites = cx.order[:n_chart]
    anchors: list[int] = []
    for cid, o in res.oat.items():
        start = row
        row = write_section(
            ws, st, row, L.t("{crit}: weight now {w}", crit=cx.cname(cid), w=f"{o.current:.1%}"), span=10
        )
        anchors.append(row)
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
        _center(ws, st, range(ct.first_row, ct.last_row + 1), range(9, 11))
        for c in range(7, 11):
            style_cell(ws.cell(row=ct.first_row + now, column=c), font=st.italic, fill=st.subheader_fill)
        end = ct.last_row
        more = len(o.crossovers) - len(below) - len(above)
        if more:
            end = add_note(
                ws,
                st,
                end + 1,
                L.t("… and {k} more further away (see the list below the charts).", k=more),
                col=7,
                span=4,
            )
        if not o.crossovers:
            end = add_note(
                ws,
                st,
                end + 1,
                L.t("No crossovers: the order never changes along this sweep."),
                col=7,
                span=4,
            )
        fit_rows(ws, st)  # the crossover rows beside the chart are as tall as their text
        row = max(_chart_end(ws, row, SWEEP_CHART_CM[1]), end) + 2
        blocks.append((start, row - 1))

    # 3. every crossover
    start = row
    row = write_section(ws, st, row, L.t("Every crossover"), span=10)
    every, left_out = [], 0
    for cid, o in res.oat.items():
        near = sorted(o.crossovers, key=lambda c: abs(c.weight - o.current))[:MAX_CROSSOVERS]
        left_out += len(o.crossovers) - len(near)
        every += [[cx.cname(cid), *_crossover_row(cx, c)] for c in sorted(near, key=lambda c: c.weight)]
    tr = write_wide_table(
        ws,
        st,
        row,
        [
            (L.t("Criterion"), 1),
            (L.t("Weight"), 1),
            (L.t("As the weight rises past it"), 6),
            (L.t("For position"), 1),
            (L.t("First place"), 1),
        ],
        every,
        formats=[None, FMT_PCT1, None, "0", None],
        wrap=[True, False, True, False, False],
        header_height=30,
    )
    _center(ws, st, range(tr.first_row, tr.last_row + 1), range(9, 11))
    row = tr.last_row + 1
    if not every:
        row = add_note(ws, st, row, L.t("No crossovers: no single weight changes the order."), span=10)
    if left_out:
        row = add_note(
            ws,
            st,
            row,
            L.t(
                "For each criterion the {k} crossovers nearest the weight now; {n} further away are "
                "left out (sitecompare sensitivity --format json lists them all).",
                k=MAX_CROSSOVERS,
                n=left_out,
            ),
            span=10,
        )
    blocks += _head_and_tail(start, row - 1, 6)
    printed_last = row - 1

    # chart data: not printed, under the printed area
    row += 2
    row = write_section(
        ws, st, row, L.t("Chart data (not printed): each site's score along each sweep"), span=10
    )
    for k, (cid, o) in enumerate(res.oat.items()):
        view, label_key, fmt = _view(res, _sweep_curves(res, k))
        put(ws, row, 1, cx.cname(cid), font=st.bold)
        row += 1
        header = [L.t("Weight"), L.t("Axis label")] + [cx.name[cx.dm.site_ids[i]] for i in chart_sites]
        header.append(L.t("Weight now"))
        lo, hi, step = _nice_range(float(view[:, chart_sites].min()), float(view[:, chart_sites].max()))
        now_at = int(round(o.current * (OAT_GRID - 1)))
        body = [
            [
                g / (OAT_GRID - 1),
                f"{g * 100 // (OAT_GRID - 1)}%" if g % 20 == 0 else "",
                *[float(view[g, i]) for i in chart_sites],
                hi if g == now_at else None,
            ]
            for g in range(OAT_GRID)
        ]
        dt = write_table(
            ws, st, row, header, body, formats=[FMT_SHARE, None, *["0.000"] * n_chart, None], band=False
        )
        title = cx.cname(cid)
        if n_chart < len(cx.order):
            title += " " + L.t("(first {k} sites)", k=n_chart)
        chart = _sweep_chart(
            ws, st, L, title, dt.header_row, dt.last_row, n_chart, (lo, hi, step), fmt, label_key
        )
        ws.add_chart(chart, f"A{anchors[k]}")
        row = dt.last_row + 2
    _finish(ws, st, L, blocks, last_col=10, print_rows=printed_last)
    return ws


def _crossover_row(cx: _Ctx, c: Any) -> list[Any]:
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
    header: int,
    last: int,
    n_sites: int,
    axis: tuple[float, float, float],
    fmt: str,
    label_key: str,
) -> LineChart:
    """Score lines of the first ``n_sites`` sites along one sweep, and the weight now as a
    dashed vertical line (a one-point series with an error bar down to the axis)."""
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
    chart.legend.legendEntry = [LegendEntry(idx=n_sites, delete=True)]
    chart.y_axis.scaling.min = lo
    chart.y_axis.scaling.max = hi
    chart.y_axis.majorUnit = step
    chart.y_axis.number_format = fmt
    # one category per whole percent; only every 20th has a label, so no program skips any
    chart.x_axis.tickLblSkip = 1
    chart.x_axis.tickMarkSkip = 10
    chart.x_axis.noMultiLvlLbl = True
    # the legend on the right, its long site names wrapped; the plot keeps most of the width
    chart.legend.position = "r"
    chart.legend.txPr = _chart_text(st, 8)
    chart.legend.layout = Layout(
        manualLayout=ManualLayout(xMode="edge", yMode="edge", x=0.66, y=0.12, w=0.33, h=0.84)
    )
    chart.plot_area.layout = Layout(
        manualLayout=ManualLayout(
            layoutTarget="inner", xMode="edge", yMode="edge", x=0.09, y=0.13, w=0.54, h=0.62
        )
    )
    chart.width = SWEEP_CHART_CM[0]
    chart.height = SWEEP_CHART_CM[1]
    return chart


def _chart_text(st: Styles, size: float) -> RichText:
    """Chart text in the report font at ``size`` points (style_chart uses 9 points)."""
    from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
    from openpyxl.drawing.text import Font as DrawingFont

    cp = CharacterProperties(
        sz=int(size * 100),
        solidFill="222222",
        latin=DrawingFont(typeface=st.font_name),
        ea=DrawingFont(typeface=st.font_name),
    )
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=cp), endParaRPr=cp)])


# ---------------------------------------------------------------------- Critical changes
CRITICAL_WIDTHS: dict[int | str, float] = {
    1: 33, 2: 33, 3: 30, 4: 10, 5: 12, 6: 11, 7: 11, 8: 11, 9: 12, 10: 12
}  # fmt: skip


def _pair(cx: _Ctx, sites: Sequence[str]) -> str:
    a, b = sites
    return cx.L.t("{a} and {b}", a=cx.name[a], b=cx.name[b])


def write_critical(wb: Workbook, st: Styles, L: Lang, res: SensitivityResult) -> Worksheet:
    cx = _Ctx(res, L, st)
    ws, row = cx.start(
        wb,
        "critical",
        L.t("Critical changes"),
        L.t(
            "The smallest change of one weight, or of one fact, that changes the ranking "
            "(Triantaphyllou & Sánchez 1997): which weight most needs agreement, which data point "
            "would overturn the result if wrong."
        ),
        10,
    )
    set_widths(ws, CRITICAL_WIDTHS)
    blocks: list[tuple[int, int]] = []
    w_now = {cid: float(res.study.weights[cid]) for cid in cx.dm.criterion_ids}
    mc = res.most_critical

    # 1. most critical criteria
    start = row
    row = write_section(ws, st, row, L.t("Most critical criteria"), span=10)
    what = [
        ("top", "percent", N_("First place, smallest relative change")),
        ("top", "absolute", N_("First place, smallest absolute change")),
        ("any", "percent", N_("Any position, smallest relative change")),
        ("any", "absolute", N_("Any position, smallest absolute change")),
    ]
    rows: list[list[Any]] = []
    for scope, kind, label in what:
        pick = (mc.get(scope) or {}).get(kind)
        if not pick:
            rows.append([L.t(label), L.t("none: no single weight change does it"), "", None, None, None])
            continue
        rows.append(
            [
                L.t(label),
                cx.cname(pick["criterion"]),
                _pair(cx, pick["sites"]),
                w_now[pick["criterion"]],
                pick["delta"],
                pick["relative"] if pick["relative"] is not None else L.t("n/a"),
            ]
        )
    tr = write_table(
        ws,
        st,
        row,
        [
            L.t("Most critical for"),
            L.t("Criterion"),
            L.t("Sites that swap"),
            L.t("Weight now"),
            L.t("Change δ"),
            L.t("Relative change"),
        ],
        rows,
        formats=[None, None, None, FMT_PCT1, FMT_SIGNED, FMT_SIGNED_PCT],
        wrap=[True, True, True],
        header_height=30,
    )
    row = add_note(
        ws,
        st,
        tr.last_row + 1,
        L.t(
            "Change δ: how much the weight must change, the other weights unchanged before all are "
            "rescaled to 100%; relative change = δ / weight now. A criterion needing a small relative "
            "change is the one whose weight most needs the stakeholders' agreement."
        ),
        span=10,
    )
    blocks.append((start, row - 1))
    row += 1

    # 2. criticality of each criterion
    start = row
    row = write_section(ws, st, row, L.t("Criticality of each criterion"), span=10)
    rows = []
    for cid in cx.dm.criterion_ids:
        deg = (mc.get("criteria") or {}).get(cid, {})
        mine = [c for c in res.weight_changes if c.criterion == cid and c.relative is not None]
        tops = [c for c in mine if c.ranks[0] == 1]
        top = min(tops, key=lambda c: abs(c.relative or 0.0)) if tops else None
        other = None
        if top is not None:
            other = top.sites[1] if top.sites[0] == res.leader else top.sites[0]
        rows.append(
            [
                cx.cname(cid),
                cx.name[other] if other else L.t("none"),
                w_now[cid],
                deg.get("criticality") if deg.get("criticality") is not None else L.t("none"),
                deg.get("sensitivity") if deg.get("sensitivity") is not None else "",
                top.relative if top else L.t("none"),
            ]
        )
    tr = write_wide_table(  # the site name over columns B-C: one line
        ws,
        st,
        row,
        [
            (L.t("Criterion"), 1),
            (L.t("First place would go to"), 2),
            (L.t("Weight now"), 1),
            (L.t("Criticality degree"), 1),
            (L.t("Sensitivity coefficient"), 1),
            (L.t("Relative change for first place"), 1),
        ],
        rows,
        formats=[None, None, FMT_PCT1, FMT_PCT1, "0.00", FMT_SIGNED_PCT],
        wrap=[True, True],
        header_height=44,
    )
    for q, values in enumerate(rows):  # 'none' where a number would be: aligned like one
        for j, c in ((3, 5), (5, 7)):
            if isinstance(values[j], str):
                style_cell(ws.cell(row=tr.first_row + q, column=c), align=st.right)
    coefs = [r[4] for r in rows if isinstance(r[4], float)]
    if coefs:
        color_scale(ws, tr.col_ref(6), low=0, high=max(coefs))
    row = add_note(
        ws,
        st,
        tr.last_row + 1,
        L.t(
            "Criticality degree: the smallest change of this weight, relative to it, that swaps any "
            "two sites; sensitivity coefficient = 1 / criticality degree: the higher (darker), the "
            "more the ranking depends on this weight. 'None': no change of this weight alone does it."
        ),
        span=10,
    )
    blocks.append((start, row - 1))
    row += 1

    # 3. every pair
    start = row
    row = write_section(ws, st, row, L.t("Smallest weight change that swaps two sites"), span=10)
    changes = res.weight_changes[:MAX_WEIGHT_CHANGES]
    rows = [
        [
            cx.cname(w.criterion),
            cx.name[w.sites[0]],
            cx.name[w.sites[1]],
            w.ranks[0],
            w.ranks[1],
            w_now[w.criterion],
            w.delta,
            w.relative if w.relative is not None else L.t("n/a"),
            w.new_weight,
        ]
        for w in changes
    ]
    tr = write_table(
        ws,
        st,
        row,
        [
            L.t("Criterion"),
            L.t("Site ahead now"),
            L.t("Site behind now"),
            L.t("Rank of the site ahead"),
            L.t("Rank of the site behind"),
            L.t("Weight now"),
            L.t("Change δ"),
            L.t("Relative change"),
            L.t("Weight at the swap (rescaled)"),
        ],
        rows,
        formats=[None, None, None, "0", "0", FMT_PCT1, FMT_SIGNED, FMT_SIGNED_PCT, FMT_PCT1],
        wrap=[True, True, True],
        header_height=44,
    )
    _center(ws, st, range(tr.first_row, tr.last_row + 1), range(4, 6))
    if not tr.empty:
        highlight_if(ws, f"A{tr.first_row}:I{tr.last_row}", f"$D{tr.first_row}=1", st)
    notes = [
        L.t(
            "Sorted by the size of the relative change. Shaded: first place is at stake. 'Weight at "
            "the swap' is the weight after all weights are rescaled to 100%: the crossover on the "
            "Weight sweeps sheet."
        )
    ]
    if len(res.weight_changes) > len(changes):
        notes.append(L.t("The {k} smallest of {n} changes.", k=len(changes), n=len(res.weight_changes)))
    if not changes:
        notes.append(L.t("No single weight change swaps any two sites."))
    row = tr.last_row + 1
    for text in notes:
        row = add_note(ws, st, row, text, span=10)
    blocks += _head_and_tail(start, row - 1, 12)
    row += 1

    # 4. one fact
    start = row
    row = write_section(ws, st, row, L.t("Smallest change in one fact that lifts a site"), span=10)
    goal = {"up-one": N_("one place up"), "first": N_("first place")}
    found = [d for d in res.data_changes if d.required_value is not None]

    def rel(d: Any) -> float:
        return abs(d.change / d.current_value) if d.current_value else math.inf

    found.sort(key=lambda d: (cx.rank[d.site], d.target != "up-one", rel(d)))
    shown = found[:MAX_DATA_CHANGES]
    imputed = L.t("missing; imputed value")
    rows, fmts = [], []
    for d in shown:
        c = cx.crit[d.criterion]
        cell = cx.dm.cell(d.site, d.criterion)
        fmts.append(
            number_format([d.current_value, d.required_value or 0.0, d.change or 0.0], max_decimals=2)
        )
        rows.append(
            [
                cx.name[d.site],
                cx.cname(d.criterion),
                imputed if cell.missing else L.status(cell.status),
                cx.rank[d.site],
                L.t(goal.get(d.target, d.target)),
                d.current_value,
                d.required_value,
                d.change,
                (d.change / d.current_value) if d.current_value else L.t("n/a"),
                c.unit.replace("^2", "²") or "-",
            ]
        )
    tr = write_table(
        ws,
        st,
        row,
        [
            L.t("Site"),
            L.t("Criterion"),
            L.t("Value now is"),
            L.t("Rank now"),
            L.t("Goal"),
            L.t("Value now"),
            L.t("Value needed"),
            L.t("Change"),
            L.t("Change (% of now)"),
            L.t("Unit"),
        ],
        rows,
        formats=[None, None, None, "0", None, None, None, None, FMT_SIGNED_PCT, None],
        wrap=[True, True, True, False, True, False, False, False, False, True],
        header_height=30,
    )
    for q, fmt in enumerate(fmts):
        for c in (6, 7, 8):
            style_cell(ws.cell(row=tr.first_row + q, column=c), fmt=fmt)
    _center(ws, st, range(tr.first_row, tr.last_row + 1), range(4, 5))
    if not tr.empty:
        highlight_if(ws, f"C{tr.first_row}:C{tr.last_row}", f'$C{tr.first_row}="{imputed}"', st)
    row = tr.last_row + 1
    notes = [
        L.t(
            "Each row changes one value of one site, with the weights and every other value fixed. "
            "Where the value now is a missing fact filled in by the criterion's policy (shaded), the "
            "change is measured from the imputed value."
        )
    ]
    stuck = [
        cx.name[sid]
        for sid in (cx.dm.site_ids[i] for i in cx.order)
        if cx.rank[sid] > 1 and not any(d.site == sid and d.target == "first" for d in found)
    ]
    if stuck:
        notes.append(
            L.t(
                "No single fact change lifts {sites} to first place (searched up to 10× the observed range).",
                sites=", ".join(stuck),
            )
        )
    if len(found) > len(shown):
        notes.append(L.t("The first {k} of {n} changes.", k=len(shown), n=len(found)))
    for text in notes:
        row = add_note(ws, st, row, text, span=10)
    blocks += _head_and_tail(start, row - 1, 12)
    _finish(ws, st, L, blocks, last_col=10)
    return ws


# --------------------------------------------------------------------- Rank acceptability
def acceptability_columns(n: int) -> list[tuple[str, list[int]]]:
    """Column label and the ranks (0-based) each acceptability column adds up."""
    if n <= MAX_RANK_COLUMNS:
        return [(f"#{r + 1}", [r]) for r in range(n)]
    k = MAX_RANK_COLUMNS - 1
    return [(f"#{r + 1}", [r]) for r in range(k)] + [(f"#{k + 1}+", list(range(k, n)))]


def write_acceptability(wb: Workbook, st: Styles, L: Lang, res: SensitivityResult) -> Worksheet:
    cx = _Ctx(res, L, st)
    sm = res.smaa
    n, m = len(cx.dm.site_ids), len(cx.dm.criteria)
    cols = acceptability_columns(n)
    ncols = len(cols)
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
    blocks: list[tuple[int, int]] = []

    # 1. acceptability, as a heat map and a 100% stacked bar chart
    start = row
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
    tr = write_table(
        ws,
        st,
        row,
        [
            L.t("Site"),
            *[label for label, _ in cols],
            L.t("Expected rank"),
            L.t("Holistic acceptability"),
            L.t("Confidence factor"),
        ],
        rows,
        formats=[None, *[FMT_PCT1] * ncols, "0.00", FMT_PCT1, FMT_PCT1],
        wrap=[True],
        header_height=30,
    )
    color_scale(ws, f"B{tr.first_row}:{get_column_letter(1 + ncols)}{tr.last_row}", low=0, high=1)
    _center(ws, st, range(tr.first_row, tr.last_row + 1), range(2, 2 + ncols + 3))
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
    ]
    for text in notes:
        row = add_note(ws, st, row, text, span=last_col)
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
    chart.legend.position = "r"
    chart.width = min(27.0, sum(_width(ws, c) for c in range(1, last_col + 1)) * 0.185)
    chart.height = max(5.5, 0.6 * k + 2.2)
    row += 1
    ws.add_chart(chart, f"A{row}")
    row = _chart_end(ws, row, chart.height) + 2
    blocks.append((start, row - 1))
    row += 1

    # 2. central weights
    start = row
    row = write_section(
        ws, st, row, L.t("Central weights: the priorities under which each site wins"), span=last_col
    )
    crit_ids = cx.dm.criterion_ids
    rows = [[L.t("Weights in force"), *[float(res.study.weights[c]) for c in crit_ids]]]
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
    _center(ws, st, range(tr.first_row, tr.last_row + 1), range(2, m + 2))
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
    row = add_note(
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
    blocks.append((start, row - 1))
    row += 1

    # 3. pairwise winning indices
    if pairwise:
        start = row
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
        _center(ws, st, range(tr.first_row, tr.last_row + 1), range(2, n + 2))
        color_scale(ws, f"B{tr.first_row}:{get_column_letter(1 + n)}{tr.last_row}", low=0, high=1)
        row = add_note(
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
        blocks.append((start, row - 1))
        row += 1

    # 4. value of information
    start = row
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
        tr = write_table(
            ws,
            st,
            row,
            [
                L.t("Site"),
                L.t("Criterion"),
                L.t("Uncertain because"),
                L.t("Low"),
                L.t("High"),
                L.t("Unit"),
                L.t("Expected change in first-place shares"),
                L.t("Leader first: lowest"),
                L.t("Leader first: highest"),
            ],
            rows,
            formats=[None, None, None, None, None, None, "0.0000", FMT_PCT1, FMT_PCT1],
            wrap=[True, True, True, False, False, True, False, False, False],
            header_height=44,
        )
        for q, fmt in enumerate(fmts):
            for c in (4, 5):
                style_cell(ws.cell(row=tr.first_row + q, column=c), fmt=fmt)
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
    row = add_note(ws, st, row, text, span=last_col)
    blocks += _head_and_tail(start, row - 1, 10)
    _finish(ws, st, L, blocks, last_col=last_col)
    return ws


# ----------------------------------------------------------------------- Method agreement
def write_agreement(wb: Workbook, st: Styles, L: Lang, res: SensitivityResult) -> Worksheet:
    cx = _Ctx(res, L, st)
    ag = res.agreement
    ws, row = cx.start(
        wb,
        "agreement",
        L.t("Method agreement"),
        L.t(
            "The same data and weights ranked by every built-in method and normalisation: how far "
            "they agree, and their consensus (Borda) ranking."
        ),
        max(3 + len(ag.labels), 6),
    )
    k = len(ag.labels)
    last_col = max(3 + k, 6)
    widths: dict[int | str, float] = {1: 38, 2: 12, 3: 12}
    for c in range(4, last_col + 1):
        widths[c] = 11
    set_widths(ws, widths)
    blocks: list[tuple[int, int]] = []
    this = method_label(res.method)

    start = row
    row = write_section(ws, st, row, L.t("Rank of each site under each method"), span=last_col)
    idx = {s: i for i, s in enumerate(ag.sites)}
    rows = []
    for i in cx.order:
        sid = cx.dm.site_ids[i]
        a = idx[sid]
        rows.append(
            [
                cx.name[sid],
                int(ag.consensus_rank[a]),
                float(ag.mean_rank[a]),
                *[int(ag.ranks[a, j]) for j in range(k)],
            ]
        )
    rows.sort(key=lambda r: (r[1], r[2]))
    tr = write_table(
        ws,
        st,
        row,
        [
            L.t("Site"),
            L.t("Consensus rank"),
            L.t("Mean rank"),
            *[lab + (" *" if lab == this else "") for lab in ag.labels],
        ],
        rows,
        formats=[None, "0", "0.00", *["0"] * k],
        wrap=[True],
        header_height=44,
    )
    _center(ws, st, range(tr.first_row, tr.last_row + 1), range(2, 4 + k))
    if k and not tr.empty:
        first = f"D{tr.first_row}"
        highlight_if(ws, f"{first}:{get_column_letter(3 + k)}{tr.last_row}", f"{first}<>$B{tr.first_row}", st)
    row = tr.last_row + 1
    notes = [
        L.t(
            "Sites in consensus order: the consensus rank orders the sites by their mean rank over "
            "the {k} methods (Borda). Shaded: a method ranks the site differently from the consensus. "
            "* = the method of this workbook.",
            k=k,
        )
    ]
    for text in notes:
        row = add_note(ws, st, row, text, span=last_col)
    blocks.append((start, row - 1))
    row += 1

    for title, mat in (
        (N_("Kendall's tau between methods (1 = the same order, −1 = reversed)"), ag.kendall),
        (N_("Spearman's rho between methods (1 = the same order, −1 = reversed)"), ag.spearman),
    ):
        start = row
        row = write_section(ws, st, row, L.t(title), span=last_col)
        rows = [
            [lab, *[_finite(mat[i, j]) if math.isfinite(mat[i, j]) else L.t("n/a") for j in range(k)]]
            for i, lab in enumerate(ag.labels)
        ]
        tr = write_table(
            ws, st, row, [L.t("Method"), *ag.labels], rows, formats=[None, *[FMT_TAU] * k], header_height=44
        )
        _center(ws, st, range(tr.first_row, tr.last_row + 1), range(2, 2 + k))
        if k:
            _diverging(ws, f"B{tr.first_row}:{get_column_letter(1 + k)}{tr.last_row}")
        row = tr.last_row + 2
        blocks.append((start, row - 2))

    start = row
    row = write_section(ws, st, row, L.t("Methods left out"), span=last_col)
    if ag.skipped:
        tr = write_table(
            ws,
            st,
            row,
            [L.t("Method"), L.t("Why")],
            [[lab, why] for lab, why in ag.skipped],
            wrap=[False, True],
        )
        for q in range(len(ag.skipped) + 1):
            merge(ws, tr.header_row + q, 2, tr.header_row + q, last_col)
        row = tr.last_row + 1
    else:
        row = add_note(ws, st, row, L.t("None: every built-in method ranked these data."), span=last_col)
    row = add_note(
        ws,
        st,
        row,
        L.t(
            "wsm and topsis without normalisation are left out on purpose: they add raw values in "
            "different units."
        ),
        span=last_col,
    )
    blocks += _head_and_tail(start, row - 1, 8)
    _finish(ws, st, L, blocks, last_col=last_col)
    return ws
