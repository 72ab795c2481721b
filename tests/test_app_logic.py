"""The weights page's plain logic (no browser, no Streamlit runtime): the workbook download,
the sweep of a few leading sites out of many, scenario points, translations, the command."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest
from conftest import make_study, run_cli

import sitecompare as sc
from sitecompare.app import logic, results
from sitecompare.app.i18n import APP_KO, AppLang
from sitecompare.cli import app as command
from sitecompare.report.i18n import KO
from sitecompare.sensitivity.evaluate import Evaluator
from sitecompare.sensitivity.oat import oat_sweep

EN = AppLang("en")


def test_downloaded_workbook_whatif_weights_are_the_sliders(tmp_path: Path) -> None:
    """The workbook for the weights on screen: its What-if weights read back as the points."""
    study = sc.load_study()
    points = {**logic.base_points(study.criteria_set), "compute": 27.5, "land": 0.0, "talent": 3.3}
    ranking = logic.rank_points(study, points, study.method)
    book = tmp_path / "page.xlsx"
    book.write_bytes(logic.workbook_bytes(ranking, "en"))
    assert sc.read_whatif_weights(book, study.criteria_set.ids) == pytest.approx(points, abs=1e-12)
    # and rank --weights-from that workbook is the page's ranking
    res = run_cli("rank", "--weights-from", str(book), "--format", "csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    sites = [line.split(",")[1] for line in res.stdout.splitlines()[1:]]
    assert sites == list(ranking.table()["site"])


def test_with_weights_keeps_the_points_it_was_given() -> None:
    study = sc.load_study()
    s2 = sc.with_weights(study, {"compute": 40}, "test")
    assert s2.weight_points["compute"] == 40 and s2.weight_points["talent"] == 20
    assert sum(s2.weights.values()) == pytest.approx(1)
    assert study.weight_points is None  # loading from files leaves it unset


def _many_sites(root: Path, n: int) -> sc.Study:
    rng = np.random.default_rng(3)
    sites = {
        f"s{i:03d}": {
            "a": f"{rng.uniform(1, 100):.3f} km",
            "b": f"{rng.uniform(1, 100):.3f} MW",
            "c": f"{rng.uniform(1, 100):.3f} count",
        }
        for i in range(n)
    }
    crit = {
        "rail": {"fact": "a", "unit": "km", "direction": "min", "weight": 30},
        "power": {"fact": "b", "unit": "MW", "direction": "max", "weight": 50},
        "firms": {"fact": "c", "unit": "count", "direction": "max", "weight": 20},
    }
    return sc.load_study(*make_study(root, sites, crit))


@pytest.mark.parametrize("method", ["wsm", "topsis"])
def test_sweep_of_the_leading_sites_is_the_full_sweep_among_them(tmp_path: Path, method: str) -> None:
    """Evaluator.only: the crossovers among the 12 best-placed of 40 sites are those of the
    sweep over all 40 sites between the same pairs (scores over the whole comparison)."""
    study = _many_sites(tmp_path, 40)
    ranking = sc.rank(study, logic.method_spec(study.criteria_set, method))
    dm = ranking.matrix
    s = results.sweep(ranking, "power", EN)
    assert (s.shown, s.sites) == (12, 40)
    full = oat_sweep(Evaluator(dm.problem(), ranking.method), dm.weights, 1, dm.site_ids)
    top = set(dm.site_ids[i] for i in ranking.order[:12])
    names = {sid: study.site(sid).name for sid in dm.site_ids}
    expected = [
        (c.weight, names[c.sites[0]], names[c.sites[1]]) for c in full.crossovers if set(c.sites) <= top
    ]
    got = [(c["weight"], c["ahead_below"], c["ahead_above"]) for c in s.crossovers]
    assert [g[1:] for g in got] == [e[1:] for e in expected]
    assert [g[0] for g in got] == pytest.approx([e[0] for e in expected], abs=1e-7)
    # the curves are the full comparison's scores of those sites
    idx = [dm.site_ids.index(sid) for sid in dm.site_ids if sid in top]
    full_curves = full.curves[:, idx]
    assert len(s.curves) == full_curves.size


def test_scenario_points_base_and_shares() -> None:
    study = sc.load_study()
    cs = study.criteria_set
    assert logic.scenario_points(cs, None) == logic.base_points(cs)
    assert logic.scenario_points(cs, "balanced") == dict.fromkeys(cs.ids, 1.0)
    assert logic.slider_max(cs) == 100


def test_scenario_written_as_shares_shows_as_points_of_100(tmp_path: Path) -> None:
    from sitecompare.weights.scenario_io import write_scenario

    sdir, cpath = make_study(
        tmp_path,
        {"a": {"x": "1 km", "y": "2 MW"}, "b": {"x": "3 km", "y": "1 MW"}},
        {
            "rail": {"fact": "x", "unit": "km", "direction": "min", "weight": 2},
            "power": {"fact": "y", "unit": "MW", "direction": "max", "weight": 3},
        },
    )
    write_scenario(cpath, "w", {"rail": 1, "power": 2}, {"method": "direct"})
    cs = sc.load_study(sdir, cpath).criteria_set
    assert logic.scenario_points(cs, "w") == {"rail": 33.3, "power": 66.7}


def test_ahp_points_are_x100_on_the_slider_step() -> None:
    r = logic.ahp(["a", "b", "c"], {("a", "b"): "3", ("a", "c"): "5", ("b", "c"): "2"})
    pts = logic.ahp_points(r)
    assert pts == {c: round(100 * w, 1) for c, w in r.weights.items()}
    assert r.cr < 0.1


def test_every_page_label_has_a_korean_translation() -> None:
    """Every literal passed to L.t(...) or L.nt(...) in sitecompare/app (also the values of a dict indexed
    inside the call) has a Korean entry in the page's table or the workbook's."""
    missing = []
    for path in sorted((Path(logic.__file__).parent).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "t"
            ):
                continue
            if not node.args:
                continue
            a = node.args[0]
            texts = []
            if isinstance(a, ast.Constant) and isinstance(a.value, str):
                texts = [a.value]
            elif isinstance(a, ast.Subscript) and isinstance(a.value, ast.Dict):
                texts = [v.value for v in a.value.values if isinstance(v, ast.Constant)]
            missing += [f"{path.name}: {x!r}" for x in texts if x not in APP_KO and x not in KO]
    assert not missing, "\n".join(missing)
    assert not set(APP_KO) & set(KO), "a page label shadows the workbook's translation"


def test_the_command_serves_headless_on_localhost_without_telemetry() -> None:
    cmd = command.streamlit_command("127.0.0.1", 8501)
    opts = dict(zip(cmd[5::2], cmd[6::2], strict=True))
    assert cmd[1:5] == ["-m", "streamlit", "run", str(command.PAGE)]
    assert opts["--server.address"] == "127.0.0.1"
    assert opts["--server.headless"] == "true"
    assert opts["--browser.gatherUsageStats"] == "false"
    assert opts["--server.fileWatcherType"] == "none"


def test_app_help_shows_the_defaults(tmp_path: Path) -> None:
    res = run_cli("app", "--help", cwd=tmp_path)
    assert res.returncode == 0
    assert "[default: 127.0.0.1]" in res.stdout and "[default: 8501;" in res.stdout
    assert "--allow-save" in res.stdout


def test_allow_save_refuses_the_shipped_criteria_file(tmp_path: Path) -> None:
    """From a folder without its own study, --allow-save would edit the installed package."""
    res = run_cli("app", "--allow-save", "--port", "1", cwd=tmp_path)
    assert res.returncode == 2
    assert "shipped inside the package" in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_config_round_trips_through_the_environment(tmp_path: Path) -> None:
    cfg = logic.AppConfig(tmp_path / "sites", tmp_path / "c.yaml", True)
    assert logic.AppConfig.from_env(cfg.to_env()) == cfg
    assert logic.AppConfig.from_env({}) == logic.AppConfig()


def test_save_needs_allow_save(tmp_path: Path) -> None:
    sdir, cpath = make_study(
        tmp_path,
        {"a": {"x": "1 km"}, "b": {"x": "3 km"}},
        {"rail": {"fact": "x", "unit": "km", "direction": "min", "weight": 2}},
    )
    before = cpath.read_bytes()
    with pytest.raises(sc.SiteCompareError, match="--allow-save"):
        logic.save_scenario(logic.AppConfig(sdir, cpath, False), "x", {"rail": 1})
    assert cpath.read_bytes() == before


@pytest.mark.parametrize(
    "weights",
    [
        {"compute": 40},
        {"transport": 90, "talent": 0},  # a criterion that sits out gets most of the weight
        {"power": 0, "funding": 0, "land": 0},
        {c: 1 for c in ("transport", "talent", "compute", "power", "funding", "land", "cluster")},
    ],
)
def test_a_reweighted_study_gets_the_matrix_a_fresh_build_gives(weights: dict[str, float]) -> None:
    """build_matrix keeps the last matrices built and re-weights them for a study that differs
    only in its weights (study.with_weights): the result equals building from scratch."""
    from sitecompare.matrix import _build, build_matrix

    base = sc.load_study()
    build_matrix(base)  # kept
    study = sc.with_weights(base, weights, "test")
    kept = build_matrix(study)
    fresh, issues = _build(study)
    assert not issues and fresh is not None
    assert np.array_equal(kept.weights, fresh.weights)
    assert kept.excluded_criteria == fresh.excluded_criteria
    assert kept.warnings == fresh.warnings
    assert np.array_equal(kept.X, fresh.X) and kept.site_ids == fresh.site_ids
    assert not kept.X.flags.writeable  # the kept arrays cannot be changed by a caller


def test_a_reweighted_study_whose_weighted_criteria_all_sit_out_is_refused() -> None:
    from sitecompare.matrix import build_matrix

    base = sc.load_study()
    build_matrix(base)
    study = sc.with_weights(base, {c: 0 for c in ("compute", "power", "funding", "land", "cluster")}, "test")
    with pytest.raises(sc.ValidationError, match="every weighted criterion sits out"):
        build_matrix(study)
