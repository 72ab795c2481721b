"""Units: parsing, checking and converting with pint, plus explicit currency rates.

The registry is built from scratch (not pint's default) so that only the units a site profile
needs exist and nothing converts by accident: bytes are not dimensionless, ``PF`` is a
petaFLOPS and not a petafarad, ``percent`` is not a count, a person is not a count, and each
currency is its own dimension. Money converts between currencies only through a rate the
criteria file states (``currency_rates: {USD/KRW: 1380}`` means 1 USD = 1380 KRW).

pint takes about a sixth of a second to import and build, longer than a whole ranking of the
shipped study, so the units profiles commonly use are read from a table pint made
(``data/units.json``: each unit's dimensions and its factor to the base units; a test checks
it against pint, and ``python -m sitecompare.units`` rewrites it). pint is imported only for a
unit the table does not hold.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from . import package_data as resources  # importlib.resources.files, without its imports
from .errors import UnitError

if TYPE_CHECKING:
    import pint

__all__ = [
    "UnitError",
    "CURRENCIES",
    "Unit",
    "parse_unit",
    "describe_unit",
    "convert",
    "conversion_factor",
    "split_quantity",
    "parse_rate_key",
    "tidy",
    "value_limits",
]

CURRENCIES = ("KRW", "USD", "JPY", "SGD", "EUR", "CNY", "TWD", "GBP", "HKD")

_DEFINITIONS = """
kilo- = 1e3 = k-
mega- = 1e6 = M-
giga- = 1e9 = G-
tera- = 1e12 = T-
peta- = 1e15 = P-
exa- = 1e18 = E-
centi- = 1e-2 = c-
milli- = 1e-3 = m-
meter = [length] = m = metre
hectare = 10000 * meter ** 2 = ha
pyeong = 400 / 121 * meter ** 2 = 평
second = [time] = s = sec
minute = 60 * second = min
hour = 60 * minute = h = hr
day = 24 * hour = d
week = 7 * day
month = year / 12
year = 365.25 * day = yr
watt = [power] = W
watt_hour = watt * hour = Wh
volt_ampere = [apparent_power] = VA
FLOPS = [compute] = flops
PF = 1e15 * FLOPS
EF = 1e18 * FLOPS
TF = 1e12 * FLOPS
byte = [information] = B
person = [person] = people = persons
count = [count]
fraction = [share]
percent = 0.01 * fraction = %
thousand = 1e3
million = 1e6 = mn
billion = 1e9 = bn
trillion = 1e12 = tn
"""

# Korean units of money, each exactly a power of ten of won (KRW)
_KRW_DEFINITIONS = """
원 = KRW
만원 = 1e4 * KRW
억원 = 1e8 * KRW
조원 = 1e12 * KRW
"""


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[Any]:
    """The pint registry (built on first use)."""
    import pint

    reg: pint.UnitRegistry[Any] = pint.UnitRegistry(None, on_redefinition="raise")
    for line in _DEFINITIONS.strip().splitlines():
        reg.define(line)
    for cur in CURRENCIES:
        reg.define(f"{cur} = [currency_{cur}]")
    # the amounts a Korean analyst writes: 1098 억원 = 109.8 billion KRW
    for line in _KRW_DEFINITIONS.strip().splitlines():
        reg.define(line)
    return reg


def __getattr__(name: str) -> Any:
    if name == "ureg":  # the registry, for callers that used the module attribute
        return registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Unit:
    """A parsed unit: its dimensions (``{"[length]": 2}``) and the factor taking a value in it
    to the base units (m^2 -> 1, km^2 -> 1e6, billion KRW -> 1e9)."""

    text: str
    dims: tuple[tuple[str, int], ...]
    factor: float

    @property
    def dimensionality(self) -> dict[str, int]:
        """The unit's dimensions and their exponents, e.g. ``{'[length]': 1}``."""
        return dict(self.dims)


def _unit(text: str, dims: Mapping[str, float], factor: float) -> Unit:
    return Unit(text, tuple(sorted((str(k), int(v)) for k, v in dims.items() if v)), float(factor))


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[dict[str, int], float]]:
    try:
        raw = json.loads((resources.files("sitecompare") / "data" / "units.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: (v["dims"], float(v["factor"])) for k, v in raw["units"].items()}


def _from_pint(t: str, text: str) -> Unit:
    import pint

    ureg = registry()
    try:
        q = ureg.Quantity(1, t)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError) as exc:
        raise UnitError(f"{text!r} is not a known unit ({_undefined_name(exc)})") from exc
    except Exception as exc:  # pint's tokenizer raises assorted errors on junk
        raise UnitError(f"{text!r} is not a unit") from exc
    if not isinstance(q, pint.Quantity) or q.magnitude != 1:
        raise UnitError(f"{text!r} is not a unit")
    base = q.to_base_units()
    dims = cast("Mapping[str, float]", q.units.dimensionality)  # exponents by dimension
    return _unit(t, dims, float(base.magnitude))


_REPLACEMENTS = (("²", "^2"), ("³", "^3"), ("㎡", "m^2"), ("㎢", "km^2"), ("·", "*"))


@lru_cache(maxsize=512)
def parse_unit(text: str) -> Unit:
    """Parse a unit string ('' = dimensionless). Raises UnitError with a readable message."""
    if not isinstance(text, str):
        raise UnitError(f"unit must be text, got {type(text).__name__}")
    t = text.strip()
    for a, b in _REPLACEMENTS:
        t = t.replace(a, b)
    if t in ("", "1"):
        return Unit(t, (), 1.0)
    if re.search(r"\d", re.sub(r"(\^|\*\*)\s*-?\d+", "", t)):
        # a number inside a unit ("1000 m^2") is a value in the wrong place; exponents are fine
        raise UnitError(f"{text!r} is not a unit (a number belongs in value)")
    hit = _table().get(t)
    if hit is not None:
        return _unit(t, hit[0], hit[1])
    return _from_pint(t, text)


def _undefined_name(exc: Exception) -> str:
    name = getattr(exc, "unit_names", None)
    if name:
        if isinstance(name, (list, tuple)):
            name = ", ".join(str(n) for n in name)
        return (
            f"unknown: {name}; known units include km, min, h, m^2, km^2, PFLOPS, PB, MW, "
            "person/year, count, percent, KRW"
        )
    return str(exc)


_KINDS: dict[tuple[tuple[str, int], ...], str] = {
    (("[length]", 1),): "a length",
    (("[length]", 2),): "an area",
    (("[time]", 1),): "a time",
    (("[power]", 1),): "a power",
    (("[apparent_power]", 1),): "an apparent power (VA)",
    (("[power]", 1), ("[time]", 1)): "an energy",
    (("[compute]", 1),): "a compute rate (FLOPS)",
    (("[information]", 1),): "a storage size (bytes)",
    (("[person]", 1),): "a number of people",
    (("[person]", 1), ("[time]", -1)): "people per time",
    (("[count]", 1),): "a count",
    (("[count]", 1), ("[time]", -1)): "a count per time",
    (("[share]", 1),): "a share (percent)",
    (): "a plain number",
}


def describe_unit(unit: Unit) -> str:
    """What the unit measures, in words (e.g. ``a time``), for error messages."""
    dims = dict(unit.dimensionality)
    key = tuple(sorted((k, int(v)) for k, v in dims.items()))
    if key in _KINDS:
        return _KINDS[key]
    curr = [k for k in dims if k.startswith("[currency_")]
    if curr and len(dims) == 1:
        return f"an amount of money in {curr[0][10:-1]}"
    if curr:
        return f"money ({curr[0][10:-1]}) per unit"
    shown = " * ".join(f"{k}" if v == 1 else f"{k} ** {v}" for k, v in unit.dims)
    return f"a quantity of dimension {shown}"


# Dimensions whose amounts cannot be negative: a distance, an area, a duration, a power, a
# compute rate, a storage size, people, a count and money. A unit built only from these (km,
# m^2, min, MW, MWh, person/year, billion KRW, KRW/kWh) measures something >= 0.
_NON_NEGATIVE = frozenset(
    ("[length]", "[time]", "[power]", "[apparent_power]", "[compute]", "[information]", "[person]", "[count]")
)


@lru_cache(maxsize=512)
def value_limits(unit: str) -> tuple[float, float | None, str] | None:
    """``(low, high, what)``: the values a quantity in ``unit`` can take, or None when any
    value can make sense (a plain number, a difference of percentages per year).

    A share (``percent``, ``%``) lies within 0..100 percent (``high`` in ``unit``'s own
    terms: 100 for percent, 1 for ``fraction``); an amount of a non-negative dimension (see
    ``_NON_NEGATIVE``, and every currency) is at least 0 (``high`` None).
    """
    u = parse_unit(unit)
    dims = dict(u.dimensionality)
    if not dims:
        return None
    if dims == {"[share]": 1}:
        top = 1.0 / u.factor  # 100 percent (a whole) in the unit's own terms
        return 0.0, tidy(top), "a share"
    if all(d in _NON_NEGATIVE or d.startswith("[currency_") for d in dims):
        return 0.0, None, describe_unit(u)
    return None


def parse_rate_key(key: str) -> tuple[str, str]:
    """'USD/KRW' -> ('USD', 'KRW'): 1 USD is worth RATE KRW."""
    m = re.fullmatch(r"([A-Z]{3})/([A-Z]{3})", key.strip())
    if not m:
        raise UnitError(f"{key!r} is not a currency pair like 'USD/KRW'")
    a, b = m.groups()
    for c in (a, b):
        if c not in CURRENCIES:
            raise UnitError(
                f"{c!r} is not a supported currency (choose from {', '.join(CURRENCIES)})"
            )
    if a == b:
        raise UnitError(f"{key!r} converts a currency to itself")
    return a, b


def _currencies(unit: Unit) -> dict[str, int]:
    return {k[10:-1]: int(v) for k, v in unit.dimensionality.items() if k.startswith("[currency_")}


def conversion_factor(
    src: str, dst: str, rates: Mapping[str, float] | None = None, *, expects: str = ""
) -> float:
    """Multiplier taking a value in ``src`` to ``dst``. All supported units are multiplicative."""
    key = (src, dst, tuple(sorted((rates or {}).items())))
    hit = _FACTORS.get(key)
    if hit is not None:
        return hit
    factor = _conversion_factor(src, dst, rates, expects=expects)
    if len(_FACTORS) < 10_000:  # a study uses a handful of unit pairs; pint is slow per call
        _FACTORS[key] = factor
    return factor


_FACTORS: dict[tuple[str, str, tuple[tuple[str, float], ...]], float] = {}


def _conversion_factor(
    src: str, dst: str, rates: Mapping[str, float] | None = None, *, expects: str = ""
) -> float:
    su, du = parse_unit(src), parse_unit(dst)
    factor = su.factor
    dims = dict(su.dims)
    if su.dims != du.dims:
        cs, cd = _currencies(su), _currencies(du)
        if cs and cd and len(cs) == 1 and len(cd) == 1:
            (a, ea), (b, eb) = next(iter(cs.items())), next(iter(cd.items()))
            if ea == eb:
                rate = _rate(a, b, rates or {})
                if rate is None:
                    raise UnitError(
                        f"converting {a} to {b} needs a rate: add currency_rates: {{{a}/{b}: ...}} "
                        "to the criteria file"
                    )
                factor *= rate**ea  # 1 a = rate b: a value in a is rate times as many b
                dims.pop(f"[currency_{a}]")
                dims[f"[currency_{b}]"] = ea
        if tuple(sorted(dims.items())) != du.dims:
            shown = src if src else "(no unit)"
            target = dst if dst else "a plain number"
            tail = f" ({expects} expects {target})" if expects else f" (expected {target})"
            raise UnitError(f"{shown!r} is not {describe_unit(du)}{tail}")
    return factor / du.factor


def _rate(a: str, b: str, rates: Mapping[str, float]) -> float | None:
    for key, val in rates.items():
        x, y = parse_rate_key(key)
        if (x, y) == (a, b):
            return float(val)
        if (x, y) == (b, a):
            return 1.0 / float(val)
    return None


def convert(
    value: float, src: str, dst: str, rates: Mapping[str, float] | None = None, *, expects: str = ""
) -> float:
    """Convert ``value`` from unit ``src`` to ``dst``, rounded to 12 significant digits."""
    out = value * conversion_factor(src, dst, rates, expects=expects)
    return tidy(out)


def tidy(x: float) -> float:
    """Round to 12 significant digits: unit factors like 1e3 * 0.03 must not leave 30.000000000000004."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.12g}")


_NUMBER = r"[-+]?(?:\d[\d_,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_NON_FINITE = re.compile(r"\s*[-+]?(nan|inf|infinity)\b", re.IGNORECASE)
_QUANTITY = re.compile(rf"\s*({_NUMBER})\s*(.*?)\s*")


def split_quantity(text: str) -> tuple[float, str]:
    """'360 person/year' -> (360.0, 'person/year'); '88.5' -> (88.5, '').

    Raises UnitError when the text does not start with a number. 'nan'/'inf' are refused.
    """
    # 'nan', 'inf' (after spaces and a sign): never when the text starts with a digit
    if not text[:1].isdigit() and _NON_FINITE.match(text):
        raise UnitError(f"{text!r}: {text.split()[0]} is not a finite number")
    m = _QUANTITY.fullmatch(text)
    if not m:
        raise UnitError(f"{text!r} is not 'VALUE UNIT' (e.g. '360 person/year')")
    num = m.group(1)
    if "_" in num or "," in num:
        num = num.replace("_", "").replace(",", "")
    value = float(num)
    if not math.isfinite(value):
        raise UnitError(f"{text!r} is not a finite number")
    return value, m.group(2)


# ------------------------------------------------------------------ the table of common units
def _common_units() -> list[str]:
    """The unit strings ``data/units.json`` holds: those site profiles and criteria write."""
    out = ["m", "km", "cm", "mm", "meter", "metre", "m^2", "km^2", "ha", "평", "m**2", "km**2"]
    out += ["s", "sec", "min", "h", "hr", "hour", "day", "d", "week", "month", "year", "yr"]
    out += ["W", "kW", "MW", "GW", "Wh", "kWh", "MWh", "GWh", "TWh", "VA", "kVA", "MVA", "GVA"]
    out += ["FLOPS", "flops"] + [f"{p}FLOPS" for p in ("k", "M", "G", "T", "P", "E")]
    out += ["PF", "EF", "TF", "B", "byte", "kB", "MB", "GB", "TB", "PB", "EB"]
    out += ["person", "people", "persons", "person/year", "people/year", "persons/year"]
    out += ["count", "count/year", "fraction", "percent", "%", "percent/year", "GWh/year", "MWh/year"]
    mult = ["", "thousand ", "million ", "mn ", "billion ", "bn ", "trillion ", "tn "]
    for cur in CURRENCIES:
        out += [f"{m}{cur}" for m in mult]
        out += [f"{cur}/kWh", f"{cur}/MWh", f"{cur}/m^2", f"{cur}/year"]
    out += ["원", "만원", "억원", "조원", "원/kWh"]
    return list(dict.fromkeys(out))


def write_table() -> str:
    """Rewrite ``data/units.json`` from pint (``python -m sitecompare.units``)."""
    units = {}
    for t in _common_units():
        u = _from_pint(t, t)
        units[t] = {"dims": dict(u.dims), "factor": u.factor}
    path = resources.files("sitecompare") / "data" / "units.json"
    doc = {"format": 1, "source": "pint, sitecompare.units.write_table()", "units": units}
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    with open(str(path), "w", encoding="utf-8") as fh:
        fh.write(text)
    return str(path)


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    print(write_table())
