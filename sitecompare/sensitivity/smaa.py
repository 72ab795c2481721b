"""SMAA-2 (Lahdelma & Salminen 2001, Operations Research 49(3):444-454).

For K samples of weights (and of uncertain facts), each site's rank is recorded. Outputs:

* rank acceptability b_i^r: share of samples in which site i has rank r (ties share the better
  rank, so a tied sample counts for every tied site);
* holistic acceptability a_i = sum_r alpha_r b_i^r with linear meta-weights
  alpha_r = (n - r)/(n - 1);
* central weight vector w_i^c: mean of the weight samples in which site i ranks first;
* confidence factor p_i^c: share of data samples (ranged and unknown facts drawn) in which site i
  ranks first when the central weights w_i^c are used (1 or 0 when no fact is uncertain);
* pairwise winning index c_ij: share of samples in which i ranks above j (from the first
  ``PAIR_SAMPLES`` samples; the JSON says how many);
* value of information, for each uncertain fact: the expected change in the sites' first-rank
  acceptabilities if the fact were known, E_bin[ 1/2 sum_i |b_i^1(bin) - b_i^1| ] over 10 equal
  slices of its range, minus the same statistic for independent dummy variates (the sampling
  noise floor, ``voi_noise``); and the range of the leader's first-rank acceptability over the
  slices.

Evaluation is vectorised over all samples of a chunk; memory is bounded by the chunk size.
Streams: the run's seed spawns independent generators for weights, data and confidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..methods.ranks import rank_rows
from .evaluate import Evaluator, chunk_bounds
from .sample import UncertainCell, sample_data, sample_weights, uncertain_cells

__all__ = ["SMAAResult", "run_smaa", "PAIR_SAMPLES", "VOI_BINS", "CONFIDENCE_SAMPLES"]

PAIR_SAMPLES = 200_000
VOI_BINS = 10
VOI_NULLS = 8  # dummy variates that estimate the noise floor of the value of information
CONFIDENCE_SAMPLES = 10_000


@dataclass(frozen=True)
class SMAAResult:
    sites: tuple[str, ...]
    criteria: tuple[str, ...]
    samples: int
    seed: int
    weight_sampling: str
    concentration: float | None
    rank_acceptability: np.ndarray  # (n, n) b[i, r]
    holistic: np.ndarray  # (n,)
    central_weights: np.ndarray  # (n, m), NaN where never first
    confidence: np.ndarray  # (n,), NaN where never first
    pairwise: np.ndarray  # (n, n)
    pairwise_samples: int
    uncertain: tuple[UncertainCell, ...]
    voi: np.ndarray  # (c,) expected change of first-rank acceptabilities, noise floor removed
    voi_raw: np.ndarray  # (c,) before removing the floor
    voi_noise: float  # the noise floor: the same statistic for independent dummy variates
    voi_leader_range: np.ndarray  # (c, 2)
    leader: str

    @property
    def first_acceptability(self) -> np.ndarray:
        return self.rank_acceptability[:, 0]

    @property
    def expected_rank(self) -> np.ndarray:
        n = len(self.sites)
        return self.rank_acceptability @ np.arange(1, n + 1)


def run_smaa(
    ev: Evaluator,
    X: np.ndarray,
    base_weights: np.ndarray,
    *,
    low: np.ndarray,
    high: np.ndarray,
    missing: np.ndarray,
    observed_low: np.ndarray,
    observed_high: np.ndarray,
    samples: int = 10_000,
    seed: int = 1,
    weight_sampling: str = "uniform",
    concentration: float = 50.0,
    unknown_missing: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> SMAAResult:
    n, m = X.shape
    sites, criteria = ev.problem.alternatives, ev.problem.criteria
    rw, rd, rc, rn = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(4))
    cells = uncertain_cells(low, high, missing, observed_low, observed_high, unknown_missing)
    C = len(cells)
    counts = np.zeros(n * n, dtype=np.int64)
    first_w = np.zeros((n, m))
    first_n = np.zeros(n)
    pair = np.zeros((n, n), dtype=np.int64)
    pair_used = 0
    nv = C + VOI_NULLS if C else 0  # uncertain cells, then the dummy variates
    voi_first = np.zeros((nv, VOI_BINS, n))
    voi_total = np.zeros((nv, VOI_BINS))
    site_offset = (np.arange(n) * n)[None, :]
    for a, b in chunk_bounds(samples, n, m, per_sample_matrix=bool(C)):
        k = b - a
        W = sample_weights(rw, k, base_weights, weight_sampling, concentration)
        Xs, U = sample_data(rd, k, X, cells) if C else (None, None)
        g = ev.goodness(W, Xs)
        R = rank_rows(g)
        counts += np.bincount((site_offset + (R - 1)).ravel(), minlength=n * n)
        first = R == 1
        first_f = first.astype(float)
        first_w += first_f.T @ W
        first_n += first_f.sum(axis=0)
        if pair_used < PAIR_SAMPLES:
            take = min(k, PAIR_SAMPLES - pair_used)
            Rt = R[:take].astype(np.int16)
            pair += (Rt[:, :, None] < Rt[:, None, :]).sum(axis=0)
            pair_used += take
        if C:
            assert U is not None
            U = np.hstack([U, rn.random((k, VOI_NULLS))])
            bins = np.minimum((U * VOI_BINS).astype(np.int64), VOI_BINS - 1)
            cols = np.arange(n)[None, :]
            for c in range(nv):
                key = (bins[:, c][:, None] * n + cols).ravel()
                voi_first[c] += np.bincount(
                    key, weights=first_f.ravel(), minlength=VOI_BINS * n
                ).reshape(VOI_BINS, n)
                voi_total[c] += np.bincount(bins[:, c], minlength=VOI_BINS)
        if progress:
            progress(b, samples)
    acc = counts.reshape(n, n) / samples
    alpha = (n - np.arange(1, n + 1)) / max(n - 1, 1)
    holistic = acc @ alpha
    with np.errstate(invalid="ignore", divide="ignore"):
        central = first_w / first_n[:, None]
    central[first_n == 0] = np.nan
    confidence = _confidence(ev, X, central, cells, rc, samples)
    b1 = acc[:, 0]
    leader = int(np.argmax(b1))
    raw = np.zeros(nv)
    voi_range = np.zeros((nv, 2))
    for c in range(nv):
        tot = voi_total[c]
        used = tot > 0
        cond = voi_first[c][used] / tot[used][:, None]  # (bins, n)
        p = tot[used] / tot[used].sum()
        raw[c] = float(p @ (0.5 * np.abs(cond - b1[None, :]).sum(axis=1)))
        voi_range[c] = (cond[:, leader].min(), cond[:, leader].max())
    noise = float(raw[C:].mean()) if C else 0.0
    voi = np.maximum(raw[:C] - noise, 0.0)
    return SMAAResult(
        sites=sites,
        criteria=criteria,
        samples=samples,
        seed=seed,
        weight_sampling=weight_sampling,
        concentration=concentration if weight_sampling == "dirichlet" else None,
        rank_acceptability=acc,
        holistic=holistic,
        central_weights=central,
        confidence=confidence,
        pairwise=pair / max(pair_used, 1),
        pairwise_samples=pair_used,
        uncertain=tuple(cells),
        voi=voi,
        voi_raw=raw[:C],
        voi_noise=noise,
        voi_leader_range=voi_range[:C],
        leader=sites[leader],
    )


def _confidence(
    ev: Evaluator,
    X: np.ndarray,
    central: np.ndarray,
    cells: list[UncertainCell],
    rng: np.random.Generator,
    samples: int,
) -> np.ndarray:
    n, m = X.shape
    conf = np.full(n, np.nan)
    have = ~np.isnan(central).any(axis=1)
    if not have.any():
        return conf
    if not cells:
        idx = np.flatnonzero(have)
        g = ev.goodness(central[idx])
        R = rank_rows(g)
        conf[idx] = (R[np.arange(idx.size), idx] == 1).astype(float)
        return conf
    kc = min(samples, CONFIDENCE_SAMPLES)
    Xc, _ = sample_data(rng, kc, X, cells)
    for i in np.flatnonzero(have):
        wins = 0
        for a, b in chunk_bounds(kc, n, m, per_sample_matrix=True):
            g = ev.goodness(np.broadcast_to(central[i], (b - a, m)), Xc[a:b])
            wins += int((rank_rows(g)[:, i] == 1).sum())
        conf[i] = wins / kc
    return conf
