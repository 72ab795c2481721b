"""Criteria files: the file's own keys, its method, currency rates and scenarios."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import IssueCollector, show_value
from ..model import DEFAULT_MIN_COVERAGE, CriteriaSet, Criterion, MethodSpec
from ..profiles import RawDoc
from ..units import UnitError, parse_rate_key
from .checker import Checker
from .criterion import criterion_from_raw
from .scenarios import scenarios_from_raw

__all__ = ["criteria_from_doc", "CRITERIA_KEYS"]

CRITERIA_KEYS = {
    "format",
    "name",
    "name_local",
    "description",
    "method",
    "criteria",
    "currency_rates",
    "scenarios",
    "stale_after_years",
    "weights_by",
    "min_coverage",
}


def criteria_from_doc(
    doc: RawDoc, collector: IssueCollector, *, partial: bool = False
) -> CriteriaSet | None:
    """Validate a criteria file. Issues go to ``collector``; returns None if it has any,
    unless ``partial``: then the set of the criteria that did validate (for cross-checking
    the sites against them in the same run; never for ranking)."""
    ck = Checker(collector)
    d = doc.data
    n_before = len(collector.issues)
    ck.keys(d, "", CRITERIA_KEYS, ("format", "criteria"))
    if "format" in d and d["format"] != 1:
        ck.add(
            "format", f"unsupported format {show_value(d['format'])} (this version reads format 1)"
        )
    name = ck.text(d.get("name"), "name") or doc.path.stem
    name_local = ck.text(d.get("name_local"), "name_local")
    description = ck.text(d.get("description"), "description")
    stale = 5.0
    if "stale_after_years" in d:
        stale = ck.number(d["stale_after_years"], "stale_after_years", positive=True) or 5.0
    weights_by = ck.text(d.get("weights_by"), "weights_by")
    min_coverage = DEFAULT_MIN_COVERAGE
    if "min_coverage" in d:
        mc = ck.share(d["min_coverage"], "min_coverage")
        min_coverage = DEFAULT_MIN_COVERAGE if mc is None else mc

    criteria, ids = _criteria(ck, d, partial)
    method = _method(ck, d["method"]) if "method" in d else None
    rates: dict[str, float] = {}
    rates_as_of: dt.date | None = None
    rates_source: str | None = None
    if "currency_rates" in d:
        rates, rates_as_of, rates_source = _currency_rates(ck, d["currency_rates"])
    scenarios, provenance, labels_local = (
        scenarios_from_raw(ck, d["scenarios"], ids) if "scenarios" in d else ({}, {}, {})
    )
    _check_not_all_zero(ck, criteria, ids, scenarios)
    if len(collector.issues) > n_before and not (partial and criteria):
        return None
    return CriteriaSet(
        name=name,
        path=doc.name,
        method=method or MethodSpec("wsm", {"normalization": "minmax"}),
        criteria=tuple(criteria),
        currency_rates=rates,
        rates_as_of=rates_as_of,
        rates_source=rates_source,
        scenarios=scenarios,
        scenario_provenance=provenance,
        stale_after_years=stale,
        description=description,
        weights_by=weights_by,
        min_coverage=min_coverage,
        name_local=name_local,
        scenario_labels_local=labels_local,
    )


def _criteria(ck: Checker, d: dict[str, Any], partial: bool) -> tuple[list[Criterion], list[str]]:
    """The criteria that validated, and every criterion id written."""
    criteria: list[Criterion] = []
    cd = (
        ck.mapping(d.get("criteria"), "criteria", what="a mapping of criterion ids")
        if "criteria" in d
        else None
    )
    if cd is not None and not cd:
        ck.add("criteria", "at least one criterion is required")
    for cid, raw in (cd or {}).items():
        c = criterion_from_raw(ck, str(cid), raw, partial=partial)
        if c is not None:
            criteria.append(c)
    return criteria, [str(k) for k in (cd or {})]


def _method(ck: Checker, raw_m: Any) -> MethodSpec | None:
    """The ``method:`` entry (a name, or a mapping of name and parameters)."""
    from ..methods import validate_method  # late import: methods import the model only

    if isinstance(raw_m, str):
        raw_m = {"name": raw_m}
    md = ck.mapping(raw_m, "method", what="a mapping like {name: topsis}")
    if md is None:
        return None
    spec, problems = validate_method(md)
    for fld, msg in problems:
        ck.add(f"method.{fld}" if fld else "method", msg)
    return spec


def _currency_rates(ck: Checker, raw: Any) -> tuple[dict[str, float], dt.date | None, str | None]:
    """``currency_rates:``: (rates by ``USD/KRW`` key, their as_of date, their source)."""
    rates: dict[str, float] = {}
    rates_as_of: dt.date | None = None
    rates_source: str | None = None
    rd = ck.mapping(raw, "currency_rates", what="a mapping like {USD/KRW: 1380}")
    for key, val in (rd or {}).items():
        f = f"currency_rates.{key}"
        if key == "as_of":
            rates_as_of = ck.date(val, f)
            continue
        if key == "source":
            rates_source = ck.text(val, f)
            continue
        try:
            parse_rate_key(str(key))
        except UnitError as exc:
            ck.add(f, str(exc))
            continue
        x = ck.number(val, f, positive=True)
        if x is not None:
            rates[str(key)] = x
    return rates, rates_as_of, rates_source


def _check_not_all_zero(
    ck: Checker, criteria: list[Criterion], ids: list[str], scenarios: dict[str, dict[str, float]]
) -> None:
    """Refuse a set (or a scenario) whose weights are all zero, once every criterion is valid."""
    complete = bool(criteria) and len(criteria) == len(ids)
    if complete and sum(c.weight for c in criteria) <= 0:
        ck.add("criteria", "all weights are zero; at least one criterion needs a positive weight")
    for sname, sw in scenarios.items():
        merged = {c.id: sw.get(c.id, c.weight) for c in criteria}
        if complete and sum(merged.values()) <= 0:
            ck.add(f"scenarios.{sname}", "all weights are zero in this scenario")
