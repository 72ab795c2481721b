"""Where a pair's order changes along a sweep: sign changes and tie runs of every pair at once.

``S`` holds, for each grid point (rows) and pair of sites (columns), the sign of the pair's score
difference with the ranking's tie rule (0 where they tie). Along each pair's column:

* a **crossing** lies between two consecutive non-zero signs that differ (ties in between are
  skipped): its bracket is the grid points of those two signs;
* a **tie run** is a maximal run of zeros; a run that sits inside a crossing's bracket (the signs
  on its two sides differ) belongs to that crossing; a pair tied over the whole sweep (identical
  sites) has none. A run's edges are bracketed where a sign meets it.

Everything is found with whole-array operations, in the order a loop over the pairs, then along
each pair's column, would list it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["SignBrackets", "sign_brackets"]


@dataclass(frozen=True)
class SignBrackets:
    """Crossings, tie-run edges and tie runs of a sign table (arrays, pair-major order)."""

    cross_lo: np.ndarray  # grid index of the last non-zero sign before the crossing
    cross_hi: np.ndarray  # grid index of the first non-zero sign after it
    cross_pair: np.ndarray
    run_pair: np.ndarray  # tie runs that are not inside a crossing
    run_start: np.ndarray
    run_end: np.ndarray
    edge_lo: np.ndarray  # grid index bracketing a run's edge from below
    edge_pair: np.ndarray
    edge_keep_lo: np.ndarray  # True: the edge at the run's start (the sign held below it)


def sign_brackets(S: np.ndarray) -> SignBrackets:
    """The brackets of sign table ``S`` (grid points x pairs); see the module docstring."""
    g, P = S.shape
    # (pairs, grid): nonzero() walks pair by pair; signs as int8 unless a NaN must stay a NaN
    T = np.ascontiguousarray(S.T, dtype=np.int8 if np.isfinite(S).all() else float)
    if T.dtype != np.int8:
        return _brackets(T, np.arange(P))
    # most pairs never tie: their crossings are simply where the sign changes
    tied = (T == 0).any(axis=1)
    plain = np.flatnonzero(~tied)
    pp, ch = np.nonzero(T[plain, 1:] != T[plain, :-1])
    if plain.size == P:
        none = np.zeros(0, dtype=np.intp)
        return SignBrackets(ch, ch + 1, plain[pp], none, none, none, none, none, none.astype(bool))
    b = _brackets(T[tied], np.flatnonzero(tied))
    cp = np.concatenate([plain[pp], b.cross_pair])
    cl = np.concatenate([ch, b.cross_lo])
    order = np.lexsort((cl, cp))  # pair by pair, along the grid, as one pass would list them
    return SignBrackets(
        cross_lo=cl[order],
        cross_hi=np.concatenate([ch + 1, b.cross_hi])[order],
        cross_pair=cp[order],
        run_pair=b.run_pair,
        run_start=b.run_start,
        run_end=b.run_end,
        edge_lo=b.edge_lo,
        edge_pair=b.edge_pair,
        edge_keep_lo=b.edge_keep_lo,
    )


def _brackets(T: np.ndarray, pair: np.ndarray) -> SignBrackets:
    """The brackets of sign table ``T`` (pairs x grid), whose rows are pairs ``pair``."""
    P, g = T.shape
    # crossings: each non-zero sign against the previous non-zero sign of its pair
    pos = np.where(T != 0, np.arange(g, dtype=np.int32)[None, :], np.int32(-1))
    last = np.maximum.accumulate(pos, axis=1)
    prev = np.concatenate([np.full((P, 1), -1, dtype=np.int32), last[:, :-1]], axis=1)
    prev_sign = T[np.arange(P)[:, None], np.maximum(prev, 0)]
    is_cross = (T != 0) & (prev >= 0) & (prev_sign != T)
    cp, ch = np.nonzero(is_cross)
    cl = prev[cp, ch]
    # tie runs
    zero = T == 0
    keep_pair = zero.any(axis=1) & ~zero.all(axis=1)
    left = np.concatenate([np.zeros((P, 1), bool), zero[:, :-1]], axis=1)
    right = np.concatenate([zero[:, 1:], np.zeros((P, 1), bool)], axis=1)
    rp, rs = np.nonzero(zero & ~left & keep_pair[:, None])
    _, re = np.nonzero(zero & ~right & keep_pair[:, None])
    sl = np.where(rs > 0, T[rp, np.maximum(rs - 1, 0)], 0.0)
    sr = np.where(re < g - 1, T[rp, np.minimum(re + 1, g - 1)], 0.0)
    own = ~((sl != 0) & (sr != 0) & (sl != sr))  # not inside a crossing's bracket
    rp, rs, re, sl, sr = rp[own], rs[own], re[own], sl[own], sr[own]
    # edges, the start's before the end's for each run
    has = np.stack([sl != 0, sr != 0], axis=1).ravel()
    lo = np.stack([rs - 1, re], axis=1).ravel()[has]
    return SignBrackets(
        cross_lo=cl,
        cross_hi=ch,
        cross_pair=pair[cp],
        run_pair=pair[rp],
        run_start=rs,
        run_end=re,
        edge_lo=lo,
        edge_pair=np.repeat(pair[rp], 2)[has],
        edge_keep_lo=np.tile([True, False], rp.size)[has],
    )
