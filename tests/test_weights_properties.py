"""Properties that hold for every input (hypothesis)."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sitecompare.weights import ahp_weights, critic_weights, entropy_weights, roc_weights
from sitecompare.weights.ahp import SAATY_SCALE, principal_eigen
from sitecompare.weights.scenario_io import round_weights


@st.composite
def reciprocal_matrices(draw, scale_values=True):
    n = draw(st.integers(min_value=2, max_value=10))
    A = np.ones((n, n))
    for i, j in itertools.combinations(range(n), 2):
        if scale_values:
            v = draw(st.sampled_from(SAATY_SCALE))
        else:
            v = draw(st.floats(min_value=1 / 9, max_value=9))
        A[i, j], A[j, i] = v, 1 / v
    return A


@given(reciprocal_matrices())
@settings(max_examples=150, deadline=None)
def test_weights_positive_and_sum_to_one_for_random_reciprocal_matrices(A):
    r = ahp_weights(A)
    w = np.array(list(r.weights.values()))
    assert (w > 0).all()
    assert abs(w.sum() - 1) < 1e-12
    assert r.lambda_max >= r.n - 1e-9
    assert r.cr >= 0 and r.consistent == (r.cr <= 0.1)


@given(st.lists(st.floats(min_value=0.05, max_value=20), min_size=2, max_size=10))
@settings(max_examples=150, deadline=None)
def test_consistent_matrices_have_cr_zero_and_recover_the_weights(raw):
    w = np.array(raw) / np.sum(raw)
    A = w[:, None] / w[None, :]
    r = ahp_weights(A, scale="positive")
    assert r.cr == 0.0 and r.ci == 0.0
    assert np.allclose(list(r.weights.values()), w, atol=1e-9)
    assert r.worst_judgments == ()


@given(st.lists(st.floats(min_value=0.05, max_value=20), min_size=3, max_size=8), st.data())
@settings(max_examples=100, deadline=None)
def test_harker_recovers_consistent_weights_with_missing_pairs(raw, data):
    w = np.array(raw) / np.sum(raw)
    n = len(w)
    A = w[:, None] / w[None, :]
    # drop pairs off a spanning path (0-1, 1-2, ...), so the judgments stay connected
    optional = [(i, j) for i, j in itertools.combinations(range(n), 2) if j != i + 1]
    drop = (
        data.draw(st.lists(st.sampled_from(optional), unique=True, max_size=len(optional)))
        if optional
        else []
    )
    for i, j in drop:
        A[i, j] = A[j, i] = np.nan
    r = ahp_weights(A, scale="positive")
    assert np.allclose(list(r.weights.values()), w, atol=1e-9)
    assert len(r.missing_pairs) == len(drop)


@given(reciprocal_matrices(scale_values=False))
@settings(max_examples=100, deadline=None)
def test_weights_are_the_perron_vector(A):
    r = ahp_weights(A)
    lam, w = principal_eigen(A)
    Aw = A @ np.array(list(r.weights.values()))
    assert np.allclose(Aw, r.lambda_max * np.array(list(r.weights.values())), rtol=1e-8)


@given(st.integers(min_value=1, max_value=30))
def test_roc_weights_sum_to_one_and_decrease(n):
    r = roc_weights([f"c{i}" for i in range(n)])
    w = [r.weights[f"c{i}"] for i in range(n)]
    assert abs(sum(w) - 1) < 1e-12
    assert all(a > b for a, b in zip(w, w[1:], strict=False))


@given(
    st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=12).filter(
        lambda x: sum(x) > 0
    )
)
def test_rounded_weights_sum_to_exactly_one(raw):
    r = round_weights({f"c{i}": v for i, v in enumerate(raw)})
    assert round(sum(r.values()) * 10_000) == 10_000
    total = sum(raw)
    for i, v in enumerate(raw):
        assert abs(r[f"c{i}"] - v / total) < 1e-4 + 1e-12


@given(
    st.integers(min_value=2, max_value=12),
    st.integers(min_value=1, max_value=6),
    st.integers(0, 2**32 - 1),
)
@settings(max_examples=60, deadline=None)
def test_objective_weights_are_a_distribution(n, m, seed):
    rng = np.random.default_rng(seed)
    X = rng.uniform(0.1, 100, size=(n, m))
    for r in (entropy_weights(X), critic_weights(X, rng.random(m) < 0.5)):
        w = r.vector
        assert (w >= 0).all() and abs(w.sum() - 1) < 1e-9
