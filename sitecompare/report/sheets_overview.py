"""The Summary and Ranking sheets: what was compared, how, the result and its caveats.

The sentences they share with other sheets are in :mod:`.overview_text`.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from .i18n import N_, Lang
from .layout import (
    FMT_NATIVE,
    FMT_SCORE,
    Styles,
    TableRange,
    add_note,
    data_bar,
    finish_sheet,
    highlight_if,
    merge,
    new_sheet,
    put,
    set_widths,
    style_cell,
    text_width,
    unit_display,
    write_kv,
    write_section,
    write_table,
    write_title,
)
from .overview_text import (
    caveats,
    coverage_text,
    headline_lines,
    horizon_text,
    interval_note,
    interval_text,
    method_text,
    provenance_text,
    scenario_name,
    view_note,
    weights_text,
)
from .plain_tables import ReportData

SCORE_LABELS = {"score": N_("Score"), "closeness": N_("Closeness"), "Q": N_("Q"), "net flow": N_("Net flow")}

__all__ = ["write_summary", "write_ranking", "method_text", "weights_text", "scenario_name"]


def _gaps(data: ReportData) -> dict[int, float | None]:
    """Site index -> its lead in 0-100 points over the site ranked just below (None for the last)."""
    out: dict[int, float | None] = {}
    order = list(data.order)
    for k, i in enumerate(order):
        out[i] = float(data.view[i] - data.view[order[k + 1]]) if k + 1 < len(order) else None
    return out


def _rank_range(data: ReportData, i: int) -> str:
    """'2–4': the ranks of site ``i`` across the scenarios and methods (and this workbook's)."""
    ranks = [int(r) for r in data.scenarios.ranks[i]]
    ranks += [int(m.ranks[i]) for m in data.methods if m.ranks is not None]
    ranks.append(data.rank_of(i))
    lo, hi = min(ranks), max(ranks)
    return f"{lo}" if lo == hi else f"{lo}–{hi}"


def _site_cells(data: ReportData, L: Lang, i: int) -> list[Any]:
    """The first cells of a site's row on Summary and Ranking: rank, name, other name, score."""
    site = data.site(data.dm.site_ids[i])
    return [data.rank_of(i), L.site_name(site), L.site_alt_name(site), float(data.view[i])]


def _centre_columns(ws: Worksheet, st: Styles, tr: TableRange, n_rows: int, columns: list[int]) -> None:
    """Centre the cells of ``columns`` in the table's ``n_rows`` data rows."""
    for k in range(n_rows):
        for c in columns:
            style_cell(ws.cell(row=tr.first_row + k, column=c), align=st.center)


def _bullets(ws: Worksheet, st: Styles, row: int, texts: list[str]) -> int:
    """One bulleted paragraph per text (the bullet in column A, the text over B..H)."""
    for text in texts:
        put(ws, row, 1, "•", font=st.bold, align=Alignment(horizontal="right", vertical="top"))
        row = add_note(ws, st, row, text, col=2, span=7, font=st.font)
    return row


# ------------------------------------------------------------------------------ Summary
def write_summary(ws: Worksheet, wb: Workbook, st: Styles, L: Lang, data: ReportData) -> None:
    """Fill the (already created, first) Summary sheet; call after every other sheet exists so
    the "how to read" list names them all."""
    cs, dm, r = data.study.criteria_set, data.dm, data.ranking
    set_widths(ws, {1: 6, 2: 34, 3: 30, 4: 13, 5: 13, 6: 16, 7: 12, 8: 12})
    n, m = len(dm.site_ids), len(dm.criteria)
    title = L.t("Site comparison: {name}", name=L.criteria_set(cs))
    sub = L.t(
        "{sites} compared on {crits} with {method}; prepared {date} with sitecompare {version}",
        sites=L.nt("{n} site", "{n} sites", n),
        crits=L.nt("{n} criterion", "{n} criteria", m),
        method=L.t(r.info.title),
        date=data.generated.date().isoformat(),
        version=__version__,
    )
    row = write_title(ws, st, title, sub)
    row = _result_at_a_glance(ws, st, L, data, row)
    row = _top_sites(ws, st, L, data, row)
    row = _firsts(ws, st, L, data, row)
    row = _what_was_compared(ws, st, L, data, row)
    row = _how_ranked(ws, st, L, data, row)
    row = write_section(ws, st, row, L.t("Caveats that matter"), span=8)
    row = _bullets(ws, st, row, caveats(data, L))
    _how_to_read(ws, wb, st, L, row + 1)
    finish_sheet(ws, st, page_label=L.t("Page &P of &N"), tab_colour="1F3864")
    ws.sheet_view.showGridLines = False


def _result_at_a_glance(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """The answer first: the headline, the points between the first two, the builder's lines."""
    dm = data.dm
    n = len(dm.site_ids)
    row = write_section(ws, st, row, L.t("The result at a glance"), span=8)
    order = list(data.order)
    lead = order[0]
    lead_name = L.site_name(data.site(dm.site_ids[lead]))
    sentences = headline_lines(data, L)
    if n < 2:
        sentences = [L.t("{a} is the only site left in the comparison.", a=lead_name)]
    row = add_note(ws, st, row, sentences[0], span=8, font=st.big)
    for text in sentences[1:]:
        row = add_note(ws, st, row, text, span=8, font=st.font)
    if n >= 2:
        second = order[1]
        second_name = L.site_name(data.site(dm.site_ids[second]))
        if data.rank_of(second) == data.rank_of(lead):
            points = L.t(
                "Points: {a} and {b} tie ({s:.1f} of 100).", a=lead_name, b=second_name, s=data.view[lead]
            )
        else:
            points = L.t(
                "Points: {a} has {s:.1f} of 100, {g:.1f} ahead of {b}.",
                a=lead_name,
                s=data.view[lead],
                g=_gaps(data)[lead] or 0.0,
                b=second_name,
            )
        row = add_note(ws, st, row, points, span=8, font=st.font)
    # further one-line answers from the builder, e.g. the sensitivity headline
    lines = data.extra.get("summary_lines")  # a list of str (xlsx.build_workbook)
    for line in lines if isinstance(lines, list) else ():
        row = add_note(ws, st, row, str(line), span=8, font=st.font)
    return row + 1


def _top_sites(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """The first ten sites: rank, names, score, could-rank and the rank range."""
    order = list(data.order)
    top = order[: min(len(order), 10)]
    headers = [
        L.t("Rank"),
        L.t("Site"),
        L.t("English name") if L.ko else L.t("Local name"),
        L.t("Score (0-100)"),
        L.t("Could rank (uncertain facts)"),
        L.t("Rank range across scenarios and methods"),
    ]
    rows = [[*_site_cells(data, L, i), interval_text(data, i), _rank_range(data, i)] for i in top]
    formats = [None, None, None, FMT_SCORE, None, None]
    wrap = [False, True, True, False, False, False]
    tr = write_table(ws, st, row, headers, rows, formats=formats, wrap=wrap, header_height=32)
    if not tr.empty:
        data_bar(ws, tr.col_ref(4))
        _centre_columns(ws, st, tr, len(rows), [1, 5, 6])
    row = tr.last_row + 1
    if len(order) > len(top):
        n = len(data.dm.site_ids)
        note = L.t("The first {k} of {n} sites; the Ranking sheet lists all.", k=len(top), n=n)
        row = add_note(ws, st, row, note, span=8)
    return row


def _firsts(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """First place under each weight scenario and under each method; what the score means."""
    dm, r = data.dm, data.ranking
    firsts = []
    for j, col in enumerate(data.scenarios.columns):
        winners = [
            L.site_name(data.site(s))
            for i, s in enumerate(data.scenarios.site_ids)
            if data.scenarios.ranks[i, j] == 1
        ]
        firsts.append(f"{scenario_name(L, col, data.study.criteria_set)}: {', '.join(winners)}")
    text = L.t("First place under each weight scenario ({method}): ", method=r.method.name)
    text += "; ".join(firsts)
    row = add_note(ws, st, row + 1, text, span=8, font=st.font)
    mfirst = []
    for mc in data.methods:
        if mc.ranks is None:
            mfirst.append(f"{mc.label}: {L.t('could not run')}")
            continue
        winners = [L.site_name(data.site(sid)) for i, sid in enumerate(dm.site_ids) if mc.ranks[i] == 1]
        mfirst.append(f"{mc.label}: {', '.join(winners)}")
    text = L.t("First place under each method (same weights): ") + "; ".join(mfirst)
    row = add_note(ws, st, row, text, span=8, font=st.font)
    row = add_note(ws, st, row, view_note(data, L), span=8)
    return add_note(ws, st, row, interval_note(data, L), span=8) + 1


def _what_was_compared(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """The sites, the screened-out ones, the criteria set, the criteria and the facts' date."""
    dm, cs = data.dm, data.study.criteria_set
    row = write_section(ws, st, row, L.t("What was compared"), span=8)
    ranked = [L.site_name(data.site(s)) for s in data.ranked_ids]
    excluded = [f"{L.site_name(data.site(s))}: {why}" for s, why in dm.excluded]
    pairs = [
        (L.t("Sites compared"), f"{len(dm.site_ids)}: " + "; ".join(ranked)),
        (L.t("Screened out"), "; ".join(excluded) if excluded else L.t("none")),
        (
            L.t("Criteria set"),
            f"{L.criteria_set(cs)} ({cs.path})" + (f"\n{cs.description}" if cs.description else ""),
        ),
        (
            L.t("Criteria"),
            "; ".join(f"{L.crit(c)} ({unit_display(c.unit) or '-'}, {L.better(c)})" for c in dm.criteria),
        ),
        (
            L.t("Facts as of"),
            L.t(
                "{date}; facts older than {years:g} years count as stale",
                date=data.as_of.isoformat(),
                years=cs.stale_after_years,
            ),
        ),
    ]
    return write_kv(ws, st, row, pairs, col=2, span=6) + 1


def _how_ranked(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """The method, its conventions and reference, the weights, horizon, coverage and policies."""
    dm, cs, info = data.dm, data.study.criteria_set, data.ranking.info
    row = write_section(ws, st, row, L.t("How they were ranked"), span=8)
    prov = provenance_text(data, L)
    weights = "; ".join(f"{L.crit(c)} {dm.weight_of[c.id]:.1%}" for c in dm.criteria)
    pairs = [
        (L.t("Method"), method_text(data, L) + "\n" + L.t(info.description)),
        (L.t("Cost criteria"), L.t(info.cost_convention)),
        (L.t("Reference"), info.reference),
        (L.t("Weights from"), weights_text(data, L) + (f" ({prov})" if prov else "")),
        (L.t("Weights set by"), cs.weights_by or L.t("not recorded (weights_by in the criteria file)")),
        (L.t("Weights"), weights),
        (L.t("Horizon"), horizon_text(data, L)),
        (L.t("Coverage"), coverage_text(data, L)),
        (L.t("Missing values"), "; ".join(f"{L.crit(c)}: {L.policy(c.missing)}" for c in dm.criteria)),
    ]
    return write_kv(ws, st, row, pairs, col=2, span=6) + 1


def _how_to_read(ws: Worksheet, wb: Workbook, st: Styles, L: Lang, row: int) -> int:
    """Every other sheet, linked, with its one-line description; then how to read them."""
    row = write_section(ws, st, row, L.t("How to read this workbook"), span=8)
    for other in wb.worksheets:
        if other is ws:
            continue
        desc = other.cell(row=2, column=1).value or ""
        cell = put(ws, row, 2, other.title, font=st.link, align=st.top)
        # an in-workbook link: a location, not an external target (Excel opens those in a browser)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{other.title}'!A1", display=other.title)
        row = add_note(ws, st, row, str(desc), col=3, span=6, font=st.font)
    legend = [
        L.t(
            "Every sheet stands on its own: its title says what it shows and its notes say how "
            "to read it. Sites appear in rank order on every sheet."
        ),
        L.t(
            "Hover over a value on the Decision matrix for its source, date and status. Shaded "
            "values are missing (imputed), planned, estimated or ranges; the legend is under the "
            "matrix."
        ),
        L.t(
            "On the What-if sheet the yellow cells are inputs: change a weight or a value and "
            "the scores and ranks recalculate (weighted sum)."
        ),
    ]
    return _bullets(ws, st, row, legend)


# ------------------------------------------------------------------------------ Ranking
def write_ranking(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    """Add the Ranking sheet: every site in rank order with its score, native score, gap,
    could-rank interval, built-only rank, and its rank under each scenario and method."""
    r = data.ranking
    subtitle = L.t(
        "All sites in rank order under {method}, with their rank under each weight scenario "
        "and under each built-in method.",
        method=method_text(data, L),
    )
    ws, row = new_sheet(wb, st, L.sheet("ranking"), L.t("Ranking"), subtitle)
    native = L.t(SCORE_LABELS.get(r.info.score_label, r.info.score_label))
    native_h = L.t("{label} ({method})", label=native, method=r.method.name)
    if not r.output.higher_is_better:
        native_h += " " + L.t("lower is better")
    details = list(r.output.details)
    headers = [
        L.t("Rank"),
        L.t("Site"),
        L.t("English name") if L.ko else L.t("Local name"),
        L.t("Score (0-100)"),
        native_h,
        *details,
        L.t("Gap to next"),
        L.t("Could rank (uncertain facts)"),
    ]
    if data.built is not None:
        headers.append(L.t("Rank, built only (plans set aside)"))
    first_group = len(headers) + 1
    headers += [scenario_name(L, c, data.study.criteria_set) for c in data.scenarios.columns]
    second_group = len(headers) + 1
    headers += [mc.label + (" *" if mc.in_force else "") for mc in data.methods]
    rows = _ranking_rows(data, L, details)
    # group headers over the scenario and method columns
    groups = [
        (first_group, second_group - 1, L.t("Rank under each weight scenario")),
        (second_group, len(headers), L.t("Rank under each method (same weights)")),
    ]
    for start, end, label in groups:
        put(ws, row, start, label, font=st.header, fill=st.header_fill, align=st.wrap_center)
        merge(ws, row, start, row, end)
    formats = [None, None, None, FMT_SCORE, FMT_NATIVE, *[FMT_NATIVE] * len(details), FMT_SCORE, None]
    wrap = [False, True, True, False]
    tr = write_table(ws, st, row + 1, headers, rows, formats=formats, wrap=wrap, header_height=44)
    if not tr.empty:
        data_bar(ws, tr.col_ref(4))
        _centre_columns(ws, st, tr, len(rows), [1, *range(first_group, len(headers) + 1)])
        first = f"{get_column_letter(first_group)}{tr.first_row}"
        last = f"{get_column_letter(len(headers))}{tr.last_row}"
        highlight_if(ws, f"{first}:{last}", f"AND(ISNUMBER({first}),{first}<>$A{tr.first_row})", st)
    _ranking_widths(ws, st, tr, headers, len(details), first_group, len(rows))
    row = tr.last_row + 2
    for text in _ranking_notes(data, L):
        row = add_note(ws, st, row, text, span=min(len(headers), 12))
    title_rows = (tr.header_row - 1, tr.header_row)  # the group headers and the headers
    finish_sheet(ws, st, freeze=f"C{tr.first_row}", title_rows=title_rows, page_label=L.t("Page &P of &N"))
    return ws


def _ranking_rows(data: ReportData, L: Lang, details: list[str]) -> list[list[Any]]:
    """One row per site in rank order, as the Ranking sheet's headers list them."""
    dm, out, built = data.dm, data.ranking.output, data.built
    built_rank: dict[str, int] = {}
    if built is not None:
        built_rank = {s: int(built.output.ranks[k]) for k, s in enumerate(built.matrix.site_ids)}
    gaps = _gaps(data)
    rows = []
    for i in data.order:
        rows.append(
            [
                *_site_cells(data, L, i),
                float(out.scores[i]),
                *[float(out.details[k][i]) for k in details],
                gaps[i],
                interval_text(data, i),
                *([built_rank.get(dm.site_ids[i], L.t("n/a"))] if built is not None else []),
                *[int(data.scenarios.ranks[i, j]) for j in range(len(data.scenarios.columns))],
                *[int(mc.ranks[i]) if mc.ranks is not None else L.t("n/a") for mc in data.methods],
            ]
        )
    return rows


def _ranking_widths(
    ws: Worksheet,
    st: Styles,
    tr: TableRange,
    headers: list[str],
    n_details: int,
    first_group: int,
    n_rows: int,
) -> None:
    """Column widths of the Ranking sheet (and the centring of the columns between the score's
    detail columns and the scenario ranks)."""
    widths: dict[int | str, float] = {1: 6, 2: 30, 3: 28, 4: 13, 5: 12}  # "Score (0-100)" on one line
    for k in range(n_details):
        widths[6 + k] = 11
    widths[6 + n_details] = 9
    for c in range(7 + n_details, first_group):
        widths[c] = 12
        _centre_columns(ws, st, tr, n_rows, [c])
    for c in range(first_group, len(headers) + 1):
        head = str(headers[c - 1])
        width = max(11.0, min(13.0, text_width(head) * 0.6 + 2))
        # a word wraps nowhere but after a hyphen: the column holds the longest piece
        longest = max(re.findall(r"[^\s-]+-?", head), key=text_width, default="")
        widths[c] = max(width, min(16.0, text_width(longest) * 1.1 + 1.5))
    set_widths(ws, widths)


def _ranking_notes(data: ReportData, L: Lang) -> list[str]:
    """The notes under the Ranking table: the score, the gap, could-rank, built-only, the
    scenario and method columns, and why a method could not rank the data."""
    r = data.ranking
    notes = [
        view_note(data, L),
        L.t(
            "Gap to next: the difference in 0-100 points to the site ranked just below. "
            "Ties share the better rank (1, 1, 3)."
        ),
        interval_note(data, L),
    ]
    if data.built is not None:
        notes.append(
            L.t(
                "Rank, built only: the same weights and method with every planned figure set "
                "aside (horizon built): what the sites offer today."
            )
        )
    notes += [
        L.t(
            "Rank under each weight scenario: the same method ({method}) with each named weight "
            "profile of the criteria file; '(base weights)' are the criteria file's own "
            "weights. The Weights sheet shows each profile.",
            method=r.method.name,
        ),
        L.t(
            "Rank under each method: the same weights and data ranked by each built-in method "
            "with its published default settings (* = the method of this workbook). Shaded "
            "ranks differ from the rank in the first column."
        ),
    ]
    crit_by_id = {c.id: c for c in data.dm.criteria}
    for mc in data.methods:
        if mc.error:
            why = (
                L.skip_reason(
                    mc.skip,
                    site=lambda sid: L.site_name(data.site(sid)),
                    crit=lambda cid: L.crit(crit_by_id[cid]),
                )
                if mc.skip
                else mc.error
            )
            notes.append(L.t("{method} could not rank these data: {why}", method=mc.label, why=why))
    return notes
