"""The Data quality and Sources sheets (Run info is in :mod:`.sheets_runinfo`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..matrix import DecisionMatrix, ExcludedCriterion, NotComparable
from ..model import Criterion, Site
from .i18n import Lang
from .layout import (
    FMT_DATE,
    Column,
    Styles,
    add_note,
    char_units,
    date_format,
    finish_sheet,
    keep_together,
    new_sheet,
    number_format,
    put,
    safe_url,
    set_widths,
    style_cell,
    text_width,
    write_columns,
    write_section,
    write_table,
)
from .plain_tables import ReportData
from .sheets_matrix import FLAG_ORDER, imputation_text, observed_count

__all__ = [
    "write_quality",
    "write_sources",
    "why_sits_out",
    "why_not_comparable",
    "not_comparable_rows",
]


# ------------------------------------------------------------------------- Data quality
def _treatment(L: Lang, data: ReportData, kind: str, sid: str, cid: str) -> str:
    c = next(x for x in data.criteria if x.id == cid)
    cell = data.cell(sid, cid)
    f = cell.fact
    if kind == "missing" and cell.unknown:
        return L.t(
            "unknown (missing: interval): anywhere from {low} to {high}; the point ranking takes "
            "{value}, the worst end (no credit without evidence), and the rank intervals let it move",
            low=L.num(cell.low),
            high=L.num(cell.high, c.unit),
            value=L.num(cell.value, c.unit),
        )
    if kind == "missing":
        return L.t(
            "filled in by the '{policy}' policy: {value}, {why}",
            policy=c.missing,
            value=L.num(cell.value, c.unit),
            why=imputation_text(L, c, cell, observed_count(data, c)),
        )
    assert f is not None
    if kind == "plan":
        return L.t("used as given (a plan, not yet built or measured)")
    if kind == "estimate":
        return L.t("used as given (an estimate)")
    if kind == "claim":
        return L.t("used as given (a claim by an interested party, not measured)")
    if kind == "range":
        return L.t(
            "point value {value} used (range {low} to {high}); the range is kept for "
            "the sensitivity analysis",
            value=L.num(cell.value, c.unit),
            low=L.num(cell.low),
            high=L.num(cell.high, c.unit),
        )
    if kind == "computed":
        return L.t("used as given; computed: {method}", method=f.method or L.t("no method given"))
    if kind == "stale":
        age = (data.as_of - f.as_of).days / 365.25
        return L.t(
            "used as given; dated {date}, {age:.1f} years before {as_of} (stale after {years:g} years)",
            date=f.as_of_text,
            age=age,
            as_of=data.as_of.isoformat(),
            years=data.study.criteria_set.stale_after_years,
        )
    if kind == "clipped":
        assert c.anchors is not None  # a value is clipped only against a fixed scale
        lo_end, hi_end = sorted(c.anchors)
        anchor = lo_end if cell.value < lo_end else hi_end
        return L.t(
            "outside the fixed scale {worst} to {best}; counts as {anchor}",
            worst=L.num(lo_end),
            best=L.num(hi_end, c.unit),
            anchor=L.num(anchor, c.unit),
        )
    return ""


def write_quality(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    """Add the Data quality sheet: the flags of each site and criterion at a glance, every flag
    with how it was treated, the criteria and facts not used, and the screened-out sites."""
    dm = data.dm
    subtitle = L.t(
        "For each site and criterion: which values are missing, planned, estimated, ranges, "
        "computed or stale, and how each was treated in the ranking."
    )
    ws, row = new_sheet(wb, st, L.sheet("quality"), L.t("Data quality"), subtitle)
    row = _flag_overview(ws, st, L, data, row)
    row = _flag_details(ws, st, L, data, row)
    row = _not_used(ws, st, L, data, row)
    if dm.excluded:
        row = write_section(ws, st, row, L.t("Screened-out sites"), span=8)
        rows = [[L.site_name(data.site(s)), why] for s, why in dm.excluded]
        tr = write_table(ws, st, row, [L.t("Site"), L.t("Reason")], rows, wrap=[True, False])
        row = tr.last_row + 2
    finish_sheet(ws, st, freeze="C5", page_label=L.t("Page &P of &N"))
    return ws


def _flag_overview(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """One row per site: its flags on each criterion (filled as on the Decision matrix)."""
    dm, crits = data.dm, data.criteria
    row = write_section(ws, st, row, L.t("Overview"), span=8)
    headers = [L.t("Rank"), L.t("Site"), *[L.crit(c) for c in crits], L.t("Criteria with a sourced value")]
    rows = []
    for i in data.order:
        sid = dm.site_ids[i]
        tags = []
        for c in crits:
            flags = data.flags_of(sid, c.id)
            tags.append(", ".join(L.flag(f) for f in flags) if flags else "✓")
        covered = sum(1 for c in crits if not dm.cell(sid, c.id).missing)
        rows.append([data.rank_of(i), L.site_name(data.site(sid)), *tags, f"{covered}/{len(crits)}"])
    wrap = [False, True, *[True] * len(crits)]
    tr = write_table(ws, st, row, headers, rows, wrap=wrap, header_height=44, band=False)
    centred = Alignment(horizontal="center", vertical="top", wrap_text=True)
    for k, i in enumerate(data.order):
        sid = dm.site_ids[i]
        style_cell(ws.cell(row=tr.first_row + k, column=1), align=st.center)
        style_cell(ws.cell(row=tr.first_row + k, column=3 + len(crits)), align=st.center)
        for j, c in enumerate(crits):
            flags = data.flags_of(sid, c.id)
            kind = next((f for f in FLAG_ORDER if f in flags), None)
            style_cell(
                ws.cell(row=tr.first_row + k, column=3 + j),
                align=centred,
                fill=st.flag_fill[kind] if kind else None,
                font=st.stale if "stale" in flags else None,
            )
    widths: dict[int | str, float] = {1: 6, 2: 32}
    for col in range(3, max(12, 4 + len(crits))):
        widths[col] = 15  # the overview's criteria and the detail table below share columns
    set_widths(ws, widths)
    note = L.t(
        "✓ = a sourced, current value. Fills as on the Decision matrix: rose = missing, lilac "
        "= planned, green = estimated, blue = range; italic brown = stale."
    )
    return add_note(ws, st, tr.last_row + 1, note, col=2, span=max(7, len(crits) + 1)) + 1


FLAG_KINDS = ("missing", "plan", "claim", "estimate", "range", "computed", "stale", "clipped")


def _flag_details(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """Every flag, in rank, criterion and kind order, with the value used and how it was treated."""
    dm, crits = data.dm, data.criteria
    detail_start = row
    row = write_section(ws, st, row, L.t("Every flag and how it was treated"), span=11)
    columns = [
        Column(L.t("Rank")),
        Column(L.t("Site"), wrap=True),
        Column(L.t("Criterion"), wrap=True),
        Column(L.t("Flag"), wrap=True),
        Column(L.t("Value used")),
        Column(L.t("How it was treated"), wrap=True, span=3),
        Column(L.t("Source"), wrap=True, span=2),
        Column(L.t("As of"), FMT_DATE),
    ]
    order = {dm.site_ids[i]: k for k, i in enumerate(data.order)}
    crit_index = {c.id: j for j, c in enumerate(crits)}
    flags = sorted(
        data.flags, key=lambda f: (order[f.site], crit_index[f.criterion], FLAG_KINDS.index(f.kind))
    )
    if not flags:
        note = L.t("No flags: every value is a sourced, current, measured point value.")
        return add_note(ws, st, row, note, span=8) + 1
    detail: list[list[Any]] = []
    for f in flags:
        cell = dm.cell(f.site, f.criterion)
        site = data.site(f.site)
        src = site.sources.get(cell.fact.source) if cell.fact else None
        detail.append(
            [
                data.rank_of(data.order[order[f.site]]),
                L.site_name(site),
                L.crit(crits[crit_index[f.criterion]]),
                L.flag(f.kind),
                float(cell.value),
                _treatment(L, data, f.kind, f.site, f.criterion),
                src.title if src else "",
                cell.fact.as_of if cell.fact else None,
            ]
        )
    tr = write_columns(ws, st, row, columns, detail, header_height=30)
    date_col = tr.last_col - columns[-1].span + 1  # the last column, "as of", spans several
    for k, f in enumerate(flags):
        cell = dm.cell(f.site, f.criterion)
        unit = crits[crit_index[f.criterion]].unit
        style_cell(ws.cell(row=tr.first_row + k, column=5), fmt=number_format([cell.value], unit))
        if cell.fact is not None:  # the date as precisely as the profile wrote it
            date_cell = ws.cell(row=tr.first_row + k, column=date_col)
            style_cell(date_cell, fmt=date_format(cell.fact.as_of_precision))
        style_cell(ws.cell(row=tr.first_row + k, column=1), align=st.center)
        c4 = ws.cell(row=tr.first_row + k, column=4)
        if f.kind in st.flag_fill:
            style_cell(c4, fill=st.flag_fill[f.kind])
        elif f.kind == "stale":
            style_cell(c4, font=st.stale)
    # the values carry their unit in the number format: widen the column to the longest
    # (a too-narrow numeric cell shows ### in print)
    longest = max(
        text_width(f"{float(d[4]):,.2f} {crits[crit_index[f.criterion]].unit}")
        for d, f in zip(detail, flags, strict=True)
    )
    set_widths(ws, {5: max(15, longest + 3)})
    # the list is the sheet's main content: it starts on a page of its own unless it fits
    # under the overview (a sheet repeats one range of rows, the title, not this header)
    keep_together(ws, detail_start, tr.last_row)
    return tr.last_row + 2


def why_sits_out(L: Lang, x: ExcludedCriterion) -> str:
    """Why a criterion sits out, in the workbook's language."""
    return L.t(
        "{usable} of {n} sites have a comparable fact ({share}); it needs {need}",
        usable=x.usable,
        n=x.sites,
        share=f"{x.coverage:.0%}",
        need=f"{x.min_coverage:.0%}",
    )


def why_not_comparable(L: Lang, x: NotComparable, c: Criterion) -> str:
    """Why a fact is not used, in the workbook's language."""
    scopes = ", ".join(c.scopes or ())
    if c.accepts_scope(x.scope):
        return L.t("a plan: horizon built compares only what exists")
    if x.scope is None:
        return L.t("no scope recorded; the criterion compares only: {scopes}", scopes=scopes)
    return L.t("another scope; the criterion compares only: {scopes}", scopes=scopes)


def not_comparable_rows(
    L: Lang, dm: DecisionMatrix, criteria: Sequence[Criterion], site_of: Callable[[str], Site]
) -> list[dict[str, str]]:
    """One row per fact not used (another scope, or a plan under horizon built): the site, the
    criterion, the fact as written, its scope, the scopes compared, its status and why."""
    by_id = {c.id: c for c in criteria}
    rows = []
    for x in dm.not_comparable:
        c = by_id[x.criterion]
        site = site_of(x.site)
        fact = site.facts[x.fact]
        rows.append(
            {
                "site": L.site_name(site),
                "criterion": L.crit(c),
                "fact": L.num(fact.value, fact.unit),
                "scope": x.scope or "—",
                "compared": ", ".join(c.scopes) if c.scopes else "—",
                "status": L.status(x.status),
                "reason": why_not_comparable(L, x, c),
            }
        )
    return rows


def _not_used(ws: Worksheet, st: Styles, L: Lang, data: ReportData, row: int) -> int:
    """The criteria that sit out (coverage) and the facts not comparable (scope, horizon)."""
    dm = data.dm
    cs = data.study.criteria_set
    by_id = {c.id: c for c in cs.criteria}
    if dm.excluded_criteria:
        row = write_section(ws, st, row, L.t("Criteria that sit out (too few sites can use them)"), span=8)
        rows = [
            [
                L.crit(by_id[x.criterion]),
                f"{x.usable}/{x.sites}",
                x.coverage,
                x.min_coverage,
                x.weight,
                why_sits_out(L, x),
            ]
            for x in dm.excluded_criteria
        ]
        columns = [  # under the detail table's narrow grid: criterion over A-B
            Column(L.t("Criterion"), wrap=True, span=2),
            Column(L.t("Sites with a comparable fact")),
            Column(L.t("Coverage"), "0%"),
            Column(L.t("Minimum coverage"), "0%"),
            Column(L.t("Weight it had"), "0.0%"),
            Column(L.t("Reason"), wrap=True, span=3),
        ]
        tr = write_columns(ws, st, row, columns, rows, header_height=30)
        note = L.t(
            "A criterion that fewer than its minimum coverage of the sites can use (after "
            "scope and horizon) takes no part in the ranking; its weight is shared among "
            "the criteria that do, in proportion to their weights."
        )
        row = add_note(ws, st, tr.last_row + 1, note, span=8) + 1
    if dm.not_comparable:
        title = L.t("Facts not used: another scope, or a plan under horizon built")
        row = write_section(ws, st, row, title, span=8)
        rows = [list(x.values()) for x in not_comparable_rows(L, dm, cs.criteria, data.site)]
        columns = [
            Column(L.t("Site"), wrap=True, span=2),
            Column(L.t("Criterion"), wrap=True),
            Column(L.t("Fact as written")),
            Column(L.t("Its scope"), wrap=True),
            Column(L.t("Scopes compared"), wrap=True, span=2),
            Column(L.t("Status")),
            Column(L.t("Why it is not used"), wrap=True, span=2),
        ]
        tr = write_columns(ws, st, row, columns, rows, header_height=30)
        row = tr.last_row + 2
    return row


# ------------------------------------------------------------------------------ Sources
SOURCE_KEY_MAX_WIDTH = 34.0  # a longer key wraps (at a hyphen where it has one)


def key_units(text: str) -> float:
    """Printed width of ``text`` in units of column width (Arial, as the sheet prints it)."""
    return sum(char_units(ch) for ch in text)


def short_url(url: str, limit: float = 36.0) -> str:
    """``https://ko.wikipedia.org/wiki/%EB%8C%80...`` -> ``ko.wikipedia.org/wiki/대덕…``: the
    address without its scheme, percent-escapes decoded, cut to ``limit`` characters wide."""
    from urllib.parse import unquote

    text = unquote(url.split("://", 1)[-1], errors="replace")
    if text_width(text) <= limit:
        return text
    out, used = [], 0.0
    for ch in text:
        w = text_width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def write_sources(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    """Add the Sources sheet: every source a site profile names, with its link and the facts
    that come from it."""
    dm = data.dm
    subtitle = L.t(
        "Every source named by a site profile: title, publisher, date, link, and which "
        "facts come from it."
    )
    ws, row = new_sheet(wb, st, L.sheet("sources"), L.t("Sources"), subtitle)
    used_facts = {c.fact for c in data.criteria}
    sites = [data.site(s) for s in data.ranked_ids]
    sites += [data.site(s) for s, _ in dm.excluded]
    headers = [
        L.t("Site"),
        L.t("Source key"),
        L.t("Title"),
        L.t("Publisher"),
        L.t("Date"),
        L.t("Link"),
        L.t("Facts used in the comparison"),
        L.t("Other facts"),
    ]
    rows = []
    keys: list[str] = []
    urls = []
    precisions = []
    for site in sites:
        for key, src in sorted(site.sources.items(), key=lambda kv: (kv[1].date, kv[0])):
            facts = [k for k, f in site.facts.items() if f.source == key]
            used = [k for k in facts if k in used_facts]
            other = [k for k in facts if k not in used_facts]
            rows.append(
                [
                    L.site_name(site),
                    key,
                    src.title,
                    src.publisher or "",
                    src.date,
                    short_url(src.url) if src.url else "",
                    ", ".join(used),
                    ", ".join(other),
                ]
            )
            keys.append(key)
            urls.append(src.url)
            precisions.append(src.date_precision)
    formats = [None, None, None, None, FMT_DATE, None, None, None]
    wrap = [True, True, True, True, False, True, True, True]
    tr = write_table(ws, st, row, headers, rows, formats=formats, wrap=wrap, header_height=30)
    for k, precision in enumerate(precisions):  # the date as precisely as the profile wrote it
        style_cell(ws.cell(row=tr.first_row + k, column=5), fmt=date_format(precision))
    for r, url in enumerate(urls, start=tr.first_row):
        cell = ws.cell(row=r, column=6)
        link = safe_url(url)
        if link:
            cell.hyperlink = link
            style_cell(cell, font=st.link)
        elif url:
            put(ws, r, 6, url, font=st.font, align=st.wrap, border=st.box)
    # source keys are single words (wikipedia-daedeok-science-town): as wide as the longest
    # (within reason), so that none breaks inside; the title, publisher and other-facts columns
    # (wrapped prose) give back about half of it, so the printed scale stays about the same
    key_width = min(SOURCE_KEY_MAX_WIDTH, max([18.0, *(key_units(k) + 1.5 for k in keys)]))
    extra = key_width - 18.0
    set_widths(
        ws,
        {
            1: 26,
            2: key_width,
            3: 44 - extra * 0.25,
            4: 20 - extra * 0.125,
            5: 11,
            6: 38,
            7: 24,
            8: 30 - extra * 0.125,
        },
    )
    note = L.t(
        "Links show the web site and the start of the address; click to "
        "open the full address. Only web (http, https) and mail links are "
        "made clickable; anything else is shown as text."
    )
    add_note(ws, st, tr.last_row + 2, note, span=6)
    title_rows = (tr.header_row, tr.header_row)
    finish_sheet(ws, st, freeze=f"C{tr.first_row}", title_rows=title_rows, page_label=L.t("Page &P of &N"))
    return ws
