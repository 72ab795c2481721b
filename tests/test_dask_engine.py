"""--engine dask on a LocalCluster: the same best K as the numpy engine on a table of a few
thousand rows cut into pieces, the refusals, duplicate ids across pieces, and SMAA split into
seeded blocks whose acceptabilities agree with the numpy engine's within sampling error."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from conftest import run_cli

from sitecompare.engines.dask_rank import rank_table
from sitecompare.engines.dask_smaa import smaa
from sitecompare.engines.dask_tasks import pieces
from sitecompare.errors import ValidationError
from sitecompare.matrix import build_matrix
from sitecompare.model import MethodSpec
from sitecompare.ranking import rank
from sitecompare.study import load_criteria, load_study, resolve_weights

N = 3000
TOP = 25


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None, protocol="tcp"
    )
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _table(root: Path, ties: bool = True) -> Path:
    """A dataset folder of 3 files x 2 row groups, with gaps, bounds to screen, exact ties."""
    rng = np.random.default_rng(11)
    power = np.round(rng.uniform(5, 300, N), 1)
    km = np.round(rng.uniform(0.5, 80, N), 2)
    land = np.round(rng.uniform(1, 90, N), 1)
    talent = rng.integers(1, 5000, N).astype(float)
    land[rng.random(N) < 0.1] = np.nan
    talent[rng.random(N) < 0.2] = np.nan
    power[rng.random(N) < 0.02] = np.nan
    if ties:  # the best sites copied to rows in other pieces: exact ties across pieces
        for a, b in ((10, 2990), (11, 1500), (12, 1501)):
            power[b], km[b], land[b], talent[b] = 300.0, 0.5, 90.0, 4999.0
            power[a], km[a], land[a], talent[a] = 300.0, 0.5, 90.0, 4999.0
    t = pa.table(
        {
            "id": [f"site-{i:05d}" for i in range(N)],
            "name": [f"Site {i}" for i in range(N)],
            "power_mw": pa.array(power, from_pandas=True),
            "ktx_km": pa.array(km),
            "land_ha": pa.array(land, from_pandas=True),
            "talent": pa.array(talent, from_pandas=True),
        }
    )
    folder = root / "grid"
    folder.mkdir()
    step = N // 3
    for k in range(3):
        pq.write_table(t.slice(k * step, step), folder / f"part-{k}.parquet", row_group_size=step // 2)
    meta = {
        "format": 1,
        "sources": {"reg": {"title": "Register", "date": "2025-01-01"}},
        "columns": {
            "power_mw": {"unit": "MW", "source": "reg"},
            "ktx_km": {"unit": "km", "source": "reg", "status": "computed", "method": "haversine"},
            "land_ha": {"unit": "ha", "source": "reg"},
            "talent": {"unit": "person/year", "source": "reg"},
        },
    }
    (root / "grid.meta.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    return folder


def _criteria(root: Path, **over: dict) -> Path:
    doc = {
        "format": 1,
        "name": "dask test",
        "criteria": {
            "power": {
                "fact": "power_mw",
                "unit": "MW",
                "direction": "max",
                "weight": 30,
                "missing": "exclude-site",
                "bounds": {"min": 20},
            },
            "rail": {"fact": "ktx_km", "unit": "m", "direction": "min", "weight": 25},
            "land": {"fact": "land_ha", "unit": "m^2", "direction": "max", "weight": 25, "missing": "worst"},
            "talent": {
                "fact": "talent",
                "unit": "person/year",
                "direction": "max",
                "weight": 20,
                "missing": "interval",
                "plausible": {"min": 1, "max": 6000},
            },
        },
    }
    for k, v in over.items():
        doc["criteria"][k].update(v)
    path = root / "criteria.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask")
    _table(root)
    _criteria(root)
    return root


def _numpy_top(root: Path, method: MethodSpec) -> list[tuple[str, int, float]]:
    study = load_study(root / "grid", root / "criteria.yaml")
    r = rank(study, method, intervals=False)
    return [(r.site_ids[i], int(r.output.ranks[i]), float(r.output.scores[i])) for i in r.order[:TOP]]


def _dask_top(client, root: Path, method: MethodSpec):  # type: ignore[no-untyped-def]
    cs, _ = load_criteria(root / "criteria.yaml")
    w, _, _ = resolve_weights(cs)
    return rank_table(client, root / "grid", cs, w, method, top=TOP)


@pytest.mark.parametrize(
    "method",
    [
        MethodSpec("wsm", {"normalization": "minmax"}),
        MethodSpec("wsm", {"normalization": "vector"}),
        MethodSpec("wsm", {"normalization": "max"}),
        MethodSpec("wsm", {"normalization": "sum"}),
        MethodSpec("wpm", {"normalization": "none"}),
        MethodSpec("topsis", {"normalization": "vector", "metric": "euclidean"}),
    ],
    ids=lambda m: f"{m.name}-{dict(m.params)['normalization']}",
)
def test_the_best_k_equal_the_numpy_engines(client, data: Path, method: MethodSpec) -> None:  # type: ignore[no-untyped-def]
    want = _numpy_top(data, method)
    got = _dask_top(client, data, method)
    assert len(pieces(data / "grid")) == 6
    assert [(r["site"], r["rank"]) for r in got.rows] == [(s, k) for s, k, _ in want]
    scores = np.array([r["score"] for r in got.rows])
    if dict(method.params)["normalization"] in ("minmax", "none"):
        np.testing.assert_array_equal(scores, [x for _, _, x in want])  # the same operations
    else:
        np.testing.assert_allclose(scores, [x for _, _, x in want], rtol=1e-12)  # sums in another order
    study = load_study(data / "grid", data / "criteria.yaml")
    dm = build_matrix(study)
    assert got.ranked == len(dm.site_ids)
    assert got.excluded_count == len(dm.excluded)
    assert [s for s, _ in got.excluded] == [s for s, _ in list(dm.excluded)[:100]]
    assert [r for _, r in got.excluded] == [r for _, r in list(dm.excluded)[:100]]


def test_methods_and_policies_that_need_more_than_two_passes_are_refused(client, data: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        _dask_top(client, data, MethodSpec("vikor", {"v": 0.5}))
    assert str(info.value.issues[0]).endswith(
        "method: --engine dask ranks with wsm, wpm, topsis (two passes over the data); vikor needs more: use --engine numpy"
    )
    root = data / "median"
    root.mkdir()
    crit = _criteria(root, land={"missing": "median"})
    cs, _ = load_criteria(crit)
    w, _, _ = resolve_weights(cs)
    with pytest.raises(ValidationError) as info:
        rank_table(client, data / "grid", cs, w, MethodSpec("wsm"), top=5)
    assert "criteria.land.missing: median needs every value of the column in one place" in str(info.value)


def test_a_duplicate_id_in_another_piece_is_found(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _table(tmp_path, ties=False)
    t = pq.read_table(folder / "part-2.parquet")
    ids = t.column("id").to_pylist()
    ids[7] = "site-00003"  # the id of row 5 (piece 1), again in row 2009 (piece 6)
    pq.write_table(t.set_column(0, "id", pa.array(ids)), folder / "part-2.parquet", row_group_size=500)
    crit = _criteria(tmp_path)
    cs, _ = load_criteria(crit)
    w, _, _ = resolve_weights(cs)
    with pytest.raises(ValidationError) as info:
        rank_table(client, folder, cs, w, MethodSpec("wsm"), top=5)
    assert len(info.value.issues) == 1
    assert str(info.value.issues[0]).endswith("grid:2009:id: 'site-00003' is also the id of row 5")


def test_rank_engine_dask_through_the_console_script(client, data: Path) -> None:  # type: ignore[no-untyped-def]
    address = client.scheduler.address
    args = [
        "rank",
        "--sites",
        str(data / "grid"),
        "--criteria",
        str(data / "criteria.yaml"),
        "--format",
        "json",
        "--top",
        "10",
    ]
    d = run_cli(*args, "--engine", "dask", "--scheduler", address)
    assert d.returncode == 0, d.stderr
    n = run_cli(*args)
    a, b = json.loads(d.stdout), json.loads(n.stdout)
    assert [(e["site"], e["rank"], e["score"]) for e in a["ranking"]] == [
        (e["site"], e["rank"], e["score"]) for e in b["ranking"]
    ]
    assert a["ranked"] == b["ranked"] and a["engine"]["workers"] == 2
    bad = run_cli(*args, "--engine", "dask", "--method", "promethee2", "--scheduler", address)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.splitlines()[0] == (
        "--method: promethee2: --engine dask ranks with wsm, wpm, topsis (two passes over the data); "
        "promethee2 needs more: use --engine numpy"
    )


def test_smaa_blocks_agree_with_the_numpy_engine_within_sampling_error(client) -> None:  # type: ignore[no-untyped-def]
    """Two independent estimates of the same acceptability p from N samples each differ by
    a normal variable of standard deviation sqrt(2 p (1 - p) / N); 5 of them (plus 1e-3 for p
    near 0 or 1) bound every one of the 49 cells with a false alarm rate below 1e-5."""
    from sitecompare.sensitivity import run_sensitivity

    study = load_study()  # the shipped study: 7 sites, unknown facts sampled too
    samples = 20_000
    ref = run_sensitivity(study, samples=samples, seed=3).smaa
    dm = build_matrix(study)
    got = smaa(client, dm, study.method, samples=samples, seed=4, blocks=8)
    assert got.blocks == 8 and len(got.block_seeds) == 8
    assert got.sites == ref.sites
    p = (ref.rank_acceptability + got.rank_acceptability) / 2
    bound = 5 * np.sqrt(2 * p * (1 - p) / samples) + 1e-3
    assert (np.abs(ref.rank_acceptability - got.rank_acceptability) <= bound).all()
    np.testing.assert_allclose(got.rank_acceptability.sum(axis=1), 1.0)
    again = smaa(client, dm, study.method, samples=samples, seed=4, blocks=8)
    np.testing.assert_array_equal(again.rank_acceptability, got.rank_acceptability)  # seeded per block
