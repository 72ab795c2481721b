"""AHP priorities from pairwise judgments: eigenvector, consistency, Harker completion, hierarchies.

Method (Saaty 1977, 1980; the published canonical form):

* **priorities** are the principal (Perron) right eigenvector of the reciprocal judgment matrix
  A, normalised to sum 1; ``lambda_max`` is its eigenvalue (never below n for a positive
  reciprocal matrix; values below n by rounding are clamped to n);
* **consistency**: CI = (lambda_max - n)/(n - 1), CR = CI/RI(n) with a named random-index table
  (:mod:`.ri`, Saaty's by default); ``consistent`` is CR <= 0.1. For n <= 2, CI = CR = 0;
* **missing judgments** are completed by Harker's method (Harker 1987, "Incomplete pairwise
  comparisons in the analytic hierarchy process", Math. Modelling 9(11):837-848): missing entries
  are set to 0 and each diagonal entry to 1 + the number of missing entries in its row; the
  principal eigenvector of that matrix gives the weights, and each missing a_ij is reported as
  w_i/w_j. lambda_max, CI and CR are those of the completed matrix (its Perron eigenvalue equals
  that of Harker's matrix), with the ordinary RI of the table for n;
* **worst judgments** (only when CR > 0.1): each stated judgment a_ij is compared with the ratio
  of the priorities it helped derive, e_ij = a_ij * w_j / w_i (Saaty 2003, "Decision-making with
  the AHP: why is the principal eigenvector necessary", EJOR 145:85-91); judgments are ranked by
  |ln e_ij| (so a_ij = 3 where w_i/w_j = 1 counts as much as 1/3 would), and each is reported
  with the consistent value w_i/w_j, the nearest value on Saaty's 1..9 / 1/9..1 scale, and the
  CR the matrix would have with that single judgment changed;
* **hierarchies** (:class:`~.judgments.Hierarchy`): each group is solved on its own; a leaf's
  global weight is the product of the local weights on its path from ``top``. The hierarchy's
  ``lambda_max``/``ci``/``ri``/``cr``/``n`` are those of its least consistent group (named in
  ``consistency_group``), so ``consistent`` (every group has CR <= 0.1) equals ``cr <= 0.1``.

Everything here is a pure function of its inputs; nothing prints or reads files except
:func:`ahp_from_file`, which only reads the one judgment file it is given.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import Issue, ValidationError
from ..model import freeze_mappings
from ..rounding import rounded
from .judgments import (
    ROOT_GROUP,
    Hierarchy,
    Judgment,
    JudgmentFile,
    JudgmentSet,
    format_ratio,
    judgment_set_from_matrix,
    outside_saaty,
    read_judgment_file,
)
from .ri import DEFAULT_RI_TABLE, RI_SOURCES, RI_TABLES, random_index

__all__ = [
    "CR_THRESHOLD",
    "SAATY_SCALE",
    "WorstJudgment",
    "pair_json",
    "AHPResult",
    "HierarchyResult",
    "principal_eigen",
    "nearest_saaty",
    "solve_judgments",
    "solve_hierarchy",
    "ahp_weights",
    "ahp_from_judgment_file",
    "ahp_from_file",
]

CR_THRESHOLD = 0.1
SAATY_SCALE = tuple(sorted({float(k) for k in range(1, 10)} | {1.0 / k for k in range(2, 10)}))


@dataclass(frozen=True)
class WorstJudgment:
    """A stated judgment that departs most from the priorities, and what would fix it."""

    a: str
    b: str
    field: str
    given: float
    given_text: str
    consistent_value: float  # w_a / w_b
    error: float  # e = given * w_b / w_a
    suggested: float  # nearest value on Saaty's scale to consistent_value
    cr_if_suggested: float
    group: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        """This judgment as ``weights ahp --format json`` writes it."""
        figures = {
            "field": self.field,
            "given": self.given,
            "given_text": self.given_text,
            "consistent_value": self.consistent_value,
            "error": self.error,
            "suggested": self.suggested,
            "suggested_text": format_ratio(self.suggested),
            "cr_if_suggested": self.cr_if_suggested,
        }
        return pair_json(self.a, self.b, figures, self.group)


def pair_json(a: str, b: str, figures: Mapping[str, Any], group: str | None) -> dict[str, Any]:
    """The JSON of something said about the pair ``a`` over ``b``: its ``pair``, ``figures``,
    then its ``group`` when the pair belongs to a group of a hierarchy."""
    d: dict[str, Any] = {"pair": [a, b], **figures}
    if group is not None:
        d["group"] = group
    return d


def _provenance(method: str, source: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """A scenario's ``provenance:`` of weights derived by ``method``: the method, the
    ``source`` (when there is one), then ``record``."""
    d: dict[str, Any] = {"method": method}
    if source:
        d["source"] = source
    return d | dict(record)


@dataclass(frozen=True)
class AHPResult:
    """Priorities and consistency of one judgment matrix."""

    criteria: tuple[str, ...]
    weights: Mapping[str, float]
    lambda_max: float
    ci: float
    ri: float
    cr: float
    ri_table: str
    matrix: tuple[tuple[float, ...], ...]  # completed matrix
    judgments: tuple[Judgment, ...] = ()
    missing_pairs: tuple[tuple[str, str], ...] = ()
    completed_values: Mapping[tuple[str, str], float] = field(default_factory=dict)
    worst_judgments: tuple[WorstJudgment, ...] = ()
    source: str = ""
    participant: str | None = None
    warnings: tuple[str, ...] = ()
    method: str = "eigenvector"

    def __post_init__(self) -> None:
        freeze_mappings(self, "weights", "completed_values")

    @property
    def n(self) -> int:
        """The number of criteria."""
        return len(self.criteria)

    @property
    def consistent(self) -> bool:
        """True when the consistency ratio is at most CR_THRESHOLD."""
        return self.cr <= CR_THRESHOLD

    @property
    def completion(self) -> str | None:
        """``harker`` when missing pairs were completed, else None."""
        return "harker" if self.missing_pairs else None

    def to_json_dict(self) -> dict[str, Any]:
        """The result as ``weights ahp --format json`` writes it."""
        return {
            "method": self.method,
            "criteria": list(self.criteria),
            "n": self.n,
            "weights": {c: float(w) for c, w in self.weights.items()},
            "lambda_max": float(self.lambda_max),
            "ci": float(self.ci),
            "cr": float(self.cr),
            "ri": float(self.ri),
            "ri_table": self.ri_table,
            "ri_source": RI_SOURCES[self.ri_table],
            "cr_threshold": CR_THRESHOLD,
            "consistent": self.consistent,
            "worst_judgments": [w.to_json_dict() for w in self.worst_judgments],
            "missing_pairs": [list(p) for p in self.missing_pairs],
            "completion": self.completion,
            "completed_values": [
                {"pair": list(p), "value": float(v)} for p, v in self.completed_values.items()
            ],
            "matrix": [[float(x) for x in row] for row in self.matrix],
            "source": self.source,
            "participant": self.participant,
            "warnings": list(self.warnings),
        }

    def to_provenance(self) -> dict[str, Any]:
        """Plain YAML data recording how these weights were derived (for a scenario)."""
        record = {
            "ri_table": self.ri_table,
            "lambda_max": rounded(self.lambda_max, 4),
            "ci": rounded(self.ci, 4),
            "cr": rounded(self.cr, 4),
            "consistent": self.consistent,
            "criteria": list(self.criteria),
            "judgments": [[j.a, j.b, j.text] for j in self.judgments],
        }
        d = _provenance("ahp", self.source, record)
        if self.missing_pairs:
            d["missing_pairs"] = [list(p) for p in self.missing_pairs]
            d["completion"] = "harker"
        return d


@dataclass(frozen=True)
class HierarchyResult:
    """A hierarchy solved group by group; ``weights`` are the global leaf weights."""

    groups: Mapping[str, AHPResult]
    leaves: tuple[str, ...]
    weights: Mapping[str, float]
    group_weights: Mapping[str, float]  # global weight of every node (groups and leaves)
    ri_table: str
    source: str = ""
    participant: str | None = None

    def __post_init__(self) -> None:
        freeze_mappings(self, "groups", "weights", "group_weights")

    @property
    def criteria(self) -> tuple[str, ...]:
        """The leaf criteria, in order."""
        return self.leaves

    @property
    def consistency_group(self) -> str:
        """The group with the highest consistency ratio (the root on a tie)."""
        return max(self.groups, key=lambda g: (self.groups[g].cr, g == ROOT_GROUP))

    def _worst(self) -> AHPResult:
        return self.groups[self.consistency_group]

    @property
    def lambda_max(self) -> float:
        """lambda_max of the least consistent group."""
        return self._worst().lambda_max

    @property
    def ci(self) -> float:
        """The consistency index of the least consistent group."""
        return self._worst().ci

    @property
    def ri(self) -> float:
        """The random index of the least consistent group."""
        return self._worst().ri

    @property
    def cr(self) -> float:
        """The consistency ratio of the least consistent group."""
        return self._worst().cr

    @property
    def consistent(self) -> bool:
        """True when every group is consistent."""
        return all(r.consistent for r in self.groups.values())

    @property
    def local_weights(self) -> dict[str, dict[str, float]]:
        """Each group's local weights of its members."""
        return {g: dict(r.weights) for g, r in self.groups.items()}

    @property
    def worst_judgments(self) -> tuple[WorstJudgment, ...]:
        """The worst-fitting judgments of all groups, largest error first."""
        out = [replace(w, group=g) for g, r in self.groups.items() for w in r.worst_judgments]
        return tuple(sorted(out, key=lambda w: -abs(math.log(w.error))))

    @property
    def missing_pairs(self) -> tuple[tuple[str, str], ...]:
        """The pairs completed by Harker's method, over all groups."""
        return tuple(p for r in self.groups.values() for p in r.missing_pairs)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every group's warnings, each prefixed with its group."""
        return tuple(f"group {g}: {w}" for g, r in self.groups.items() for w in r.warnings)

    def to_json_dict(self) -> dict[str, Any]:
        """The result as ``weights ahp --format json`` writes it."""
        worst = self._worst()
        return {
            "method": "eigenvector",
            "structure": "hierarchy",
            "criteria": list(self.leaves),
            "weights": {c: float(self.weights[c]) for c in self.leaves},
            "lambda_max": float(worst.lambda_max),
            "ci": float(worst.ci),
            "cr": float(worst.cr),
            "ri": float(worst.ri),
            "n": worst.n,
            "consistency_group": self.consistency_group,
            "ri_table": self.ri_table,
            "ri_source": RI_SOURCES[self.ri_table],
            "cr_threshold": CR_THRESHOLD,
            "consistent": self.consistent,
            "worst_judgments": [w.to_json_dict() for w in self.worst_judgments],
            "missing_pairs": [
                {"group": g, "pair": list(p)}
                for g, r in self.groups.items()
                for p in r.missing_pairs
            ],
            "local_weights": self.local_weights,
            "global_weights": {k: float(v) for k, v in self.group_weights.items()},
            "groups": {g: r.to_json_dict() for g, r in self.groups.items()},
            "source": self.source,
            "participant": self.participant,
            "warnings": list(self.warnings),
        }

    def to_provenance(self) -> dict[str, Any]:
        """What a scenario's ``provenance:`` records about these weights."""
        groups = {
            g: {
                "criteria": list(r.criteria),
                "local_weights": {c: rounded(w, 4) for c, w in r.weights.items()},
                "cr": rounded(r.cr, 4),
                "judgments": [[j.a, j.b, j.text] for j in r.judgments],
            }
            for g, r in self.groups.items()
        }
        record = {
            "ri_table": self.ri_table,
            "cr": rounded(self.cr, 4),
            "consistency_group": self.consistency_group,
            "consistent": self.consistent,
            "groups": groups,
        }
        return _provenance("ahp-hierarchy", self.source, record)


# --------------------------------------------------------------------------- maths


def principal_eigen(A: np.ndarray) -> tuple[float, np.ndarray]:
    """Perron eigenvalue and eigenvector (positive, summing to 1) of a positive matrix."""
    vals, vecs = np.linalg.eig(np.asarray(A, dtype=float))
    k = int(np.argmax(vals.real))
    v = np.abs(vecs[:, k].real)
    return float(vals[k].real), v / v.sum()


def nearest_saaty(x: float) -> float:
    """The value of Saaty's scale {1/9, ..., 1/2, 1, 2, ..., 9} nearest to x in log terms."""
    lx = math.log(x)
    return min(SAATY_SCALE, key=lambda s: (abs(math.log(s) - lx), s))


def _consistency(A: np.ndarray, n: int, ri_table: str) -> tuple[float, float, float, float]:
    lam, _ = principal_eigen(A)
    lam = max(lam, float(n))  # lambda_max >= n for positive reciprocal matrices (Saaty)
    if n <= 2:
        return float(n), 0.0, 0.0, 0.0
    ci = (lam - n) / (n - 1)
    ri = random_index(n, ri_table)
    cr = ci / ri
    if abs(cr) < 1e-12:
        ci, cr = 0.0, 0.0
    return lam, ci, ri, cr


def _harker(A: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Harker (1987) weights for a matrix with NaN at missing pairs; returns (w, completed A)."""
    missing = np.isnan(A)
    C = np.where(missing, 0.0, A)
    np.fill_diagonal(C, 1.0 + missing.sum(axis=1))
    _, w = principal_eigen(C)
    full = np.where(missing, w[:, None] / w[None, :], A)
    return w, full


def _solve_matrix(A: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if np.isnan(A).any():
        return _harker(A)
    _, w = principal_eigen(A)
    return w, A


def solve_judgments(
    js: JudgmentSet,
    ri_table: str = DEFAULT_RI_TABLE,
    *,
    top: int = 3,
    source: str | None = None,
    participant: str | None = None,
) -> AHPResult:
    """Priorities, consistency and (if inconsistent) the worst judgments of one judgment set."""
    _check_table(ri_table, js.n, js.source or source or "", js.prefix)
    crit = js.criteria
    n = js.n
    A = js.matrix()
    w, full = _solve_matrix(A)
    lam, ci, ri, cr = _consistency(full, n, ri_table)
    idx = {c: i for i, c in enumerate(crit)}
    missing = js.missing_pairs()
    completed = {(a, b): float(full[idx[a], idx[b]]) for a, b in missing}
    worst: list[WorstJudgment] = []
    if cr > CR_THRESHOLD and js.judgments:
        ranked = sorted(
            js.judgments,
            key=lambda j: -abs(math.log(j.value * w[idx[j.b]] / w[idx[j.a]])),
        )
        for j in ranked[:top]:
            i, k = idx[j.a], idx[j.b]
            cons = float(w[i] / w[k])
            sug = nearest_saaty(cons)
            B = A.copy()
            B[i, k], B[k, i] = sug, 1.0 / sug
            _, full_b = _solve_matrix(B)
            cr_b = _consistency(full_b, n, ri_table)[3]
            worst.append(
                WorstJudgment(
                    a=j.a,
                    b=j.b,
                    field=j.field,
                    given=j.value,
                    given_text=j.text,
                    consistent_value=cons,
                    error=float(j.value * w[k] / w[i]),
                    suggested=sug,
                    cr_if_suggested=float(cr_b),
                )
            )
    warnings: list[str] = []
    if js.scale == "positive":
        off = [j for j in js.judgments if outside_saaty(j.value)]
        if off:
            warnings.append(
                "judgments outside Saaty's 1/9..9 scale ("
                + ", ".join(f"{j.field} = {j.text}" for j in off[:5])
                + "): the RI tables were computed on that scale, so read CR with care"
            )
    return AHPResult(
        criteria=crit,
        weights={c: float(w[i]) for i, c in enumerate(crit)},
        lambda_max=lam,
        ci=ci,
        ri=ri,
        cr=cr,
        ri_table=ri_table,
        matrix=tuple(tuple(float(x) for x in row) for row in full),
        judgments=js.judgments,
        missing_pairs=missing,
        completed_values=completed,
        worst_judgments=tuple(worst),
        source=source if source is not None else js.source,
        participant=participant,
        warnings=tuple(warnings),
    )


def solve_hierarchy(
    h: Hierarchy, ri_table: str = DEFAULT_RI_TABLE, *, top: int = 3, participant: str | None = None
) -> HierarchyResult:
    """Solve every group; global weight = product of local weights from ``top`` down."""
    results = {
        g: solve_judgments(js, ri_table, top=top, source=h.source) for g, js in h.groups.items()
    }
    glob: dict[str, float] = {ROOT_GROUP: 1.0}

    def down(g: str) -> None:
        for c, lw in results[g].weights.items():
            glob[c] = glob[g] * lw
            if c in results:
                down(c)

    down(ROOT_GROUP)
    return HierarchyResult(
        groups=results,
        leaves=h.leaves,
        weights={c: glob[c] for c in h.leaves},
        group_weights=glob,
        ri_table=ri_table,
        source=h.source,
        participant=participant,
    )


def _check_table(ri_table: str, n: int, source: str, prefix: str) -> None:
    if ri_table not in RI_TABLES:
        raise ValidationError(
            [
                Issue(
                    source or "ri_table",
                    "ri_table",
                    f"{ri_table!r} is not a known RI table (choose from: {', '.join(RI_TABLES)})",
                )
            ]
        )
    try:
        random_index(n, ri_table)
    except ValueError as exc:
        raise ValidationError([Issue(source, f"{prefix}criteria", str(exc))]) from exc


def ahp_weights(
    matrix: Any,
    criteria: Sequence[str] | None = None,
    *,
    ri_table: str = DEFAULT_RI_TABLE,
    scale: str = "saaty",
    top: int = 3,
) -> AHPResult:
    """AHP on an in-memory reciprocal matrix (numbers, ``"1/3"`` strings, NaN/None = missing).

    The matrix is checked like a judgment file's ``matrix`` (reciprocal to 1 %, ones on the
    diagonal, values on Saaty's scale unless ``scale="positive"``); problems raise
    ValidationError naming ``<matrix>`` and the cell.
    """
    js = judgment_set_from_matrix(matrix, criteria, scale=scale)
    return solve_judgments(js, ri_table, top=top, source="")


def ahp_from_judgment_file(
    jf: JudgmentFile, ri_table: str | None = None, *, top: int = 3
) -> AHPResult | HierarchyResult:
    """Solve a parsed judgment file; ``ri_table`` overrides the file's own ``ri_table``."""
    table = ri_table or jf.ri_table or DEFAULT_RI_TABLE
    if isinstance(jf.content, Hierarchy):
        return solve_hierarchy(jf.content, table, top=top, participant=jf.participant)
    return solve_judgments(jf.content, table, top=top, source=jf.source, participant=jf.participant)


def ahp_from_file(
    path: str | Path, ri_table: str | None = None, *, top: int = 3
) -> AHPResult | HierarchyResult:
    """Read one judgment file (see :mod:`.judgments` for the format) and solve it."""
    return ahp_from_judgment_file(read_judgment_file(path), ri_table, top=top)
