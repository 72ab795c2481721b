"""Ranks from scores: ties share the better rank (1, 1, 3), vectorised over samples."""

from __future__ import annotations

import numpy as np

__all__ = ["rank_scores", "rank_rows", "rank_of", "tie_tolerance", "TIE_RTOL", "TIE_ATOL"]

# Scores closer than max(TIE_RTOL x the largest magnitude, TIE_ATOL) are a tie: floating-point
# noise must not split sites whose scores are mathematically equal. The absolute floor covers
# scores that are all (near) zero, where a relative tolerance shrinks to nothing: WPM
# log-scores of products that all equal 1 (about 1e-17 apart), WSM without normalisation whose
# terms cancel. Scores are in the methods' native scales (most of them within a few units of
# 0), where 1e-12 is far below any real difference.
TIE_RTOL = 1e-9
TIE_ATOL = 1e-12


def tie_tolerance(scale: np.ndarray | float) -> np.ndarray:
    """The largest gap between two scores that still ties them, for a row whose largest
    magnitude (or the method's bound, if larger) is ``scale``."""
    return np.maximum(TIE_RTOL * np.asarray(scale, dtype=float), TIE_ATOL)


def rank_scores(
    scores: np.ndarray, higher_is_better: bool = True, scale_floor: float = 0.0
) -> np.ndarray:
    """Competition ranks ('1224') of a 1-D score vector; ties share the better rank."""
    row = np.asarray(scores, dtype=float)[None, :]
    ranks: np.ndarray = rank_rows(row, higher_is_better, scale_floor)[0]
    return ranks


def rank_rows(
    scores: np.ndarray, higher_is_better: bool = True, scale_floor: float = 0.0
) -> np.ndarray:
    """Ranks of each row of a ``(K, n)`` score array (int32, 1 = best).

    Two scores tie when they differ by at most ``TIE_RTOL`` times the row's largest magnitude,
    or times ``scale_floor`` if that is larger, and never by less than ``TIE_ATOL``: methods
    whose scores are sums of bounded terms that may cancel (PROMETHEE net flows in [-1, 1],
    TOPSIS closeness, VIKOR Q) pass 1, so that scores that are all near zero are not split by
    rounding noise; the absolute floor does the same for the unbounded ones.
    """
    s = np.asarray(scores, dtype=float)
    key = -s if higher_is_better else s
    order = np.argsort(key, axis=1, kind="stable")
    sk = np.take_along_axis(key, order, axis=1)
    scale = np.maximum(np.abs(sk).max(axis=1, keepdims=True), max(scale_floor, 1e-300))
    gap = np.diff(sk, axis=1) > tie_tolerance(scale)
    n = s.shape[1]
    pos = np.broadcast_to(np.arange(n), s.shape)
    starts = np.concatenate([np.ones((s.shape[0], 1), bool), gap], axis=1)
    run_start = np.maximum.accumulate(np.where(starts, pos, 0), axis=1)
    ranks = np.empty_like(order, dtype=np.int32)
    np.put_along_axis(ranks, order, (run_start + 1).astype(np.int32), axis=1)
    return ranks


def rank_of(
    scores: np.ndarray, sites: np.ndarray, higher_is_better: bool = True, scale_floor: float = 0.0
) -> np.ndarray:
    """The rank of site ``sites[q]`` in row q of a ``(K, n)`` score array, as :func:`rank_rows`
    ranks the row (int32), without sorting the rows.

    A site's rank is 1 + the number of sites more than the tie tolerance ahead of it, unless a
    chain of near-ties links it to one of those (each within the tolerance of the next, the
    first and last further apart): rank_rows then puts them in one tie run. Such rows (and rows
    with a NaN) are ranked by rank_rows itself, so the result is the same in every case.
    """
    s = np.asarray(scores, dtype=float)
    key = -s if higher_is_better else s
    rows = np.arange(s.shape[0])
    scale = np.maximum(np.abs(key).max(axis=1, initial=0.0), max(scale_floor, 1e-300))
    tol = tie_tolerance(scale)
    own = key[rows, sites]
    ahead = (own[:, None] - key) > tol[:, None]  # the sites before its tie run, if no chain
    count = ahead.sum(axis=1)
    last_ahead = np.where(ahead, key, -np.inf).max(axis=1)
    first_rest = np.where(ahead, np.inf, key).min(axis=1)
    # the gap rank_rows tests between the last site ahead and the first of the rest (adjacent
    # in its sorted row): the same subtraction of the same two numbers
    with np.errstate(invalid="ignore"):
        clean = (count == 0) | (first_rest - last_ahead > tol)
    clean &= ~np.isnan(key).any(axis=1)
    out: np.ndarray = (count + 1).astype(np.int32)
    bad = np.flatnonzero(~clean)
    if bad.size:
        out[bad] = rank_rows(s[bad], higher_is_better, scale_floor)[np.arange(bad.size), sites[bad]]
    return out
