"""The score curves along the one-at-a-time sweeps (``sitecompare.sensitivity.sweeps``) and the
one 0-100 score view (``sitecompare.score_view``) that both the Ranking sheet and the Weight
sweeps charts show: computed in the core, laid out by the report."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import numpy as np
import pytest

import sitecompare as sc
from sitecompare.model import MethodSpec
from sitecompare.ranking import rank
from sitecompare.score_view import hundred_scale, score_view
from sitecompare.sensitivity import run_sensitivity
from sitecompare.sensitivity.sweeps import SWEEP_POINTS, sweep_curves


@pytest.fixture(scope="module")
def study() -> sc.Study:
    return sc.load_study(as_of=dt.date(2026, 1, 1))


@pytest.mark.parametrize(
    ("params", "on_0_100"),
    [({"name": "wsm"}, True), ({"name": "topsis"}, True), ({"name": "wsm", "normalization": "none"}, False)],
)
def test_sweep_curves_are_the_oat_sweep_on_a_finer_grid(
    study: sc.Study, params: dict[str, str], on_0_100: bool
) -> None:
    """At the OAT analysis's own grid points the curves are its curves, on the 0-100 view
    where the method has one (wsm: 100 x the score), else on the method's own scale."""
    name = params["name"]
    spec = MethodSpec(name, {k: v for k, v in params.items() if k != "name"})
    res = run_sensitivity(study, samples=50, seed=1, method=spec)
    curves = sweep_curves(res)
    assert [c.criterion for c in curves] == list(res.oat)
    for curve, o in zip(curves, res.oat.values(), strict=True):
        assert curve.on_0_100 is on_0_100
        assert curve.values.shape == (SWEEP_POINTS, len(res.matrix.site_ids))
        assert curve.weights[0] == 0.0 and curve.weights[-1] == 1.0
        step = (SWEEP_POINTS - 1) // (len(o.grid) - 1)
        scale = 100.0 if on_0_100 else 1.0
        np.testing.assert_allclose(curve.values[::step], scale * o.curves, rtol=1e-9, atol=1e-9)


def test_the_0_100_view_of_a_ranking_and_of_a_sweep_is_one_definition(study: sc.Study) -> None:
    """score_view (the Ranking sheet) is hundred_scale of the ranking's scores for every
    built-in method with a 0-100 scale, and the best site is 100 or less."""
    for name in ("wsm", "topsis", "vikor", "promethee2"):  # the shipped sites have zeros: no wpm
        ranking = rank(study, MethodSpec(name, {}), intervals=False)
        view, kind = score_view(ranking)
        scaled = hundred_scale(ranking.method, np.asarray(ranking.output.scores))
        assert scaled is not None and kind == scaled[1] == name
        np.testing.assert_array_equal(view, scaled[0])
        assert float(view.max()) <= 100.0 + 1e-9


def test_wpm_on_0_100_is_each_rows_score_over_its_best() -> None:
    """WPM's product is a ratio scale: 100 x score / best, row by row along a sweep."""
    wpm = MethodSpec("wpm", {})
    rows = np.array([[0.5, 1.0, 0.25], [2.0, 1.0, 4.0]])
    scaled = hundred_scale(wpm, rows)
    assert scaled is not None and scaled[1] == "wpm"
    np.testing.assert_allclose(scaled[0], [[50.0, 100.0, 25.0], [50.0, 25.0, 100.0]])
    assert hundred_scale(wpm, np.array([0.0, 1.0])) is None  # a zero score: no ratio scale


def test_a_method_without_a_0_100_scale_is_rescaled_best_100_worst_0(study: sc.Study) -> None:
    ranking = rank(study, MethodSpec("wsm", {"normalization": "none"}), intervals=False)
    assert hundred_scale(ranking.method, np.asarray(ranking.output.scores)) is None
    view, kind = score_view(ranking)
    assert kind == "rescaled"
    assert float(view.max()) == 100.0 and float(view.min()) == 0.0


def test_the_plain_tables_do_not_import_the_sensitivity_analysis() -> None:
    """A workbook without --sensitivity never loads sitecompare.sensitivity."""
    code = (
        "import sys, sitecompare.report.plain_tables, sitecompare.report.xlsx\n"
        "print([m for m in sys.modules if m.startswith('sitecompare.sensitivity')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
