"""The scikit-criteria adapter against independent numpy implementations of the publications.

Every expectation here is computed from the method's published formulas (or, for ELECTRE II,
from scikit-criteria run on a matrix normalised by hand with all-MAX objectives), never copied
from the adapter's own output.
"""

from __future__ import annotations

import importlib
import inspect
import os
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sitecompare.methods.base import MethodInfo, MethodOutput, Problem
from sitecompare.methods.skc import SKC_METHODS, skc_pipeline_scores, skcriteria_version

# Six candidate sites: power (MW, max), land cost ($/m2, min), talent index (max), latency (ms, min)
X6 = np.array(
    [
        [120.0, 45.0, 62.0, 8.0],
        [300.0, 80.0, 71.0, 12.5],
        [80.0, 20.0, 55.0, 5.0],
        [210.0, 60.0, 90.0, 20.0],
        [150.0, 35.0, 48.0, 9.5],
        [95.0, 70.0, 66.0, 15.0],
    ]
)
BENEFIT = np.array([True, False, True, False])
W = np.array([0.35, 0.25, 0.25, 0.15])
X5 = X6[:5]  # odd number of sites (PROBID's two published cases differ by parity)

# name -> class in skcriteria 0.10 (written out independently of the adapter's table)
EXPECTED_CLASSES = {
    "skc-wsm": "simple.WeightedSumModel",
    "skc-wpm": "simple.WeightedProductModel",
    "skc-topsis": "topsis.TOPSIS",
    "skc-vikor": "vikor.VIKOR",
    "skc-ratio-moora": "moora.RatioMOORA",
    "skc-reference-point-moora": "moora.ReferencePointMOORA",
    "skc-full-multiplicative-form": "moora.FullMultiplicativeForm",
    "skc-multimoora": "moora.MultiMOORA",
    "skc-electre1": "electre.ELECTRE1",
    "skc-electre2": "electre.ELECTRE2",
    "skc-simus": "simus.SIMUS",
    "skc-aras": "aras.ARAS",
    "skc-cocoso": "cocoso.CoCoSo",
    "skc-codas": "codas.CODAS",
    "skc-copras": "copras.COPRAS",
    "skc-edas": "edas.EDAS",
    "skc-ervd": "ervd.ERVD",
    "skc-mabac": "mabac.MABAC",
    "skc-mairca": "mairca.MAIRCA",
    "skc-marcos": "marcos.MARCOS",
    "skc-ocra": "ocra.OCRA",
    "skc-probid": "probid.PROBID",
    "skc-simplified-probid": "probid.SimplifiedPROBID",
    "skc-ram": "ram.RAM",
    "skc-rim": "rim.RIM",
    "skc-spotis": "spotis.SPOTIS",
    "skc-waspas": "waspas.WASPAS",
}


def problem(X: np.ndarray = X6, benefit: np.ndarray = BENEFIT, **kw) -> Problem:
    return Problem.from_arrays(X, benefit, **kw)


def run(name: str, X: np.ndarray = X6, benefit: np.ndarray = BENEFIT, w=W, **params):
    return SKC_METHODS[name].evaluate(problem(X, benefit), np.asarray(w, dtype=float), **params)


# --------------------------------------------------------------------------------------------
# Independent numpy implementations (publications' formulas)
# --------------------------------------------------------------------------------------------


def minmax_value(X, b):
    lo, hi = X.min(axis=0), X.max(axis=0)
    return np.where(b, (X - lo) / (hi - lo), (hi - X) / (hi - lo))


def linear_max(X, b):
    return np.where(b, X / X.max(axis=0), X.min(axis=0) / X)


def vector(X):
    return X / np.sqrt((X**2).sum(axis=0))


def np_wsm(X, b, w):
    return minmax_value(X, b) @ w


def np_wpm_log10(X, b, w):
    return np.log10(np.prod(np.where(b, X**w, X ** (-w)), axis=1))


def np_topsis(X, b, w):
    V = vector(X) * w
    ideal = np.where(b, V.max(axis=0), V.min(axis=0))
    anti = np.where(b, V.min(axis=0), V.max(axis=0))
    d_plus = np.sqrt(((V - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((V - anti) ** 2).sum(axis=1))
    return d_minus / (d_plus + d_minus)


def np_vikor(X, b, w, v=0.5):
    """Opricovic & Tzeng (2004), eqs. (1)-(3)."""
    f_star = np.where(b, X.max(axis=0), X.min(axis=0))
    f_minus = np.where(b, X.min(axis=0), X.max(axis=0))
    gap = w * (f_star - X) / (f_star - f_minus)
    S, R = gap.sum(axis=1), gap.max(axis=1)
    Q = v * (S - S.min()) / (S.max() - S.min()) + (1 - v) * (R - R.min()) / (R.max() - R.min())
    return Q, S, R


def np_ratio_moora(X, b, w):
    return (vector(X) * w * np.where(b, 1.0, -1.0)).sum(axis=1)


def np_refpoint_moora(X, b, w):
    V = vector(X)
    r = np.where(b, V.max(axis=0), V.min(axis=0))
    return (w * np.abs(r - V)).max(axis=1)


def np_fmf(X, b, w):
    return np.log(np.prod(X[:, b], axis=1) / np.prod(X[:, ~b], axis=1))


def np_electre1_kernel(X, b, w, p=0.65, q=0.35):
    N = minmax_value(X, b)
    n = len(N)
    outrank = np.zeros((n, n), dtype=bool)
    for a in range(n):
        for c in range(n):
            if a == c:
                continue
            conc = w[N[a] >= N[c]].sum()
            disc = np.max(np.maximum(N[c] - N[a], 0.0))  # every column spans [0, 1]
            outrank[a, c] = conc >= p and disc <= q
    return (~outrank.any(axis=0)).astype(float)


def np_aras(X, b, w):
    """Zavadskas & Turskis (2010): 1/x for cost, optimal row, sum normalisation, K = S/S0."""
    Xb = np.where(b, X, 1.0 / X)
    full = np.vstack([Xb.max(axis=0), Xb])
    S = (full / full.sum(axis=0) * w).sum(axis=1)
    return S[1:] / S[0]


def np_cocoso(X, b, w, lam=0.5):
    R = minmax_value(X, b)
    S = R @ w
    P = (R**w).sum(axis=1)
    ka = (S + P) / (S + P).sum()
    kb = S / S.min() + P / P.min()
    kc = (lam * S + (1 - lam) * P) / (lam * S.max() + (1 - lam) * P.max())
    return (ka * kb * kc) ** (1 / 3) + (ka + kb + kc) / 3


def np_codas(X, b, w, tau=0.02):
    V = linear_max(X, b) * w
    ns = V.min(axis=0)
    E = np.sqrt(((V - ns) ** 2).sum(axis=1))
    T = np.abs(V - ns).sum(axis=1)
    dE, dT = E[:, None] - E[None, :], T[:, None] - T[None, :]
    return (dE + (np.abs(dE) >= tau) * dT).sum(axis=1)


def np_copras(X, b, w):
    D = X / X.sum(axis=0) * w
    Sp, Sm = D[:, b].sum(axis=1), D[:, ~b].sum(axis=1)
    Q = Sp + Sm.min() * Sm.sum() / (Sm * (Sm.min() / Sm).sum())
    return Q / Q.max() * 100


def np_edas(X, b, w):
    AV = X.mean(axis=0)
    up, down = np.maximum(0, X - AV) / AV, np.maximum(0, AV - X) / AV
    SP = np.where(b, up, down) @ w
    SN = np.where(b, down, up) @ w
    return (SP / SP.max() + 1 - SN / SN.max()) / 2


def np_ervd(X, b, w, lam=2.25, alpha=0.88):
    N = X / X.sum(axis=0)
    d = N - np.median(X, axis=0) / X.sum(axis=0)
    gain = np.where(b, d, -d)  # how far on the good side of the reference
    V = np.where(gain > 0, np.abs(gain) ** alpha, -lam * np.abs(gain) ** alpha)
    s_plus = (w * np.abs(V - V.max(axis=0))).sum(axis=1)
    s_minus = (w * np.abs(V - V.min(axis=0))).sum(axis=1)
    return s_minus / (s_plus + s_minus)


def np_mabac(X, b, w):
    V = w * (minmax_value(X, b) + 1)
    G = np.prod(V, axis=0) ** (1 / len(V))
    return (V - G).sum(axis=1)


def np_mairca(X, b, w):
    tp = w / len(X)  # equal a-priori preference 1/n
    return (tp - tp * minmax_value(X, b)).sum(axis=1)


def np_marcos(X, b, w):
    ideal = np.where(b, X.max(axis=0), X.min(axis=0))
    anti = np.where(b, X.min(axis=0), X.max(axis=0))
    E = np.vstack([anti, X, ideal])
    S = (np.where(b, E / ideal, ideal / E) * w).sum(axis=1)
    k_minus, k_plus = S[1:-1] / S[0], S[1:-1] / S[-1]
    f_plus = k_minus / (k_plus + k_minus)
    f_minus = k_plus / (k_plus + k_minus)
    return (k_plus + k_minus) / (1 + (1 - f_plus) / f_plus + (1 - f_minus) / f_minus)


def np_ocra(X, b, w):
    lo, hi = X.min(axis=0), X.max(axis=0)
    inp = (w * (hi - X) / lo)[:, ~b].sum(axis=1)
    out = (w * (X - lo) / lo)[:, b].sum(axis=1)
    P = (inp - inp.min()) + (out - out.min())
    return P - P.min()


def _probid_distances(X, b, w):
    V = vector(X) * w
    ideals = np.where(b, -np.sort(-V, axis=0), np.sort(V, axis=0))  # k-th best per column
    D = np.sqrt(((V[:, None, :] - ideals[None, :, :]) ** 2).sum(axis=2))
    d_avg = np.sqrt(((V - V.mean(axis=0)) ** 2).sum(axis=1))
    return D, d_avg


def np_probid_odd(X, b, w):
    """Wang, Rangaiah & Wang (2021), odd number of alternatives."""
    D, d_avg = _probid_distances(X, b, w)
    n = len(X)
    assert n % 2 == 1
    mid = (n + 1) // 2
    k = np.arange(1, n + 1)
    pos = (D[:, :mid] / k[:mid]).sum(axis=1)
    neg = (D[:, mid - 1 :] / (n - k[mid - 1 :] + 1)).sum(axis=1)
    return 1 / (1 + (pos / neg) ** 2) + d_avg


def np_simplified_probid(X, b, w):
    D, _ = _probid_distances(X, b, w)
    n = len(X)
    q = n // 4
    k = np.arange(1, n + 1)
    pos = (D[:, :q] / k[:q]).sum(axis=1)
    neg = (D[:, n - q :] / (n - k[n - q :] + 1)).sum(axis=1)
    return neg / pos


def np_ram(X, b, w):
    Y = X / X.sum(axis=0) * w
    return (2 + Y[:, b].sum(axis=1)) ** (1 / (2 + Y[:, ~b].sum(axis=1)))


def np_rim(X, b, w):
    Y = minmax_value(X, b) * w  # reference ideal = best end of the data range
    i_plus = np.sqrt(((Y - w) ** 2).sum(axis=1))
    i_minus = np.sqrt((Y**2).sum(axis=1))
    return i_minus / (i_plus + i_minus)


def np_spotis(X, b, w):
    lo, hi = X.min(axis=0), X.max(axis=0)
    isp = np.where(b, hi, lo)
    return (w * np.abs(X - isp) / (hi - lo)).sum(axis=1)


def np_waspas(X, b, w, lam=0.5):
    N = linear_max(X, b)
    return lam * (N @ w) + (1 - lam) * np.prod(N**w, axis=1)


# name -> (reference function, sites to use)
REFERENCES = {
    "skc-wsm": (np_wsm, X6),
    "skc-wpm": (np_wpm_log10, X6),
    "skc-topsis": (np_topsis, X6),
    "skc-vikor": (lambda X, b, w: np_vikor(X, b, w)[0], X6),
    "skc-ratio-moora": (np_ratio_moora, X6),
    "skc-reference-point-moora": (np_refpoint_moora, X6),
    "skc-full-multiplicative-form": (np_fmf, X6),
    "skc-electre1": (np_electre1_kernel, X6),
    "skc-aras": (np_aras, X6),
    "skc-cocoso": (np_cocoso, X6),
    "skc-codas": (np_codas, X6),
    "skc-copras": (np_copras, X6),
    "skc-edas": (np_edas, X6),
    "skc-ervd": (np_ervd, X6),
    "skc-mabac": (np_mabac, X6),
    "skc-mairca": (np_mairca, X6),
    "skc-marcos": (np_marcos, X6),
    "skc-ocra": (np_ocra, X6),
    "skc-probid": (np_probid_odd, X5),
    "skc-simplified-probid": (np_simplified_probid, X6),
    "skc-ram": (np_ram, X6),
    "skc-rim": (np_rim, X6),
    "skc-spotis": (np_spotis, X6),
    "skc-waspas": (np_waspas, X6),
}


def assert_competition_ranks(ranks: np.ndarray, scores: np.ndarray, higher_is_better: bool):
    ranks = np.asarray(ranks)
    n = len(ranks)
    assert ranks.shape == (n,) and np.issubdtype(ranks.dtype, np.integer)
    assert ranks.min() == 1 and ranks.max() <= n
    for i in range(n):  # '1224': a rank is 1 + the number of strictly better sites
        assert ranks[i] == 1 + np.sum(ranks < ranks[i])
    s = scores if higher_is_better else -scores
    tol = 1e-9 * max(np.abs(scores).max(), 1e-300)
    for i in range(n):
        for j in range(n):
            if s[i] > s[j] + tol:
                assert ranks[i] < ranks[j]
            elif abs(s[i] - s[j]) <= tol:
                assert ranks[i] == ranks[j]


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------


def test_registry_has_every_scikit_criteria_aggregator():
    assert set(SKC_METHODS) == set(EXPECTED_CLASSES)
    assert len(SKC_METHODS) == 27


@pytest.mark.parametrize("name", sorted(EXPECTED_CLASSES))
def test_method_info_is_complete(name):
    info = SKC_METHODS[name]
    assert isinstance(info, MethodInfo)
    assert info.name == name and info.family == "scikit-criteria"
    assert info.batch is None and info.linear_basis is None
    for text in (info.title, info.description, info.reference, info.cost_convention):
        assert text.strip() and "\n" not in text
    assert any(str(y) in info.reference for y in range(1900, 2031))  # names its year
    assert isinstance(info.higher_is_better, bool)


@pytest.mark.parametrize("name", sorted(EXPECTED_CLASSES))
def test_param_defaults_equal_scikit_criteria_defaults(name):
    module, cls_name = EXPECTED_CLASSES[name].split(".")
    cls = getattr(importlib.import_module(f"skcriteria.agg.{module}"), cls_name)
    signature = inspect.signature(cls.__init__).parameters
    for key, param in SKC_METHODS[name].params.items():
        if key in signature:  # others are adapter options (e.g. ERVD's reference point)
            assert param.default == signature[key].default, key


def test_library_class_is_the_expected_one():
    for name, path in EXPECTED_CLASSES.items():
        out = run(name)
        assert out.info["library_class"] == f"skcriteria.agg.{path}"


def test_version():
    assert skcriteria_version().startswith("0.10")


# --------------------------------------------------------------------------------------------
# Every method: runs clean, finite scores, competition ranking
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED_CLASSES))
def test_every_method_evaluates_mixed_problem_cleanly(name):
    before = list(warnings.filters)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = run(name)
    assert warnings.filters == before  # nothing global left behind
    assert isinstance(out, MethodOutput)
    assert out.scores.shape == (6,) and np.isfinite(out.scores).all()
    assert out.higher_is_better is SKC_METHODS[name].higher_is_better
    assert_competition_ranks(out.ranks, out.scores, out.higher_is_better)
    assert "warnings" not in out.info  # nothing unexpected on a well-formed matrix
    for key, values in out.details.items():
        assert np.shape(values) == (6,), key
    assert out.info["library"].startswith("scikit-criteria 0.10")


# --------------------------------------------------------------------------------------------
# Cost conventions: the adapter against the publications
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_scores_follow_the_published_cost_convention(name):
    ref, X = REFERENCES[name]
    out = run(name, X)
    np.testing.assert_allclose(out.scores, ref(X, BENEFIT, W), rtol=1e-10, atol=1e-12)


def test_topsis_equals_numpy_textbook_topsis():
    out = run("skc-topsis")
    np.testing.assert_allclose(out.scores, np_topsis(X6, BENEFIT, W), rtol=0, atol=1e-12)
    V = vector(X6) * W
    ideal = np.where(BENEFIT, V.max(axis=0), V.min(axis=0))
    np.testing.assert_allclose(out.details["d_plus"], np.linalg.norm(V - ideal, axis=1), atol=1e-12)
    assert out.info["ideal"]["C2"] == pytest.approx(V[:, 1].min())  # cost ideal = column minimum


def test_wsm_equals_numpy_minmax_wsm():
    out = run("skc-wsm")
    np.testing.assert_allclose(out.scores, np_wsm(X6, BENEFIT, W), rtol=0, atol=1e-12)
    np.testing.assert_allclose(out.normalized, minmax_value(X6, BENEFIT), atol=1e-12)
    np.testing.assert_allclose(out.contributions.sum(axis=1), out.scores, atol=1e-12)


def test_wpm_ranks_equal_numpy_weighted_product():
    product = np.prod(np.where(BENEFIT, X6**W, X6 ** (-W)), axis=1)
    out = run("skc-wpm")
    assert list(np.argsort(-out.scores)) == list(np.argsort(-product))
    np.testing.assert_allclose(10**out.scores, product, rtol=1e-12)


@pytest.mark.parametrize("v", [0.5, 0.0, 0.3, 1.0])
def test_vikor_equals_numpy_vikor(v):
    Q, S, R = np_vikor(X6, BENEFIT, W, v)
    out = run("skc-vikor", v=v)
    assert out.higher_is_better is False
    np.testing.assert_allclose(out.scores, Q, rtol=0, atol=1e-12)
    np.testing.assert_allclose(out.details["S"], S, rtol=0, atol=1e-12)
    np.testing.assert_allclose(out.details["R"], R, rtol=0, atol=1e-12)
    assert_competition_ranks(out.ranks, Q, higher_is_better=False)  # ranked by Q ascending


def test_simplified_probid_with_odd_sites():
    out = run("skc-simplified-probid", X5)
    np.testing.assert_allclose(out.scores, np_simplified_probid(X5, BENEFIT, W), rtol=1e-10)


def test_multimoora_parts_follow_moora_conventions():
    out = run("skc-multimoora")
    ratio = np_ratio_moora(X6, BENEFIT, W)
    np.testing.assert_allclose(out.details["ratio_score"], ratio, rtol=1e-10)
    np.testing.assert_allclose(
        out.details["refpoint_score"], np_refpoint_moora(X6, BENEFIT, W), rtol=1e-10
    )
    # the multiplicative part ranks like prod(benefit) / prod(cost)
    fmf = np_fmf(X6, BENEFIT, W)
    assert list(np.argsort(-out.details["fmf_score"])) == list(np.argsort(-fmf))


def test_electre2_equals_library_on_hand_normalised_all_max_matrix():
    import skcriteria as skc
    from skcriteria.agg.electre import ELECTRE2

    dm = skc.mkdm(minmax_value(X6, BENEFIT), ["max"] * 4, weights=W)
    expected = ELECTRE2().evaluate(dm).e_["score"]
    np.testing.assert_allclose(run("skc-electre2").scores, expected)


def test_electre1_kernel_scores():
    out = run("skc-electre1", p=0.6, q=0.4)
    np.testing.assert_array_equal(out.scores, np_electre1_kernel(X6, BENEFIT, W, 0.6, 0.4))
    kernel = [s for s, k in zip(problem().alternatives, out.scores, strict=True) if k == 1.0]
    assert out.info["kernel"] == kernel
    assert set(out.ranks[out.scores == 1.0]) == {1}
    assert set(out.ranks[out.scores == 0.0]) <= {len(kernel) + 1}


def test_simus_minimises_cost_criteria_natively():
    # min c.x with c.x >= min(c) is the LP max (-c).x with (-c).x <= max(-c)
    negated = np.where(BENEFIT, X6, -X6)
    native = run("skc-simus")
    by_hand = run("skc-simus", negated, np.ones(4, dtype=bool))
    np.testing.assert_allclose(native.scores, by_hand.scores, atol=1e-9)
    np.testing.assert_allclose(
        native.details["method_2_score"], by_hand.details["method_2_score"], atol=1e-9
    )


def test_simus_ignores_weights_but_leaves_out_zero_weight_criteria():
    base = run("skc-simus")
    other = run("skc-simus", w=[0.1, 0.2, 0.3, 0.4])
    np.testing.assert_allclose(base.scores, other.scores)
    dropped = run("skc-simus", w=[0.5, 0.5, 0.0, 0.0])
    only_two = run("skc-simus", X6[:, :2], BENEFIT[:2], w=[0.5, 0.5])
    assert dropped.info["criteria_left_out"] == ["C3", "C4"]
    np.testing.assert_allclose(dropped.scores, only_two.scores)


def test_fmf_leaves_out_zero_weight_criteria():
    out = run("skc-full-multiplicative-form", w=[0.6, 0.4, 0.0, 0.0])
    expected = np.log(X6[:, 0] / X6[:, 1])
    np.testing.assert_allclose(out.scores, expected, rtol=1e-12)


def test_spotis_and_rim_use_scale_anchors():
    worst = np.array([0.0, 100.0, np.nan, np.nan])
    best = np.array([400.0, 10.0, np.nan, np.nan])
    p = problem(worst=worst, best=best)
    lo = np.where(np.isnan(worst), X6.min(axis=0), np.fmin(worst, best))
    hi = np.where(np.isnan(worst), X6.max(axis=0), np.fmax(worst, best))
    isp = np.where(BENEFIT, hi, lo)
    spotis = SKC_METHODS["skc-spotis"].evaluate(p, W)
    np.testing.assert_allclose(spotis.scores, (W * np.abs(X6 - isp) / (hi - lo)).sum(axis=1))
    # RIM: anchored criteria are min-max on the anchor range; the ideal is the best anchor
    f = np.where(BENEFIT, (X6 - lo) / (hi - lo), (hi - X6) / (hi - lo))
    Y = f * W
    i_plus, i_minus = np.linalg.norm(Y - W, axis=1), np.linalg.norm(Y, axis=1)
    expected = i_minus / (i_plus + i_minus)
    rim = SKC_METHODS["skc-rim"].evaluate(p, W)
    np.testing.assert_allclose(rim.scores, expected, rtol=1e-12)


def test_spotis_leaves_out_constant_unanchored_criterion():
    X = X6.copy()
    X[:, 3] = 7.0
    out = run("skc-spotis", X)
    assert out.info["criteria_left_out"] == ["C4"]
    np.testing.assert_allclose(out.scores, np_spotis(X[:, :3], BENEFIT[:3], W[:3]), rtol=1e-12)


def test_mairca_shifts_non_positive_columns():
    X = X6.copy()
    X[:, 2] -= 60.0  # talent index now has negative values: min-max is shift-invariant
    out = run("skc-mairca", X)
    np.testing.assert_allclose(out.scores, np_mairca(X, BENEFIT, W), rtol=1e-12)


def test_ervd_reference_mean_option():
    out = run("skc-ervd", reference="mean")
    N = X6 / X6.sum(axis=0)
    d = N - X6.mean(axis=0) / X6.sum(axis=0)
    gain = np.where(BENEFIT, d, -d)
    V = np.where(gain > 0, np.abs(gain) ** 0.88, -2.25 * np.abs(gain) ** 0.88)
    sp = (W * np.abs(V - V.max(axis=0))).sum(axis=1)
    sm = (W * np.abs(V - V.min(axis=0))).sum(axis=1)
    np.testing.assert_allclose(out.scores, sm / (sp + sm), rtol=1e-12)


@pytest.mark.parametrize(
    "name, params, ref",
    [
        ("skc-cocoso", {"lambda_value": 0.8}, lambda X, b, w: np_cocoso(X, b, w, 0.8)),
        ("skc-waspas", {"lambda_value": 0.2}, lambda X, b, w: np_waspas(X, b, w, 0.2)),
        ("skc-codas", {"tau": 0.04}, lambda X, b, w: np_codas(X, b, w, 0.04)),
        ("skc-ervd", {"lambda_value": 1.5, "alpha_value": 0.6},
         lambda X, b, w: np_ervd(X, b, w, 1.5, 0.6)),
    ],
)
def test_parameters_reach_the_method(name, params, ref):
    np.testing.assert_allclose(run(name, **params).scores, ref(X6, BENEFIT, W), rtol=1e-10)


# --------------------------------------------------------------------------------------------
# stdout, temp files, warnings
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["skc-simus", "skc-marcos"])
def test_nothing_reaches_stdout(name, capfd, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run(name)
    out, _ = capfd.readouterr()
    assert out == ""
    assert os.listdir(tmp_path) == []  # no solver files in the working directory
    print("still here")  # fd 1 restored
    assert capfd.readouterr().out == "still here\n"


def test_constant_criterion_is_reported_not_raised():
    X = X6.copy()
    X[:, 2] = 50.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = run("skc-wsm", X)
    assert any("constant" in m for m in out.info["warnings"])
    keep = [0, 1, 3]  # a constant column scores 0 for every site: it drops out of the sum
    np.testing.assert_allclose(out.scores, np_wsm(X[:, keep], BENEFIT[keep], W[keep]))


# --------------------------------------------------------------------------------------------
# Errors become short ValueErrors
# --------------------------------------------------------------------------------------------


def test_copras_needs_a_cost_criterion():
    with pytest.raises(ValueError, match="at least one cost criterion"):
        run("skc-copras", benefit=np.ones(4, dtype=bool))


@pytest.mark.parametrize("name", ["skc-wpm", "skc-waspas", "skc-marcos", "skc-ocra"])
def test_positive_only_methods_refuse_zero(name):
    X = X6.copy()
    X[2, 1] = 0.0
    with pytest.raises(ValueError, match="C2"):
        run(name, X)


def test_cocoso_site_worst_everywhere_is_a_value_error():
    X = X6.copy()
    X[5] = [1.0, 999.0, 1.0, 999.0]  # worst on every criterion: weighted sum 0, k_b = x/0
    with pytest.raises(ValueError, match="finite"):
        run("skc-cocoso", X)


def test_bad_parameters_are_value_errors():
    with pytest.raises(ValueError, match="unknown parameter"):
        run("skc-topsis", bogus=1)
    with pytest.raises(ValueError):
        run("skc-vikor", v=2.0)
    with pytest.raises(ValueError):
        run("skc-electre2", p0=0.3, p1=0.5)  # library rule p0 >= p1 >= p2
    with pytest.raises(ValueError, match="one of"):
        run("skc-simus", rank_by=3)


def test_missing_values_are_refused():
    X = X6.copy()
    X[0, 0] = np.nan
    with pytest.raises(ValueError, match="complete matrix"):
        run("skc-topsis", X)


# --------------------------------------------------------------------------------------------
# scikit-criteria's own pipelines
# --------------------------------------------------------------------------------------------


def test_pipeline_helper_matches_numpy():
    scores, ranks = skc_pipeline_scores("topsis", X6, BENEFIT, W)
    np.testing.assert_allclose(scores, np_topsis(X6, BENEFIT, W), atol=1e-12)
    assert list(ranks) == list(run("skc-topsis").ranks)
    scores, ranks = skc_pipeline_scores("skc-wsm", X6, BENEFIT, W)
    np.testing.assert_allclose(scores, np_wsm(X6, BENEFIT, W), atol=1e-12)
    assert_competition_ranks(ranks, scores, True)
    with pytest.raises(ValueError):
        skc_pipeline_scores("no-such-method", X6, BENEFIT, W)


matrices = arrays(
    np.float64, (5, 3), elements=st.floats(1.0, 1000.0, allow_nan=False, allow_infinity=False)
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(X=matrices, w=st.lists(st.floats(0.05, 1.0), min_size=3, max_size=3))
def test_topsis_and_wsm_match_numpy_on_random_matrices(X, w):
    if np.any(np.ptp(X, axis=0) < 1e-6 * X.max(axis=0)):
        return  # constant columns are covered elsewhere
    w = np.asarray(w) / np.sum(w)
    b = np.array([True, False, True])
    p = Problem.from_arrays(X, b)
    np.testing.assert_allclose(
        SKC_METHODS["skc-topsis"].evaluate(p, w).scores, np_topsis(X, b, w), atol=1e-12
    )
    np.testing.assert_allclose(
        SKC_METHODS["skc-wsm"].evaluate(p, w).scores, np_wsm(X, b, w), atol=1e-12
    )
