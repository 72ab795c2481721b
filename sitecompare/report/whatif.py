"""The What-if sheet: a live weighted-sum model in spreadsheet formulas.

A reader edits a weight (raw points) or a site's value and the scores and ranks recalculate
in the spreadsheet. The formulas mirror :mod:`sitecompare.methods.normalize` for the study's
WSM normalisation (min-max with fixed ``scale`` anchors and clipping, max, sum, vector, none);
when the workbook ranks by another method, the sheet computes WSM with min-max and says so.

Layout (rows depend on the number of instruction lines; columns are fixed)::

    A: site name | B: live score | C: live rank | D: change | E: rank when made | F: site id
    G...: one column per criterion

    criteria block   Criterion id  (whatif_criteria)      G..
                     Criterion, Unit, Better when
                     Weight (points)  (whatif_weights, inputs)
                     Weight share     = points / SUM(points)
                     helper rows      per normalisation (worst/best, reference, length)
    sites table      values (inputs; missing values are formulas implementing the policy)
                     B = ROUND(100 * SUMPRODUCT(shares, normalised row), 9)
                     C = RANK(B, scores)   (ties share the better rank)
    normalised block one formula per value, per the table in methods/normalize.py

Workbook-level names: ``whatif_criteria`` (criterion ids), ``whatif_weights`` (the editable
weight cells, same order), ``whatif_sites`` (site ids) and ``whatif_scores`` (their live
scores, same order). Scores are on a 0-100 scale (100 x the WSM score).
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Criterion
from .i18n import Lang
from .layout import (
    FMT_RANK_CHANGE,
    FMT_SHARE,
    CellStyle,
    Styles,
    add_comment,
    add_notes,
    data_bar,
    finish_sheet,
    merge,
    number_format,
    put,
    put_formula,
    set_widths,
    unit_display,
    write_table,
    write_title,
)
from .plain_tables import ReportData
from .sheets_matrix import imputation_text, normalisation_text, observed_count
from .sheets_quality import why_sits_out
from .whatif_formulas import (
    WhatifGrid,
    helper_formula,
    helper_rows,
    impute_formula,
    norm_formula,
    score_formula,
    value_validation,
    weight_points,
)
from .whatif_intervals import write_whatif_intervals

__all__ = [
    "WHATIF_SHEET",
    "NAMES",
    "COL_NAME",
    "COL_SCORE",
    "COL_RANK",
    "COL_ID",
    "FIRST_CRIT_COL",
    "ROW_LABELS",
    "write_whatif",
]

WHATIF_SHEET = "What-if"
NAMES = ("whatif_criteria", "whatif_weights", "whatif_sites", "whatif_scores")

COL_NAME, COL_SCORE, COL_RANK, COL_CHANGE, COL_BASE, COL_ID = 1, 2, 3, 4, 5, 6
FIRST_CRIT_COL = 7

# the row labels in column A that the read-back falls back on when the names are gone
ROW_LABELS = {
    "criteria": {"en": "Criterion id", "ko": "기준 ID"},
    "weights": {"en": "Weight (points) - edit", "ko": "가중치 (점수) - 입력"},
}


def _label(L: Lang, key: str) -> str:
    """The label of row ``key`` in the workbook's language (the read-back's fallback)."""
    return ROW_LABELS[key][L.code]


def _helper_label(L: Lang, norm: str, kind: str) -> str:
    """The label of helper row ``kind`` of normalisation ``norm``."""
    return {
        ("minmax", "worst"): L.t("Worst (normalised to 0)"),
        ("minmax", "best"): L.t("Best (normalised to 1)"),
        ("max", "reference"): L.t("Reference: max (higher is better) or min (lower)"),
        ("sum", "reference"): L.t("Reference: Σx (higher is better) or Σ(1/x) (lower)"),
        ("vector", "length"): L.t("Length √(Σx²)"),
    }[(norm, kind)]


def write_whatif(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    """The What-if sheet: the instructions, the criteria block (editable weights, shares,
    helper rows), the sites table (live score and rank, editable values), the normalised
    values, the sites screened out, the rank intervals and the workbook names."""
    ws = wb.create_sheet(WHATIF_SHEET)
    m = len(data.criteria)
    # the criteria that sit out (coverage) follow the others: their weights stay editable (and
    # are read back by --weights-from) but they take no share and no column of values
    by_id = {c.id: c for c in data.study.criteria_set.criteria}
    out_crits = [by_id[x.criterion] for x in data.dm.excluded_criteria]
    row = write_title(
        ws,
        st,
        L.t("What-if: change the weights or the values and watch the ranking"),
        L.t(
            "A live weighted-sum model: edit the yellow cells and the scores and ranks "
            "recalculate in the spreadsheet."
        ),
    )
    set_widths(ws, {COL_NAME: 34, COL_SCORE: 12, COL_RANK: 9, COL_CHANGE: 10, COL_BASE: 11, COL_ID: 22})
    for j in range(m + len(out_crits)):
        set_widths(ws, {FIRST_CRIT_COL + j: 15})
    row = add_notes(ws, st, row, _steps(L, data, out_crits), span=COL_ID + min(m, 4), font=st.font) + 1
    grid = _grid(data, row, len(out_crits))
    _write_criteria_block(ws, st, L, data, grid, out_crits)
    _write_sites_table(ws, st, L, data, grid)
    for j, c in enumerate(data.criteria):
        _write_value_column(ws, st, L, data, grid, j, c)
    _format_scores(ws, data, grid)
    row = _write_normalised_block(ws, st, L, data, grid)
    if data.dm.excluded:
        put(ws, row, COL_NAME, L.t("Screened out by a hard limit (not in this model)"), font=st.bold)
        tr = write_table(
            ws,
            st,
            row + 1,
            [L.t("Site"), L.t("Reason")],
            [[L.site_name(data.site(s)), why] for s, why in data.dm.excluded],
            wrap=[True, False],
        )
        row = tr.last_row + 2
    write_whatif_intervals(wb, ws, st, L, data, grid, row=row, rank_col=COL_RANK, id_col=COL_ID)
    sheet = f"'{WHATIF_SHEET}'"
    score_l, id_l = get_column_letter(COL_SCORE), get_column_letter(COL_ID)
    g = grid
    refs = {
        "whatif_criteria": f"{sheet}!${g.first_l}${g.r_ids}:${g.all_l}${g.r_ids}",
        "whatif_weights": f"{sheet}!${g.first_l}${g.r_weight}:${g.all_l}${g.r_weight}",
        "whatif_sites": f"{sheet}!${id_l}${g.first}:${id_l}${g.last}",
        "whatif_scores": f"{sheet}!${score_l}${g.first}:${score_l}${g.last}",
    }
    for name, ref in refs.items():
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    finish_sheet(
        ws,
        st,
        freeze=f"{get_column_letter(COL_CHANGE + 1)}1",
        page_label=L.t("Page &P of &N"),
        tab_colour="FFC000",
    )
    ws.sheet_view.zoomScale = 100
    return ws


def _steps(L: Lang, data: ReportData, out_crits: Sequence[Criterion]) -> list[str]:
    """The instructions at the top of the sheet, and which model it computes."""
    norm, r = data.whatif_normalization, data.ranking
    steps = [
        L.t(
            "1. Weights: type any non-negative numbers in the yellow row 'Weight (points)'. "
            "They become shares of 100% by formula, so only their ratios matter."
        ),
        L.t(
            "2. Values: type another value in a site's yellow cell (in the unit shown) to test "
            "a different fact. Rose cells are missing facts, filled in by a formula that applies "
            "the criterion's missing-value policy; type a number over one to test a value."
        ),
        L.t(
            "3. The live score (0-100) is 100 × Σ weight share × normalised value, rounded to 9 "
            "decimals; the live rank uses RANK(), so ties share the better rank. 'Change' "
            "compares with the rank when this workbook was made."
        ),
        L.t(
            "4. Hard limits (screening) are not re-applied here. To re-rank with edited weights "
            "in sitecompare, run: sitecompare rank --weights-from <this file>.xlsx"
        ),
    ]
    if out_crits:
        steps.append(
            L.t(
                "Criteria that sit out (too few sites have a comparable fact: {names}) are listed "
                "after the others: their weights are kept, and read back, but take no share.",
                names=", ".join(L.crit(c) for c in out_crits),
            )
        )
    if r.method.name == "wsm":
        steps.append(
            L.t(
                "Method: weighted sum (WSM) with {norm} normalisation, as in the rest of this workbook. ",
                norm=norm,
            )
            + normalisation_text(L, norm)
        )
    else:
        steps.append(
            L.t(
                "Note: this workbook ranks by {method}, but this sheet always computes "
                "the weighted sum (WSM) with min-max normalisation, so its scores and "
                "ranks can differ from the Ranking sheet. ",
                method=L.t(r.info.title),
            )
            + normalisation_text(L, "minmax")
        )
    return steps


def _grid(data: ReportData, row: int, n_out: int) -> WhatifGrid:
    """Where the blocks sit when the criteria block starts at ``row`` (``n_out`` criteria sit
    out, after the others)."""
    m, n = len(data.criteria), len(data.order)
    helpers = tuple(helper_rows(data.whatif_normalization))
    r_share = row + 5
    first = r_share + len(helpers) + 3  # under the sites table's header
    last = first + n - 1
    return WhatifGrid(
        norm=data.whatif_normalization,
        helpers=helpers,
        r_ids=row,
        r_weight=row + 4,
        r_share=r_share,
        r_help={k: r_share + 1 + i for i, k in enumerate(helpers)},
        first=first,
        last=last,
        norm_first=last + 4,
        first_col=FIRST_CRIT_COL,
        first_l=get_column_letter(FIRST_CRIT_COL),
        last_l=get_column_letter(FIRST_CRIT_COL + m - 1),
        all_l=get_column_letter(FIRST_CRIT_COL + m + n_out - 1),
    )


def _write_criteria_block(
    ws: Worksheet, st: Styles, L: Lang, data: ReportData, g: WhatifGrid, out_crits: Sequence[Criterion]
) -> None:
    """The rows above the sites: criterion id, name, unit, direction, the editable weight
    points, their shares and the normalisation's helper rows, with the weights' validation."""
    r_label, r_unit, r_dir = g.r_ids + 1, g.r_ids + 2, g.r_ids + 3
    labels = [
        (g.r_ids, _label(L, "criteria")),
        (r_label, L.t("Criterion")),
        (r_unit, L.t("Unit")),
        (r_dir, L.t("Better when")),
        (g.r_weight, _label(L, "weights")),
        (g.r_share, L.t("Weight share (formula)")),
        *[(g.r_help[k], _helper_label(L, g.norm, k)) for k in g.helpers],
    ]
    label_align = Alignment(vertical="center", wrap_text=True)
    for rr, text in labels:
        put(ws, rr, COL_NAME, text, font=st.bold, fill=st.subheader_fill, border=st.box, align=label_align)
        merge(ws, rr, COL_NAME, rr, COL_ID)
    ws.cell(row=g.r_weight, column=COL_NAME).font = st.input
    points = weight_points(data)
    m = len(data.criteria)
    for j, c in enumerate([*out_crits, *data.criteria]):
        col = FIRST_CRIT_COL + (m + j if j < len(out_crits) else j - len(out_crits))
        put(ws, g.r_ids, col, c.id, font=st.small, border=st.box, align=st.center)
        put(ws, r_label, col, L.crit(c), **_head(st))
        put(ws, r_unit, col, unit_display(c.unit) or "-", font=st.font, border=st.box, align=st.center)
        put(ws, r_dir, col, L.better(c), font=st.font, border=st.box, align=st.center)
        inp: CellStyle = {
            "font": st.input,
            "fill": st.input_fill,
            "border": st.box,
            "fmt": "0.0##",
            "align": st.center,
        }
        put(ws, g.r_weight, col, points[c.id], **inp)
        if j < len(out_crits):
            x = next(x for x in data.dm.excluded_criteria if x.criterion == c.id)
            cell = put(ws, g.r_share, col, L.t("sits out"), font=st.small, border=st.box, align=st.center)
            add_comment(cell, L.t("Sits out of the ranking: {why}.", why=why_sits_out(L, x)))
        else:
            _write_share_and_helpers(ws, st, L, data, g, j - len(out_crits), c)
    ws.row_dimensions[r_label].height = 42
    ws.row_dimensions[g.r_weight].height = 18
    dv = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=False,
        showErrorMessage=True,
        showInputMessage=True,
    )
    dv.errorTitle = L.t("Weight")
    dv.error = L.t("A weight is a number of 0 or more.")
    dv.promptTitle = L.t("Weight (points)")
    dv.prompt = L.t("Any number of 0 or more; only the ratios matter.")
    ws.add_data_validation(dv)
    dv.add(f"{g.first_l}{g.r_weight}:{g.all_l}{g.r_weight}")


def _write_share_and_helpers(
    ws: Worksheet, st: Styles, L: Lang, data: ReportData, g: WhatifGrid, j: int, c: Criterion
) -> None:
    """Criterion ``c`` (column j of the matrix): its weight share and its helper cells, a
    formula over its values or the fixed end of its scale (with a comment saying so)."""
    col = FIRST_CRIT_COL + j
    letter = get_column_letter(col)
    share = f"={letter}{g.r_weight}/SUM(${g.first_l}${g.r_weight}:${g.last_l}${g.r_weight})"
    put_formula(ws, g.r_share, col, share, font=st.font, border=st.box, fmt=FMT_SHARE, align=st.center)
    rng = f"{letter}${g.first}:{letter}${g.last}"
    for k in g.helpers:
        h = helper_formula(g.norm, k, c, rng)
        if isinstance(h, str):
            fmt = number_format(list(data.dm.X[:, j]))
            put_formula(ws, g.r_help[k], col, h, font=st.small, border=st.box, fmt=fmt, align=st.center)
            continue
        fmt = number_format([h])
        cell = put(ws, g.r_help[k], col, h, font=st.small, border=st.box, fmt=fmt, align=st.center)
        assert c.anchors is not None  # helper_formula gives a number only for a fixed scale
        worst_a, best_a = c.anchors
        text = (
            L.t(
                "Fixed scale from the criteria file: {worst} (worst) to "
                "{best} (best); values beyond it are clipped.",
                worst=L.num(worst_a),
                best=L.num(best_a, c.unit),
            )
            if c.has_scale
            else L.t(
                "The criterion's plausible range (missing: interval): {worst} (worst) to "
                "{best} (best) is its fixed scale; values beyond it are clipped.",
                worst=L.num(worst_a),
                best=L.num(best_a, c.unit),
            )
        )
        add_comment(cell, text)


def _write_sites_table(ws: Worksheet, st: Styles, L: Lang, data: ReportData, g: WhatifGrid) -> None:
    """The sites table's header and, per site, its name, live score and rank, the change
    against the rank when made, and its id (the values follow, :func:`_write_value_column`)."""
    bounded = g.norm != "none"
    score_h = L.t("Live score (0-100)") if bounded else L.t("Live score (WSM × 100)")
    heads = [
        L.t("Site"),
        score_h,
        L.t("Live rank"),
        L.t("Change"),
        L.t("Rank when made"),
        L.t("Site id"),
        *[L.crit(c) for c in data.criteria],
    ]
    _header_row(ws, st, g.first - 1, heads)
    dm = data.dm
    base_ranks = data.whatif_output.ranks
    score_l, rank_l, base_l = (get_column_letter(c) for c in (COL_SCORE, COL_RANK, COL_BASE))
    score_rng = f"${score_l}${g.first}:${score_l}${g.last}"
    name_align = Alignment(vertical="top", wrap_text=True)
    for k, i in enumerate(data.order):
        rr, nr = g.first + k, g.norm_first + k
        sid = dm.site_ids[i]
        put(ws, rr, COL_NAME, L.site_name(data.site(sid)), font=st.bold, border=st.box, align=name_align)
        score = score_formula(g.share_rng, g.first_l, g.last_l, nr)
        put_formula(ws, rr, COL_SCORE, score, font=st.bold, border=st.box, fmt="0.00", align=st.top)
        rank = f"=RANK({score_l}{rr},{score_rng})"
        put_formula(ws, rr, COL_RANK, rank, font=st.bold, border=st.box, align=st.center)
        put(ws, rr, COL_BASE, int(base_ranks[i]), font=st.font, border=st.box, align=st.center)
        change = f"={base_l}{rr}-{rank_l}{rr}"
        fmt = FMT_RANK_CHANGE
        put_formula(ws, rr, COL_CHANGE, change, font=st.font, border=st.box, fmt=fmt, align=st.center)
        put(ws, rr, COL_ID, sid, font=st.small, border=st.box, align=st.top)


def _header_row(ws: Worksheet, st: Styles, row: int, heads: Sequence[str]) -> None:
    """A table header over columns A.. (navy, 42 points tall for two-line criterion names)."""
    for k, h in enumerate(heads):
        put(ws, row, 1 + k, h, **_head(st))
    ws.row_dimensions[row].height = 42


def _head(st: Styles) -> CellStyle:
    """The style of a header cell: navy, white bold, boxed, wrapped and centred."""
    return {"font": st.header, "fill": st.header_fill, "border": st.box, "align": st.wrap_center}


def _write_value_column(
    ws: Worksheet, st: Styles, L: Lang, data: ReportData, g: WhatifGrid, j: int, c: Criterion
) -> None:
    """Criterion ``c``'s values (editable; a missing one is its policy's formula or number),
    their validation, and the flag on values a hard limit would screen out."""
    dm = data.dm
    col = FIRST_CRIT_COL + j
    letter = get_column_letter(col)
    fmt = number_format(list(dm.X[:, j]))
    observed_rows = [
        g.first + k for k, i in enumerate(data.order) if not dm.cell(dm.site_ids[i], c.id).missing
    ]
    n_obs = observed_count(data, c)
    for k, i in enumerate(data.order):
        rr = g.first + k
        cell_data = dm.cell(dm.site_ids[i], c.id)
        if not cell_data.missing:
            value = float(cell_data.value)
            put(ws, rr, col, value, font=st.input, fill=st.input_fill, border=st.box, fmt=fmt, align=st.top)
            continue
        f = impute_formula(c, letter, observed_rows, cell_data.value)
        style: CellStyle = {
            "font": st.font,
            "fill": st.flag_fill["missing"],
            "border": st.box,
            "fmt": fmt,
            "align": st.top,
        }
        if f is None:
            cell = put(ws, rr, col, float(cell_data.value), **style)
            how = L.t("a fixed number")
        else:
            cell = put_formula(ws, rr, col, f, **style)
            how = L.t("a formula over the other sites' values, so it follows your edits")
        add_comment(
            cell,
            L.t(
                "Missing: no '{fact}' for this site. Policy '{policy}': {value}, {why}. "
                "The cell holds {how}; type a number to test a value.",
                fact=c.fact,
                policy=c.missing,
                value=L.num(cell_data.value, c.unit),
                why=imputation_text(L, c, cell_data, n_obs),
                how=how,
            ),
        )
    rule = value_validation(g.norm, c)
    if rule:
        vdv = DataValidation(type="decimal", operator=rule[0], formula1=rule[1], showErrorMessage=True)
        vdv.errorTitle = L.t("Value")
        vdv.error = L.t(
            "{norm} normalisation needs values {op} 0 on this criterion.",
            norm=g.norm,
            op=">" if rule[0] == "greaterThan" else "≥",
        )
        ws.add_data_validation(vdv)
        vdv.add(f"{letter}{g.first}:{letter}{g.last}")
    # hard limits are not re-applied: flag values that would screen the site out
    conds = []
    if c.bounds_min is not None:
        conds.append(f"{letter}{g.first}<{c.bounds_min!r}")
    if c.bounds_max is not None:
        conds.append(f"{letter}{g.first}>{c.bounds_max!r}")
    if conds:
        ws.conditional_formatting.add(
            f"{letter}{g.first}:{letter}{g.last}",
            FormulaRule(
                formula=[f"OR({','.join(conds)})"], font=Font(color="C00000", bold=True, strike=True)
            ),
        )


def _format_scores(ws: Worksheet, data: ReportData, g: WhatifGrid) -> None:
    """Data bars on the live scores (0-100, or automatic without bounds) and green/red on a
    rank that rose/fell."""
    if not data.order:
        return
    score_l, change_l = get_column_letter(COL_SCORE), get_column_letter(COL_CHANGE)
    if g.norm != "none":
        data_bar(ws, f"{score_l}{g.first}:{score_l}{g.last}")
    else:
        data_bar(ws, f"{score_l}{g.first}:{score_l}{g.last}", low=None, high=None)
    ch, top = f"{change_l}{g.first}:{change_l}{g.last}", f"{change_l}{g.first}"
    ws.conditional_formatting.add(ch, FormulaRule(formula=[f"{top}>0"], font=Font(color="2E7D32", bold=True)))
    ws.conditional_formatting.add(ch, FormulaRule(formula=[f"{top}<0"], font=Font(color="C00000", bold=True)))


def _write_normalised_block(ws: Worksheet, st: Styles, L: Lang, data: ReportData, g: WhatifGrid) -> int:
    """The normalised values, one formula per value; returns the row under the block."""
    norm_head = g.norm_first - 1
    heading = (
        L.t("Normalised values (formulas; 1 = best, 0 = worst)")
        if g.norm != "none"
        else L.t("Normalised values (formulas)")
    )
    put(ws, norm_head - 1, COL_NAME, heading, font=st.section)
    heads = [L.t("Site"), "", "", "", "", L.t("Site id"), *[L.crit(c) for c in data.criteria]]
    _header_row(ws, st, norm_head, heads)
    merge(ws, norm_head, COL_NAME, norm_head, COL_BASE)
    dm = data.dm
    name_align = Alignment(vertical="top", wrap_text=True)
    for k, i in enumerate(data.order):
        rr, nr = g.first + k, g.norm_first + k
        sid = dm.site_ids[i]
        put(ws, nr, COL_NAME, L.site_name(data.site(sid)), font=st.font, border=st.box, align=name_align)
        merge(ws, nr, COL_NAME, nr, COL_BASE)
        put(ws, nr, COL_ID, sid, font=st.small, border=st.box)
        for j, c in enumerate(data.criteria):
            letter = get_column_letter(FIRST_CRIT_COL + j)
            formula = norm_formula(g.norm, c, f"{letter}{rr}", g.helper_refs(letter))
            put_formula(ws, nr, FIRST_CRIT_COL + j, formula, font=st.font, border=st.box, fmt="0.0000")
    return g.norm_first + len(data.order) + 1
