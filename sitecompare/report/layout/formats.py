"""Number formats: the fixed ones of the workbook and those fitted to a column's values."""

from __future__ import annotations

import math
from collections.abc import Iterable

FMT_INT = "#,##0"
FMT_SCORE = "0.0"  # 0-100 scores and points
FMT_NATIVE = "0.0000"  # native method scores
FMT_SHARE = "0.0%"  # weights as shares
FMT_DATE = "yyyy-mm-dd"
DATE_FORMATS = {"year": "yyyy", "month": "yyyy-mm", "day": FMT_DATE}
FMT_PCT1 = "0.0%"  # shares of samples and relative changes (the sensitivity sheets)
FMT_RANK_CHANGE = '"▲"0;"▼"0;"–"'  # rank change: up / down / unchanged


def date_format(precision: str) -> str:
    """The number format of a date cell written with this precision (``model.DATE_PRECISIONS``):
    a year-only source date shows as 2021, not 2021-01-01."""
    return DATE_FORMATS.get(precision, FMT_DATE)


def unit_display(unit: str) -> str:
    """``m^2`` -> ``m²``; other units as written."""
    return unit.replace("^2", "²").replace("^3", "³")


def number_format(values: Iterable[float], unit: str | None = None, max_decimals: int = 3) -> str:
    """A number format showing ``values`` without noise: thousands separators, the fewest
    decimals that show every value exactly (at most ``max_decimals``), and ``unit`` as a
    suffix when given (``#,##0.0" MW"``)."""
    decimals = 0
    for v in values:
        if v is None or not math.isfinite(v):
            continue
        for d in range(0, max_decimals + 1):
            if abs(round(v, d) - v) <= 1e-9 * max(1.0, abs(v)):
                decimals = max(decimals, d)
                break
        else:
            decimals = max_decimals
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    if unit:
        u = unit_display(unit).replace('"', "")
        fmt = f'{fmt}" {u}"'
    return fmt
