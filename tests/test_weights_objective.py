"""Entropy and CRITIC weights: published examples and the scikit-criteria cross-check.

The published matrices and weights below were transcribed by library test suites that cite the
papers (found with the project's search tool):

* energyinpython/pyrepo-mcda ``tests/test_weighting_methods.py`` (Xu 2004; Zavadskas & Podvezko
  2016; Ersoy 2021; Tuş & Aytaç Adalı 2019);
* quatrope/scikit-criteria ``tests/preprocessing/test_weighters.py``
  (``test_CRITIC_diakoulaki1995determining``: the data of Diakoulaki et al. 1995).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import skcriteria as skc
from skcriteria.preprocessing.weighters import CRITIC, EntropyWeighter

from sitecompare.errors import ValidationError
from sitecompare.weights import critic_weights, entropy_weights


def _rounded(r, decimals):
    return [round(r.weights[c], decimals) for c in r.criteria]


def test_entropy_xu_2004_ejor_156_530():
    """Xu, X. (2004) A note on the subjective and objective integrated approach to determine
    attribute weights, EJOR 156(2):530-532. Printed weights 0.4630, 0.3992, 0.1378, 0.0000."""
    X = [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]]
    assert _rounded(entropy_weights(X), 4) == [0.4630, 0.3992, 0.1378, 0.0000]


def test_entropy_zavadskas_podvezko_2016_ijitdm_15_267():
    """Zavadskas & Podvezko (2016) Integrated determination of objective criteria weights in
    MCDM, IJITDM 15(2):267-283. Criteria 1 and 3 are cost criteria; the printed entropy weights
    0.1146, 0.1981, 0.4185, 0.2689 are those of the raw values (no cost transformation)."""
    X = [[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]]
    r = entropy_weights(X, ["c1", "c2", "c3", "c4"])
    assert _rounded(r, 4) == [0.1146, 0.1981, 0.4185, 0.2689]


def test_entropy_ersoy_2021_logforum_17_3():
    """Ersoy (2021) Equipment selection ... entropy-based TOPSIS, EDAS and CODAS, LogForum 17(3).
    Printed weights 0.405, 0.221, 0.134, 0.199, 0.007, 0.034."""
    X = [
        [256, 8, 41, 1.6, 1.77, 7347.16],
        [256, 8, 32, 1.0, 1.8, 6919.99],
        [256, 8, 53, 1.6, 1.9, 8400],
        [256, 8, 41, 1.0, 1.75, 6808.9],
        [512, 8, 35, 1.6, 1.7, 8479.99],
        [256, 4, 35, 1.6, 1.7, 7499.99],
    ]
    assert _rounded(entropy_weights(X), 3) == [0.405, 0.221, 0.134, 0.199, 0.007, 0.034]


DIAKOULAKI = [
    [61, 1.08, 4.33],
    [20.7, 0.26, 4.34],
    [16.3, 1.98, 2.53],
    [9.0, 3.29, 1.65],
    [5.4, 2.77, 2.33],
    [4.0, 4.12, 1.21],
    [-6.1, 3.52, 2.10],
    [-34.6, 3.31, 0.98],
]


def test_critic_diakoulaki_1995_cor_22_763():
    """Diakoulaki, Mavrotas & Papayannakis (1995) Computers & OR 22(7):763-770, the paper's
    8 x 3 example (all criteria to maximise), weights as recorded in scikit-criteria's
    test_CRITIC_diakoulaki1995determining: 0.20222554, 0.48090173, 0.31687273."""
    r = critic_weights(DIAKOULAKI, [True, True, True])
    assert [r.weights[c] for c in r.criteria] == pytest.approx(
        [0.20222554, 0.48090173, 0.31687273], abs=1e-8
    )


def test_critic_tus_aytac_adali_2019_opsearch_56_528():
    """Tuş & Aytaç Adalı (2019) The new combination with CRITIC and WASPAS methods for the time
    and attendance software selection problem, Opsearch 56(2):528-538. Printed weights
    0.157, 0.249, 0.168, 0.121, 0.154, 0.151, reproduced when every column (price included) is
    min-max normalised as a benefit criterion, as pyrepo-mcda does; with price as a cost
    criterion (Diakoulaki's convention) the weights differ."""
    X = [
        [5000, 3, 3, 4, 3, 2],
        [680, 5, 3, 2, 2, 1],
        [2000, 3, 2, 3, 4, 3],
        [600, 4, 3, 1, 2, 2],
        [800, 2, 4, 3, 3, 4],
    ]
    r = critic_weights(X, [True] * 6)
    assert _rounded(r, 3) == [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]
    cost = critic_weights(X, [False] + [True] * 5)
    assert _rounded(cost, 3) != _rounded(r, 3)


def _skc_weights(weighter, X, benefit):
    dm = skc.mkdm(np.asarray(X, float), [max if b else min for b in benefit])
    with warnings.catch_warnings():
        # skcriteria's CRITIC warns on every MIN objective; our cost handling is the paper's
        warnings.simplefilter("ignore", UserWarning)
        return weighter.transform(dm).weights.to_numpy()


@pytest.mark.parametrize("seed", range(5))
def test_entropy_and_critic_agree_with_scikit_criteria_on_valid_data(seed):
    rng = np.random.default_rng(seed)
    X = rng.uniform(1, 100, size=(8, 5))
    benefit = np.array([True, False, True, False, True])
    ours_e = entropy_weights(X).vector
    assert np.allclose(ours_e, _skc_weights(EntropyWeighter(), X, benefit), atol=1e-12)
    ours_c = critic_weights(X, benefit).vector
    assert np.allclose(ours_c, _skc_weights(CRITIC(), X, benefit), atol=1e-12)


def test_differences_from_scikit_criteria_are_deliberate():
    # a constant criterion: skcriteria's CRITIC scaling divides 0 by 0 -> NaN weights;
    # here it gets weight 0 and the others are CRITIC on the remaining columns
    X = np.array([[1.0, 5, 3], [2, 5, 1], [4, 5, 2], [3, 5, 7]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy's 0/0 inside skcriteria
        sk = _skc_weights(CRITIC(), X, [True, True, True])
    assert np.isnan(sk).all()
    ours = critic_weights(X, [True, True, True], ["a", "b", "c"])
    assert ours.weights["b"] == 0.0 and ours.constant == ("b",)
    alone = critic_weights(X[:, [0, 2]], [True, True], ["a", "c"])
    assert ours.weights["a"] == pytest.approx(alone.weights["a"])
    # negative values: skcriteria's entropy gives NaN; here it is an error naming the criterion
    with pytest.raises(ValidationError) as exc:
        entropy_weights([[1, -2], [3, 4]], ["x", "y"], alternatives=["s1", "s2"])
    assert [(i.field, i.message) for i in exc.value.issues] == [
        ("y", "entropy needs values >= 0; s1 has -2")
    ]


def test_entropy_constant_column_gets_zero_and_all_constant_is_an_error():
    r = entropy_weights([[1, 5], [2, 5], [4, 5]], ["a", "b"])
    assert r.weights["b"] == pytest.approx(0.0) and r.constant == ("b",)
    with pytest.raises(ValidationError):
        entropy_weights([[5, 5], [5, 5]])
    with pytest.raises(ValidationError):
        critic_weights([[5, 5], [5, 5]], [True, True])


def test_objective_input_checks():
    with pytest.raises(ValidationError) as exc:
        entropy_weights([[1.0, np.nan], [2.0, 3.0]], ["a", "b"], alternatives=["s1", "s2"])
    assert exc.value.issues[0].message == "value for s1 is not a finite number (nan)"
    with pytest.raises(ValidationError) as exc:
        critic_weights([[1.0, 2.0]], [True, True])
    assert exc.value.issues[0].message == "needs at least 2 sites to measure spread, got 1"


def test_critic_details_and_json():
    r = critic_weights(DIAKOULAKI, [True, False, True], ["a", "b", "c"])
    d = r.to_json_dict()
    assert d["method"] == "critic" and set(d["details"]) == {
        "std",
        "information",
        "correlation",
        "benefit",
    }
    assert d["details"]["correlation"]["a"]["a"] == pytest.approx(1.0)
    assert d["details"]["benefit"] == {"a": True, "b": False, "c": True}
