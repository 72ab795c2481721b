"""Site tables (spec section 8): every format ranks as the same rows written as profiles, the
sidecar's rules and bad cells give one located line each, import round-trips, --top, the
workbook of a table, and the column-by-column matrix equals build_matrix."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitecompare.matrix import build_matrix
from sitecompare.ranking import rank
from sitecompare.study import load_study
from sitecompare.tables.matrix import tidy_array
from sitecompare.units import tidy

SOURCES = {
    "reg": {"title": "County register", "date": "2024-05-01"},
    "plan": {"title": "Plan", "date": "2024-02-01"},
}
COLUMNS = {
    "power_mw": {"unit": "MW", "source": "reg", "scope": "substation-firm"},
    "ktx_km": {"unit": "km", "source": "reg", "status": "computed", "method": "haversine from centroid"},
    "land_ha": {"unit": "ha", "source": "plan", "status": "plan", "quote": "about 40 ha"},
}
ROWS = [
    {"id": "alpha", "name": "Alpha", "power_mw": 120, "ktx_km": 12.5, "land_ha": 40},
    {"id": "beta", "name": "Beta", "power_mw": 80, "ktx_km": 3.2, "land_ha": None},
    {"id": "gamma", "name": "Gamma", "power_mw": 200, "ktx_km": 30, "land_ha": 55},
    {"id": "delta", "name": "Delta", "power_mw": None, "ktx_km": 8, "land_ha": 12},
    {"id": "epsilon", "name": "Epsilon", "power_mw": 150, "ktx_km": 20.25, "land_ha": 30},
    {"id": "zeta", "name": "Zeta", "power_mw": 95, "ktx_km": 5, "land_ha": 70},
]
CRITERIA = {
    "format": 1,
    "name": "table test",
    "criteria": {
        "power": {
            "fact": "power_mw",
            "unit": "MW",
            "direction": "max",
            "weight": 40,
            "scopes": ["substation-firm"],
            "missing": "interval",
            "plausible": {"min": 0, "max": 300},
        },
        "rail": {"fact": "ktx_km", "unit": "m", "direction": "min", "weight": 30},
        "land": {"fact": "land_ha", "unit": "m^2", "direction": "max", "weight": 30, "missing": "worst"},
    },
}


def write_meta(path: Path, columns: dict = COLUMNS, sources: dict = SOURCES, **extra: Any) -> None:
    doc = {"format": 1, "country": "KR", "sources": sources, "columns": columns, **extra}
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


def write_table(root: Path, fmt: str, rows: list[dict] = ROWS, meta: bool = True) -> Path:
    """The rows as ``root/grid.<fmt>`` (``folder``: a Parquet dataset of two files; ``xlsx-meta``:
    a workbook with a meta sheet) and its sidecar."""
    root.mkdir(parents=True, exist_ok=True)
    keys = list(rows[0])
    if fmt == "csv":
        path = root / "grid.csv"
        lines = [",".join(keys)] + [",".join("" if r[k] is None else str(r[k]) for k in keys) for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif fmt in ("xlsx", "xlsx-meta"):
        from openpyxl import Workbook

        path = root / "grid.xlsx"
        wb = Workbook()
        ws = wb.active
        ws.title = "sites"
        ws.append(keys)
        for r in rows:
            ws.append([r[k] for k in keys])
        if fmt == "xlsx-meta":
            m = wb.create_sheet("meta")
            m.append(["format", 1])
            m.append(["country", "KR"])
            m.append([])
            m.append(["sources"])
            m.append(["key", "title", "date"])
            for k, s in SOURCES.items():
                m.append([k, s["title"], s["date"]])
            m.append([])
            m.append(["columns"])
            ck = ["unit", "source", "status", "method", "scope", "quote"]
            m.append(["column", *ck])
            for c, meta_c in COLUMNS.items():
                m.append([c, *[meta_c.get(k) for k in ck]])
            meta = False
        wb.save(path)
    else:
        arrays = {k: pa.array([r[k] for r in rows]) for k in keys}
        t = pa.table(arrays)
        if fmt == "parquet":
            path = root / "grid.parquet"
            pq.write_table(t, path)
        else:
            path = root / "grid"
            path.mkdir()
            half = len(rows) // 2
            pq.write_table(t.slice(0, half), path / "part-0.parquet")
            pq.write_table(t.slice(half), path / "part-1.parquet")
    if meta:
        write_meta(root / "grid.meta.yaml")
    return path


def write_profiles(root: Path, rows: list[dict] = ROWS) -> Path:
    folder = root / "sites"
    folder.mkdir(parents=True, exist_ok=True)
    for r in rows:
        facts = {k: {"value": v, **COLUMNS[k]} for k, v in r.items() if k in COLUMNS and v is not None}
        used = {f["source"] for f in facts.values()} or set(SOURCES)  # a profile needs a source
        doc = {
            "format": 1,
            "id": r["id"],
            "name": r["name"],
            "country": "KR",
            "sources": {k: v for k, v in SOURCES.items() if k in used},
            "facts": facts,
        }
        (folder / f"{r['id']}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return folder


def write_criteria(root: Path, doc: dict = CRITERIA) -> Path:
    path = root / "criteria.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def _ranking(stdout: str) -> list[tuple]:
    obj = json.loads(stdout)
    return [(e["site"], e["rank"], round(e["score"], 12), tuple(e["rank_interval"])) for e in obj["ranking"]]


@pytest.fixture(scope="module")
def profile_json(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("profiles")
    r = run_cli(
        "rank",
        "--sites",
        str(write_profiles(root)),
        "--criteria",
        str(write_criteria(root)),
        "--format",
        "json",
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "xlsx-meta", "parquet", "folder"])
def test_each_format_ranks_as_the_same_rows_written_as_profiles(
    tmp_path: Path, fmt: str, profile_json: str
) -> None:
    table = write_table(tmp_path, fmt)
    r = run_cli(
        "rank", "--sites", str(table), "--criteria", str(write_criteria(tmp_path)), "--format", "json"
    )
    assert r.returncode == 0, r.stderr
    assert _ranking(r.stdout) == _ranking(profile_json)
    a, b = json.loads(r.stdout), json.loads(profile_json)
    for key in ("weights", "excluded", "excluded_criteria", "not_comparable", "rank_intervals", "headline"):
        assert a[key] == b[key], key
    assert a["ranked"] == 6


def test_bad_cells_each_give_one_located_line_and_exit_1(tmp_path: Path) -> None:
    rows = [dict(r) for r in ROWS]
    rows[1]["ktx_km"] = -3  # row 3: a negative distance
    rows[2]["power_mw"] = "lots"  # row 4: not a number
    rows[3]["id"] = ""  # row 5: empty id
    rows[5]["id"] = "alpha"  # row 7: duplicate of row 2
    table = write_table(tmp_path, "csv", rows)
    r = run_cli("rank", "--sites", str(table), "--criteria", str(write_criteria(tmp_path)), cwd=tmp_path)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert lines[:-1] == [
        "grid.csv:5:id: empty; every row needs an id",
        "grid.csv:7:id: 'alpha' is also the id of row 2",
        "grid.csv:4:power_mw: expected a number, got 'lots'",
        "grid.csv:3:ktx_km: must be at least 0 (a length cannot be negative), got -3",
    ]
    assert lines[-1] == "sitecompare: 4 problems found; nothing was written"


def test_sidecar_rules_give_one_line_each(tmp_path: Path) -> None:
    table = write_table(tmp_path, "csv", meta=False)
    cols = {
        "power_mw": {"unit": "MW", "source": "registry", "scope": "substation-firm"},  # unknown source
        "ktx_km": {"unit": "km", "source": "reg", "status": "guess"},  # bad status
        "land_ha": {"unit": "ha", "source": "plan", "status": "computed"},  # computed without a method
    }
    write_meta(tmp_path / "grid.meta.yaml", cols)
    r = run_cli("rank", "--sites", str(table), "--criteria", str(write_criteria(tmp_path)), cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[:-1] == [
        "grid.meta.yaml: columns.power_mw.source: 'registry' is not a source of this profile (choose from: reg, plan)",
        "grid.meta.yaml: columns.ktx_km.status: 'guess' is not a valid status (choose from: measured, plan, estimate, computed, claim)",
        "grid.meta.yaml: columns.land_ha.method: a computed fact must say how it was computed (method: ...)",
    ]


def test_a_column_without_unit_or_entry_is_refused(tmp_path: Path) -> None:
    table = write_table(tmp_path, "csv", meta=False)
    cols = {"power_mw": dict(COLUMNS["power_mw"]), "ktx_km": {"source": "reg"}}  # no unit; land_ha: no entry
    write_meta(tmp_path / "grid.meta.yaml", cols)
    r = run_cli("rank", "--sites", str(table), "--criteria", str(write_criteria(tmp_path)), cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[:-1] == [
        "grid.meta.yaml: columns.land_ha: no entry for column 'land_ha' of grid.csv (give at least its unit and source)"
    ]
    cols["land_ha"] = dict(COLUMNS["land_ha"])
    write_meta(tmp_path / "grid.meta.yaml", cols)
    r = run_cli("rank", "--sites", str(table), "--criteria", str(write_criteria(tmp_path)), cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[:-1] == [
        "grid.meta.yaml: columns.ktx_km.unit: '(no unit)' is not a length (criterion rail expects m)"
    ]
    (tmp_path / "grid.meta.yaml").unlink()
    r = run_cli("rank", "--sites", str(table), "--criteria", str(write_criteria(tmp_path)), cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.startswith("grid.csv: no sidecar grid.meta.yaml beside it")


def test_import_writes_profiles_that_validate_and_rank_as_the_table(
    tmp_path: Path, profile_json: str
) -> None:
    table = write_table(tmp_path, "parquet")
    crit = write_criteria(tmp_path)
    r = run_cli("import", str(table), "--into", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{x['id']}.yaml" for x in ROWS)
    assert run_cli("validate", "--sites", str(tmp_path / "out"), "--criteria", str(crit)).returncode == 0
    r = run_cli("rank", "--sites", str(tmp_path / "out"), "--criteria", str(crit), "--format", "json")
    assert _ranking(r.stdout) == _ranking(profile_json)
    again = run_cli("import", str(table), "--into", str(tmp_path / "out"), cwd=tmp_path)
    assert again.returncode == 1
    assert "out/alpha.yaml: exists; not overwritten (--force replaces it)" in again.stderr
    forced = run_cli("import", str(table), "--into", str(tmp_path / "out"), "--force")
    assert forced.returncode == 0, forced.stderr


def test_rank_top_prints_the_best_k_and_json_says_how_many_were_ranked(
    tmp_path: Path, profile_json: str
) -> None:
    table = write_table(tmp_path, "csv")
    crit = write_criteria(tmp_path)
    r = run_cli("rank", "--sites", str(table), "--criteria", str(crit), "--format", "json", "--top", "2")
    obj = json.loads(r.stdout)
    assert obj["ranked"] == 6 and obj["top"] == 2
    assert _ranking(r.stdout) == _ranking(profile_json)[:2]
    csv = run_cli("rank", "--sites", str(table), "--criteria", str(crit), "--format", "csv", "--top", "3")
    assert len(csv.stdout.strip().splitlines()) == 4
    assert "ranked 6 sites; the best 3 are shown" in csv.stderr
    text = run_cli("rank", "--sites", str(table), "--criteria", str(crit), "--top", "2")
    assert "ranked: 6 sites; the best 2 are shown (--top)" in text.stdout
    prof = run_cli("rank", "--sites", str(tmp_path / "none"), "--top", "2", "--format", "json")
    assert prof.returncode == 1  # (a missing folder is still an error)


def test_the_workbook_works_from_a_table_and_says_how_many_were_ranked(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    table = write_table(tmp_path, "xlsx-meta")
    crit = write_criteria(tmp_path)
    out = tmp_path / "top.xlsx"
    r = run_cli("compare", "--sites", str(table), "--criteria", str(crit), "--top", "3", "-o", str(out))
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out)
    summary = [c for row in wb["Summary"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any(s.startswith("6 sites were ranked; this workbook shows the best 3.") for s in summary)
    info = {row[0]: row[1] for row in wb["Run info"].iter_rows(values_only=True) if row and row[0]}
    assert info.get("Sites ranked") == 6
    ranked = [
        row[1] for row in wb["Ranking"].iter_rows(min_row=1, values_only=True) if isinstance(row[0], int)
    ]
    assert len(ranked) == 3
    full = tmp_path / "all.xlsx"
    r = run_cli("compare", "--sites", str(table), "--criteria", str(crit), "-o", str(full))
    assert r.returncode == 0, r.stderr
    rows = [
        row for row in load_workbook(full)["Ranking"].iter_rows(values_only=True) if isinstance(row[0], int)
    ]
    assert len(rows) == 6


# ----------------------------------------------------------------- the columnar matrix


def _same_matrix(a, b) -> None:  # type: ignore[no-untyped-def]
    assert tuple(a.site_ids) == tuple(b.site_ids)
    assert a.criterion_ids == b.criterion_ids
    for name in ("X", "low", "high", "missing", "weights", "observed_low", "observed_high"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert list(a.excluded) == list(b.excluded)
    assert a.warnings == b.warnings
    assert a.excluded_criteria == b.excluded_criteria
    assert a.not_comparable == b.not_comparable
    for c in a.criteria:
        for s in a.site_ids:
            ca, cb = a.cell(s, c.id), b.cell(s, c.id)
            assert ca == cb or (
                ca.fact is not None and cb.fact is not None and ca.fact.value == cb.fact.value
            )


value = st.one_of(st.none(), st.floats(0.5, 500, allow_nan=False).map(lambda x: round(x, 3)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    grid=st.lists(st.tuples(value, value, value), min_size=3, max_size=8),
    policies=st.tuples(*[st.sampled_from(["worst", "median", "interval", "exclude-site"])] * 3),
    bound=st.one_of(st.none(), st.floats(1, 400).map(lambda x: round(x, 1))),
    horizon=st.sampled_from(["planned", "built"]),
    method=st.sampled_from(["wsm", "wpm", "topsis"]),
    scope=st.sampled_from(["substation-firm", "zone"]),
)
def test_the_columnar_matrix_equals_build_matrix_on_the_same_rows(
    tmp_path_factory: pytest.TempPathFactory,
    grid,
    policies,
    bound,
    horizon,
    method,
    scope,  # type: ignore[no-untyped-def]
) -> None:
    root = tmp_path_factory.mktemp("prop")
    rows = [
        {"id": f"s{i}", "name": f"S {i}", "power_mw": a, "ktx_km": b, "land_ha": c}
        for i, (a, b, c) in enumerate(grid)
    ]
    doc = json.loads(json.dumps(CRITERIA))
    for (cid, c), pol in zip(doc["criteria"].items(), policies, strict=True):
        c["missing"] = pol
        c["plausible"] = {"min": 0, "max": 1000}
        c.pop("scopes", None) if cid == "power" and pol == "exclude-site" else None
    if bound is not None:
        doc["criteria"]["power"]["bounds"] = {"min": bound}
    if "scopes" in doc["criteria"]["power"]:
        doc["criteria"]["power"]["scopes"] = [scope]  # "zone": the column is not comparable
    doc["min_coverage"] = 0.3
    crit = write_criteria(root, doc)
    table = write_table(root, "parquet", rows)
    sites = write_profiles(root, rows)
    try:
        s1 = load_study(sites, crit, horizon=horizon)
    except Exception as exc:  # the same inputs must fail the same way
        with pytest.raises(type(exc)) as info:
            load_study(table, crit, horizon=horizon)
        msgs = sorted(i.message for i in exc.issues)  # type: ignore[attr-defined]
        assert sorted(i.message for i in info.value.issues) == msgs
        return
    s2 = load_study(table, crit, horizon=horizon)
    _same_matrix(build_matrix(s2), build_matrix(s1))
    from sitecompare.model import MethodSpec

    try:
        r1 = rank(s1, MethodSpec(method))
    except Exception as exc:
        with pytest.raises(type(exc)):
            rank(s2, MethodSpec(method))
        return
    r2 = rank(s2, MethodSpec(method))
    np.testing.assert_array_equal(r2.output.scores, r1.output.scores)
    np.testing.assert_array_equal(r2.output.ranks, r1.output.ranks)
    assert r2.intervals is not None and r1.intervals is not None
    np.testing.assert_array_equal(r2.intervals.best, r1.intervals.best)
    np.testing.assert_array_equal(r2.intervals.worst, r1.intervals.worst)
    assert r2.table().to_dict("records") == r1.table().to_dict("records")


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_tidy_array_rounds_as_tidy_bit_for_bit(x: float) -> None:
    got = tidy_array(np.array([x, x * 1e3, x / 7]))
    want = [tidy(v) for v in (x, x * 1e3, x / 7)]
    for g, w in zip(got, want, strict=True):
        assert (math.isnan(g) and math.isnan(w)) or g == w


def test_sensitivity_and_sites_take_a_table_as_its_rows_written_as_profiles(tmp_path: Path) -> None:
    table = write_table(tmp_path, "csv")
    crit = write_criteria(tmp_path)
    prof = write_profiles(tmp_path)
    args = ["sensitivity", "--criteria", str(crit), "--samples", "500", "--seed", "3", "--format", "json"]
    a = json.loads(run_cli(*args, "--sites", str(table)).stdout)
    b = json.loads(run_cli(*args, "--sites", str(prof)).stdout)
    assert a["smaa"]["rank_acceptability"] == b["smaa"]["rank_acceptability"]
    sites = json.loads(
        run_cli("sites", "--sites", str(table), "--criteria", str(crit), "--format", "json").stdout
    )
    assert [s["site"] for s in sites["sites"]] == [r["id"] for r in ROWS]


def test_sheet_picks_the_sheet_of_a_workbook(tmp_path: Path, profile_json: str) -> None:
    from openpyxl import load_workbook

    table = write_table(tmp_path, "xlsx")
    wb = load_workbook(table)
    wb.create_sheet("notes", 0).append(["not", "sites"])  # now first
    wb.save(table)
    crit = write_criteria(tmp_path)
    r = run_cli(
        "rank", "--sites", str(table), "--criteria", str(crit), "--sheet", "sites", "--format", "json"
    )
    assert r.returncode == 0, r.stderr
    assert _ranking(r.stdout) == _ranking(profile_json)
    r = run_cli("rank", "--sites", str(table), "--criteria", str(crit), "--sheet", "nope", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.splitlines()[0] == "grid.xlsx: no sheet 'nope' (sheets: notes, sites)"


def test_the_what_if_sheet_of_the_best_k_recalculates_to_the_full_rankings_scores(tmp_path: Path) -> None:
    """The workbook of the best 3 of 6 sites pins min-max to all 6 sites' extremes: LibreOffice's
    live What-if scores equal the scores of the whole table's ranking."""
    from test_workbook_libreoffice import RECALC_ALWAYS, convert, whatif_result

    profile = tmp_path / "lo"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS)
    table = write_table(tmp_path, "parquet")
    crit = write_criteria(tmp_path)
    out = tmp_path / "top.xlsx"
    r = run_cli("compare", "--sites", str(table), "--criteria", str(crit), "--top", "3", "-o", str(out))
    assert r.returncode == 0, r.stderr
    full = rank(load_study(table, crit))
    want = {full.site_ids[i]: float(full.output.scores[i]) for i in full.order[:3]}
    (recalculated,) = convert(profile, [out], "xlsx", tmp_path / "lo-out")
    scores, ranks = whatif_result(recalculated)
    assert scores.keys() == want.keys()
    for s, x in want.items():
        assert scores[s] == pytest.approx(x, abs=1e-9)
    assert sorted(ranks.values()) == [1, 2, 3]
