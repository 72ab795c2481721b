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
  acceptabilities if the fact were known, E_slice[ 1/2 sum_i |b_i^1(slice) - b_i^1| ] over 10
  equal slices of its range, and the range of the leader's first-rank acceptability over the
  slices. Estimated with common random numbers: the first ``VOI_SAMPLES`` samples (fewer when
  there are many uncertain facts or a large matrix, see ``_voi_samples``) are re-ranked with the
  fact drawn inside each slice in turn (its own variate mapped into the slice; the weights and
  the other facts as sampled), so a fact that never changes first place scores exactly 0 and
  small effects are not buried in sampling noise. (Conditioning the main samples on the slice
  their draw fell in, as before, left 1/10 of the samples per slice: at 20,000 samples its
  noise, ~0.01, exceeded most effects and could rank an irrelevant fact first.) What remains of
  the noise is estimated per fact by the same statistic with the slices shuffled within each
  sample (``VOI_NULLS`` shuffles: no systematic effect left, the per-sample variability kept);
  ``voi`` is the statistic with that floor removed in quadrature, sqrt(max(raw^2 - floor^2, 0))
  (a fact without effect scores about the floor, while a large effect is barely inflated by
  the noise); ``voi_noise`` is the largest floor.

Evaluation is vectorised over all samples of a chunk; memory is bounded by the chunk size.
Chunks are sampled in order in the calling thread and evaluated and counted by a small thread
pool (batched methods; small chunks of many sites in groups of a few, whose pairwise counts are
made together, see :mod:`.pairs`); their counts are added in chunk order, so results do not
depend on the number of threads. BLAS is held to one thread meanwhile (the pool is the
parallelism). Streams: the run's seed spawns independent generators for weights, data,
confidence and the value of information's shuffles.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import TypedDict, Unpack, cast

import numpy as np

from ..decision_matrix import DecisionMatrix
from ..methods.ranks import rank_rows
from .evaluate import Evaluator, chunk_bounds, rank_positions
from .pairs import PAIR_BLOCK, PairWorkspace, pair_counts
from .sample import UncertainCell, sample_data, sample_weights, uncertain_cells

__all__ = [
    "SMAAResult",
    "SamplingOptions",
    "run_smaa",
    "run_smaa_on_matrix",
    "PAIR_SAMPLES",
    "VOI_BINS",
    "VOI_SAMPLES",
    "CONFIDENCE_SAMPLES",
]

PAIR_SAMPLES = 200_000
VOI_BINS = 10
VOI_NULLS = 8  # slice shuffles that estimate the noise floor of the value of information
VOI_SAMPLES = 10_000  # samples re-ranked per slice of each uncertain fact (at most)
# work allowed for the value of information: matrix elements (sites x criteria) re-ranked for
# batched methods (~1.5 s), evaluations for methods evaluated one sample at a time
VOI_BUDGET = 25_000_000
VOI_BUDGET_UNBATCHED = 20_000
VOI_MIN_SAMPLES = 200
CONFIDENCE_SAMPLES = 10_000
MAX_THREADS = 4  # threads evaluating and counting chunks of samples (batched methods)


class SamplingOptions(TypedDict, total=False):
    """How :func:`run_smaa` samples (its keyword options; the defaults are its own)."""

    samples: int
    seed: int
    weight_sampling: str
    concentration: float
    unknown_missing: bool
    progress: Callable[[int, int], None] | None


@dataclass(frozen=True)
class SMAAResult:
    sites: Sequence[str]
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
    voi_noise: float  # the largest of the facts' noise floors (voi_noise_by_fact)
    voi_leader_range: np.ndarray  # (c, 2)
    leader: str
    voi_noise_by_fact: np.ndarray | None = None  # (c,) the statistic with the slices shuffled
    voi_samples: int = 0  # samples re-ranked per slice

    @property
    def first_acceptability(self) -> np.ndarray:
        """Each site's share of samples in which it ranks first."""
        return self.rank_acceptability[:, 0]

    @property
    def expected_rank(self) -> np.ndarray:
        """Each site's mean rank over the samples."""
        n = len(self.sites)
        return self.rank_acceptability @ np.arange(1, n + 1)


def run_smaa_on_matrix(
    dm: DecisionMatrix, ev: Evaluator, weights: np.ndarray, **options: Unpack[SamplingOptions]
) -> SMAAResult:
    """:func:`run_smaa` over a decision matrix: its values, ranges and missing cells."""
    return run_smaa(
        ev,
        dm.X,
        weights,
        low=dm.low,
        high=dm.high,
        missing=dm.missing,
        observed_low=np.nan_to_num(dm.observed_low),
        observed_high=np.nan_to_num(dm.observed_high),
        **options,
    )


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
    """SMAA over sampled weights (and uncertain data): rank acceptabilities, central weights,
    confidence, pairwise winning shares and the value of information of the uncertain cells."""
    n, m = X.shape
    sites, criteria = ev.problem.alternatives, ev.problem.criteria
    rw, rd, rc, rn = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(4))
    cells = uncertain_cells(low, high, missing, observed_low, observed_high, unknown_missing)
    C = len(cells)
    kv = _voi_samples(samples, C, n * m, ev.batched) if C else 0
    draws = _Draws(rw, rd, base_weights, weight_sampling, concentration, X, cells)
    with _one_blas_thread():
        tot = _sample_and_count(ev, draws, samples, kv, progress)
    first_n, pair_used = tot.first_n, tot.pair_used
    acc = tot.counts.reshape(n, n) / samples
    alpha = (n - np.arange(1, n + 1)) / max(n - 1, 1)
    holistic = acc @ alpha
    with np.errstate(invalid="ignore", divide="ignore"):
        central = tot.first_w / first_n[:, None]
    central[first_n == 0] = np.nan
    confidence = _confidence(ev, X, central, cells, rc, samples)
    b1 = acc[:, 0]
    leader = int(np.argmax(b1))
    if C:
        raw, floor, voi_range = _value_of_information(
            ev, X, cells, np.vstack(tot.voi_W), np.vstack(tot.voi_U), leader, rn
        )
    else:
        raw, floor, voi_range = np.zeros(0), np.zeros(0), np.zeros((0, 2))
    noise = float(floor.max()) if C else 0.0
    # the floor is what a fact without effect scores; a large effect is barely inflated by the
    # noise (E|mu + e| ~ |mu|), so the floor is removed in quadrature, not subtracted
    voi = np.sqrt(np.maximum(raw * raw - floor * floor, 0.0))
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
        pairwise=tot.pair / max(pair_used, 1),
        pairwise_samples=pair_used,
        uncertain=tuple(cells),
        voi=voi,
        voi_raw=raw,
        voi_noise=noise,
        voi_leader_range=voi_range,
        leader=sites[leader],
        voi_noise_by_fact=floor,
        voi_samples=kv,
    )


@dataclass(frozen=True)
class _Draws:
    """The samplers of a run: weights (and data, when facts are uncertain) chunk by chunk."""

    rw: np.random.Generator
    rd: np.random.Generator
    base: np.ndarray
    how: str
    concentration: float
    X: np.ndarray
    cells: list[UncertainCell]


@dataclass
class _Totals:
    """The counts of a run, added chunk by chunk (in chunk order)."""

    counts: np.ndarray  # (n * n,)
    first_w: np.ndarray  # (n, m)
    first_n: np.ndarray  # (n,)
    pair: np.ndarray  # (n, n)
    pair_used: int = 0
    voi_W: list[np.ndarray] = field(default_factory=list)  # the first kv samples' weights
    voi_U: list[np.ndarray] = field(default_factory=list)  # and data variates


def _sample_and_count(
    ev: Evaluator,
    draws: _Draws,
    samples: int,
    kv: int,
    progress: Callable[[int, int], None] | None,
) -> _Totals:
    """Sample chunk by chunk, evaluate and count each chunk, and add the counts in order."""
    n, m = draws.X.shape
    C = len(draws.cells)
    tot = _Totals(
        np.zeros(n * n, dtype=np.int64),
        np.zeros((n, m)),
        np.zeros(n, dtype=np.int64),
        np.zeros((n, n), dtype=np.int64),
    )
    kept = 0

    def reduce(group: list[_ChunkStats], ends: list[int]) -> None:
        for stats, b in zip(group, ends, strict=True):
            tot.counts += stats.counts
            tot.first_w += stats.first_w
            tot.first_n += stats.first_n
            if stats.pair is not None:
                tot.pair += stats.pair
            if progress:
                progress(b, samples)

    # Sampling stays in this thread, in chunk order (the generator streams); evaluating and
    # counting a chunk is independent of the others and numpy's sorts, comparisons and
    # products release the GIL, so batched methods use a small thread pool. Results are added
    # in chunk order: the same sums, bit for bit, whatever the number of threads.
    bounds = list(chunk_bounds(samples, n, m, per_sample_matrix=bool(C)))
    # chunks of fewer samples than a pass of pairwise comparisons (many sites) go in groups:
    # longer rows to compare. Not chunks of sampled matrices, whose memory the chunk bounds.
    largest = max((b - a for a, b in bounds), default=PAIR_BLOCK)
    per_task = 1 if C else max(1, PAIR_BLOCK // largest)
    workers = _workers(ev, len(bounds), per_task)
    ws = PairWorkspace()  # each thread's buffers for the pairwise counts, for this run
    pool = ThreadPoolExecutor(max_workers=workers) if workers > 1 else None
    pending: deque[tuple[Future[list[_ChunkStats]], list[int]]] = deque()
    group: list[tuple[np.ndarray, np.ndarray | None, int]] = []
    ends: list[int] = []
    try:
        for c, (a, b) in enumerate(bounds):
            k = b - a
            W = sample_weights(draws.rw, k, draws.base, draws.how, draws.concentration)
            Xs, U = sample_data(draws.rd, k, draws.X, draws.cells) if C else (None, None)
            take = max(0, min(k, PAIR_SAMPLES - tot.pair_used))
            tot.pair_used += take
            if C and kept < kv:
                assert U is not None
                t = min(k, kv - kept)
                tot.voi_W.append(W[:t].copy())
                tot.voi_U.append(U[:t].copy())
                kept += t
            group.append((W, Xs, take))
            ends.append(b)
            if len(group) < per_task and c + 1 < len(bounds):
                continue
            if pool is None:
                reduce(_group_stats(ev, group, ws), ends)
            else:
                pending.append((pool.submit(_group_stats, ev, group, ws), ends))
            group, ends = [], []
            while len(pending) > 2 * workers:
                fut, done = pending.popleft()
                reduce(fut.result(), done)
        while pending:
            fut, done = pending.popleft()
            reduce(fut.result(), done)
    finally:
        if pool is not None:
            for fut, _ in pending:
                fut.cancel()
            pool.shutdown(wait=True)
    return tot


def _one_blas_thread() -> AbstractContextManager[object]:
    """BLAS held to one thread (threadpoolctl, when installed) while chunks are evaluated.

    A chunk's products are small ((samples x criteria) @ (criteria x sites)); OpenBLAS splits
    each over threads of its own, which on top of the chunk pool oversubscribe the cores (at
    500 sites the products took several times longer, and at 50 sites half the run). Threads
    split a product's rows and columns, never its sums: the same bits whatever their number.
    """
    try:
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]  # ships no type information
    except ImportError:
        return nullcontext()
    return cast(AbstractContextManager[object], threadpool_limits(limits=1, user_api="blas"))


@dataclass(frozen=True)
class _ChunkStats:
    counts: np.ndarray  # (n * n,) site i at rank r: counts[i * n + r - 1]
    first_w: np.ndarray  # (n, m) sums of the weights of the samples where the site is first
    first_n: np.ndarray  # (n,)
    pair: np.ndarray | None  # (n, n) i ranked above j, over the chunk's first samples


def _chunk_stats(ev: Evaluator, W: np.ndarray, Xs: np.ndarray | None, pairs: int) -> _ChunkStats:
    """One chunk's counts, with the pairwise counts of its first ``pairs`` samples."""
    return _group_stats(ev, [(W, Xs, pairs)])[0]


def _group_stats(
    ev: Evaluator,
    group: Sequence[tuple[np.ndarray, np.ndarray | None, int]],
    ws: PairWorkspace | None = None,
) -> list[_ChunkStats]:
    """The counts of consecutive chunks ``(W, Xs, pairs)``, each chunk's apart; the pairwise
    counts of them all come with the first (compared together: longer rows, see ``pairs``;
    ``ws``: the run's buffers)."""
    out, ranked = [], []
    for W, Xs, pairs in group:
        stats, order, pos_rank = _count_chunk(ev, W, Xs)
        out.append(stats)
        if pairs:
            ranked.append((order[:pairs], pos_rank[:pairs]))
    if ranked:
        out[0] = replace(out[0], pair=pair_counts(ranked, out[0].first_n.size, ws))
    return out


def _count_chunk(
    ev: Evaluator, W: np.ndarray, Xs: np.ndarray | None
) -> tuple[_ChunkStats, np.ndarray, np.ndarray]:
    """A chunk's rank and first-place counts, and its ranking (:func:`rank_positions`)."""
    g = ev.goodness(W, Xs)
    k, n = g.shape
    order, pos_rank = rank_positions(g, scale_floor=ev.tie_scale)
    if pos_rank.strides[0] == 0:  # no ties in the chunk: pos_rank is 1..n for every row
        key = order * n
        key += np.arange(n)
        first = order[:, 0]  # one first place per sample: sums of its weights by site
        cols = [np.bincount(first, weights=W[:, c], minlength=n) for c in range(W.shape[1])]
        first_w = np.stack(cols, axis=1)
    else:
        key = order * n + (pos_rank - 1)
        F = np.zeros((k, n))  # first places, shared when tied
        np.put_along_axis(F, order, (pos_rank == 1).astype(float), axis=1)
        first_w = F.T @ W
    counts = np.bincount(key.ravel(), minlength=n * n)
    first_n = counts.reshape(n, n)[:, 0].copy()
    return _ChunkStats(counts, first_w, first_n, None), order, pos_rank


def _workers(ev: Evaluator, chunks: int, per_task: int) -> int:
    """Threads for the main loop: 1 for methods evaluated one sample at a time (Python-bound;
    scikit-criteria calls are not thread-safe) and for runs of a few tasks (of ``per_task``
    chunks each)."""
    if not ev.batched:
        return 1
    tasks = -(-chunks // per_task)
    return max(1, min(MAX_THREADS, os.cpu_count() or 1, tasks // 2))


def _voi_samples(samples: int, cells: int, size: int, batched: bool) -> int:
    """Samples to re-rank per slice: ``VOI_SAMPLES``, fewer when many facts (or a large matrix
    of ``size`` elements) would exceed the budget, never fewer than ``VOI_MIN_SAMPLES``."""
    evals = VOI_BUDGET // max(size, 1) if batched else VOI_BUDGET_UNBATCHED
    per_fact = max(VOI_MIN_SAMPLES, evals // max(cells * VOI_BINS, 1))
    return int(min(samples, VOI_SAMPLES, per_fact))


def _value_of_information(
    ev: Evaluator,
    X: np.ndarray,
    cells: list[UncertainCell],
    W: np.ndarray,
    U: np.ndarray,
    leader: int,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(statistic, noise floor, leader's first-rank range over the slices) for each fact.

    Every sample is ranked once per slice of each fact, with the fact's own variate u mapped
    into slice q as (q + u) / VOI_BINS: F[s, q] says which sites are first. b^1(q) is the mean
    of F over the samples, b^1 the mean over the slices too (the same samples: common random
    numbers). The noise floor is the statistic with each sample's slices shuffled.
    """
    K, C = U.shape
    n, m = X.shape
    bins = VOI_BINS
    # the shuffles, drawn once for all samples (independent of the chunking)
    perms = np.argsort(rng.random((K, VOI_NULLS, bins)), axis=2)
    cond = np.zeros((C, bins, n), dtype=np.int64)  # counts of first places: exact arithmetic
    null = np.zeros((C, VOI_NULLS, bins, n), dtype=np.int64)
    lows = np.array([c.low for c in cells])
    spans = np.array([c.high - c.low for c in cells])
    for a, b in chunk_bounds(K, n, m, per_sample_matrix=True):
        k = b - a
        Xs = np.broadcast_to(X, (k, n, m)).copy()
        for c, cell in enumerate(cells):
            Xs[:, cell.site_index, cell.criterion_index] = lows[c] + U[a:b, c] * spans[c]
        rows = np.arange(k)
        for c, cell in enumerate(cells):
            i, j = cell.site_index, cell.criterion_index
            F = np.empty((k, bins, n), dtype=np.bool_)
            for q in range(bins):
                Xs[:, i, j] = lows[c] + (q + U[a:b, c]) / bins * spans[c]
                F[:, q] = _first_places(ev, W[a:b], Xs)
            Xs[:, i, j] = lows[c] + U[a:b, c] * spans[c]
            cond[c] += F.sum(axis=0, dtype=np.int64)
            for r in range(VOI_NULLS):
                null[c, r] += F[rows[:, None], perms[a:b, r]].sum(axis=0, dtype=np.int64)
    # |b(q) - b| = |bins * count(q) - total| / (bins K), in integers: an irrelevant fact gives 0
    total = cond.sum(axis=1, keepdims=True)  # (C, 1, n)
    raw = np.abs(bins * cond - total).sum(axis=2).mean(axis=1) / (2.0 * bins * K)
    dev = np.abs(bins * null - total[:, None]).sum(axis=3)  # (C, nulls, bins)
    floor = dev.mean(axis=(1, 2)) / (2.0 * bins * K)
    lead = cond[:, :, leader] / K
    return raw, floor, np.stack([lead.min(axis=1), lead.max(axis=1)], axis=1)


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
        R = rank_rows(g, scale_floor=ev.tie_scale)
        conf[idx] = (R[np.arange(idx.size), idx] == 1).astype(float)
        return conf
    kc = min(samples, CONFIDENCE_SAMPLES)
    Xc, _ = sample_data(rng, kc, X, cells)
    for i in np.flatnonzero(have):
        wins = 0
        for a, b in chunk_bounds(kc, n, m, per_sample_matrix=True):
            first = _first_places(ev, np.broadcast_to(central[i], (b - a, m)), Xc[a:b])
            wins += int(first[:, i].sum())
        conf[i] = wins / kc
    return conf


def _first_places(ev: Evaluator, W: np.ndarray, Xs: np.ndarray) -> np.ndarray:
    """(k, n) bool: the sites ranked first (ties share it) for weights W[s] and matrix Xs[s]:
    ``rank_rows(...) == 1``, by :func:`rank_positions` (no stable sort, no inverse order)."""
    order, pos_rank = rank_positions(ev.goodness(W, Xs), scale_floor=ev.tie_scale)
    first = np.zeros(order.shape, dtype=np.bool_)
    np.put_along_axis(first, order, pos_rank == 1, axis=1)
    return first
