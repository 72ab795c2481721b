"""Evaluation: scores for many weight vectors (and matrices) at once, in bounded-memory chunks.

Native methods have batched forms (one matrix product for WSM/PROMETHEE/WPM, two for TOPSIS,
a chunked max for VIKOR). scikit-criteria methods have none and are looped (slow, but
correct); the CLI says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from ..methods import MethodInfo, Problem, get_method
from ..methods.ranks import tie_tolerance
from ..model import MethodSpec

__all__ = ["Evaluator", "chunk_bounds", "rank_positions", "ranks_from_positions"]

CHUNK_TARGET_ELEMENTS = 2_500_000  # (samples x sites x criteria) elements per chunk: ~20 MB


def chunk_bounds(k: int, n: int, m: int, *, per_sample_matrix: bool) -> Iterator[tuple[int, int]]:
    """Sample ranges ``[a, b)`` of bounded memory. Without per-sample matrices a chunk is only
    (samples x sites) arrays, about ten of them alive at once (scores, sort keys, orders, counts
    keys): 2 MB each for 50 sites. Measured on 1,000,000 samples x 50 sites, such chunks are
    about twice as fast as 5 MB ones, whose repeated fresh allocations page-fault (~220,000
    minor faults against ~8,000)."""
    size = n * m if per_sample_matrix else n * 10
    step = max(256, CHUNK_TARGET_ELEMENTS // max(size, 1))
    for a in range(0, k, step):
        yield a, min(k, a + step)


def rank_positions(g: np.ndarray, scale_floor: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """The ranking of each row of ``(K, n)`` goodness scores as (order, rank at each position).

    ``order[s, p]`` is the site at sorted position p (best first) and ``pos_rank[s, p]`` its
    competition rank (1 = best), with exactly the tie rule of ``methods.ranks.rank_rows``:
    consecutive sorted scores within ``TIE_RTOL`` of the row's scale (at least ``scale_floor``),
    and within ``TIE_ATOL`` always, share the better rank. The same ranks as rank_rows
    (``ranks[s, order[s, p]] = pos_rank[s, p]``), at about a sixth of its cost: the order comes
    from :func:`_sorted_order` (sites with equal scores may come in either order, but equal
    scores are in one tie run, so their ranks do not change) and no inverse permutation is
    made unless asked for (:func:`ranks_from_positions`). When no row has a tie, ``pos_rank``
    is a read-only broadcast of 1..n (stride 0 along the rows).
    """
    g = np.ascontiguousarray(g, dtype=float)
    k, n = g.shape
    pos = np.arange(1, n + 1, dtype=np.int32)
    if n < 2:
        return np.zeros((k, n), dtype=np.intp), np.broadcast_to(pos, (k, n))
    order, sk = _sorted_order(g)
    d = sk[:, :-1] - sk[:, 1:]
    if not (d >= 0).all():  # a row out of order (see _sorted_order) or with NaN: argsort it
        rows = np.flatnonzero(~(d >= 0).all(axis=1))
        order[rows] = np.argsort(-g[rows], axis=1)
        sk[rows] = np.take_along_axis(g[rows], order[rows], axis=1)
        d[rows] = sk[rows, :-1] - sk[rows, 1:]
    scale = np.maximum(np.maximum(np.abs(sk[:, 0]), np.abs(sk[:, -1])), max(scale_floor, 1e-300))
    tied = d <= tie_tolerance(scale)[:, None]
    if not tied.any():
        return order, np.broadcast_to(pos, (k, n))
    starts = np.ones((k, n), dtype=bool)
    starts[:, 1:] = ~tied
    pos_rank = np.maximum.accumulate(np.where(starts, pos[None, :], 0), axis=1).astype(np.int32)
    return order, pos_rank


_KEY_BITS_MAX = 16  # site-index bits a sort key may take from the score's 52-bit mantissa
_ALL_BUT_SIGN = np.int64(0x7FFF_FFFF_FFFF_FFFF)


def _sorted_order(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's sites best first, and the scores in that order: ``(order, sorted scores)``.

    ``np.argsort`` of a row of floats is several times slower than ``np.sort`` of integers
    (which numpy runs with SIMD sorting networks). So each score is mapped to an int64 that
    sorts like it (the IEEE bits, the non-sign bits flipped for negatives; then inverted, best
    first), its lowest bits replaced by the site's index, and the keys sorted as integers; the
    index is read back from the low bits. Scores that differ only in those dropped bits (a
    relative 2**-36 at most, far inside the tie tolerance) may come out of order; the caller
    (:func:`rank_positions`) sorts a row where that happens (its sorted exact scores are not
    non-increasing), or with NaN, again by ``np.argsort``. The sorted scores are thus exact and
    non-increasing, so tie runs, and ranks, are the same as argsort's.
    """
    k, n = g.shape
    bits = max(1, (n - 1).bit_length())
    if bits > _KEY_BITS_MAX:
        order = np.argsort(-g, axis=1)
        return order, np.take_along_axis(g, order, axis=1)
    b = g.view(np.int64)
    key = (b >> 63) & _ALL_BUT_SIGN
    key ^= b  # sorts like the float
    np.invert(key, out=key)  # largest score first
    key >>= bits
    key <<= bits
    key |= np.arange(n, dtype=np.int64)
    key.sort(axis=1)
    key &= (1 << bits) - 1
    order = key
    flat = order + (np.arange(k, dtype=np.int64) * n)[:, None]
    return order, np.take(g.ravel(), flat, mode="clip")  # indices in range: no checks


def ranks_from_positions(order: np.ndarray, pos_rank: np.ndarray) -> np.ndarray:
    """(K, n) ranks by site from :func:`rank_positions` (int32, 1 = best)."""
    ranks = np.empty(order.shape, dtype=np.int32)
    np.put_along_axis(ranks, order, np.ascontiguousarray(pos_rank, dtype=np.int32), axis=1)
    return ranks


class Evaluator:
    """Goodness scores (higher is better) of a problem under a method, for batches of weights."""

    def __init__(self, problem: Problem, method: MethodSpec) -> None:
        self.problem = problem
        self.spec = method
        self.info: MethodInfo = get_method(method.name)
        self.params = dict(method.params)
        self.sign = 1.0 if self.info.higher_is_better else -1.0
        self.batched = self.info.batch is not None
        self.tie_scale = self.info.tie_scale
        self._basis: np.ndarray | None = None
        self._rows: np.ndarray | None = None  # the sites reported (None: all), see only()
        if self.info.linear_basis is not None:
            self._basis = self.info.linear_basis(problem, **self.params)
            # the goodness basis, oriented (one product per chunk, no extra pass for the sign)
            self._goodness_basis_t = np.ascontiguousarray((self.sign * self._basis).T)

    def only(self, rows: np.ndarray | list[int]) -> Evaluator:
        """The same evaluator reporting only the sites ``rows`` (columns of every result).

        Scores are still computed over the whole problem (a method's normalisation and ideal
        points depend on every site), so the chosen sites' scores, and the crossovers among
        them that :func:`~.oat.oat_sweep` finds, are those of the full comparison: a sweep of
        a few leading sites out of thousands costs O(shown^2) pairs instead of O(n^2)."""
        import copy

        rows = np.asarray(rows, dtype=np.intp)
        view = copy.copy(self)
        base = self._rows
        view._rows = rows if base is None else base[rows]
        if self._basis is not None:
            view._basis = self._basis[rows]
            view._goodness_basis_t = np.ascontiguousarray(self._goodness_basis_t[:, rows])
        return view

    def _pick(self, out: np.ndarray) -> np.ndarray:
        return out if self._rows is None else out[:, self._rows]

    @property
    def linear(self) -> bool:
        """True when the score is a monotone function of ``basis @ w`` (exact OAT crossovers)."""
        return self._basis is not None

    @property
    def basis(self) -> np.ndarray:
        """The method's linear basis B (score monotone in B @ w)."""
        assert self._basis is not None
        return self._basis

    def goodness(self, W: np.ndarray, X: np.ndarray | None = None) -> np.ndarray:
        """(K, n) scores oriented so that higher is better, for K weight rows (and matrices)."""
        W = np.atleast_2d(W)
        if X is None and self._basis is not None:
            return W @ self._goodness_basis_t
        if X is None and self.info.name == "topsis":
            return self._pick(self._topsis_weights(W))
        if self.batched:
            assert self.info.batch is not None
            out = self.info.batch(self.problem, W, X, **self.params)
            return self.sign * self._pick(out)
        rows = []
        for k in range(W.shape[0]):
            p = self.problem if X is None else _with_x(self.problem, X[k])
            rows.append(self.info.evaluate(p, W[k], **self.params).scores)
        return self.sign * self._pick(np.array(rows))

    def pair_scorer(
        self, pa: np.ndarray, pb: np.ndarray
    ) -> Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """A function of weights ``W`` (K, m): the goodness of site ``pa[q]`` and of site
        ``pb[q]`` at weights ``W[q]`` (each (K,)), to call with many weight batches.

        TOPSIS scores a site from its own row and the ideal points alone, so only the two
        sites are scored (O(m) a row, not O(n m)), from their columns gathered once; other
        methods score every site."""
        if self.info.name != "topsis":

            def every_site(W: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
                g = self.goodness(np.atleast_2d(W))
                rows = np.arange(g.shape[0])
                return g[rows, pa], g[rows, pb]

            return every_site
        if self._rows is not None:  # a view of some sites (only()): their rows in the whole
            pa, pb = self._rows[pa], self._rows[pb]
        self._topsis_weights(np.ones((1, self.problem.X.shape[1])))  # fills the cache
        ap, am, euclid = self._topsis_cache
        cols = (ap[:, pa], am[:, pa]), (ap[:, pb], am[:, pb])

        def two_sites(W: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            W = np.atleast_2d(W)
            V = W * W if euclid else W
            ga, gb = (self._topsis_rows(V, p, m, euclid) for p, m in cols)
            return ga, gb

        return two_sites

    @staticmethod
    def _topsis_rows(V: np.ndarray, ap: np.ndarray, am: np.ndarray, euclid: bool) -> np.ndarray:
        """Closeness of one site per row from its columns ``ap``, ``am`` (m, q) and the weights
        ``V`` (q, m): squared for the euclidean metric."""
        dp = np.einsum("ql,lq->q", V, ap)
        dm = np.einsum("ql,lq->q", V, am)
        if euclid:
            dp = np.sqrt(np.maximum(dp, 0.0))
            dm = np.sqrt(np.maximum(dm, 0.0))
        tot = dp + dm
        with np.errstate(invalid="ignore", divide="ignore"):
            c = dm / tot
        return np.where(tot > 0, c, 0.5)

    def _topsis_weights(self, W: np.ndarray) -> np.ndarray:
        """TOPSIS for many weight vectors on the study's matrix: the squared (or absolute)
        differences from the ideal and anti-ideal depend only on the matrix, so they are
        computed once and every batch is two matrix products (see ``topsis_batch``)."""
        cache = self.__dict__.get("_topsis_cache")
        if cache is None:
            from ..methods.normalize import normalize

            p = self.problem
            norm = str(self.params.get("normalization", "vector"))
            N = normalize(p.X, p.benefit, norm, worst=p.worst, best=p.best, invert=False)
            ip = np.where(p.benefit, N.max(axis=0), N.min(axis=0))
            im = np.where(p.benefit, N.min(axis=0), N.max(axis=0))
            euclid = self.params.get("metric", "euclidean") == "euclidean"
            f = np.square if euclid else np.abs
            cache = (np.ascontiguousarray(f(N - ip).T), np.ascontiguousarray(f(N - im).T), euclid)
            self._topsis_cache = cache
        ap, am, euclid = cache
        # the same operations as topsis_batch, in place: fewer (K, n) temporaries, each of
        # which, at a few MB, is fresh memory (page faults) on every call
        if euclid:
            W2 = W * W
            dp = W2 @ ap
            dm = W2 @ am
            for d in (dp, dm):
                np.maximum(d, 0.0, out=d)
                np.sqrt(d, out=d)
        else:
            dp, dm = W @ ap, W @ am
        tot = np.add(dp, dm, out=dp)
        with np.errstate(invalid="ignore", divide="ignore"):
            c: np.ndarray = np.divide(dm, tot, out=dm)
        np.copyto(c, 0.5, where=~(tot > 0))
        return c

    def native(self, W: np.ndarray, X: np.ndarray | None = None) -> np.ndarray:
        """(K, n) scores in the method's native scale (for charts)."""
        W = np.atleast_2d(W)
        if self.batched:
            assert self.info.batch is not None
            out = self._pick(self.info.batch(self.problem, W, X, **self.params))
            return np.exp(out) if self.info.name == "wpm" else out
        rows = []
        for k in range(W.shape[0]):
            p = self.problem if X is None else _with_x(self.problem, X[k])
            rows.append(self.info.evaluate(p, W[k], **self.params).scores)
        return self._pick(np.array(rows))


def _with_x(problem: Problem, X: np.ndarray) -> Problem:
    from dataclasses import replace

    return replace(problem, X=X)
