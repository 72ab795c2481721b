"""Group AHP: several participants' judgments combined into one set of priorities.

Aggregation of individual judgments (AIJ) by the element-wise **geometric mean** (Aczél, J. &
Saaty, T. L. (1983) "Procedures for synthesizing ratio judgements", J. Math. Psychology
27:93-102): the group's judgment for a pair is the geometric mean of the judgments of the
participants who gave that pair (a participant who skipped a pair does not count as a 1). A pair
nobody gave stays missing and is completed by Harker's method. The geometric mean keeps the
group matrix reciprocal, which the arithmetic mean would not. All participants count equally.

The result reports, for every participant, their own priorities and CR, and how far their
priorities sit from the group's: Euclidean distance and largest absolute difference of the weight
vectors, and Kendall's tau-b between the two orders of the criteria (scipy.stats.kendalltau;
``None`` when one of the vectors is constant). ``disagreements`` lists the pairs on which
participants differ most, measured by the ratio of the largest to the smallest judgment given.

Hierarchies are aggregated group by group when every participant uses the same groups with the
same members; mixing flat and hierarchical files is an error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import stats

from ..errors import Issue, ValidationError
from ..rounding import rounded
from .ahp import AHPResult, HierarchyResult, pair_json, solve_hierarchy, solve_judgments
from .judgments import (
    Hierarchy,
    Judgment,
    JudgmentFile,
    JudgmentSet,
    format_ratio,
    read_judgment_file,
)
from .ri import DEFAULT_RI_TABLE

__all__ = [
    "AGGREGATION",
    "ParticipantResult",
    "Disagreement",
    "GroupResult",
    "aggregate_judgments",
    "group_ahp",
]

AGGREGATION = "geometric mean of individual judgments (Aczél & Saaty 1983)"


@dataclass(frozen=True)
class ParticipantResult:
    name: str
    source: str
    result: AHPResult | HierarchyResult
    euclidean: float
    max_abs: float
    kendall_tau: float | None

    def to_json_dict(self) -> dict[str, Any]:
        """This participant's result and distance to the group, as JSON."""
        r = self.result
        return {
            "name": self.name,
            "file": self.source,
            "weights": {c: float(w) for c, w in r.weights.items()},
            "lambda_max": float(r.lambda_max),
            "ci": float(r.ci),
            "cr": float(r.cr),
            "consistent": r.consistent,
            "missing_pairs": [list(p) for p in r.missing_pairs],
            "distance": {
                "euclidean": self.euclidean,
                "max_abs": self.max_abs,
                "kendall_tau": self.kendall_tau,
            },
        }


@dataclass(frozen=True)
class Disagreement:
    a: str
    b: str
    values: tuple[tuple[str, float], ...]  # (participant, judgment of a over b)
    geometric_mean: float
    spread: float  # largest / smallest judgment
    group: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        """This disagreement as ``weights group --format json`` writes it."""
        figures = {
            "values": {p: v for p, v in self.values},
            "geometric_mean": self.geometric_mean,
            "spread": self.spread,
        }
        return pair_json(self.a, self.b, figures, self.group)


@dataclass(frozen=True)
class GroupResult:
    result: AHPResult | HierarchyResult
    participants: tuple[ParticipantResult, ...]
    disagreements: tuple[Disagreement, ...]

    @property
    def weights(self) -> Any:
        """The group's weights by criterion."""
        return self.result.weights

    @property
    def cr(self) -> float:
        """The group result's consistency ratio."""
        return self.result.cr

    @property
    def consistent(self) -> bool:
        """True when the group result is consistent."""
        return self.result.consistent

    def to_json_dict(self) -> dict[str, Any]:
        """The result as ``weights group --format json`` writes it."""
        d = self.result.to_json_dict()
        d["source"] = [p.source for p in self.participants]
        d["participant"] = None
        d["aggregation"] = AGGREGATION
        d["participants"] = [p.to_json_dict() for p in self.participants]
        d["disagreements"] = [x.to_json_dict() for x in self.disagreements]
        return d

    def to_provenance(self) -> dict[str, Any]:
        """What a scenario's ``provenance:`` records about these weights."""
        r = self.result
        d: dict[str, Any] = {
            "method": "ahp-group",
            "aggregation": AGGREGATION,
            "ri_table": r.ri_table,
            "cr": rounded(r.cr, 4),
            "consistent": r.consistent,
            "participants": [
                {
                    "name": p.name,
                    "file": Path(p.source).name,
                    "cr": rounded(p.result.cr, 4),
                    "euclidean_distance": rounded(p.euclidean, 4),
                    "kendall_tau": None if p.kendall_tau is None else rounded(p.kendall_tau, 4),
                }
                for p in self.participants
            ],
        }
        if r.missing_pairs:
            d["missing_pairs"] = [list(p) for p in r.missing_pairs]
        return d


def aggregate_judgments(
    sets: Sequence[tuple[str, JudgmentSet]], criteria: tuple[str, ...] | None = None
) -> JudgmentSet:
    """Element-wise geometric mean of the judgments of (participant, set) pairs."""
    crit = criteria or sets[0][1].criteria
    idx = {c: i for i, c in enumerate(crit)}
    logs: dict[tuple[int, int], list[float]] = {}
    for _, js in sets:
        for j in js.judgments:
            i, k = idx[j.a], idx[j.b]
            lv = math.log(j.value)
            if i > k:
                i, k, lv = k, i, -lv
            logs.setdefault((i, k), []).append(lv)
    out = []
    for (i, k), ls in sorted(logs.items()):
        g = math.exp(sum(ls) / len(ls))
        out.append(
            Judgment(
                crit[i],
                crit[k],
                g,
                format_ratio(g),
                f"{crit[i]}/{crit[k]} (geometric mean of {len(ls)} of {len(sets)})",
            )
        )
    prefix = sets[0][1].prefix
    return JudgmentSet(crit, tuple(out), "group", prefix, "aggregate", "positive")


def _disagreements(
    named: Sequence[tuple[str, JudgmentSet]], group: str | None, top: int
) -> list[Disagreement]:
    crit = named[0][1].criteria
    idx = {c: i for i, c in enumerate(crit)}
    per: dict[tuple[int, int], list[tuple[str, float]]] = {}
    for name, js in named:
        for j in js.judgments:
            i, k = idx[j.a], idx[j.b]
            v = j.value if i < k else 1.0 / j.value
            per.setdefault((min(i, k), max(i, k)), []).append((name, v))
    out = []
    for (i, k), vals in per.items():
        if len(vals) < 2:
            continue
        xs = [v for _, v in vals]
        spread = max(xs) / min(xs)
        if spread <= 1.0 + 1e-12:
            continue
        gm = math.exp(sum(math.log(v) for v in xs) / len(xs))
        out.append(Disagreement(crit[i], crit[k], tuple(vals), gm, spread, group))
    out.sort(key=lambda d: -d.spread)
    return out[:top]


def _distance(
    p: dict[str, float], g: dict[str, float], order: tuple[str, ...]
) -> tuple[float, float, float | None]:
    a = np.array([p[c] for c in order])
    b = np.array([g[c] for c in order])
    eu = float(np.linalg.norm(a - b))
    mx = float(np.max(np.abs(a - b)))
    if np.ptp(a) == 0 or np.ptp(b) == 0 or len(order) < 2:
        return eu, mx, None
    tau = stats.kendalltau(a, b).statistic
    return eu, mx, (None if tau is None or math.isnan(tau) else float(tau))


def _load(items: Sequence[JudgmentFile | str | Path]) -> list[JudgmentFile]:
    files: list[JudgmentFile] = []
    issues: list[Issue] = []
    for it in items:
        if isinstance(it, JudgmentFile):
            files.append(it)
            continue
        try:
            files.append(read_judgment_file(it))
        except ValidationError as exc:
            issues.extend(exc.issues)
    if issues:
        raise ValidationError(issues)
    return files


def _check_same(files: list[JudgmentFile]) -> None:
    first = files[0]
    issues: list[Issue] = []
    names: dict[str, str] = {}
    for f in files:
        if f.participant in names:
            issues.append(
                Issue(
                    f.source,
                    "participant",
                    f"participant {f.participant!r} also gave {names[f.participant]}",
                )
            )
        names.setdefault(f.participant, f.source)
    for f in files[1:]:
        if f.is_hierarchy != first.is_hierarchy:
            kind = "a hierarchy (groups)" if first.is_hierarchy else "a flat list of criteria"
            issues.append(
                Issue(
                    f.source,
                    "groups" if f.is_hierarchy else "criteria",
                    f"{first.source} is {kind}; every participant must use the same structure",
                )
            )
            continue
        missing = [c for c in first.criteria if c not in f.criteria]
        extra = [c for c in f.criteria if c not in first.criteria]
        if missing or extra:
            parts = ([f"missing {', '.join(missing)}"] if missing else []) + (
                [f"extra {', '.join(extra)}"] if extra else []
            )
            issues.append(
                Issue(f.source, "criteria", f"differs from {first.source}: {'; '.join(parts)}")
            )
            continue
        if isinstance(first.content, Hierarchy) and isinstance(f.content, Hierarchy):
            for g, js in first.content.groups.items():
                other = f.content.groups.get(g)
                if other is None:
                    issues.append(
                        Issue(f.source, "groups", f"has no group {g!r} (as in {first.source})")
                    )
                elif set(other.criteria) != set(js.criteria):
                    issues.append(
                        Issue(
                            f.source,
                            f"groups.{g}.criteria",
                            f"differs from {first.source}: {', '.join(js.criteria)}",
                        )
                    )
            for g in f.content.groups:
                if g not in first.content.groups:
                    issues.append(
                        Issue(f.source, f"groups.{g}", f"{first.source} has no group {g!r}")
                    )
    if issues:
        raise ValidationError(issues)


def group_ahp(
    participants: Sequence[JudgmentFile | str | Path],
    ri_table: str | None = None,
    *,
    top: int = 3,
    top_disagreements: int = 5,
) -> GroupResult:
    """Combine participants' judgment files (paths or parsed files) into group priorities.

    ``ri_table`` defaults to the first file's ``ri_table``, else Saaty's.
    """
    if len(participants) < 2:
        raise ValidationError(
            [
                Issue(
                    "weights group",
                    "",
                    f"needs at least 2 participants' files, got {len(participants)}",
                )
            ]
        )
    files = _load(participants)
    _check_same(files)
    table = ri_table or files[0].ri_table or DEFAULT_RI_TABLE
    if files[0].is_hierarchy:
        group_res, indiv, disagreements = _combine_hierarchies(files, table, top, top_disagreements)
    else:
        group_res, indiv, disagreements = _combine_sets(files, table, top, top_disagreements)
    order = group_res.criteria
    parts = []
    for f, r in zip(files, indiv, strict=True):
        eu, mx, tau = _distance(dict(r.weights), dict(group_res.weights), order)
        parts.append(ParticipantResult(f.participant, f.source, r, eu, mx, tau))
    return GroupResult(group_res, tuple(parts), tuple(disagreements))


Combined = tuple[AHPResult | HierarchyResult, list[AHPResult | HierarchyResult], list[Disagreement]]


def _combine_hierarchies(
    files: list[JudgmentFile], table: str, top: int, top_disagreements: int
) -> Combined:
    """(group result, each participant's result, the largest disagreements) for hierarchies."""
    hs = [(f, f.content) for f in files if isinstance(f.content, Hierarchy)]
    h0 = hs[0][1]
    agg_groups = {}
    dis: list[Disagreement] = []
    for g, js in h0.groups.items():
        named = [(f.participant, h.groups[g]) for f, h in hs]
        agg_groups[g] = aggregate_judgments(named, js.criteria)
        dis.extend(_disagreements(named, g, top_disagreements))
    dis.sort(key=lambda d: -d.spread)
    group_res = solve_hierarchy(Hierarchy(agg_groups, h0.leaves, "group"), table, top=top)
    indiv: list[AHPResult | HierarchyResult] = [
        solve_hierarchy(h, table, top=top, participant=f.participant) for f, h in hs
    ]
    return group_res, indiv, dis[:top_disagreements]


def _combine_sets(
    files: list[JudgmentFile], table: str, top: int, top_disagreements: int
) -> Combined:
    """(group result, each participant's result, the largest disagreements) for flat files."""
    sets = [(f, f.content) for f in files if isinstance(f.content, JudgmentSet)]
    named = [(f.participant, js) for f, js in sets]
    group_res = solve_judgments(
        aggregate_judgments(named, files[0].criteria), table, top=top, source="group"
    )
    disagreements = _disagreements(named, None, top_disagreements)
    indiv: list[AHPResult | HierarchyResult] = [
        solve_judgments(js, table, top=top, source=f.source, participant=f.participant)
        for f, js in sets
    ]
    return group_res, indiv, disagreements
