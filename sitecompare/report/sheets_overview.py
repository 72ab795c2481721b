"""The Summary and Ranking sheets: what was compared, how, the result and its caveats."""

from __future__ import annotations

import re
from collections import defaultdict

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from ..headline import headline_sentences
from ..model import CriteriaSet
from ..scenarios import BASE
from .context import ReportData
from .i18n import N_, Lang
from .styles import (
    FMT_NATIVE,
    FMT_SCORE,
    Styles,
    add_note,
    data_bar,
    finish_sheet,
    highlight_if,
    merge,
    put,
    set_widths,
    style_cell,
    text_width,
    unit_display,
    write_section,
    write_table,
    write_title,
)

SCORE_LABELS = {"score": N_("Score"), "closeness": N_("Closeness"), "Q": N_("Q"), "net flow": N_("Net flow")}

__all__ = ["write_summary", "write_ranking", "method_text", "weights_text", "scenario_name"]


def scenario_name(L: Lang, col: str, cs: CriteriaSet) -> str:
    return L.t("(base weights)") if col == BASE else L.scenario(cs, col)


def method_text(data: ReportData, L: Lang) -> str:
    r = data.ranking
    params = dict(r.method.params)
    p = ", ".join(f"{k}={v}" for k, v in params.items())
    return f"{L.t(r.info.title)} ({r.method.name}{': ' + p if p else ''})"


def weights_text(data: ReportData, L: Lang) -> str:
    study = data.study
    src = study.weight_source
    if study.scenario and src == f"scenario {study.scenario}":
        return L.t(
            "scenario '{name}' of the criteria file", name=L.scenario(study.criteria_set, study.scenario)
        )
    if src == "criteria file":
        return L.t("the criteria file's weights")
    return src


def _provenance_text(data: ReportData, L: Lang) -> str | None:
    study = data.study
    if not study.scenario:
        return None
    prov = study.criteria_set.scenario_provenance.get(study.scenario)
    if prov is None:
        return None
    d = dict(prov.detail)
    parts = [L.t("derived by: {method}", method=prov.method)]
    if "cr" in d:
        parts.append(L.t("consistency ratio {cr}", cr=d["cr"]))
    if "participants" in d and isinstance(d["participants"], list):
        parts.append(L.nt("{n} participant", "{n} participants", len(d["participants"])))
    if "source" in d:
        parts.append(str(d["source"]))
    return "; ".join(parts)


def _view_note(data: ReportData, L: Lang) -> str:
    return {
        "wsm": L.t(
            "Score (0-100) = 100 × the weighted sum of normalised values: 100 would mean "
            "best on every criterion, 0 worst on every criterion."
        ),
        "topsis": L.t("Score (0-100) = 100 × TOPSIS closeness to the ideal site."),
        "vikor": L.t(
            "Score (0-100) = 100 × (1 − Q): VIKOR's Q is lower-is-better, so it is "
            "turned round to read like the other methods."
        ),
        "promethee2": L.t("Score (0-100) = 50 × (net flow + 1): a net flow of −1..1 mapped to 0..100."),
        "wpm": L.t("Score (0-100) = 100 × the weighted product relative to the best site."),
        "rescaled": L.t(
            "Score (0-100): the method's scores rescaled so that the best site has 100 and the worst 0."
        ),
    }[data.view_kind]


def headline_lines(data: ReportData, L: Lang) -> list[str]:
    """The headline (sitecompare.headline) in the workbook's language and names."""
    assert data.headline is not None
    crits = {c.id: c for c in data.study.criteria_set.criteria}
    return headline_sentences(
        data.headline,
        t=L.t,
        site=lambda sid: L.site_name(data.site(sid)),
        crit=lambda cid: L.crit(crits[cid]),
        value=L.num,
    )


def interval_text(data: ReportData, i: int) -> str:
    """'2–5' (or '3' when the site cannot move) for site index ``i``."""
    iv = data.ranking.intervals
    if iv is None:
        return str(data.rank_of(i))
    lo, hi = iv.of(i)
    return f"{lo}" if lo == hi else f"{lo}–{hi}"


def interval_note(data: ReportData, L: Lang) -> str:
    iv = data.ranking.intervals
    text = L.t(
        "Could rank: the best and the worst rank each site can take with these weights while "
        "every uncertain fact (a range where sources disagree, or an unknown value within the "
        "criterion's plausible range) moves within its range; ties share the better rank."
    )
    if iv is not None and iv.uncertain:
        text += " " + (
            L.t("Exact (closed form).")
            if iv.exact
            else L.t(
                "Found by sampling {k} configurations (seed {seed}): the true range may be wider.",
                k=f"{iv.configurations:,}",
                seed=iv.seed,
            )
        )
    return text


def horizon_text(data: ReportData, L: Lang) -> str:
    if data.dm.horizon == "built":
        return L.t("built: facts with status plan are set aside and count as missing")
    return L.t("planned: plans count as if built (the Ranking sheet shows the built-only rank beside it)")


def coverage_text(data: ReportData, L: Lang) -> str:
    dm, cs = data.dm, data.study.criteria_set
    crits = {c.id: c for c in cs.criteria}
    text = L.t(
        "a criterion takes part when at least {share} of the sites have a comparable fact",
        share=f"{cs.min_coverage:.0%}",
    )
    if dm.excluded_criteria:
        text += "; " + L.t(
            "sitting out: {names} (see Data quality)",
            names=", ".join(L.crit(crits[x.criterion]) for x in dm.excluded_criteria),
        )
    return text


def _gaps(data: ReportData) -> dict[int, float | None]:
    out: dict[int, float | None] = {}
    order = list(data.order)
    for k, i in enumerate(order):
        out[i] = float(data.view[i] - data.view[order[k + 1]]) if k + 1 < len(order) else None
    return out


def _rank_range(data: ReportData, i: int) -> str:
    ranks = [int(r) for r in data.scenarios.ranks[i]]
    ranks += [int(m.ranks[i]) for m in data.methods if m.ranks is not None]
    ranks.append(data.rank_of(i))
    lo, hi = min(ranks), max(ranks)
    return f"{lo}" if lo == hi else f"{lo}–{hi}"


# ------------------------------------------------------------------------------ Summary
def write_summary(ws: Worksheet, wb: Workbook, st: Styles, L: Lang, data: ReportData) -> None:
    """Fill the (already created, first) Summary sheet; call after every other sheet exists so
    the "how to read" list names them all."""
    study, dm, r = data.study, data.dm, data.ranking
    cs = study.criteria_set
    set_widths(ws, {1: 6, 2: 34, 3: 30, 4: 13, 5: 13, 6: 16, 7: 12, 8: 12})
    wide = 30 + 13 * 5  # characters across the merged value columns C..H
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

    # the result at a glance: the answer first
    row = write_section(ws, st, row, L.t("The result at a glance"), span=8)
    order = list(data.order)
    lead = order[0]
    lead_name = L.site_name(data.site(dm.site_ids[lead]))
    gaps = _gaps(data)
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
                g=gaps[lead] or 0.0,
                b=second_name,
            )
        row = add_note(ws, st, row, points, span=8, font=st.font)
    # further one-line answers from the builder, e.g. the sensitivity headline
    for line in data.extra.get("summary_lines") or ():  # type: ignore[attr-defined]
        row = add_note(ws, st, row, str(line), span=8, font=st.font)
    row += 1
    top = order[: min(len(order), 10)]
    headers = [
        L.t("Rank"),
        L.t("Site"),
        L.t("English name") if L.ko else L.t("Local name"),
        L.t("Score (0-100)"),
        L.t("Could rank (uncertain facts)"),
        L.t("Rank range across scenarios and methods"),
    ]
    rows = []
    for i in top:
        site = data.site(dm.site_ids[i])
        rows.append(
            [
                data.rank_of(i),
                L.site_name(site),
                L.site_alt_name(site),
                float(data.view[i]),
                interval_text(data, i),
                _rank_range(data, i),
            ]
        )
    tr = write_table(
        ws,
        st,
        row,
        headers,
        rows,
        formats=[None, None, None, FMT_SCORE, None, None],
        wrap=[False, True, True, False, False, False],
        header_height=32,
    )
    if not tr.empty:
        data_bar(ws, tr.col_ref(4))
        for k in range(len(rows)):
            style_cell(ws.cell(row=tr.first_row + k, column=1), align=st.center)
            style_cell(ws.cell(row=tr.first_row + k, column=5), align=st.center)
            style_cell(ws.cell(row=tr.first_row + k, column=6), align=st.center)
    row = tr.last_row + 1
    if len(order) > len(top):
        row = add_note(
            ws,
            st,
            row,
            L.t("The first {k} of {n} sites; the Ranking sheet lists all.", k=len(top), n=n),
            span=8,
        )
    firsts = []
    for j, col in enumerate(data.scenarios.columns):
        winners = [
            L.site_name(data.site(s))
            for i, s in enumerate(data.scenarios.site_ids)
            if data.scenarios.ranks[i, j] == 1
        ]
        firsts.append(f"{scenario_name(L, col, data.study.criteria_set)}: {', '.join(winners)}")
    row = add_note(
        ws,
        st,
        row + 1,
        L.t("First place under each weight scenario ({method}): ", method=r.method.name) + "; ".join(firsts),
        span=8,
        font=st.font,
    )
    mfirst = []
    for mc in data.methods:
        if mc.ranks is None:
            mfirst.append(f"{mc.label}: {L.t('could not run')}")
            continue
        winners = [L.site_name(data.site(dm.site_ids[i])) for i in range(n) if mc.ranks[i] == 1]
        mfirst.append(f"{mc.label}: {', '.join(winners)}")
    row = add_note(
        ws,
        st,
        row,
        L.t("First place under each method (same weights): ") + "; ".join(mfirst),
        span=8,
        font=st.font,
    )
    row = add_note(ws, st, row, _view_note(data, L), span=8)
    row = add_note(ws, st, row, interval_note(data, L), span=8) + 1

    # what was compared
    row = write_section(ws, st, row, L.t("What was compared"), span=8)
    ranked = [L.site_name(data.site(s)) for s in data.ranked_ids]
    excluded = [f"{L.site_name(data.site(s))}: {why}" for s, why in dm.excluded]
    pairs = [
        (L.t("Sites compared"), f"{n}: " + "; ".join(ranked)),
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
    row = _kv(ws, st, row, pairs, wide) + 1

    # how they were ranked
    row = write_section(ws, st, row, L.t("How they were ranked"), span=8)
    info = r.info
    prov = _provenance_text(data, L)
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
    row = _kv(ws, st, row, pairs, wide) + 1

    # caveats
    row = write_section(ws, st, row, L.t("Caveats that matter"), span=8)
    for text in caveats(data, L):
        put(ws, row, 1, "•", font=st.bold, align=Alignment(horizontal="right", vertical="top"))
        row = add_note(ws, st, row, text, col=2, span=7, font=st.font)

    # how to read this workbook
    row += 1
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
    for text in legend:
        put(ws, row, 1, "•", font=st.bold, align=Alignment(horizontal="right", vertical="top"))
        row = add_note(ws, st, row, text, col=2, span=7, font=st.font)
    finish_sheet(ws, st, page_label=L.t("Page &P of &N"), tab_colour="1F3864")
    ws.sheet_view.showGridLines = False


def _kv(ws: Worksheet, st: Styles, row: int, pairs: list, wide: float) -> int:
    """Key in column B, value merged over C..H."""
    for key, value in pairs:
        put(ws, row, 2, key, font=st.bold, fill=st.subheader_fill, align=st.wrap)
        put(
            ws,
            row,
            3,
            value,
            font=st.font,
            align=Alignment(wrap_text=True, vertical="top", horizontal="left"),
        )
        merge(ws, row, 3, row, 8)
        row += 1
    return row


def caveats(data: ReportData, L: Lang) -> list[str]:
    """The data caveats that matter, one sentence each (missing, planned, ranged, stale...)."""
    dm = data.dm
    out: list[str] = []
    total = len(dm.site_ids) * len(dm.criteria)
    by_kind: dict[str, list] = defaultdict(list)
    for f in data.flags:
        by_kind[f.kind].append(f)
    names = {s: L.site_name(data.site(s)) for s in dm.site_ids}
    crit = {c.id: c for c in dm.criteria}

    miss = by_kind.get("missing", [])
    if miss:
        lines = []
        for c in dm.criteria:
            sites = [names[f.site] for f in miss if f.criterion == c.id]
            if not sites:
                continue
            fill = dm.cell(next(f.site for f in miss if f.criterion == c.id), c.id).value
            lines.append(
                L.t(
                    "{crit}: {sites}; set to the {policy}, {value}",
                    crit=L.crit(c),
                    sites=", ".join(sites),
                    policy=L.policy(c.missing),
                    value=L.num(fill, c.unit),
                )
            )
        out.append(
            L.t(
                "Missing values ({k} of {total}): filled in by each criterion's "
                "missing-value policy, which usually costs the site points:",
                k=len(miss),
                total=total,
            )
            + "".join(f"\n– {x}" for x in lines)
        )

    def grouped(kind: str) -> str:
        per_site: dict[str, list[str]] = defaultdict(list)
        for f in by_kind.get(kind, []):
            per_site[f.site].append(L.crit(crit[f.criterion]))
        return " " + "; ".join(f"{names[s]}: {', '.join(v)}" for s, v in per_site.items()) + "."

    texts = {
        "plan": N_("Planned values ({k}): plans or targets, not yet built or measured; used as given:"),
        "estimate": N_("Estimates ({k}): used as given:"),
        "range": N_(
            "Ranges ({k}): sources disagree; the point value (the midpoint unless a source "
            "gives one) is used and the range is kept for the sensitivity analysis:"
        ),
        "computed": N_(
            "Computed values ({k}): e.g. straight-line distances from coordinates; the "
            "method is in each value's comment:"
        ),
        "stale": N_("Stale values ({k}): older than {years:g} years as of {date}; used as given:"),
        "clipped": N_("Outside the fixed scale ({k}): counted as the nearest end of the scale:"),
    }
    for kind, text in texts.items():
        items = by_kind.get(kind, [])
        if items:
            out.append(
                L.t(
                    text,
                    k=len(items),
                    years=data.study.criteria_set.stale_after_years,
                    date=data.as_of.isoformat(),
                )
                + grouped(kind)
            )
    for sid, why in dm.excluded:
        out.append(L.t("{site} was screened out: {why}.", site=L.site_name(data.site(sid)), why=why))
    for w in dm.warnings:
        if "does not discriminate" in w or "only one site" in w:
            out.append(w)
    if not out:
        out.append(L.t("No missing, planned, estimated, ranged, computed or stale values."))
    return out


# ------------------------------------------------------------------------------ Ranking
def write_ranking(wb: Workbook, st: Styles, L: Lang, data: ReportData) -> Worksheet:
    ws = wb.create_sheet(L.sheet("ranking"))
    dm, r = data.dm, data.ranking
    out = r.output
    row = write_title(
        ws,
        st,
        L.t("Ranking"),
        L.t(
            "All sites in rank order under {method}, with their rank under each weight scenario "
            "and under each built-in method.",
            method=method_text(data, L),
        ),
    )
    native = L.t(SCORE_LABELS.get(r.info.score_label, r.info.score_label))
    native_h = L.t("{label} ({method})", label=native, method=r.method.name)
    if not out.higher_is_better:
        native_h += " " + L.t("lower is better")
    details = list(out.details)
    scen = list(data.scenarios.columns)
    meths = list(data.methods)
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
    built = data.built
    built_rank: dict[str, int] = {}
    if built is not None:
        headers.append(L.t("Rank, built only (plans set aside)"))
        built_rank = {s: int(built.output.ranks[k]) for k, s in enumerate(built.matrix.site_ids)}
    first_group = len(headers) + 1
    headers += [scenario_name(L, c, data.study.criteria_set) for c in scen]
    second_group = len(headers) + 1
    headers += [mc.label + (" *" if mc.in_force else "") for mc in meths]
    gaps = _gaps(data)
    rows = []
    for i in data.order:
        site = data.site(dm.site_ids[i])
        rows.append(
            [
                data.rank_of(i),
                L.site_name(site),
                L.site_alt_name(site),
                float(data.view[i]),
                float(out.scores[i]),
                *[float(out.details[k][i]) for k in details],
                gaps[i],
                interval_text(data, i),
                *([built_rank.get(dm.site_ids[i], L.t("n/a"))] if built is not None else []),
                *[int(data.scenarios.ranks[i, j]) for j in range(len(scen))],
                *[int(mc.ranks[i]) if mc.ranks is not None else L.t("n/a") for mc in meths],
            ]
        )
    # group headers over the scenario and method columns
    put(
        ws,
        row,
        first_group,
        L.t("Rank under each weight scenario"),
        font=st.header,
        fill=st.header_fill,
        align=st.wrap_center,
    )
    merge(ws, row, first_group, row, second_group - 1)
    put(
        ws,
        row,
        second_group,
        L.t("Rank under each method (same weights)"),
        font=st.header,
        fill=st.header_fill,
        align=st.wrap_center,
    )
    merge(ws, row, second_group, row, len(headers))
    formats = [None, None, None, FMT_SCORE, FMT_NATIVE, *[FMT_NATIVE] * len(details), FMT_SCORE, None]
    tr = write_table(
        ws, st, row + 1, headers, rows, formats=formats, wrap=[False, True, True, False], header_height=44
    )
    if not tr.empty:
        data_bar(ws, tr.col_ref(4))
        for k in range(len(rows)):
            style_cell(ws.cell(row=tr.first_row + k, column=1), align=st.center)
            for c in range(first_group, len(headers) + 1):
                style_cell(ws.cell(row=tr.first_row + k, column=c), align=st.center)
        first = f"{get_column_letter(first_group)}{tr.first_row}"
        last = f"{get_column_letter(len(headers))}{tr.last_row}"
        highlight_if(ws, f"{first}:{last}", f"AND(ISNUMBER({first}),{first}<>$A{tr.first_row})", st)
    widths = {1: 6, 2: 30, 3: 28, 4: 13, 5: 12}  # "Score (0-100)" on one line
    for k in range(len(details)):
        widths[6 + k] = 11
    widths[6 + len(details)] = 9
    for c in range(7 + len(details), first_group):
        widths[c] = 12
        for k in range(len(rows)):
            style_cell(ws.cell(row=tr.first_row + k, column=c), align=st.center)
    for c in range(first_group, len(headers) + 1):
        head = str(headers[c - 1])
        widths[c] = max(11.0, min(13.0, text_width(head) * 0.6 + 2))
        # a word wraps nowhere but after a hyphen: the column holds the longest piece
        longest = max(re.findall(r"[^\s-]+-?", head), key=text_width, default="")
        widths[c] = max(widths[c], min(16.0, text_width(longest) * 1.1 + 1.5))
    set_widths(ws, widths)

    row = tr.last_row + 2
    notes = [
        _view_note(data, L),
        L.t(
            "Gap to next: the difference in 0-100 points to the site ranked just below. "
            "Ties share the better rank (1, 1, 3)."
        ),
        interval_note(data, L),
        *(
            [
                L.t(
                    "Rank, built only: the same weights and method with every planned figure set "
                    "aside (horizon built): what the sites offer today."
                )
            ]
            if built is not None
            else []
        ),
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
    crit_by_id = {c.id: c for c in dm.criteria}
    for mc in meths:
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
    for text in notes:
        row = add_note(ws, st, row, text, span=min(len(headers), 12))
    finish_sheet(
        ws,
        st,
        freeze=f"C{tr.first_row}",
        title_rows=(tr.header_row - 1, tr.header_row),
        page_label=L.t("Page &P of &N"),
    )
    return ws
