"""One judgment value: parse it as written (number or fraction), check its range, show it."""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Any

from ..errors import show_value

__all__ = [
    "format_ratio",
    "parse_judgment_value",
    "check_judgment_range",
    "outside_saaty",
    "SAATY_MIN",
    "SAATY_MAX",
]

SAATY_MIN, SAATY_MAX = 1 / 9, 9.0
_SCALE_TOL = 0.01

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_FRACTION = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*/\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))")


def format_ratio(x: float) -> str:
    """A ratio as a person writes it: ``3``, ``1/3``, ``1.5``, ``0.4167``."""
    if not math.isfinite(x) or x <= 0:
        return repr(x)
    for v, sign in ((x, ""), (1.0 / x, "1/")):
        r = round(v)
        if r >= 1 and abs(v - r) <= 1e-9 * max(1.0, v):
            return f"{sign}{r}" if sign else f"{r}"
    return f"{x:.4g}"


def parse_judgment_value(raw: Any) -> tuple[float | None, str, str | None]:
    """Parse one judgment: ``(value, text as written, problem)``; value None when invalid.

    Accepts ints, floats, decimal strings and fraction strings ``"p/q"``. The range check
    (positive, scale) is separate: see :func:`check_judgment_range`.
    """
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str, Fraction)):
        return (
            None,
            show_value(raw),
            f'expected a number or a fraction like "1/3", got {show_value(raw)}',
        )
    if isinstance(raw, str):
        s = raw.strip()
        m = _FRACTION.fullmatch(s)
        if m:
            num, den = float(m[1]), float(m[2])
            if den == 0:
                return None, s, f"{show_value(raw)} divides by zero"
            return num / den, s, None
        if "/" in s:
            return None, s, f'malformed fraction {show_value(raw)}; write it like "1/3"'
        if _DECIMAL.fullmatch(s):
            x = float(s)
            return x, s, None
        return None, s, f'{show_value(raw)} is not a number or a fraction like "1/3"'
    x = float(raw)
    text = format_ratio(x) if math.isfinite(x) and x > 0 else show_value(raw)
    if isinstance(raw, int):
        text = str(raw)
    if not math.isfinite(x):
        return None, text, f"{show_value(raw)} is not a finite number"
    return x, text, None


def check_judgment_range(x: float, text: str, scale: str) -> str | None:
    """Why ``x`` is not an allowed judgment on ``scale`` (None when it is)."""
    if x <= 0:
        return f"a judgment must be greater than 0, got {text}"
    if scale == "saaty" and not (SAATY_MIN * (1 - _SCALE_TOL) <= x <= SAATY_MAX * (1 + _SCALE_TOL)):
        return (
            f"{text} is outside Saaty's 1/9..9 scale "
            "(set scale: positive to allow any positive ratio)"
        )
    return None


def outside_saaty(x: float) -> bool:
    """True when ``x`` lies outside Saaty's 1/9..9 (to 1 %)."""
    return not (SAATY_MIN * (1 - _SCALE_TOL) <= x <= SAATY_MAX * (1 + _SCALE_TOL))
