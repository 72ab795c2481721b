"""``sensitivity --top K``: in a set of more than K sites the sweeps follow the pairs that decide
what a reader asks (every pair among the best K, the leader with every site, neighbours in the
ranking) and the critical data changes cover the best K sites.

What must not change against following every pair (``top`` at least the number of sites): the
stability and top intervals, every crossover of the pairs followed, the most critical criterion
for first place and for any pair, each criterion's criticality, and SMAA. A set of K sites or
fewer is analysed exactly as before (every pair).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import make_study, run_cli

from sitecompare import load_study, run_sensitivity
from sitecompare.model import MethodSpec
from sitecompare.sensitivity.oat import NEIGHBOURS, listed_pairs

N_SITES = 24
TOP = 6


def _random_study(root: Path, n: int = N_SITES, seed: int = 7) -> tuple[Path, Path]:
    rng = np.random.default_rng(seed)
    facts = {}
    for i in range(n):
        x = np.round(rng.uniform(1, 100, 5), 3)
        facts[f"s{i:02d}"] = {f"f{j}": f"{x[j]} MW" for j in range(5)}
    criteria = {
        f"c{j}": {"fact": f"f{j}", "unit": "MW", "direction": "min" if j == 3 else "max", "weight": w}
        for j, w in enumerate([30, 25, 20, 15, 10])
    }
    return make_study(root, facts, criteria)


def test_listed_pairs_is_every_pair_up_to_top():
    ranks = np.array([3, 1, 2, 4])
    assert listed_pairs(ranks, 4) is None
    assert listed_pairs(ranks, 10) is None


def test_listed_pairs_covers_top_leader_and_neighbours():
    n, top = 12, 4
    ranks = np.arange(n)[::-1] + 1  # site n-1 leads, site 0 is last
    a, b = listed_pairs(ranks, top)
    got = set(zip(a.tolist(), b.tolist(), strict=True))
    assert all(x < y for x, y in got)
    order = list(range(n))[::-1]
    want = {tuple(sorted((order[i], order[j]))) for i in range(top) for j in range(i + 1, top)}
    want |= {tuple(sorted((order[0], s))) for s in range(n) if s != order[0]}
    want |= {
        tuple(sorted((order[p], order[p + d]))) for d in range(1, NEIGHBOURS + 1) for p in range(n - d)
    }
    assert got == want
    assert list(zip(a.tolist(), b.tolist(), strict=True)) == sorted(got)  # each once, in order


@pytest.mark.parametrize("method", ["wsm", "topsis", "vikor"])
def test_scoped_run_keeps_intervals_crossovers_and_most_critical(tmp_path, method):
    sdir, cpath = _random_study(tmp_path)
    study = load_study(sdir, cpath)
    spec = MethodSpec(method)
    full = run_sensitivity(study, samples=500, seed=3, method=spec, top=N_SITES)
    part = run_sensitivity(study, samples=500, seed=3, method=spec, top=TOP)
    assert full.listed == {"top": N_SITES, "every_pair": True, "pairs_followed": N_SITES * 23 // 2}
    assert part.listed["every_pair"] is False and part.listed["top"] == TOP
    assert 0 < part.listed["pairs_followed"] < N_SITES * 23 // 2
    a, b = listed_pairs(full.ranks, TOP)
    sites = full.matrix.site_ids
    followed = {frozenset((sites[i], sites[j])) for i, j in zip(a.tolist(), b.tolist(), strict=True)}
    for cid, o in full.oat.items():
        p = part.oat[cid]
        assert p.stability_interval == o.stability_interval
        assert p.top_interval == o.top_interval
        assert list(p.crossovers) == [c for c in o.crossovers if frozenset(c.sites) in followed]
        lead = full.leader  # every crossover of the current leader (its first place is lost)
        assert [c for c in o.crossovers if lead in c.sites] == [c for c in p.crossovers if lead in c.sites]
    for key in ("top", "any", "criteria"):
        assert part.most_critical[key] == full.most_critical[key]
    assert part.most_critical["share"] == full.most_critical["share"]
    assert set(part.weight_changes) <= set(full.weight_changes)
    # critical data changes: the best TOP sites' only, and the same as before for them
    kept = [d for d in full.data_changes if d.current_rank <= TOP]
    assert part.data_changes == kept
    assert len(kept) < len(full.data_changes)
    np.testing.assert_array_equal(part.smaa.rank_acceptability, full.smaa.rank_acceptability)
    assert any("--top K lists more" in note for note in part.notes)
    assert not any("--top K" in note for note in full.notes)


def test_cli_top_option_and_json(tmp_path):
    sdir, cpath = _random_study(tmp_path)
    args = ["sensitivity", "--sites", str(sdir), "--criteria", str(cpath), "--samples", "300",
            "--format", "json"]
    r = run_cli(*args, "--top", str(TOP))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["listed"]["top"] == TOP and doc["listed"]["every_pair"] is False
    assert max(d["current_rank"] for d in doc["critical_data"]) <= TOP
    r_all = run_cli(*args)  # default top 50 > 24 sites: every pair
    doc_all = json.loads(r_all.stdout)
    assert doc_all["listed"] == {"top": 50, "every_pair": True, "pairs_followed": 276}
    for cid in doc["oat"]:
        assert doc["oat"][cid]["stability_interval"] == doc_all["oat"][cid]["stability_interval"]
        assert doc["oat"][cid]["top_interval"] == doc_all["oat"][cid]["top_interval"]
    bad = run_cli(*args, "--top", "0")
    assert bad.returncode == 2 and "--top" in bad.stderr
    table = run_cli(*args[:-2], "--top", str(TOP))
    assert table.returncode == 0, table.stderr
    # sites below the best TOP were not searched: they are not said to be out of reach (every
    # site of this study can be lifted to first by one fact within the search range)
    text = " ".join(table.stdout.split())
    assert "Smallest change in one fact to rank first" in text
    assert "No single fact change lifts" not in text


def test_workbook_says_what_is_listed(tmp_path):
    import openpyxl

    sdir, cpath = _random_study(tmp_path)
    out = tmp_path / "w.xlsx"
    r = run_cli("compare", "--sites", str(sdir), "--criteria", str(cpath), "--sensitivity",
                "--samples", "300", "--top", str(TOP), "-o", str(out))
    assert r.returncode == 0, r.stderr
    wb = openpyxl.load_workbook(out)
    texts = {
        ws.title: " ".join(str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str))
        for ws in wb.worksheets
    }
    listed = f"{N_SITES} sites: crossovers and critical changes are listed for"
    assert listed in texts["Weight sweeps"] and listed in texts["Critical changes"]
    assert f"Searched only for the sites ranked {TOP} or better." in texts["Critical changes"]
    # the same study with every pair: no such note
    out_all = tmp_path / "all.xlsx"
    r = run_cli("compare", "--sites", str(sdir), "--criteria", str(cpath), "--sensitivity",
                "--samples", "300", "-o", str(out_all))
    assert r.returncode == 0, r.stderr
    wb = openpyxl.load_workbook(out_all)
    assert not any(
        listed in str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
    )
