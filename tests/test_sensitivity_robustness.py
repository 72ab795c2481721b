"""Method agreement (sitecompare/sensitivity/robustness.py): Kendall/Spearman between methods,
Borda consensus, methods that cannot run on the data."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import make_study
from scipy import stats

from sitecompare import build_matrix, load_study
from sitecompare.model import MethodSpec
from sitecompare.ranking import evaluate_matrix
from sitecompare.sensitivity.robustness import ROBUSTNESS_SPECS, method_agreement


def _dominance_study(tmp_path):
    # a > b > c > d on every criterion (one cost criterion, lower is better): every method and
    # normalisation gives the same ranking a, b, c, d
    sites = {
        "a": {"x": 40.0, "y": 9.0, "z": 1.0},
        "b": {"x": 30.0, "y": 7.0, "z": 2.0},
        "c": {"x": 20.0, "y": 4.0, "z": 5.0},
        "d": {"x": 10.0, "y": 2.0, "z": 9.0},
    }
    crit = {
        "x": {"fact": "x", "unit": "", "direction": "max", "weight": 3},
        "y": {"fact": "y", "unit": "", "direction": "max", "weight": 2},
        "z": {"fact": "z", "unit": "", "direction": "min", "weight": 1},
    }
    return load_study(*make_study(tmp_path, sites, crit))


def test_identical_rankings_agree_perfectly(tmp_path):
    dm = build_matrix(_dominance_study(tmp_path))
    ag = method_agreement(dm)
    assert ag.skipped == ()
    assert len(ag.labels) == len(ROBUSTNESS_SPECS)
    k = len(ag.labels)
    np.testing.assert_array_equal(ag.kendall, np.ones((k, k)))
    np.testing.assert_allclose(ag.spearman, np.ones((k, k)))
    # every method ranks a, b, c, d; the Borda consensus is that common ranking
    for j in range(k):
        assert ag.ranks[:, j].tolist() == [1, 2, 3, 4], ag.labels[j]
    assert ag.consensus_rank.tolist() == [1, 2, 3, 4]
    np.testing.assert_allclose(ag.mean_rank, [1, 2, 3, 4])
    js = ag.to_json()
    assert [c["site"] for c in js["consensus"]] == ["a", "b", "c", "d"]
    assert js["skipped"] == []
    assert all(v == 1.0 for row in js["kendall_tau"].values() for v in row.values())


def test_kendall_and_spearman_match_scipy(small_study):
    dm = build_matrix(load_study(*small_study))
    ag = method_agreement(dm)
    k = len(ag.labels)
    for i in range(k):
        for j in range(i + 1, k):
            a, b = ag.ranks[:, i], ag.ranks[:, j]
            if np.ptp(a) == 0 or np.ptp(b) == 0:
                assert np.isnan(ag.kendall[i, j])
                continue
            assert ag.kendall[i, j] == pytest.approx(stats.kendalltau(a, b).statistic)
            assert ag.spearman[i, j] == pytest.approx(stats.spearmanr(a, b).statistic)
            assert ag.kendall[i, j] == ag.kendall[j, i]
    # consensus = ranks of the mean rank (ties share the better rank)
    mean = ag.ranks.mean(axis=1)
    np.testing.assert_allclose(ag.mean_rank, mean)
    expected = np.array([1 + (mean < x).sum() for x in mean])
    np.testing.assert_array_equal(ag.consensus_rank, expected)
    # the ranks are those of each method run on its own
    for j, spec in enumerate(s for s in ROBUSTNESS_SPECS if _runs(dm, s)):
        np.testing.assert_array_equal(ag.ranks[:, j], evaluate_matrix(dm, spec).ranks)


def _runs(dm, spec):
    try:
        evaluate_matrix(dm, spec)
    except Exception:  # noqa: BLE001 - the same methods the module skips
        return False
    return True


def test_methods_that_cannot_run_are_skipped(tmp_path):
    # a zero value: 'sum' normalisation needs values > 0, wpm needs values > 0
    sites = {
        "a": {"x": 0.0, "y": 9.0},
        "b": {"x": 30.0, "y": 7.0},
        "c": {"x": 20.0, "y": 4.0},
    }
    crit = {
        "x": {"fact": "x", "unit": "", "direction": "max", "weight": 1},
        "y": {"fact": "y", "unit": "", "direction": "max", "weight": 1},
    }
    dm = build_matrix(load_study(*make_study(tmp_path, sites, crit)))
    ag = method_agreement(dm)
    skipped = dict(ag.skipped)
    assert "wsm (sum)" in skipped and "wpm (none)" in skipped
    assert all(isinstance(r, str) and r for r in skipped.values())
    assert not set(skipped) & set(ag.labels)
    assert len(skipped) + len(ag.labels) == len(ROBUSTNESS_SPECS)
    assert ag.ranks.shape == (3, len(ag.labels))
    js = ag.to_json()
    assert {s["method"] for s in js["skipped"]} == set(skipped)


def test_custom_specs_with_a_single_method(small_study):
    dm = build_matrix(load_study(*small_study))
    ag = method_agreement(dm, (MethodSpec("wsm", {"normalization": "minmax"}),))
    assert ag.kendall.tolist() == [[1.0]]
    alone = evaluate_matrix(dm, MethodSpec("wsm", {"normalization": "minmax"})).ranks
    np.testing.assert_array_equal(ag.consensus_rank, alone)
