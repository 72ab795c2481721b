"""SMAA-2 on a Dask cluster: the samples cut into blocks, one seed per block
(``numpy.random.SeedSequence(seed).spawn(blocks)``, recorded), each block sampled and counted
on a worker by the numpy engine's own kernel (:mod:`sitecompare.sensitivity.smaa`), the counts
added in block order: the result depends on the seed and the number of blocks, not on the
cluster."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..model import MethodSpec
from .dask_rank import gather

if TYPE_CHECKING:
    from ..sensitivity.sample import UncertainCell

__all__ = ["SMAABlocks", "smaa"]


@dataclass(frozen=True)
class SMAABlocks:
    """SMAA-2 rank acceptabilities and central weights from blocks of samples run on workers."""

    sites: tuple[str, ...]
    criteria: tuple[str, ...]
    samples: int
    seed: int
    blocks: int
    block_seeds: tuple[tuple[int, tuple[int, ...]], ...]  # (entropy, spawn key) of each block
    rank_acceptability: np.ndarray  # (n, n)
    central_weights: np.ndarray  # (n, m), NaN where never first
    holistic: np.ndarray

    def to_json(self) -> dict[str, Any]:
        """The SMAA result as JSON, with the seeds of its blocks."""
        return {
            "samples": self.samples,
            "seed": self.seed,
            "blocks": self.blocks,
            "block_seeds": [{"entropy": e, "spawn_key": list(k)} for e, k in self.block_seeds],
            "rank_acceptability": {s: self.rank_acceptability[i].tolist() for i, s in enumerate(self.sites)},
        }


def _smaa_block(
    problem: Any,
    method: MethodSpec,
    base: np.ndarray,
    X: np.ndarray,
    cells: list[UncertainCell],
    k: int,
    ss: Any,
    weight_sampling: str,
    concentration: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    from ..sensitivity.evaluate import Evaluator, chunk_bounds
    from ..sensitivity.sample import sample_data, sample_weights
    from ..sensitivity.smaa import _chunk_stats

    ev = Evaluator(problem, method)
    rw, rd = (np.random.default_rng(s) for s in ss.spawn(2))
    n, m = X.shape
    counts = np.zeros(n * n, dtype=np.int64)
    first_w = np.zeros((n, m))
    first_n = np.zeros(n, dtype=np.int64)
    for a, b in chunk_bounds(k, n, m, per_sample_matrix=bool(cells)):
        W = sample_weights(rw, b - a, base, weight_sampling, concentration)
        Xs = sample_data(rd, b - a, X, cells)[0] if cells else None
        st = _chunk_stats(ev, W, Xs, 0)
        counts += st.counts
        first_w += st.first_w
        first_n += st.first_n
    return counts, first_w, first_n


def smaa(
    client: Any,
    dm: Any,
    method: MethodSpec,
    *,
    samples: int = 10_000,
    seed: int = 1,
    blocks: int | None = None,
    weight_sampling: str = "uniform",
    concentration: float = 50.0,
) -> SMAABlocks:
    """SMAA-2 of the matrix ``dm`` with ``samples`` split into ``blocks`` (default: 4 per
    worker), block b seeded by ``SeedSequence(seed).spawn(blocks)[b]``; each block draws its
    weights (and uncertain facts: ranged, and unknown within ``plausible``) from its own two
    child streams. The result is the same for the same seed and number of blocks, whatever the
    cluster."""
    from ..sensitivity.sample import uncertain_cells

    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    blocks = blocks or 4 * n_workers
    blocks = max(1, min(blocks, samples))
    seqs = np.random.SeedSequence(seed).spawn(blocks)
    sizes = [samples // blocks + (1 if b < samples % blocks else 0) for b in range(blocks)]
    cells = uncertain_cells(dm.low, dm.high, dm.missing, dm.observed_low, dm.observed_high, False)
    problem = dm.problem()
    [pf] = client.scatter([problem], broadcast=True, hash=False)  # a key of its own per run
    futs = [
        client.submit(
            _smaa_block,
            pf,
            method,
            dm.weights,
            dm.X,
            cells,
            k,
            ss,
            weight_sampling,
            concentration,
            pure=False,
        )
        for k, ss in zip(sizes, seqs, strict=True)
    ]
    n, m = dm.X.shape
    counts = np.zeros(n * n, dtype=np.int64)
    first_w = np.zeros((n, m))
    first_n = np.zeros(n, dtype=np.int64)
    for c, fw, fn in gather(client, futs):  # added in block order
        counts += c
        first_w += fw
        first_n += fn
    acc = counts.reshape(n, n) / samples
    alpha = (n - np.arange(1, n + 1)) / max(n - 1, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        central = first_w / first_n[:, None]
    central[first_n == 0] = np.nan
    return SMAABlocks(
        sites=tuple(dm.site_ids),
        criteria=dm.criterion_ids,
        samples=samples,
        seed=seed,
        blocks=blocks,
        block_seeds=tuple(_seed_of(s) for s in seqs),
        rank_acceptability=acc,
        central_weights=central,
        holistic=acc @ alpha,
    )


def _seed_of(s: np.random.SeedSequence) -> tuple[int, tuple[int, ...]]:
    """(entropy, spawn key) of one block's seed sequence, as JSON records it."""
    return int(np.asarray(s.entropy).item()), tuple(int(x) for x in s.spawn_key)
