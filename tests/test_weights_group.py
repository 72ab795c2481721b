"""Group AHP (Aczél & Saaty 1983 geometric mean of judgments) on a three-participant workshop."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from sitecompare.errors import ValidationError
from sitecompare.weights import ahp_from_file, group_ahp
from sitecompare.weights.ahp import principal_eigen

WS = Path(__file__).parent / "data" / "weights" / "workshop"
FILES = [WS / f"participant-{i}.yaml" for i in (1, 2, 3)]
SHIPPED = sorted(
    (Path(__file__).parents[1] / "sitecompare" / "data" / "workshop").glob("participant-*.yaml")
)


def test_group_matrix_is_the_geometric_mean_computed_by_hand():
    g = group_ahp(FILES)
    r = g.result
    idx = {c: i for i, c in enumerate(r.criteria)}
    A = np.array(r.matrix)

    def cell(a: str, b: str) -> float:
        return A[idx[a], idx[b]]

    # talent over transport: P1 2, P2 3, P3 1/2 (P3 wrote [transport, talent, 2])
    assert cell("talent", "transport") == pytest.approx((2 * 3 * 0.5) ** (1 / 3))
    # compute over power: P1 1, P2 2, P3 1/2 (P3 wrote [power, compute, 2])
    assert cell("compute", "power") == pytest.approx(1.0)
    # cluster over transport: P1 1, P2 2, P3 1/3
    assert cell("cluster", "transport") == pytest.approx((1 * 2 / 3) ** (1 / 3))
    # talent/funding: P3 skipped it, so only P1 (2) and P2 (5) count: sqrt(10)
    assert cell("talent", "funding") == pytest.approx(math.sqrt(10))
    # land/cluster: P1 1/2, P2 1/4 (P2 wrote [cluster, land, 4]); P3 skipped
    assert cell("land", "cluster") == pytest.approx(math.sqrt(0.5 * 0.25))
    assert np.allclose(A * A.T, 1.0)
    # group weights are the principal eigenvector of that matrix
    _, w = principal_eigen(A)
    assert np.allclose([r.weights[c] for c in r.criteria], w)
    assert r.missing_pairs == ()


def test_each_participant_has_their_own_cr_and_distance():
    g = group_ahp(FILES)
    assert [p.name for p in g.participants] == ["P1", "P2", "P3"]
    for p, f in zip(g.participants, FILES, strict=True):
        alone = ahp_from_file(f)
        assert p.result.cr == pytest.approx(alone.cr)
        assert dict(p.result.weights) == pytest.approx(dict(alone.weights))
        a = np.array([alone.weights[c] for c in g.result.criteria])
        b = np.array([g.result.weights[c] for c in g.result.criteria])
        assert p.euclidean == pytest.approx(np.linalg.norm(a - b))
        assert p.max_abs == pytest.approx(np.max(np.abs(a - b)))
        assert p.kendall_tau == pytest.approx(stats.kendalltau(a, b).statistic)
    assert g.participants[2].result.missing_pairs == (("talent", "funding"), ("land", "cluster"))


def test_group_json_shape():
    d = group_ahp(FILES).to_json_dict()
    for key in (
        "weights",
        "lambda_max",
        "ci",
        "cr",
        "ri",
        "ri_table",
        "consistent",
        "worst_judgments",
        "participants",
        "aggregation",
        "disagreements",
    ):
        assert key in d
    p = d["participants"][0]
    assert set(p) >= {"name", "file", "weights", "cr", "consistent", "distance"}
    assert set(p["distance"]) == {"euclidean", "max_abs", "kendall_tau"}
    assert d["consistent"] == (d["cr"] <= 0.1)


def test_disagreements_are_sorted_by_spread():
    g = group_ahp(FILES)
    spreads = [d.spread for d in g.disagreements]
    assert spreads == sorted(spreads, reverse=True)
    top = g.disagreements[0]
    values = dict(top.values)
    assert top.spread == pytest.approx(max(values.values()) / min(values.values()))


def test_pair_nobody_gave_is_completed(tmp_path):
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text("criteria: [x, y, z]\njudgments: [[x, y, 2], [y, z, 2]]\n")
    b.write_text("criteria: [z, y, x]\njudgments: [[y, x, '1/2'], [z, y, '1/2']]\n")
    g = group_ahp([a, b])
    assert g.result.missing_pairs == (("x", "z"),)
    assert g.result.weights == pytest.approx({"x": 4 / 7, "y": 2 / 7, "z": 1 / 7})
    assert g.participants[0].euclidean == pytest.approx(0.0, abs=1e-12)


def test_participants_must_share_criteria(tmp_path):
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text("criteria: [x, y]\njudgments: [[x, y, 2]]\n")
    b.write_text("criteria: [x, w]\njudgments: [[x, w, 2]]\n")
    with pytest.raises(ValidationError) as exc:
        group_ahp([a, b])
    [issue] = exc.value.issues
    assert issue.field == "criteria"
    assert issue.message.endswith("missing y; extra w")


def test_bad_participant_files_are_all_reported(tmp_path):
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text("criteria: [x, y]\njudgments: [[x, y, 0]]\n")
    b.write_text("criteria: [x, y]\njudgments: [[x, y, 99]]\n")
    with pytest.raises(ValidationError) as exc:
        group_ahp([a, b])
    assert [i.field for i in exc.value.issues] == ["judgments[0]", "judgments[0]"]


def test_group_of_hierarchies_aggregates_group_by_group(tmp_path):
    text = (
        "groups:\n  top: {criteria: [g, c], judgments: [[g, c, %s]]}\n"
        "  g: {criteria: [a, b], judgments: [[a, b, %s]]}\n"
    )
    p1, p2 = tmp_path / "p1.yaml", tmp_path / "p2.yaml"
    p1.write_text(text % (2, 4))
    p2.write_text(text % (8, 1))
    g = group_ahp([p1, p2])
    # top: gm(2, 8) = 4 -> g 0.8, c 0.2 ; g: gm(4, 1) = 2 -> a 2/3, b 1/3
    assert g.result.weights == pytest.approx({"a": 0.8 * 2 / 3, "b": 0.8 / 3, "c": 0.2})


def test_shipped_workshop_example_runs():
    assert len(SHIPPED) == 3
    g = group_ahp(SHIPPED)
    assert abs(sum(g.weights.values()) - 1) < 1e-12
    assert g.consistent
    # participant B is deliberately a little inconsistent, C skipped two pairs
    crs = {p.name: p.result.cr for p in g.participants}
    assert crs["B"] > 0.1 and crs["A"] < 0.1 and crs["C"] < 0.1
    prov = g.to_provenance()
    assert [p["file"] for p in prov["participants"]] == [f.name for f in SHIPPED]
