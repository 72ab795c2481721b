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
from .context import ReportData
from .i18n import Lang
from .layout import (
    FMT_RANK_CHANGE,
    FMT_SHARE,
    Styles,
    add_comment,
    add_note,
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
from .sheets_matrix import imputation_text, normalisation_text, observed_count
from .sheets_quality import why_sits_out
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
MAX_IMPUTE_RANGES = 200  # beyond this a MIN/MAX/MEDIAN over the observed cells gets too long

# the row labels in column A that the read-back falls back on when the names are gone
ROW_LABELS = {
    "criteria": {"en": "Criterion id", "ko": "기준 ID"},
    "weights": {"en": "Weight (points) - edit", "ko": "가중치 (점수) - 입력"},
}


def _label(L: Lang, key: str) -> str:
    return ROW_LABELS[key][L.code]


def _points(data: ReportData) -> dict[str, float]:
    """The editable weights by criterion id: the points the weights were set in
    (``Study.weight_points``, e.g. the weights page's sliders), or the criteria file's (or
    scenario's) raw points when the weights came from there, else the normalised weights x 100.
    Their shares equal the study's (over every criterion of the set, before any sits out)."""
    study = data.study
    cs = study.criteria_set
    raw = cs.base_weights()
    if study.weight_points is not None:
        raw = dict(study.weight_points)
    elif study.weight_source == "criteria file" and study.scenario is None:
        pass
    elif study.scenario and study.weight_source == f"scenario {study.scenario}":
        raw.update(cs.scenarios[study.scenario])
    else:
        raw = {k: 100.0 * v for k, v in study.weights.items()}
    total = sum(raw.values())
    if total <= 0 or any(abs(raw[k] / total - study.weights[k]) > 1e-12 for k in raw):
        raw = {k: 100.0 * v for k, v in study.weights.items()}
    return {c.id: float(raw[c.id]) for c in study.criteria}


def _ranges(col: str, rows: Sequence[int]) -> list[str]:
    """Row numbers -> compact references: [5, 6, 7, 9] -> ['G5:G7', 'G9']."""
    out: list[str] = []
    start = prev = None
    for r in sorted(rows):
        if start is None:
            start = prev = r
        elif r == prev + 1:
            prev = r
        else:
            out.append(f"{col}{start}" if start == prev else f"{col}{start}:{col}{prev}")
            start = prev = r
    if start is not None:
        out.append(f"{col}{start}" if start == prev else f"{col}{start}:{col}{prev}")
    return out


def _impute_formula(c: Criterion, col: str, observed_rows: list[int], fill: float) -> str | None:
    """The missing-value policy as a formula over the observed cells, or None for a constant."""
    if c.missing == "worst" and c.has_scale:
        return None
    if not observed_rows:
        return None
    refs = _ranges(col, observed_rows)
    if len(refs) > MAX_IMPUTE_RANGES:
        return None
    args = ",".join(refs)
    if c.missing == "worst":
        return f"={'MIN' if c.direction == 'max' else 'MAX'}({args})"
    if c.missing == "median":
        return f"=MEDIAN({args})"
    return None


def _helper_rows(norm: str) -> list[str]:
    return {
        "minmax": ["worst", "best"],
        "max": ["reference"],
        "sum": ["reference"],
        "vector": ["length"],
        "none": [],
    }[norm]


def _helper_label(L: Lang, norm: str, kind: str) -> str:
    return {
        ("minmax", "worst"): L.t("Worst (normalised to 0)"),
        ("minmax", "best"): L.t("Best (normalised to 1)"),
        ("max", "reference"): L.t("Reference: max (higher is better) or min (lower)"),
        ("sum", "reference"): L.t("Reference: Σx (higher is better) or Σ(1/x) (lower)"),
        ("vector", "length"): L.t("Length √(Σx²)"),
    }[(norm, kind)]


def _helper_formula(norm: str, kind: str, c: Criterion, rng: str) -> str | float:
    benefit = c.direction == "max"
    if norm == "minmax":
        if c.anchors is not None:
            return float(c.anchors[0] if kind == "worst" else c.anchors[1])
        if kind == "worst":
            return f"={'MIN' if benefit else 'MAX'}({rng})"
        return f"={'MAX' if benefit else 'MIN'}({rng})"
    if norm == "max":
        return f"={'MAX' if benefit else 'MIN'}({rng})"
    if norm == "sum":
        return f"=SUM({rng})" if benefit else f"=SUMPRODUCT(1/{rng})"
    if norm == "vector":
        return f"=SQRT(SUMSQ({rng}))"
    raise ValueError(norm)


def _norm_formula(norm: str, c: Criterion, v: str, h: list[str]) -> str:
    """Normalised value of cell ``v`` (e.g. 'G20') given helper cells ``h`` (e.g. ['G$16'])."""
    benefit = c.direction == "max"
    if norm == "minmax":
        w, b = h
        return f"=IF({b}={w},0,MAX(0,MIN(1,({v}-{w})/({b}-{w}))))"
    if norm == "max":
        (ref,) = h
        return f"=IF({ref}=0,0,{v}/{ref})" if benefit else f"=IF({v}=0,0,{ref}/{v})"
    if norm == "sum":
        (ref,) = h
        return f"=IF({ref}=0,0,{v}/{ref})" if benefit else f"=IF({ref}=0,0,(1/{v})/{ref})"
    if norm == "vector":
        (ref,) = h
        return f"=IF({ref}=0,0,{v}/{ref})" if benefit else f"=1-IF({ref}=0,0,{v}/{ref})"
    if norm == "none":
        return f"={v}" if benefit else f"=-{v}"
    raise ValueError(norm)


def _value_validation(norm: str, c: Criterion) -> tuple[str, str] | None:
    """(operator, formula1) of the data validation on a criterion's value cells."""
    if norm == "sum" or (norm == "max" and c.direction == "min"):
        return ("greaterThan", "0")
    if norm == "max":
        return ("greaterThanOrEqual", "0")
    return None


def write_whatif(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    ws = wb.create_sheet(WHATIF_SHEET)
    crits = data.criteria
    m = len(crits)
    # the criteria that sit out (coverage) follow the others: their weights stay editable (and
    # are read back by --weights-from) but they take no share and no column of values
    by_id = {c.id: c for c in data.study.criteria_set.criteria}
    out_crits = [by_id[x.criterion] for x in data.dm.excluded_criteria]
    norm = data.whatif_normalization
    r = data.ranking
    bounded = norm != "none"
    first_l, last_l = get_column_letter(FIRST_CRIT_COL), get_column_letter(FIRST_CRIT_COL + m - 1)
    all_l = get_column_letter(FIRST_CRIT_COL + m + len(out_crits) - 1)

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
    note_span = COL_ID + min(m, 4)
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
    for text in steps:
        row = add_note(ws, st, row, text, span=note_span, font=st.font)
    row += 1

    # ----------------------------------------------------------------- criteria block
    r_ids = row
    r_label, r_unit, r_dir, r_weight, r_share = row + 1, row + 2, row + 3, row + 4, row + 5
    helpers = _helper_rows(norm)
    r_help = {k: r_share + 1 + n for n, k in enumerate(helpers)}
    labels = [
        (r_ids, _label(L, "criteria")),
        (r_label, L.t("Criterion")),
        (r_unit, L.t("Unit")),
        (r_dir, L.t("Better when")),
        (r_weight, _label(L, "weights")),
        (r_share, L.t("Weight share (formula)")),
        *[(r_help[k], _helper_label(L, norm, k)) for k in helpers],
    ]
    for rr, text in labels:
        put(
            ws,
            rr,
            COL_NAME,
            text,
            font=st.bold,
            fill=st.subheader_fill,
            border=st.box,
            align=Alignment(vertical="center", wrap_text=True),
        )
        merge(ws, rr, COL_NAME, rr, COL_ID)
    ws.cell(row=r_weight, column=COL_NAME).font = st.input
    points = _points(data)
    sites_head = r_share + len(helpers) + 2
    first = sites_head + 1
    n = len(data.order)
    last = first + n - 1
    for j, c in enumerate(out_crits):
        col = FIRST_CRIT_COL + m + j
        put(ws, r_ids, col, c.id, font=st.small, border=st.box, align=st.center)
        head = {"font": st.header, "fill": st.header_fill, "border": st.box, "align": st.wrap_center}
        put(ws, r_label, col, L.crit(c), **head)
        put(ws, r_unit, col, unit_display(c.unit) or "-", font=st.font, border=st.box, align=st.center)
        put(ws, r_dir, col, L.better(c), font=st.font, border=st.box, align=st.center)
        inp = {"font": st.input, "fill": st.input_fill, "border": st.box, "align": st.center}
        put(ws, r_weight, col, points[c.id], fmt="0.0##", **inp)
        x = next(x for x in data.dm.excluded_criteria if x.criterion == c.id)
        cell = put(ws, r_share, col, L.t("sits out"), font=st.small, border=st.box, align=st.center)
        add_comment(cell, L.t("Sits out of the ranking: {why}.", why=why_sits_out(L, x)))
    for j, c in enumerate(crits):
        col = FIRST_CRIT_COL + j
        put(ws, r_ids, col, c.id, font=st.small, border=st.box, align=st.center)
        put(
            ws,
            r_label,
            col,
            L.crit(c),
            font=st.header,
            fill=st.header_fill,
            border=st.box,
            align=st.wrap_center,
        )
        put(ws, r_unit, col, unit_display(c.unit) or "-", font=st.font, border=st.box, align=st.center)
        put(ws, r_dir, col, L.better(c), font=st.font, border=st.box, align=st.center)
        put(
            ws,
            r_weight,
            col,
            points[c.id],
            font=st.input,
            fill=st.input_fill,
            border=st.box,
            fmt="0.0##",
            align=st.center,
        )
        letter = get_column_letter(col)
        put_formula(
            ws,
            r_share,
            col,
            f"={letter}{r_weight}/SUM(${first_l}${r_weight}:${last_l}${r_weight})",
            font=st.font,
            border=st.box,
            fmt=FMT_SHARE,
            align=st.center,
        )
        rng = f"{letter}${first}:{letter}${last}"
        for k in helpers:
            h = _helper_formula(norm, k, c, rng)
            if isinstance(h, str):
                put_formula(
                    ws,
                    r_help[k],
                    col,
                    h,
                    font=st.small,
                    border=st.box,
                    fmt=number_format(list(data.dm.X[:, j])),
                    align=st.center,
                )
            else:
                cell = put(
                    ws,
                    r_help[k],
                    col,
                    h,
                    font=st.small,
                    border=st.box,
                    fmt=number_format([h]),
                    align=st.center,
                )
                worst_a, best_a = c.anchors  # type: ignore[misc]
                add_comment(
                    cell,
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
                    ),
                )
    ws.row_dimensions[r_label].height = 42
    ws.row_dimensions[r_weight].height = 18
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
    dv.add(f"{first_l}{r_weight}:{all_l}{r_weight}")

    # ----------------------------------------------------------------- sites table
    score_h = L.t("Live score (0-100)") if bounded else L.t("Live score (WSM × 100)")
    heads = [
        L.t("Site"),
        score_h,
        L.t("Live rank"),
        L.t("Change"),
        L.t("Rank when made"),
        L.t("Site id"),
        *[L.crit(c) for c in crits],
    ]
    for k, h in enumerate(heads):
        put(
            ws, sites_head, 1 + k, h, font=st.header, fill=st.header_fill, border=st.box, align=st.wrap_center
        )
    ws.row_dimensions[sites_head].height = 42
    norm_head = last + 3
    norm_first = norm_head + 1
    dm = data.dm
    base_ranks = data.whatif_output.ranks
    score_rng = f"${get_column_letter(COL_SCORE)}${first}:${get_column_letter(COL_SCORE)}${last}"
    share_rng = f"${first_l}${r_share}:${last_l}${r_share}"
    for k, i in enumerate(data.order):
        rr = first + k
        nr = norm_first + k
        sid = dm.site_ids[i]
        site = data.site(sid)
        put(
            ws,
            rr,
            COL_NAME,
            L.site_name(site),
            font=st.bold,
            border=st.box,
            align=Alignment(vertical="top", wrap_text=True),
        )
        put_formula(
            ws,
            rr,
            COL_SCORE,
            f"=ROUND(100*SUMPRODUCT({share_rng},{first_l}{nr}:{last_l}{nr}),9)",
            font=st.bold,
            border=st.box,
            fmt="0.00",
            align=st.top,
        )
        s_ref = f"{get_column_letter(COL_SCORE)}{rr}"
        put_formula(
            ws, rr, COL_RANK, f"=RANK({s_ref},{score_rng})", font=st.bold, border=st.box, align=st.center
        )
        put(ws, rr, COL_BASE, int(base_ranks[i]), font=st.font, border=st.box, align=st.center)
        put_formula(
            ws,
            rr,
            COL_CHANGE,
            f"={get_column_letter(COL_BASE)}{rr}-{get_column_letter(COL_RANK)}{rr}",
            font=st.font,
            border=st.box,
            fmt=FMT_RANK_CHANGE,
            align=st.center,
        )
        put(ws, rr, COL_ID, sid, font=st.small, border=st.box, align=st.top)
    for j, c in enumerate(crits):
        col = FIRST_CRIT_COL + j
        letter = get_column_letter(col)
        fmt = number_format(list(dm.X[:, j]))
        observed_rows = [
            first + k for k, i in enumerate(data.order) if not dm.cell(dm.site_ids[i], c.id).missing
        ]
        n_obs = observed_count(data, c)
        for k, i in enumerate(data.order):
            rr = first + k
            cell_data = dm.cell(dm.site_ids[i], c.id)
            if cell_data.missing:
                f = _impute_formula(c, letter, observed_rows, cell_data.value)
                if f is None:
                    cell = put(
                        ws,
                        rr,
                        col,
                        float(cell_data.value),
                        font=st.font,
                        fill=st.flag_fill["missing"],
                        border=st.box,
                        fmt=fmt,
                        align=st.top,
                    )
                    how = L.t("a fixed number")
                else:
                    cell = put_formula(
                        ws,
                        rr,
                        col,
                        f,
                        font=st.font,
                        fill=st.flag_fill["missing"],
                        border=st.box,
                        fmt=fmt,
                        align=st.top,
                    )
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
            else:
                put(
                    ws,
                    rr,
                    col,
                    float(cell_data.value),
                    font=st.input,
                    fill=st.input_fill,
                    border=st.box,
                    fmt=fmt,
                    align=st.top,
                )
        rule = _value_validation(norm, c)
        if rule:
            vdv = DataValidation(type="decimal", operator=rule[0], formula1=rule[1], showErrorMessage=True)
            vdv.errorTitle = L.t("Value")
            vdv.error = L.t(
                "{norm} normalisation needs values {op} 0 on this criterion.",
                norm=norm,
                op=">" if rule[0] == "greaterThan" else "≥",
            )
            ws.add_data_validation(vdv)
            vdv.add(f"{letter}{first}:{letter}{last}")
        # hard limits are not re-applied: flag values that would screen the site out
        conds = []
        if c.bounds_min is not None:
            conds.append(f"{letter}{first}<{c.bounds_min!r}")
        if c.bounds_max is not None:
            conds.append(f"{letter}{first}>{c.bounds_max!r}")
        if conds:
            ws.conditional_formatting.add(
                f"{letter}{first}:{letter}{last}",
                FormulaRule(
                    formula=[f"OR({','.join(conds)})"], font=Font(color="C00000", bold=True, strike=True)
                ),
            )
    if n:
        if bounded:
            data_bar(ws, f"{get_column_letter(COL_SCORE)}{first}:{get_column_letter(COL_SCORE)}{last}")
        else:
            data_bar(
                ws,
                f"{get_column_letter(COL_SCORE)}{first}:{get_column_letter(COL_SCORE)}{last}",
                low=None,
                high=None,
            )
        ch = f"{get_column_letter(COL_CHANGE)}{first}:{get_column_letter(COL_CHANGE)}{last}"
        top = f"{get_column_letter(COL_CHANGE)}{first}"
        ws.conditional_formatting.add(
            ch, FormulaRule(formula=[f"{top}>0"], font=Font(color="2E7D32", bold=True))
        )
        ws.conditional_formatting.add(
            ch, FormulaRule(formula=[f"{top}<0"], font=Font(color="C00000", bold=True))
        )

    # ----------------------------------------------------------------- normalised block
    put(
        ws,
        norm_head - 1,
        COL_NAME,
        L.t("Normalised values (formulas; 1 = best, 0 = worst)")
        if bounded
        else L.t("Normalised values (formulas)"),
        font=st.section,
    )
    heads = [L.t("Site"), "", "", "", "", L.t("Site id"), *[L.crit(c) for c in crits]]
    for k, h in enumerate(heads):
        put(ws, norm_head, 1 + k, h, font=st.header, fill=st.header_fill, border=st.box, align=st.wrap_center)
    merge(ws, norm_head, COL_NAME, norm_head, COL_BASE)
    ws.row_dimensions[norm_head].height = 42
    for k, i in enumerate(data.order):
        rr = first + k
        nr = norm_first + k
        sid = dm.site_ids[i]
        put(
            ws,
            nr,
            COL_NAME,
            L.site_name(data.site(sid)),
            font=st.font,
            border=st.box,
            align=Alignment(vertical="top", wrap_text=True),
        )
        merge(ws, nr, COL_NAME, nr, COL_BASE)
        put(ws, nr, COL_ID, sid, font=st.small, border=st.box)
        for j, c in enumerate(crits):
            letter = get_column_letter(FIRST_CRIT_COL + j)
            h = [f"{letter}${r_help[x]}" for x in helpers]
            put_formula(
                ws,
                nr,
                FIRST_CRIT_COL + j,
                _norm_formula(norm, c, f"{letter}{rr}", h),
                font=st.font,
                border=st.box,
                fmt="0.0000",
            )
    row = norm_first + n + 1
    if dm.excluded:
        put(ws, row, COL_NAME, L.t("Screened out by a hard limit (not in this model)"), font=st.bold)
        tr = write_table(
            ws,
            st,
            row + 1,
            [L.t("Site"), L.t("Reason")],
            [[L.site_name(data.site(s)), why] for s, why in dm.excluded],
            wrap=[True, False],
        )
        row = tr.last_row + 2
    row = write_whatif_intervals(
        wb,
        ws,
        st,
        L,
        data,
        row=row,
        first_col=FIRST_CRIT_COL,
        share_rng=share_rng,
        site_rows=[first + k for k in range(n)],
        norm_rows=[norm_first + k for k in range(n)],
        rank_col=COL_RANK,
        id_col=COL_ID,
        norm=norm,
        helper_refs=lambda letter: [f"{letter}${r_help[x]}" for x in helpers],
        norm_formula=_norm_formula,
    )

    # ----------------------------------------------------------------- defined names
    sheet = f"'{WHATIF_SHEET}'"
    score_l, id_l = get_column_letter(COL_SCORE), get_column_letter(COL_ID)
    refs = {
        "whatif_criteria": f"{sheet}!${first_l}${r_ids}:${all_l}${r_ids}",
        "whatif_weights": f"{sheet}!${first_l}${r_weight}:${all_l}${r_weight}",
        "whatif_sites": f"{sheet}!${id_l}${first}:${id_l}${last}",
        "whatif_scores": f"{sheet}!${score_l}${first}:${score_l}${last}",
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
