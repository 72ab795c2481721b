"""The Decision matrix, Normalised and Contributions sheets (sites in rank order)."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..matrix import Cell
from ..model import Criterion
from .i18n import N_, Lang
from .layout import (
    FMT_SCORE,
    SCALE_HIGH,
    Styles,
    TableRange,
    add_comment,
    add_note,
    finish_sheet,
    keep_together,
    merge,
    new_sheet,
    number_format,
    put,
    set_widths,
    style_cell,
    style_chart,
    text_width,
    unit_display,
    write_table,
)
from .plain_tables import ReportData

__all__ = [
    "write_matrix",
    "write_normalised",
    "write_contributions",
    "cell_comment",
    "imputation_text",
    "CHART_MAX_SITES",
]

CHART_MAX_SITES = 25  # a stacked bar per site beyond this is unreadable; the chart shows the top
FLAG_ORDER = ("missing", "plan", "claim", "estimate", "range")  # which fill wins when a cell has several


def imputation_text(L: Lang, c: Criterion, cell: Cell, observed: int) -> str:
    """Why a missing value has the value it has."""
    if observed == 0:
        return L.t(
            "no compared site has this fact, so every site gets 0 and the criterion does not discriminate"
        )
    if c.missing == "interval":
        return L.t(
            "unknown: it may lie anywhere from {low} to {high} (the plausible range); the "
            "point ranking takes the worst end (no credit without evidence) and the rank "
            "intervals let it move",
            low=L.num(c.plausible_min),
            high=L.num(c.plausible_max, c.unit),
        )
    if c.missing == "worst":
        if c.has_scale:
            return L.t("the worst end of the criterion's fixed scale (pessimistic)")
        return (
            L.t("the lowest value among the compared sites (pessimistic: another site's value)")
            if c.direction == "max"
            else L.t("the highest value among the compared sites (pessimistic: another site's value)")
        )
    if c.missing == "median":
        return L.t("the median of the compared sites' values")
    return L.policy(c.missing)


def observed_count(data: ReportData, c: Criterion) -> int:
    """How many compared sites have a sourced value for ``c``."""
    j = data.criteria.index(c)
    return int((~data.dm.missing[:, j]).sum())


def cell_comment(data: ReportData, L: Lang, sid: str, c: Criterion) -> str:
    """The comment on a matrix value: source, date, status, range, note, treatment."""
    cell = data.cell(sid, c.id)
    site = data.site(sid)
    unit = c.unit
    lines = [f"{L.site_name(site)} · {L.crit(c)}"]
    if cell.missing:
        lines.append(L.t("No fact '{fact}' for this site.", fact=c.fact))
        lines.append(
            L.t(
                "Missing-value policy '{policy}': set to {value}, {why}.",
                policy=c.missing,
                value=L.num(cell.value, unit),
                why=imputation_text(L, c, cell, observed_count(data, c)),
            )
        )
        return "\n".join(lines)
    f = cell.fact
    assert f is not None
    src = site.sources.get(f.source)
    if src is not None:
        pub = f" ({src.publisher})" if src.publisher else ""
        lines.append(L.t("Source: {title}{pub}, {date}", title=src.title, pub=pub, date=src.date_text))
        if src.url:
            lines.append(src.url)
    else:
        lines.append(L.t("Source: {key}", key=f.source))
    status = L.status(f.status)
    age = (
        L.t(" (stale: older than {years:g} years)", years=data.study.criteria_set.stale_after_years)
        if cell.stale
        else ""
    )
    lines.append(L.t("Status: {status}; as of {date}{age}", status=status, date=f.as_of_text, age=age))
    if cell.is_range:
        lines.append(
            L.t(
                "Range: {low} to {high}; the point value {value} is used",
                low=L.num(cell.low),
                high=L.num(cell.high, unit),
                value=L.num(cell.value, unit),
            )
        )
    if f.unit and f.unit != unit:
        lines.append(
            L.t(
                "As written: {value} (converted to {unit})",
                value=L.num(f.value, f.unit),
                unit=unit_display(unit),
            )
        )
    if cell.clipped and c.anchors is not None:
        lo_a, hi_a = sorted(c.anchors)
        lines.append(
            L.t(
                "Outside the fixed scale {worst} to {best}: counts as the nearest end",
                worst=L.num(lo_a),
                best=L.num(hi_a, unit),
            )
        )
    if f.scope:
        lines.append(L.t("Scope: {scope}", scope=f.scope))
    if f.quote:
        lines.append(L.t("Quote: “{quote}”", quote=f.quote))
    if f.method:
        lines.append(L.t("Computed: {method}", method=f.method))
    if f.note:
        lines.append(L.t("Note: {note}", note=f.note))
    return "\n".join(lines)


def _criteria_headers(
    ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int, first_col: int, *, extra_rows: bool = True
) -> int:
    """Rank/Site headers merged over the header block, then per criterion: label, unit and
    direction, weight, missing policy. Returns the first data row."""
    crits = data.criteria
    depth = 4 if extra_rows else 3
    for col, text in ((1, L.t("Rank")), (2, L.t("Site"))):
        put(ws, row, col, text, font=st.header, fill=st.header_fill, align=st.wrap_center, border=st.box)
        merge(ws, row, col, row + depth - 1, col)
    for j, c in enumerate(crits):
        col = first_col + j
        put(ws, row, col, L.crit(c), font=st.header, fill=st.header_fill, align=st.wrap_center, border=st.box)
        unit = unit_display(c.unit) if c.unit else L.t("no unit")
        put(
            ws,
            row + 1,
            col,
            f"{unit} · {L.better(c)}",
            font=st.subheader,
            fill=st.subheader_fill,
            align=st.wrap_center,
            border=st.box,
        )
        put(
            ws,
            row + 2,
            col,
            L.t("weight {w:.1%}", w=data.dm.weight_of[c.id]),
            font=st.subheader,
            fill=st.subheader_fill,
            align=st.wrap_center,
            border=st.box,
        )
        if extra_rows:
            put(
                ws,
                row + 3,
                col,
                L.t("if missing: {policy}", policy=L.policy(c.missing)),
                font=st.subheader,
                fill=st.subheader_fill,
                align=st.wrap_center,
                border=st.box,
            )
    longest = max((text_width(L.crit(c)) for c in crits), default=10)
    ws.row_dimensions[row].height = 15 * min(4, max(2, -(-int(longest) // 14)))
    ws.row_dimensions[row + 1].height = 28
    if extra_rows:
        ws.row_dimensions[row + 3].height = 28
    return row + depth


def _site_cells(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> None:
    for k, i in enumerate(data.order):
        site = data.site(data.dm.site_ids[i])
        r = row + k
        put(ws, r, 1, data.rank_of(i), font=st.font, align=st.center, border=st.box)
        put(ws, r, 2, L.site_name(site), font=st.bold, align=st.wrap, border=st.box)


def _crit_widths(L: Lang, data: ReportData, first_col: int, extra: float = 0) -> dict[int | str, float]:
    widths: dict[int | str, float] = {1: 6, 2: 34}
    for j, c in enumerate(data.criteria):
        widths[first_col + j] = max(13.0, min(20.0, text_width(L.crit(c)) / 2 + 3)) + extra
    return widths


# ---------------------------------------------------------------------- Decision matrix
def write_matrix(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    """Add the Decision matrix sheet: every fact used, shaded by its flags, with its source in
    a comment."""
    dm = data.dm
    subtitle = L.t(
        "Each site's value on each criterion, in the criterion's unit, exactly as ranked. "
        "Hover over a value for its source, date and status."
    )
    ws, row = new_sheet(wb, st, L.sheet("matrix"), L.t("Decision matrix"), subtitle)
    first_col = 3
    head = row
    row = _criteria_headers(ws, st, L, data, row, first_col)
    _site_cells(ws, st, L, data, row)
    for j, c in enumerate(data.criteria):
        col = first_col + j
        fmt = number_format([float(v) for v in dm.X[:, j]])
        for k, i in enumerate(data.order):
            sid = dm.site_ids[i]
            cell_data = dm.cell(sid, c.id)
            flags = data.flags_of(sid, c.id)
            fill = next((st.flag_fill[f] for f in FLAG_ORDER if f in flags), None)
            font = st.stale if "stale" in flags else st.font
            cell = put(
                ws,
                row + k,
                col,
                float(cell_data.value),
                font=font,
                fill=fill,
                fmt=fmt,
                align=st.right,
                border=st.box,
            )
            add_comment(cell, cell_comment(data, L, sid, c))
    last = row + len(data.order) - 1
    widths = _crit_widths(L, data, first_col)
    set_widths(ws, widths)
    r = last + 2
    put(ws, r, 2, L.t("Legend"), font=st.bold)
    legend = [
        (
            "missing",
            L.t(
                "Missing: the site has no such fact; the criterion's missing-value "
                "policy filled it in (see the comment)."
            ),
        ),
        ("plan", L.t("Planned: a plan or target, not yet built or measured.")),
        ("claim", L.t("Claim: asserted by an interested party (a promoter, a press release), not measured.")),
        ("estimate", L.t("Estimated: the source gives an estimate.")),
        (
            "range",
            L.t(
                "Range: sources disagree; the point value is used and the range is "
                "kept for the sensitivity analysis."
            ),
        ),
        (
            "stale",
            L.t(
                "Italic brown text: older than {years:g} years as of {date} (stale).",
                years=data.study.criteria_set.stale_after_years,
                date=data.as_of.isoformat(),
            ),
        ),
    ]
    r += 1
    for kind, text in legend:
        sample = put(
            ws,
            r,
            2,
            L.flag(kind),
            border=st.box,
            font=st.stale if kind == "stale" else st.font,
            fill=st.flag_fill.get(kind),
        )
        style_cell(sample, align=Alignment(horizontal="center", vertical="top"))
        r = add_note(ws, st, r, text, col=first_col, span=6, font=st.font)
    note = L.t(
        "A value with several flags shows the first of: missing, "
        "planned, claim, estimated, range. The Data quality sheet lists every "
        "flag of every value."
    )
    r = add_note(ws, st, r, note, col=first_col, span=6)
    r += 1
    if dm.excluded:
        put(ws, r, 2, L.t("Screened out (not in the matrix)"), font=st.bold)
        rows = [[L.site_name(data.site(s)), why] for s, why in dm.excluded]
        tr = write_table(ws, st, r + 1, [L.t("Site"), L.t("Reason")], rows, col=2, wrap=[True, True])
        r = tr.last_row + 1
    finish_sheet(ws, st, freeze=f"C{row}", title_rows=(head, row - 1), page_label=L.t("Page &P of &N"))
    return ws


# -------------------------------------------------------------------------- Normalised
_NORM_TEXT = {
    "minmax": N_(
        "Min-max normalisation: (x − min)/(max − min) for a higher-is-better criterion, "
        "(max − x)/(max − min) for a lower-is-better one, so 1 is the best site and 0 the "
        "worst on each criterion. A criterion with a fixed scale uses (x − worst)/(best − "
        "worst) clipped to 0..1 instead of the sites' own min and max."
    ),
    "max": N_(
        "Max normalisation: x/max for a higher-is-better criterion and min/x for a "
        "lower-is-better one; 1 is the best site."
    ),
    "sum": N_(
        "Sum normalisation: x/Σx for a higher-is-better criterion and (1/x)/Σ(1/x) for a lower-is-better one."
    ),
    "vector": N_(
        "Vector normalisation: x/√(Σx²) for a higher-is-better criterion and 1 − x/√(Σx²) "
        "for a lower-is-better one."
    ),
    "none": N_("No normalisation: the raw value (its negative for a lower-is-better criterion)."),
}


def normalisation_text(L: Lang, norm: str) -> str:
    """What the normalisation ``norm`` does, as a sentence."""
    return L.t(_NORM_TEXT[norm])


# the Normalised sheet of TOPSIS, VIKOR and PROMETHEE II: subtitle ({norm}: the normalisation),
# note, the colour scale's ends (None: per column) and whether the shading follows each column
_NORMALISED_VIEWS: dict[str, tuple[str, str, tuple[float, float] | None, bool]] = {
    "topsis": (
        N_(
            "The values as TOPSIS uses them ({norm} normalisation, not turned round for "
            "lower-is-better criteria: TOPSIS takes the ideal as the minimum of those)."
        ),
        N_("Shading follows each criterion's direction: the darker the better."),
        None,
        True,
    ),
    "vikor": (
        N_(
            "VIKOR's linear normalisation turned round so that 1 is the best value "
            "(f*) and 0 the worst (f−) on each criterion."
        ),
        N_("Shown: 1 − (f* − f)/(f* − f−), so higher is better on every criterion."),
        (0.0, 1.0),
        False,
    ),
    "promethee2": (
        N_(
            "PROMETHEE II single-criterion net flows: how much a site outranks the others "
            "on that criterion alone, from −1 to 1."
        ),
        N_("The site's net flow is the weighted sum of these values."),
        (-1.0, 1.0),
        False,
    ),
}


def write_normalised(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    """Add the Normalised sheet: the values on the common scale the method uses."""
    r = data.ranking
    name = r.method.name
    norm = str(dict(r.method.params).get("normalization", "minmax"))
    if data.normalized_kind == "wsm-fallback":
        sub = L.t(
            "The values on a common 0-1 scale (min-max, 1 = best). {method} does not "
            "normalise this way; min-max is shown to compare criteria.",
            method=L.t(r.info.title),
        )
        notes = [normalisation_text(L, "minmax")]
        scale: tuple[float, float] | None = (0.0, 1.0)
        per_column = False
    elif name == "wsm":
        sub = L.t(
            "The values on a common scale as the weighted sum uses them ({norm}); "
            "higher is better on every criterion.",
            norm=norm,
        )
        notes = [normalisation_text(L, norm)]
        scale = None if norm == "none" else (0.0, 1.0)
        per_column = False
    elif name in _NORMALISED_VIEWS:
        text, note, scale, per_column = _NORMALISED_VIEWS[name]
        sub = L.t(text, norm=norm) if "{norm}" in text else L.t(text)
        notes = [L.t(note)]
    else:
        sub = L.t("The values as {method} normalises them.", method=L.t(r.info.title))
        notes = []
        scale = None
        per_column = True
    ws, row = new_sheet(wb, st, L.sheet("normalised"), L.t("Normalised values"), sub)
    first_col = 3
    head = row
    row = _criteria_headers(ws, st, L, data, row, first_col, extra_rows=False)
    _site_cells(ws, st, L, data, row)
    V = data.normalized
    for j in range(len(data.criteria)):
        for k, i in enumerate(data.order):
            put(
                ws,
                row + k,
                first_col + j,
                float(V[i, j]),
                font=st.font,
                fmt="0.000",
                align=st.right,
                border=st.box,
            )
    last = row + len(data.order) - 1
    for j, c in enumerate(data.criteria):
        letter = get_column_letter(first_col + j)
        ref = f"{letter}{row}:{letter}{last}"
        if per_column:
            good_low = c.direction == "min"
            ws.conditional_formatting.add(
                ref,
                ColorScaleRule(
                    start_type="min",
                    start_color=SCALE_HIGH if good_low else "FFFFFF",
                    end_type="max",
                    end_color="FFFFFF" if good_low else SCALE_HIGH,
                ),
            )
        elif scale is None:
            ws.conditional_formatting.add(
                ref,
                ColorScaleRule(start_type="min", start_color="FFFFFF", end_type="max", end_color=SCALE_HIGH),
            )
        else:
            ws.conditional_formatting.add(
                ref,
                ColorScaleRule(
                    start_type="num",
                    start_value=scale[0],
                    start_color="FFFFFF",
                    end_type="num",
                    end_value=scale[1],
                    end_color=SCALE_HIGH,
                ),
            )
    widths = _crit_widths(L, data, first_col)
    set_widths(ws, widths)
    rr = last + 2
    for text in notes:
        rr = add_note(ws, st, rr, text, col=2, span=7)
    finish_sheet(ws, st, freeze=f"C{row}", title_rows=(head, row - 1), page_label=L.t("Page &P of &N"))
    return ws


# ----------------------------------------------------------------------- Contributions
def contributions_text(L: Lang, kind: str, method_title: str) -> str:
    """What the contributions are, for ``kind`` (``wsm``, ``promethee2``, else the WSM
    breakdown shown for a method whose scores are not a sum over criteria)."""
    if kind == "wsm":
        return L.t(
            "How many of each site's 0-100 points come from each criterion (weight × normalised value × 100)."
        )
    if kind == "promethee2":
        return L.t(
            "Each criterion's share of each site's PROMETHEE II net flow "
            "(weight × single-criterion net flow); the shares add up to the net flow."
        )
    return L.t(
        "{method} scores are not a sum over criteria, so this sheet breaks down the "
        "weighted-sum (WSM, min-max) score for the same weights instead: it shows "
        "which criteria drive each site, not the {method} score.",
        method=L.t(method_title),
    )


def write_contributions(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    """Add the Contributions sheet: each criterion's part of each site's score."""
    r = data.ranking
    kind = data.contributions_kind
    sub = contributions_text(L, kind, r.info.title)
    if kind == "wsm":
        total_h, fmt = L.t("Score (0-100)"), FMT_SCORE
    elif kind == "promethee2":
        total_h, fmt = L.t("Net flow"), "0.000"
    else:
        total_h, fmt = L.t("WSM score (0-100)"), FMT_SCORE
    ws, row = new_sheet(wb, st, L.sheet("contributions"), L.t("Contributions to the score"), sub)
    crits = data.criteria
    headers = [L.t("Rank"), L.t("Site"), *[L.crit(c) for c in crits], total_h]
    C = data.contributions
    rows = []
    for i in data.order:
        site = data.site(data.dm.site_ids[i])
        vals = [float(v) for v in C[i]]
        rows.append([data.rank_of(i), L.site_name(site), *vals, float(sum(vals))])
    formats = [None, None, *[fmt] * len(crits), fmt]
    tr = write_table(ws, st, row, headers, rows, formats=formats, wrap=[False, True], header_height=45)
    for k in range(len(rows)):
        style_cell(ws.cell(row=tr.first_row + k, column=len(headers)), font=st.bold)
        style_cell(ws.cell(row=tr.first_row + k, column=1), align=st.center)
    widths = _crit_widths(L, data, 3)
    widths[len(headers)] = 14
    set_widths(ws, widths)
    rr = tr.last_row + 2
    notes = []
    if kind == "wsm-fallback":
        notes.append(
            L.t(
                "The ranking in this workbook is by {method}; see the Ranking sheet.",
                method=L.t(r.info.title),
            )
        )
    notes.append(
        L.t(
            "A criterion with a large weight but a small bar here is one on which "
            "the site scores poorly; a missing value filled in with the worst value "
            "contributes nothing under min-max."
        )
    )
    for text in notes:
        rr = add_note(ws, st, rr, text, span=8)
    if not tr.empty:
        rr = _contribution_chart(ws, st, L, data, tr, rr + 1)
    title_rows = (tr.header_row, tr.header_row)
    finish_sheet(ws, st, freeze=f"C{tr.first_row}", title_rows=title_rows, page_label=L.t("Page &P of &N"))
    return ws


def _contribution_chart(
    ws: Worksheet, st: Styles, L: Lang, data: ReportData, tr: TableRange, row: int
) -> int:
    k = min(CHART_MAX_SITES, tr.last_row - tr.first_row + 1)
    m = len(data.criteria)
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    title = L.t("Contributions to each site's score")
    if k < tr.last_row - tr.first_row + 1:
        title += " " + L.t("(first {k} sites)", k=k)
    chart.title = title
    values = Reference(ws, min_col=3, max_col=2 + m, min_row=tr.header_row, max_row=tr.first_row + k - 1)
    cats = Reference(ws, min_col=2, min_row=tr.first_row, max_row=tr.first_row + k - 1)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(cats)
    chart.y_axis.title = L.t("points")
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top...
    chart.y_axis.crosses = "max"  # ...and the value axis at the bottom
    style_chart(chart, st)
    chart.legend.position = "r"
    chart.width = 26
    chart.height = max(7.0, 0.5 * k + 3.5)
    keep_together(ws, row, extra_cm=chart.height + 0.5)
    ws.add_chart(chart, f"B{row}")
    return row + int(chart.height / 0.53) + 2
