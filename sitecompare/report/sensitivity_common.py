"""What the four sensitivity sheets share: their names, the context each is written from
(:class:`SheetContext`: the result, the language, display names, the title rows with the run's
seed and sampling settings) and the print layout.

Print layout: A4 landscape, one page wide, rows 1-3 repeated; explicit page breaks keep a
heading with its table or chart (see :func:`finish_with_breaks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ..scenarios import method_label
from .i18n import N_, Lang
from .styles import (
    CM_PER_POINT,
    CM_PER_WIDTH_UNIT,
    Styles,
    finish_sheet,
    merge,
    put,
    style_cell,
    write_title,
)

if TYPE_CHECKING:
    from ..sensitivity import SensitivityResult

FMT_PCT1 = "0.0%"

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


class SheetContext:
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
        if any(c.kind == "unknown" for c in sm.uncertain):
            text += L.t("; unknown facts drawn within their plausible range")
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


def center_cells(ws: Worksheet, st: Styles, rows: range, cols: range) -> None:
    for r in rows:
        for c in cols:
            style_cell(ws.cell(row=r, column=c), align=st.center)


def finish_with_breaks(
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
    used = sum(col_width(ws, c) for c in range(1, last_col + 1))
    scale = min(1.0, 27.2 / max(used * CM_PER_WIDTH_UNIT, 1e-9))
    avail = 17.6 / scale
    # a row without a height is as tall as the default font: taller for Malgun Gothic
    dflt = 16.5 if st.font_name == "Malgun Gothic" else 15.0
    titles = sum(row_height_cm(ws, r, dflt) for r in (1, 2, 3))
    starts = {}
    for first, end in sorted(blocks):
        starts.setdefault(first, end)
    breaks: list[int] = []
    pos, row = 0.0, 1
    while row <= last:
        end = starts.get(row)
        if end is not None:
            height = sum(row_height_cm(ws, r, dflt) for r in range(row, end + 1))
            if titles + height <= avail:  # the block fits on a page: never split it
                if pos > titles and pos + height > avail:
                    breaks.append(row - 1)
                    pos = titles
                pos += height
                row = end + 1
                continue
        h = row_height_cm(ws, row, dflt)
        if pos > titles and pos + h > avail:
            breaks.append(row - 1)
            pos = titles
        pos += h
        row += 1
    for r in breaks:
        ws.row_breaks.append(Break(id=r))


def col_width(ws: Worksheet, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    return float(dim.width) if dim is not None and dim.customWidth and dim.width else 8.43


def row_height_cm(ws: Worksheet, row: int, default: float = 15.0) -> float:
    """A row's height in cm; ``default`` points where it has none (the program decides)."""
    return (ws.row_dimensions[row].height or default) * CM_PER_POINT


def head_and_tail(start: int, end: int, head: int, tail: int = 4) -> list[tuple[int, int]]:
    """Keep-together blocks for a long table: its heading with the first ``head`` rows, and its
    last ``tail`` rows with the notes under them (no page holds only a note)."""
    if end - start <= head + tail:
        return [(start, end)]
    return [(start, start + head), (end - tail, end)]


def chart_end(ws: Worksheet, anchor: int, cm: float) -> int:
    """The last row a chart ``cm`` tall anchored at the top of row ``anchor`` covers. Rows
    without a height get the default 15 points, so that every program (and the page model)
    sees the chart over the same rows whatever the default font."""
    row, used = anchor, 0.0
    while True:
        if not ws.row_dimensions[row].height:
            ws.row_dimensions[row].height = 15.0
        used += row_height_cm(ws, row)
        if used >= cm:
            return row
        row += 1
