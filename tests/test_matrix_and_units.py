"""Unit conversion, missing-value policies, bounds, scale anchors, ranges, currencies."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import make_study

import sitecompare as sc
from sitecompare.units import UnitError, convert, describe_unit, parse_unit, split_quantity


@pytest.mark.parametrize(
    "value,src,dst,expected",
    [
        (1, "EFLOPS", "PFLOPS", 1000),
        (88.5, "PF", "PFLOPS", 88.5),
        (3.62, "km^2", "m^2", 3_620_000),
        (46_200, "㎡", "m^2", 46_200),
        (1.5, "trillion KRW", "billion KRW", 1500),
        (25_080_749, "million KRW", "trillion KRW", 25.080749),
        (2, "h", "min", 120),
        (1, "GW", "MW", 1000),
        (107, "PB", "PB", 107),
        (360, "people/year", "person/year", 360),
        (32.9, "%", "percent", 32.9),
    ],
)
def test_unit_conversions(value: float, src: str, dst: str, expected: float) -> None:
    assert convert(value, src, dst) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "src,dst,message",
    [
        ("PB", "count", "'PB' is not a count (expected count)"),
        ("percent", "count", "'percent' is not a count (expected count)"),
        ("person", "count", "'person' is not a count (expected count)"),
        ("km", "min", "'km' is not a time (expected min)"),
        ("person", "person/year", "'person' is not people per time (expected person/year)"),
        ("MVA", "MW", "'MVA' is not a power (expected MW)"),
    ],
)
def test_units_that_must_not_convert(src: str, dst: str, message: str) -> None:
    with pytest.raises(UnitError) as exc:
        convert(1, src, dst)
    assert str(exc.value) == message


def test_pf_is_petaflops_not_petafarad() -> None:
    assert describe_unit(parse_unit("PF")) == "a compute rate (FLOPS)"


def test_currency_converts_only_through_a_stated_rate() -> None:
    assert convert(4, "billion USD", "billion KRW", {"USD/KRW": 1380}) == pytest.approx(5520)
    assert convert(5520, "billion KRW", "billion USD", {"USD/KRW": 1380}) == pytest.approx(4)
    assert convert(1, "USD/kWh", "KRW/kWh", {"USD/KRW": 1000}) == pytest.approx(1000)
    with pytest.raises(UnitError, match="needs a rate"):
        convert(1, "billion JPY", "billion KRW", {"USD/KRW": 1380})


def test_split_quantity() -> None:
    assert split_quantity("360 person/year") == (360.0, "person/year")
    assert split_quantity("1,528 person") == (1528.0, "person")
    assert split_quantity("88.5") == (88.5, "")
    assert split_quantity("1e3 m^2") == (1000.0, "m^2")


def _study(tmp_path: Path, facts: dict, crit_extra: dict | None = None, **kw):  # type: ignore[no-untyped-def]
    crit = {
        "compute": {
            "fact": "compute_pf",
            "unit": "PFLOPS",
            "direction": "max",
            "weight": 1,
            **(crit_extra or {}),
        },
        "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 1},
    }
    sdir, cpath = make_study(tmp_path, facts, crit, **kw)
    return sc.load_study(sdir, cpath)


FACTS = {
    "a": {"compute_pf": "10 PFLOPS", "ktx_km": "20 km"},
    "b": {"compute_pf": "0.03 EFLOPS", "ktx_km": "5000 m"},
    "c": {"ktx_km": "10 km"},
}


@pytest.mark.parametrize("policy,expected", [("worst", 10.0), ("median", 20.0)])
def test_missing_worst_and_median_impute_from_the_sites_in_the_comparison(
    tmp_path: Path, policy: str, expected: float
) -> None:
    dm = sc.build_matrix(_study(tmp_path, FACTS, {"missing": policy}))
    assert dm.site_ids == ("a", "b", "c")
    assert dm.X[:, 0].tolist() == [10.0, 30.0, expected]
    assert dm.X[:, 1].tolist() == [20.0, 5.0, 10.0]  # 5000 m -> 5 km
    assert dm.missing[2, 0] and not dm.missing[0, 0]
    assert dm.cell("c", "compute").imputed == policy
    assert any(f"compute_pf missing for c; missing: {policy} uses" in w for w in dm.warnings)


def test_missing_exclude_site_lists_the_reason(tmp_path: Path) -> None:
    dm = sc.build_matrix(_study(tmp_path, FACTS, {"missing": "exclude-site"}))
    assert dm.site_ids == ("a", "b")
    assert dm.excluded == (
        ("c", "no fact 'compute_pf' (criterion compute has missing: exclude-site)"),
    )


def test_bounds_screen_out_a_site_with_the_reason(tmp_path: Path) -> None:
    facts = {k: v for k, v in FACTS.items() if k != "c"} | {
        "c": {"compute_pf": "5 PFLOPS", "ktx_km": "1 km"}
    }
    dm = sc.build_matrix(_study(tmp_path, facts, {"bounds": {"min": 8}}))
    assert dm.site_ids == ("a", "b")
    assert dm.excluded == (
        ("c", "compute_pf = 5 PFLOPS is below the minimum 8 PFLOPS (criterion compute)"),
    )


def test_scale_anchors_replace_min_max_and_clip(tmp_path: Path) -> None:
    study = _study(
        tmp_path, {k: v for k, v in FACTS.items() if k != "c"}, {"scale": {"worst": 0, "best": 20}}
    )
    r = sc.rank(study)
    # compute: a = 10/20 = 0.5, b = 30 PF is beyond best -> clipped to 1; rail min-max: a 0, b 1
    assert r.output.normalized[:, 0].tolist() == [0.5, 1.0]
    assert r.scores.tolist() == pytest.approx([0.25, 1.0])
    # one site clipped: the verb agrees with it
    assert "criterion compute: b lies outside the scale 0..20 PFLOPS and counts as the nearest anchor" in (
        r.matrix.warnings
    )


def test_worst_policy_uses_the_scale_worst_anchor(tmp_path: Path) -> None:
    dm = sc.build_matrix(
        _study(tmp_path, FACTS, {"missing": "worst", "scale": {"worst": 2, "best": 50}})
    )
    assert dm.X[2, 0] == 2.0


def test_range_enters_at_its_midpoint_unless_value_is_given(tmp_path: Path) -> None:
    facts = {
        "a": {"compute_pf": {"low": 10, "high": 20, "unit": "PFLOPS"}, "ktx_km": "1 km"},
        "b": {
            "compute_pf": {"low": 10, "high": 20, "value": 11, "unit": "PFLOPS"},
            "ktx_km": "2 km",
        },
    }
    dm = sc.build_matrix(_study(tmp_path, facts))
    assert dm.X[:, 0].tolist() == [15.0, 11.0]
    assert dm.low[:, 0].tolist() == [10.0, 10.0] and dm.high[:, 0].tolist() == [20.0, 20.0]
    assert dm.cell("a", "compute").is_range


def test_stale_facts_are_flagged_against_the_as_of_date(tmp_path: Path) -> None:
    import datetime as dt

    sdir, cpath = make_study(
        tmp_path,
        {
            "a": {"compute_pf": "1 PFLOPS", "ktx_km": "1 km"},
            "b": {"compute_pf": "2 PFLOPS", "ktx_km": "2 km"},
        },
        {"compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 1}},
        extra={"stale_after_years": 2},
    )
    fresh = sc.build_matrix(sc.load_study(sdir, cpath, as_of=dt.date(2025, 6, 1)))
    old = sc.build_matrix(sc.load_study(sdir, cpath, as_of=dt.date(2026, 6, 1)))
    assert not fresh.cell("a", "compute").stale
    assert old.cell("a", "compute").stale


def test_currency_rate_in_the_criteria_file_converts_money(tmp_path: Path) -> None:
    facts = {"a": {"fund": "4 billion USD"}, "b": {"fund": "5000 billion KRW"}}
    sdir, cpath = make_study(
        tmp_path,
        facts,
        {"funding": {"fact": "fund", "unit": "billion KRW", "direction": "max", "weight": 1}},
        extra={"currency_rates": {"USD/KRW": 1380, "as_of": "2026-01-02"}},
    )
    dm = sc.build_matrix(sc.load_study(sdir, cpath))
    assert dm.X[:, 0].tolist() == pytest.approx([5520.0, 5000.0])


def test_toml_profiles_read_like_yaml(tmp_path: Path) -> None:
    sdir, cpath = make_study(
        tmp_path,
        {"a": {"compute_pf": "1 PFLOPS"}},
        {"compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 1}},
    )
    (sdir / "b.toml").write_text(
        'format = 1\nid = "b"\nname = "Bee"\ncountry = "KR"\n'
        '[sources.src]\ntitle = "T"\ndate = 2024-01-01\n'
        '[facts]\ncompute_pf = {value = 2, unit = "PFLOPS", status = "plan"}\n',
        encoding="utf-8",
    )
    study = sc.load_study(sdir, cpath)
    b = study.site("b")
    assert b.facts["compute_pf"].value == 2 and b.facts["compute_pf"].status == "plan"
    assert sc.rank(study).leader == "b"


def test_shipped_study_has_gwangju_and_six_comparables() -> None:
    study = sc.load_study(
        sc.load_study.__globals__["shipped_sites_dir"](),
        sc.load_study.__globals__["shipped_criteria_file"](),
    )
    ids = {s.id for s in study.sites}
    assert "gwangju-ai-complex" in ids and len(ids) >= 7
    g = study.site("gwangju-ai-complex")
    assert g.facts["compute_pf"].value == 88.5 and g.facts["compute_pf"].status == "plan"
    assert g.facts["storage_pb"].value == 107
    assert g.facts["ai_fund"].value == 109.8 and g.facts["ai_fund_invested"].value == 27.1
    assert g.facts["talent_per_year"].value == 360 and g.facts["talent_per_year"].scope == "ai-programme"
    assert g.facts["ktx_road_km"].value == 18 and g.facts["ktx_road_km"].scope == "road"
    assert g.facts["ktx_km"].status == "computed" and g.facts["ktx_km"].scope == "straight-line-to-hsr"
    assert g.facts["ktx_time"].value == 20 and g.facts["expressway_km"].value == 6
    assert g.facts["h100_gpus"].is_range and g.facts["phase2_funding"].status == "plan"
    # every fact's source is declared, every computed fact says how
    for s in study.sites:
        for f in s.facts.values():
            assert f.source in s.sources
            assert f.status != "computed" or f.method
    assert np.isclose(sum(study.weights.values()), 1.0)


# ------------------------------------------------------------------ the units a Korean analyst writes
@pytest.mark.parametrize(
    "value,src,dst,expected",
    [
        (1098, "억원", "billion KRW", 109.8),  # the Gwangju AI fund: 1,098억원
        (1, "억원", "KRW", 1e8),
        (3, "조원", "billion KRW", 3000),
        (2500, "만원", "million KRW", 25),
        (1, "원", "KRW", 1),
        (121, "평", "m^2", 400),  # 1 평 = 400/121 m^2 exactly
        (1, "평", "m^2", 3.30578512397),
        (2.5, "ha", "m^2", 25_000),
        (150, "ha", "km^2", 1.5),
        (10, "만원/평", "KRW/m^2", 30_250),
    ],
)
def test_korean_units(value: float, src: str, dst: str, expected: float) -> None:
    assert convert(value, src, dst) == pytest.approx(expected, rel=1e-12)


def test_korean_units_in_a_study(tmp_path: Path) -> None:
    """Through the real console script: the converted values show in the imputation notes
    (the worst observed value), and a Korean unit of the wrong kind is an error like any other."""
    import json

    from conftest import run_cli

    sdir, cpath = make_study(
        tmp_path,
        {
            "alpha": {"fund": {"value": 1098, "unit": "억원"}, "land": "121 평", "park": "2.5 ha"},
            "beta": {"fund": "0.5 조원", "land": "3 ha", "park": "90000 평"},
            "gamma": {"grant": "2500 만원"},
        },
        {
            "funding": {"fact": "fund", "unit": "billion KRW", "direction": "max", "weight": 1, "missing": "worst"},
            "land": {"fact": "land", "unit": "m^2", "direction": "max", "weight": 1, "missing": "worst"},
            "park": {"fact": "park", "unit": "ha", "direction": "max", "weight": 1, "missing": "worst"},
            "grant": {"fact": "grant", "unit": "million KRW", "direction": "max", "weight": 1, "missing": "worst"},
        },
        extra={"min_coverage": 0},  # grant: one site of three has it; keep it in
    )
    res = run_cli("rank", "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["warnings"] == [
        "criterion funding: fund missing for gamma; missing: worst uses 109.8 billion KRW, the value of alpha (pessimistic)",
        "criterion land: land missing for gamma; missing: worst uses 400 m^2, the value of alpha (pessimistic)",
        "criterion park: park missing for gamma; missing: worst uses 2.5 ha, the value of alpha (pessimistic)",
        "criterion grant: grant missing for alpha, beta; missing: worst uses 25 million KRW, the value of gamma (pessimistic)",
        "criterion grant: all sites have the same value; it does not discriminate",
    ]
    (sdir / "beta.yaml").write_text((sdir / "beta.yaml").read_text().replace("3 ha", "3 억원"))
    bad = run_cli("validate", cwd=tmp_path)
    assert bad.returncode == 1
    assert bad.stderr.splitlines()[0] == (
        "sites/beta.yaml: facts.land.unit: '억원' is not an area (criterion land expects m^2)"
    )


# ------------------------------------------------------------------ the table of common units
def test_the_shipped_unit_table_is_what_pint_says() -> None:
    """data/units.json (read instead of importing pint, for a fast start) holds, for every unit
    it lists, pint's dimensions and factor to the base units; it lists every common unit."""
    import json

    from sitecompare import units

    table = json.loads((Path(units.__file__).parent / "data" / "units.json").read_text("utf-8"))["units"]
    assert set(table) == set(units._common_units())
    for text, entry in table.items():
        from_pint = units._from_pint(text, text)
        assert dict(from_pint.dims) == entry["dims"], text
        assert from_pint.factor == pytest.approx(entry["factor"], rel=1e-15), text


def test_ranking_the_shipped_study_imports_neither_pint_nor_pandas(tmp_path: Path) -> None:
    """The command line's start: `rank` of the shipped study needs neither (they are imported
    on first use: an unusual unit, a CSV or a notebook DataFrame)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from sitecompare.cli import main\n"
        "sys.argv = ['sitecompare', 'rank']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED', 'pint' in sys.modules, 'pandas' in sys.modules, file=sys.stderr)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stderr.strip().splitlines()[-1] == "LOADED False False"
