"""Sensitivity analysis: "how sure are we?" in one place.

sample (sample.py) -> evaluate (evaluate.py, vectorised) -> analyse (oat.py, critical.py,
smaa.py, robustness.py). :func:`run_sensitivity` runs them all on a study.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import Issue, ValidationError
from ..matrix import DecisionMatrix, build_matrix
from ..model import MethodSpec, Study
from ..ranking import evaluate_matrix
from .critical import (
    DataChange,
    WeightChange,
    critical_data_changes,
    critical_weight_changes,
    most_critical,
)
from .evaluate import Evaluator
from .oat import CONVENTION, DEFAULT_LISTED, OATResult, listed_pairs, oat_sweep
from .robustness import MethodAgreement, method_agreement
from .sample import WEIGHT_SAMPLINGS
from .smaa import SMAAResult, run_smaa_on_matrix

__all__ = [
    "SensitivityResult",
    "run_sensitivity",
    "CONVENTION",
    "WEIGHT_SAMPLINGS",
    "DEFAULT_SEED",
    "DEFAULT_LISTED",
]

DEFAULT_SEED = 1


@dataclass(frozen=True)
class SensitivityResult:
    study: Study
    matrix: DecisionMatrix
    method: MethodSpec
    ranks: np.ndarray
    scores: np.ndarray
    oat: dict[str, OATResult]
    weight_changes: list[WeightChange]
    most_critical: dict[str, Any]
    data_changes: list[DataChange]
    smaa: SMAAResult
    agreement: MethodAgreement
    notes: list[str] = field(default_factory=list)
    # what the pair lists cover: {"top", "every_pair", "pairs_followed"} (run_sensitivity's top)
    listed: dict[str, Any] = field(default_factory=dict)

    @property
    def leader(self) -> str:
        """The site ranked first."""
        return self.matrix.site_ids[int(np.argmin(self.ranks))]

    def to_json(self) -> dict[str, Any]:
        """The analysis as ``sensitivity --format json`` writes it."""
        dm, sm = self.matrix, self.smaa
        sites, crits = dm.site_ids, dm.criterion_ids
        crit = {c.id: c for c in dm.criteria}
        n = len(sites)

        def r(x: float) -> float | None:
            return None if not np.isfinite(x) else float(f"{x:.6g}")

        data = []
        for d in self.data_changes:
            c = crit[d.criterion]
            cell = dm.cell(d.site, d.criterion)
            fact_unit = cell.fact.unit if cell.fact else c.unit
            data.append(d.to_json(c.unit, c.fact, fact_unit, cell.status))
        voi = []
        for c_idx in np.argsort(-sm.voi, kind="stable"):
            cell = sm.uncertain[c_idx]
            c = dm.criteria[cell.criterion_index]
            voi.append(
                {
                    "site": sites[cell.site_index],
                    "criterion": c.id,
                    "fact": c.fact,
                    "kind": cell.kind,
                    "low": r(cell.low),
                    "high": r(cell.high),
                    "unit": c.unit,
                    "expected_change_in_first_acceptability": r(sm.voi[c_idx]),
                    "before_noise_floor": r(sm.voi_raw[c_idx]),
                    "noise_floor": (
                        None
                        if sm.voi_noise_by_fact is None
                        else r(sm.voi_noise_by_fact[c_idx])
                    ),
                    "leader": sm.leader,
                    "leader_first_acceptability_range": [r(x) for x in sm.voi_leader_range[c_idx]],
                }
            )
        return {
            "method": self.method.as_dict(),
            "criteria_set": self.study.criteria_set.name,
            "scenario": self.study.scenario,
            "weights": {c: float(f"{w:.12g}") for c, w in dm.weight_of.items()},
            "seed": sm.seed,
            "samples": sm.samples,
            "weight_sampling": sm.weight_sampling,
            "concentration": sm.concentration,
            "convention": CONVENTION,
            "ranking": [
                {"rank": int(self.ranks[i]), "site": sites[i], "score": r(self.scores[i])}
                for i in np.argsort(self.ranks, kind="stable")
            ],
            "oat": {k: v.to_json() for k, v in self.oat.items()},
            "critical": [w.to_json() for w in self.weight_changes],
            "most_critical": self.most_critical,
            "critical_data": data,
            "smaa": {
                "rank_acceptability": dict(zip(sites, _rounded_rows(sm.rank_acceptability), strict=True)),
                "holistic_acceptability": {s: r(sm.holistic[i]) for i, s in enumerate(sites)},
                "expected_rank": {s: r(sm.expected_rank[i]) for i, s in enumerate(sites)},
                "central_weights": {
                    s: (
                        {c: r(sm.central_weights[i, j]) for j, c in enumerate(crits)}
                        if np.isfinite(sm.central_weights[i]).all()
                        else None
                    )
                    for i, s in enumerate(sites)
                },
                "confidence": {s: r(sm.confidence[i]) for i, s in enumerate(sites)},
                "pairwise_winning": {
                    s: {t: x for j, (t, x) in enumerate(zip(sites, row, strict=True)) if j != i}
                    for i, (s, row) in enumerate(zip(sites, _rounded_rows(sm.pairwise), strict=True))
                },
                "pairwise_samples": sm.pairwise_samples,
                "uncertain_facts": len(sm.uncertain),
                "value_of_information": voi,
                "value_of_information_noise_floor": r(sm.voi_noise),
                "value_of_information_samples": sm.voi_samples,
            },
            "method_agreement": self.agreement.to_json(),
            "excluded": [{"site": s, "reason": why} for s, why in dm.excluded],
            "horizon": dm.horizon,
            "excluded_criteria": [x.to_json() for x in dm.excluded_criteria],
            "not_comparable": [x.to_json() for x in dm.not_comparable],
            "notes": list(self.notes),
            "sites": n,
            "listed": dict(self.listed),
        }


def _rounded_rows(a: np.ndarray) -> list[list[float | None]]:
    """Each row of ``a`` as JSON numbers to 6 significant digits (None where not finite)."""
    return [
        [float(f"{x:.6g}") if math.isfinite(x) else None for x in row]
        for row in np.asarray(a, float).tolist()
    ]


def run_sensitivity(
    study: Study,
    *,
    samples: int = 10_000,
    seed: int = DEFAULT_SEED,
    weight_sampling: str = "uniform",
    concentration: float = 50.0,
    unknown_missing: bool = False,
    method: MethodSpec | None = None,
    progress: Callable[[int, int], None] | None = None,
    top: int = DEFAULT_LISTED,
) -> SensitivityResult:
    """Sample, evaluate and analyse: OAT sweeps, critical changes, SMAA and method agreement.

    In a set of more than ``top`` sites the sweeps follow the pairs of :func:`.oat.listed_pairs`
    and the critical data changes are found for the best ``top`` sites (a note says so); the
    stability and top intervals, SMAA and method agreement cover every site.
    """
    spec = method or study.method
    if samples < 1:
        raise ValidationError([Issue("--samples", "", f"must be at least 1, got {samples}")])
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValidationError([Issue("--seed", "", f"must be a whole number >= 0, got {seed!r}")])
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValidationError([Issue("--top", "", f"must be a whole number >= 1, got {top!r}")])
    if weight_sampling not in WEIGHT_SAMPLINGS:
        raise ValidationError(
            [
                Issue(
                    "--weight-sampling",
                    "",
                    f"{weight_sampling!r} is not valid "
                    f"(choose from: {', '.join(WEIGHT_SAMPLINGS)})",
                )
            ]
        )
    dm = build_matrix(study)
    if len(dm.site_ids) < 2:
        raise ValidationError(
            [
                Issue(
                    study.sites_dir or "sites",
                    "",
                    "sensitivity needs at least two sites in the comparison",
                )
            ]
        )
    out = evaluate_matrix(dm, spec)
    ev = Evaluator(dm.problem(), spec)
    w = dm.weights
    notes = [f"OAT: {CONVENTION}."]
    if not ev.batched:
        notes.append(f"{spec.name} has no vectorised form; samples are evaluated one at a time")
    sites = tuple(dm.site_ids)
    pairs = listed_pairs(out.ranks, top)
    n = len(sites)
    listed = {"top": top, "every_pair": pairs is None, "pairs_followed": n * (n - 1) // 2}
    if pairs is not None:
        listed["pairs_followed"] = int(pairs[0].size)
        notes.append(_listed_note(n, top, int(pairs[0].size)))
    oat = {c.id: oat_sweep(ev, w, j, sites, pairs) for j, c in enumerate(dm.criteria)}
    changes = critical_weight_changes(oat, w, dm.criterion_ids, sites, out.ranks)
    factors = np.array([[dm.cell(s, c.id).factor for c in dm.criteria] for s in dm.site_ids])
    best = np.array([c.scale_best if c.has_scale else np.nan for c in dm.criteria], float)
    worst = np.array([c.scale_worst if c.has_scale else np.nan for c in dm.criteria], float)
    data = critical_data_changes(
        ev,
        w,
        dm.X,
        out.ranks,
        sites,
        dm.criterion_ids,
        np.nan_to_num(dm.observed_low),
        np.nan_to_num(dm.observed_high),
        factors,
        best,
        anchors_worst=worst,
        top=None if pairs is None else top,
    )
    smaa = run_smaa_on_matrix(
        dm,
        ev,
        w,
        samples=samples,
        seed=seed,
        weight_sampling=weight_sampling,
        concentration=concentration,
        unknown_missing=unknown_missing,
        progress=progress,
    )
    agreement = method_agreement(dm)
    return SensitivityResult(
        study=study,
        matrix=dm,
        method=spec,
        ranks=out.ranks,
        scores=out.scores,
        oat=oat,
        weight_changes=changes,
        most_critical=most_critical(changes, dm.criterion_ids),
        data_changes=data,
        smaa=smaa,
        agreement=agreement,
        notes=notes,
        listed=listed,
    )


def _listed_note(n: int, top: int, followed: int) -> str:
    return (
        f"{n:,} sites: crossovers and critical weight changes are listed for {followed:,} of the "
        f"{n * (n - 1) // 2:,} pairs (every pair among the best {top}, the leader with every "
        f"site, each site with the two just below it); critical data changes for the best {top} "
        "sites; the stability and top intervals, SMAA and method agreement cover every site "
        "(--top K lists more)"
    )
