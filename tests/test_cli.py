"""The command line through the real console script, and the pinned public surfaces."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import make_study, run_cli

import sitecompare

COMMANDS = ["compare", "rank", "sensitivity", "weights", "validate", "sites", "methods", "app"]


def test_rank_json_from_an_empty_folder_uses_the_shipped_study(tmp_path: Path) -> None:
    res = run_cli("rank", "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert set(doc) >= {
        "method",
        "criteria_set",
        "scenario",
        "weights",
        "ranking",
        "excluded",
        "warnings",
    }
    sites = [r["site"] for r in doc["ranking"]]
    assert "gwangju-ai-complex" in sites and len(sites) >= 7
    assert [r["rank"] for r in doc["ranking"]] == sorted(r["rank"] for r in doc["ranking"])
    assert doc["method"] == {"name": "wsm", "normalization": "minmax"}
    assert abs(sum(doc["weights"].values()) - 1) < 1e-9
    for row in doc["ranking"]:
        assert set(row) == {"rank", "site", "score", "details"}
    assert list(tmp_path.iterdir()) == []  # ranking writes nothing


@pytest.mark.parametrize(
    "args", [("validate",), ("sites",), ("methods",), ("--help",), ("--version",)]
)
def test_commands_exit_0_from_an_empty_folder(tmp_path: Path, args: tuple[str, ...]) -> None:
    res = run_cli(*args, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(tmp_path: Path, command: str) -> None:
    res = run_cli(command, "--help", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(f"Usage: sitecompare {command}")


def test_main_help_lists_every_command(tmp_path: Path) -> None:
    out = run_cli("--help", cwd=tmp_path).stdout
    for c in COMMANDS:
        assert f"\n  {c} " in out


@pytest.mark.parametrize("command", ["rank", "compare", "sensitivity"])
def test_study_options_are_shared(tmp_path: Path, command: str) -> None:
    out = run_cli(command, "--help", cwd=tmp_path).stdout
    for opt in (
        "--sites",
        "--criteria",
        "--scenario",
        "--weights",
        "--weights-from",
        "--method",
        "--param",
    ):
        assert opt in out


def test_local_sites_and_criteria_are_preferred_over_the_shipped_ones(
    small_study, tmp_path: Path
) -> None:
    res = run_cli("rank", "--format", "json", cwd=tmp_path)
    doc = json.loads(res.stdout)
    assert {r["site"] for r in doc["ranking"]} == {"alpha", "beta", "gamma"}
    assert doc["criteria_set"] == "test set"


def test_rank_csv_and_table(small_study, tmp_path: Path) -> None:
    out = run_cli("rank", "--format", "csv", "--method", "topsis", cwd=tmp_path).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["rank", "site", "name", "score", "d_plus", "d_minus"]
    assert len(rows) == 3
    table = run_cli("rank", cwd=tmp_path).stdout
    assert "alpha" in table and "weights (criteria file)" in table


def test_rank_csv_guards_formula_text_and_sends_notes_to_stderr(tmp_path: Path) -> None:
    """A site named like a formula is written with a leading apostrophe (a spreadsheet
    opening the CSV shows the text); the imputation notes go to stderr, not into the CSV."""
    sdir, cpath = make_study(
        tmp_path,
        {
            "alpha": {"compute_pf": "10 PFLOPS"},
            "beta": {"compute_pf": "30 PFLOPS", "ktx_km": "5 km"},
            "gamma": {"compute_pf": "20 PFLOPS", "ktx_km": "12 km"},
        },
        {
            "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 1},
            "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 1, "missing": "worst"},
        },
    )
    edit_name = sdir / "alpha.yaml"
    edit_name.write_text(
        edit_name.read_text().replace("name: ALPHA", "name: '=HYPERLINK(\"http://example.com\",\"x\")'")
    )
    res = run_cli("rank", "--sites", str(sdir), "--criteria", str(cpath), "--format", "csv")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["name"] for r in rows] == ["BETA", "GAMMA", "'=HYPERLINK(\"http://example.com\",\"x\")"]
    assert res.stderr.splitlines() == [
        "note: criterion rail: ktx_km missing for alpha; missing: worst uses 12 km, the value of gamma (pessimistic)"
    ]


def test_all_scenarios_csv_has_a_site_header_and_rank_order(small_study, tmp_path: Path) -> None:
    res = run_cli("rank", "--all-scenarios", "--format", "csv", cwd=tmp_path)
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert rows[0] == ["site", "(base weights)", "rail-first"]
    base = [int(r[1]) for r in rows[1:]]
    assert base == sorted(base)


def test_sensitivity_seed_must_be_non_negative(small_study, tmp_path: Path) -> None:
    res = run_cli("sensitivity", "--seed", "-1", cwd=tmp_path)
    assert res.returncode == 2
    assert "Invalid value for '--seed': -1 is not in the range x>=0." in res.stderr
    assert "Traceback" not in res.stderr


def test_weights_option_matches_the_library(small_study, tmp_path: Path) -> None:
    sdir, cpath = small_study
    doc = json.loads(
        run_cli("rank", "--format", "json", "--weights", "rail=100,talent=0", cwd=tmp_path).stdout
    )
    study = sitecompare.load_study(sdir, cpath, weights={"rail": 100, "talent": 0})
    lib = sitecompare.rank(study).to_json()
    assert doc["ranking"] == lib["ranking"]
    assert doc["weights"] == pytest.approx({"compute": 40 / 140, "rail": 100 / 140, "talent": 0.0})
    assert doc["ranking"][0]["site"] == "beta"  # closest to rail


def test_scenario_and_all_scenarios(small_study, tmp_path: Path) -> None:
    doc = json.loads(
        run_cli("rank", "--format", "json", "--scenario", "rail-first", cwd=tmp_path).stdout
    )
    assert doc["scenario"] == "rail-first"
    assert doc["weights"]["rail"] == pytest.approx(60 / 130)
    res = run_cli("rank", "--all-scenarios", "--format", "json", cwd=tmp_path)
    allsc = json.loads(res.stdout)
    assert set(allsc["scenarios"]) == {"(base weights)", "rail-first"}
    assert allsc["scenarios"]["rail-first"]["ranks"] == {
        r["site"]: r["rank"] for r in doc["ranking"]
    }
    table = run_cli("rank", "--all-scenarios", cwd=tmp_path).stdout
    assert "rail-first" in table


def test_sites_reports_missing_planned_ranged_and_stale_facts(tmp_path: Path) -> None:
    res = run_cli("sites", "--format", "json", "--as-of", "2026-11-23", cwd=tmp_path)
    doc = json.loads(res.stdout)
    by = {s["site"]: s for s in doc["sites"]}
    g = by["gwangju-ai-complex"]
    assert "power_mw" in g["missing"]
    assert "compute_pf" in g["planned"] and "h100_gpus" in g["ranged"]
    assert "talent_per_year" in g["stale"]  # 2021-03-26 is more than 5 years before 2026-11-23
    assert doc["stale_after_years"] == 5
    fresh = json.loads(
        run_cli(
            "sites",
            "--format",
            "json",
            "--as-of",
            "2026-11-23",
            "--stale-years",
            "10",
            cwd=tmp_path,
        ).stdout
    )
    assert {s["site"]: s for s in fresh["sites"]}["gwangju-ai-complex"]["stale"] == []
    assert any(s["computed"] for s in doc["sites"])


def test_methods_lists_every_method_with_a_description(tmp_path: Path) -> None:
    doc = json.loads(run_cli("methods", "--format", "json", cwd=tmp_path).stdout)
    names = [m["name"] for m in doc]
    assert names[:5] == ["wsm", "wpm", "topsis", "vikor", "promethee2"]
    assert sum(n.startswith("skc-") for n in names) == 27
    assert all(m["description"] and m["cost_convention"] for m in doc)


@pytest.mark.parametrize("method", ["skc-simus", "skc-electre2", "vikor", "promethee2", "topsis"])
def test_json_stdout_stays_clean_for_every_method(tmp_path: Path, method: str) -> None:
    res = run_cli("rank", "--format", "json", "--method", method, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["method"]["name"] == method
    assert list(tmp_path.iterdir()) == []


def test_public_api_is_pinned() -> None:
    assert sitecompare.__all__ == [
        "__version__",
        "Issue",
        "SiteCompareError",
        "ValidationError",
        "Fact",
        "Site",
        "Source",
        "Criterion",
        "CriteriaSet",
        "MethodSpec",
        "Study",
        "DecisionMatrix",
        "build_matrix",
        "Ranking",
        "rank",
        "load_study",
        "load_sites",
        "load_criteria",
        "with_weights",
        "rank_all_scenarios",
        "run_sensitivity",
        "SensitivityResult",
        "write_workbook",
        "read_whatif_weights",
    ]
    for name in sitecompare.__all__:
        assert getattr(sitecompare, name) is not None


def test_notebook_api_gives_dataframes(small_study) -> None:
    sdir, cpath = small_study
    study = sitecompare.load_study(sdir, cpath)
    r = sitecompare.rank(
        study, sitecompare.MethodSpec("topsis", {"normalization": "vector", "metric": "euclidean"})
    )
    df = r.table()
    assert list(df.columns) == ["rank", "site", "name", "score", "d_plus", "d_minus"]
    assert r.scores.index.tolist() == ["alpha", "beta", "gamma"]
    assert r.ranks.min() == 1
    c = sitecompare.rank(study).contributions()
    assert c is not None and c.shape == (3, 3)
    assert c.sum(axis=1).round(12).tolist() == sitecompare.rank(study).scores.round(12).tolist()


def test_a_criteria_set_without_the_sites_it_needs_is_rejected(small_study, tmp_path: Path) -> None:
    sdir, cpath = small_study
    make_study(
        tmp_path / "other",
        {"x": {"power": "10 MW"}},
        {"power": {"fact": "power", "unit": "MW", "direction": "max", "weight": 1}},
    )
    res = run_cli(
        "rank",
        "--sites",
        str(sdir),
        "--criteria",
        str(tmp_path / "other/criteria/default.yaml"),
        cwd=tmp_path,
    )
    assert res.returncode == 1
    assert "criteria.power.fact: no site has a fact 'power'" in res.stderr


def test_a_method_that_cannot_take_the_data_says_which_site_and_why(tmp_path: Path) -> None:
    res = run_cli("rank", "--method", "wpm", cwd=tmp_path)
    assert res.returncode == 1
    assert res.stderr.splitlines()[0] == (
        "--method: wpm: wpm needs values > 0; criterion 'land' has 0 "
        "(haenam-solaseado land = 0 m^2, imputed by missing: worst)"
    )
