"""The What-if sheet's model as spreadsheet formulas, and where it sits on the sheet (no
openpyxl here): the editable weight points, the missing-value policy over the observed cells,
the helper rows and normalised values of each normalisation (the table of
:mod:`sitecompare.methods.normalize`), the live score, and :class:`WhatifGrid`, the rows and
columns the blocks of the sheet occupy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import Criterion
from .plain_tables import ReportData

__all__ = [
    "MAX_IMPUTE_RANGES",
    "WhatifGrid",
    "weight_points",
    "cell_ranges",
    "impute_formula",
    "helper_rows",
    "helper_formula",
    "norm_formula",
    "value_validation",
    "score_formula",
]

Positive = Literal["greaterThan", "greaterThanOrEqual"]  # a data validation's operator
MAX_IMPUTE_RANGES = 200  # beyond this a MIN/MAX/MEDIAN over the observed cells gets too long


@dataclass(frozen=True)
class WhatifGrid:
    """Where the blocks of the What-if sheet sit: the criteria block's rows, the sites table,
    the normalised block, and the criterion columns (letters)."""

    norm: str  # the model's normalisation
    helpers: tuple[str, ...]  # its helper rows (:func:`helper_rows`)
    r_ids: int  # criterion ids
    r_weight: int  # editable weight points
    r_share: int  # weight shares (formulas)
    r_help: dict[str, int]  # helper kind -> row
    first: int  # the sites' value rows: first..last
    last: int
    norm_first: int  # the normalised values, same order
    first_col: int  # the first criterion column
    first_l: str  # the first and last criterion columns, and the last including those that sit out
    last_l: str
    all_l: str

    @property
    def share_rng(self) -> str:
        """The weight shares, absolute (``$G$12:$K$12``)."""
        return f"${self.first_l}${self.r_share}:${self.last_l}${self.r_share}"

    def helper_refs(self, letter: str) -> list[str]:
        """The helper cells of the criterion in column ``letter`` (row-absolute)."""
        return [f"{letter}${self.r_help[x]}" for x in self.helpers]


def score_formula(share_rng: str, first_l: str, last_l: str, row: int) -> str:
    """The live score of the normalised values in ``row``: 100 x Σ share x value, to 9
    decimals (so that ties compare equal in RANK)."""
    return f"=ROUND(100*SUMPRODUCT({share_rng},{first_l}{row}:{last_l}{row}),9)"


def weight_points(data: ReportData) -> dict[str, float]:
    """The editable weights by criterion id: the points the weights were set in
    (``Study.weight_points``, e.g. the weights page's sliders), or the criteria file's (or
    scenario's) raw points when the weights came from there, else the normalised weights x 100.
    Their shares equal the study's (over every criterion of the set, before any sits out)."""
    study = data.study
    cs = study.criteria_set
    raw = cs.base_weights()  # the criteria file's points, as they are when they set the weights
    if study.weight_points is not None:
        raw = dict(study.weight_points)
    elif study.scenario and study.weight_source == f"scenario {study.scenario}":
        raw.update(cs.scenarios[study.scenario])
    elif not (study.weight_source == "criteria file" and study.scenario is None):
        raw = {k: 100.0 * v for k, v in study.weights.items()}
    total = sum(raw.values())
    if total <= 0 or any(abs(raw[k] / total - study.weights[k]) > 1e-12 for k in raw):
        raw = {k: 100.0 * v for k, v in study.weights.items()}
    return {c.id: float(raw[c.id]) for c in study.criteria}


def cell_ranges(col: str, rows: Sequence[int]) -> list[str]:
    """Row numbers -> compact references: [5, 6, 7, 9] -> ['G5:G7', 'G9']."""
    ordered = sorted(rows)
    out: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        start, end = ordered[i], ordered[j]
        out.append(f"{col}{start}" if i == j else f"{col}{start}:{col}{end}")
        i = j + 1
    return out


def impute_formula(c: Criterion, col: str, observed_rows: list[int], fill: float) -> str | None:
    """The missing-value policy as a formula over the observed cells, or None for a constant."""
    if c.missing == "worst" and c.has_scale:
        return None
    if not observed_rows:
        return None
    refs = cell_ranges(col, observed_rows)
    if len(refs) > MAX_IMPUTE_RANGES:
        return None
    args = ",".join(refs)
    if c.missing == "worst":
        return f"={'MIN' if c.direction == 'max' else 'MAX'}({args})"
    if c.missing == "median":
        return f"=MEDIAN({args})"
    return None


def helper_rows(norm: str) -> list[str]:
    """The helper rows a normalisation needs above the sites (worst/best, reference, length)."""
    return {
        "minmax": ["worst", "best"],
        "max": ["reference"],
        "sum": ["reference"],
        "vector": ["length"],
        "none": [],
    }[norm]


def helper_formula(norm: str, kind: str, c: Criterion, rng: str) -> str | float:
    """Helper row ``kind`` of criterion ``c`` over its value cells ``rng``: a formula, or the
    fixed anchor of a criterion with a scale (min-max)."""
    benefit = c.direction == "max"
    if norm == "minmax":
        if c.anchors is not None:
            return float(c.anchors[0] if kind == "worst" else c.anchors[1])
        if kind == "worst":
            return f"={'MIN' if benefit else 'MAX'}({rng})"
        return f"={'MAX' if benefit else 'MIN'}({rng})"
    if norm == "max":
        return f"={'MAX' if benefit else 'MIN'}({rng})"
    if norm == "sum":
        return f"=SUM({rng})" if benefit else f"=SUMPRODUCT(1/{rng})"
    if norm == "vector":
        return f"=SQRT(SUMSQ({rng}))"
    raise ValueError(norm)


def norm_formula(norm: str, c: Criterion, v: str, h: list[str]) -> str:
    """Normalised value of cell ``v`` (e.g. 'G20') given helper cells ``h`` (e.g. ['G$16'])."""
    benefit = c.direction == "max"
    if norm == "minmax":
        w, b = h
        return f"=IF({b}={w},0,MAX(0,MIN(1,({v}-{w})/({b}-{w}))))"
    if norm == "max":
        (ref,) = h
        return f"=IF({ref}=0,0,{v}/{ref})" if benefit else f"=IF({v}=0,0,{ref}/{v})"
    if norm == "sum":
        (ref,) = h
        return f"=IF({ref}=0,0,{v}/{ref})" if benefit else f"=IF({ref}=0,0,(1/{v})/{ref})"
    if norm == "vector":
        (ref,) = h
        return f"=IF({ref}=0,0,{v}/{ref})" if benefit else f"=1-IF({ref}=0,0,{v}/{ref})"
    if norm == "none":
        return f"={v}" if benefit else f"=-{v}"
    raise ValueError(norm)


def value_validation(norm: str, c: Criterion) -> tuple[Positive, str] | None:
    """(operator, formula1) of the data validation on a criterion's value cells."""
    if norm == "sum" or (norm == "max" and c.direction == "min"):
        return ("greaterThan", "0")
    if norm == "max":
        return ("greaterThanOrEqual", "0")
    return None
