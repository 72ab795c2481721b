"""The sentences the Summary and Ranking sheets (and the Weights sheet) share: the method, the
weights and where they came from, the score view, the rank intervals, horizon, coverage and
the data caveats, in the workbook's language. No openpyxl here."""

from __future__ import annotations

from collections import defaultdict

from ..headline import headline_sentences
from ..model import CriteriaSet
from ..scenarios import BASE
from .i18n import N_, Lang
from .plain_tables import Flag, ReportData

__all__ = [
    "scenario_name",
    "method_text",
    "weights_text",
    "provenance_text",
    "view_note",
    "headline_lines",
    "interval_text",
    "interval_note",
    "horizon_text",
    "coverage_text",
    "caveats",
]


def scenario_name(L: Lang, col: str, cs: CriteriaSet) -> str:
    """A scenario column's name as shown: "(base weights)" for the base, else its label."""
    return L.t("(base weights)") if col == BASE else L.scenario(cs, col)


def method_text(data: ReportData, L: Lang) -> str:
    """The method in force as shown: its title with its name and parameters."""
    r = data.ranking
    params = dict(r.method.params)
    p = ", ".join(f"{k}={v}" for k, v in params.items())
    return f"{L.t(r.info.title)} ({r.method.name}{': ' + p if p else ''})"


def weights_text(data: ReportData, L: Lang) -> str:
    """Where the weights in force came from (a scenario, the criteria file, a workbook...)."""
    study = data.study
    src = study.weight_source
    if study.scenario and src == f"scenario {study.scenario}":
        return L.t(
            "scenario '{name}' of the criteria file", name=L.scenario(study.criteria_set, study.scenario)
        )
    if src == "criteria file":
        return L.t("the criteria file's weights")
    return src


def provenance_text(data: ReportData, L: Lang) -> str | None:
    """How the scenario in force was derived (method, CR, participants, source), or None."""
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


def view_note(data: ReportData, L: Lang) -> str:
    """What the 0-100 score means for the method in force."""
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
    """What "could rank" means, and whether the intervals are exact or sampled."""
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
    """The horizon in force (planned or built) and what it does to plans."""
    if data.dm.horizon == "built":
        return L.t("built: facts with status plan are set aside and count as missing")
    return L.t("planned: plans count as if built (the Ranking sheet shows the built-only rank beside it)")


def coverage_text(data: ReportData, L: Lang) -> str:
    """The minimum coverage rule, and which criteria sit out under it."""
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


def caveats(data: ReportData, L: Lang) -> list[str]:
    """The data caveats that matter, one sentence each (missing, planned, ranged, stale...)."""
    dm = data.dm
    out: list[str] = []
    total = len(dm.site_ids) * len(dm.criteria)
    by_kind: dict[str, list[Flag]] = defaultdict(list)
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
