"""Benchmark of the sensitivity engine (a script, not a test).

    .venv/bin/python benchmarks/bench_sensitivity.py            # everything (~1-2 min)
    .venv/bin/python benchmarks/bench_sensitivity.py --quick    # 100,000 samples only

Prints, for a seeded synthetic problem (50 sites x 12 criteria):

* ``run_smaa`` alone at 500 sites x 12 criteria (topsis, 100,000 samples; median of 3 runs, wall
  and CPU time), with the pairwise winning counts by ``pairs.pair_counts`` against the naive
  per-site loop they replaced (both on 5,000 samples, scaled);
* wall time of ``run_smaa`` (sampling + evaluation + analysis) for wsm and topsis at 100,000 and
  1,000,000 samples (best of runs, with run_smaa's thread pool), and the pieces timed in place in
  a single-threaded run (the sampler, the evaluator, the ranking and the pairwise winning counts
  are wrapped with timers; "analysis" is the rest: counting rank acceptabilities, central weights,
  confidence), with that run's total;
* peak memory of each run (after a warm-up run): tracemalloc's peak of traced
  Python/numpy allocations during the run, and the growth of the process's maximum resident set
  size (``resource.getrusage(RUSAGE_SELF).ru_maxrss``, Linux KiB) during the run, the kernel's
  peak having been reset to the current RSS just before it (``/proc/self/clear_refs``);
* the per-sample cost of a scikit-criteria pipeline loop (``skc_pipeline_scores``: VectorScaler
  -> TOPSIS, MinMaxInverter -> WSM) timed on 300 samples in the same run, against run_smaa's
  per-sample cost, and the ratio;
* the OAT sweeps + critical weight and data changes on the shipped study, and a whole
  ``run_sensitivity`` of it (20,000 samples, its ranged facts: value of information included);
* threads: run_smaa with one thread against the default pool.

Targets printed next to the figures: 100,000-sample topsis SMAA under 2 s (under 4 s at 500
sites, a share of the whole sensitivity command's 15 s); 1,000,000 under 10 s
with peak memory under 1 GB; wsm five times faster, read as wsm under a fifth of the topsis
targets (0.4 s and 2 s). The measured topsis/wsm time ratio is printed too, with the
method-independent part of the wsm run (sampling, ranking, counting) that bounds it.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
import tracemalloc
from contextlib import contextmanager

import numpy as np

from sitecompare.methods import Problem
from sitecompare.model import MethodSpec
from sitecompare.sensitivity import smaa as smaa_mod
from sitecompare.sensitivity.evaluate import Evaluator
from sitecompare.sensitivity.smaa import run_smaa

N_SITES, N_CRIT, SEED = 50, 12, 20240501
SPECS = {
    "wsm": MethodSpec("wsm", {"normalization": "minmax"}),
    "topsis": MethodSpec("topsis", {"normalization": "vector", "metric": "euclidean"}),
}
SKC_SAMPLES = 300


def synthetic(n=N_SITES):
    rng = np.random.default_rng(SEED)
    X = rng.uniform(1.0, 100.0, (n, N_CRIT))
    benefit = rng.random(N_CRIT) < 0.7
    w = rng.dirichlet(np.ones(N_CRIT))
    return X, benefit, w


def problem_and_args(method, n=N_SITES):
    X, benefit, w = synthetic(n)
    ev = Evaluator(Problem.from_arrays(X, benefit), SPECS[method])
    kw = dict(low=X, high=X, missing=np.zeros(X.shape, bool), observed_low=X.min(0), observed_high=X.max(0))
    return ev, X, w, kw


@contextmanager
def timed_pieces():
    """Wrap the sampler, the evaluator and the ranking used inside run_smaa with timers, and run
    single-threaded (the timers add up the time of one thread)."""
    acc = {"sampling": 0.0, "evaluation": 0.0, "ranking": 0.0, "pairwise": 0.0}
    names = {"sample_weights": "sampling", "rank_positions": "ranking", "pair_counts": "pairwise"}
    orig = {name: getattr(smaa_mod, name) for name in names}
    orig_goodness = Evaluator.goodness
    orig_threads = smaa_mod.MAX_THREADS

    def wrap(fn, key):
        def inner(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                acc[key] += time.perf_counter() - t

        return inner

    for name, key in names.items():
        setattr(smaa_mod, name, wrap(orig[name], key))
    Evaluator.goodness = wrap(orig_goodness, "evaluation")
    smaa_mod.MAX_THREADS = 1
    try:
        yield acc
    finally:
        for name, fn in orig.items():
            setattr(smaa_mod, name, fn)
        Evaluator.goodness = orig_goodness
        smaa_mod.MAX_THREADS = orig_threads


def time_smaa(method, samples, repeat=1):
    ev, X, w, kw = problem_and_args(method)
    run_smaa(ev, X, w, samples=2000, seed=1, **kw)  # warm-up
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        run_smaa(ev, X, w, samples=samples, seed=1, **kw)
        total = time.perf_counter() - t
        best = total if best is None else min(best, total)
    with timed_pieces() as acc:
        t = time.perf_counter()
        run_smaa(ev, X, w, samples=samples, seed=1, **kw)
        wrapped = time.perf_counter() - t
    pieces = dict(acc)
    pieces["analysis"] = max(wrapped - sum(acc.values()), 0.0)
    pieces["single"] = wrapped
    return best, pieces


def time_smaa_many_sites(n=500, samples=100_000, naive_samples=5_000, repeat=3):
    """run_smaa alone (topsis, uniform weights) at ``n`` sites x 12 criteria: median wall time
    of ``repeat`` runs and the CPU time of all threads; and the pairwise winning counts of the
    first ``naive_samples`` samples, by ``pairs.pair_counts`` and by the naive per-site loop it
    replaced (each site's ranks against all others', ``np.count_nonzero`` over the samples),
    both extrapolated to ``samples``."""
    import statistics

    from sitecompare.sensitivity.evaluate import rank_positions, ranks_from_positions
    from sitecompare.sensitivity.pairs import PairWorkspace, pair_counts
    from sitecompare.sensitivity.sample import sample_weights

    ev, X, w, kw = problem_and_args("topsis", n)
    run_smaa(ev, X, w, samples=2000, seed=1, **kw)  # warm-up
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        run_smaa(ev, X, w, samples=samples, seed=1, **kw)
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    W = sample_weights(np.random.default_rng(1), naive_samples, w, "uniform")
    order, pos_rank = rank_positions(ev.goodness(W), ev.tie_scale)
    ws = PairWorkspace()  # as in a run: each thread's buffers made once
    pair_counts([(order, pos_rank)], n, ws)
    t = time.perf_counter()
    fast = pair_counts([(order, pos_rank)], n, ws)
    t_fast = time.perf_counter() - t
    t = time.perf_counter()
    RT = np.ascontiguousarray(ranks_from_positions(order, pos_rank).T.astype(np.int16))
    naive = np.empty((n, n), dtype=np.int64)
    for i in range(n):
        naive[i] = np.count_nonzero(RT[i][None, :] < RT, axis=1)
    t_naive = time.perf_counter() - t
    assert (fast == naive).all()
    scale = samples / naive_samples
    return statistics.median(walls), statistics.median(cpus), t_fast * scale, t_naive * scale


def measure_memory(method, samples):
    """tracemalloc peak and ru_maxrss growth of one run_smaa call (after a warm-up run).

    The kernel's peak RSS is first reset to the current RSS (Linux /proc/self/clear_refs), so the
    growth of getrusage(RUSAGE_SELF).ru_maxrss measures this call, not an earlier high-water mark.
    (Measured in this process: a child started from here would inherit this process's high-water
    mark in ru_maxrss across fork + exec.)
    """
    ev, X, w, kw = problem_and_args(method)
    run_smaa(ev, X, w, samples=2000, seed=1, **kw)
    reset = _reset_peak_rss()
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    run_smaa(ev, X, w, samples=samples, seed=1, **kw)
    untraced = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    run_smaa(ev, X, w, samples=samples, seed=1, **kw)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "tracemalloc_peak": peak,
        "maxrss_delta_kib": after - base_rss,
        "maxrss_kib": after,
        "base_maxrss_kib": base_rss,
        "time": untraced,
        "reset": reset,
    }


def _reset_peak_rss() -> bool:
    """Linux: reset the process's peak RSS (VmHWM, which ru_maxrss reports) to the current RSS,
    so that the growth of ru_maxrss measures this call and not the import-time high-water mark."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def time_skc(method):
    from sitecompare.methods.skc import skc_pipeline_scores
    from sitecompare.sensitivity.sample import sample_weights

    X, benefit, w = synthetic()
    W = sample_weights(np.random.default_rng(3), SKC_SAMPLES, w, "uniform")
    skc_pipeline_scores(method, X, benefit, W[0])  # warm-up (imports)
    t = time.perf_counter()
    for row in W:
        skc_pipeline_scores(method, X, benefit, row)
    return (time.perf_counter() - t) / SKC_SAMPLES


def time_oat_critical():
    from sitecompare import load_study
    from sitecompare.matrix import build_matrix
    from sitecompare.ranking import evaluate_matrix
    from sitecompare.sensitivity.critical import critical_data_changes, critical_weight_changes
    from sitecompare.sensitivity.oat import oat_sweep
    from sitecompare.study import shipped_criteria_file, shipped_sites_dir

    study = load_study(shipped_sites_dir(), shipped_criteria_file())
    out = {}
    for name, spec in (
        ("wsm", study.method),
        ("topsis", SPECS["topsis"]),
        ("vikor", MethodSpec("vikor", {"v": 0.5})),
    ):
        dm = build_matrix(study)
        t0 = time.perf_counter()
        ranks = evaluate_matrix(dm, spec).ranks
        ev = Evaluator(dm.problem(), spec)
        oat = {c.id: oat_sweep(ev, dm.weights, j, dm.site_ids) for j, c in enumerate(dm.criteria)}
        t1 = time.perf_counter()
        changes = critical_weight_changes(oat, dm.weights, dm.criterion_ids, dm.site_ids, ranks)
        t2 = time.perf_counter()
        factors = np.array([[dm.cell(s, c.id).factor for c in dm.criteria] for s in dm.site_ids])
        best = np.array([c.scale_best if c.has_scale else np.nan for c in dm.criteria], float)
        lo, hi = np.nan_to_num(dm.observed_low), np.nan_to_num(dm.observed_high)
        data = critical_data_changes(
            ev, dm.weights, dm.X, ranks, dm.site_ids, dm.criterion_ids, lo, hi, factors, best
        )
        t3 = time.perf_counter()
        out[name] = (
            t1 - t0,
            t2 - t1,
            t3 - t2,
            len(dm.site_ids),
            len(dm.criteria),
            sum(len(o.crossovers) for o in oat.values()),
            len(changes),
            len(data),
        )
    return out


def time_shipped_sensitivity(samples=20_000):
    """run_sensitivity on the shipped study (its ranged facts make the value of information run)."""
    from sitecompare import load_study, run_sensitivity
    from sitecompare.study import shipped_criteria_file, shipped_sites_dir

    study = load_study(shipped_sites_dir(), shipped_criteria_file())
    out = {}
    for name, spec in (
        ("wsm", study.method),
        ("topsis", SPECS["topsis"]),
        ("vikor", MethodSpec("vikor", {"v": 0.5})),
    ):
        run_sensitivity(study, samples=1000, seed=1, method=spec)
        t = time.perf_counter()
        res = run_sensitivity(study, samples=samples, seed=1, method=spec)
        out[name] = (time.perf_counter() - t, len(res.smaa.uncertain), res.smaa.voi_samples)
    return out


def experiment(samples):
    """run_smaa with one thread against the default thread pool."""
    out = {}
    orig = smaa_mod.MAX_THREADS
    try:
        for label, threads in (("1 thread", 1), (f"pool (up to {orig})", orig)):
            smaa_mod.MAX_THREADS = threads
            for method in ("wsm", "topsis"):
                ev, X, w, kw = problem_and_args(method)
                run_smaa(ev, X, w, samples=2000, seed=1, **kw)
                t = time.perf_counter()
                run_smaa(ev, X, w, samples=samples, seed=1, **kw)
                out[(label, method)] = time.perf_counter() - t
    finally:
        smaa_mod.MAX_THREADS = orig
    return out


def fmt_mb(b):
    return f"{b / 2**20:,.0f} MiB"


def ok(flag):
    return "OK  " if flag else "MISS"


def main(quick=False):
    import platform

    print(
        f"sitecompare sensitivity benchmark - python {platform.python_version()}, numpy "
        f"{np.__version__}, {os.cpu_count()} CPUs, {platform.machine()}"
    )
    print(
        f"synthetic problem: {N_SITES} sites x {N_CRIT} criteria (seed {SEED}), uniform "
        "weights, no uncertain facts"
    )
    sizes = [100_000] if quick else [100_000, 1_000_000]
    times = {}
    print(
        "\nrun_smaa wall time (best of runs, thread pool), and its pieces timed in place in a "
        "single-threaded run:"
    )
    print(
        f"  {'method':7} {'samples':>10} {'total s':>8} {'per sample':>11}   "
        f"{'sampling':>8} {'evaluate':>8} {'ranking':>8} {'pairwise':>8} {'analysis':>8} "
        f"{'1-thread':>8}"
    )
    pieces = {}
    for method in ("wsm", "topsis"):
        for k in sizes:
            total, p = time_smaa(method, k, repeat=3 if k <= 100_000 else 2)
            times[(method, k)] = total
            pieces[(method, k)] = p
            print(
                f"  {method:7} {k:>10,} {total:8.3f} {total / k * 1e6:9.2f} us   "
                f"{p['sampling']:8.3f} {p['evaluation']:8.3f} {p['ranking']:8.3f} {p['pairwise']:8.3f} "
                f"{p['analysis']:8.3f} {p['single']:8.3f}"
            )

    big, big_k = 500, 100_000
    wall, cpu, t_fast, t_naive = time_smaa_many_sites(big, big_k)
    print(
        f"\nrun_smaa alone at {big} sites x {N_CRIT} criteria (topsis, {big_k:,} uniform samples, "
        f"no uncertain facts; median of 3, thread pool):\n"
        f"  wall {wall:.3f} s, CPU of all threads {cpu:.3f} s\n"
        f"  pairwise winning counts, timed on 5,000 samples and scaled to {big_k:,}: "
        f"pair_counts {t_fast:.3f} s, the naive per-site count_nonzero loop {t_naive:.3f} s "
        f"({t_naive / t_fast:.1f}x)"
    )

    print("\npeak memory of one run_smaa call (after a warm-up run):")
    print("  tracemalloc peak = traced Python/numpy allocations during the call;")
    print("  maxrss delta = growth of getrusage(RUSAGE_SELF).ru_maxrss during the call, the peak")
    print("  having been reset to the current RSS just before it (/proc/self/clear_refs)")
    mem = {}
    for method in ("wsm", "topsis"):
        for k in sizes:
            m = measure_memory(method, k)
            mem[(method, k)] = m
            print(
                f"  {method:7} {k:>10,}  tracemalloc peak {fmt_mb(m['tracemalloc_peak']):>9}   "
                f"maxrss delta {m['maxrss_delta_kib'] / 1024:7,.0f} MiB   "
                f"(ru_maxrss {m['maxrss_kib'] / 1024:,.0f} MiB; untraced time {m['time']:.3f} s"
                f"{'' if m['reset'] else '; peak not reset: delta is a lower bound'})"
            )

    print(f"\nscikit-criteria pipeline loop ({SKC_SAMPLES} samples, extrapolated per sample):")
    for method in ("topsis", "wsm"):
        per = time_skc(method)
        ours = times[(method, sizes[-1])] / sizes[-1]
        print(
            f"  {method:7} skc {per * 1e3:8.3f} ms/sample   run_smaa {ours * 1e6:7.3f} us/sample"
            f"   ratio {per / ours:9,.0f}x   (skc for 1,000,000 samples ~ "
            f"{per * 1e6 / 3600:.1f} h)"
        )

    print("\nOAT sweeps + critical changes on the shipped study:")
    for name, (t_oat, t_w, t_d, n, m, nx, nw, nd) in time_oat_critical().items():
        print(
            f"  {name:7} {n} sites x {m} criteria: OAT {t_oat * 1e3:7.1f} ms ({nx} crossovers), "
            f"weight changes {t_w * 1e3:5.1f} ms ({nw}), data changes {t_d * 1e3:7.1f} ms ({nd})"
        )

    print("\nrun_sensitivity on the shipped study (20,000 samples; OAT, critical changes, SMAA,")
    print("value of information, method agreement):")
    for name, (t, cells, kv) in time_shipped_sensitivity().items():
        print(
            f"  {name:7} {t:6.3f} s   ({cells} ranged facts, value of information from {kv:,} "
            "samples x 10 slices each)"
        )

    k = sizes[-1]
    print(f"\nthreads ({k:,} samples; {os.cpu_count()} CPUs):")
    exp = experiment(k)
    labels = sorted({lab for lab, _ in exp}, key=lambda x: x != "1 thread")
    for label in labels:
        tw, tt = exp[(label, "wsm")], exp[(label, "topsis")]
        print(f"  {label:18} wsm {tw:6.3f} s   topsis {tt:6.3f} s")

    print("\ntargets:")
    t100 = times[("topsis", 100_000)]
    print(f"  [{ok(t100 < 2)}] topsis SMAA, 100,000 samples < 2 s: {t100:.3f} s")
    print(f"  [{ok(wall < 4)}] topsis SMAA at {big} sites, {big_k:,} samples < 4 s: {wall:.3f} s")
    if not quick:
        t1m = times[("topsis", 1_000_000)]
        peak = max(
            mem[("topsis", 1_000_000)]["tracemalloc_peak"],
            mem[("topsis", 1_000_000)]["maxrss_delta_kib"] * 1024,
        )
        print(f"  [{ok(t1m < 10)}] topsis SMAA, 1,000,000 samples < 10 s: {t1m:.3f} s")
        print(
            f"  [{ok(peak < 2**30)}] topsis SMAA, 1,000,000 samples, peak memory < 1 GB: "
            f"{fmt_mb(peak)} (larger of the two measures)"
        )
    for k, target in ((100_000, 2.0), (1_000_000, 10.0)):
        if k not in sizes:
            continue
        tw = times[("wsm", k)]
        print(
            f"  [{ok(tw < target / 5)}] wsm SMAA, {k:,} samples < {target / 5:g} s (a fifth of "
            f"the topsis target): {tw:.3f} s"
        )
    for k in sizes:
        r = times[("topsis", k)] / times[("wsm", k)]
        p = pieces[("wsm", k)]
        floor = p["sampling"] + p["ranking"] + p["pairwise"] + p["analysis"]
        print(
            f"  [{ok(r >= 5)}] measured topsis/wsm time ratio >= 5 at {k:,} samples: {r:.2f}x "
            f"(wsm {times[('wsm', k)]:.3f} s, topsis {times[('topsis', k)]:.3f} s; in the "
            f"single-threaded wsm run, sampling + ranking + counting take {floor:.3f} s of "
            f"{p['single']:.3f} s whatever the method)"
        )


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="100,000 samples only")
    args = ap.parse_args()
    main(quick=args.quick)
