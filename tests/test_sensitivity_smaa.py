"""SMAA-2 (sitecompare/sensitivity/smaa.py) and the samplers (sample.py).

* analytic cases whose acceptabilities are known fractions (checked within 4 standard errors);
* the samplers' laws: uniform marginals are Beta(1, m - 1) (and normalised uniforms are not),
  the Dirichlet mean is the weights, ordinal samples keep the order;
* a slow reference (plain loop over samples, ``get_method(name).evaluate``, a simple rank) fed
  with the same generator streams gives identical counts, central weights, pairwise indices,
  confidence factors and value-of-information statistics (re-ranked per slice, shuffled floor);
* ranged facts, value of information, confidence factors, seeded reproducibility.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import make_study
from scipy import stats

from sitecompare import load_study, run_sensitivity
from sitecompare.methods import Problem, get_method
from sitecompare.model import MethodSpec
from sitecompare.sensitivity import evaluate as evaluate_mod
from sitecompare.sensitivity import smaa as smaa_mod
from sitecompare.sensitivity.evaluate import Evaluator, chunk_bounds
from sitecompare.sensitivity.sample import sample_data, sample_weights, uncertain_cells
from sitecompare.sensitivity.smaa import run_smaa


def smaa(
    X,
    benefit,
    w,
    method="wsm",
    params=None,
    *,
    samples=10_000,
    seed=1,
    how="uniform",
    concentration=50.0,
    low=None,
    high=None,
):
    X = np.asarray(X, float)
    params = {"normalization": "minmax"} if params is None and method == "wsm" else (params or {})
    ev = Evaluator(Problem.from_arrays(X, benefit), MethodSpec(method, params))
    low = X if low is None else np.asarray(low, float)
    high = X if high is None else np.asarray(high, float)
    return run_smaa(
        ev,
        X,
        np.asarray(w, float),
        low=low,
        high=high,
        missing=np.zeros(X.shape, bool),
        observed_low=low.min(axis=0),
        observed_high=high.max(axis=0),
        samples=samples,
        seed=seed,
        weight_sampling=how,
        concentration=concentration,
    )


def within(estimate, p, k, sigmas=4.0):
    se = np.sqrt(p * (1 - p) / k)
    assert abs(estimate - p) <= sigmas * se + 1e-12, f"{estimate} vs {p} (+- {sigmas} x {se:.2g})"


# --------------------------------------------------------------------------------------------
# analytic acceptabilities
# --------------------------------------------------------------------------------------------


def test_two_sites_two_criteria_known_fraction():
    # wsm, x/max normalisation: A = (10, 4) -> (1, 0.4), B = (6, 10) -> (0.6, 1).
    # S_A - S_B = 0.4 w1 - 0.6 w2 = w1 - 0.6, so A wins iff w1 > 0.6. Uniform weights on the
    # 1-simplex: w1 ~ U(0, 1), P(A first) = 0.4 exactly.
    K = 200_000
    r = smaa(
        [[10, 4], [6, 10]], [True, True], [0.5, 0.5], params={"normalization": "max"}, samples=K, seed=11
    )
    b = r.rank_acceptability
    within(b[0, 0], 0.4, K)
    assert b[0, 0] + b[1, 0] == pytest.approx(1.0, abs=1e-12)  # no ties
    np.testing.assert_allclose(b.sum(axis=1), 1.0)
    assert r.pairwise[0, 1] == pytest.approx(b[0, 0])  # pairwise from all 200,000 samples
    assert r.pairwise_samples == K
    # central weights: E[w | w1 > 0.6] = (0.8, 0.2), E[w | w1 < 0.6] = (0.3, 0.7);
    # sd of w1 inside each region = width / sqrt(12)
    se_a = 0.4 / np.sqrt(12) / np.sqrt(0.4 * K)
    se_b = 0.6 / np.sqrt(12) / np.sqrt(0.6 * K)
    assert abs(r.central_weights[0, 0] - 0.8) < 4 * se_a
    assert abs(r.central_weights[1, 0] - 0.3) < 4 * se_b
    np.testing.assert_allclose(r.central_weights.sum(axis=1), 1.0)
    # holistic acceptability with 2 sites: meta-weights (1, 0) -> b^1
    np.testing.assert_allclose(r.holistic, b[:, 0])
    np.testing.assert_allclose(r.expected_rank, b @ [1, 2])
    # no data uncertainty: each central weight lies in its (convex) winning region
    assert r.confidence.tolist() == [1.0, 1.0]


def test_three_criteria_known_area():
    # wsm, no normalisation: A = (1, 0, 0), B = (0, 1, 0.5), C = (0, 0, 0).
    # S_A - S_B = w1 - w2 - w3/2 > 0 on the simplex  <=>  w2 < 3 w1 - 1 (with w3 = 1 - w1 - w2).
    # Area in the (w1, w2) triangle (total 1/2):
    #   int_{1/3}^{1/2} (3 w1 - 1) dw1 + int_{1/2}^{1} (1 - w1) dw1 = 1/24 + 1/8 = 1/6
    # so P(A first) = (1/6) / (1/2) = 1/3. C = 0 is always last (A = w1 > 0, B = w2 + w3/2 > 0).
    K = 120_000
    r = smaa(
        [[1, 0, 0], [0, 1, 0.5], [0, 0, 0]],
        [True] * 3,
        [1, 1, 1],
        params={"normalization": "none"},
        samples=K,
        seed=5,
    )
    b = r.rank_acceptability
    within(b[0, 0], 1 / 3, K)
    within(b[1, 0], 2 / 3, K)
    assert b[2].tolist() == [0.0, 0.0, 1.0]
    assert b[0, 0] + b[1, 0] == pytest.approx(1.0)
    assert b[0, 1] == pytest.approx(b[1, 0])
    assert np.isnan(r.central_weights[2]).all() and np.isnan(r.confidence[2])
    # holistic with 3 sites: meta-weights (1, 1/2, 0)
    np.testing.assert_allclose(r.holistic, b @ [1.0, 0.5, 0.0])
    # P(w1 > 0.4) = (1 - 0.4)^2 = 0.36: the marginal of one weight is Beta(1, 2)
    r2 = smaa(
        [[1, 0, 0], [0.4, 0.4, 0.4]],
        [True] * 3,
        [1, 1, 1],
        params={"normalization": "none"},
        samples=K,
        seed=6,
    )
    within(r2.rank_acceptability[0, 0], 0.36, K)


# --------------------------------------------------------------------------------------------
# samplers
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("m", [3, 5])
def test_uniform_marginals_are_beta_1_m_minus_1(m):
    K = 20_000
    W = sample_weights(np.random.default_rng(123), K, np.ones(m), "uniform")
    assert W.shape == (K, m)
    np.testing.assert_allclose(W.sum(axis=1), 1.0)
    assert (W >= 0).all()
    beta = stats.beta(1, m - 1)
    for j in range(m):
        assert stats.kstest(W[:, j], beta.cdf).pvalue > 1e-3
    # the mean and variance of Beta(1, m - 1): 1/m and (m - 1)/(m^2 (m + 1))
    assert W.mean() == pytest.approx(1 / m)
    var = (m - 1) / (m**2 * (m + 1))
    assert W[:, 0].var() == pytest.approx(var, rel=0.05)
    # normalising independent uniforms is NOT uniform on the simplex: it crowds the samples
    # toward equal weights (smaller variance), and the KS test rejects Beta(1, m - 1) outright
    U = np.random.default_rng(123).random((K, m))
    N = U / U.sum(axis=1, keepdims=True)
    assert stats.kstest(N[:, 0], beta.cdf).pvalue < 1e-10
    assert N[:, 0].var() < 0.8 * var
    # the same law as JSMAA's sorted-uniform differences
    s = np.sort(np.random.default_rng(7).random((K, m - 1)), axis=1)
    D = np.diff(np.hstack([np.zeros((K, 1)), s, np.ones((K, 1))]), axis=1)
    assert stats.ks_2samp(W[:, 0], D[:, 0]).pvalue > 1e-3


def test_uniform_sampling_keeps_zero_weights_at_zero():
    W = sample_weights(np.random.default_rng(1), 5_000, np.array([2.0, 0.0, 1.0, 1.0]), "uniform")
    assert (W[:, 1] == 0).all()
    assert stats.kstest(W[:, 0], stats.beta(1, 2).cdf).pvalue > 1e-3  # 3 active criteria


def test_dirichlet_mean_is_the_weights():
    K, c = 100_000, 50.0
    base = np.array([5.0, 3.0, 2.0, 0.0])  # raw points: normalised to (0.5, 0.3, 0.2, 0)
    W = sample_weights(np.random.default_rng(9), K, base, "dirichlet", concentration=c)
    w = np.array([0.5, 0.3, 0.2, 0.0])
    se = np.sqrt(w * (1 - w) / (c + 1) / K)
    assert (np.abs(W.mean(axis=0) - w) <= 4 * se + 1e-15).all(), W.mean(axis=0)
    np.testing.assert_allclose(W.var(axis=0)[:3], (w * (1 - w) / (c + 1))[:3], rtol=0.05)
    assert (W[:, 3] == 0).all()
    # higher concentration, closer to the weights
    W2 = sample_weights(np.random.default_rng(9), 10_000, base, "dirichlet", concentration=500.0)
    assert W2.std(axis=0)[0] < W[:10_000].std(axis=0)[0] / 2
    with pytest.raises(ValueError):
        sample_weights(np.random.default_rng(9), 10, base, "dirichlet", concentration=0.0)


def test_ordinal_keeps_the_order_in_every_sample():
    K = 50_000
    base = np.array([0.2, 0.5, 0.3])
    W = sample_weights(np.random.default_rng(4), K, base, "ordinal")
    assert ((W[:, 1] >= W[:, 2]) & (W[:, 2] >= W[:, 0])).all()
    np.testing.assert_allclose(W.sum(axis=1), 1.0)
    # uniform on the ordered part of the simplex: the sorted spacings of Dirichlet(1, 1, 1),
    # E[largest] = (1/3)(1 + 1/2 + 1/3) = 11/18, E[middle] = (1/3)(1/2 + 1/3) = 5/18,
    # E[smallest] = (1/3)(1/3) = 1/9
    expected = np.array([1 / 9, 11 / 18, 5 / 18])
    se = W.std(axis=0) / np.sqrt(K)
    assert (np.abs(W.mean(axis=0) - expected) <= 4 * se).all(), W.mean(axis=0)
    # ties in the weights: the tied criteria are exchangeable, both above the lighter one
    W = sample_weights(np.random.default_rng(4), K, np.array([0.4, 0.4, 0.2, 0.0]), "ordinal")
    assert ((W[:, 2] <= W[:, 0]) & (W[:, 2] <= W[:, 1])).all()
    assert (W[:, 3] == 0).all()
    within((W[:, 0] > W[:, 1]).mean(), 0.5, K)


def test_unknown_sampling_is_an_error():
    with pytest.raises(ValueError, match="unknown weight sampling"):
        sample_weights(np.random.default_rng(0), 3, np.ones(3), "normalised-uniform")


# --------------------------------------------------------------------------------------------
# a slow reference implementation fed with the same streams
# --------------------------------------------------------------------------------------------


def simple_rank(scores, higher_is_better):
    s = np.asarray(scores, float) if higher_is_better else -np.asarray(scores, float)
    return np.array([1 + sum(1 for y in s if y > x) for x in s])


def reference_smaa(problem, spec, X, base, *, low, high, samples, seed, how, concentration=50.0):
    """Plain loops; the same spawned streams and chunking as run_smaa, nothing else shared."""
    info = get_method(spec.name)
    params = dict(spec.params)
    n, m = X.shape
    rw, rd, rc, rn = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(4))
    missing = np.zeros(X.shape, bool)
    cells = uncertain_cells(low, high, missing, low.min(axis=0), high.max(axis=0), False)
    C = len(cells)
    counts = np.zeros((n, n), dtype=np.int64)
    first_sum = np.zeros((n, m))
    first_n = np.zeros(n, dtype=np.int64)
    pair = np.zeros((n, n), dtype=np.int64)
    used = 0
    weights, variates = [], []
    for a, b in chunk_bounds(samples, n, m, per_sample_matrix=bool(C)):
        k = b - a
        W = sample_weights(rw, k, base, how, concentration)
        weights.append(W)
        if C:
            Xs, U = sample_data(rd, k, X, cells)
            variates.append(U)
        for s in range(k):
            p = problem if not C else replace(problem, X=Xs[s])
            out = info.evaluate(p, W[s], **params)
            r = simple_rank(out.scores, info.higher_is_better)
            for i in range(n):
                counts[i, r[i] - 1] += 1
                if r[i] == 1:
                    first_sum[i] += W[s]
                    first_n[i] += 1
            if used < smaa_mod.PAIR_SAMPLES:
                for i in range(n):
                    for j in range(n):
                        pair[i, j] += r[i] < r[j]
                used += 1
    central = np.full((n, m), np.nan)
    for i in range(n):
        if first_n[i]:
            central[i] = first_sum[i] / first_n[i]
    # confidence: central weights, data drawn from the confidence stream
    conf = np.full(n, np.nan)
    if C:
        kc = min(samples, smaa_mod.CONFIDENCE_SAMPLES)
        Xc, _ = sample_data(rc, kc, X, cells)
    for i in range(n):
        if not first_n[i]:
            continue
        mats = [problem] if not C else [replace(problem, X=x) for x in Xc]
        wins = sum(
            simple_rank(info.evaluate(p, central[i], **params).scores, info.higher_is_better)[i] == 1
            for p in mats
        )
        conf[i] = wins / len(mats)
    voi = None
    if C:
        # value of information: the first kv samples ranked again with each fact drawn inside
        # each slice of its range, (q + u) / bins of the way (common random numbers); the noise
        # floor from the same statistic with each sample's slices shuffled (the rn stream)
        bins, nulls = smaa_mod.VOI_BINS, smaa_mod.VOI_NULLS
        kv = min(samples, smaa_mod.VOI_SAMPLES)  # (the work budget allows that many here)
        Wv, Uv = np.vstack(weights)[:kv], np.vstack(variates)[:kv]
        perms = np.argsort(rn.random((kv, nulls, bins)), axis=2)
        raws, floors, ranges = [], [], []
        leader = int(np.argmax(counts[:, 0]))
        for c, cell in enumerate(cells):
            F = np.zeros((kv, bins, n))
            for s in range(kv):
                x = X.copy()
                for c2, other in enumerate(cells):
                    x[other.site_index, other.criterion_index] = other.low + Uv[s, c2] * (
                        other.high - other.low
                    )
                for q in range(bins):
                    x[cell.site_index, cell.criterion_index] = cell.low + (q + Uv[s, c]) / bins * (
                        cell.high - cell.low
                    )
                    out = info.evaluate(replace(problem, X=x), Wv[s], **params)
                    F[s, q] = simple_rank(out.scores, info.higher_is_better) == 1
            cond = F.mean(axis=0)  # (bins, n)
            b1 = cond.mean(axis=0)
            raws.append(np.mean([0.5 * np.abs(cond[q] - b1).sum() for q in range(bins)]))
            shuffled = [F[np.arange(kv)[:, None], perms[:, r]].mean(axis=0) for r in range(nulls)]
            floors.append(
                np.mean([np.mean([0.5 * np.abs(f[q] - b1).sum() for q in range(bins)]) for f in shuffled])
            )
            ranges.append((cond[:, leader].min(), cond[:, leader].max()))
        voi = {"raw": np.array(raws), "floor": np.array(floors), "range": np.array(ranges), "kv": kv}
    return counts, central, pair / max(used, 1), used, conf, voi


REFERENCE_CASES = [
    ("wsm", {"normalization": "minmax"}, "uniform"),
    ("wsm", {"normalization": "vector"}, "dirichlet"),
    ("wpm", {"normalization": "none"}, "ordinal"),
    ("topsis", {"normalization": "vector", "metric": "euclidean"}, "uniform"),
    ("vikor", {"v": 0.5}, "dirichlet"),
    ("promethee2", {}, "ordinal"),
]


@pytest.mark.parametrize(("method", "params", "how"), REFERENCE_CASES, ids=lambda x: str(x))
def test_reference_implementation_gives_identical_results(method, params, how, monkeypatch):
    # small chunks (256 samples) and a pairwise cap below the sample count: both exercised
    monkeypatch.setattr(evaluate_mod, "CHUNK_TARGET_ELEMENTS", 1000)
    monkeypatch.setattr(smaa_mod, "PAIR_SAMPLES", 700)
    rng = np.random.default_rng(21)
    X = rng.uniform(1, 10, (5, 4))
    benefit = np.array([True, False, True, True])
    base = np.array([0.4, 0.1, 0.3, 0.2])
    problem = Problem.from_arrays(X, benefit)
    spec = MethodSpec(method, params)
    K, seed = 1500, 99
    res = run_smaa(
        Evaluator(problem, spec),
        X,
        base,
        low=X,
        high=X,
        missing=np.zeros(X.shape, bool),
        observed_low=X.min(0),
        observed_high=X.max(0),
        samples=K,
        seed=seed,
        weight_sampling=how,
    )
    counts, central, pairwise, used, conf, _ = reference_smaa(
        problem, spec, X, base, low=X, high=X, samples=K, seed=seed, how=how
    )
    np.testing.assert_array_equal(np.rint(res.rank_acceptability * K).astype(int), counts)
    np.testing.assert_array_equal(res.rank_acceptability, counts / K)
    np.testing.assert_allclose(res.central_weights, central, rtol=1e-12, atol=1e-15)
    assert res.pairwise_samples == used == 700
    np.testing.assert_array_equal(res.pairwise, pairwise)
    np.testing.assert_array_equal(res.confidence, conf)


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("wsm", {"normalization": "minmax"}),
        ("topsis", {"normalization": "vector", "metric": "euclidean"}),
        ("promethee2", {}),
    ],
)
def test_reference_with_ranged_facts(method, params, monkeypatch):
    monkeypatch.setattr(evaluate_mod, "CHUNK_TARGET_ELEMENTS", 1000)
    # the value of information re-ranks only the first 300 samples (over several chunks)
    monkeypatch.setattr(smaa_mod, "VOI_SAMPLES", 300)
    rng = np.random.default_rng(8)
    X = rng.uniform(1, 10, (4, 3))
    low, high = X.copy(), X.copy()
    low[0, 0], high[0, 0] = X[0, 0] - 3, X[0, 0] + 3  # ranged facts
    low[2, 1], high[2, 1] = X[2, 1] - 1, X[2, 1] + 2
    benefit = np.array([True, True, False])
    base = np.array([0.5, 0.3, 0.2])
    problem = Problem.from_arrays(X, benefit)
    spec = MethodSpec(method, params)
    K, seed = 1200, 4
    res = run_smaa(
        Evaluator(problem, spec),
        X,
        base,
        low=low,
        high=high,
        missing=np.zeros(X.shape, bool),
        observed_low=low.min(0),
        observed_high=high.max(0),
        samples=K,
        seed=seed,
    )
    counts, central, pairwise, used, conf, voi = reference_smaa(
        problem, spec, X, base, low=low, high=high, samples=K, seed=seed, how="uniform"
    )
    assert len(res.uncertain) == 2
    np.testing.assert_array_equal(np.rint(res.rank_acceptability * K).astype(int), counts)
    np.testing.assert_allclose(res.central_weights, central, rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(res.pairwise, pairwise)
    np.testing.assert_array_equal(res.confidence, conf)
    assert res.voi_samples == voi["kv"] == 300
    np.testing.assert_allclose(res.voi_raw, voi["raw"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(res.voi_noise_by_fact, voi["floor"], rtol=1e-9, atol=1e-12)
    assert res.voi_noise == pytest.approx(voi["floor"].max(), rel=1e-9, abs=1e-12)
    removed = np.sqrt(np.maximum(voi["raw"] ** 2 - voi["floor"] ** 2, 0))
    np.testing.assert_allclose(res.voi, removed, atol=1e-12)
    np.testing.assert_allclose(res.voi_leader_range, voi["range"], rtol=1e-12, atol=1e-15)


# --------------------------------------------------------------------------------------------
# ranged facts, value of information, confidence, through a study
# --------------------------------------------------------------------------------------------


def _ranged_study(tmp_path: Path):
    # wsm, x/max. A's c1 is a range [0, 10], B's c1 = 7, C's c1 = 0; c2: A = B = 10, C in [1, 2].
    # A vs B: w1 (x_A - 7)/max + w2 (1 - 1): A first iff x_A > 7, P = 0.3 exactly.
    # C (c1 = 0, c2 <= 2 against 10 for A and B) is last whatever the draws: its range cannot
    # change first place.
    sites = {
        "a": {"c1": {"low": 0, "high": 10}, "c2": 10},
        "b": {"c1": 7, "c2": 10},
        "c": {"c1": 0, "c2": {"low": 1, "high": 2}},
    }
    crit = {
        "c1": {"fact": "c1", "unit": "", "direction": "max", "weight": 60},
        "c2": {"fact": "c2", "unit": "", "direction": "max", "weight": 40},
    }
    sdir, cfile = make_study(tmp_path, sites, crit, method={"name": "wsm", "normalization": "max"})
    return load_study(sdir, cfile)


def test_ranged_fact_wins_its_share_and_value_of_information(tmp_path):
    K = 20_000
    res = run_sensitivity(_ranged_study(tmp_path), samples=K, seed=2)
    sm = res.smaa
    sites = res.matrix.site_ids
    a, b, c = (sites.index(s) for s in "abc")
    assert res.leader == "b"  # at the midpoint x_A = 5
    within(sm.rank_acceptability[a, 0], 0.3, K)
    assert sm.rank_acceptability[a, 0] + sm.rank_acceptability[b, 0] == pytest.approx(1.0)
    assert sm.rank_acceptability[c].tolist() == [0.0, 0.0, 1.0]
    # confidence with data uncertainty: at any weights A is first iff x_A > 7
    kc = smaa_mod.CONFIDENCE_SAMPLES
    within(sm.confidence[a], 0.3, kc)
    within(sm.confidence[b], 0.7, kc)
    # value of information. Knowing x_A's tenth of [0, 10] settles first place: 7 slices give
    # b1(A) = 0, 3 give 1; E|b1(A | slice) - 0.3| = 0.7 * 0.3 + 0.3 * 0.7 = 0.42 (half the sum over
    # A and B, which move together). C's range changes nothing: ~0 after the noise floor.
    cells = {(cell.site_index, cell.criterion_index): q for q, cell in enumerate(sm.uncertain)}
    qa, qc = cells[(a, 0)], cells[(c, 1)]
    assert sm.voi_raw[qa] == pytest.approx(0.42, abs=0.02)
    assert sm.voi[qa] > 0.35
    assert sm.voi[qc] < 0.01
    assert sm.voi_noise < 0.03
    assert sm.voi_leader_range[qa].tolist() == pytest.approx([0.0, 1.0])  # b's b1 by slice
    js = res.to_json()["smaa"]
    assert js["uncertain_facts"] == 2
    top = js["value_of_information"][0]
    assert (top["site"], top["criterion"], top["kind"]) == ("a", "c1", "range")
    assert (top["low"], top["high"]) == (0.0, 10.0)
    assert js["value_of_information_noise_floor"] == pytest.approx(sm.voi_noise, rel=1e-5)


def test_confidence_without_data_uncertainty_is_one_or_zero():
    # VIKOR: a site's winning region need not be convex; here site 0 ranks first (mostly tied)
    # in ~2% of the samples but not at its own central weights -> confidence 0.
    X = np.array([[2.0, 4.0, 5.0], [1.0, 7.0, 8.0], [8.0, 2.0, 2.0]])
    r = smaa(X, [True] * 3, [1, 1, 1], "vikor", {"v": 0.5}, samples=20_000, seed=3)
    assert r.rank_acceptability[0, 0] > 0.005
    assert r.confidence.tolist() == [0.0, 1.0, 1.0]
    p = Problem.from_arrays(X, [True] * 3)
    for i in range(3):
        ranks = get_method("vikor").evaluate(p, r.central_weights[i], v=0.5).ranks
        assert r.confidence[i] == float(ranks[i] == 1)
    # wsm (convex winning regions): every site that is ever first has confidence 1
    rng = np.random.default_rng(0)
    r = smaa(rng.uniform(0, 1, (6, 4)), [True] * 4, [1, 1, 1, 1], samples=5_000, seed=1)
    ever = r.rank_acceptability[:, 0] > 0
    assert (r.confidence[ever] == 1.0).all()
    assert np.isnan(r.confidence[~ever]).all()


# --------------------------------------------------------------------------------------------
# reproducibility
# --------------------------------------------------------------------------------------------


def test_seeded_reproducibility(small_study):
    sdir, cfile = small_study
    study = load_study(sdir, cfile)
    one = json.dumps(run_sensitivity(study, samples=3000, seed=42).to_json(), sort_keys=True)
    two = json.dumps(run_sensitivity(study, samples=3000, seed=42).to_json(), sort_keys=True)
    assert one == two
    js = json.loads(one)
    assert js["seed"] == 42 and js["samples"] == 3000 and js["weight_sampling"] == "uniform"
    other = run_sensitivity(study, samples=3000, seed=43).to_json()
    assert other["seed"] == 43
    assert other["smaa"]["rank_acceptability"] != js["smaa"]["rank_acceptability"]
    # the samples themselves: the weight stream differs by seed
    streams = [np.random.default_rng(np.random.SeedSequence(s).spawn(4)[0]) for s in (42, 43)]
    W = [sample_weights(g, 100, np.ones(3), "uniform") for g in streams]
    assert not np.allclose(W[0], W[1])
    # deterministic for every sampling scheme
    for how in ("dirichlet", "ordinal"):
        a = run_sensitivity(study, samples=1000, seed=5, weight_sampling=how).to_json()
        b = run_sensitivity(study, samples=1000, seed=5, weight_sampling=how).to_json()
        assert a == b and a["weight_sampling"] == how
        assert (a["concentration"] is not None) == (how == "dirichlet")


def test_results_do_not_depend_on_the_chunk_size(monkeypatch):
    rng = np.random.default_rng(3)
    X = rng.uniform(1, 10, (6, 4))
    low, high = X.copy(), X.copy()
    low[1, 2], high[1, 2] = X[1, 2] - 2, X[1, 2] + 2
    topsis = {"normalization": "vector", "metric": "euclidean"}
    ref = smaa(
        X, [True] * 4, [1, 2, 3, 4], "topsis", topsis, samples=3000, seed=8, low=low, high=high, how="uniform"
    )
    monkeypatch.setattr(evaluate_mod, "CHUNK_TARGET_ELEMENTS", 500)
    small = smaa(
        X, [True] * 4, [1, 2, 3, 4], "topsis", topsis, samples=3000, seed=8, low=low, high=high, how="uniform"
    )
    np.testing.assert_array_equal(ref.rank_acceptability, small.rank_acceptability)
    np.testing.assert_allclose(ref.central_weights, small.central_weights, rtol=1e-12)
    np.testing.assert_allclose(ref.voi_raw, small.voi_raw, rtol=1e-12)


def test_samples_and_sampling_are_validated(small_study):
    from sitecompare.errors import ValidationError

    study = load_study(*small_study)
    with pytest.raises(ValidationError, match="at least 1"):
        run_sensitivity(study, samples=0)
    with pytest.raises(ValidationError, match="not valid"):
        run_sensitivity(study, samples=10, weight_sampling="normalised")


def test_unknown_missing_facts_are_drawn_within_the_observed_range(tmp_path):
    # c's c1 is missing (imputed "worst" = 2); with unknown_missing it is drawn in [2, 8]
    sites = {"a": {"c1": 8.0, "c2": 1.0}, "b": {"c1": 2.0, "c2": 9.0}, "c": {"c2": 5.0}}
    crit = {
        "c1": {"fact": "c1", "unit": "", "direction": "max", "weight": 1, "missing": "worst"},
        "c2": {"fact": "c2", "unit": "", "direction": "max", "weight": 1},
    }
    study = load_study(*make_study(tmp_path, sites, crit))
    plain = run_sensitivity(study, samples=500, seed=1)
    assert plain.smaa.uncertain == ()
    unknown = run_sensitivity(study, samples=500, seed=1, unknown_missing=True)
    (cell,) = unknown.smaa.uncertain
    assert cell.kind == "missing" and (cell.low, cell.high) == (2.0, 8.0)
    assert unknown.matrix.site_ids[cell.site_index] == "c"
    # c = (worst, 0.5) never leads at the imputed value, but can with the value unknown
    c = unknown.matrix.site_ids.index("c")
    assert plain.smaa.rank_acceptability[c, 0] == 0.0
    assert unknown.smaa.rank_acceptability[c, 0] > 0.05
    js = unknown.to_json()["smaa"]["value_of_information"]
    assert js[0]["kind"] == "missing" and js[0]["site"] == "c"


def test_value_of_information_is_not_buried_in_sampling_noise(tmp_path):
    """Regression: with the default 20,000 samples, the value of information used to condition
    the main samples on the tenth of the range their draw fell in (2,000 samples per slice):
    its noise floor (~0.009) was as large as real effects, so it reported A's range below at
    about half its value and, on the shipped study with topsis, ranked an irrelevant range
    (Ulsan's site area, true value ~1e-5) above the one that matters (Haenam's funding, 0.0014).

    wsm, no normalisation: A = (x, 0) with x in [1, 1.2], B = (0, 1), C = (y, 0) with y in
    [0, 0.1]. S_A = w1 x, S_B = 1 - w1: A first iff w1 > 1/(1 + x), so with uniform weights
    P(A first | x) = x/(1 + x), and b_A(slice) is its mean over the slice,
    (x - ln(1 + x)) evaluated across the slice, divided by the slice's width. B takes the rest
    (b_B = 1 - b_A), so the statistic is E_slice |b_A(slice) - b_A| = 0.011351. C (S_C = w1 y
    < S_A) is never first and its range changes nothing: exactly 0."""
    sites = {
        "a": {"c1": {"low": 1.0, "high": 1.2}, "c2": 0.0},
        "b": {"c1": 0.0, "c2": 1.0},
        "c": {"c1": {"low": 0.0, "high": 0.1}, "c2": 0.0},
    }
    crit = {
        "c1": {"fact": "c1", "unit": "", "direction": "max", "weight": 50},
        "c2": {"fact": "c2", "unit": "", "direction": "max", "weight": 50},
    }
    study = load_study(*make_study(tmp_path, sites, crit, method={"name": "wsm", "normalization": "none"}))
    edges = np.linspace(1.0, 1.2, 11)
    F = edges - np.log1p(edges)
    b_slice = np.diff(F) / np.diff(edges)
    expected = float(np.mean(np.abs(b_slice - b_slice.mean())))
    assert expected == pytest.approx(0.011351, abs=1e-6)
    for seed in (1, 2, 3):
        res = run_sensitivity(study, samples=20_000, seed=seed)
        sm = res.smaa
        cells = {res.matrix.site_ids[c.site_index]: q for q, c in enumerate(sm.uncertain)}
        qa, qc = cells["a"], cells["c"]
        assert sm.voi_raw[qc] == 0.0 and sm.voi[qc] == 0.0  # C's range changes nothing
        # A's value within 4 standard errors (sd 0.00067 over 30 seeds; the old estimator gave
        # 0.0053 +- 0.0031): only the ~4.5% of samples with w1 in [1/2.2, 1/2] can change first
        # place, so the re-ranked slices are precise
        assert sm.voi[qa] == pytest.approx(expected, abs=0.0027), (seed, sm.voi[qa], sm.voi_raw[qa])
        js = res.to_json()["smaa"]["value_of_information"]
        assert [r["site"] for r in js] == ["a", "c"]
        assert js[1]["expected_change_in_first_acceptability"] == 0.0


@pytest.mark.parametrize("floor", [0.0, 1.0])
def test_rank_positions_give_the_ranks_of_rank_rows(floor):
    """SMAA counts ranks with evaluate.rank_positions (an unstable sort, no inverse permutation):
    the same ranks as methods.ranks.rank_rows, ties and chains of near-ties included."""
    from sitecompare.methods.ranks import TIE_RTOL, rank_rows
    from sitecompare.sensitivity.evaluate import rank_positions, ranks_from_positions

    rng = np.random.default_rng(17)
    g = rng.random((3000, 9)) * 2 - 1
    g[:, 3] = g[:, 5]  # exact ties
    g[:500, 7] = g[:500, 8] * (1 + TIE_RTOL / 3)  # ties within the tolerance
    g[500:800, 1] = g[500:800, 2] + 0.6 * TIE_RTOL  # a chain: 2 ~ 1 ~ 0, 0 and 2 further apart
    g[500:800, 0] = g[500:800, 1] + 0.6 * TIE_RTOL
    g[800:900] = 1e-12 * rng.random((100, 9))  # all near 0: the scale floor decides
    g[900:1000] = 0.25  # all tied
    g[1000:1100, 4] = -0.0
    g[1100:1200, 4] = 0.0
    order, pos_rank = rank_positions(g, floor)
    R = ranks_from_positions(order, pos_rank)
    np.testing.assert_array_equal(R, rank_rows(g, scale_floor=floor))
    # a chunk without ties takes the fast path (pos_rank broadcast), same ranks
    h = rng.random((200, 6))
    order, pos_rank = rank_positions(h, floor)
    assert pos_rank.strides[0] == 0
    np.testing.assert_array_equal(ranks_from_positions(order, pos_rank), rank_rows(h, scale_floor=floor))


def test_rank_positions_integer_key_sort_falls_back_when_dropped_bits_matter():
    """rank_positions sorts integer keys whose low bits hold the site's index: scores differing
    only in those bits can come out of order, and such rows (and rows with NaN) are sorted again
    by argsort, so the sorted scores are exact and the ranks those of rank_rows and argsort."""
    from sitecompare.methods.ranks import rank_rows
    from sitecompare.sensitivity.evaluate import _sorted_order, rank_positions, ranks_from_positions

    up = np.nextafter(1.0, 2.0)
    g = np.array([[1.0, up, 0.5, np.nextafter(up, 2.0)], [0.1, 0.4, 0.3, 0.2]])
    order, sk = _sorted_order(g)
    assert (np.diff(sk[0]) > 0).any()  # the first row's keys tie in their high bits: out of order
    np.testing.assert_array_equal(order[1], [1, 2, 3, 0])
    order, pos_rank = rank_positions(g)
    assert (np.diff(np.take_along_axis(g, order, axis=1), axis=1) <= 0).all()
    np.testing.assert_array_equal(ranks_from_positions(order, pos_rank), rank_rows(g))
    np.testing.assert_array_equal(ranks_from_positions(order, pos_rank)[0], [1, 1, 4, 1])
    h = np.array([[0.3, np.nan, 0.1, 0.2], [-1.0, -0.0, 0.0, -2.0]])
    order, _ = rank_positions(h)
    np.testing.assert_array_equal(order[0], np.argsort(-h[0]))  # NaN last, as argsort puts it
    np.testing.assert_array_equal(np.take_along_axis(h[1:], order[1:], axis=1)[0], [0.0, 0.0, -1.0, -2.0])
    # many sites (more index bits) and negative scores: the same ranks as rank_rows
    rng = np.random.default_rng(5)
    big = rng.normal(size=(400, 300))
    big[:, 7] = big[:, 11]
    order, pos_rank = rank_positions(big)
    np.testing.assert_array_equal(ranks_from_positions(order, pos_rank), rank_rows(big))


@pytest.mark.parametrize("n", [2, 9, 256, 300, 512, 600])
def test_pair_counts_are_those_of_comparing_ranks(n, monkeypatch):
    """pairs.pair_counts (ranks laid out by site, one byte a rank when they fit; only i < j
    compared in samples without ties; 257-512 sites halved, the split pairs counted from the
    order; samples with ties compared pair by pair) gives the counts of comparing the two
    sites' ranks in every sample: ties (exact and within the tolerance) on a study of a few
    samples, split over parts (some sharing a pass) and over passes (a pass shrunk to 16
    samples)."""
    from sitecompare.methods.ranks import TIE_RTOL, rank_rows
    from sitecompare.sensitivity import pairs as pairs_mod
    from sitecompare.sensitivity.evaluate import rank_positions

    monkeypatch.setattr(pairs_mod, "PAIR_BLOCK", 16)
    monkeypatch.setattr(pairs_mod, "PAIR_TILE_BYTES", 4096)  # several calls per pass
    rng = np.random.default_rng(n)
    g = rng.random((45, n))
    g[3, 1] = g[3, 0]  # an exact tie
    g[10, -1] = g[10, 0] * (1 + TIE_RTOL / 3)  # a tie within the tolerance
    g[20:23] = 0.5  # all tied
    R = rank_rows(g, scale_floor=1.0)
    expected = (R[:, :, None] < R[:, None, :]).sum(axis=0)
    order, pos_rank = rank_positions(g, 1.0)
    np.testing.assert_array_equal(pairs_mod.pair_counts([(order, pos_rank)], n), expected)
    parts = [(order[a:b], pos_rank[a:b]) for a, b in ((0, 3), (3, 9), (9, 30), (30, 45))]
    ws = pairs_mod.PairWorkspace()  # buffers reused from call to call: nothing left over
    for _ in range(2):
        np.testing.assert_array_equal(pairs_mod.pair_counts(parts, n, ws), expected)
    clean = np.r_[0:3, 4:10, 11:20, 23:45]  # the samples without ties: the fast path
    order, pos_rank = rank_positions(g[clean], 1.0)
    assert pos_rank.strides[0] == 0
    R = rank_rows(g[clean], scale_floor=1.0)
    expected = (R[:, :, None] < R[:, None, :]).sum(axis=0)
    np.testing.assert_array_equal(pairs_mod.pair_counts([(order, pos_rank)], n), expected)
