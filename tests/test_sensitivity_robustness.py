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
from sitecompare.sensitivity.robustness import (
    ROBUSTNESS_SPECS,
    BadValue,
    diagnose_skip,
    method_agreement,
    skip_text,
)


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


def test_skip_reasons_name_the_values_and_whether_another_normalisation_runs(tmp_path):
    # a zero on a benefit criterion: wpm fails under every normalisation (x/max, x/sum and
    # x/||x|| are 0 too), so no reason may suggest another one; wsm and topsis fail only with
    # 'sum' normalisation. (The review of 0.1 found "use normalization: none, max or sum" on
    # wpm (max) while none, max and sum were all skipped too.)
    def km(v: float) -> dict:
        return {"value": v, "unit": "km", "source": "src"}

    sites = {
        "a": {"x": km(0.0), "y": 9.0},
        "b": {"x": km(30.0), "y": 7.0},
        "c": {"x": km(20.0), "y": 4.0},
    }
    crit = {
        "x": {"fact": "x", "unit": "km", "direction": "max", "weight": 1},
        "y": {"fact": "y", "unit": "", "direction": "max", "weight": 1},
    }
    ag = method_agreement(build_matrix(load_study(*make_study(tmp_path, sites, crit))))
    every = "wpm needs values > 0 under every normalisation; criterion 'x' has 0 km for a"
    assert dict(ag.skipped) == {
        "wsm (sum)": "wsm with 'sum' normalisation needs values > 0; criterion 'x' has 0 km for a",
        "wpm (none)": every,
        "wpm (max)": every,
        "wpm (sum)": every,
        "wpm (vector)": every,
        "topsis (sum)": "topsis with 'sum' normalisation needs values > 0; criterion 'x' has 0 km for a",
    }
    assert all("use normalization" not in why for _, why in ag.skipped)
    wpm = [sk for sk in ag.skips if sk.method == "wpm"]
    assert all(sk.every_normalization for sk in wpm)
    assert {sk.values for sk in ag.skips} == {(BadValue("a", "x", 0.0, "km", None),)}
    # each method left out is listed once
    grouped = ag.skipped_by_method()
    assert [label for label, _ in grouped] == ["wsm (sum)", "wpm (none, max, sum, vector)", "topsis (sum)"]
    assert [sk.reason for _, sk in grouped] == [ag.skipped[0][1], every, ag.skipped[-1][1]]


def test_skip_reason_of_an_imputed_value_names_the_policy(tmp_path):
    # site a has no x: the 'worst' policy fills in the worst end of the fixed scale, 0 (the
    # shipped study's Haenam site area)
    def m2(v: float) -> dict:
        return {"value": v, "unit": "m^2", "source": "src"}

    sites = {"a": {"y": 9.0}, "b": {"x": m2(30.0), "y": 7.0}, "c": {"x": m2(20.0), "y": 4.0}}
    crit = {
        "x": {
            "fact": "x",
            "unit": "m^2",
            "direction": "max",
            "weight": 1,
            "missing": "worst",
            "scale": {"worst": 0, "best": 100},
        },
        "y": {"fact": "y", "unit": "", "direction": "max", "weight": 1},
    }
    dm = build_matrix(load_study(*make_study(tmp_path, sites, crit)))
    ag = method_agreement(dm)
    (wpm,) = [sk for label, sk in ag.skipped_by_method() if sk.method == "wpm"]
    assert wpm.values == (BadValue("a", "x", 0.0, "m^2", "worst"),)
    assert wpm.reason == (
        "wpm needs values > 0 under every normalisation; criterion 'x' has 0 m^2 for a, a missing "
        "value filled in by the 'worst' policy"
    )
    # the workbook passes its own names, units and translation
    shown = skip_text(wpm, site=str.upper, crit=lambda c: f"<{c}>", value=lambda x, u: f"{x:g}{u}")
    assert shown.startswith("wpm needs values > 0 under every normalisation; criterion '<x>' has 0m^2 for A")


def test_a_normalisation_that_still_runs_is_not_called_every(tmp_path):
    # a negative value on a cost criterion: wpm without normalisation, with max (min/x < 0) and
    # with sum fail, but vector normalisation (1 - x/||x|| > 0) runs
    sites = {"a": {"x": 40.0, "z": -1.0}, "b": {"x": 30.0, "z": 2.0}, "c": {"x": 20.0, "z": 3.0}}
    crit = {
        "x": {"fact": "x", "unit": "", "direction": "max", "weight": 1},
        "z": {"fact": "z", "unit": "", "direction": "min", "weight": 1},
    }
    dm = build_matrix(load_study(*make_study(tmp_path, sites, crit)))
    assert evaluate_matrix(dm, MethodSpec("wpm", {"normalization": "vector"})).ranks.tolist()
    spec = MethodSpec("wpm", {"normalization": "none"})
    try:
        evaluate_matrix(dm, spec)
    except Exception as exc:  # noqa: BLE001 - the error the module diagnoses
        sk = diagnose_skip(dm, spec, exc)
    else:
        raise AssertionError("wpm (none) ran on a negative value")
    assert not sk.every_normalization
    assert sk.reason == "wpm with 'none' normalisation needs values > 0; criterion 'z' has -1 for a"
    ag = method_agreement(dm)
    assert "wpm (vector)" in ag.labels
    assert [label for label, _ in ag.skipped_by_method() if label.startswith("wpm")] == [
        "wpm (none)",
        "wpm (max)",
        "wpm (sum)",
    ]


def test_custom_specs_with_a_single_method(small_study):
    dm = build_matrix(load_study(*small_study))
    ag = method_agreement(dm, (MethodSpec("wsm", {"normalization": "minmax"}),))
    assert ag.kendall.tolist() == [[1.0]]
    alone = evaluate_matrix(dm, MethodSpec("wsm", {"normalization": "minmax"})).ranks
    np.testing.assert_array_equal(ag.consensus_rank, alone)
