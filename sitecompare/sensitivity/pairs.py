"""Pairwise winning counts for SMAA: c[i, j] = samples in which site i ranks strictly above j.

They take n^2 comparisons per sample, most of SMAA's work at a few hundred sites, so they are
made at numpy's full speed:

* the ranks are laid out site by site (``by_site[site, sample]``, one byte a rank when they
  fit), and a block of sites is compared with every later site in one call: long contiguous
  rows, no Python loop over sites or samples;
* the comparison bytes are summed 8 at a time as uint64 words (each byte of a word counts its
  own sample column, so a row sums at most 255 words: ``PAIR_BLOCK`` samples a pass), then the
  8 byte-wide counts of a word are added with two shifts and a multiplication;
* in samples without ties exactly one of i, j is above the other, so only the pairs i < j are
  compared (c[j, i] = samples - c[i, j]), and 257 to 512 sites still take one byte a rank:
  their positions halved, p // 2, tie only the two sites at positions 2t and 2t + 1, whose order
  is counted from the sorted order itself. The few samples with ties (scores within the tie
  tolerance) are compared pair by pair on their competition ranks.

The counts are those of comparing the two sites' ranks in every sample, exactly.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

__all__ = ["pair_counts", "PairWorkspace", "PAIR_BLOCK"]

PAIR_BLOCK = 8 * 255  # samples compared per pass: a word's byte-wide counts stay below 256
PAIR_TILE_BYTES = 1 << 22  # comparison bytes made by one numpy call (measured: 2-4 MB best)
_LOW_BYTES = np.uint64(0x00FF_00FF_00FF_00FF)
_LANES16 = np.uint64(0x0001_0001_0001_0001)


class PairWorkspace(threading.local):
    """Buffers that :func:`pair_counts` reuses from call to call, one set per thread (a
    ``threading.local``): a few MB of fresh memory per call would be page faults each time.
    Make one per run; its buffers go with it."""

    def __init__(self) -> None:
        self.buffers: dict[tuple[int, str], _Buffers] = {}

    def get(self, n: int, dtype: type[np.integer]) -> _Buffers:
        """This thread's buffers for ``n`` sites and ranks of ``dtype``."""
        key = (n, np.dtype(dtype).str)
        if key not in self.buffers:
            self.buffers[key] = _Buffers(n, dtype)
        return self.buffers[key]


class _Buffers:
    """One pass's arrays: ranks by site, comparison bytes, the pairs that halved positions
    tie; and for a part of k samples, its ranks by sample and their flat indices."""

    def __init__(self, n: int, dtype: type[np.integer]) -> None:
        self.by_site = np.zeros((n, PAIR_BLOCK), dtype=dtype)
        self.less = np.empty(max(PAIR_TILE_BYTES, n * PAIR_BLOCK), dtype=np.bool_)
        halves = 256 < n <= 512 and dtype is np.uint8  # see _untied_pairs
        self.split = np.empty((PAIR_BLOCK, n // 2 if halves else 0), dtype=np.intp)
        self.by_sample = np.empty((0, n), dtype=dtype)
        self.cells = np.empty((0, n), dtype=np.intp)

    def part(self, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(ranks by sample, flat index of each site's cell in them) for the k samples of
        ``order``: buffers as large as the largest part so far (a chunk, a pass at most)."""
        k, n = order.shape
        if k > self.cells.shape[0]:
            self.by_sample = np.empty((k, n), dtype=self.by_site.dtype)
            self.cells = np.empty((k, n), dtype=np.intp)
        cells = np.add(order, (np.arange(k, dtype=np.intp) * n)[:, None], out=self.cells[:k])
        return self.by_sample[:k], cells


def pair_counts(
    ranked: Sequence[tuple[np.ndarray, np.ndarray]], n: int, ws: PairWorkspace | None = None
) -> np.ndarray:
    """(n, n) int64 ``c[i, j]``: the samples in which site i has a strictly better rank than
    site j, over the parts ``ranked``: ``(order, pos_rank)`` pairs of
    :func:`~.evaluate.rank_positions` (rows are samples). ``ws``: buffers to reuse."""
    steps = np.arange(1, n + 1)
    clean: list[np.ndarray] = []
    tied_parts: list[tuple[np.ndarray, np.ndarray]] = []
    for order, pos_rank in ranked:
        if pos_rank.strides[0] == 0 and pos_rank.shape[0] > 1:  # rank_positions: no ties
            clean.append(order)
            continue
        tied = (pos_rank != steps).any(axis=1)
        clean.append(order[~tied])
        if tied.any():
            tied_parts.append((order[tied], np.asarray(pos_rank)[tied]))
    ws = ws if ws is not None else PairWorkspace()
    out = _untied_pairs(clean, n, ws)
    for order, pos_rank in tied_parts:
        _tied_pairs(order, pos_rank, out, ws)
    return out


def _rank_dtype(n: int) -> type[np.integer]:
    return np.uint8 if n <= 256 else np.int16 if n < 32768 else np.int32


def _untied_pairs(orders: list[np.ndarray], n: int, ws: PairWorkspace) -> np.ndarray:
    """Counts over samples without ties: the sorted orders ``orders`` (rows are samples)."""
    halve = 256 < n <= 512
    dtype = np.uint8 if halve else _rank_dtype(n)
    steps = (np.arange(n) >> int(halve)).astype(dtype)  # each sorted position's value
    out = np.zeros((n, n), dtype=np.int64)
    buf = ws.get(n, dtype)
    fill = rows = 0
    for order in orders:
        rows += order.shape[0]
        for a in range(0, order.shape[0], PAIR_BLOCK):
            part = order[a : a + PAIR_BLOCK]
            k = part.shape[0]
            if fill + k > PAIR_BLOCK:
                _count_block(buf, fill, out, every_pair=False, split=halve)
                fill = 0
            by_sample, cells = buf.part(part)
            by_sample.reshape(-1)[cells] = steps  # [sample, site]: its position's value
            buf.by_site[:, fill : fill + k] = by_sample.T
            if halve:  # the pairs halving ties: the sites at positions 2t and 2t + 1
                split = buf.split[fill : fill + k]
                np.multiply(part[:, 0 : 2 * (n // 2) : 2], n, out=split)
                split += part[:, 1 : 2 * (n // 2) : 2]
            fill += k
    if fill:
        _count_block(buf, fill, out, every_pair=False, split=halve)
    # below the diagonal: the samples in which j was not above i
    np.copyto(out, rows - out.T, where=np.tri(n, k=-1, dtype=np.bool_))
    return out


def _tied_pairs(order: np.ndarray, pos_rank: np.ndarray, out: np.ndarray, ws: PairWorkspace) -> None:
    """out += the counts over samples with ties, every pair compared on competition ranks."""
    k, n = order.shape
    buf = ws.get(n, _rank_dtype(n))
    for a in range(0, k, PAIR_BLOCK):
        b = min(k, a + PAIR_BLOCK)
        cells = order[a:b] * PAIR_BLOCK + np.arange(b - a)[:, None]
        buf.by_site.reshape(-1)[cells] = pos_rank[a:b] - 1
        _count_block(buf, b - a, out, every_pair=True)


def _count_block(buf: _Buffers, fill: int, out: np.ndarray, *, every_pair: bool, split: bool = False) -> None:
    """out[i, j] += the samples (the first ``fill`` columns of ``buf.by_site``) in which
    ``by_site[i] < by_site[j]``, for every j, or (``every_pair`` false) for j from i's group of
    sites on (the pairs i < j, and some j < i that the caller discards); with ``split``, and
    the pairs ``i * n + j`` of ``buf.split[:fill]`` (those that halving ties)."""
    n = buf.by_site.shape[0]
    if split:
        keys = buf.split[:fill].ravel()
        out += np.bincount(keys, minlength=n * n).reshape(n, n)
    width = -(-fill // 8) * 8
    buf.by_site[:, fill:width] = 0  # padding: equal for every site, never less
    by_site = buf.by_site[:, :width]
    rows = max(1, PAIR_TILE_BYTES // (n * width))
    for i0 in range(0, n, rows):
        i1 = min(n, i0 + rows)
        j0 = 0 if every_pair else i0
        less = buf.less[: (i1 - i0) * (n - j0) * width].reshape(i1 - i0, n - j0, width)
        np.less(by_site[i0:i1, None, :], by_site[None, j0:, :], out=less)
        words = np.add.reduce(less.view(np.uint64), axis=2)  # 8 byte-wide counts a word
        words = (words & _LOW_BYTES) + ((words >> np.uint64(8)) & _LOW_BYTES)  # 4 x 16 bits
        out[i0:i1, j0:] += ((words * _LANES16) >> np.uint64(48)).view(np.int64)  # their sum
