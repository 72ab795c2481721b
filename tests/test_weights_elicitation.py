"""ROC, rank-sum, rank-reciprocal, swing and direct points."""

from __future__ import annotations

from fractions import Fraction

import pytest

from sitecompare.errors import ValidationError
from sitecompare.weights import (
    points_weights,
    rank_reciprocal_weights,
    rank_sum_weights,
    roc_weights,
    swing_weights,
)


def test_roc_barron_barrett_1996_n4():
    """Barron & Barrett (1996): ROC weights for n = 4 are 25/48, 13/48, 7/48, 3/48."""
    r = roc_weights(["a", "b", "c", "d"])
    expected = [Fraction(25, 48), Fraction(13, 48), Fraction(7, 48), Fraction(3, 48)]
    assert [r.weights[c] for c in "abcd"] == pytest.approx([float(f) for f in expected], abs=1e-15)
    assert r.method == "roc" and r.order == (("a",), ("b",), ("c",), ("d",))


def test_rank_sum_and_reciprocal_n4():
    rs = rank_sum_weights(["a", "b", "c", "d"])
    assert [rs.weights[c] for c in "abcd"] == pytest.approx([0.4, 0.3, 0.2, 0.1])
    rr = rank_reciprocal_weights(["a", "b", "c", "d"])
    h = 1 + 1 / 2 + 1 / 3 + 1 / 4
    assert [rr.weights[c] for c in "abcd"] == pytest.approx(
        [1 / h, 1 / 2 / h, 1 / 3 / h, 1 / 4 / h]
    )


def test_ties_share_the_mean_of_their_ranks():
    r = roc_weights(["a", ["b", "c"], "d"])
    assert r.weights["b"] == r.weights["c"] == pytest.approx((13 + 7) / 48 / 2)
    assert r.weights["a"] == pytest.approx(25 / 48)
    assert sum(r.weights.values()) == pytest.approx(1.0)
    assert r.to_provenance() == {"method": "roc", "order": ["a", ["b", "c"], "d"]}


def test_order_errors():
    with pytest.raises(ValidationError) as exc:
        roc_weights(["a", "b", "a", 3])
    assert [(i.field, i.message) for i in exc.value.issues] == [
        ("order[2]", "'a' appears more than once in the order"),
        ("order[3]", "expected a criterion id or a list of tied ids, got 3"),
    ]


def test_swing_weights():
    r = swing_weights({"compute": 100, "talent": 80, "land": 20})
    assert r.weights == pytest.approx({"compute": 0.5, "talent": 0.4, "land": 0.1})
    assert r.to_json_dict()["points"] == {"compute": 100.0, "talent": 80.0, "land": 20.0}


def test_swing_needs_a_top_swing_of_100_and_points_in_range():
    with pytest.raises(ValidationError) as exc:
        swing_weights({"compute": 90, "talent": 80})
    assert [(i.field, i.message) for i in exc.value.issues] == [
        (
            "compute",
            "the most important swing must score 100 (highest here is 90); "
            "score the others relative to it",
        )
    ]
    with pytest.raises(ValidationError) as exc:
        swing_weights({"compute": 100, "talent": 120, "land": -5, "power": "x"})
    assert [(i.field, i.message) for i in exc.value.issues] == [
        (
            "talent",
            "swing points must be at most 100 (the most important swing scores 100), got 120",
        ),
        ("land", "points must be at least 0, got -5"),
        ("power", "expected a number of points, got 'x'"),
    ]


def test_direct_points():
    r = points_weights({"a": 50, "b": 30, "c": 20, "d": 0})
    assert r.weights == pytest.approx({"a": 0.5, "b": 0.3, "c": 0.2, "d": 0.0})
    with pytest.raises(ValidationError) as exc:
        points_weights({"a": 0, "b": 0})
    assert exc.value.issues[0].message == "all points are zero; at least one criterion needs points"
