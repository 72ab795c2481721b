"""Raw documents -> model objects, collecting every problem with its file, field and value.

Strict by design: unknown keys are errors (typos are the commonest bug), numbers must be
finite, dates must be dates, choices must be among the valid ones (and the message lists them).
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from typing import Any

from .errors import IssueCollector, show_value
from .model import (
    DEFAULT_MIN_COVERAGE,
    DIRECTIONS,
    MISSING_POLICIES,
    STATUSES,
    CriteriaSet,
    Criterion,
    Fact,
    MethodSpec,
    Preference,
    Site,
    Source,
    WeightProvenance,
)
from .profiles import RawDoc
from .units import UnitError, parse_rate_key, parse_unit, split_quantity, value_limits

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # tab and newline are fine in notes

__all__ = [
    "site_from_doc",
    "sources_from_doc",
    "criteria_from_doc",
    "Checker",
    "PREFERENCE_FUNCTIONS",
    "SCENARIO_NAME_RE",
    "SCENARIO_NAME_RULE",
]

SITE_KEYS = {
    "format",
    "id",
    "name",
    "name_local",
    "country",
    "region",
    "coordinates",
    "sources",
    "facts",
    "note",
}
SOURCE_KEYS = {"title", "date", "url", "publisher", "note"}
FACT_KEYS = {
    "value",
    "low",
    "high",
    "unit",
    "source",
    "as_of",
    "status",
    "note",
    "method",
    "scope",
    "quote",
}
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
CRITERION_KEYS = {
    "label",
    "label_local",
    "fact",
    "unit",
    "direction",
    "weight",
    "missing",
    "bounds",
    "scale",
    "preference",
    "group",
    "note",
    "scopes",
    "plausible",
    "min_coverage",
}
PREFERENCE_FUNCTIONS = ("usual", "u-shape", "v-shape", "level", "linear", "gaussian")
SCENARIO_META_KEYS = {"weights", "provenance", "description", "label_local"}
ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
# scenario names become column headers (rank --all-scenarios, CSV, the workbook): no formula
# characters, quotes or brackets
SCENARIO_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]*")
SCENARIO_NAME_RULE = "must start with a letter or digit and use letters, digits, spaces, '_', '.', '-'"
CRIT_ID_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


class Checker:
    """Small typed getters that record an issue and return None on bad input."""

    def __init__(self, collector: IssueCollector) -> None:
        self.c = collector

    def add(self, field: str, message: str) -> None:
        self.c.add(field, message)

    def mapping(self, value: Any, field: str, *, what: str = "a mapping") -> dict | None:
        if isinstance(value, dict):
            return value
        self.add(field, f"expected {what}, got {show_value(value)}")
        return None

    def keys(self, d: dict, field: str, allowed: set[str], required: tuple[str, ...] = ()) -> None:
        prefix = f"{field}." if field else ""
        for k in d:
            if not isinstance(k, str):
                self.add(field or "(top level)", f"key {show_value(k)} must be text")
            elif k not in allowed:
                hint = difflib.get_close_matches(k, sorted(allowed), n=1)
                did = f"; did you mean '{hint[0]}'?" if hint else ""
                self.add(
                    f"{prefix}{k}",
                    f"unknown key {k!r}{did} (valid keys: {', '.join(sorted(allowed))})",
                )
        for k in required:
            if k not in d:
                self.add(f"{prefix}{k}", "required key is missing")

    def text(self, value: Any, field: str, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                self.add(field, "required key is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.add(field, f"expected text, got {show_value(value)}")
            return None
        s = str(value).strip()
        bad = _CONTROL.search(s)
        if bad:  # an escape such as "\x07" or "\u0000" in a quoted YAML or TOML string
            self.add(field, f"contains the control character {bad.group()!r}; remove it")
            return None
        if required and not s:
            self.add(field, "must not be empty")
            return None
        return s

    def number(
        self, value: Any, field: str, *, minimum: float | None = None, positive: bool = False
    ) -> float | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(field, f"expected a number, got {show_value(value)}")
            return None
        try:
            x = float(value)
        except OverflowError:  # an integer beyond the float range, e.g. 1 with 400 zeros
            x = math.inf
        if not math.isfinite(x):
            self.add(field, f"{show_value(value)} is not a finite number")
            return None
        if positive and x <= 0:
            self.add(field, f"must be greater than 0, got {show_value(value)}")
            return None
        if minimum is not None and x < minimum:
            self.add(field, f"must be at least {minimum:g}, got {show_value(value)}")
            return None
        return x

    def date(self, value: Any, field: str, *, past: str = "") -> dt.date | None:
        """A date (a year or year-month is its first day). With ``past`` (what the date is,
        for the message), a date after today is refused: a source cannot be dated, nor a
        fact be as of, a day that has not come."""
        d = self._date(value)
        if d is None:
            self.add(
                field,
                f"expected a date like 2021-03-26 (or 2021-03, 2021), got {show_value(value)}",
            )
            return None
        if past and d > dt.date.today():
            shown = value.isoformat() if isinstance(value, dt.date) else show_value(value)
            self.add(field, f"{shown} is after today; {past} cannot lie in the future")
            return None
        return d

    @staticmethod
    def precision(value: Any) -> str:
        """How precisely a date was written: ``year`` (2021), ``month`` (2021-03) or ``day``."""
        if isinstance(value, int) and not isinstance(value, bool):
            return "year"
        if isinstance(value, str):
            parts = value.strip().count("-")
            return ("year", "month", "day")[min(parts, 2)]
        return "day"

    @staticmethod
    def _date(value: Any) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
            return dt.date(value, 1, 1)
        if isinstance(value, str):
            m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
            if m:
                try:
                    return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
                except ValueError:
                    pass
        return None

    def choice(self, value: Any, field: str, choices: tuple[str, ...], what: str) -> str | None:
        if isinstance(value, str) and value in choices:
            return value
        self.add(
            field, f"{show_value(value)} is not a valid {what} (choose from: {', '.join(choices)})"
        )
        return None

    def unit(self, value: Any, field: str) -> str | None:
        if value is None:
            return ""
        if not isinstance(value, str):
            self.add(field, f"expected a unit as text, got {show_value(value)}")
            return None
        try:
            parse_unit(value)
        except UnitError as exc:
            self.add(field, str(exc))
            return None
        return value.strip()


# --------------------------------------------------------------------------- site profiles


def site_from_doc(doc: RawDoc, collector: IssueCollector, *, partial: bool = False) -> Site | None:
    """Validate one site profile. Issues go to ``collector``; returns None if it has any,
    unless ``partial``: then a site of the facts that did validate (for checking their units
    against the criteria in the same run; never for ranking)."""
    ck = Checker(collector)
    d = doc.data
    n_before = len(collector.issues)
    ck.keys(d, "", SITE_KEYS, ("format", "id", "name", "country", "sources"))
    if "format" in d and d["format"] != 1:
        ck.add(
            "format", f"unsupported format {show_value(d['format'])} (this version reads format 1)"
        )
    sid = ck.text(d.get("id"), "id")
    stem = doc.path.stem
    if sid is not None:
        if not ID_RE.fullmatch(sid):
            ck.add("id", f"{sid!r} must be lower-case letters, digits and '-' ([a-z0-9-]+)")
        elif sid != stem:
            ck.add("id", f"{sid!r} must equal the file name stem {stem!r}")
    name = ck.text(d.get("name"), "name") if "name" in d else None
    name_local = ck.text(d.get("name_local"), "name_local")
    country = d.get("country")
    if "country" in d and not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)):
        ck.add("country", f"{show_value(country)} is not an ISO 3166-1 alpha-2 code like 'KR'")
    region = ck.text(d.get("region"), "region")
    note = ck.text(d.get("note"), "note")
    coords = None
    if "coordinates" in d:
        cd = ck.mapping(d["coordinates"], "coordinates", what="{lat: ..., lon: ...}")
        if cd is not None:
            ck.keys(cd, "coordinates", {"lat", "lon"}, ("lat", "lon"))
            lat = ck.number(cd.get("lat"), "coordinates.lat") if "lat" in cd else None
            lon = ck.number(cd.get("lon"), "coordinates.lon") if "lon" in cd else None
            if lat is not None and not -90 <= lat <= 90:
                ck.add("coordinates.lat", f"{lat:g} is outside -90..90")
            elif lon is not None and not -180 <= lon <= 180:
                ck.add("coordinates.lon", f"{lon:g} is outside -180..180")
            elif lat is not None and lon is not None:
                coords = (lat, lon)

    raw_sources = d.get("sources")
    sources = sources_from_doc(ck, raw_sources) if "sources" in d else {}

    facts: dict[str, Fact] = {}
    raw_facts = d.get("facts", {})
    fd = (
        ck.mapping(raw_facts, "facts", what="a mapping of fact keys")
        if raw_facts is not None
        else {}
    )
    source_keys = (
        list(sources) if sources else (list(raw_sources) if isinstance(raw_sources, dict) else [])
    )
    for key, raw in (fd or {}).items():
        before = len(collector.issues)
        fact = _fact(ck, str(key), raw, sources, source_keys)
        # a fact with a problem (an unknown key, say) still has its unit checked when the unit
        # was written; a defaulted one ('untis: km' leaves none) would be a false alarm
        unit_written = isinstance(raw, str) or (isinstance(raw, dict) and "unit" in raw)
        if fact is not None and (len(collector.issues) == before or unit_written):
            facts[str(key)] = fact
    if len(collector.issues) > n_before or sid is None or name is None or country is None:
        if not partial or not facts:
            return None
        return Site(id=stem, name=stem, country="", path=doc.name, sources=sources, facts=facts)
    return Site(
        id=sid,
        name=name,
        country=country,
        path=doc.name,
        name_local=name_local,
        region=region,
        coordinates=coords,
        sources=sources,
        facts=facts,
        note=note,
    )


def sources_from_doc(ck: Checker, raw_sources: Any) -> dict[str, Source]:
    """The ``sources:`` mapping of a profile (or of a table's sidecar): each with a title and a
    date that is not in the future; every problem goes to ``ck``."""
    sources: dict[str, Source] = {}
    sd = ck.mapping(raw_sources, "sources", what="a mapping of source keys")
    if sd is not None and not sd:
        ck.add("sources", "at least one source is required (every fact names one)")
    for key, raw in (sd or {}).items():
        f = f"sources.{key}"
        src = ck.mapping(raw, f, what="a mapping with title and date")
        if src is None:
            continue
        ck.keys(src, f, SOURCE_KEYS, ("title", "date"))
        title = ck.text(src.get("title"), f"{f}.title") if "title" in src else None
        date = (
            ck.date(src.get("date"), f"{f}.date", past="a source's date")
            if "date" in src
            else None
        )
        url = ck.text(src.get("url"), f"{f}.url")
        if url is not None and not re.match(r"https?://", url):
            ck.add(f"{f}.url", f"{url!r} is not an http(s) URL")
            url = None
        if title and date:
            sources[str(key)] = Source(
                str(key),
                title,
                date,
                url,
                ck.text(src.get("publisher"), f"{f}.publisher"),
                ck.text(src.get("note"), f"{f}.note"),
                date_precision=ck.precision(src.get("date")),
            )
    return sources


def _fact(
    ck: Checker,
    key: str,
    raw: Any,
    sources: dict[str, Source],
    source_keys: list[str],
    prefix: str = "facts",
) -> Fact | None:
    """One fact (``prefix``: where it is written, ``facts`` in a profile, ``columns`` in a
    table's sidecar, whose column entries are checked here with a placeholder value)."""
    f = f"{prefix}.{key}"
    if not FACT_KEY_RE.fullmatch(key):
        ck.add(f, f"fact key {key!r} must be letters, digits and '_'")
        return None
    if isinstance(raw, str):
        try:
            value, unit = split_quantity(raw)
        except Exception as exc:
            ck.add(f, str(exc))
            return None
        raw = {"value": value, "unit": unit}
        shorthand = True
    elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raw = {"value": raw}
        shorthand = True
    else:
        shorthand = False
    d = ck.mapping(raw, f, what="a number, a 'VALUE UNIT' string or a mapping with value and unit")
    if d is None:
        return None
    ck.keys(d, f, FACT_KEYS)
    ok = True
    value = low = high = None
    if "value" in d:
        value = ck.number(d["value"], f"{f}.value")
        ok &= value is not None
    if "low" in d or "high" in d:
        if "low" not in d or "high" not in d:
            ck.add(f, "a range needs both low and high")
            ok = False
        else:
            low = ck.number(d["low"], f"{f}.low")
            high = ck.number(d["high"], f"{f}.high")
            ok &= low is not None and high is not None
            if low is not None and high is not None:
                if low > high:
                    ck.add(f"{f}.low", f"low ({low:g}) is greater than high ({high:g})")
                    ok = False
                elif value is not None and not low <= value <= high:
                    ck.add(f"{f}.value", f"{value:g} lies outside its range {low:g}..{high:g}")
                    ok = False
    if "value" not in d and "low" not in d and "high" not in d:
        ck.add(f, "needs a value, or a low/high range")
        ok = False
    unit = ck.unit(d.get("unit"), f"{f}.unit")
    ok &= unit is not None
    if unit is not None:
        ok &= _within_limits(ck, f, unit, {"value": value, "low": low, "high": high})
    src_key = d.get("source")
    if src_key is None:
        if len(source_keys) == 1:
            src_key = source_keys[0]
        else:
            how = "the shorthand" if shorthand else "source"
            ck.add(
                f"{f}.source" if not shorthand else f,
                f"{how} needs a single source to default to; this profile has "
                f"{len(source_keys)} ({', '.join(map(str, source_keys))}): name one with source:",
            )
            ok = False
    elif not isinstance(src_key, str) or (source_keys and src_key not in source_keys):
        ck.add(
            f"{f}.source",
            f"{show_value(src_key)} is not a source of this profile "
            f"(choose from: {', '.join(map(str, source_keys))})",
        )
        ok = False
    status = d.get("status", "measured")
    if ck.choice(status, f"{f}.status", STATUSES, "status") is None:
        ok = False
    method = ck.text(d.get("method"), f"{f}.method")
    if status == "computed" and not method:
        ck.add(f"{f}.method", "a computed fact must say how it was computed (method: ...)")
        ok = False
    as_of = None
    if "as_of" in d:
        as_of = ck.date(d["as_of"], f"{f}.as_of", past="a fact's as_of date")
        ok &= as_of is not None
    note = ck.text(d.get("note"), f"{f}.note")
    scope = _scope(ck, d.get("scope"), f"{f}.scope") if "scope" in d else None
    ok &= "scope" not in d or scope is not None
    quote = ck.text(d.get("quote"), f"{f}.quote")
    if "quote" in d and not quote:
        ck.add(f"{f}.quote", "must not be empty (the source's words holding the figure)")
        ok = False
    if not ok:
        return None
    src = sources.get(src_key)
    if src is None:  # the source itself was invalid; already reported
        return None
    if value is None:
        assert low is not None and high is not None
        value = (low + high) / 2
    return Fact(
        key=key,
        value=value,
        unit=unit or "",
        source=src_key,
        as_of=as_of or src.date,
        as_of_precision=ck.precision(d["as_of"]) if as_of else src.date_precision,
        status=status,
        low=low,
        high=high,
        note=note,
        method=method,
        scope=scope,
        quote=quote,
    )


SCOPE_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
FACT_KEY_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _scope(ck: Checker, value: Any, field: str) -> str | None:
    """A scope name: lower-case letters, digits and '-' (like an id)."""
    s = ck.text(value, field)
    if s is None:
        return None
    if not SCOPE_RE.fullmatch(s):
        ck.add(field, f"{s!r} must be lower-case letters, digits and '-' (like ai-programme)")
        return None
    return s


def _coverage(ck: Checker, value: Any, field: str) -> float | None:
    x = ck.number(value, field, minimum=0.0)
    if x is not None and x > 1:
        ck.add(field, f"must be a share of the sites between 0 and 1, got {show_value(value)}")
        return None
    return x


def _within_limits(ck: Checker, f: str, unit: str, numbers: dict[str, float | None]) -> bool:
    """Refuse values a quantity of this unit cannot take: a negative length, area, duration,
    power, count or amount of money; a share outside 0..100 percent (``units.value_limits``)."""
    limits = value_limits(unit)
    if limits is None:
        return True
    low, high, what = limits
    ok = True
    for name, x in numbers.items():
        if x is None:
            continue
        if high is not None and not low <= x <= high:
            ck.add(f"{f}.{name}", f"must lie within {low:g}..{high:g} {unit} ({what}), got {x:g}")
            ok = False
        elif x < low:
            ck.add(f"{f}.{name}", f"must be at least {low:g} ({what} cannot be negative), got {x:g}")
            ok = False
    return ok


# --------------------------------------------------------------------------- criteria sets


def criteria_from_doc(
    doc: RawDoc, collector: IssueCollector, *, partial: bool = False
) -> CriteriaSet | None:
    """Validate a criteria file. Issues go to ``collector``; returns None if it has any,
    unless ``partial``: then the set of the criteria that did validate (for cross-checking
    the sites against them in the same run; never for ranking)."""
    from .methods import validate_method  # late import: methods import the model only

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
        mc = _coverage(ck, d["min_coverage"], "min_coverage")
        min_coverage = DEFAULT_MIN_COVERAGE if mc is None else mc

    criteria: list[Criterion] = []
    raw_crit = d.get("criteria")
    cd = (
        ck.mapping(raw_crit, "criteria", what="a mapping of criterion ids")
        if "criteria" in d
        else None
    )
    if cd is not None and not cd:
        ck.add("criteria", "at least one criterion is required")
    for cid, raw in (cd or {}).items():
        c = _criterion(ck, str(cid), raw, partial=partial)
        if c is not None:
            criteria.append(c)
    ids = [str(k) for k in (cd or {})]

    method = MethodSpec("wsm", {"normalization": "minmax"})
    if "method" in d:
        raw_m = d["method"]
        if isinstance(raw_m, str):
            raw_m = {"name": raw_m}
        md = ck.mapping(raw_m, "method", what="a mapping like {name: topsis}")
        if md is not None:
            spec, problems = validate_method(md)
            for fld, msg in problems:
                ck.add(f"method.{fld}" if fld else "method", msg)
            if spec is not None:
                method = spec

    rates: dict[str, float] = {}
    rates_as_of = None
    rates_source = None
    if "currency_rates" in d:
        rd = ck.mapping(
            d["currency_rates"], "currency_rates", what="a mapping like {USD/KRW: 1380}"
        )
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

    scenarios: dict[str, dict[str, float]] = {}
    provenance: dict[str, WeightProvenance] = {}
    labels_local: dict[str, str] = {}
    if "scenarios" in d:
        sd = ck.mapping(d["scenarios"], "scenarios", what="a mapping of scenario names")
        for key, raw in (sd or {}).items():
            if isinstance(key, bool) or not isinstance(key, (str, int)):
                sname = None
            else:
                sname = str(key)
            if sname is None or not SCENARIO_NAME_RE.fullmatch(sname):
                ck.add("scenarios", f"scenario name {show_value(key)} {SCENARIO_NAME_RULE}")
                continue
            f = f"scenarios.{sname}"
            sm = ck.mapping(raw, f, what="a mapping of criterion weights")
            if sm is None:
                continue
            weights_raw: Any = sm
            if "weights" in sm:
                ck.keys(sm, f, SCENARIO_META_KEYS, ("weights",))
                weights_raw = ck.mapping(sm["weights"], f"{f}.weights", what="a mapping of weights")
                label = ck.text(sm.get("label_local"), f"{f}.label_local")
                if label:
                    labels_local[sname] = label
                prov = sm.get("provenance")
                if prov is not None:
                    pm = ck.mapping(prov, f"{f}.provenance", what="a mapping")
                    if pm is not None:
                        provenance[str(sname)] = WeightProvenance(
                            str(pm.get("method", "direct")),
                            {str(k): v for k, v in pm.items() if k != "method"},
                        )
                f = f"{f}.weights"
            if weights_raw is None:
                continue
            sw: dict[str, float] = {}
            for cid, w in weights_raw.items():
                if cid not in ids:
                    ck.add(
                        f"{f}.{cid}",
                        f"unknown criterion {cid!r} (criteria: {', '.join(ids)})",
                    )
                    continue
                x = ck.number(w, f"{f}.{cid}", minimum=0.0)
                if x is not None:
                    sw[str(cid)] = x
            scenarios[str(sname)] = sw
            if str(sname) not in provenance:
                provenance[str(sname)] = WeightProvenance("direct", {})

    if criteria and len(criteria) == len(ids) and sum(c.weight for c in criteria) <= 0:
        ck.add("criteria", "all weights are zero; at least one criterion needs a positive weight")
    for sname, sw in scenarios.items():
        merged = {c.id: sw.get(c.id, c.weight) for c in criteria}
        if criteria and len(criteria) == len(ids) and sum(merged.values()) <= 0:
            ck.add(f"scenarios.{sname}", "all weights are zero in this scenario")
    if len(collector.issues) > n_before and not (partial and criteria):
        return None
    return CriteriaSet(
        name=name,
        path=doc.name,
        method=method,
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


# what a partial set needs to be usable for the sites' checks
_CHECKED = [["fact"], ["unit"], ["direction"], ["weight"], ["missing"], ["plausible"]]


def _criterion(ck: Checker, cid: str, raw: Any, *, partial: bool = False) -> Criterion | None:
    """One criterion, or None if it has problems; with ``partial``, a criterion whose fact,
    unit, direction, weight and missing policy are valid is kept despite other problems (a
    misspelt key, bad bounds), for checking the sites' units against it in the same run."""
    f = f"criteria.{cid}"
    if not CRIT_ID_RE.fullmatch(cid) or cid in SCENARIO_META_KEYS:
        ck.add(
            f,
            f"criterion id {cid!r} must start with a letter and use letters, digits, '_', '-'"
            + (" (and not be a reserved word)" if cid in SCENARIO_META_KEYS else ""),
        )
        return None
    d = ck.mapping(raw, f, what="a mapping with fact, unit, direction and weight")
    if d is None:
        return None
    n_before = len(ck.c.issues)
    ck.keys(d, f, CRITERION_KEYS, ("direction", "weight"))
    label = ck.text(d.get("label"), f"{f}.label") or cid
    fact = ck.text(d.get("fact"), f"{f}.fact") or cid
    unit = ck.unit(d.get("unit"), f"{f}.unit")
    direction = (
        ck.choice(d["direction"], f"{f}.direction", DIRECTIONS, "direction")
        if "direction" in d
        else None
    )
    weight = ck.number(d["weight"], f"{f}.weight", minimum=0.0) if "weight" in d else None
    missing = "error"
    if "missing" in d:
        missing = (
            ck.choice(d["missing"], f"{f}.missing", MISSING_POLICIES, "missing policy") or "error"
        )
    bmin = bmax = None
    if "bounds" in d:
        bd = ck.mapping(d["bounds"], f"{f}.bounds", what="{min: ..., max: ...}")
        if bd is not None:
            ck.keys(bd, f"{f}.bounds", {"min", "max"})
            if not bd:
                ck.add(f"{f}.bounds", "give min, max or both")
            bmin = ck.number(bd["min"], f"{f}.bounds.min") if "min" in bd else None
            bmax = ck.number(bd["max"], f"{f}.bounds.max") if "max" in bd else None
            if bmin is not None and bmax is not None and bmin > bmax:
                ck.add(f"{f}.bounds", f"min ({bmin:g}) is greater than max ({bmax:g})")
    sw = sb = None
    if "scale" in d:
        sd = ck.mapping(d["scale"], f"{f}.scale", what="{worst: ..., best: ...}")
        if sd is not None:
            ck.keys(sd, f"{f}.scale", {"worst", "best"}, ("worst", "best"))
            sw = ck.number(sd["worst"], f"{f}.scale.worst") if "worst" in sd else None
            sb = ck.number(sd["best"], f"{f}.scale.best") if "best" in sd else None
            if sw is not None and sb is not None and direction is not None:
                if sw == sb:
                    ck.add(f"{f}.scale", f"worst and best are equal ({sw:g})")
                elif direction == "max" and sb < sw:
                    ck.add(f"{f}.scale.best", f"{sb:g} is below worst ({sw:g}) for a max criterion")
                elif direction == "min" and sb > sw:
                    ck.add(f"{f}.scale.best", f"{sb:g} is above worst ({sw:g}) for a min criterion")
    pref = None
    if "preference" in d:
        pref = _preference(ck, f"{f}.preference", d["preference"])
    scopes: tuple[str, ...] | None = None
    if "scopes" in d:
        raw_scopes = d["scopes"]
        if isinstance(raw_scopes, str):
            raw_scopes = [raw_scopes]
        if not isinstance(raw_scopes, list) or not raw_scopes:
            ck.add(f"{f}.scopes", f"expected a list of scope names, got {show_value(d['scopes'])}")
        else:
            got = [_scope(ck, x, f"{f}.scopes[{k}]") for k, x in enumerate(raw_scopes)]
            if all(g is not None for g in got):
                scopes = tuple(dict.fromkeys(g for g in got if g is not None))
    pmin = pmax = None
    if "plausible" in d:
        pd = ck.mapping(d["plausible"], f"{f}.plausible", what="{min: ..., max: ...}")
        if pd is not None:
            ck.keys(pd, f"{f}.plausible", {"min", "max"}, ("min", "max"))
            pmin = ck.number(pd["min"], f"{f}.plausible.min") if "min" in pd else None
            pmax = ck.number(pd["max"], f"{f}.plausible.max") if "max" in pd else None
            if pmin is not None and pmax is not None and pmin >= pmax:
                ck.add(f"{f}.plausible", f"min ({pmin:g}) must be less than max ({pmax:g})")
    if missing == "interval" and "plausible" not in d:
        ck.add(
            f"{f}.plausible",
            "missing: interval needs the range an unknown value may lie in "
            "(e.g. plausible: {min: 0, max: 100})",
        )
    cov = _coverage(ck, d["min_coverage"], f"{f}.min_coverage") if "min_coverage" in d else None
    if direction is None or weight is None or unit is None:
        return None
    mine = ck.c.issues[n_before:]
    if mine and not (partial and not any(i.field.split(".")[2:3] in _CHECKED for i in mine)):
        return None
    return Criterion(
        id=cid,
        label=label,
        fact=fact,
        unit=unit,
        direction=direction,
        weight=weight,
        missing=missing,
        label_local=ck.text(d.get("label_local"), f"{f}.label_local"),
        bounds_min=bmin,
        bounds_max=bmax,
        scale_worst=sw,
        scale_best=sb,
        preference=pref,
        group=ck.text(d.get("group"), f"{f}.group"),
        note=ck.text(d.get("note"), f"{f}.note"),
        scopes=scopes,
        plausible_min=pmin,
        plausible_max=pmax,
        min_coverage=cov,
    )


def _preference(ck: Checker, f: str, raw: Any) -> Preference | None:
    if isinstance(raw, str):
        raw = {"function": raw}
    d = ck.mapping(raw, f, what="{function: linear, q: ..., p: ...}")
    if d is None:
        return None
    ck.keys(d, f, {"function", "q", "p", "s"}, ("function",))
    fn = (
        ck.choice(d.get("function"), f"{f}.function", PREFERENCE_FUNCTIONS, "preference function")
        if "function" in d
        else None
    )
    vals = {}
    for k in ("q", "p", "s"):
        if k in d:
            vals[k] = ck.number(d[k], f"{f}.{k}", minimum=0.0)
    needs = {
        "u-shape": ("q",),
        "v-shape": ("p",),
        "level": ("q", "p"),
        "linear": ("q", "p"),
        "gaussian": ("s",),
    }.get(fn or "", ())
    for k in needs:
        if k not in d:
            ck.add(f"{f}.{k}", f"the {fn} preference function needs {k}")
    q, p, s = vals.get("q") or 0.0, vals.get("p") or 0.0, vals.get("s") or 0.0
    if fn in ("level", "linear") and "q" in d and "p" in d and q > p:
        ck.add(f, f"q ({q:g}) must not exceed p ({p:g})")
        return None
    if fn in ("v-shape", "linear") and "p" in d and p <= 0 and fn == "v-shape":
        ck.add(f"{f}.p", "p must be greater than 0")
        return None
    if fn == "gaussian" and "s" in d and s <= 0:
        ck.add(f"{f}.s", "s must be greater than 0")
        return None
    if fn is None or any(v is None for v in vals.values()):
        return None
    return Preference(fn, q, p, s)
