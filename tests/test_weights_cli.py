"""`sitecompare weights ...`: run the commands and check their exact output and exit codes."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sitecompare.cli.weights import weights

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


# ------------------------------------------------------------------ wrote / replaced
def shipped_copy(tmp_path: Path) -> Path:
    crit = tmp_path / "default.yaml"
    shutil.copy(Path(__file__).parents[1] / "sitecompare" / "data" / "criteria" / "default.yaml", crit)
    return crit


def test_a_rerun_says_it_replaced_the_scenario(tmp_path):
    crit = shipped_copy(tmp_path)
    into = ["--into", str(crit), "--scenario", "workshop"]
    first = run("group", *WORKSHOP, *into)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[-1] == f"wrote scenario 'workshop' to {crit}"
    again = run("group", *WORKSHOP, *into)
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[-1] == f"replaced scenario 'workshop' in {crit}"
    assert "wrote" not in again.output and again.stderr == ""
    assert list(yaml.safe_load(crit.read_text())["scenarios"]).count("workshop") == 1
    # with --format json stdout is the JSON object only; the line goes to stderr
    res = run("roc", "talent", "compute", "transport", "power", "funding", "land", "cluster", *into, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["method"] == "roc"
    assert res.stderr == f"replaced scenario 'workshop' in {crit}\n"


def test_replacing_a_scenario_the_shipped_file_already_has(tmp_path):
    crit = shipped_copy(tmp_path)
    existing = next(iter(yaml.safe_load(crit.read_text())["scenarios"]))
    points = [f"{c}={n}" for c, n in zip(yaml.safe_load(crit.read_text())["criteria"], range(1, 99), strict=False)]
    res = run("points", *points, "--into", str(crit), "--scenario", existing)
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[-1] == f"replaced scenario {existing!r} in {crit}"


# ------------------------------------------------------------------ missing files first
def test_group_names_the_missing_files_not_the_count(tmp_path, monkeypatch):
    # the README's example in a clone without workshop/: the shell passes the pattern on as typed
    monkeypatch.chdir(tmp_path)
    res = run("group", "workshop/participant-*.yaml")
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        "workshop/participant-*.yaml: file not found (no file matches this pattern, so the shell passed it on as typed)",
        "sitecompare: 1 problem found; nothing was written",
    ]
    res = run("group", "a.yaml", "b.yaml", WORKSHOP[0])
    assert res.stderr.splitlines() == [
        "a.yaml: file not found",
        "b.yaml: file not found",
        "sitecompare: 2 problems found; nothing was written",
    ]


def test_every_unreadable_file_is_one_line_before_anything_is_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.yaml")  # reading it would block for ever
    os.mkdir("folder.yaml")
    os.symlink("gone.yaml", "broken.yaml")
    files = ("pipe.yaml", "folder.yaml", "broken.yaml", "/dev/zero", *WORKSHOP)
    res = run("group", *files, "--into", "pipe.yaml", "--scenario", "w")
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        "pipe.yaml: not a regular file (a device, pipe or socket)",
        "folder.yaml: not a regular file (a folder)",
        "broken.yaml: broken symbolic link (its target does not exist)",
        "/dev/zero: not a regular file (a device, pipe or socket)",
        "sitecompare: 4 problems found; nothing was written",
    ]
    assert res.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ("ahp", "nope.yaml", "--into", "gone.yaml", "--scenario", "w"),
        ("roc", "a", "b", "--criteria", "nope.yaml", "--into", "gone.yaml", "--scenario", "w"),
        ("points", "a=1", "--criteria", "nope.yaml", "--into", "gone.yaml", "--scenario", "w"),
    ],
)
def test_other_subcommands_report_each_missing_file(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    res = run(*args)
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        "nope.yaml: file not found",
        "gone.yaml: file not found",
        "sitecompare: 2 problems found; nothing was written",
    ]


class Blocked(Exception):
    """Not an OSError: the code under test must not be able to swallow it."""


def _expire(signum, frame):
    raise Blocked("still blocked after 20 s")


@pytest.mark.parametrize("method", ["entropy", "critic"])
def test_objective_weights_into_a_pipe_do_not_hang(tmp_path, monkeypatch, method):
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.yaml")
    old = signal.signal(signal.SIGALRM, _expire)
    signal.alarm(20)  # fail, not hang, should the pipe ever be opened
    try:
        res = run(method, "--into", "pipe.yaml", "--scenario", "w")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        "pipe.yaml: not a regular file (a device, pipe or socket)",
        "sitecompare: 1 problem found; nothing was written",
    ]


def test_the_readme_group_example_runs_from_the_repository_root(tmp_path, monkeypatch):
    # `workshop` at the root links to sitecompare/data/workshop, like `sites` and `criteria`
    root = Path(__file__).parents[1]
    assert os.readlink(root / "workshop") == "sitecompare/data/workshop"
    monkeypatch.chdir(root)
    files = sorted(str(p) for p in Path("workshop").glob("participant-*.yaml"))
    assert files == ["workshop/participant-a.yaml", "workshop/participant-b.yaml", "workshop/participant-c.yaml"]
    crit = shipped_copy(tmp_path)  # not criteria/default.yaml: that is the shipped file
    res = run("group", *files, "--into", str(crit), "--scenario", "workshop")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[-1] == f"wrote scenario 'workshop' to {crit}"


def test_into_dev_zero_is_refused_unread(tmp_path):
    # reading /dev/zero never ends: the real command, in a process with capped memory
    from conftest import SITECOMPARE, _env

    (tmp_path / "zero.yaml").symlink_to("/dev/zero")

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (1024 * 2**20, 1024 * 2**20))

    env = _env() | {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    r = subprocess.run(
        [str(SITECOMPARE), "weights", "ahp", WORKSHOP[0], "--into", "zero.yaml", "--scenario", "w"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, env=env, preexec_fn=cap,
    )
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr.splitlines() == [
        "zero.yaml: not a regular file (a device, pipe or socket)",
        "sitecompare: 1 problem found; nothing was written",
    ]
