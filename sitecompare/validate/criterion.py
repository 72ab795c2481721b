"""One criterion of a criteria file: its fact, unit, direction, weight, ranges and preference."""

from __future__ import annotations

import re
from typing import Any

from ..errors import show_value
from ..model import DIRECTIONS, MISSING_POLICIES, Criterion, Preference
from .checker import Checker
from .scenarios import SCENARIO_META_KEYS

__all__ = ["criterion_from_raw", "CRITERION_KEYS", "PREFERENCE_FUNCTIONS"]

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
CRIT_ID_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

# what a partial set needs to be usable for the sites' checks
_CHECKED = [["fact"], ["unit"], ["direction"], ["weight"], ["missing"], ["plausible"]]


def criterion_from_raw(ck: Checker, cid: str, raw: Any, *, partial: bool = False) -> Criterion | None:
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
    bmin, bmax = _bounds(ck, d, f)
    sw, sb = _scale(ck, d, f, direction)
    pref = _preference(ck, f"{f}.preference", d["preference"]) if "preference" in d else None
    scopes = _scopes(ck, d, f) if "scopes" in d else None
    pmin, pmax = _plausible(ck, d, f, missing)
    cov = ck.share(d["min_coverage"], f"{f}.min_coverage") if "min_coverage" in d else None
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


def _pair(
    ck: Checker, d: dict[str, Any], f: str, key: str, names: tuple[str, str], *, required: bool
) -> tuple[dict[str, Any] | None, float | None, float | None]:
    """A two-number entry such as ``bounds: {min: ..., max: ...}``: (the mapping, or None if it
    is not one; the first number; the second), a number None where absent or bad."""
    field = f"{f}.{key}"
    m = ck.mapping(d[key], field, what="{" + ": ..., ".join(names) + ": ...}")
    if m is None:
        return None, None, None
    ck.keys(m, field, set(names), names if required else ())
    a, b = names
    x = ck.number(m[a], f"{field}.{a}") if a in m else None
    y = ck.number(m[b], f"{field}.{b}") if b in m else None
    return m, x, y


def _bounds(ck: Checker, d: dict[str, Any], f: str) -> tuple[float | None, float | None]:
    if "bounds" not in d:
        return None, None
    m, bmin, bmax = _pair(ck, d, f, "bounds", ("min", "max"), required=False)
    if m is not None and not m:
        ck.add(f"{f}.bounds", "give min, max or both")
    if bmin is not None and bmax is not None and bmin > bmax:
        ck.add(f"{f}.bounds", f"min ({bmin:g}) is greater than max ({bmax:g})")
    return bmin, bmax


def _scale(
    ck: Checker, d: dict[str, Any], f: str, direction: str | None
) -> tuple[float | None, float | None]:
    if "scale" not in d:
        return None, None
    _, sw, sb = _pair(ck, d, f, "scale", ("worst", "best"), required=True)
    if sw is not None and sb is not None and direction is not None:
        if sw == sb:
            ck.add(f"{f}.scale", f"worst and best are equal ({sw:g})")
        elif direction == "max" and sb < sw:
            ck.add(f"{f}.scale.best", f"{sb:g} is below worst ({sw:g}) for a max criterion")
        elif direction == "min" and sb > sw:
            ck.add(f"{f}.scale.best", f"{sb:g} is above worst ({sw:g}) for a min criterion")
    return sw, sb


def _plausible(
    ck: Checker, d: dict[str, Any], f: str, missing: str
) -> tuple[float | None, float | None]:
    pmin = pmax = None
    if "plausible" in d:
        _, pmin, pmax = _pair(ck, d, f, "plausible", ("min", "max"), required=True)
        if pmin is not None and pmax is not None and pmin >= pmax:
            ck.add(f"{f}.plausible", f"min ({pmin:g}) must be less than max ({pmax:g})")
    if missing == "interval" and "plausible" not in d:
        ck.add(
            f"{f}.plausible",
            "missing: interval needs the range an unknown value may lie in "
            "(e.g. plausible: {min: 0, max: 100})",
        )
    return pmin, pmax


def _scopes(ck: Checker, d: dict[str, Any], f: str) -> tuple[str, ...] | None:
    raw_scopes = d["scopes"]
    if isinstance(raw_scopes, str):
        raw_scopes = [raw_scopes]
    if not isinstance(raw_scopes, list) or not raw_scopes:
        ck.add(f"{f}.scopes", f"expected a list of scope names, got {show_value(d['scopes'])}")
        return None
    got = [ck.scope(x, f"{f}.scopes[{k}]") for k, x in enumerate(raw_scopes)]
    if all(g is not None for g in got):
        return tuple(dict.fromkeys(g for g in got if g is not None))
    return None


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
