"""Load a study: a folder of site profiles + a criteria file + the weights in force.

Everything is checked in one pass and every problem in every file is raised together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .checked import check_profiles
from .errors import Issue, IssueCollector, ValidationError, display_path, show_value
from .gcpause import gc_paused
from .hints import did_you_mean
from .matrix import collect_matrix_issues
from .model import HORIZONS, CriteriaSet, MethodSpec, Site, Study, normalise_weights
from .package_data import files as package_files
from .profiles import PARSED, list_profile_files, read_document
from .validate import criteria_from_doc

__all__ = [
    "shipped_sites_dir",
    "shipped_criteria_file",
    "default_paths",
    "load_sites",
    "load_criteria",
    "load_study",
    "parse_weights_option",
    "resolve_weights",
    "weight_scale_notes",
    "WorkbookWeights",
    "WeightsInForce",
    "StudyChoices",
    "weights_in_force",
    "workbook_weights",
]


def shipped_sites_dir() -> Path:
    """The folder of site profiles shipped inside the package."""
    return Path(str(package_files("sitecompare") / "data" / "sites"))


def shipped_criteria_file() -> Path:
    """The criteria file shipped inside the package."""
    return Path(str(package_files("sitecompare") / "data" / "criteria" / "default.yaml"))


def default_paths(sites: str | Path | None, criteria: str | Path | None) -> tuple[Path, Path]:
    """``./sites`` and ``./criteria/default.yaml`` when present, else the shipped defaults."""
    s = Path(sites) if sites else (Path("sites") if Path("sites").is_dir() else shipped_sites_dir())
    if criteria:
        c = Path(criteria)
    else:
        local = Path("criteria") / "default.yaml"
        c = local if local.is_file() else shipped_criteria_file()
    return s, c


def load_sites(directory: str | Path) -> tuple[list[Site], list[Issue]]:
    """The sites of every profile in ``directory`` that loads, and the problems of the others."""
    sites, issues, _, _ = _load_sites(directory)
    return sites, issues


def _load_sites(directory: str | Path) -> tuple[list[Site], list[Issue], set[str], list[Site]]:
    """Sites, issues, the fact keys named by profiles that were read but did not load (so
    that a criterion is not blamed for a fact that only a broken profile holds), and those
    profiles' valid facts as partial sites (so that their units are checked in the same run)."""
    files, issues = list_profile_files(directory)
    try:
        with gc_paused():  # many small objects, none in a cycle (gcpause)
            return _read_sites(files, issues)
    finally:
        PARSED.save()  # the documents parsed anew, for the next run (profiles.ParseCache)


def _read_sites(
    files: list[Path], issues: list[Issue]
) -> tuple[list[Site], list[Issue], set[str], list[Site]]:
    sites: list[Site] = []
    broken: list[Site] = []
    seen: dict[str, str] = {}
    unloaded_facts: set[str] = set()
    # each profile read and validated, or (many of them) as kept from an earlier run
    for checked in check_profiles(files):
        site = checked.site
        issues.extend(checked.issues)
        if checked.issues:
            unloaded_facts.update(checked.facts)
            if site is not None:
                broken.append(site)
            continue
        if site is not None:
            if site.id in seen:
                issues.append(
                    Issue(site.path, "id", f"{site.id!r} is also the id of {seen[site.id]}")
                )
                continue
            seen[site.id] = site.path
            sites.append(site)
    return sites, issues, unloaded_facts, broken


def _unit_issues_of_broken(broken: list[Site], cs: CriteriaSet, as_of: dt.date | None) -> list[Issue]:
    """Unit problems of the valid facts of profiles that have other problems: one run reports
    every problem, not the unit errors only once the schema errors are fixed. (Their missing
    facts are not reported: a fact may be absent only because it failed validation.)"""
    if not broken or not cs.criteria:
        return []
    provisional = Study(
        sites=tuple(broken),
        criteria_set=cs,
        weights={c: 1.0 / len(cs.ids) for c in cs.ids},
        method=cs.method,
        as_of=as_of,
    )
    return [i for i in collect_matrix_issues(provisional) if i.field.endswith(".unit")]


def load_criteria(path: str | Path) -> tuple[CriteriaSet | None, list[Issue]]:
    """The criteria set of the file ``path`` (None when it does not load) and its problems."""
    doc, issues = read_document(path)
    if doc is None:
        return None, issues
    col = IssueCollector(path)
    cs = criteria_from_doc(doc, col)
    return cs, col.issues


def _partial_criteria(path: str | Path) -> CriteriaSet | None:
    doc, _ = read_document(path)
    if doc is None:
        return None
    return criteria_from_doc(doc, IssueCollector(path), partial=True)


def parse_weights_option(
    text: str, criteria: CriteriaSet, origin: str = "--weights"
) -> tuple[dict[str, float], list[Issue]]:
    """``'talent=40,compute=15'`` -> {talent: 40.0, compute: 15.0}; every bad part reported."""
    out: dict[str, float] = {}
    issues: list[Issue] = []
    ids = criteria.ids
    for part in [p for p in re.split(r"[,\s]+", text.strip()) if p]:
        if "=" not in part:
            issues.append(Issue(origin, part, f"expected CRITERION=WEIGHT, got {show_value(part)}"))
            continue
        k, v = (x.strip() for x in part.split("=", 1))
        if k not in ids:
            did = did_you_mean(k, ids)
            issues.append(
                Issue(origin, k, f"unknown criterion {k!r}{did} (criteria: {', '.join(ids)})")
            )
            continue
        try:
            x = float(v)
        except ValueError:
            issues.append(Issue(origin, k, f"expected a number, got {show_value(v)}"))
            continue
        if x != x or x in (float("inf"), float("-inf")):
            issues.append(Issue(origin, k, f"{show_value(v)} is not a finite number"))
        elif x < 0:
            issues.append(Issue(origin, k, f"weights must be >= 0, got {show_value(v)}"))
        else:
            out[k] = x
    if not text.strip():
        issues.append(Issue(origin, "", "empty; expected CRITERION=WEIGHT,..."))
    return out, issues


def resolve_weights(
    cs: CriteriaSet,
    scenario: str | None = None,
    overrides: Mapping[str, float] | None = None,
    origin: str = "--weights",
) -> tuple[dict[str, float], str, list[Issue]]:
    """Base weights, then the scenario's, then explicit overrides; normalised to sum 1."""
    issues: list[Issue] = []
    raw = cs.base_weights()
    source = "criteria file"
    if scenario is not None:
        if scenario not in cs.scenarios:
            choices = ", ".join(cs.scenarios) or "none defined"
            issues.append(
                Issue(
                    "--scenario",
                    "",
                    f"{scenario!r} is not a scenario of {cs.path} (choose from: {choices})",
                )
            )
        else:
            raw.update(cs.scenarios[scenario])
            source = f"scenario {scenario}"
    if overrides:
        raw.update(overrides)
        source = f"{source} + {origin}" if scenario else origin
    shares = normalise_weights(raw)
    if not shares and not issues:
        issues.append(
            Issue(
                origin if overrides else cs.path,
                "",
                "all weights are zero; at least one must be positive",
            )
        )
        return {}, source, issues
    return shares, source, issues


SCALE_RATIO = 10.0  # weights written on scales this many times apart are worth a note


def scale_note(
    label: str, given: Mapping[str, float], reference: Mapping[str, float], where: str
) -> str | None:
    """A note when ``given`` weights (an override, a scenario) replace some of ``reference``
    on a scale more than :data:`SCALE_RATIO` times larger or smaller than the weights they
    keep (fractions against points, say): weights are shares of their sum, so
    ``talent=0.4`` beside points of 10 to 25 leaves talent almost nothing."""
    mine = [v for v in given.values() if v > 0]
    kept = [v for k, v in reference.items() if k not in given and v > 0]
    if not mine or not kept:
        return None
    ratio = (sum(mine) / len(mine)) / (sum(kept) / len(kept))
    if 1.0 / SCALE_RATIO <= ratio <= SCALE_RATIO:
        return None
    shares = normalise_weights({**reference, **given})
    top = max(given, key=lambda k: given[k])
    how = f"{ratio:,.0f} times larger" if ratio > 1 else f"{1 / ratio:,.0f} times smaller"
    written = ", ".join(f"{k}={v:g}" for k, v in given.items())
    return (
        f"{label} {written}: on a scale about {how} than the other weights of {where} "
        f"(mean {sum(kept) / len(kept):.3g}); weights are shares of their sum, so {top} gets "
        f"{shares[top]:.3g} of the total. Write them on the same scale if that is not meant."
    )


def weight_scale_notes(
    cs: CriteriaSet,
    scenario: str | None = None,
    overrides: Mapping[str, float] | None = None,
    origin: str = "--weights",
) -> list[str]:
    """Notes for a scenario, and for overrides on top of it, written on another scale than
    the weights they join (see :func:`scale_note`)."""
    notes = []
    raw = cs.base_weights()
    if scenario is not None and scenario in cs.scenarios:
        sw = dict(cs.scenarios[scenario])
        note = scale_note(f"scenario {scenario}", sw, raw, cs.path)
        notes += [note] if note else []
        raw.update(sw)
    if overrides:
        where = f"scenario {scenario}" if scenario in cs.scenarios else cs.path
        note = scale_note(origin, overrides, raw, where)
        notes += [note] if note else []
    return notes


@dataclass(frozen=True)
class WorkbookWeights:
    """``--weights-from``: the weights read from a comparison workbook's What-if sheet, with the
    ``--weights`` given beside it on top (:func:`workbook_weights`)."""

    path: Path
    weights: dict[str, float]
    origin: str  # the weights' source, as the ranking names it
    issues: tuple[Issue, ...]  # problems of the --weights beside it
    notes: tuple[str, ...]  # --weights on another scale than the sheet's weights
    values: tuple[Any, ...]  # the sheet's fact cells (report.readback.WhatIfValue), for check()

    def check(self, study: Study) -> Study:
        """Refuse a workbook whose facts were edited in the What-if sheet: they are not read
        back, so ranking would silently use the study's facts (docs/reference.md,
        --weights-from). Returns the study with this merge's notes."""
        from .matrix import build_matrix
        from .report.readback import whatif_fact_edits

        edits = whatif_fact_edits(self.path, list(self.values), build_matrix(study), study)
        if edits:
            raise ValidationError(edits)
        return replace(study, notes=(*study.notes, *self.notes)) if self.notes else study


def workbook_weights(
    path: str | Path, criteria_file: str | Path, weights: str | None = None
) -> WorkbookWeights:
    """The weights of the workbook ``path``'s What-if sheet for the criteria of
    ``criteria_file``, and ``weights`` (``--weights K=V,...``) on top of them.

    Raises ValidationError when the criteria file or the workbook cannot be read; problems of
    ``weights`` are returned in ``issues``, to be reported with the other options' problems."""
    from .report.readback import read_whatif

    cs, c_issues = load_criteria(criteria_file)
    if cs is None:
        raise ValidationError(c_issues)
    read, values = read_whatif(path, cs.ids)
    combined = dict(read)
    origin = str(path)
    issues: list[Issue] = []
    notes: list[str] = []
    if weights:
        extra, issues = parse_weights_option(weights, cs)
        combined.update(extra)
        origin = f"{path} + --weights"
        note = scale_note("--weights", extra, read, str(path))
        notes += [note] if note else []
    return WorkbookWeights(Path(path), combined, origin, tuple(issues), tuple(notes), tuple(values))


@dataclass(frozen=True)
class WeightsInForce:
    """The weights a study ranks with (:func:`weights_in_force`)."""

    weights: dict[str, float]  # normalised; empty when they could not be resolved
    source: str  # where they come from, as the ranking names it
    notes: tuple[str, ...]  # overrides on another scale than the weights they change
    issues: tuple[Issue, ...]


def weights_in_force(
    cs: CriteriaSet,
    scenario: str | None,
    weights: str | Mapping[str, float] | None,
    origin: str = "--weights",
) -> WeightsInForce:
    """The base weights of ``cs``, then ``scenario``'s, then ``weights`` (``K=V,...`` text or a
    mapping from ``origin``) on top, with every problem of each (unknown ids, bad numbers)."""
    issues: list[Issue] = []
    overrides: Mapping[str, float] | None = None
    if isinstance(weights, str):
        overrides, w_issues = parse_weights_option(weights, cs, origin)
        issues.extend(w_issues)
    elif weights is not None:
        overrides = weights
        issues += [
            Issue(origin, k, f"unknown criterion {k!r} (criteria: {', '.join(cs.ids)})")
            for k in weights
            if k not in cs.ids
        ]
    w, source, r_issues = resolve_weights(cs, scenario, overrides, origin)
    issues.extend(r_issues)
    notes = weight_scale_notes(cs, scenario, overrides, origin) if not r_issues else []
    return WeightsInForce(w, source, tuple(notes), tuple(issues))


@dataclass(frozen=True)
class StudyChoices:
    """What :func:`load_study` is asked for besides the files: the weights (a scenario, then
    overrides from ``weights_origin``), the method, the date fact ages are measured from and
    the horizon."""

    scenario: str | None = None
    weights: str | Mapping[str, float] | None = None
    weights_origin: str = "--weights"
    method: MethodSpec | None = None
    as_of: dt.date | None = None
    horizon: str = "planned"

    def study(
        self,
        cs: CriteriaSet,
        issues: list[Issue],
        *,
        sites: tuple[Site, ...],
        sites_dir: str,
        table: Any = None,
    ) -> Study:
        """The study of ``cs`` with these choices and the weights they put in force (equal
        weights if those could not be resolved; their problems are added to ``issues``)."""
        force = weights_in_force(cs, self.scenario, self.weights, self.weights_origin)
        issues.extend(force.issues)
        return Study(
            sites=sites,
            criteria_set=cs,
            weights=force.weights or {c: 1.0 / len(cs.ids) for c in cs.ids},
            method=self.method or cs.method,
            scenario=self.scenario,
            weight_source=force.source,
            sites_dir=sites_dir,
            as_of=self.as_of,
            horizon=self.horizon,
            notes=force.notes,
            table=table,
        )


def _fact_typos(
    cs: CriteriaSet, site_list: list[Site], unloaded_facts: set[str]
) -> tuple[list[Issue], set[str]]:
    """A criterion naming a fact that no site has is a typo in the criteria file: one issue
    each (with the closest fact a site has), and the facts so named."""
    issues: list[Issue] = []
    unknown: set[str] = set()
    if not site_list:
        return issues, unknown
    known = sorted({k for s in site_list for k in s.facts})
    for c in cs.criteria:
        if c.fact in unloaded_facts:
            continue  # only a profile with its own problems has it: those are reported
        if not any(c.fact in s.facts for s in site_list):
            unknown.add(c.fact)
            did = did_you_mean(c.fact, known)
            issues.append(Issue(cs.path, f"criteria.{c.id}.fact", f"no site has a fact {c.fact!r}{did}"))
    return issues, unknown


def _site_issues(
    m_issues: list[Issue],
    site_list: list[Site],
    typos: set[str],
    broken: list[Site],
    cs: CriteriaSet,
    as_of: dt.date | None,
) -> list[Issue]:
    """The matrix issues of the sites' own files (less those of a fact already reported as a
    typo on its criterion), and the unit issues of the profiles that did not load."""
    site_paths = {s.path for s in site_list}
    typo = {f"facts.{f}" for f in typos}
    own = [i for i in m_issues if i.file in site_paths and i.field not in typo]
    return own + _unit_issues_of_broken(broken, cs, as_of)


def load_study(
    sites: str | Path | None = None,
    criteria: str | Path | None = None,
    *,
    scenario: str | None = None,
    weights: str | Mapping[str, float] | None = None,
    weights_origin: str = "--weights",
    method: MethodSpec | None = None,
    as_of: dt.date | None = None,
    horizon: str = "planned",
    sheet: str | None = None,
) -> Study:
    """Load and check everything; raise one ValidationError listing every problem.

    ``sites`` is a folder of profiles or a site table (``.csv``, ``.xlsx`` with ``sheet``,
    ``.parquet`` or a Parquet dataset folder; :mod:`sitecompare.tables`).
    ``horizon``: ``planned`` (plans count as if built) or ``built`` (a ``status: plan`` fact is
    treated as missing)."""
    if horizon not in HORIZONS:
        raise ValidationError(
            [Issue("--horizon", "", f"{horizon!r} is not a horizon (choose from: {', '.join(HORIZONS)})")]
        )
    sites_dir, criteria_path = default_paths(sites, criteria)
    choices = StudyChoices(scenario, weights, weights_origin, method, as_of, horizon)
    from .tables import is_table

    if sheet is not None or is_table(sites_dir):
        from .tables.study import load_table_study

        return load_table_study(sites_dir, criteria_path, choices, sheet=sheet)
    with gc_paused():  # a large study is many objects, none in a cycle (gcpause)
        site_list, issues, unloaded_facts, broken = _load_sites(sites_dir)
        cs, c_issues = load_criteria(criteria_path)
        issues.extend(c_issues)
        partial = cs is None
        if cs is None:
            # the criteria file has problems: still check the sites against the criteria that
            # did validate (units, facts), so one run reports every problem of every file
            cs = _partial_criteria(criteria_path)
            if cs is None or not (site_list or broken):
                raise ValidationError(issues)
        typo_issues, unknown_facts = _fact_typos(cs, site_list, unloaded_facts)
        issues += typo_issues
        if partial:
            provisional = Study(
                sites=tuple(site_list),
                criteria_set=cs,
                weights={c: 1.0 / len(cs.ids) for c in cs.ids},
                method=cs.method,
                sites_dir=display_path(sites_dir),
                as_of=as_of,
            )
            m_issues = collect_matrix_issues(provisional) if site_list else []
            raise ValidationError(
                issues + _site_issues(m_issues, site_list, unknown_facts, broken, cs, as_of)
            )
        study = choices.study(cs, issues, sites=tuple(site_list), sites_dir=display_path(sites_dir))
        m_issues = collect_matrix_issues(study) if site_list else []
        if issues:
            # the sites that did load still get their unit and missing-fact checks, so that one
            # run reports every problem; study-wide verdicts (e.g. "every site screened out")
            # wait until the files themselves are fixed
            raise ValidationError(
                issues + _site_issues(m_issues, site_list, unknown_facts, broken, cs, as_of)
            )
        if m_issues:
            raise ValidationError(m_issues)
        return study


def with_weights(study: Study, weights: Mapping[str, float], source: str) -> Study:
    """A copy of ``study`` with other (raw, non-negative) weights, normalised to sum 1.

    Criteria not in ``weights`` keep their base points; the points in force are kept as
    ``weight_points`` (the workbook's What-if sheet shows them as typed)."""
    raw = dict(study.criteria_set.base_weights())
    raw.update(weights)
    shares = normalise_weights(raw)
    if not shares:
        raise ValidationError([Issue(source, "", "all weights are zero")])
    return replace(study, weights=shares, weight_source=source, weight_points=raw)
