"""The What-if sheet's rank intervals: the best and worst rank each site can take with the
weights on the sheet, while every uncertain fact (a range, or an unknown value of a ``missing:
interval`` criterion) moves within its range.

When the What-if model's intervals are exact (weighted sum whose normalisation the uncertain
facts cannot move: :mod:`sitecompare.intervals`), they are live formulas: two more blocks of
normalised values, every uncertain cell at its worst end and at its best end, give each site's
lowest and highest live score, and

    best  = 1 + #{other sites whose lowest score is above this site's highest}
    worst = 1 + #{other sites whose highest score is above this site's lowest}

so editing a weight moves the intervals with the ranking. Otherwise the sheet shows the
intervals computed when the workbook was made, and says why they are not live. Workbook names
``whatif_rank_best`` and ``whatif_rank_worst`` point at the live (or fixed) bounds, in the
order of ``whatif_sites``.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from ..intervals import RankIntervals, rank_intervals
from ..model import MethodSpec
from .i18n import Lang
from .layout import Styles, add_note, merge, put, put_formula
from .plain_tables import ReportData
from .whatif_formulas import WhatifGrid, norm_formula, score_formula

__all__ = ["write_whatif_intervals"]

BEST_COL, WORST_COL, LOW_COL, HIGH_COL = 2, 3, 4, 5


def write_whatif_intervals(
    wb: Workbook,
    ws: Worksheet,
    st: Styles,
    L: Lang,
    data: ReportData,
    g: WhatifGrid,
    *,
    row: int,
    rank_col: int,
    id_col: int,
) -> int:
    """Write the intervals block from ``row`` down, under the What-if model laid out as ``g``
    (live ranks in ``rank_col``, site ids in ``id_col``); return the next free row."""
    dm = data.dm
    put(ws, row, 1, L.t("Rank intervals (could rank, uncertain facts)"), font=st.section)
    row += 1
    if not dm.uncertain.any():
        text = L.t("No fact is uncertain: each site's rank interval is its rank.")
        return add_note(ws, st, row, text, span=8) + 1
    iv = rank_intervals(dm, MethodSpec("wsm", {"normalization": g.norm}), data.whatif_output.ranks)
    n = len(data.order)
    heads = [
        L.t("Site"),
        L.t("Best rank"),
        L.t("Worst rank"),
        L.t("Lowest live score"),
        L.t("Highest live score"),
        L.t("Site id"),
    ]
    if iv.exact:
        text = L.t(
            "Live: the lowest and highest scores take every uncertain fact at its worst and at its "
            "best end (the two blocks below); a site's best rank counts the sites whose lowest "
            "score is above its highest, its worst rank those whose highest score is above its "
            "lowest. Edit a weight and they follow."
        )
    else:
        text = L.t(
            "Fixed: computed when the workbook was made, for its weights ({how}); here the "
            "uncertain facts can move the normalisation itself, so the intervals are not "
            "formulas. Re-run sitecompare with --weights-from to update them.",
            how=iv.how,
        )
    head_row = add_note(ws, st, row, text, span=8)
    for k, h in enumerate(heads):
        put(ws, head_row, 1 + k, h, font=st.header, fill=st.header_fill, border=st.box, align=st.wrap_center)
    ws.row_dimensions[head_row].height = 30
    first = head_row + 1
    last = first + n - 1
    lo_first = last + 4  # the worst-end block
    hi_first = lo_first + n + 2  # the best-end block
    _write_interval_rows(ws, st, L, data, g, iv, (first, lo_first, hi_first), rank_col, id_col)
    bl, wl = get_column_letter(BEST_COL), get_column_letter(WORST_COL)
    names = {
        "whatif_rank_best": f"'{ws.title}'!${bl}${first}:${bl}${last}",
        "whatif_rank_worst": f"'{ws.title}'!${wl}${first}:${wl}${last}",
    }
    for name, ref in names.items():
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    if not iv.exact:
        return last + 2
    _write_end_blocks(ws, st, L, data, g, (lo_first, hi_first), id_col)
    return hi_first + n + 1


def _write_interval_rows(
    ws: Worksheet,
    st: Styles,
    L: Lang,
    data: ReportData,
    g: WhatifGrid,
    iv: RankIntervals,
    rows: tuple[int, int, int],
    rank_col: int,
    id_col: int,
) -> None:
    """One row per site: live formulas over the two end blocks when the intervals are exact,
    else the intervals computed now. ``rows``: the first site row and the first rows of the
    worst-end and best-end blocks."""
    dm = data.dm
    first, lo_first, hi_first = rows
    last = first + len(data.order) - 1
    low_l, high_l = get_column_letter(LOW_COL), get_column_letter(HIGH_COL)
    low_rng, high_rng = f"${low_l}${first}:${low_l}${last}", f"${high_l}${first}:${high_l}${last}"
    for k, i in enumerate(data.order):
        rr = first + k
        sid = dm.site_ids[i]
        put(ws, rr, 1, L.site_name(data.site(sid)), font=st.bold, border=st.box, align=st.wrap)
        put(ws, rr, id_col, sid, font=st.small, border=st.box, align=st.top)
        if not iv.exact:
            b, w = iv.of(i)
            put(ws, rr, BEST_COL, b, font=st.bold, border=st.box, align=st.center)
            put(ws, rr, WORST_COL, w, font=st.bold, border=st.box, align=st.center)
            put(ws, rr, LOW_COL, "", border=st.box)
            put(ws, rr, HIGH_COL, "", border=st.box)
            continue
        lo_ref, hi_ref = f"{low_l}{rr}", f"{high_l}{rr}"
        live = f"{get_column_letter(rank_col)}{g.first + k}"
        for col, blk in ((LOW_COL, lo_first), (HIGH_COL, hi_first)):
            score = score_formula(g.share_rng, g.first_l, g.last_l, blk + k)
            put_formula(ws, rr, col, score, font=st.font, border=st.box, fmt="0.00", align=st.center)
        bounds = (
            (BEST_COL, f"=MIN({live},1+SUMPRODUCT(--({low_rng}>{hi_ref})))"),
            (WORST_COL, f"=MAX({live},SUMPRODUCT(--({high_rng}>{lo_ref}))+1-IF({hi_ref}>{lo_ref},1,0))"),
        )
        for col, formula in bounds:
            put_formula(ws, rr, col, formula, font=st.bold, border=st.box, align=st.center)


def _write_end_blocks(
    ws: Worksheet,
    st: Styles,
    L: Lang,
    data: ReportData,
    g: WhatifGrid,
    firsts: tuple[int, int],
    id_col: int,
) -> None:
    """The two blocks the live intervals read: normalised values with every uncertain fact at
    its worst end (from row ``firsts[0]``) and at its best end (``firsts[1]``)."""
    dm = data.dm
    unc, b = dm.uncertain, dm.benefit
    titles = (
        (firsts[0], L.t("Normalised, every uncertain fact at its worst end"), dm.low, dm.high),
        (firsts[1], L.t("Normalised, every uncertain fact at its best end"), dm.high, dm.low),
    )
    for blk, title, if_benefit, if_cost in titles:
        put(ws, blk - 1, 1, title, font=st.bold)
        merge(ws, blk - 1, 1, blk - 1, id_col)
        for k, i in enumerate(data.order):
            rr = blk + k
            sid = dm.site_ids[i]
            put(ws, rr, 1, L.site_name(data.site(sid)), font=st.font, border=st.box, align=st.wrap)
            merge(ws, rr, 1, rr, id_col - 1)
            put(ws, rr, id_col, sid, font=st.small, border=st.box)
            for j, c in enumerate(data.criteria):
                col = g.first_col + j
                letter = get_column_letter(col)
                if unc[i, j]:
                    x = float(if_benefit[i, j] if b[j] else if_cost[i, j])
                    formula = norm_formula(g.norm, c, repr(x), g.helper_refs(letter))
                else:
                    formula = f"={letter}{g.norm_first + k}"
                put_formula(ws, rr, col, formula, font=st.small, border=st.box, fmt="0.0000")
