"""AHP: published examples, Harker completion, hierarchies, RI tables, JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import sitecompare.weights as weights_pkg
from sitecompare.weights import ahp_from_file, ahp_weights
from sitecompare.weights.ahp import CR_THRESHOLD, nearest_saaty
from sitecompare.weights.ri import RI_TABLES, random_index

DATA = Path(__file__).parent / "data" / "weights"


def _close(ours: float, printed: float, decimals: int) -> bool:
    return abs(ours - printed) <= 0.5 * 10**-decimals + 1e-12


def test_saaty_1990_ejor_house_example_criteria_matrix():
    """Saaty (1990) EJOR 48:9-26, house example, level-1 matrix of the 8 criteria.

    Printed: priorities .173 .054 .188 .018 .031 .036 .167 .333, lambda_max 9.669,
    C.I. 0.238, C.R. 0.169 (Saaty's RI 1.41 for n = 8).
    """
    r = ahp_from_file(DATA / "saaty1990-house.yaml")
    printed = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
    for c, p in zip(r.criteria, printed, strict=True):
        assert _close(r.weights[c], p, 3), (c, r.weights[c], p)
    assert _close(r.lambda_max, 9.669, 3)
    assert _close(r.ci, 0.238, 3)
    assert _close(r.cr, 0.169, 3)
    assert r.ri == 1.41 and r.ri_table == "saaty"
    assert not r.consistent


def test_saaty_1990_house_worst_judgment_is_neighborhood_over_condition():
    """The house matrix's famous outlier: a_37 = 6 (neighborhood over general condition)."""
    r = ahp_from_file(DATA / "saaty1990-house.yaml")
    w = r.worst_judgments[0]
    assert (w.a, w.b, w.field, w.given) == ("neighborhood", "condition", "matrix[2][6]", 6.0)
    assert w.consistent_value == pytest.approx(r.weights["neighborhood"] / r.weights["condition"])
    assert w.error == pytest.approx(6.0 / w.consistent_value)
    assert w.suggested == 1.0
    assert w.cr_if_suggested < CR_THRESHOLD  # fixing that one judgment alone makes CR < 0.1
    assert len(r.worst_judgments) == 3


def test_saaty_2008_ijssci_drinks_consumption_example():
    """Saaty (2008) Int. J. Services Sciences 1(1):83-98, drinks example (judgments as in
    AHPy's tests/test_ahp.py): printed priorities to 3 decimals and C.R. = 0.022."""
    r = ahp_from_file(DATA / "saaty2008-drinks.yaml")
    printed = {
        "coffee": 0.177,
        "wine": 0.019,
        "tea": 0.042,
        "beer": 0.116,
        "soda": 0.190,
        "milk": 0.129,
        "water": 0.327,
    }
    for c, p in printed.items():
        assert _close(r.weights[c], p, 3), (c, r.weights[c], p)
    assert _close(r.cr, 0.022, 3)
    assert r.consistent and r.worst_judgments == ()
    # the same judgments entered as a full matrix give the same result
    order = r.criteria
    A = np.array(r.matrix)
    r2 = ahp_weights(A, order)
    assert r2.weights == pytest.approx(dict(r.weights))


def test_harker_completion_recovers_consistent_weights_and_lists_missing_pairs():
    r = ahp_from_file(DATA / "consistent-missing.yaml")
    expected = np.array([8, 4, 2, 1]) / 15
    assert np.allclose([r.weights[c] for c in "abcd"], expected, atol=1e-12)
    assert r.missing_pairs == (("a", "d"), ("b", "d"))
    assert r.completed_values[("a", "d")] == pytest.approx(8.0)
    assert r.completed_values[("b", "d")] == pytest.approx(4.0)
    assert r.cr == 0.0 and r.lambda_max == pytest.approx(4.0)
    d = r.to_json_dict()
    assert d["missing_pairs"] == [["a", "d"], ["b", "d"]]
    assert d["completion"] == "harker"


def test_harker_completion_matches_the_eigenvector_of_the_modified_matrix():
    """Harker (1987): missing a_ij -> 0, a_ii -> 1 + missing in row i; eigenvector = weights."""
    nan = np.nan
    A = [[1, 2, nan, 5], [0.5, 1, 3, nan], [nan, 1 / 3, 1, 2], [0.2, nan, 0.5, 1]]
    r = ahp_weights(A)
    C = np.array([[2, 2, 0, 5], [0.5, 2, 3, 0], [0, 1 / 3, 2, 2], [0.2, 0, 0.5, 2]])
    vals, vecs = np.linalg.eig(C)
    v = np.abs(vecs[:, np.argmax(vals.real)].real)
    assert np.allclose(list(r.weights.values()), v / v.sum())
    full = np.array(r.matrix)
    assert np.allclose(full * full.T, 1.0)  # completed matrix is reciprocal
    assert r.missing_pairs == (("c1", "c3"), ("c2", "c4"))


def test_hierarchy_global_weight_is_product_of_local_weights():
    r = ahp_from_file(DATA / "hierarchy.yaml")
    top = {"infrastructure": 4 / 7, "people": 2 / 7, "funding": 1 / 7}
    infra = {"transport": 1 / 8, "compute": 4 / 8, "power": 2 / 8, "land": 1 / 8}
    people = {"talent": 3 / 4, "cluster": 1 / 4}
    expected = {
        **{c: top["infrastructure"] * w for c, w in infra.items()},
        **{c: top["people"] * w for c, w in people.items()},
        "funding": top["funding"],
    }
    assert r.criteria == ("transport", "compute", "power", "land", "talent", "cluster", "funding")
    for c, w in expected.items():
        assert r.weights[c] == pytest.approx(w, abs=1e-12)
    assert sum(r.weights.values()) == pytest.approx(1.0)
    assert r.local_weights["top"] == pytest.approx(top)
    d = r.to_json_dict()
    assert d["structure"] == "hierarchy" and d["consistent"] is True
    assert d["global_weights"]["infrastructure"] == pytest.approx(4 / 7)
    assert set(d["groups"]) == {"top", "infrastructure", "people"}
    assert d["consistent"] == (d["cr"] <= 0.1)


def test_hierarchy_reports_its_least_consistent_group(tmp_path):
    f = tmp_path / "h.yaml"
    f.write_text(
        "groups:\n"
        "  top: {criteria: [g1, c], judgments: [[g1, c, 2]]}\n"
        "  g1: {criteria: [a, b, d], judgments: [[a, b, 9], [b, d, 9], [d, a, 9]]}\n"
    )
    r = ahp_from_file(f)
    assert r.consistency_group == "g1"
    assert r.cr == r.groups["g1"].cr > 0.1
    assert not r.consistent
    assert r.worst_judgments[0].group == "g1"
    assert r.worst_judgments[0].field.startswith("groups.g1.judgments[")
    assert r.to_json_dict()["n"] == 3


@pytest.mark.parametrize(
    "table, n, value",
    [
        ("saaty", 3, 0.58),
        ("saaty", 10, 1.49),
        ("saaty2005", 15, 1.59),
        ("donegan-dodd", 20, 1.5371),
        ("alonso-lamata", 9, 1.4499),
        ("alonso-lamata", 15, 1.5838),
    ],
)
def test_random_index_tables(table, n, value):
    assert random_index(n, table) == value


def test_random_index_interpolates_donegan_dodd_and_refuses_beyond_table():
    assert random_index(22, "donegan-dodd") == pytest.approx(1.5371 + (1.5619 - 1.5371) * 2 / 5)
    with pytest.raises(ValueError, match="covers n = 1..10, not n = 11"):
        random_index(11, "saaty")
    assert random_index(1) == random_index(2) == 0.0


def test_ri_table_is_named_and_selectable():
    r = ahp_from_file(DATA / "saaty1990-house.yaml", "alonso-lamata")
    assert r.ri_table == "alonso-lamata" and r.ri == 1.4056
    assert r.cr == pytest.approx(r.ci / 1.4056)
    assert set(RI_TABLES) == {"saaty", "saaty2005", "donegan-dodd", "alonso-lamata"}


def test_two_criteria_are_always_consistent():
    r = ahp_weights([[1, 3], ["1/3", 1]], ["a", "b"])
    assert r.weights == pytest.approx({"a": 0.75, "b": 0.25})
    assert (r.ci, r.cr, r.ri) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("x, s", [(1.2, 1.0), (1.6, 2.0), (0.3, 1 / 3), (12.0, 9.0), (0.05, 1 / 9)])
def test_nearest_saaty_scale_value(x, s):
    assert nearest_saaty(x) == pytest.approx(s)


def test_ahp_json_shape_is_the_contract():
    r = ahp_from_file(DATA / "saaty1990-house.yaml")
    d = json.loads(json.dumps(r.to_json_dict()))
    for key in (
        "weights",
        "lambda_max",
        "ci",
        "cr",
        "ri",
        "ri_table",
        "consistent",
        "worst_judgments",
        "missing_pairs",
        "n",
        "method",
    ):
        assert key in d
    assert d["ri_table"] == "saaty" and d["method"] == "eigenvector"
    assert d["consistent"] == (d["cr"] <= 0.1)
    assert abs(sum(d["weights"].values()) - 1) < 1e-12
    wj = d["worst_judgments"][0]
    assert set(wj) >= {
        "pair",
        "field",
        "given",
        "consistent_value",
        "error",
        "suggested",
        "suggested_text",
        "cr_if_suggested",
    }


def test_provenance_is_plain_data():
    r = ahp_from_file(DATA / "consistent-missing.yaml")
    p = r.to_provenance()
    assert p["method"] == "ahp" and p["cr"] == 0.0
    assert p["judgments"][0] == ["a", "b", "2"]
    assert p["missing_pairs"] == [["a", "d"], ["b", "d"]]


def test_public_api_is_pinned():
    assert weights_pkg.__all__ == [
        "AHPResult",
        "HierarchyResult",
        "GroupResult",
        "ElicitationResult",
        "ObjectiveResult",
        "RI_TABLES",
        "ahp_from_file",
        "ahp_weights",
        "read_judgment_file",
        "group_ahp",
        "roc_weights",
        "rank_sum_weights",
        "rank_reciprocal_weights",
        "swing_weights",
        "points_weights",
        "entropy_weights",
        "critic_weights",
        "write_scenario",
    ]
    for name in weights_pkg.__all__:
        assert hasattr(weights_pkg, name)
