"""Random consistency index (RI) tables for AHP's consistency ratio CR = CI / RI.

An RI is the mean consistency index of many random reciprocal matrices on Saaty's 1/9..9
scale; each study drew its own random matrices, so the tables differ and a CR is only
meaningful together with the name of the table it used (every result carries ``ri_table``).

Only values that could be checked against a second, independent transcription are included:

``saaty`` (the default, product contract section 5)
    Saaty's classic table, n = 1..10: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49.
    Saaty, T. L. (1980) *The Analytic Hierarchy Process*, McGraw-Hill; reprinted in Saaty
    (1990) "How to make a decision: the analytic hierarchy process", EJOR 48:9-26. The same
    ten values appear in many independent implementations.
``saaty2005``
    Saaty (2005) *Theory and Applications of the Analytic Network Process*, RWS Publications,
    p. 31, n = 3..15 (as transcribed in AHPy's ``random_index='saaty'``).
``donegan-dodd``
    Donegan, H. A. & Dodd, F. J. (1991) "A note on Saaty's random indexes", *Mathematical and
    Computer Modelling* 15(10):135-137, n = 3..20 and 25, 30, 40, ..., 100 (as transcribed in
    AHPy's default ``random_index='dd'``); sizes between the tabulated ones are linearly
    interpolated, as AHPy does.
``alonso-lamata``
    Alonso, J. A. & Lamata, M. T. (2006) "Consistency in the analytic hierarchy process: a new
    approach", *Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems* 14(4):445-459,
    RI from 100,000 random matrices, n = 3..15 (as transcribed in pyDecision and in an R
    ``findRI`` implementation that both agree on n = 3..9).

Noble's and Golden & Wang's tables were not included: their values could not be verified.
For n = 1 and 2 every reciprocal matrix is consistent, so RI = 0 and CR is defined as 0.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["RI_TABLES", "RI_SOURCES", "DEFAULT_RI_TABLE", "random_index", "ri_max_n"]

DEFAULT_RI_TABLE = "saaty"

_SAATY = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49}
_SAATY_2005 = {
    1: 0.0,
    2: 0.0,
    3: 0.52,
    4: 0.89,
    5: 1.11,
    6: 1.25,
    7: 1.35,
    8: 1.40,
    9: 1.45,
    10: 1.49,
    11: 1.52,
    12: 1.54,
    13: 1.56,
    14: 1.58,
    15: 1.59,
}
_DONEGAN_DODD = {
    1: 0.0,
    2: 0.0,
    3: 0.4914,
    4: 0.8286,
    5: 1.0591,
    6: 1.1797,
    7: 1.2519,
    8: 1.3171,
    9: 1.3733,
    10: 1.4055,
    11: 1.4213,
    12: 1.4497,
    13: 1.4643,
    14: 1.4822,
    15: 1.4969,
    16: 1.5078,
    17: 1.5153,
    18: 1.5262,
    19: 1.5313,
    20: 1.5371,
    25: 1.5619,
    30: 1.5772,
    40: 1.5976,
    50: 1.6102,
    60: 1.6178,
    70: 1.6237,
    80: 1.6277,
    90: 1.6213,
    100: 1.6339,
}
_ALONSO_LAMATA = {
    1: 0.0,
    2: 0.0,
    3: 0.5245,
    4: 0.8815,
    5: 1.1086,
    6: 1.2479,
    7: 1.3417,
    8: 1.4056,
    9: 1.4499,
    10: 1.4854,
    11: 1.5141,
    12: 1.5365,
    13: 1.5551,
    14: 1.5713,
    15: 1.5838,
}

RI_TABLES: Mapping[str, Mapping[int, float]] = MappingProxyType(
    {
        "saaty": MappingProxyType(_SAATY),
        "saaty2005": MappingProxyType(_SAATY_2005),
        "donegan-dodd": MappingProxyType(_DONEGAN_DODD),
        "alonso-lamata": MappingProxyType(_ALONSO_LAMATA),
    }
)

RI_SOURCES: Mapping[str, str] = MappingProxyType(
    {
        "saaty": "Saaty (1980), The Analytic Hierarchy Process; Saaty (1990) EJOR 48:9-26",
        "saaty2005": "Saaty (2005), Theory and Applications of the Analytic Network Process, p. 31",
        "donegan-dodd": "Donegan & Dodd (1991), Math. Comput. Modelling 15(10):135-137",
        "alonso-lamata": "Alonso & Lamata (2006), Int. J. Uncertain. Fuzziness KBS 14(4):445-459",
    }
)


def ri_max_n(table: str) -> int:
    """The largest matrix size ``table`` gives a random index for."""
    return max(RI_TABLES[table])


def random_index(n: int, table: str = DEFAULT_RI_TABLE) -> float:
    """RI for an n x n matrix from the named table; KeyError/ValueError with a clear message."""
    if table not in RI_TABLES:
        raise KeyError(f"unknown RI table {table!r} (choose from: {', '.join(RI_TABLES)})")
    values = RI_TABLES[table]
    if n in values:
        return values[n]
    sizes = sorted(values)
    if n < 1 or n > sizes[-1]:
        others = [
            f"{t} (n <= {max(v)})" for t, v in RI_TABLES.items() if t != table and max(v) >= n
        ]
        hint = f"; tables that cover it: {', '.join(others)}" if others and n >= 1 else ""
        raise ValueError(f"RI table {table!r} covers n = 1..{sizes[-1]}, not n = {n}{hint}")
    hi = bisect.bisect_right(sizes, n)
    a, b = sizes[hi - 1], sizes[hi]
    return values[a] + (values[b] - values[a]) * (n - a) / (b - a)
