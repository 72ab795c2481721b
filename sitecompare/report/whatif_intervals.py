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

from collections.abc import Callable

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from ..intervals import rank_intervals
from ..model import Criterion, MethodSpec
from .context import ReportData
from .i18n import Lang
from .layout import (
    Styles,
    add_note,
    merge,
    put,
    put_formula,
)

__all__ = ["write_whatif_intervals"]


def write_whatif_intervals(
    wb: Workbook,
    ws: Worksheet,
    st: Styles,
    L: Lang,
    data: ReportData,
    *,
    row: int,
    first_col: int,
    share_rng: str,
    site_rows: list[int],
    norm_rows: list[int],
    rank_col: int,
    id_col: int,
    norm: str,
    helper_refs: Callable[[str], list[str]],
    norm_formula: Callable[[str, Criterion, str, list[str]], str],
) -> int:
    """Write the intervals block from ``row`` down; return the next free row."""
    dm = data.dm
    crits = data.criteria
    m = len(crits)
    unc = dm.uncertain
    sheet = ws.title
    put(ws, row, 1, L.t("Rank intervals (could rank, uncertain facts)"), font=st.section)
    row += 1
    if not unc.any():
        text = L.t("No fact is uncertain: each site's rank interval is its rank.")
        return add_note(ws, st, row, text, span=8) + 1
    model = MethodSpec("wsm", {"normalization": norm})
    iv = rank_intervals(dm, model, data.whatif_output.ranks)
    first_l = get_column_letter(first_col)
    last_l = get_column_letter(first_col + m - 1)
    n = len(site_rows)
    best_col, worst_col, low_col, high_col = 2, 3, 4, 5
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
    row = add_note(ws, st, row, text, span=8)
    head_row = row
    for k, h in enumerate(heads):
        put(ws, head_row, 1 + k, h, font=st.header, fill=st.header_fill, border=st.box, align=st.wrap_center)
    ws.row_dimensions[head_row].height = 30
    first = head_row + 1
    last = first + n - 1
    blocks_top = last + 3
    lo_first = blocks_top + 1  # worst-end block
    hi_first = lo_first + n + 2  # best-end block
    low_rng = f"${get_column_letter(low_col)}${first}:${get_column_letter(low_col)}${last}"
    high_rng = f"${get_column_letter(high_col)}${first}:${get_column_letter(high_col)}${last}"
    for k, i in enumerate(data.order):
        rr = first + k
        sid = dm.site_ids[i]
        put(ws, rr, 1, L.site_name(data.site(sid)), font=st.bold, border=st.box, align=st.wrap)
        put(ws, rr, id_col, sid, font=st.small, border=st.box, align=st.top)
        if iv.exact:
            lo_ref = f"{get_column_letter(low_col)}{rr}"
            hi_ref = f"{get_column_letter(high_col)}{rr}"
            live = f"{get_column_letter(rank_col)}{site_rows[k]}"
            for col, blk in ((low_col, lo_first), (high_col, hi_first)):
                put_formula(
                    ws,
                    rr,
                    col,
                    f"=ROUND(100*SUMPRODUCT({share_rng},{first_l}{blk + k}:{last_l}{blk + k}),9)",
                    font=st.font,
                    border=st.box,
                    fmt="0.00",
                    align=st.center,
                )
            put_formula(
                ws,
                rr,
                best_col,
                f"=MIN({live},1+SUMPRODUCT(--({low_rng}>{hi_ref})))",
                font=st.bold,
                border=st.box,
                align=st.center,
            )
            put_formula(
                ws,
                rr,
                worst_col,
                f"=MAX({live},SUMPRODUCT(--({high_rng}>{lo_ref}))+1-IF({hi_ref}>{lo_ref},1,0))",
                font=st.bold,
                border=st.box,
                align=st.center,
            )
        else:
            b, w = iv.of(i)
            put(ws, rr, best_col, b, font=st.bold, border=st.box, align=st.center)
            put(ws, rr, worst_col, w, font=st.bold, border=st.box, align=st.center)
            put(ws, rr, low_col, "", border=st.box)
            put(ws, rr, high_col, "", border=st.box)
    bl, wl = get_column_letter(best_col), get_column_letter(worst_col)
    names = {
        "whatif_rank_best": f"'{sheet}'!${bl}${first}:${bl}${last}",
        "whatif_rank_worst": f"'{sheet}'!${wl}${first}:${wl}${last}",
    }
    for name, ref in names.items():
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    if not iv.exact:
        return last + 2
    # the two blocks: normalised values with each uncertain fact at its worst / best end
    b = dm.benefit
    titles = (
        (lo_first, L.t("Normalised, every uncertain fact at its worst end"), dm.low, dm.high),
        (hi_first, L.t("Normalised, every uncertain fact at its best end"), dm.high, dm.low),
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
            for j, c in enumerate(crits):
                col = first_col + j
                letter = get_column_letter(col)
                if unc[i, j]:
                    x = float(if_benefit[i, j] if b[j] else if_cost[i, j])
                    formula = norm_formula(norm, c, repr(x), helper_refs(letter))
                else:
                    formula = f"={letter}{norm_rows[k]}"
                put_formula(ws, rr, col, formula, font=st.small, border=st.box, fmt="0.0000")
    return hi_first + n + 1
