"""Defensible comparisons (spec section 7): like with like (scope), built against planned
(horizon), honest gaps (missing: interval, rank intervals), the coverage gate and the headline.

Small constructed studies; rank intervals are checked against brute force over the corners of
the box of uncertain values (wsm exactly; topsis, vikor and promethee2 within sampling)."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import make_study, run_cli

import sitecompare as sc
from sitecompare.methods import get_method
from sitecompare.methods.ranks import rank_rows
from sitecompare.model import MethodSpec


def _fact(value: float | tuple[float, float], unit: str, **kw: object) -> dict:
    if isinstance(value, tuple):
        return {"low": value[0], "high": value[1], "unit": unit, **kw}
    return {"value": value, "unit": unit, **kw}


# --------------------------------------------------------------------------- honest gaps
def test_a_site_with_data_is_never_tied_with_sites_that_have_none(tmp_path: Path) -> None:
    """missing: interval gives an unknown value no credit in the point ranking (the worst end of
    the plausible range), never a rival's value: the one site with a figure, even the lowest
    possible one above zero, ranks ahead of the sites without one and they tie among themselves.
    `worst` borrows that site's value and ties it with them; the note says whose value it is."""
    sites = {"a": {"x": "10 MW"}, "b": {"y": "1 km"}, "c": {"y": "2 km"}}
    crit = {"power": {"fact": "x", "unit": "MW", "direction": "max", "weight": 1}}
    y = {"fact": "y", "unit": "km", "direction": "min", "weight": 0}

    sdir, cpath = make_study(
        tmp_path / "interval",
        sites,
        {"power": crit["power"] | {"missing": "interval", "plausible": {"min": 0, "max": 500}, "min_coverage": 0}, "y": y | {"missing": "interval", "plausible": {"min": 0, "max": 10}}},
    )
    r = sc.rank(sc.load_study(sdir, cpath))
    ranks = dict(zip(r.site_ids, r.output.ranks.tolist(), strict=True))
    assert ranks == {"a": 1, "b": 2, "c": 2}
    cell = r.matrix.cell("b", "power")
    assert (cell.value, cell.low, cell.high, cell.imputed) == (0.0, 0.0, 500.0, "interval")
    # the unknowns may lie anywhere up to 500 MW: b and c could rank first, a could fall to 3
    assert [list(r.intervals.of(r.site_ids.index(s))) for s in "abc"] == [[1, 3], [1, 3], [1, 3]]

    sdir, cpath = make_study(
        tmp_path / "worst",
        sites,
        {"power": crit["power"] | {"missing": "worst", "min_coverage": 0}, "y": y | {"missing": "worst"}},
    )
    r = sc.rank(sc.load_study(sdir, cpath))
    assert r.output.ranks.tolist() == [1, 1, 1]  # a ties with the sites that published nothing
    assert "missing: worst uses 10 MW, the value of a (pessimistic)" in " ".join(r.matrix.warnings)


@pytest.mark.parametrize("direction", ["max", "min"])
def test_the_point_value_of_an_unknown_is_the_worst_end_of_the_plausible_range(
    tmp_path: Path, direction: str
) -> None:
    sdir, cpath = make_study(
        tmp_path,
        {"a": {"x": "4 km"}, "b": {"x": "6 km"}, "c": {"z": "1 km"}},
        {
            "x": {
                "fact": "x",
                "unit": "km",
                "direction": direction,
                "weight": 1,
                "missing": "interval",
                "plausible": {"min": 1, "max": 9},
            },
            "z": {"fact": "z", "unit": "km", "direction": "max", "weight": 0, "missing": "interval", "plausible": {"min": 0, "max": 1}, "min_coverage": 0},
        },
    )
    dm = sc.build_matrix(sc.load_study(sdir, cpath))
    cell = dm.cell("c", "x")
    assert cell.value == (1.0 if direction == "max" else 9.0)
    assert (cell.low, cell.high) == (1.0, 9.0)
    # scored on the plausible range: min-max anchors are 1 and 9 whatever the sites hold
    p = dm.problem()
    j = dm.criterion_ids.index("x")
    assert (p.worst[j], p.best[j]) == ((1.0, 9.0) if direction == "max" else (9.0, 1.0))


def test_missing_interval_needs_a_plausible_range(tmp_path: Path) -> None:
    sdir, cpath = make_study(
        tmp_path,
        {"a": {"x": "1 km"}, "b": {"x": "2 km"}},
        {"x": {"fact": "x", "unit": "km", "direction": "min", "weight": 1, "missing": "interval"}},
    )
    res = run_cli("rank", "--sites", str(sdir), "--criteria", str(cpath), cwd=tmp_path)
    assert res.returncode == 1
    assert res.stderr.splitlines() == [
        "criteria/default.yaml: criteria.x.plausible: missing: interval needs the range an unknown "
        "value may lie in (e.g. plausible: {min: 0, max: 100})",
        "sitecompare: 1 problem found; nothing was written",
    ]


# ------------------------------------------------------------- rank intervals, brute force
def _random_study(rng: np.random.Generator, root: Path, n: int, m: int, norm_fixed: bool) -> sc.Study:
    """n sites, m criteria; some facts ranged, some unknown (missing: interval); criteria with
    scale anchors (``norm_fixed``) or not."""
    crits = {}
    sites: dict[str, dict] = {f"s{i}": {} for i in range(n)}
    for j in range(m):
        direction = "max" if j % 2 == 0 else "min"
        crit = {
            "fact": f"f{j}",
            "unit": "MW",
            "direction": direction,
            "weight": float(rng.integers(1, 10)),
            "missing": "interval",
            "plausible": {"min": 0, "max": 100},
            "min_coverage": 0,
        }
        if norm_fixed and j % 3 == 1:
            crit["scale"] = {"worst": 0, "best": 100} if direction == "max" else {"worst": 100, "best": 0}
        crits[f"c{j}"] = crit
        for i in range(n):
            u = rng.random()
            if u < 0.2 and i > 0:
                continue  # unknown
            v = float(rng.integers(5, 95))
            if u < 0.45:
                lo = max(1.0, v - float(rng.integers(1, 20)))
                sites[f"s{i}"][f"f{j}"] = {"low": lo, "high": v, "unit": "MW"}
            else:
                sites[f"s{i}"][f"f{j}"] = f"{v} MW"
    sdir, cpath = make_study(root, sites, crits)
    return sc.load_study(sdir, cpath)


def _corner_ranks(dm: sc.DecisionMatrix, spec: MethodSpec) -> np.ndarray:
    """Ranks of every site at every corner of the box of uncertain values (K, n)."""
    info = get_method(spec.name)
    cells = list(zip(*np.nonzero(dm.uncertain), strict=True))
    rows = []
    for ends in itertools.product((0, 1), repeat=len(cells)):
        X = dm.X.copy()
        for (i, j), e in zip(cells, ends, strict=True):
            X[i, j] = dm.high[i, j] if e else dm.low[i, j]
        out = info.evaluate(dm.problem(X), dm.weights, **dict(spec.params))
        key = out.details["log_score"] if spec.name == "wpm" else out.scores
        rows.append(rank_rows(np.asarray(key)[None], out.higher_is_better, info.tie_scale)[0])
    return np.array(rows)


@pytest.mark.parametrize("seed", range(12))
def test_wsm_rank_intervals_equal_brute_force_over_the_corners(tmp_path: Path, seed: int) -> None:
    """wsm with fixed normalisation: the closed form equals the best and worst rank over every
    corner of the box (ranges and unknowns together)."""
    rng = np.random.default_rng(seed)
    study = _random_study(rng, tmp_path, n=5, m=3, norm_fixed=True)
    study = replace(study, method=MethodSpec("wsm", {"normalization": "none" if seed % 2 else "minmax"}))
    if seed % 2 == 0:  # min-max: anchor every criterion so that the normalisation is fixed
        cs = study.criteria_set
        anchored = tuple(
            replace(c, scale_worst=0.0 if c.direction == "max" else 100.0, scale_best=100.0 if c.direction == "max" else 0.0)
            for c in cs.criteria
        )
        study = replace(study, criteria_set=replace(cs, criteria=anchored))
    r = sc.rank(study)
    dm = r.matrix
    assert 0 < int(dm.uncertain.sum()) <= 12
    assert r.intervals.exact
    corners = _corner_ranks(dm, r.method)
    assert r.intervals.best.tolist() == corners.min(axis=0).tolist()
    assert r.intervals.worst.tolist() == corners.max(axis=0).tolist()


def test_wpm_rank_intervals_are_exact_too(tmp_path: Path) -> None:
    rng = np.random.default_rng(99)
    study = _random_study(rng, tmp_path, n=5, m=3, norm_fixed=False)
    cs = study.criteria_set
    positive = tuple(replace(c, plausible_min=1.0) for c in cs.criteria)  # wpm needs x > 0
    study = replace(study, criteria_set=replace(cs, criteria=positive), method=MethodSpec("wpm", {"normalization": "none"}))
    r = sc.rank(study)
    assert r.intervals.exact
    corners = _corner_ranks(r.matrix, r.method)
    assert r.intervals.best.tolist() == corners.min(axis=0).tolist()
    assert r.intervals.worst.tolist() == corners.max(axis=0).tolist()


def test_a_min_max_column_whose_extreme_is_uncertain_is_sampled_and_flagged(tmp_path: Path) -> None:
    sdir, cpath = make_study(
        tmp_path,
        {"a": {"x": {"low": 1, "high": 9, "unit": "MW"}}, "b": {"x": "5 MW"}, "c": {"x": "6 MW"}},
        {"x": {"fact": "x", "unit": "MW", "direction": "max", "weight": 1}},
    )
    r = sc.rank(sc.load_study(sdir, cpath))
    assert not r.intervals.exact and r.intervals.seed == 0
    # a moves across both fixed sites (and the column's min-max with it); b is always behind c
    assert [r.intervals.of(i) for i in range(3)] == [(1, 3), (2, 3), (1, 2)]
    js = r.to_json()
    assert js["rank_interval_exact"] is False
    assert js["rank_intervals"]["seed"] == 0 and js["rank_intervals"]["configurations"] > 0
    assert all(e["rank_interval_exact"] is False for e in js["ranking"])


@pytest.mark.parametrize("method", ["topsis", "vikor", "promethee2"])
@pytest.mark.parametrize("seed", range(4))
def test_other_methods_rank_intervals_agree_with_brute_force_within_sampling(
    tmp_path: Path, method: str, seed: int
) -> None:
    """Sampled bounds (seeded, flagged): with few uncertain cells every corner is ranked, so the
    sampled interval holds the corners' interval; and every bound it reports is one a dense
    independent search also reaches (corners plus 4,000 uniform draws of another seed)."""
    rng = np.random.default_rng(100 + seed)
    study = _random_study(rng, tmp_path, n=4, m=3, norm_fixed=False)
    r = sc.rank(study, MethodSpec(method, {}))
    dm = r.matrix
    k = int(dm.uncertain.sum())
    assert 0 < k <= 7, k
    assert not r.intervals.exact
    corners = _corner_ranks(dm, r.method)
    assert (r.intervals.best <= corners.min(axis=0)).all()
    assert (r.intervals.worst >= corners.max(axis=0)).all()
    # dense independent search
    info = get_method(method)
    draws = np.random.default_rng(7).random((4000, *dm.X.shape))
    Xs = np.where(dm.uncertain, dm.low + draws * (dm.high - dm.low), dm.X)
    dense = [corners]
    for X in Xs:
        out = info.evaluate(dm.problem(X), dm.weights)
        dense.append(rank_rows(out.scores[None], out.higher_is_better, info.tie_scale))
    d = np.concatenate(dense)
    assert (r.intervals.best >= d.min(axis=0)).all()
    assert (r.intervals.worst <= d.max(axis=0)).all()


# ------------------------------------------------------------------ coverage and scope
SCOPED_SITES = {
    "a": {"grads": _fact(900, "person/year", scope="regional-graduates"), "km": "10 km", "mw": "50 MW"},
    "b": {"grads": _fact(360, "person/year", scope="ai-programme"), "km": "20 km", "mw": "40 MW"},
    "c": {"grads": _fact(700, "person/year"), "km": "30 km"},
    "d": {"grads": _fact(500, "person/year", scope="regional-graduate"), "km": "15 km"},
    "e": {"grads": _fact(800, "person/year", scope="regional-graduates"), "km": "25 km"},
}


def _scoped(tmp_path: Path, **over: object) -> tuple[Path, Path]:
    crit = {
        "talent": {
            "fact": "grads",
            "unit": "person/year",
            "direction": "max",
            "weight": 30,
            "scopes": ["regional-graduates"],
            "missing": "interval",
            "plausible": {"min": 0, "max": 1000},
        },
        "rail": {"fact": "km", "unit": "km", "direction": "min", "weight": 50, "missing": "interval", "plausible": {"min": 0, "max": 50}},
        "power": {"fact": "mw", "unit": "MW", "direction": "max", "weight": 20, "missing": "interval", "plausible": {"min": 0, "max": 100}},
    }
    for k, v in over.items():
        crit[k] = crit[k] | v  # type: ignore[operator]
    return make_study(tmp_path, SCOPED_SITES, crit)


def test_scope_rules_drop_exactly_the_facts_of_another_scope(tmp_path: Path) -> None:
    sdir, cpath = _scoped(tmp_path, talent={"min_coverage": 0})
    dm = sc.build_matrix(sc.load_study(sdir, cpath))
    assert {(x.site, x.criterion) for x in dm.not_comparable} == {("b", "talent"), ("c", "talent"), ("d", "talent")}
    reasons = {x.site: x.reason for x in dm.not_comparable}
    assert reasons["b"] == "scope 'ai-programme' is not one criterion talent compares (regional-graduates)"
    assert reasons["c"] == "no scope recorded; criterion talent compares only regional-graduates"
    assert reasons["d"] == (
        "scope 'regional-graduate' (did you mean 'regional-graduates'?) is not one criterion talent "
        "compares (regional-graduates)"
    )
    # the facts of the accepted scope are used; the others are unknown within plausible
    assert dm.cell("a", "talent").value == 900 and not dm.cell("a", "talent").missing
    assert dm.cell("b", "talent").missing and dm.cell("b", "talent").unknown
    # a criterion without scopes accepts every fact, with or without a scope
    assert not any(x.criterion == "rail" for x in dm.not_comparable)


def test_the_coverage_gate_drops_exactly_the_criteria_below_it(tmp_path: Path) -> None:
    """talent: 2 of 5 sites comparable (40% < 50%) sits out; power: 2 of 5 too; rail: 5 of 5.
    Their weights go to rail in proportion (here all of it)."""
    sdir, cpath = _scoped(tmp_path)
    dm = sc.build_matrix(sc.load_study(sdir, cpath))
    assert dm.criterion_ids == ("rail",)
    assert [(x.criterion, x.usable, x.sites, x.coverage, x.weight) for x in dm.excluded_criteria] == [
        ("talent", 2, 5, 0.4, 0.3),
        ("power", 2, 5, 0.4, 0.2),
    ]
    assert dm.weights.tolist() == [1.0]
    # a criterion's own min_coverage: 0.4 keeps power in; the weights are shared in proportion
    sdir, cpath = _scoped(tmp_path / "keep", power={"min_coverage": 0.4})
    dm = sc.build_matrix(sc.load_study(sdir, cpath))
    assert dm.criterion_ids == ("rail", "power")
    assert dm.weights == pytest.approx([50 / 70, 20 / 70])
    # min_coverage: 0 on the set keeps every criterion in
    sdir, cpath = make_study(
        tmp_path / "all",
        SCOPED_SITES,
        {
            "talent": {"fact": "grads", "unit": "person/year", "direction": "max", "weight": 30, "scopes": ["regional-graduates"], "missing": "interval", "plausible": {"min": 0, "max": 1000}},
            "power": {"fact": "mw", "unit": "MW", "direction": "max", "weight": 20, "missing": "interval", "plausible": {"min": 0, "max": 100}},
        },
        extra={"min_coverage": 0},
    )
    dm = sc.build_matrix(sc.load_study(sdir, cpath))
    assert dm.criterion_ids == ("talent", "power") and dm.excluded_criteria == ()


def test_every_criterion_sitting_out_is_one_clear_error(tmp_path: Path) -> None:
    sdir, cpath = make_study(
        tmp_path,
        SCOPED_SITES,
        {"power": {"fact": "mw", "unit": "MW", "direction": "max", "weight": 20, "missing": "interval", "plausible": {"min": 0, "max": 100}}},
    )
    res = run_cli("rank", "--sites", str(sdir), "--criteria", str(cpath), cwd=tmp_path)
    assert res.returncode == 1
    assert res.stderr.splitlines()[0] == (
        "criteria/default.yaml: min_coverage: every criterion sits out: power: only 2 of 5 sites "
        "have a comparable mw (40%; min_coverage 50%)"
    )


def test_rank_json_reports_coverage_scope_horizon_and_intervals(tmp_path: Path) -> None:
    sdir, cpath = _scoped(tmp_path)
    res = run_cli("rank", "--sites", str(sdir), "--criteria", str(cpath), "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    js = json.loads(res.stdout)
    assert js["horizon"] == "planned"
    assert js["weights"] == {"rail": 1.0}
    assert [x["criterion"] for x in js["excluded_criteria"]] == ["talent", "power"]
    assert js["excluded_criteria"][0] == {
        "criterion": "talent",
        "coverage": 0.4,
        "usable": 2,
        "sites": 5,
        "min_coverage": 0.5,
        "weight": 0.3,
        "reason": "only 2 of 5 sites have a comparable grads (40%; min_coverage 50%); 3 more have one that is not comparable",
    }
    assert {(x["site"], x["criterion"], x["scope"]) for x in js["not_comparable"]} == {
        ("b", "talent", "ai-programme"),
        ("c", "talent", None),
        ("d", "talent", "regional-graduate"),
    }
    for e in js["ranking"]:
        lo, hi = e["rank_interval"]
        assert lo <= e["rank"] <= hi and e["rank_interval_exact"] is True
    assert js["rank_interval_exact"] is True
    assert js["headline"][0].startswith("a ranks first")


def test_validate_lists_facts_not_comparable_as_notes_and_exits_0(tmp_path: Path) -> None:
    sdir, cpath = _scoped(tmp_path)
    res = run_cli("validate", "--sites", str(sdir), "--criteria", str(cpath), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert (
        "note: not comparable: d grads on criterion talent: scope 'regional-graduate' (did you mean "
        "'regional-graduates'?) is not one criterion talent compares (regional-graduates)"
    ) in lines
    assert any(x.startswith("note: criterion talent sits out: only 2 of 5 sites") for x in lines)
    assert "note: sites/a.yaml: facts.grads, facts.km, facts.mw: no quote (add the source's words holding the figure)" in lines


# ---------------------------------------------------------------------------- horizon
def test_horizon_built_sets_plans_aside_and_changes_nothing_else(tmp_path: Path) -> None:
    sites = {
        "built": {"mw": _fact(50, "MW"), "km": "20 km"},
        "planned": {"mw": _fact(300, "MW", status="plan"), "km": "10 km"},
        "mixed": {"mw": _fact(200, "MW"), "km": _fact(5, "km", status="plan")},
    }
    crit = {
        "power": {"fact": "mw", "unit": "MW", "direction": "max", "weight": 2, "missing": "interval", "plausible": {"min": 0, "max": 400}},
        "rail": {"fact": "km", "unit": "km", "direction": "min", "weight": 1, "missing": "interval", "plausible": {"min": 0, "max": 40}},
    }
    sdir, cpath = make_study(tmp_path, sites, crit)
    planned = sc.rank(sc.load_study(sdir, cpath))
    built = sc.rank(sc.load_study(sdir, cpath, horizon="built"))
    assert planned.leader == "planned"
    assert {(x.site, x.criterion) for x in built.matrix.not_comparable} == {("planned", "power"), ("mixed", "rail")}
    assert planned.matrix.not_comparable == ()
    assert built.matrix.cell("planned", "power").unknown and built.matrix.cell("mixed", "rail").unknown
    assert built.matrix.cell("built", "power").value == planned.matrix.cell("built", "power").value == 50
    assert built.leader == "mixed"
    res = run_cli("rank", "--sites", str(sdir), "--criteria", str(cpath), "--horizon", "built", "--format", "json", cwd=tmp_path)
    js = json.loads(res.stdout)
    assert js["horizon"] == "built"
    assert {x["reason"] for x in js["not_comparable"]} == {"a plan (status: plan); horizon built compares only what exists"}
    # the planned ranking names the built-only leader beside it
    res = run_cli("rank", "--sites", str(sdir), "--criteria", str(cpath), "--format", "json", cwd=tmp_path)
    js = json.loads(res.stdout)
    assert js["built_only_leader"] == ["mixed"]
    assert "Horizon: planned (plans count as if built). Comparing only what is built, mixed ranks first." in js["headline"]


def test_a_bad_horizon_is_a_usage_error(tmp_path: Path) -> None:
    res = run_cli("rank", "--horizon", "someday", cwd=tmp_path)
    assert res.returncode == 2
    assert "'someday' is not one of 'planned', 'built'" in res.stderr


# ---------------------------------------------------------------------------- headline
def test_the_headline_names_the_inseparable_sites_and_the_facts_that_would_separate_them(tmp_path: Path) -> None:
    sites = {
        "lead": {"mw": "90 MW", "km": "10 km"},
        "close": {"mw": {"low": 60, "high": 100, "unit": "MW"}, "km": "12 km"},
        "blind": {"km": "11 km"},  # power unknown: anywhere in 0..100
        "far": {"mw": "10 MW", "km": "40 km"},
    }
    crit = {
        "power": {"fact": "mw", "unit": "MW", "direction": "max", "weight": 3, "missing": "interval", "plausible": {"min": 0, "max": 100}},
        "rail": {"fact": "km", "unit": "km", "direction": "min", "weight": 1, "missing": "interval", "plausible": {"min": 0, "max": 50}},
    }
    sdir, cpath = make_study(tmp_path, sites, crit, extra={"weights_by": "the test's authors"})
    from sitecompare.headline import headline, headline_sentences

    r = sc.rank(sc.load_study(sdir, cpath))
    h = headline(r)
    assert h.leader == "lead" and h.exact
    assert h.interval == r.intervals.of(r.site_ids.index("lead")) == (1, 3)
    assert h.inseparable == ("close", "blind")
    assert [(d.site, d.criterion, d.kind) for d in h.deciding] == [
        ("blind", "power", "unknown"),
        ("close", "power", "range"),
    ]
    text = headline_sentences(h)
    assert text[0] == (
        "lead ranks first. With these weights it could rank 1–3 as the uncertain facts vary within their ranges."
    )
    assert text[1] == "The data cannot separate close, blind from it: their rank intervals overlap."
    assert text[2] == (
        "The facts whose collection would separate them, largest effect first: power of blind (unknown, 0 "
        "to 100 MW); power of close (sources disagree, 60 to 100 MW)."
    )
    assert "Weights set by: the test's authors." in text
    assert "Coverage: all 2 criteria take part." in text
