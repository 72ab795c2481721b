"""One-at-a-time weight sweeps (sitecompare/sensitivity/oat.py) against an independent brute force.

The reference below shares no code with the package: its own proportional renormalisation, its
own plain-numpy WSM (five normalisations), WPM, TOPSIS, VIKOR and PROMETHEE II (usual and
linear preference), its own ranks, evaluated on a grid of 20,001 weights (step 5e-5) with the
current weight inserted. From that grid it derives, per pair of sites, every sign change of the
score difference (a crossover, bracketed between two grid points), the interval of the swept
weight around the current one where the whole ranking is unchanged (stability) and where the
set of first-placed sites is unchanged (top).

The module must report the same crossovers (each inside the brute-force bracket of the same
pair, same number per pair), the same intervals to the grid resolution, and, for the methods
with a closed form (wsm, wpm, promethee2), crossovers where the two scores are equal to 1e-9.
"""

from __future__ import annotations

import numpy as np
import pytest

from sitecompare.methods import Problem, get_method
from sitecompare.model import MethodSpec, Preference
from sitecompare.sensitivity.evaluate import Evaluator
from sitecompare.sensitivity.oat import oat_sweep

GRID = 20_001
STEP = 1.0 / (GRID - 1)
SLACK = 1e-9  # the module locates non-linear crossovers by bisection to 1e-9


# --------------------------------------------------------------------------------------------
# independent reference: weights along a sweep, five methods in plain numpy, ranks
# --------------------------------------------------------------------------------------------


def sweep_weights(base, k, t):
    """Row i: criterion k at t[i]; the others rescaled proportionally to share 1 - t[i].

    Documented special case: when k holds all the weight the others share 1 - t equally.
    """
    base = np.asarray(base, float)
    base = base / base.sum()
    t = np.asarray(t, float)
    rest = base.copy()
    rest[k] = 0.0
    if rest.sum() > 0:
        rest = rest / rest.sum()
    else:
        rest = np.ones_like(base)
        rest[k] = 0.0
        rest = rest / rest.sum()
    W = np.outer(1.0 - t, rest)
    W[:, k] = t
    return W


def ref_wsm(X, benefit, W, normalization):
    X = np.asarray(X, float)
    b = np.asarray(benefit, bool)
    V = np.empty_like(X)
    for j in range(X.shape[1]):
        x = X[:, j]
        if normalization == "minmax":
            span = x.max() - x.min()
            if span == 0:
                V[:, j] = 0.0
            else:
                V[:, j] = (x - x.min()) / span if b[j] else (x.max() - x) / span
        elif normalization == "max":
            V[:, j] = x / x.max() if b[j] else x.min() / x
        elif normalization == "sum":
            V[:, j] = x / x.sum() if b[j] else (1 / x) / (1 / x).sum()
        elif normalization == "vector":
            r = x / np.sqrt((x**2).sum())
            V[:, j] = r if b[j] else 1 - r
        elif normalization == "none":
            V[:, j] = x if b[j] else -x
        else:  # pragma: no cover
            raise ValueError(normalization)
    return W @ V.T


def ref_wpm(X, benefit, W):
    L = np.log(np.asarray(X, float))
    L = np.where(np.asarray(benefit, bool), L, -L)
    return W @ L.T  # log of prod x^(+-w): monotone in the WPM score


def ref_topsis(X, benefit, W):
    X = np.asarray(X, float)
    b = np.asarray(benefit, bool)
    N = X / np.sqrt((X**2).sum(axis=0))
    V = N[None, :, :] * W[:, None, :]  # (K, n, m)
    best = np.where(b, V.max(axis=1), V.min(axis=1))[:, None, :]
    worst = np.where(b, V.min(axis=1), V.max(axis=1))[:, None, :]
    sp = np.sqrt(((V - best) ** 2).sum(axis=2))
    sm = np.sqrt(((V - worst) ** 2).sum(axis=2))
    tot = sp + sm
    return np.where(tot > 0, sm / np.where(tot > 0, tot, 1.0), 0.5)


def ref_vikor_q(X, benefit, W, v=0.5):
    X = np.asarray(X, float)
    b = np.asarray(benefit, bool)
    fstar = np.where(b, X.max(axis=0), X.min(axis=0))
    fminus = np.where(b, X.min(axis=0), X.max(axis=0))
    den = fstar - fminus
    D = np.where(den != 0, (fstar - X) / np.where(den != 0, den, 1), 0.0)
    WD = D[None, :, :] * W[:, None, :]
    S = WD.sum(axis=2)
    R = WD.max(axis=2)

    def share(a):
        lo, hi = a.min(axis=1, keepdims=True), a.max(axis=1, keepdims=True)
        return np.where(hi > lo, (a - lo) / np.where(hi > lo, hi - lo, 1.0), 0.0)

    return v * share(S) + (1 - v) * share(R)


def ref_promethee2(X, benefit, W, prefs=None):
    X = np.asarray(X, float)
    n, m = X.shape
    Phi = np.zeros((n, m))
    for j in range(m):
        sgn = 1.0 if benefit[j] else -1.0
        pref = prefs[j] if prefs else None
        for a in range(n):
            for c in range(n):
                if a == c:
                    continue
                d = sgn * (X[a, j] - X[c, j])
                if pref is None or pref.function == "usual":
                    p = 1.0 if d > 0 else 0.0
                elif pref.function == "linear":
                    if d <= pref.q:
                        p = 0.0
                    else:
                        p = 1.0 if d > pref.p else (d - pref.q) / (pref.p - pref.q)
                else:  # pragma: no cover
                    raise ValueError(pref.function)
                Phi[a, j] += p / (n - 1)
                Phi[c, j] -= p / (n - 1)
    return W @ Phi.T


def ref_goodness(case, W):
    """(K, n) scores, higher is better."""
    X, benefit, name, params = case["X"], case["benefit"], case["method"], case["params"]
    if name == "wsm":
        return ref_wsm(X, benefit, W, params["normalization"])
    if name == "wpm":
        return ref_wpm(X, benefit, W)
    if name == "topsis":
        return ref_topsis(X, benefit, W)
    if name == "vikor":
        return -ref_vikor_q(X, benefit, W)
    if name == "promethee2":
        return ref_promethee2(X, benefit, W, case.get("prefs"))
    raise ValueError(name)  # pragma: no cover


def ref_ranks(g, rtol=1e-10):
    """Competition ranks of each row (1 = best, ties share the better rank)."""
    g = np.atleast_2d(g)
    tol = rtol * max(np.abs(g).max(), 1e-300)
    return 1 + (g[:, None, :] > g[:, :, None] + tol).sum(axis=2)


def brute_force(case, base, k):
    base = np.asarray(base, float) / np.sum(base)
    t0 = float(base[k])
    t = np.unique(np.concatenate([np.linspace(0.0, 1.0, GRID), [t0]]))
    G = ref_goodness(case, sweep_weights(base, k, t))
    n = G.shape[1]
    tol = 1e-12 * np.abs(G).max()
    brackets = {}
    for a in range(n):
        for b in range(a + 1, n):
            d = G[:, a] - G[:, b]
            s = np.where(np.abs(d) <= tol, 0, np.sign(d))
            nz = np.flatnonzero(s)
            flips = np.flatnonzero(s[nz[:-1]] != s[nz[1:]])
            brackets[(a, b)] = [(t[nz[f]], t[nz[f + 1]]) for f in flips]
    R = ref_ranks(G)
    i0 = int(np.flatnonzero(t == t0)[0])
    same_all = (R == R[i0]).all(axis=1)
    first = R == 1
    same_top = (first == first[i0]).all(axis=1)
    return {
        "t": t,
        "i0": i0,
        "t0": t0,
        "brackets": brackets,
        "stability": _bracket_interval(t, i0, same_all),
        "top": _bracket_interval(t, i0, same_top),
        "leader": set(np.flatnonzero(first[i0]).tolist()),
    }


def _bracket_interval(t, i0, same):
    """((lo_min, lo_max), (hi_min, hi_max)): where the ends of the unchanged interval may lie."""
    left = np.flatnonzero(~same[:i0])
    if left.size == 0:
        lo = (0.0, 0.0)
    else:
        g = left[-1]
        lo = (t[g], t[g + 1])
    right = np.flatnonzero(~same[i0 + 1 :]) + i0 + 1
    if right.size == 0:
        hi = (1.0, 1.0)
    else:
        g = right[0]
        hi = (t[g - 1], t[g])
    return lo, hi


def module_sweep(case, base, k):
    X, benefit = case["X"], case["benefit"]
    names = tuple(f"s{i}" for i in range(len(X)))
    problem = Problem.from_arrays(X, benefit, alternatives=names, preferences=case.get("prefs"))
    ev = Evaluator(problem, MethodSpec(case["method"], case["params"]))
    return ev, oat_sweep(ev, np.asarray(base, float), k, names)


def check_against_brute_force(case, base, k):
    ev, res = module_sweep(case, base, k)
    bf = brute_force(case, base, k)
    idx = {f"s{i}": i for i in range(len(case["X"]))}
    # 1. the same crossovers, pair by pair
    got: dict[tuple[int, int], list[float]] = {}
    for c in res.crossovers:
        a, b = sorted((idx[c.sites[0]], idx[c.sites[1]]))
        got.setdefault((a, b), []).append(c.weight)
    for pair, brackets in bf["brackets"].items():
        mine = sorted(got.get(pair, []))
        assert len(mine) == len(brackets), (
            f"{case['name']} criterion {k}: pair {pair} crosses {len(brackets)} times in the brute "
            f"force {brackets} but the module reports {mine}"
        )
        for tw, (lo, hi) in zip(mine, brackets, strict=True):
            assert lo - SLACK <= tw <= hi + SLACK, (case["name"], k, pair, tw, lo, hi)
    # 2. exact crossovers: the two scores are equal at the reported weight
    if res.exact:
        # scale: the scores' magnitude along the sweep (at a crossover they may all be ~0)
        scale = max(np.abs(ref_goodness(case, sweep_weights(base, k, [0.0, 1.0]))).max(), 1e-12)
        for c in res.crossovers:
            g = ref_goodness(case, sweep_weights(base, k, [c.weight]))[0]
            gap = abs(g[idx[c.sites[0]]] - g[idx[c.sites[1]]])
            assert gap <= 1e-9 * scale, (case["name"], k, c)
    # 3. crossovers are listed with who leads on each side
    for c in res.crossovers:
        a, b = idx[c.sites[0]], idx[c.sites[1]]
        eps = 1e-6
        if 0 < c.weight - eps and c.weight + eps < 1:
            g = ref_goodness(case, sweep_weights(base, k, [c.weight - eps, c.weight + eps]))
            assert g[0, a] > g[0, b] and g[1, b] > g[1, a], (case["name"], k, c)
    # 3b. the position they swap at, and whether it is first place (when no other pair crosses at
    # the same weight, the better of their two ranks on either side)
    ts = [c.weight for c in res.crossovers]
    for c in res.crossovers:
        a, b = idx[c.sites[0]], idx[c.sites[1]]
        if sum(abs(t - c.weight) < 1e-6 for t in ts) > 1 or not 1e-6 < c.weight < 1 - 1e-6:
            continue
        g = ref_goodness(case, sweep_weights(base, k, [c.weight - 1e-7, c.weight + 1e-7]))
        R = ref_ranks(g)
        assert c.rank == min(R[0, a], R[0, b]) == min(R[1, a], R[1, b]), (case["name"], k, c)
        assert c.changes_first == (c.rank == 1)
    # 4. intervals to the grid resolution
    for key, got_iv in (("stability", res.stability_interval), ("top", res.top_interval)):
        (lo_a, lo_b), (hi_a, hi_b) = bf[key]
        assert lo_a - SLACK <= got_iv[0] <= lo_b + SLACK, (case["name"], k, key, got_iv, bf[key])
        assert hi_a - SLACK <= got_iv[1] <= hi_b + SLACK, (case["name"], k, key, got_iv, bf[key])
        assert got_iv[0] <= res.current <= got_iv[1]
    assert res.current == pytest.approx(bf["t0"], abs=1e-15)
    return res, bf


# --------------------------------------------------------------------------------------------
# cases
# --------------------------------------------------------------------------------------------


def random_case(seed, method, params, n=5, m=4, prefs=False):
    rng = np.random.default_rng(seed)
    X = rng.uniform(1.0, 10.0, (n, m)).round(3)
    benefit = rng.random(m) < 0.6
    benefit[0] = True
    w = rng.dirichlet(np.ones(m))
    case = {
        "name": f"{method}{params}-seed{seed}",
        "X": X,
        "benefit": benefit,
        "method": method,
        "params": params,
        "w": w,
    }
    if prefs:
        lin = Preference("linear", q=0.5, p=3.0)
        case["prefs"] = tuple(lin if j % 2 else None for j in range(m))
    return case


METHOD_CASES = [
    ("wsm", {"normalization": "minmax"}),
    ("wsm", {"normalization": "max"}),
    ("wsm", {"normalization": "sum"}),
    ("wsm", {"normalization": "vector"}),
    ("wsm", {"normalization": "none"}),
    ("wpm", {"normalization": "none"}),
    ("topsis", {"normalization": "vector", "metric": "euclidean"}),
    ("vikor", {"v": 0.5}),
    ("promethee2", {}),
]


@pytest.mark.parametrize(("method", "params"), METHOD_CASES, ids=lambda x: str(x))
def test_reference_methods_match_the_package(method, params):
    """The plain-numpy reference computes what get_method(name).evaluate computes."""
    for seed in range(3):
        case = random_case(100 + seed, method, params)
        problem = Problem.from_arrays(case["X"], case["benefit"])
        rng = np.random.default_rng(seed)
        for w in rng.dirichlet(np.ones(case["X"].shape[1]), 5):
            out = get_method(method).evaluate(problem, w, **params)
            mine = ref_goodness(case, w[None, :])[0]
            theirs = out.scores if out.higher_is_better else -out.scores
            if method == "wpm":
                theirs = np.log(theirs)
            np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-12)
            np.testing.assert_array_equal(ref_ranks(mine)[0], out.ranks)


@pytest.mark.parametrize(("method", "params"), METHOD_CASES, ids=lambda x: str(x))
def test_random_problems_match_brute_force(method, params):
    for seed in range(3):
        case = random_case(seed, method, params)
        for k in range(case["X"].shape[1]):
            check_against_brute_force(case, case["w"], k)


def test_promethee_linear_preference_matches_brute_force():
    for seed in range(3):
        case = random_case(40 + seed, "promethee2", {}, prefs=True)
        for k in range(case["X"].shape[1]):
            res, _ = check_against_brute_force(case, case["w"], k)
            assert res.exact


@pytest.mark.parametrize("method", ["wsm", "topsis", "vikor"])
def test_larger_random_problem(method):
    params = dict(METHOD_CASES)[method] if method != "wsm" else {"normalization": "minmax"}
    case = random_case(7, method, params, n=8, m=6)
    for k in range(6):
        check_against_brute_force(case, case["w"], k)


def test_exact_flag_follows_the_method():
    for method, params in METHOD_CASES:
        case = random_case(3, method, params)
        _, res = module_sweep(case, case["w"], 0)
        assert res.exact == (method in ("wsm", "wpm", "promethee2")), method


# --------------------------------------------------------------------------------------------
# hand-made problems
# --------------------------------------------------------------------------------------------


def hand(X, benefit, method="wsm", params=None, name="hand", prefs=None):
    case = {
        "name": name,
        "X": np.asarray(X, float),
        "benefit": np.asarray(benefit, bool),
        "method": method,
        "params": {"normalization": "none"} if params is None else params,
    }
    if prefs:
        case["prefs"] = prefs
    return case


def test_two_sites_cross_at_one_half():
    # v = [[1, 0], [0, 1]], w = (0.7, 0.3). Sweeping w1 = t (w2 = 1 - t):
    # S_A = t, S_B = 1 - t, equal at t = 1/2 exactly.
    case = hand([[1, 0], [0, 1]], [True, True])
    for k, t0 in ((0, 0.7), (1, 0.3)):
        res, _ = check_against_brute_force(case, [0.7, 0.3], k)
        assert len(res.crossovers) == 1
        c = res.crossovers[0]
        assert c.weight == pytest.approx(0.5, abs=1e-15)
        assert c.rank == 1 and c.changes_first
        assert res.current == pytest.approx(t0)
        # k = 0: B leads below 1/2, A above; k = 1 the other way round
        assert c.sites == (("s1", "s0") if k == 0 else ("s0", "s1"))
    res = module_sweep(case, [0.7, 0.3], 0)[1]
    assert res.stability_interval == pytest.approx((0.5, 1.0))
    assert res.top_interval == pytest.approx((0.5, 1.0))
    res = module_sweep(case, [0.7, 0.3], 1)[1]
    assert res.stability_interval == pytest.approx((0.0, 0.5))
    assert res.top_interval == pytest.approx((0.0, 0.5))
    js = res.to_json()
    assert js["crossovers"] == [{"weight": 0.5, "sites": ["s0", "s1"], "rank": 1, "changes_first": True}]
    assert js["exact"] is True


def test_known_fraction_with_minmax_and_a_third_site():
    # minmax: A = (10, 4) -> (1, 0.4), B = (6, 10) -> (0.6, 1), C = (0, 0) -> (0, 0).
    # Sweeping w1 = t: S_A = t + 0.4(1 - t) = 0.4 + 0.6t, S_B = 0.6t + (1 - t) = 1 - 0.4t,
    # equal at t = 0.6 (A wins above). C = 0 never crosses anyone inside (0, 1).
    case = hand([[10, 4], [6, 10], [0, 0]], [True, True], params={"normalization": "minmax"})
    res, _ = check_against_brute_force(case, [0.5, 0.5], 0)
    assert [(c.weight, c.sites) for c in res.crossovers] == [(pytest.approx(0.6, abs=1e-12), ("s1", "s0"))]
    assert res.top_interval == pytest.approx((0.0, 0.6))


def test_wpm_hand_crossover():
    # WPM, benefit: ln P_A = w1 ln 4 + w2 ln 1 = 2 t ln 2,
    # ln P_B = w1 ln 1 + w2 ln 2 = (1 - t) ln 2:
    # equal at 2t = 1 - t, t = 1/3.
    case = hand([[4, 1], [1, 2]], [True, True], method="wpm")
    res, _ = check_against_brute_force(case, [0.5, 0.5], 0)
    assert [c.weight for c in res.crossovers] == [pytest.approx(1 / 3, abs=1e-12)]
    assert res.exact


def test_promethee_hand_crossover():
    # Two sites, usual preference: phi_A = w1 - w2 (better on c1), phi_B = w2 - w1:
    # they cross at w1 = 1/2. A third site between them on both criteria shifts nothing:
    # phi = (t - (1 - t)) for A, ... all three meet at t = 1/2.
    case = hand([[3, 1], [1, 3], [2, 2]], [True, True], method="promethee2", params={})
    res, _ = check_against_brute_force(case, [0.8, 0.2], 0)
    assert len(res.crossovers) == 3  # A-B, A-C, B-C
    assert all(c.weight == pytest.approx(0.5, abs=1e-12) for c in res.crossovers)
    assert res.exact


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("wsm", {"normalization": "none"}),
        ("topsis", {"normalization": "vector", "metric": "euclidean"}),
        ("vikor", {"v": 0.5}),
        ("promethee2", {}),
        ("wpm", {"normalization": "none"}),
    ],
)
def test_crossover_at_the_current_weight(method, params):
    # A = (2, 1), B = (1, 2) are symmetric (and C = (0.5, 0.5) is dominated by both): A and B
    # are equal at equal weights under every method, and swap there.
    case = hand([[2, 1], [1, 2], [0.5, 0.5]], [True, True], method=method, params=params)
    res, _ = check_against_brute_force(case, [0.5, 0.5], 0)
    at = [c for c in res.crossovers if abs(c.weight - 0.5) < 1e-9]
    assert len(at) == 1 and set(at[0].sites) == {"s0", "s1"} and at[0].changes_first
    assert at[0].sites == ("s1", "s0")  # B ahead below 1/2 (less weight on c1), A above
    assert res.stability_interval == pytest.approx((0.5, 0.5), abs=1e-9)
    assert res.top_interval == pytest.approx((0.5, 0.5), abs=1e-9)


def test_criterion_holding_all_the_weight():
    # w = (1, 0, 0). Sweeping criterion 0 from t0 = 1: documented convention, the others share
    # 1 - t equally: S(t) = t v1 + (1 - t)(v2 + v3)/2.
    # A = (1, 0, 0.2): t + 0.1(1 - t); B = (0, 1, 0.5): 0.75(1 - t);
    # C = (0.5, 0.5, 0.1): 0.5t + 0.3(1 - t)
    # A = B at 0.1 + 0.9t = 0.75 - 0.75t -> t = 0.65/1.65 = 13/33
    # A = C at 0.1 + 0.9t = 0.3 + 0.2t   -> t = 0.2/0.7  = 2/7
    # B = C at 0.75 - 0.75t = 0.3 + 0.2t -> t = 0.45/0.95 = 9/19
    case = hand([[1, 0, 0.2], [0, 1, 0.5], [0.5, 0.5, 0.1]], [True] * 3)
    res, _ = check_against_brute_force(case, [1.0, 0.0, 0.0], 0)
    assert res.current == 1.0
    assert sorted(c.weight for c in res.crossovers) == pytest.approx([2 / 7, 13 / 33, 9 / 19])
    assert res.stability_interval == pytest.approx((9 / 19, 1.0))
    assert res.top_interval == pytest.approx((13 / 33, 1.0))
    # sweeping a zero-weight criterion away from (1, 0, 0): criterion 2 stays at 0
    for k in (1, 2):
        res, _ = check_against_brute_force(case, [1.0, 0.0, 0.0], k)
        assert res.current == 0.0 and res.stability_interval[0] == 0.0


def test_zero_weight_criteria_stay_at_zero():
    # w = (0.6, 0.4, 0): sweeping criterion 0 keeps criterion 2 at 0 (ratio 0.6 : 0.4 : 0 kept).
    # S_A = t, S_B = 1 - t (criterion 2 ignored), S_C = 0.5: all three meet at t = 1/2.
    case = hand([[1, 0, 0.2], [0, 1, 0.5], [0.5, 0.5, 0.1]], [True] * 3)
    res, _ = check_against_brute_force(case, [0.6, 0.4, 0.0], 0)
    assert len(res.crossovers) == 3
    assert all(c.weight == pytest.approx(0.5, abs=1e-12) for c in res.crossovers)
    # sweeping the zero-weight criterion itself: t0 = 0, S(t) = t v3 + (1 - t)(0.6 v1 + 0.4 v2)
    # A: 0.6 - 0.4t, B: 0.4 + 0.1t, C: 0.5 - 0.4t -> A = B at t = 0.4, B = C at t = 0.2, A = C never
    res, _ = check_against_brute_force(case, [0.6, 0.4, 0.0], 2)
    assert res.current == 0.0
    assert sorted(c.weight for c in res.crossovers) == pytest.approx([0.2, 0.4])
    assert res.stability_interval == pytest.approx((0.0, 0.2))
    assert res.top_interval == pytest.approx((0.0, 0.4))


def test_tied_and_identical_sites():
    # s0 and s1 are identical: tied for every weight, never a crossover between them;
    # s2 crosses both at the same weight and is reported once per pair.
    # S_s0 = S_s1 = 0.5t + 0.5(1 - t) = 0.5; S_s2 = 0.8t + 0.1(1 - t) = 0.1 + 0.7t -> t = 4/7
    case = hand([[0.5, 0.5], [0.5, 0.5], [0.8, 0.1]], [True, True])
    res, _ = check_against_brute_force(case, [0.3, 0.7], 0)
    assert sorted((c.weight, tuple(sorted(c.sites))) for c in res.crossovers) == [
        (pytest.approx(4 / 7), ("s0", "s2")),
        (pytest.approx(4 / 7), ("s1", "s2")),
    ]
    # non-linear methods: identical sites are tied along the whole sweep, no crossover either
    for method, params in (
        ("topsis", {"normalization": "vector", "metric": "euclidean"}),
        ("vikor", {"v": 0.5}),
    ):
        case = hand([[2, 5], [2, 5], [4, 1], [3, 3]], [True, True], method=method, params=params)
        res, _ = check_against_brute_force(case, [0.3, 0.7], 0)
        assert not any(set(c.sites) == {"s0", "s1"} for c in res.crossovers)


def test_sites_equal_on_the_swept_criterion_meet_only_at_the_end():
    # Equal values on criterion k: the lines meet at t = 1 only, which is not a swap inside
    # the sweep. S_A = 0.5t + 0.9(1 - t), S_B = 0.5t + 0.2(1 - t).
    case = hand([[0.5, 0.9], [0.5, 0.2]], [True, True])
    res, _ = check_against_brute_force(case, [0.5, 0.5], 0)
    assert res.crossovers == ()
    assert res.stability_interval == (0.0, 1.0) and res.top_interval == (0.0, 1.0)


def test_cost_criteria_hand_example():
    # c1 cost (lower is better), none normalisation: v = -x. A = (1, 0) -> (-1, 0),
    # B = (0, 1) -> (0, 1). S_A = -t, S_B = 1 - t: parallel, B always ahead; no crossover.
    case = hand([[1, 0], [0, 1]], [False, True])
    res, _ = check_against_brute_force(case, [0.5, 0.5], 0)
    assert res.crossovers == ()
    # minmax: c1 cost -> A = 0, B = 1; c2 benefit -> A = 0, B = 1: B dominates
    case = hand([[1, 0], [0, 1], [0.5, 0.2]], [False, True], params={"normalization": "minmax"})
    check_against_brute_force(case, [0.5, 0.5], 1)


def test_curves_are_native_scores_along_the_sweep():
    case = random_case(11, "vikor", {"v": 0.5})
    ev, res = module_sweep(case, case["w"], 1)
    Q = ref_vikor_q(case["X"], case["benefit"], sweep_weights(case["w"], 1, res.grid))
    np.testing.assert_allclose(res.curves, Q, atol=1e-12)
    assert res.grid[0] == 0.0 and res.grid[-1] == 1.0


def test_vikor_tie_plateau_is_a_change_of_ranking():
    """VIKOR with the default v = 0.5 has exact-tie plateaus: a site with the worst S and the best
    R and a site with the best S and the worst R both get Q = 0.5 * 1 + 0.5 * 0 = 0.5 over a
    whole range of weights. Here, sweeping c1 down from t0 = 0.5 (ranking s1, s2, s0):

        t        Q(s0)    Q(s1)    Q(s2)    ranks
        0.50     0.6875   0        0.5      3 1 2
        0.4872   0.5003   0        0.5      3 1 2
        0.487    0.5      0.0029   0.5      2 1 2   <- s0 and s2 tied (plateau begins)
        0.46     0.5      0.269    0.5      2 1 2
        0.4445   0.5      0.346    0.5      2 1 2
        0.4444   0        0.846    1        1 2 3   <- Q jumps (all R equal at 4/9)

    so the ranking of t0 holds on [~0.4872, 1], not on [4/9, 1] as reported: the bisection in
    oat._bisect_crossings converges to the plateau's left end whichever side t0 is on, and the
    plateau itself (a shared rank) is not counted as a change.
    """
    case = hand([[1, 3, 3], [4, 2, 0], [3, 2, 4]], [True] * 3, method="vikor", params={"v": 0.5})
    w = np.array([0.5, 0.4, 0.1])
    _, res = module_sweep(case, w, 0)
    bf = brute_force(case, w, 0)
    (lo_a, lo_b), _ = bf["stability"]
    assert 0.4869 < lo_a < 0.4873  # the reference: the tie begins just below 0.4872
    t = np.linspace(res.stability_interval[0], res.stability_interval[1], 2001)
    R = ref_ranks(ref_goodness(case, sweep_weights(w, 0, t)))
    R0 = ref_ranks(ref_goodness(case, sweep_weights(w, 0, [0.5])))[0]
    changed = t[(R != R0).any(axis=1)]
    assert changed.size == 0, (
        f"stability_interval {res.stability_interval} contains weights where the ranking is not "
        f"that of t0 = 0.5 (e.g. t = {changed[0]:.4f}..{changed[-1]:.4f}: s0 and s2 tied at "
        "Q = 0.5)"
    )


def test_vikor_tie_plateaus_are_reported_with_their_edges():
    """The plateau of test_vikor_tie_plateau_is_a_change_of_ranking, as reported: s0 and s2 are
    tied (Q = 0.5) for t in (4/9, 0.48718) along c1 and swap across it (s0 ahead below, s2
    above), so the crossover carries the plateau and sits at its edge nearest t0 = 0.5, where
    the tie begins; the critical weight change is the change to that edge. Along c3 (t0 = 0.1)
    s0 and s2 tie on (0.12903, 0.15625) and leave the tie in the order they entered: no
    crossover, a listed tie, and the stability interval ends where it begins."""
    from sitecompare.sensitivity.critical import critical_weight_changes

    case = hand([[1, 3, 3], [4, 2, 0], [3, 2, 4]], [True] * 3, method="vikor", params={"v": 0.5})
    w = np.array([0.5, 0.4, 0.1])
    names = ("s0", "s1", "s2")

    def tied_on(k, a, b):
        t = np.linspace(0, 1, 200_001)
        g = ref_goodness(case, sweep_weights(w, k, t))
        R = ref_ranks(g)
        return t[R[:, a] == R[:, b]]

    _, res = module_sweep(case, w, 0)
    (c,) = [c for c in res.crossovers if set(c.sites) == {"s0", "s2"}]
    t_tie = tied_on(0, 0, 2)
    assert c.tie is not None
    assert c.tie[0] == pytest.approx(t_tie.min(), abs=1e-5) and c.tie[0] == pytest.approx(4 / 9, abs=1e-8)
    assert c.tie[1] == pytest.approx(t_tie.max(), abs=1e-5)
    assert c.weight == c.tie[1] and c.sites == ("s0", "s2")
    assert res.stability_interval[0] == pytest.approx(c.tie[1], abs=1e-12)
    assert c.to_json()["tie_interval"] == [pytest.approx(x, abs=1e-9) for x in c.tie]
    # the critical change of c1 for (s2, s0) is the move to the plateau's near edge
    problem = Problem.from_arrays(case["X"], case["benefit"], alternatives=names)
    ev = Evaluator(problem, MethodSpec("vikor", {"v": 0.5}))
    oat = {f"C{k + 1}": module_sweep(case, w, k)[1] for k in range(3)}
    ranks = get_method("vikor").evaluate(problem, w, v=0.5).ranks
    changes = critical_weight_changes(oat, w, ev.problem.criteria, names, ranks)
    (ch,) = [x for x in changes if x.criterion == "C1" and set(x.sites) == {"s0", "s2"}]
    assert ch.new_weight == c.weight and ch.delta == pytest.approx((c.weight - 0.5) / (1 - c.weight))
    # c3: a tie the pair leaves in the order it entered
    _, res = module_sweep(case, w, 2)
    assert not any(set(c.sites) == {"s0", "s2"} for c in res.crossovers)
    (tie,) = [t for t in res.ties if set(t.sites) == {"s0", "s2"}]
    t_tie = tied_on(2, 0, 2)
    assert tie.interval[0] == pytest.approx(t_tie.min(), abs=1e-5)
    assert tie.interval[1] == pytest.approx(t_tie.max(), abs=1e-5)
    assert res.stability_interval == pytest.approx((0.0, tie.interval[0]), abs=1e-12)
    assert res.to_json()["ties"][0]["sites"] == ["s0", "s2"]
