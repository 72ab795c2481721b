"""`sitecompare weights ...`: run the commands and check their exact output and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sitecompare.weights.commands import weights

DATA = Path(__file__).parent / "data" / "weights"
WORKSHOP = [str(p) for p in sorted((DATA / "workshop").glob("participant-*.yaml"))]


def run(*args: str):
    return CliRunner().invoke(weights, list(args), catch_exceptions=False)


def test_mounted_in_the_main_cli():
    from sitecompare.cli import main

    res = CliRunner().invoke(main, ["weights", "--help"])
    assert res.exit_code == 0 and "ahp" in res.output


@pytest.mark.parametrize(
    "sub", ["ahp", "group", "roc", "rank-sum", "swing", "points", "entropy", "critic"]
)
def test_help_of_every_subcommand(sub):
    res = run(sub, "--help")
    assert res.exit_code == 0
    assert "--format [table|json]" in res.output and "--into FILE" in res.output


def test_ahp_json(tmp_path):
    res = run("ahp", str(DATA / "saaty1990-house.yaml"), "--format", "json")
    assert res.exit_code == 0
    d = json.loads(res.stdout)
    assert round(d["cr"], 3) == 0.169 and d["ri_table"] == "saaty" and d["consistent"] is False
    assert d["worst_judgments"][0]["field"] == "matrix[2][6]"
    res = run(
        "ahp", str(DATA / "saaty1990-house.yaml"), "--format", "json", "--ri-table", "alonso-lamata"
    )
    assert json.loads(res.stdout)["ri_table"] == "alonso-lamata"


def test_ahp_table_output():
    res = run("ahp", str(DATA / "consistent-missing.yaml"))
    assert res.exit_code == 0
    assert "lambda_max 4.0000  CI 0.0000  RI 0.90 (saaty)  CR 0.0000: consistent" in res.stdout
    assert "missing pairs (completed by Harker's method): a/d, b/d" in res.stdout


def test_bad_judgment_file_prints_one_line_per_problem_and_exits_1(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("criteria: [a, b, c]\njudgments: [[a, b, 0], [a, x, 2]]\n")
    res = run("ahp", str(f))
    assert res.exit_code == 1
    name = str(f)
    assert res.stderr.splitlines() == [
        f"{name}: judgments[0]: a judgment must be greater than 0, got 0",
        f"{name}: judgments[1]: unknown criterion 'x' (criteria: a, b, c)",
        "sitecompare: 2 problems found; nothing was written",
    ]
    assert res.stdout == ""


def test_group_into_criteria_file(tmp_path):
    crit = tmp_path / "default.yaml"
    shutil.copy(
        Path(__file__).parents[1] / "sitecompare" / "data" / "criteria" / "default.yaml", crit
    )
    res = run(
        "group",
        *WORKSHOP,
        "--format",
        "json",
        "--into",
        str(crit),
        "--scenario",
        "workshop",
        "--description",
        "Test workshop",
    )
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert len(d["participants"]) == 3
    assert res.stderr.strip() == f"wrote scenario 'workshop' to {crit}"
    sc = yaml.safe_load(crit.read_text())["scenarios"]["workshop"]
    assert sc["description"] == "Test workshop"
    assert sc["weights"] == {k: round(v, 4) for k, v in sc["weights"].items()}
    assert abs(sum(sc["weights"].values()) - 1) < 1e-9
    assert sc["provenance"]["method"] == "ahp-group"


def test_group_table_output_lists_participants():
    res = run("group", *WORKSHOP)
    assert res.exit_code == 0
    for name in ("P1", "P2", "P3", "Largest disagreements"):
        assert name in res.stdout


def test_into_and_scenario_go_together(tmp_path):
    res = run("roc", "a", "b", "--into", str(tmp_path / "c.yaml"))
    assert res.exit_code == 2 and "--into and --scenario go together" in res.output


def test_roc_with_ties_and_swing_and_points():
    d = json.loads(run("roc", "a", "b,c", "d", "--format", "json").stdout)
    assert d["weights"]["a"] == pytest.approx(25 / 48) and d["order"] == [["a"], ["b", "c"], ["d"]]
    d = json.loads(run("swing", "compute=100", "talent=50", "--format", "json").stdout)
    assert d["weights"] == pytest.approx({"compute": 2 / 3, "talent": 1 / 3})
    res = run("points", "compute=x")
    assert res.exit_code == 1
    assert (
        res.stderr.splitlines()[0] == "command line: compute: expected a number of points, got 'x'"
    )


def test_roc_checks_ids_against_a_criteria_file():
    res = run(
        "roc",
        "talent",
        "compute",
        "water",
        "--criteria",
        str(Path(__file__).parents[1] / "sitecompare" / "data" / "criteria" / "default.yaml"),
    )
    assert res.exit_code == 1
    assert res.stderr.splitlines()[0].startswith("command line: water: unknown criterion 'water'")


@pytest.mark.parametrize("method", ["entropy", "critic"])
def test_objective_weights_from_the_shipped_study(method):
    res = run(method, "--format", "json")
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["method"] == method and abs(sum(d["weights"].values()) - 1) < 1e-9
    assert len(d["alternatives"]) >= 2
