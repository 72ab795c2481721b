"""Site profiles: a profile's keys, its sources and its facts, every problem collected."""

from __future__ import annotations

import re
from typing import Any

from ..errors import IssueCollector, show_value
from ..model import STATUSES, Fact, Site, Source
from ..profiles import RawDoc
from ..units import split_quantity, value_limits
from .checker import Checker

__all__ = [
    "site_from_doc",
    "sources_from_doc",
    "fact_from_raw",
    "within_limits",
    "SITE_KEYS",
    "SOURCE_KEYS",
    "FACT_KEYS",
]

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
FACT_KEY_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
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
        fact = fact_from_raw(ck, str(key), raw, sources, source_keys)
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


def fact_from_raw(
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
            number, written_unit = split_quantity(raw)
        except Exception as exc:
            ck.add(f, str(exc))
            return None
        return _shorthand_fact(ck, f, key, number, written_unit, sources, source_keys)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raw = {"value": raw}
        shorthand = True
    else:
        shorthand = False
    d = ck.mapping(raw, f, what="a number, a 'VALUE UNIT' string or a mapping with value and unit")
    if d is None:
        return None
    ck.keys(d, f, FACT_KEYS)
    ok, value, low, high = _amounts(ck, f, d)
    unit = ck.unit(d.get("unit"), f"{f}.unit")
    ok &= unit is not None
    if unit is not None:
        ok &= within_limits(ck, f, unit, {"value": value, "low": low, "high": high})
    src_key = _source_key(ck, f, d.get("source"), source_keys, shorthand)
    ok &= src_key is not None
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
    scope = ck.scope(d.get("scope"), f"{f}.scope") if "scope" in d else None
    ok &= "scope" not in d or scope is not None
    quote = ck.text(d.get("quote"), f"{f}.quote")
    if "quote" in d and not quote:
        ck.add(f"{f}.quote", "must not be empty (the source's words holding the figure)")
        ok = False
    if not ok or src_key is None:
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


def _shorthand_fact(
    ck: Checker,
    f: str,
    key: str,
    number: float,
    written_unit: str,
    sources: dict[str, Source],
    source_keys: list[str],
) -> Fact | None:
    """The fact of a ``'VALUE UNIT'`` string: what :func:`fact_from_raw` gives for
    ``{value: number, unit: written_unit}``, with the same checks in the same order, less
    those such a mapping always passes (its keys, a finite number, the default status and no
    optional key). Most facts are written so: a large study has hundreds of thousands."""
    value = float(number)
    unit = ck.unit(written_unit, f"{f}.unit")
    ok = unit is not None
    if unit is not None:
        ok = within_limits(ck, f, unit, {"value": value, "low": None, "high": None}) and ok
    src_key = _source_key(ck, f, None, source_keys, True)
    if not ok or src_key is None:
        return None
    src = sources.get(src_key)
    if src is None:  # the source itself was invalid; already reported
        return None
    return Fact(
        key=key,
        value=value,
        unit=unit or "",
        source=src_key,
        as_of=src.date,
        as_of_precision=src.date_precision,
    )


def _amounts(
    ck: Checker, f: str, d: dict[str, Any]
) -> tuple[bool, float | None, float | None, float | None]:
    """(all good, value, low, high) of a fact: a value, a low/high range, or both."""
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
    return ok, value, low, high


def _source_key(
    ck: Checker, f: str, src_key: Any, source_keys: list[str], shorthand: bool
) -> str | None:
    """The fact's source key (the profile's only source when none is named), or None."""
    if src_key is None:
        if len(source_keys) == 1:
            return source_keys[0]
        how = "the shorthand" if shorthand else "source"
        ck.add(
            f"{f}.source" if not shorthand else f,
            f"{how} needs a single source to default to; this profile has "
            f"{len(source_keys)} ({', '.join(map(str, source_keys))}): name one with source:",
        )
        return None
    if not isinstance(src_key, str) or (source_keys and src_key not in source_keys):
        ck.add(
            f"{f}.source",
            f"{show_value(src_key)} is not a source of this profile "
            f"(choose from: {', '.join(map(str, source_keys))})",
        )
        return None
    return src_key

def within_limits(ck: Checker, f: str, unit: str, numbers: dict[str, float | None]) -> bool:
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


