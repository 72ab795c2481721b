"""The Method agreement sheet of ``compare --sensitivity``: the rank of each site under every
built-in method and normalisation, the Borda consensus, Kendall's tau and Spearman's rho between
methods.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..scenarios import method_label
from .i18n import N_, Lang
from .layout import (
    SCALE_HIGH,
    Column,
    Styles,
    add_note,
    center_cells,
    highlight_if,
    merge,
    set_widths,
    write_columns,
    write_section,
    write_table,
)
from .sensitivity_common import SheetContext

if TYPE_CHECKING:
    from ..sensitivity import SensitivityResult

FMT_TAU = "0.00"


def _finite(x: float) -> float | None:
    return float(x) if x is not None and math.isfinite(x) else None


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


def write_agreement(wb: Workbook, st: Styles, L: Lang, res: SensitivityResult) -> Worksheet:
    """The Method agreement sheet of ``res``: each site's rank under every built-in method
    beside the consensus, and how far the methods agree."""
    cx = SheetContext(res, L, st)
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
        widths[c] = 12  # "promethee2" in bold on one line
    set_widths(ws, widths)
    correlations = (
        (N_("Kendall's tau between methods (1 = the same order, −1 = reversed)"), ag.kendall),
        (N_("Spearman's rho between methods (1 = the same order, −1 = reversed)"), ag.spearman),
    )
    sections: list[tuple[Callable[[int], int], int | None]] = [
        (partial(_write_ranks, ws, cx, last_col=last_col), None)
    ]
    for title, mat in correlations:
        sections.append((partial(_write_correlations, ws, cx, title, mat, last_col=last_col), None))
    sections.append((partial(_write_left_out, ws, cx, last_col=last_col), 8))
    cx.write_sections(ws, row, sections, last_col=last_col)
    return ws


def _write_ranks(ws: Worksheet, cx: SheetContext, row: int, last_col: int) -> int:
    """Each site's rank under each method beside the consensus (Borda) rank, shaded where a
    method differs from it; returns the row under the note."""
    st, L, res = cx.st, cx.L, cx.res
    ag, k = res.agreement, len(res.agreement.labels)
    this = method_label(res.method)
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
    columns = [
        Column(L.t("Site"), wrap=True),
        Column(L.t("Consensus rank"), "0"),
        Column(L.t("Mean rank"), "0.00"),
        *[Column(lab + (" *" if lab == this else ""), "0") for lab in ag.labels],
    ]
    tr = write_columns(ws, st, row, columns, rows, header_height=44)
    center_cells(ws, st, range(tr.first_row, tr.last_row + 1), range(2, 4 + k))
    if k and not tr.empty:
        first = f"D{tr.first_row}"
        highlight_if(ws, f"{first}:{get_column_letter(3 + k)}{tr.last_row}", f"{first}<>$B{tr.first_row}", st)
    text = L.t(
        "Sites in consensus order: the consensus rank orders the sites by their mean rank over "
        "the {k} methods (Borda). Shaded: a method ranks the site differently from the consensus. "
        "* = the method of this workbook.",
        k=k,
    )
    return add_note(ws, st, tr.last_row + 1, text, span=last_col)


def _write_correlations(
    ws: Worksheet, cx: SheetContext, title: str, mat: np.ndarray, row: int, last_col: int
) -> int:
    """A rank correlation (``mat``: Kendall's tau or Spearman's rho) between every two
    methods; returns the row under the table."""
    st, L, ag = cx.st, cx.L, cx.res.agreement
    k = len(ag.labels)
    row = write_section(ws, st, row, L.t(title), span=last_col)
    rows = [
        [lab, *[_finite(mat[i, j]) if math.isfinite(mat[i, j]) else L.t("n/a") for j in range(k)]]
        for i, lab in enumerate(ag.labels)
    ]
    tr = write_table(
        ws, st, row, [L.t("Method"), *ag.labels], rows, formats=[None, *[FMT_TAU] * k], header_height=44
    )
    center_cells(ws, st, range(tr.first_row, tr.last_row + 1), range(2, 2 + k))
    if k:
        _diverging(ws, f"B{tr.first_row}:{get_column_letter(1 + k)}{tr.last_row}")
    return tr.last_row + 1


def _write_left_out(ws: Worksheet, cx: SheetContext, row: int, last_col: int) -> int:
    """The built-in methods that could not rank these data, and why; returns the row under
    the note."""
    st, L, ag = cx.st, cx.L, cx.res.agreement
    row = write_section(ws, st, row, L.t("Methods left out"), span=last_col)
    left_out = ag.skipped_by_method()  # a method that fails under every normalisation: once
    if left_out:
        why = [[lab, L.skip_reason(sk, site=cx.name.__getitem__, crit=cx.cname)] for lab, sk in left_out]
        columns = [Column(L.t("Method"), wrap=True), Column(L.t("Why"), wrap=True)]
        tr = write_columns(ws, st, row, columns, why)
        for q in range(len(left_out) + 1):
            merge(ws, tr.header_row + q, 2, tr.header_row + q, last_col)
        row = tr.last_row + 1
    else:
        row = add_note(ws, st, row, L.t("None: every built-in method ranked these data."), span=last_col)
    return add_note(
        ws,
        st,
        row,
        L.t(
            "wsm and topsis without normalisation are left out on purpose: they add raw values in "
            "different units."
        ),
        span=last_col,
    )
