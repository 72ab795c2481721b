"""The typed getters every validator uses: each records an issue and returns None on bad input."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from typing import Any

from ..errors import IssueCollector, show_value
from ..hints import did_you_mean
from ..units import UnitError, parse_unit

__all__ = ["Checker", "SCOPE_RE"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # tab and newline are fine in notes
SCOPE_RE = re.compile(r"[a-z0-9][a-z0-9-]*")


class Checker:
    """Small typed getters that record an issue and return None on bad input."""

    def __init__(self, collector: IssueCollector) -> None:
        self.c = collector

    def add(self, field: str, message: str) -> None:
        """Record one issue at ``field``."""
        self.c.add(field, message)

    def mapping(
        self, value: Any, field: str, *, what: str = "a mapping"
    ) -> dict[Any, Any] | None:
        """``value`` if it is a mapping; else an issue saying what was expected, and None."""
        if isinstance(value, dict):
            return value
        self.add(field, f"expected {what}, got {show_value(value)}")
        return None

    def keys(
        self, d: dict[Any, Any], field: str, allowed: set[str], required: tuple[str, ...] = ()
    ) -> None:
        """Record an unknown key (with a 'did you mean' hint) and each missing required key."""
        prefix = f"{field}." if field else ""
        for k in d:
            if not isinstance(k, str):
                self.add(field or "(top level)", f"key {show_value(k)} must be text")
            elif k not in allowed:
                did = did_you_mean(k, allowed)
                self.add(
                    f"{prefix}{k}",
                    f"unknown key {k!r}{did} (valid keys: {', '.join(sorted(allowed))})",
                )
        for k in required:
            if k not in d:
                self.add(f"{prefix}{k}", "required key is missing")

    def text(self, value: Any, field: str, *, required: bool = False) -> str | None:
        """``value`` as stripped text (a number is written out); None if absent or bad."""
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
        """``value`` as a finite float within the limits given; None (and an issue) if not."""
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
                with contextlib.suppress(ValueError):  # an impossible day: not a date
                    return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        return None

    def choice(self, value: Any, field: str, choices: tuple[str, ...], what: str) -> str | None:
        """``value`` if it is one of ``choices``; else an issue listing them, and None."""
        if isinstance(value, str) and value in choices:
            return value
        self.add(
            field, f"{show_value(value)} is not a valid {what} (choose from: {', '.join(choices)})"
        )
        return None

    def unit(self, value: Any, field: str) -> str | None:
        """A unit pint can read (``""`` when absent, a plain number); None if bad."""
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

    def scope(self, value: Any, field: str) -> str | None:
        """A scope name: lower-case letters, digits and '-' (like an id)."""
        s = self.text(value, field)
        if s is None:
            return None
        if not SCOPE_RE.fullmatch(s):
            self.add(field, f"{s!r} must be lower-case letters, digits and '-' (like ai-programme)")
            return None
        return s

    def share(self, value: Any, field: str) -> float | None:
        """A share of the sites, 0..1 (a minimum coverage)."""
        x = self.number(value, field, minimum=0.0)
        if x is not None and x > 1:
            self.add(field, f"must be a share of the sites between 0 and 1, got {show_value(value)}")
            return None
        return x
