"""Numeric edges (issue 9, item 5): ties of scores that are all near zero, VIKOR's acceptable
stability judged by the ranking's tie rule, and the Simplified PROBID refusal's hint."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import make_study, run_cli

from sitecompare.methods.ranks import TIE_ATOL, TIE_RTOL, rank_rows, rank_scores
from sitecompare.sensitivity.evaluate import rank_positions, ranks_from_positions


def _study(root: Path, X: list[list[float]], directions: list[str], weights: list[float], method: dict):
    sites = {f"a{i + 1}": {f"c{j + 1}": x for j, x in enumerate(row)} for i, row in enumerate(X)}
    crit = {
        f"c{j + 1}": {"fact": f"c{j + 1}", "unit": "", "direction": d, "weight": w}
        for j, (d, w) in enumerate(zip(directions, weights, strict=True))
    }
    return make_study(root, sites, crit, method=method)


def _rank_json(root: Path) -> dict:
    res = run_cli("rank", "--format", "json", cwd=root)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


# ------------------------------------------------------------------------- near-zero ties
def test_wpm_products_that_all_equal_one_tie(tmp_path: Path) -> None:
    """2^(1/3) 3^(1/3) 6^(-1/3) = 1^(1/3) 5^(1/3) 5^(-1/3) = 1^(1/3) 7^(1/3) 7^(-1/3) = 1: the
    three log-scores are 0 up to rounding (-3.9e-18, -4.4e-17, -3.8e-17), which a purely
    relative tolerance (1e-9 x 4.4e-17) split into ranks 1, 3, 2."""
    _study(tmp_path, [[2, 3, 6], [1, 5, 5], [1, 7, 7]], ["max", "max", "min"], [1, 1, 1], {"name": "wpm"})
    doc = _rank_json(tmp_path)
    assert [(r["site"], r["rank"], r["score"]) for r in doc["ranking"]] == [
        ("a1", 1, 1.0),
        ("a2", 1, 1.0),
        ("a3", 1, 1.0),
    ]


def test_wsm_without_normalisation_ties_two_exact_zeros(tmp_path: Path) -> None:
    """(2 - 3 + 1)/3 = (1 - 3 + 2)/3 = 0, computed as -5.6e-17 and -1.1e-16: ranks 1 and 2
    before the absolute floor."""
    _study(
        tmp_path, [[2, 3, 1], [1, 3, 2]], ["max", "min", "max"], [1, 1, 1],
        {"name": "wsm", "normalization": "none"},
    )
    doc = _rank_json(tmp_path)
    assert [(r["site"], r["rank"]) for r in doc["ranking"]] == [("a1", 1), ("a2", 1)]
    assert all(abs(r["score"]) < 1e-15 for r in doc["ranking"])


def test_the_absolute_floor_is_documented_and_shared_by_every_tie_rule() -> None:
    """Scores within max(TIE_RTOL x scale, TIE_ATOL) tie; farther apart they do not; the batched
    rule of the sensitivity analysis gives the same ranks as the ranking's."""
    assert (TIE_RTOL, TIE_ATOL) == (1e-9, 1e-12)
    assert rank_scores(np.array([0.0, 0.9e-12, -0.9e-12])).tolist() == [1, 1, 1]
    assert rank_scores(np.array([0.0, 5e-12])).tolist() == [2, 1]
    assert rank_scores(np.array([1e6, 1e6 + 1e-4])).tolist() == [1, 1]  # relative part: 1e-3
    g = np.array([[-3.85e-18, -4.42e-17, -3.80e-17], [0.0, 5e-12, 2e-12], [0.0, 5e-12, 1.0]])
    order, pos = rank_positions(g)
    assert ranks_from_positions(order, pos).tolist() == rank_rows(g).tolist() == [[1, 1, 1], [3, 1, 2], [2, 2, 1]]
    doc = Path(__file__).parents[1] / "docs" / "reference.md"
    assert "max(1e-9 × the row's largest |score|, 1e-12)" in doc.read_text(encoding="utf-8")


# ------------------------------------------------------------------------- VIKOR C2
VIKOR_X = [
    [7.6477174, 4.3215239, 8.5753913],
    [6.1018091, 8.6326474, 8.7738158],
    [2.9112299, 8.4129063, 9.9143636],
    [7.0594805, 2.4842791, 8.9801755],
]
VIKOR_W = [0.43487222, 0.21231879, 0.35280899]


def test_vikor_acceptable_stability_uses_the_tie_rule(tmp_path: Path) -> None:
    """Opricovic & Tzeng (2004), EJOR 156:445-455, section 3.2, by hand. All criteria benefit,
    f* = column max = (7.6477174, 8.6326474, 9.9143636), f- = column min = (2.9112299,
    2.4842791, 8.5753913); w_j (f*_j - f_ij)/(f*_j - f-_j):

        A1: 0            0.1488741   0.3528090   S = 0.50168305  R = 0.35280899
        A2: 0.1419348    0            0.3005256   S = 0.44246048  R = 0.30052565
        A3: 0.4348722    0.0075882    0           S = 0.44246044  R = 0.43487222
        A4: 0.0540079    0.2123188    0.2461514   S = 0.51247816  R = 0.24615144

    S* = 0.44246044 (A3), S- = 0.51247816 (A4), R* = 0.24615144 (A4), R- = 0.43487222 (A3);
    Q = 0.5 (S - S*)/(S- - S*) + 0.5 (R - R*)/(R- - R*) = 0.7055, 0.1441, 0.5, 0.5.
    Ranking by Q: A2 first; A3 and A4 tie for second (Q = 0.5 exactly).
    C1: Q(a'') - Q(a') = 0.5 - 0.1441 = 0.356 >= DQ = 1/(4 - 1) = 0.333: holds.
    C2: A2 must also be best by S or by R. Its S is 4.4e-8 above A3's (1e-7 relative): not
    best by S under the ranking's tie rule (1e-9), though np.isclose's default 1e-5 called it
    equal; R's best is A4. C2 fails, so the compromise set is a' and a'': A2 with both sites
    that share second place, {A2, A3, A4}. (Before: stability true, set {A2}.)"""
    X, w = np.array(VIKOR_X), np.array(VIKOR_W)
    fstar, fminus = X.max(axis=0), X.min(axis=0)
    WD = w * (fstar - X) / (fstar - fminus)
    S, R = WD.sum(axis=1), WD.max(axis=1)
    Q = 0.5 * (S - S.min()) / (S.max() - S.min()) + 0.5 * (R - R.min()) / (R.max() - R.min())
    np.testing.assert_allclose(S, [0.50168305, 0.44246048, 0.44246044, 0.51247816], atol=5e-9)
    np.testing.assert_allclose(R, [0.35280899, 0.30052565, 0.43487222, 0.24615144], atol=5e-9)
    np.testing.assert_allclose(Q, [0.70549186, 0.14406025, 0.5, 0.5], atol=5e-9)
    assert np.argmin(S) == 2 and np.argmin(R) == 3 and np.argmin(Q) == 1
    assert 1e-8 < S[1] - S[2] < 1e-7 and np.isclose(S[1], S[2])  # the old test said "equal"
    assert Q[2] == Q[3] and Q[2] - Q[1] >= 1 / 3

    _study(tmp_path, VIKOR_X, ["max"] * 3, VIKOR_W, {"name": "vikor", "v": 0.5})
    doc = _rank_json(tmp_path)
    assert [(r["site"], r["rank"]) for r in doc["ranking"]] == [("a2", 1), ("a3", 2), ("a4", 2), ("a1", 4)]
    assert doc["method_info"]["compromise"] == {
        "set": ["a2", "a3", "a4"],
        "dq": pytest.approx(1 / 3),
        "acceptable_advantage": True,
        "acceptable_stability": False,
    }


# ------------------------------------------------------------------------- PROBID hint
def test_simplified_probid_names_the_site_best_on_every_criterion(tmp_path: Path) -> None:
    """a1 is best on all three criteria: its distance to the top-quartile ideal is 0 and its
    performance ratio divides by it. The hint used to say "worst on every criterion"."""
    _study(
        tmp_path, [[9, 9, 1], [5, 4, 6], [3, 5, 7], [4, 2, 8]], ["max", "max", "min"], [1, 1, 1],
        {"name": "skc-simplified-probid"},
    )
    res = run_cli("rank", cwd=tmp_path)
    assert res.returncode == 1
    assert res.stdout == ""
    assert res.stderr.splitlines() == [
        "criteria/default.yaml: method: Simplified PROBID (scikit-criteria) produced non-finite scores "
        "for a1 (a division by zero inside the method: a1 is best on every criterion)",
        "sitecompare: 1 problem found; nothing was written",
    ]
