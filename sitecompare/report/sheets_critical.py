"""The Critical changes sheet of ``compare --sensitivity``: the most critical criteria, each
criterion's criticality degree and sensitivity coefficient, the smallest weight change that swaps
each pair of sites (Triantaphyllou & Sanchez 1997) and the smallest change of one fact that lifts
a site.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .i18n import N_, Lang
from .layout import (
    FMT_PCT1,
    Column,
    Styles,
    add_note,
    add_notes,
    center_cells,
    color_scale,
    highlight_if,
    number_format,
    row_formats,
    set_widths,
    style_cell,
    write_columns,
    write_section,
)
from .sensitivity_common import SheetContext

if TYPE_CHECKING:
    from ..sensitivity import SensitivityResult

MAX_WEIGHT_CHANGES = 60
MAX_DATA_CHANGES = 60
FMT_SIGNED_PCT = '+0.0%;"−"0.0%;0.0%'  # a typographic minus, quoted (Excel wants literals quoted)
FMT_SIGNED = '+0.0000;"−"0.0000;0.0000'
CRITICAL_WIDTHS: dict[int | str, float] = {
    1: 33, 2: 33, 3: 30, 4: 10, 5: 12, 6: 11, 7: 11, 8: 11, 9: 12, 10: 12, 11: 12
}  # fmt: skip


def _pair(cx: SheetContext, sites: Sequence[str]) -> str:
    """'A and B' for a pair of site ids."""
    a, b = sites
    return cx.L.t("{a} and {b}", a=cx.name[a], b=cx.name[b])


def write_critical(wb: Workbook, st: Styles, L: Lang, res: SensitivityResult) -> Worksheet:
    """The Critical changes sheet of ``res``: the most critical criteria, each criterion's
    criticality, the weight change that swaps each pair, the fact change that lifts a site."""
    cx = SheetContext(res, L, st)
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
    cx.write_sections(
        ws,
        row,
        [
            (partial(_write_most_critical, ws, cx), None),
            (partial(_write_criticality, ws, cx), None),
            (partial(_write_weight_swaps, ws, cx), 12),
            (partial(_write_fact_changes, ws, cx), 12),
        ],
        last_col=11,
    )
    return ws


def _write_most_critical(ws: Worksheet, cx: SheetContext, row: int) -> int:
    """Section 1: the most critical criterion for first place and for any position, by the
    smallest relative and absolute change; returns the row under its note."""
    st, L, res = cx.st, cx.L, cx.res
    w_now = cx.dm.weight_of
    share = res.most_critical.get("share") or {}  # one definition of critical: the share, others rescaled
    row = write_section(ws, st, row, L.t("Most critical criteria"), span=10)
    what = [
        ("top", "percent", N_("First place, smallest relative change")),
        ("top", "absolute", N_("First place, smallest absolute change")),
        ("any", "percent", N_("Any position, smallest relative change")),
        ("any", "absolute", N_("Any position, smallest absolute change")),
    ]
    rows: list[list[Any]] = []
    for scope, kind, label in what:
        pick = (share.get(scope) or {}).get(kind)
        if not pick:
            rows.append([L.t(label), L.t("none: no single weight change does it"), "", None, None, None])
            continue
        rows.append(
            [
                L.t(label),
                cx.cname(pick["criterion"]),
                _pair(cx, pick["sites"]),
                w_now[pick["criterion"]],
                pick["new_weight"],
                pick["share_relative"] if pick["share_relative"] is not None else L.t("n/a"),
            ]
        )
    columns = [
        Column(L.t("Most critical for"), wrap=True),
        Column(L.t("Criterion"), wrap=True),
        Column(L.t("Sites that swap"), wrap=True),
        Column(L.t("Weight now"), FMT_PCT1),
        Column(L.t("Weight at the swap (rescaled)"), FMT_PCT1),
        Column(L.t("Relative change"), FMT_SIGNED_PCT),
    ]
    tr = write_columns(ws, st, row, columns, rows, header_height=30)
    return add_note(
        ws,
        st,
        tr.last_row + 1,
        L.t(
            "One measure throughout this workbook: a weight's share of the total, the other weights "
            "rescaled in proportion (as on the Weight sweeps sheet, whose crossovers are the 'weight "
            "at the swap'); relative change = (weight at the swap − weight now) / weight now. A "
            "criterion needing a small relative change is the one whose weight most needs the "
            "stakeholders' agreement. The pairs are Triantaphyllou & Sánchez's (1997); their δ, the "
            "change with the other weights unchanged before rescaling, is in the last table."
        ),
        span=10,
    )


def _write_criticality(ws: Worksheet, cx: SheetContext, row: int) -> int:
    """Section 2: each criterion's criticality degree and sensitivity coefficient, and who
    would take first place; returns the row under its note."""
    st, L, res = cx.st, cx.L, cx.res
    w_now, mc = cx.dm.weight_of, res.most_critical
    row = write_section(ws, st, row, L.t("Criticality of each criterion"), span=10)
    rows: list[list[Any]] = []
    for cid in cx.dm.criterion_ids:
        deg = (mc.get("criteria") or {}).get(cid, {})
        mine = [c for c in res.weight_changes if c.criterion == cid and c.share_relative is not None]
        tops = [c for c in mine if c.ranks[0] == 1]
        top = min(tops, key=lambda c: abs(c.share_relative or 0.0)) if tops else None
        other = None
        if top is not None:
            other = top.sites[1] if top.sites[0] == res.leader else top.sites[0]
        rows.append(
            [
                cx.cname(cid),
                cx.name[other] if other else L.t("none"),
                w_now[cid],
                deg.get("criticality_share") if deg.get("criticality_share") is not None else L.t("none"),
                deg.get("sensitivity_share") if deg.get("sensitivity_share") is not None else "",
                top.share_relative if top else L.t("none"),
            ]
        )
    columns = [
        Column(L.t("Criterion"), wrap=True),
        Column(L.t("First place would go to"), wrap=True, span=2),  # over B-C: one line
        Column(L.t("Weight now"), FMT_PCT1),
        Column(L.t("Criticality degree"), FMT_PCT1),
        Column(L.t("Sensitivity coefficient"), "0.00"),
        Column(L.t("Relative change for first place"), FMT_SIGNED_PCT),
    ]
    tr = write_columns(ws, st, row, columns, rows, header_height=44)
    for q, values in enumerate(rows):  # 'none' where a number would be: aligned like one
        for j, c in ((3, 5), (5, 7)):
            if isinstance(values[j], str):
                style_cell(ws.cell(row=tr.first_row + q, column=c), align=st.right)
    coefs = [r[4] for r in rows if isinstance(r[4], float)]
    if coefs:
        color_scale(ws, tr.col_ref(6), low=0, high=max(coefs))
    return add_note(
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


def _write_weight_swaps(ws: Worksheet, cx: SheetContext, row: int) -> int:
    """Section 3: the smallest weight change that swaps each pair of sites (the
    MAX_WEIGHT_CHANGES smallest); returns the row under its notes."""
    st, L, res = cx.st, cx.L, cx.res
    w_now = cx.dm.weight_of

    row = write_section(ws, st, row, L.t("Smallest weight change that swaps two sites"), span=10)

    def size(w: Any) -> tuple[float, float]:
        return (abs(w.share_relative) if w.share_relative is not None else math.inf, abs(w.share_change))

    ordered = sorted(res.weight_changes, key=size)
    changes = ordered[:MAX_WEIGHT_CHANGES]
    rows = [
        [
            cx.cname(w.criterion),
            cx.name[w.sites[0]],
            cx.name[w.sites[1]],
            w.ranks[0],
            w.ranks[1],
            w_now[w.criterion],
            w.new_weight,
            w.share_relative if w.share_relative is not None else L.t("n/a"),
            w.delta,
        ]
        for w in changes
    ]
    columns = [
        Column(L.t("Criterion"), wrap=True),
        Column(L.t("Site ahead now"), wrap=True),
        Column(L.t("Site behind now"), wrap=True),
        Column(L.t("Rank of the site ahead"), "0"),
        Column(L.t("Rank of the site behind"), "0"),
        Column(L.t("Weight now"), FMT_PCT1),
        Column(L.t("Weight at the swap (rescaled)"), FMT_PCT1),
        Column(L.t("Relative change"), FMT_SIGNED_PCT),
        Column(L.t("T&S δ (others unchanged)"), FMT_SIGNED),
    ]
    tr = write_columns(ws, st, row, columns, rows, header_height=44)
    center_cells(ws, st, range(tr.first_row, tr.last_row + 1), range(4, 6))
    if not tr.empty:
        highlight_if(ws, f"A{tr.first_row}:I{tr.last_row}", f"$D{tr.first_row}=1", st)
    notes = [
        L.t(
            "Sorted by the size of the relative change. Shaded: first place is at stake. 'Weight at "
            "the swap' is the weight after all weights are rescaled to 100%: the crossover on the "
            "Weight sweeps sheet. T&S δ: Triantaphyllou & Sánchez's change of the weight with the "
            "other weights unchanged before all are rescaled (the same swap, another unit)."
        )
    ]
    if len(res.weight_changes) > len(changes):
        notes.append(L.t("The {k} smallest of {n} changes.", k=len(changes), n=len(res.weight_changes)))
    if not changes:
        notes.append(L.t("No single weight change swaps any two sites."))
    if (listed := cx.listed_note()) is not None:
        notes.append(listed)
    return add_notes(ws, st, tr.last_row + 1, notes, span=10)


def _write_fact_changes(ws: Worksheet, cx: SheetContext, row: int) -> int:
    """Section 4: the smallest change of one fact that lifts a site one place or to first
    place (the first MAX_DATA_CHANGES); returns the row under its notes."""
    st, L, res = cx.st, cx.L, cx.res
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
                (d.change / d.current_value) if d.current_value and d.change is not None else L.t("n/a"),
                c.unit.replace("^2", "²") or "-",
                L.t("out of reach") if d.out_of_reach else "",
            ]
        )
    columns = [
        Column(L.t("Site"), wrap=True),
        Column(L.t("Criterion"), wrap=True),
        Column(L.t("Value now is"), wrap=True),
        Column(L.t("Rank now"), "0"),
        Column(L.t("Goal"), wrap=True),
        Column(L.t("Value now")),  # these three: the row's own format (below)
        Column(L.t("Value needed")),
        Column(L.t("Change")),
        Column(L.t("Change (% of now)"), FMT_SIGNED_PCT),
        Column(L.t("Unit"), wrap=True),
        Column(L.t("Reach"), wrap=True),
    ]
    tr = write_columns(ws, st, row, columns, rows, header_height=30)
    row_formats(ws, tr.first_row, fmts, (6, 7, 8))
    center_cells(ws, st, range(tr.first_row, tr.last_row + 1), range(4, 5))
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
    last = cx.searched_top or len(cx.order)  # sites below the best --top were not searched
    stuck = [
        cx.name[sid]
        for sid in (cx.dm.site_ids[i] for i in cx.order)
        if 1 < cx.rank[sid] <= last and not any(d.site == sid and d.target == "first" for d in found)
    ]
    if cx.searched_top is not None:
        notes.append(L.t("Searched only for the sites ranked {k} or better.", k=cx.searched_top))
    if any(d.out_of_reach for d in shown):
        notes.append(
            L.t(
                "Out of reach: the value needed lies outside the criterion's observed range widened "
                "by its own width on each side (or outside its fixed scale). Far outside anything "
                "observed, it is no plan to act on: this fact alone cannot decide the ranking."
            )
        )
    if stuck:
        notes.append(
            L.t(
                "No single fact change lifts {sites} to first place (searched up to 10× the observed range).",
                sites=", ".join(stuck),
            )
        )
    if len(found) > len(shown):
        notes.append(L.t("The first {k} of {n} changes.", k=len(shown), n=len(found)))
    return add_notes(ws, st, row, notes, span=10)
