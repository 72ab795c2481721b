"""Rank a study: the library core the CLI, the workbook and notebooks share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import Issue, MethodDomainError, NormalizationError, ValidationError
from .intervals import RankIntervals, rank_intervals
from .matrix import DecisionMatrix, build_matrix
from .methods import MethodInfo, MethodOutput, get_method
from .model import MethodSpec, Study

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Ranking", "rank", "evaluate_matrix"]


@dataclass(frozen=True)
class Ranking:
    """The result of ranking a study with one method. DataFrames for notebooks, JSON for tools."""

    study: Study
    matrix: DecisionMatrix
    method: MethodSpec
    info: MethodInfo
    output: MethodOutput
    intervals: RankIntervals | None = None  # best/worst rank with the weights fixed
    # when this ranking shows only the best sites of a larger one (a site table's top K,
    # sitecompare.topk): how many sites were ranked in all
    ranked: int | None = None

    @property
    def ranked_count(self) -> int:
        """How many sites were ranked (more than the matrix holds when restricted to the best K)."""
        return self.ranked if self.ranked is not None else len(self.matrix.site_ids)

    @property
    def site_ids(self) -> Sequence[str]:
        """The ranked sites' ids, in the matrix's order."""
        return self.matrix.site_ids

    @property
    def order(self) -> np.ndarray:
        """Site indices in rank order (ties keep file order)."""
        order = self.__dict__.get("_order")
        if order is None:  # sorted once: a site table's ranking asks for it several times
            order = np.argsort(self.output.ranks, kind="stable")
            object.__setattr__(self, "_order", order)
        return order

    @property
    def scores(self) -> pd.Series:
        """The scores as a pandas Series by site id."""
        import pandas as pd

        return pd.Series(self.output.scores, index=list(self.site_ids), name="score")

    @property
    def ranks(self) -> pd.Series:
        """The ranks (1 = best) as a pandas Series by site id."""
        import pandas as pd

        return pd.Series(self.output.ranks, index=list(self.site_ids), name="rank")

    @property
    def leader(self) -> str:
        """The id of the site ranked first."""
        return self.site_ids[int(self.order[0])]

    def _names(self, idx: np.ndarray) -> list[str]:
        names = getattr(self.matrix, "names", None)  # a site table's matrix: by column
        if names is not None:
            return list(names(idx))
        return [self.study.site(self.site_ids[i]).name for i in idx]

    def table(self, top: int | None = None) -> pd.DataFrame:
        """One row per site in rank order (the best ``top`` only, when given): rank, site,
        name, score and method details."""
        import pandas as pd

        return pd.DataFrame(self.rows(top))

    def rows(self, top: int | None = None) -> list[dict[str, Any]]:
        """The rows of :meth:`table` as plain dicts (no pandas: the command line's table)."""
        rows = []
        order = self.order if top is None else self.order[:top]
        names = self._names(order)
        for i, name in zip(order, names, strict=True):
            sid = self.site_ids[i]
            row: dict[str, Any] = {
                "rank": int(self.output.ranks[i]),
                "site": sid,
                "name": name,
                "score": float(self.output.scores[i]),
            }
            for k, v in self.output.details.items():
                row[k] = float(v[i])
            if self.intervals is not None:
                row["rank_best"], row["rank_worst"] = self.intervals.of(int(i))
            rows.append(row)
        return rows

    def contributions(self) -> pd.DataFrame | None:
        """Each criterion's share of each site's score (a DataFrame), for methods that have one."""
        c = self.output.contributions
        if c is None:
            return None
        import pandas as pd

        return pd.DataFrame(c, index=list(self.site_ids), columns=list(self.matrix.criterion_ids))

    def to_json(self, top: int | None = None) -> dict[str, Any]:
        """The spec's ``rank --format json`` object (``ranking`` holds the best ``top`` sites
        only, when given; ``ranked`` says how many sites were ranked)."""
        details_keys = list(self.output.details)
        iv = self.intervals
        ranking = []
        for i in self.order if top is None else self.order[:top]:
            entry: dict[str, Any] = {
                "rank": int(self.output.ranks[i]),
                "site": self.site_ids[i],
                "score": _num(self.output.scores[i]),
                "details": {k: _num(self.output.details[k][i]) for k in details_keys},
            }
            if iv is not None:
                entry["rank_interval"] = list(iv.of(int(i)))
                entry["rank_interval_exact"] = iv.exact
            ranking.append(entry)
        dm = self.matrix
        out: dict[str, Any] = {
            "method": self.method.as_dict(),
            "criteria_set": self.study.criteria_set.name,
            "scenario": self.study.scenario,
            "horizon": dm.horizon,
            "weights": {c: _num(w) for c, w in dm.weight_of.items()},
            "weights_by": self.study.criteria_set.weights_by,
            "ranked": self.ranked_count,
            "top": top if top is not None else (len(self.site_ids) if self.ranked is not None else None),
            "ranking": ranking,
            "rank_interval_exact": None if iv is None else iv.exact,
            "rank_intervals": None if iv is None else iv.to_json(),
            "excluded": [{"site": s, "reason": r} for s, r in dm.excluded],
            "excluded_criteria": [x.to_json() for x in dm.excluded_criteria],
            "not_comparable": [x.to_json() for x in dm.not_comparable],
            "warnings": [*self.study.notes, *dm.warnings],
        }
        info = {k: v for k, v in self.output.info.items() if k in ("compromise",)}
        if info:
            out["method_info"] = info
        out["higher_is_better"] = self.output.higher_is_better
        return out


def _num(x: float) -> float:
    return float(f"{float(x):.12g}")


def evaluate_matrix(
    dm: DecisionMatrix,
    method: MethodSpec,
    weights: np.ndarray | None = None,
    origin: tuple[str, str] = ("method", ""),
) -> MethodOutput:
    """Evaluate ``method`` on ``dm``; a method that cannot rank these values (a product of
    zeros, say: it raises :class:`MethodDomainError`) is a ValidationError located at
    ``origin`` = (file or option, field). Any other exception is a bug and is not caught
    here (the CLI exits 3)."""
    info = get_method(method.name)
    w = dm.weights if weights is None else weights
    where, field = origin
    try:
        return info.evaluate(dm.problem(), w, **dict(method.params))
    except NormalizationError as exc:
        c = dm.criteria[exc.column]
        raise ValidationError(
            [Issue(where, _join(field, "normalization"), f"{exc} (criterion {c.id})")]
        ) from exc
    except MethodDomainError as exc:
        raise ValidationError(
            [Issue(where, field or method.name, exc.message + _nonpositive_hint(dm))]
        ) from exc


def _join(*parts: str) -> str:
    return ".".join(p for p in parts if p)


def method_origin(study: Study, method: MethodSpec | None = None) -> tuple[str, str]:
    """Where the method in force was chosen: the criteria file's ``method`` or ``--method``."""
    spec = method or study.method
    if spec == study.criteria_set.method:
        return study.criteria_set.path, "method"
    return "--method", spec.name


def _nonpositive_hint(dm: DecisionMatrix) -> str:
    """Which sites hold the values <= 0 a product or ratio method refuses, and why."""
    parts = []
    for j, c in enumerate(dm.criteria):
        for i, sid in enumerate(dm.site_ids):
            if dm.X[i, j] <= 0:
                cell = dm.cell(sid, c.id)
                if cell.unknown:
                    why = ", unknown: the worst end of its plausible range (missing: interval)"
                else:
                    why = f", imputed by missing: {cell.imputed}" if cell.imputed else ""
                parts.append(f"{sid} {c.id} = {dm.X[i, j]:g} {c.unit}{why}")
    return f" ({'; '.join(parts[:5])})" if parts else ""


def rank(study: Study, method: MethodSpec | None = None, *, intervals: bool = True) -> Ranking:
    """Rank the study's sites with ``method`` (default: the study's), with each site's rank
    interval (:mod:`sitecompare.intervals`; ``intervals=False`` skips them)."""
    spec = method or study.method
    dm = build_matrix(study)
    out = evaluate_matrix(dm, spec, origin=method_origin(study, spec))
    iv = rank_intervals(dm, spec, out.ranks) if intervals else None
    return Ranking(
        study=study, matrix=dm, method=spec, info=get_method(spec.name), output=out, intervals=iv
    )
