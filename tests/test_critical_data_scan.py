"""The grid scan of critical data changes (sitecompare/sensitivity/critical_data.py) against a
plain loop.

The scan scores many variants at once, in batches, and stops scoring a site at the first grid
level where it reaches its best target. Whatever the batch size, each change must lie in the
bracket a plain loop finds: between the last grid value before the first one that reaches the
target and that grid value (a plain loop over the grid, ranking each variant with the method
itself), and just beyond it the site must reach its target.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from sitecompare.methods import Problem, get_method
from sitecompare.model import MethodSpec
from sitecompare.sensitivity import critical_data as cd
from sitecompare.sensitivity.evaluate import Evaluator

PARAMS = {"topsis": {}, "vikor": {"v": 0.5}, "wsm": {"normalization": "minmax"}}


def _study(seed: int) -> tuple[Problem, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(1.0, 10.0, size=(9, 4)).round(3)
    benefit = np.array([True, False, True, True])
    w = rng.dirichlet(np.ones(4))
    return Problem.from_arrays(X, benefit), w


def _changes(problem: Problem, w: np.ndarray, method: str) -> tuple[list[cd.DataChange], np.ndarray]:
    X = problem.X
    ranks = get_method(method).evaluate(problem, w, **PARAMS[method]).ranks
    ev = Evaluator(problem, MethodSpec(method, PARAMS[method]))
    out = cd.critical_data_changes(
        ev, w, X, ranks, problem.alternatives, problem.criteria,
        X.min(0), X.max(0), np.ones(X.shape), np.full(X.shape[1], np.nan),
    )
    return out, ranks


@pytest.mark.parametrize("method", sorted(PARAMS))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_batch_size_finds_the_bracket_a_plain_loop_finds(method, seed, monkeypatch):
    problem, w = _study(seed)
    m = get_method(method)
    X = problem.X
    crit = {c: j for j, c in enumerate(problem.criteria)}
    site = {s: i for i, s in enumerate(problem.alternatives)}

    def rank(i: int, j: int, x: float) -> int:
        Xs = X.copy()
        Xs[i, j] = x
        return int(m.evaluate(replace(problem, X=Xs), w, **PARAMS[method]).ranks[i])

    results = []
    for step in (1, 64 * X.shape[0], 10**9):  # a level at a time, a few levels, all at once
        monkeypatch.setattr(cd, "STEP_ELEMS", step)
        out, ranks = _changes(problem, w, method)
        results.append([(d.site, d.criterion, d.target, d.required_value) for d in out])
    assert results[0] == results[1] == results[2]
    out, ranks = _changes(problem, w, method)
    assert out, "no site below first place"
    cand = cd._Candidates.build(X, ranks, problem.benefit, X.min(0), X.max(0), np.full(4, np.nan))
    checked = 0
    for r, d in enumerate(out):
        i, j = site[d.site], crit[d.criterion]
        x0, limit = cand.x0[r], cand.limit[r]
        grid = x0 + cd.SEARCH_SHARES * (limit - x0)
        first = next((k for k, x in enumerate(grid) if rank(i, j, x) <= d.target_rank), None)
        if first is None:
            assert d.required_value is None, d
            continue
        before = grid[first - 1] if first else x0
        assert d.required_value is not None, d
        assert min(before, grid[first]) <= d.required_value <= max(before, grid[first]), d
        # the value ties the site with the one it must pass (the scan counts a tie within the
        # ranking's tolerance as reached); a hair beyond it, the method ranks it there
        assert rank(i, j, d.required_value + 1e-9 * (limit - x0)) <= d.target_rank, d
        checked += 1
    assert checked > 0
