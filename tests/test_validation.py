"""One test per kind of bad input, asserting its exact message (FILE: FIELD: message), exit code
1, every problem reported in one run, and no traceback."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_study, run_cli

from sitecompare.cli import main

GOOD_SITES = {
    "alpha": {"compute_pf": "10 PFLOPS", "ktx_km": "20 km"},
    "beta": {"compute_pf": "30 PFLOPS", "ktx_km": "5 km"},
}
CRITERIA = {
    "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 40},
    "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 30},
}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, text)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


Mutation = Callable[[Path, Path], object]

CASES: list[tuple[str, Mutation, tuple[str, ...], list[str]]] = [
    (
        "yaml_syntax_error",
        lambda s, c: edit(s / "alpha.yaml", "name: ALPHA", "name: [ALPHA"),
        (),
        [
            "sites/alpha.yaml: YAML syntax error: did not find expected ',' or ']' (line 4, column 8)"
        ],
    ),
    (
        "toml_syntax_error",
        lambda s, c: (s / "gamma.toml").write_text('format = 1\nid = "gamma"\nname = \n'),
        (),
        ["sites/gamma.toml: TOML syntax error: Invalid value (at line 3, column 8)"],
    ),
    (
        "unknown_top_level_key",
        lambda s, c: edit(s / "alpha.yaml", "facts:", "facs: {}\nfacts:"),
        (),
        [
            "sites/alpha.yaml: facs: unknown key 'facs'; did you mean 'facts'? (valid keys: coordinates, "
            "country, facts, format, id, name, name_local, note, region, sources)"
        ],
    ),
    (
        "unknown_fact_key",
        lambda s, c: edit(
            s / "alpha.yaml", "compute_pf: 10 PFLOPS", "compute_pf: {value: 10, untis: PFLOPS}"
        ),
        (),
        [
            "sites/alpha.yaml: facts.compute_pf.untis: unknown key 'untis'; did you mean 'unit'? (valid keys: "
            "as_of, high, low, method, note, quote, scope, source, status, unit, value)"
        ],
    ),
    (
        "incompatible_unit",
        lambda s, c: edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: 20 min"),
        (),
        ["sites/alpha.yaml: facts.ktx_km.unit: 'min' is not a length (criterion rail expects km)"],
    ),
    (
        "unknown_unit",
        lambda s, c: edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: 20 parsecs"),
        (),
        [
            "sites/alpha.yaml: facts.ktx_km.unit: 'parsecs' is not a known unit (unknown: parsecs; known units "
            "include km, min, h, m^2, km^2, PFLOPS, PB, MW, person/year, count, percent, KRW)"
        ],
    ),
    (
        "nan_value",
        lambda s, c: edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: .nan, unit: km}"),
        (),
        ["sites/alpha.yaml: facts.ktx_km.value: nan is not a finite number"],
    ),
    (
        "infinite_value",
        lambda s, c: edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: .inf, unit: km}"),
        (),
        ["sites/alpha.yaml: facts.ktx_km.value: inf is not a finite number"],
    ),
    (
        "nan_in_shorthand",
        lambda s, c: edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: nan km"),
        (),
        ["sites/alpha.yaml: facts.ktx_km: 'nan km': nan is not a finite number"],
    ),
    (
        "negative_weight",
        lambda s, c: edit(c, "weight: 40", "weight: -4"),
        (),
        ["criteria/default.yaml: criteria.compute.weight: must be at least 0, got -4"],
    ),
    (
        "non_numeric_weight",
        lambda s, c: edit(c, "weight: 40", "weight: heavy"),
        (),
        ["criteria/default.yaml: criteria.compute.weight: expected a number, got 'heavy'"],
    ),
    (
        "all_weights_zero",
        lambda s, c: (edit(c, "weight: 40", "weight: 0"), edit(c, "weight: 30", "weight: 0")),
        (),
        [
            "criteria/default.yaml: criteria: all weights are zero; at least one criterion needs a positive weight"
        ],
    ),
    (
        "missing_fact_under_error_policy",
        lambda s, c: edit(s / "alpha.yaml", "  ktx_km: 20 km\n", ""),
        (),
        [
            "sites/alpha.yaml: facts.ktx_km: missing, and criterion 'rail' (criteria/default.yaml) has missing: "
            "error (add the fact, or set missing: interval, worst, median or exclude-site)"
        ],
    ),
    (
        "criterion_names_a_fact_no_site_has",
        lambda s, c: edit(c, "fact: compute_pf", "fact: compute_p"),
        (),
        [
            "criteria/default.yaml: criteria.compute.fact: no site has a fact 'compute_p'; did you mean 'compute_pf'?"
        ],
    ),
    (
        "unknown_method_in_criteria_file",
        lambda s, c: edit(c, "name: test set", "name: test set\nmethod: {name: topsys}"),
        (),
        None,
    ),  # long list of choices: checked below by prefix
    (
        "empty_sites_folder",
        lambda s, c: [p.unlink() for p in s.iterdir()],
        (),
        ["sites: no site profiles (*.yaml, *.yml, *.toml) in this folder"],
    ),
    (
        "impossible_unquoted_date",
        lambda s, c: edit(s / "alpha.yaml", "date: '2024-01-01'", "date: 2024-02-30"),
        (),
        [
            "sites/alpha.yaml: sources.src.date: expected a date like 2021-03-26 (or 2021-03, 2021), "
            "got '2024-02-30'"
        ],
    ),
    (
        "impossible_date_in_criteria_file",
        lambda s, c: edit(c, "format: 1", "format: 1\ncurrency_rates: {USD/KRW: 1380, as_of: 2025-13-45}"),
        (),
        [
            "criteria/default.yaml: currency_rates.as_of: expected a date like 2021-03-26 (or 2021-03, "
            "2021), got '2025-13-45'"
        ],
    ),
    (
        "broken_symlink_in_sites_folder",
        lambda s, c: (s / "ghost.yaml").symlink_to(s / "nowhere.yaml"),
        (),
        ["sites/ghost.yaml: broken symbolic link (its target does not exist)"],
    ),
    (
        "device_in_sites_folder",
        lambda s, c: (s / "zero.yaml").symlink_to("/dev/zero"),
        (),
        ["sites/zero.yaml: not a regular file (a device, pipe or socket)"],
    ),
    (
        "folder_named_like_a_profile",
        lambda s, c: (s / "old.yaml").mkdir(),
        (),
        ["sites/old.yaml: not a regular file (a folder)"],
    ),
    (
        "control_character_escape_in_a_name",
        lambda s, c: edit(s / "alpha.yaml", "name: ALPHA", 'name: "AL\\aPHA"'),
        (),
        ["sites/alpha.yaml: name: contains the control character '\\x07'; remove it"],
    ),
    (
        "binary_junk",
        lambda s, c: (s / "junk.yaml").write_bytes(bytes(range(256)) * 4),
        (),
        ["sites/junk.yaml: not a text file (NUL byte at offset 0)"],
    ),
    (
        "invalid_utf8",
        lambda s, c: (s / "junk.yaml").write_bytes(b"name: \xff\xfe\xfa"),
        (),
        ["sites/junk.yaml: not UTF-8 text (invalid byte at offset 6)"],
    ),
    (
        "yaml_alias_bomb",
        lambda s, c: (s / "bomb.yaml").write_text(
            'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
            "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        ),
        (),
        [
            "sites/bomb.yaml: YAML syntax error: YAML aliases (*a) are not allowed; write the value out (line 2, column 8)"
        ],
    ),
    (
        "duplicate_key",
        lambda s, c: edit(s / "alpha.yaml", "name: ALPHA", "name: ALPHA\nname: AGAIN"),
        (),
        ["sites/alpha.yaml: YAML syntax error: duplicate key 'name' (line 4, column 1)"],
    ),
    (
        "id_differs_from_file_name",
        lambda s, c: edit(s / "alpha.yaml", "id: alpha", "id: alfa"),
        (),
        ["sites/alpha.yaml: id: 'alfa' must equal the file name stem 'alpha'"],
    ),
    (
        "bad_status",
        lambda s, c: edit(
            s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: 20, unit: km, status: planned}"
        ),
        (),
        [
            "sites/alpha.yaml: facts.ktx_km.status: 'planned' is not a valid status (choose from: measured, plan, estimate, computed, claim)"
        ],
    ),
    (
        "bad_direction",
        lambda s, c: edit(c, "direction: max", "direction: maximum"),
        (),
        [
            "criteria/default.yaml: criteria.compute.direction: 'maximum' is not a valid direction (choose from: max, min)"
        ],
    ),
    (
        "bad_missing_policy",
        lambda s, c: edit(c, "direction: max", "direction: max\n    missing: skip"),
        (),
        [
            "criteria/default.yaml: criteria.compute.missing: 'skip' is not a valid missing policy (choose from: worst, median, exclude-site, error, interval)"
        ],
    ),
    (
        "inverted_range",
        lambda s, c: edit(
            s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {low: 30, high: 20, unit: km}"
        ),
        (),
        ["sites/alpha.yaml: facts.ktx_km.low: low (30) is greater than high (20)"],
    ),
    (
        "unknown_source",
        lambda s, c: edit(
            s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: 20, unit: km, source: nope}"
        ),
        (),
        [
            "sites/alpha.yaml: facts.ktx_km.source: 'nope' is not a source of this profile (choose from: src)"
        ],
    ),
    (
        "bad_date",
        lambda s, c: edit(s / "alpha.yaml", "date: '2024-01-01'", "date: 'last spring'"),
        (),
        [
            "sites/alpha.yaml: sources.src.date: expected a date like 2021-03-26 (or 2021-03, 2021), got 'last spring'"
        ],
    ),
    (
        "money_without_a_rate",
        lambda s, c: (
            edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: 20 km\n  fund: 5 billion USD"),
            edit(s / "beta.yaml", "ktx_km: 5 km", "ktx_km: 5 km\n  fund: 5 billion KRW"),
            edit(
                c,
                "criteria:",
                "criteria:\n  funding: {fact: fund, unit: billion KRW, direction: max, weight: 10}",
            ),
        ),
        (),
        [
            "sites/alpha.yaml: facts.fund.unit: converting USD to KRW needs a rate: add currency_rates: {USD/KRW: ...} to the criteria file"
        ],
    ),
    (
        "unknown_scenario",
        lambda s, c: None,
        ("rank", "--scenario", "nope"),
        [
            "--scenario: 'nope' is not a scenario of criteria/default.yaml (choose from: none defined)"
        ],
    ),
    (
        "bad_weights_option",
        lambda s, c: None,
        ("rank", "--weights", "compte=5,rail=x,compute=-1"),
        [
            "--weights: compte: unknown criterion 'compte'; did you mean 'compute'? (criteria: compute, rail)",
            "--weights: rail: expected a number, got 'x'",
            "--weights: compute: weights must be >= 0, got '-1'",
        ],
    ),
    (
        "scenario_names_unknown_criterion",
        lambda s, c: edit(c, "name: test set", "name: test set\nscenarios: {fast: {rial: 3}}"),
        (),
        [
            "criteria/default.yaml: scenarios.fast.rial: unknown criterion 'rial' (criteria: compute, rail)"
        ],
    ),
    (
        "computed_fact_without_method",
        lambda s, c: edit(
            s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: 20, unit: km, status: computed}"
        ),
        (),
        [
            "sites/alpha.yaml: facts.ktx_km.method: a computed fact must say how it was computed (method: ...)"
        ],
    ),
    (
        "shorthand_with_two_sources",
        lambda s, c: edit(
            s / "alpha.yaml", "sources:", "sources:\n  other: {title: Other, date: 2020-01-01}"
        ),
        (),
        [
            "sites/alpha.yaml: facts.compute_pf: the shorthand needs a single source to default to; this profile has 2 (other, src): name one with source:",
            "sites/alpha.yaml: facts.ktx_km: the shorthand needs a single source to default to; this profile has 2 (other, src): name one with source:",
        ],
    ),
    (
        "bad_country",
        lambda s, c: edit(s / "alpha.yaml", "country: KR", "country: Korea"),
        (),
        ["sites/alpha.yaml: country: 'Korea' is not an ISO 3166-1 alpha-2 code like 'KR'"],
    ),
    (
        "file_too_large",
        lambda s, c: (s / "big.yaml").write_text("a: " + "x" * 2_100_000),
        (),
        ["sites/big.yaml: file too large (2100003 bytes; limit 2000000)"],
    ),
    (
        "unknown_method_parameter",
        lambda s, c: edit(
            c, "name: test set", "name: test set\nmethod: {name: topsis, normalisation: vector}"
        ),
        (),
        [
            "criteria/default.yaml: method.normalisation: unknown parameter 'normalisation' for topsis (valid: normalization, metric)"
        ],
    ),
    (
        "bad_preference_function",
        lambda s, c: edit(
            c, "direction: max", "direction: max\n    preference: {function: triangle}"
        ),
        (),
        [
            "criteria/default.yaml: criteria.compute.preference.function: 'triangle' is not a valid preference function "
            "(choose from: usual, u-shape, v-shape, level, linear, gaussian)"
        ],
    ),
    (
        "list_at_top_level",
        lambda s, c: (s / "alpha.yaml").write_text("- a\n- b\n"),
        (),
        ["sites/alpha.yaml: expected a mapping of keys at the top level, got list"],
    ),
    (
        "empty_file",
        lambda s, c: (s / "alpha.yaml").write_text(""),
        (),
        ["sites/alpha.yaml: file is empty"],
    ),
    (
        "criteria_file_not_found",
        lambda s, c: c.unlink(),
        (),
        ["criteria/default.yaml: file not found"],
    ),
    (
        "inverted_bounds",
        lambda s, c: edit(c, "direction: max", "direction: max\n    bounds: {min: 50, max: 10}"),
        (),
        ["criteria/default.yaml: criteria.compute.bounds: min (50) is greater than max (10)"],
    ),
    (
        "bounds_screen_out_every_site",
        lambda s, c: edit(c, "direction: max", "direction: max\n    bounds: {min: 500}"),
        (),
        [
            "sites: no site is left after screening: alpha: compute_pf = 10 PFLOPS is below the minimum 500 PFLOPS "
            "(criterion compute); beta: compute_pf = 30 PFLOPS is below the minimum 500 PFLOPS (criterion compute)"
        ],
    ),
    (
        "unsupported_format_version",
        lambda s, c: edit(s / "alpha.yaml", "format: 1", "format: 2"),
        (),
        ["sites/alpha.yaml: format: unsupported format 2 (this version reads format 1)"],
    ),
    (
        "method_parameter_out_of_range",
        lambda s, c: None,
        ("rank", "--method", "vikor", "--param", "v=1.5"),
        ["--param: v: 1.5 is outside 0..1"],
    ),
    (
        "unknown_normalization",
        lambda s, c: None,
        ("rank", "--param", "normalization=zscore"),
        [
            "--param: normalization: 'zscore' is not a valid normalization for wsm (choose from: minmax, max, sum, vector, none)"
        ],
    ),
    (
        "equal_scale_anchors",
        lambda s, c: edit(c, "direction: max", "direction: max\n    scale: {worst: 5, best: 5}"),
        (),
        ["criteria/default.yaml: criteria.compute.scale: worst and best are equal (5)"],
    ),
    (
        "yaml_1_1_boolean_is_not_a_country",
        lambda s, c: edit(s / "alpha.yaml", "country: KR", "country: yes"),
        (),
        ["sites/alpha.yaml: country: 'yes' is not an ISO 3166-1 alpha-2 code like 'KR'"],
    ),
    (
        "value_outside_its_range",
        lambda s, c: edit(
            s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: 40, low: 10, high: 30, unit: km}"
        ),
        (),
        ["sites/alpha.yaml: facts.ktx_km.value: 40 lies outside its range 10..30"],
    ),
    (
        "negative_distance",  # issue 9 item 4: it passed and changed the ranking
        lambda s, c: edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: -18 km"),
        (),
        ["sites/alpha.yaml: facts.ktx_km.value: must be at least 0 (a length cannot be negative), got -18"],
    ),
    (
        "negative_ends_of_a_range",
        lambda s, c: edit(
            s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {low: -30, high: -2, unit: km}\n  land: -5 m^2"
        ),
        (),
        [
            "sites/alpha.yaml: facts.ktx_km.low: must be at least 0 (a length cannot be negative), got -30",
            "sites/alpha.yaml: facts.ktx_km.high: must be at least 0 (a length cannot be negative), got -2",
            "sites/alpha.yaml: facts.land.value: must be at least 0 (an area cannot be negative), got -5",
        ],
    ),
    (
        "negative_count_power_money_duration",
        lambda s, c: edit(
            s / "alpha.yaml",
            "ktx_km: 20 km",
            "ktx_km: 20 km\n  firms: -1 count\n  power: -40 MW\n  fund: -3 billion KRW\n  ktx_time: -20 min"
            "\n  talent: -360 person/year\n  index: -2.5",
        ),
        (),
        [
            "sites/alpha.yaml: facts.firms.value: must be at least 0 (a count cannot be negative), got -1",
            "sites/alpha.yaml: facts.power.value: must be at least 0 (a power cannot be negative), got -40",
            "sites/alpha.yaml: facts.fund.value: must be at least 0 (an amount of money in KRW cannot be negative), got -3",
            "sites/alpha.yaml: facts.ktx_time.value: must be at least 0 (a time cannot be negative), got -20",
            "sites/alpha.yaml: facts.talent.value: must be at least 0 (people per time cannot be negative), got -360",
            # a plain number (an index, a rank difference) may be negative: no line for 'index'
        ],
    ),
    (
        "percentage_outside_0_to_100",
        lambda s, c: edit(
            s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: 20 km\n  share: 140 percent\n  cut: {value: -3, unit: '%'}"
        ),
        (),
        [
            "sites/alpha.yaml: facts.share.value: must lie within 0..100 percent (a share), got 140",
            "sites/alpha.yaml: facts.cut.value: must lie within 0..100 % (a share), got -3",
        ],
    ),
    (
        "source_dated_in_the_future",
        lambda s, c: edit(s / "alpha.yaml", "date: '2024-01-01'", "date: 2999-01-01"),
        (),
        ["sites/alpha.yaml: sources.src.date: '2999-01-01' is after today; a source's date cannot lie in the future"],
    ),
    (
        "fact_as_of_in_the_future",
        lambda s, c: edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: 20, unit: km, as_of: 2999-06}"),
        (),
        ["sites/alpha.yaml: facts.ktx_km.as_of: '2999-06' is after today; a fact's as_of date cannot lie in the future"],
    ),
    (
        "number_too_large_is_quoted_as_written",
        lambda s, c: (
            edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: 1e400, unit: km}"),
            edit(s / "beta.yaml", "ktx_km: 5 km", "ktx_km: {low: 1, high: -1.5E+400, unit: km}"),
            edit(c, "weight: 40", "weight: 1_000e999"),
        ),
        (),
        [
            "sites/alpha.yaml: facts.ktx_km.value: 1e400 is not a finite number",
            "sites/beta.yaml: facts.ktx_km.high: -1.5E+400 is not a finite number",
            "criteria/default.yaml: criteria.compute.weight: 1_000e999 is not a finite number",
        ],
    ),
    (
        "integer_too_large_for_a_float",
        lambda s, c: edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: 1" + "0" * 400 + ", unit: km}"),
        (),
        ["sites/alpha.yaml: facts.ktx_km.value: 1" + "0" * 56 + "... is not a finite number"],
    ),
    (
        "number_too_large_in_toml",
        lambda s, c: (s / "gamma.toml").write_text(
            'format = 1\nid = "gamma"\nname = "G"\ncountry = "KR"\n'
            '[sources.src]\ntitle = "T"\ndate = 2024-01-01\n'
            '[facts]\ncompute_pf = {value = 1e400, unit = "PFLOPS"}\nktx_km = {value = 2, unit = "km", as_of = 2999-12-31}\n'
        ),
        (),
        [
            "sites/gamma.toml: facts.compute_pf.value: 1e400 is not a finite number",
            "sites/gamma.toml: facts.ktx_km.as_of: 2999-12-31 is after today; a fact's as_of date cannot lie in the future",
        ],
    ),
    (
        "number_inside_a_unit",
        lambda s, c: edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: 20, unit: 1000 m}"),
        (),
        ["sites/alpha.yaml: facts.ktx_km.unit: '1000 m' is not a unit (a number belongs in value)"],
    ),
]


def _run(tmp_path: Path, mutate: Mutation, args: tuple[str, ...]):  # type: ignore[no-untyped-def]
    sdir, cpath = make_study(tmp_path, GOOD_SITES, CRITERIA)
    mutate(sdir, cpath)
    cmd = list(args) or ["validate"]
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return CliRunner().invoke(
            main, [*cmd, "--sites", "sites", "--criteria", "criteria/default.yaml"]
        )
    finally:
        os.chdir(old)


@pytest.mark.parametrize("name,mutate,args,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_exact_message(
    tmp_path: Path, name: str, mutate: Mutation, args: tuple[str, ...], expected: list[str] | None
) -> None:
    res = _run(tmp_path, mutate, args)
    assert res.exit_code == 1, (res.output, res.exception)
    lines = res.stderr.strip().splitlines()
    assert lines[-1].startswith("sitecompare: ") and lines[-1].endswith(
        "found; nothing was written"
    )
    if expected is None:
        assert lines[0].startswith(
            "criteria/default.yaml: method.name: 'topsys' is not a known method "
            "(choose from: wsm, wpm, topsis, vikor, promethee2, skc-"
        )
    else:
        assert lines[:-1] == expected
    assert res.stdout == ""
    assert "Traceback" not in res.output


def test_every_problem_in_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    def mutate(s: Path, c: Path) -> None:
        edit(s / "alpha.yaml", "ktx_km: 20 km", "ktx_km: {value: .nan, unit: km}")
        edit(s / "beta.yaml", "ktx_km: 5 km", "ktx_km: 5 min")
        edit(c, "direction: max", "direction: up")
        (s / "junk.yaml").write_bytes(b"\x00\x01")

    res = _run(tmp_path, mutate, ())
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        "sites/alpha.yaml: facts.ktx_km.value: nan is not a finite number",
        "sites/junk.yaml: not a text file (NUL byte at offset 0)",
        "criteria/default.yaml: criteria.compute.direction: 'up' is not a valid direction (choose from: max, min)",
        # the criteria file has a problem, but its valid criterion 'rail' still checks beta
        "sites/beta.yaml: facts.ktx_km.unit: 'min' is not a length (criterion rail expects km)",
        "sitecompare: 4 problems found; nothing was written",
    ]


def test_unit_problems_of_loaded_sites_are_reported_beside_schema_problems(tmp_path: Path) -> None:
    """A schema error in one profile must not hide a unit error in another: the sites that
    loaded are still checked against the (valid) criteria file in the same run."""

    def mutate(s: Path, c: Path) -> None:
        edit(s / "alpha.yaml", "facts:", "fatcs: {}\nfacts:")
        edit(s / "beta.yaml", "ktx_km: 5 km", "ktx_km: 5 min")

    res = _run(tmp_path, mutate, ())
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        "sites/alpha.yaml: fatcs: unknown key 'fatcs'; did you mean 'facts'? (valid keys: coordinates, "
        "country, facts, format, id, name, name_local, note, region, sources)",
        "sites/beta.yaml: facts.ktx_km.unit: 'min' is not a length (criterion rail expects km)",
        "sitecompare: 2 problems found; nothing was written",
    ]


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    t0 = time.perf_counter()
    res = _run(tmp_path, lambda s, c: (s / "bomb.yaml").write_text("\n".join(lines) + "\n"), ())
    assert time.perf_counter() - t0 < 5  # generous: the point is "no exponential blow-up"
    assert res.exit_code == 1
    assert "YAML aliases (*a) are not allowed" in res.stderr


@pytest.mark.parametrize(
    "args", [("validate",), ("rank", "--format", "json"), ("sites",), ("rank", "--method", "nope")]
)
def test_real_console_script_exits_1_without_traceback(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    sdir, cpath = make_study(tmp_path, GOOD_SITES, CRITERIA)
    edit(sdir / "alpha.yaml", "ktx_km: 20 km", "ktx_km: 20 min")
    edit(cpath, "weight: 40", "weight: -1")
    res = run_cli(*args, "--sites", "sites", "--criteria", "criteria/default.yaml", cwd=tmp_path)
    assert res.returncode == 1
    assert res.stdout == ""
    assert "Traceback" not in res.stderr
    assert all(": " in line for line in res.stderr.strip().splitlines())


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    res = run_cli("rank", "--format", "xml", cwd=tmp_path)
    assert res.returncode == 2
    assert "Invalid value for '--format'" in res.stderr
    assert "Traceback" not in res.stderr


def test_a_fact_held_only_by_a_broken_profile_is_not_blamed_on_the_criteria_file(tmp_path: Path) -> None:
    """beta holds ktx_km too, but when alpha is the only valid profile left and it lacks the
    fact, the criteria file must not be told 'no site has a fact': beta's own problem is the
    one to fix."""

    def mutate(s: Path, c: Path) -> None:
        edit(s / "alpha.yaml", "ktx_km: 20 km\n", "")
        edit(s / "beta.yaml", "country: KR", "country: Korea")

    res = _run(tmp_path, mutate, ())
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert "sites/beta.yaml: country: 'Korea' is not an ISO 3166-1 alpha-2 code like 'KR'" in lines
    assert not any("no site has a fact" in ln for ln in lines), lines


def test_weights_near_the_float_limit_keep_their_ratios(tmp_path: Path) -> None:
    """1e308 + 1e308 overflows a plain sum to inf, which turned every share into 0 and tied
    every site at rank 1 with exit 0. The shares must be 1/2 and 1/2 (others ~0)."""
    import json

    sdir, cpath = make_study(tmp_path, GOOD_SITES, CRITERIA)
    res = run_cli(
        "rank", "--sites", str(sdir), "--criteria", str(cpath), "--weights", "compute=1e308,rail=1e308",
        "--format", "json",
    )
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["weights"] == {"compute": 0.5, "rail": 0.5}
    assert [r["rank"] for r in out["ranking"]] == [1, 2]
    pts = run_cli("weights", "points", "compute=1e308", "rail=1e308", "--format", "json")
    assert pts.returncode == 0, pts.stderr
    assert json.loads(pts.stdout)["weights"] == {"compute": 0.5, "rail": 0.5}


def test_a_negative_distance_is_refused_by_every_command_and_clobbers_nothing(tmp_path: Path) -> None:
    """`ktx_km: -18` made alpha the best on rail and lifted it in the ranking, with exit 0.
    Now rank and compare refuse it (exit 1, one line) and an existing workbook is untouched."""
    sdir, cpath = make_study(tmp_path, GOOD_SITES, CRITERIA)
    args = ("--sites", "sites", "--criteria", "criteria/default.yaml")
    first = run_cli("compare", *args, "-o", "out.xlsx", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = (tmp_path / "out.xlsx").read_bytes()
    edit(sdir / "alpha.yaml", "ktx_km: 20 km", "ktx_km: -18 km")
    line = "sites/alpha.yaml: facts.ktx_km.value: must be at least 0 (a length cannot be negative), got -18"
    for cmd in (("rank",), ("compare", "-o", "out.xlsx"), ("sensitivity",)):
        res = run_cli(*cmd, *args, cwd=tmp_path)
        assert res.returncode == 1, (cmd, res.stderr)
        assert res.stdout == ""
        assert res.stderr.splitlines() == [line, "sitecompare: 1 problem found; nothing was written"]
    assert (tmp_path / "out.xlsx").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["criteria", "out.xlsx", "sites"]


def test_unit_problems_of_a_profile_with_schema_problems_come_in_the_same_run(tmp_path: Path) -> None:
    """Issue 9 item 6: a profile with a schema problem (a bad country, a misspelt key) was set
    aside whole, so its unit errors appeared only once the schema errors were fixed. Its valid
    facts are now checked against the criteria in the same run (and a fact that failed
    validation is not reported again as missing)."""
    sdir, cpath = make_study(tmp_path, GOOD_SITES, CRITERIA)
    edit(sdir / "alpha.yaml", "country: KR", "country: Korea")
    edit(sdir / "alpha.yaml", "ktx_km: 20 km", "ktx_km: 20 min")
    edit(sdir / "beta.yaml", "compute_pf: 30 PFLOPS", "compute_pf: {value: 30, unit: PB, soruce: src}")
    edit(sdir / "beta.yaml", "ktx_km: 5 km", "ktx_km: {value: 5, unit: km, status: planned}")
    edit(cpath, "weight: 30", "weight: 30\n    lable: Rail")
    res = run_cli("validate", "--sites", "sites", "--criteria", "criteria/default.yaml", cwd=tmp_path)
    assert res.returncode == 1
    assert res.stdout == ""
    assert res.stderr.splitlines() == [
        "sites/alpha.yaml: country: 'Korea' is not an ISO 3166-1 alpha-2 code like 'KR'",
        "sites/beta.yaml: facts.compute_pf.soruce: unknown key 'soruce'; did you mean 'source'? (valid keys: "
        "as_of, high, low, method, note, quote, scope, source, status, unit, value)",
        "sites/beta.yaml: facts.ktx_km.status: 'planned' is not a valid status (choose from: measured, plan, estimate, computed, claim)",
        "criteria/default.yaml: criteria.rail.lable: unknown key 'lable'; did you mean 'label'? (valid keys: bounds, "
        "direction, fact, group, label, label_local, min_coverage, missing, note, plausible, preference, scale, "
        "scopes, unit, weight)",
        # before: nothing below this line until the problems above were fixed (and rail, a
        # criterion with a misspelt key, still checks alpha's unit)
        "sites/alpha.yaml: facts.ktx_km.unit: 'min' is not a length (criterion rail expects km)",
        "sites/beta.yaml: facts.compute_pf.unit: 'PB' is not a compute rate (FLOPS) (criterion compute expects PFLOPS)",
        "sitecompare: 6 problems found; nothing was written",
    ]


def test_a_criterion_with_a_bad_missing_policy_checks_no_site(tmp_path: Path) -> None:
    """A criterion is used for cross-checks despite a problem only where the problem cannot
    change the check: with a misspelt missing policy it would default to 'error' and blame
    every site lacking the fact, so it is left out."""
    sdir, cpath = make_study(tmp_path, GOOD_SITES, CRITERIA)
    edit(sdir / "alpha.yaml", "  ktx_km: 20 km\n", "")
    edit(cpath, "weight: 30", "weight: 30\n    missing: wrost")
    res = run_cli("validate", "--sites", "sites", "--criteria", "criteria/default.yaml", cwd=tmp_path)
    assert res.stderr.splitlines() == [
        "criteria/default.yaml: criteria.rail.missing: 'wrost' is not a valid missing policy (choose from: "
        "worst, median, exclude-site, error, interval)",
        "sitecompare: 1 problem found; nothing was written",
    ]
