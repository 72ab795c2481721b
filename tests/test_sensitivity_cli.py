"""`sitecompare sensitivity` through the installed console script, from an empty folder (the
shipped study), against the JSON contract of spec section 5."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_study, run_cli


def _is_num(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("empty")
    sens = run_cli("sensitivity", "--format", "json", "--samples", "2000", "--seed", "7", cwd=cwd)
    assert sens.returncode == 0, sens.stderr
    rank = run_cli("rank", "--format", "json", cwd=cwd)
    assert rank.returncode == 0, rank.stderr
    return json.loads(sens.stdout), json.loads(rank.stdout), cwd


def test_json_top_level_keys_and_types(shipped):
    js, _, _ = shipped
    assert isinstance(js["method"], dict) and js["method"]["name"] == "wsm"
    assert js["seed"] == 7 and isinstance(js["seed"], int)
    assert js["samples"] == 2000 and isinstance(js["samples"], int)
    assert js["weight_sampling"] == "uniform"
    assert isinstance(js["oat"], dict) and isinstance(js["critical"], list)
    assert isinstance(js["smaa"], dict)


def test_json_oat(shipped):
    js, rank, _ = shipped
    assert set(js["oat"]) == set(rank["weights"])
    for cid, o in js["oat"].items():
        for key in ("stability_interval", "top_interval"):
            lo, hi = o[key]
            assert _is_num(lo) and _is_num(hi) and 0.0 <= lo <= hi <= 1.0, (cid, key, o[key])
        lo, hi = o["top_interval"]
        slo, shi = o["stability_interval"]
        assert lo <= slo and shi <= hi  # first place is at least as stable as the whole ranking
        cur = o["current_weight"]
        assert cur == pytest.approx(rank["weights"][cid], abs=1e-6)
        assert slo <= cur <= shi
        assert isinstance(o["crossovers"], list)
        for c in o["crossovers"]:
            assert _is_num(c["weight"]) and 0.0 < c["weight"] < 1.0
            assert isinstance(c["sites"], list) and len(c["sites"]) == 2
            assert all(isinstance(s, str) for s in c["sites"]) and c["sites"][0] != c["sites"][1]
        ws = [c["weight"] for c in o["crossovers"]]
        assert ws == sorted(ws)
        # the intervals end at crossovers (or at 0 / 1)
        for end in (slo, shi):
            assert end in (0.0, 1.0) or any(abs(end - w) < 1e-9 for w in ws)


def test_json_critical(shipped):
    js, _, _ = shipped
    assert js["critical"], "the shipped study has reversible pairs"
    crit_ids = set(js["oat"])
    sites = {r["site"] for r in js["ranking"]}
    for c in js["critical"]:
        assert c["criterion"] in crit_ids
        assert isinstance(c["sites"], list) and len(c["sites"]) == 2 and set(c["sites"]) <= sites
        assert _is_num(c["delta"])
        assert c["relative"] is None or _is_num(c["relative"])
        if c["relative"] is not None:
            w = js["weights"][c["criterion"]]
            assert c["relative"] == pytest.approx(c["delta"] / w, rel=1e-6)


def test_json_smaa(shipped):
    js, _, _ = shipped
    sm = js["smaa"]
    sites = [r["site"] for r in js["ranking"]]
    n = len(sites)
    acc = sm["rank_acceptability"]
    assert set(acc) == set(sites)
    for row in acc.values():
        assert len(row) == n and all(_is_num(x) and 0 <= x <= 1 for x in row)
        assert sum(row) == pytest.approx(1.0, abs=1e-5)  # every site has one rank per sample
    # ranks are shared on ties, so a column may sum to more than 1, never less
    for r in range(n):
        col = sum(acc[s][r] for s in sites)
        assert col >= (1.0 - 1e-5 if r == 0 else 0.0)
    crits = set(js["oat"])
    for s, cw in sm["central_weights"].items():
        if cw is None:
            assert acc[s][0] == 0
            continue
        assert set(cw) == crits and sum(cw.values()) == pytest.approx(1.0, abs=1e-5)
    for s, c in sm["confidence"].items():
        assert c is None or (_is_num(c) and 0 <= c <= 1)
        assert (c is None) == (acc[s][0] == 0)


def test_consistent_with_rank(shipped):
    js, rank, _ = shipped
    assert js["ranking"][0]["site"] == rank["ranking"][0]["site"]

    def order(doc):
        return [(r["rank"], r["site"]) for r in doc["ranking"]]

    assert order(js) == order(rank)
    for a, b in zip(js["ranking"], rank["ranking"], strict=True):
        assert a["score"] == pytest.approx(b["score"], rel=1e-5)
    assert js["weights"] == pytest.approx(rank["weights"], abs=1e-6)
    assert js["method"] == rank["method"]


def test_nothing_is_written_to_the_empty_folder(shipped):
    _, _, cwd = shipped
    assert list(Path(cwd).iterdir()) == []


def test_table_output_mentions_the_seed(tmp_path):
    out = run_cli("sensitivity", "--samples", "500", "--seed", "123", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "seed 123" in out.stdout
    assert "500 samples" in out.stdout
    assert "Traceback" not in out.stderr


def test_json_with_options(tmp_path):
    sdir, cfile = make_study(
        tmp_path,
        {
            "alpha": {"compute_pf": "10 PFLOPS", "talent": "100 person/year"},
            "beta": {"compute_pf": "30 PFLOPS", "talent": "50 person/year"},
            "gamma": {"compute_pf": "20 PFLOPS", "talent": "300 person/year"},
        },
        {
            "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 40},
            "talent": {"fact": "talent", "unit": "person/year", "direction": "max", "weight": 60},
        },
        scenarios={"compute-first": {"compute": 80}},
    )
    out = run_cli(
        "sensitivity",
        "--sites",
        str(sdir),
        "--criteria",
        str(cfile),
        "--format",
        "json",
        "--samples",
        "300",
        "--seed",
        "3",
        "--weight-sampling",
        "dirichlet",
        "--concentration",
        "20",
        "--method",
        "topsis",
        "--scenario",
        "compute-first",
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    js = json.loads(out.stdout)
    assert js["method"]["name"] == "topsis"
    assert js["weight_sampling"] == "dirichlet" and js["concentration"] == 20
    assert js["scenario"] == "compute-first"
    assert js["seed"] == 3 and js["samples"] == 300
    assert all(o["exact"] is False for o in js["oat"].values())


@pytest.mark.parametrize(
    ("args", "codes", "needle"),
    [
        (["--samples", "0"], (2,), "--samples"),
        (["--samples", "-3"], (2,), "--samples"),
        (["--weight-sampling", "sobol"], (2,), "--weight-sampling"),
        (["--scenario", "nope"], (1,), "nope"),
        (["--method", "nope"], (1,), "nope"),
        (["--concentration", "0"], (2,), "--concentration"),
        (["--seed", "x"], (2,), "--seed"),
    ],
)
def test_bad_options(tmp_path, args, codes, needle):
    out = run_cli("sensitivity", "--format", "json", *args, cwd=tmp_path)
    assert out.returncode in codes, (out.returncode, out.stderr)
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    # one line names the problem (click adds its usage lines around usage errors)
    lines = [
        ln for ln in out.stderr.splitlines() if needle in ln and "Usage:" not in ln and "Try '" not in ln
    ]
    assert len(lines) == 1, out.stderr
    assert len(out.stderr.splitlines()) <= 5


def test_table_names_the_site_that_takes_first_place(tmp_path):
    """The OAT table's "first changes at" column should name the site that takes first place at
    the crossover. Two sites, v = [[1, 0], [0, 1]], weights 70/30 (normalisation none): sweeping
    c1 down from 0.7, b takes first place below 0.5; sweeping c2 up from 0.3, b takes first place
    above 0.5. Both rows should say "0.500 (b)". command.py prints c.sites[1] (the site ahead
    ABOVE the crossover), which for a crossover below the current weight is the current leader."""
    sdir, cfile = make_study(
        tmp_path,
        {"a": {"c1": 1.0, "c2": 0.0}, "b": {"c1": 0.0, "c2": 1.0}},
        {
            "c1": {"fact": "c1", "unit": "", "direction": "max", "weight": 70},
            "c2": {"fact": "c2", "unit": "", "direction": "max", "weight": 30},
        },
        method={"name": "wsm", "normalization": "none"},
    )
    out = run_cli(
        "sensitivity", "--sites", str(sdir), "--criteria", str(cfile), "--samples", "100", cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    rows: dict[str, str] = {}
    for ln in out.stdout.splitlines():  # the first table printed is the OAT table
        if ln.startswith(("│ c1 ", "│ c2 ")):
            rows.setdefault(ln.split()[1], ln)
    assert "0.500 (b)" in rows["c2"]
    assert "0.500 (b)" in rows["c1"], rows["c1"]


def test_the_confidence_column_is_explained_under_the_smaa_table(tmp_path):
    """Issue 9 item 7: the SMAA table's 'confidence' column had no explanation. One line under
    the table says what it is; the values are the JSON's confidence factors."""
    import json

    sdir, cfile = make_study(
        tmp_path,
        {
            "a": {"c1": {"low": 0.0, "high": 10.0}, "c2": 5.0},
            "b": {"c1": 5.0, "c2": 5.0},
            "c": {"c1": 1.0, "c2": 1.0},
        },
        {
            "c1": {"fact": "c1", "unit": "", "direction": "max", "weight": 1},
            "c2": {"fact": "c2", "unit": "", "direction": "max", "weight": 1},
        },
    )
    args = ("sensitivity", "--sites", str(sdir), "--criteria", str(cfile), "--samples", "2000", "--seed", "3")
    out = run_cli(*args, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("SMAA-2 rank acceptability"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("└"))
    assert lines[end + 1] == (
        "confidence: the share of data draws (ranged and unknown facts) in which the site is first "
        "under its central weights, the mean of the weights that make it first (1 or 0 when no fact "
        "is uncertain; - when it is never first)"
    )
    header = [h.strip() for h in lines[start + 2].strip("┃").split("┃")]
    assert header == ["site", "#1", "#2", "#3", "confidence"]
    shown = {}
    for ln in lines[start + 4 : end]:
        cells = [c.strip() for c in ln.strip("│").split("│")]
        shown[cells[0]] = cells[-1]
    conf = json.loads(run_cli(*args, "--format", "json", cwd=tmp_path).stdout)["smaa"]["confidence"]
    for site, value in conf.items():
        assert shown[site] == ("-" if value is None else f"{value:.3f}")
    assert shown["c"] == "-" and 0 < float(shown["a"]) < 1  # c is never first; a's c1 is uncertain
