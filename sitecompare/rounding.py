"""Rounding written once: what is shown and saved, and what is recorded for a rerun.

``SHOWN`` (6 decimals) is for weights and figures a person reads or saves in a file;
``RECORDED`` (12) is for Run info, where a rerun must reproduce the figures.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["SHOWN", "RECORDED", "rounded", "rounded_map"]

SHOWN = 6
RECORDED = 12


def rounded(value: float, decimals: int = SHOWN) -> float:
    """``value`` as a plain float rounded to ``decimals`` (numpy scalars included)."""
    return float(round(float(value), decimals))


def rounded_map(values: Mapping[str, float], decimals: int = SHOWN) -> dict[str, float]:
    """Each value of ``values`` rounded to ``decimals``, keys and their order kept."""
    return {k: rounded(v, decimals) for k, v in values.items()}
