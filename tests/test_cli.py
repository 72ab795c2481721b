"""The command line through the real console script, and the pinned public surfaces."""

from __future__ import annotations

import csv
import io
import json
import re
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
    assert {"horizon", "excluded_criteria", "not_comparable", "rank_interval_exact"} <= set(doc)
    for row in doc["ranking"]:
        assert set(row) == {"rank", "site", "score", "details", "rank_interval", "rank_interval_exact"}
        assert row["rank_interval"][0] <= row["rank"] <= row["rank_interval"][1]
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
    assert list(rows[0]) == ["rank", "site", "name", "score", "d_plus", "d_minus", "rank_best", "rank_worst"]
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
    # its 360 AI specialists a year are of another scope than the talent criterion compares
    assert "talent_per_year" in g["missing"] and g["not_comparable"] == ["talent_per_year"]
    assert by["chuncheon-gak"]["claims"] and "power_mw" in by["chuncheon-gak"]["missing"]
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
    assert list(df.columns) == ["rank", "site", "name", "score", "d_plus", "d_minus", "rank_best", "rank_worst"]
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
    # the shipped study's unknowns (missing: interval) take the worst end of their plausible
    # range, 0, in the point ranking: a product of them cannot be taken
    first = res.stderr.splitlines()[0]
    assert first.startswith(
        "--method: wpm: wpm needs values > 0; criterion 'compute' has 0 (chuncheon-gak compute = 0 "
        "count, unknown: the worst end of its plausible range (missing: interval); "
    )


# ----------------------------------------------------------------- CSV formula injection
INJECTED_SCENARIOS = {"=INJSCEN()": {"rail": 60}, '=HYPERLINK("http://x.example","y")': {"rail": 10}, "@SUM(1+1)": {"rail": 5}}


@pytest.mark.parametrize("args", [("validate",), ("rank", "--all-scenarios", "--format", "csv")])
def test_scenario_names_that_a_spreadsheet_would_run_are_refused(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Issue 9 item 3: these names went unguarded into the header of `rank --all-scenarios
    --format csv`. The criteria loader refuses them, one line each (file, field, bad value)."""
    make_study(
        tmp_path,
        {"alpha": {"ktx_km": "20 km"}, "beta": {"ktx_km": "5 km"}},
        {"rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 30}},
        scenarios={**INJECTED_SCENARIOS, "talent first 2.0": {"rail": 1}},
    )
    res = run_cli(*args, cwd=tmp_path)
    assert res.returncode == 1
    assert res.stdout == ""
    rule = "must start with a letter or digit and use letters, digits, spaces, '_', '.', '-'"
    assert res.stderr.splitlines() == [
        f"criteria/default.yaml: scenarios: scenario name '=INJSCEN()' {rule}",
        f"criteria/default.yaml: scenarios: scenario name '=HYPERLINK(\"http://x.example\",\"y\")' {rule}",
        f"criteria/default.yaml: scenarios: scenario name '@SUM(1+1)' {rule}",
        "sitecompare: 3 problems found; nothing was written",
    ]


def test_every_text_cell_of_a_csv_is_guarded_headers_and_index_too(small_study) -> None:
    """The scenario table through the library (no file check on the way): the header, the
    index and its name are guarded like the values."""
    from dataclasses import replace

    from sitecompare.cli.common import guarded_csv
    from sitecompare.scenarios import rank_all_scenarios

    sdir, cpath = small_study
    study = sitecompare.load_study(sdir, cpath)
    cs = replace(study.criteria_set, scenarios={name: w for name, w in INJECTED_SCENARIOS.items()})
    frame = rank_all_scenarios(replace(study, criteria_set=cs)).to_frame()
    frame.index = ["=cmd|' /C calc'!A0", "+1", "beta"]
    frame.index.name = "-site"
    rows = list(csv.reader(io.StringIO(guarded_csv(frame, index=True))))
    assert rows[0] == ["'-site", "(base weights)", "'=INJSCEN()", "'=HYPERLINK(\"http://x.example\",\"y\")", "'@SUM(1+1)"]
    assert [r[0] for r in rows[1:]] == ["'=cmd|' /C calc'!A0", "'+1", "beta"]
    assert all(cell.isdigit() for r in rows[1:] for cell in r[1:])  # ranks stay numbers


def test_the_all_scenarios_csv_goes_through_the_guard(small_study, tmp_path: Path) -> None:
    """A legal name with a space is written as it is (nothing to guard) and quoted only where
    CSV needs it."""
    sdir, cpath = small_study
    cpath.write_text(cpath.read_text().replace("rail-first:", "rail first 2.0:"))
    res = run_cli("rank", "--all-scenarios", "--format", "csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0] == "site,(base weights),rail first 2.0"


# ----------------------------------------------------------------- weights on another scale
def _note(label: str, written: str, how: str, where: str, mean: str, top: str, share: str) -> str:
    return (
        f"note: {label} {written}: on a scale about {how} than the other weights of {where} (mean {mean}); "
        f"weights are shares of their sum, so {top} gets {share} of the total. Write them on the same "
        "scale if that is not meant."
    )


def test_weights_in_fractions_against_points_get_a_note(small_study, tmp_path: Path) -> None:
    """Issue 9 item 6: compute 40, rail 30, talent 30 points; `--weights talent=0.4,compute=0.15`
    left talent 0.4/30.55 = 0.0131 of the total without a word."""
    note = _note("--weights", "talent=0.4, compute=0.15", "109 times smaller", "criteria/default.yaml", "30", "talent", "0.0131")
    res = run_cli("rank", "--weights", "talent=0.4,compute=0.15", "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["warnings"] == [note.removeprefix("note: ")]
    assert doc["weights"]["talent"] == pytest.approx(0.4 / 30.55)
    table = run_cli("rank", "--weights", "talent=0.4,compute=0.15", cwd=tmp_path)
    assert note in table.stdout.splitlines()
    as_csv = run_cli("rank", "--weights", "talent=0.4,compute=0.15", "--format", "csv", cwd=tmp_path)
    assert as_csv.stderr.splitlines() == [note]
    # a deliberate emphasis on the same scale (100 against 40 and 30) is no surprise
    plain = run_cli("rank", "--weights", "talent=100", "--format", "json", cwd=tmp_path)
    assert json.loads(plain.stdout)["warnings"] == []


def test_a_scenario_in_fractions_against_points_gets_a_note(small_study, tmp_path: Path) -> None:
    sdir, cpath = small_study
    cpath.write_text(
        cpath.read_text().replace(
            "rail-first:", "fractions: {talent: 0.5}\n  all-fractions: {compute: 0.2, rail: 0.3, talent: 0.5}\n  rail-first:"
        )
    )
    note = _note("scenario fractions", "talent=0.5", "70 times smaller", "criteria/default.yaml", "35", "talent", "0.00709")
    val = run_cli("validate", cwd=tmp_path)
    assert val.returncode == 0, val.stderr
    assert val.stdout.splitlines()[-1] == note
    doc = json.loads(run_cli("rank", "--scenario", "fractions", "--format", "json", cwd=tmp_path).stdout)
    assert doc["warnings"] == [note.removeprefix("note: ")]
    every = run_cli("rank", "--all-scenarios", "--format", "csv", cwd=tmp_path)
    assert every.stderr.splitlines() == [note]
    # an override on top of a scenario is judged against the scenario's weights (which name
    # every criterion here: no note for the scenario itself)
    def warnings(*args: str) -> list[str]:
        return json.loads(run_cli("rank", "--scenario", "all-fractions", *args, "--format", "json", cwd=tmp_path).stdout)["warnings"]

    assert warnings("--weights", "talent=0.9") == []
    assert warnings("--weights", "talent=40") == [
        _note("--weights", "talent=40", "160 times larger", "scenario all-fractions", "0.25", "talent", "0.988").removeprefix("note: ")
    ]


# ----------------------------------------------------------------- sites at 80 columns
def run_in_terminal(*args: str, cwd: Path, columns: int, env_columns: bool) -> str:
    """The real console script on a pseudo-terminal of ``columns`` columns (and COLUMNS set to
    the same, or unset); the output without its colour codes."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import subprocess
    import termios

    from conftest import SITECOMPARE, _env

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 60, columns, 0, 0))
    env = _env() | {"TERM": "xterm"}
    if env_columns:
        env["COLUMNS"] = str(columns)
    else:
        env.pop("COLUMNS")
    proc = subprocess.Popen(
        [str(SITECOMPARE), *args], cwd=cwd, stdin=slave, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            raise AssertionError("no output for 120 s")
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        out += data
    assert proc.wait(timeout=60) == 0
    os.close(master)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8")).replace("\r\n", "\n")


@pytest.mark.parametrize("env_columns", [True, False], ids=["COLUMNS=80", "terminal-80"])
def test_sites_stays_readable_at_80_columns(tmp_path: Path, env_columns: bool) -> None:
    """Issue 9 item 7: the eight-column table folded ids and fact keys mid-word at 80 columns
    ("chunche/on-gak", "talent_/per_yea/r"). Now: no line wider than the terminal, every site id
    and fact key whole on one line, lists wrapped after their commas."""
    from rich.cells import cell_len

    text = run_in_terminal("sites", cwd=tmp_path, columns=80, env_columns=env_columns)
    lines = text.rstrip("\n").split("\n")
    assert max(cell_len(line) for line in lines) <= 80
    assert lines[:5] == [
        "Fact coverage for criteria set 'AI complex - balanced'",
        "(stale = older than 5 years)",
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ site                     ┃ coverage                                          ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩",
    ]
    doc = json.loads(run_cli("sites", "--format", "json", cwd=tmp_path).stdout)
    words = {w for line in lines for w in re.split(r"[\s│,:]+", line) if w}
    for s in doc["sites"]:
        assert s["site"] in words, s["site"]
        for kind in ("missing", "planned", "ranged", "computed", "stale"):
            for key in s[kind]:
                assert key in words, (s["site"], kind, key)  # whole, not folded
        assert f"│ facts: {s['facts']}, criteria: {s['criteria_covered']}/{s['criteria_total']}" in text


def test_sites_piped_keeps_one_column_per_kind(tmp_path: Path) -> None:
    """A pipe is laid out 200 columns wide: the table with one column per kind of fact fits."""
    out = run_cli("sites", cwd=tmp_path).stdout.split("\n")
    assert [h.strip() for h in out[2].strip("┃").split("┃")] == [
        "site", "facts", "criteria", "missing for criteria", "planned", "ranged", "computed", "stale"
    ]
