"""Rank a study under every named scenario (and the base weights), side by side.

The result is data (:class:`ScenarioTable`: a frame, JSON); the command line renders it as a
table (:func:`sitecompare.cli.common.print_scenario_table`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .matrix import build_matrix
from .model import MethodSpec, Study
from .ranking import evaluate_matrix
from .rounding import rounded
from .study import resolve_weights

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ScenarioTable", "rank_all_scenarios", "rank_all_methods"]

BASE = "(base weights)"


@dataclass(frozen=True)
class ScenarioTable:
    """Ranks (and scores) of each site under each weight scenario or method."""

    columns: tuple[str, ...]
    site_ids: Sequence[str]
    ranks: np.ndarray  # (n, k)
    scores: np.ndarray  # (n, k)
    weights: dict[str, dict[str, float]]
    method: MethodSpec
    kind: str = "scenario"

    def to_frame(self) -> pd.DataFrame:
        """The ranks as a DataFrame: one row per site (in rank order), one column per scenario."""
        import pandas as pd

        order = self.order()
        frame = pd.DataFrame(
            self.ranks[order], index=[self.site_ids[i] for i in order], columns=list(self.columns)
        )
        frame.index.name = "site"
        return frame

    def order(self) -> np.ndarray:
        """Site indices in rank order under the first column (ties in the sites' order)."""
        return np.lexsort((np.arange(len(self.site_ids)), self.ranks[:, 0]))

    def to_json(self) -> dict[str, Any]:
        """The method, and per scenario (or method) its weights, ranks and scores, as JSON data."""
        return {
            "method": self.method.as_dict(),
            self.kind + "s": {
                col: {
                    "weights": self.weights.get(col, {}),
                    "ranks": {s: int(self.ranks[i, j]) for i, s in enumerate(self.site_ids)},
                    "scores": {
                        s: float(f"{self.scores[i, j]:.12g}") for i, s in enumerate(self.site_ids)
                    },
                }
                for j, col in enumerate(self.columns)
            },
        }


def rank_all_scenarios(study: Study) -> ScenarioTable:
    """Base weights plus every named scenario, with the study's method."""
    cs = study.criteria_set
    dm = build_matrix(study)
    cols, ranks, scores, weights = [], [], [], {}
    names: list[str | None] = [None, *cs.scenarios]
    for name in names:
        w, _, issues = resolve_weights(cs, name)
        label = BASE if name is None else name
        vec = dm.weights_for(w)  # the criteria that take part, their weights normalised again
        out = evaluate_matrix(dm, study.method, vec)
        cols.append(label)
        ranks.append(out.ranks)
        scores.append(out.scores)
        weights[label] = {c: rounded(v) for c, v in zip(dm.criterion_ids, vec, strict=True)}
    return ScenarioTable(
        columns=tuple(cols),
        site_ids=dm.site_ids,
        ranks=np.column_stack(ranks),
        scores=np.column_stack(scores),
        weights=weights,
        method=study.method,
    )


def rank_all_methods(study: Study, specs: list[MethodSpec]) -> ScenarioTable:
    """The study's weights under each method spec (e.g. every built-in method)."""
    dm = build_matrix(study)
    cols, ranks, scores = [], [], []
    for spec in specs:
        out = evaluate_matrix(dm, spec)
        cols.append(method_label(spec))
        ranks.append(out.ranks)
        scores.append(out.scores)
    return ScenarioTable(
        columns=tuple(cols),
        site_ids=dm.site_ids,
        ranks=np.column_stack(ranks),
        scores=np.column_stack(scores),
        weights={},
        method=study.method,
        kind="method",
    )


def method_label(spec: MethodSpec) -> str:
    """A short name for the method with its non-default parameter, e.g. ``wsm (vector)``."""
    p = dict(spec.params)
    norm = p.get("normalization")
    if spec.name in ("wsm", "wpm") and norm:
        return f"{spec.name} ({norm})"
    if spec.name == "topsis" and norm and norm != "vector":
        return f"topsis ({norm})"
    if spec.name == "vikor" and p.get("v", 0.5) != 0.5:
        return f"vikor (v={p['v']})"
    return spec.name
