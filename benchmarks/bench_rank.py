"""Ranking speed: 100,000 synthetic sites x 12 criteria, in-process, against scikit-criteria.

    .venv/bin/python benchmarks/bench_rank.py [--sites 100000] [--repeat 5]

For wsm, wpm, topsis and vikor: median wall time of one full evaluation (normalise, score, rank
with ties) over ``--repeat`` runs, peak traced memory (tracemalloc, numpy buffers included), and
the ratio against scikit-criteria's pipeline on the same matrix in the same run
(``MinMaxInverter -> WeightedSumModel``, ``InvertMinimize -> WeightedProductModel``,
``VectorScaler -> TOPSIS``, ``VIKOR``). promethee2 is O(n^2 m): it runs on 2,000 sites and is
compared with a plain-Python pairwise loop on 150 sites, extrapolated by the number of
ordered pairs n (n - 1).
Target: every method except promethee2 ranks 100,000 x 12 in under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
import warnings

import numpy as np

from sitecompare.methods import Problem, get_method
from sitecompare.methods.promethee import preference_degree
from sitecompare.model import Preference


def synthetic(n: int, m: int, seed: int = 42) -> tuple[Problem, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(1, 100, (n, m))
    benefit = np.ones(m, bool)
    benefit[[0, m // 2]] = False  # two cost criteria, as in the team's notes
    w = rng.uniform(0.5, 1.5, m)
    prefs = [Preference("linear", 2.0, 20.0) for _ in range(m)]
    return Problem.from_arrays(X, benefit, preferences=prefs), w / w.sum()


def timed(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20


def skc_pipeline(method: str, X: np.ndarray, benefit: np.ndarray, w: np.ndarray):  # type: ignore[no-untyped-def]
    import skcriteria as skc
    from skcriteria.agg.simple import WeightedProductModel, WeightedSumModel
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.agg.vikor import VIKOR
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.invert_objectives import InvertMinimize, MinMaxInverter
    from skcriteria.preprocessing.scalers import VectorScaler

    steps = {
        "wsm": [MinMaxInverter(), WeightedSumModel()],
        "wpm": [InvertMinimize(), WeightedProductModel()],
        "topsis": [VectorScaler(target="matrix"), TOPSIS()],
        "vikor": [VIKOR()],  # one step: a pipeline needs two, so the method is called directly
    }[method]
    pipe = mkpipe(*steps) if len(steps) > 1 else steps[0]
    objectives = [max if b else min for b in benefit]

    def run():  # type: ignore[no-untyped-def]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dm = skc.mkdm(X, objectives, weights=w)
            return pipe.evaluate(dm)

    return run


def naive_promethee(X: np.ndarray, benefit: np.ndarray, w: np.ndarray, prefs: list) -> list[float]:
    n, m = X.shape
    net = [0.0] * n
    for a in range(n):
        for b in range(n):
            if a == b:
                continue
            pi_ab = pi_ba = 0.0
            for j in range(m):
                d = X[a, j] - X[b, j] if benefit[j] else X[b, j] - X[a, j]
                pi_ab += w[j] * float(preference_degree(np.array(d), prefs[j]))
                pi_ba += w[j] * float(preference_degree(np.array(-d), prefs[j]))
            net[a] += (pi_ab - pi_ba) / (n - 1)
    return net


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sites", type=int, default=100_000)
    ap.add_argument("--criteria", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    n, m = args.sites, args.criteria
    p, w = synthetic(n, m)
    print(
        f"ranking {n:,} synthetic sites x {m} criteria (2 cost), median of {args.repeat} runs; "
        "memory = tracemalloc peak"
    )
    print(
        f"{'method':<11}{'sitecompare':>14}{'peak MB':>10}{'scikit-criteria':>18}{'ratio':>9}{'target':>12}"
    )
    for name in ("wsm", "wpm", "topsis", "vikor"):
        info = get_method(name)
        ours, mem = timed(lambda info=info: info.evaluate(p, w), args.repeat)
        theirs, _ = timed(skc_pipeline(name, p.X, p.benefit, w), max(1, args.repeat // 2))
        ok = "ok" if ours < 1.0 else "MISSED"
        print(
            f"{name:<11}{ours * 1e3:>11.1f} ms{mem:>10.1f}{theirs * 1e3:>15.1f} ms{theirs / ours:>8.1f}x"
            f"{'< 1 s ' + ok:>12}"
        )
    # agreement check on the same matrix (the benchmark must compare like with like)
    ours_rank = get_method("topsis").evaluate(p, w).ranks
    res = skc_pipeline("topsis", p.X, p.benefit, w)()
    agree = float(np.mean(ours_rank == res.rank_))
    print(f"topsis ranks identical to scikit-criteria's on {agree:.1%} of the sites")

    n_pro, n_naive = 2_000, 150
    pp, wp = synthetic(n_pro, m, seed=7)
    ours, mem = timed(lambda: get_method("promethee2").evaluate(pp, wp), 3)
    small, ws = synthetic(n_naive, m, seed=7)
    t0 = time.perf_counter()
    ref = naive_promethee(small.X, small.benefit, ws, list(small.preferences))
    naive_small = time.perf_counter() - t0
    check = get_method("promethee2").evaluate(small, ws).scores
    assert np.allclose(ref, check), "vectorised PROMETHEE II disagrees with the naive loop"
    naive_est = (
        naive_small * (n_pro * (n_pro - 1)) / (n_naive * (n_naive - 1))
    )  # cost per ordered pair
    print(
        f"{'promethee2':<11}{ours * 1e3:>11.1f} ms{mem:>10.1f}   naive loop {naive_small:.1f} s on "
        f"{n_naive} sites -> ~{naive_est:.0f} s on {n_pro:,} (x{naive_est / ours:,.0f}); "
        f"{n_pro:,} sites x {m}"
    )


if __name__ == "__main__":
    main()
