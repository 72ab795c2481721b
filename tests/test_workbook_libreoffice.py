"""The workbook in a real spreadsheet program: LibreOffice opens it, renders it, and
recalculates the What-if sheet to the Python ranking.

Every workbook is generated, edited with openpyxl (weights, a fact value), then converted in
ONE LibreOffice run (xlsx -> xlsx, which recalculates every formula and saves the results) and
ONE more for rendering (xlsx -> pdf); each test then checks one case. LibreOffice runs with a
private profile per test session (parallel runs do not collide) that is set to recalculate
formulas on load, and under a time limit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from conftest import make_study, run_cli

import sitecompare as sc
from sitecompare.model import MethodSpec
from sitecompare.report import read_whatif_weights, write_workbook
from sitecompare.study import with_weights

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
LO_TIMEOUT = 240
TOL = 1e-9
AS_OF = dt.date(2026, 1, 1)

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


# --------------------------------------------------------------------------- LibreOffice
@pytest.fixture(scope="session")
def lo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private LibreOffice profile for this test session, set to always recalculate."""
    assert SOFFICE, "LibreOffice (soffice) is required: apt-get install libreoffice-calc-nogui"
    profile = tmp_path_factory.mktemp("lo-profile")
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS)
    return profile


def convert(profile: Path, files: list[Path], fmt: str, outdir: Path) -> list[Path]:
    """Convert ``files`` with one headless LibreOffice run; return the outputs (all must exist)."""
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(SOFFICE),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        fmt,
        "--outdir",
        str(outdir),
        *[str(f) for f in files],
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        out, err = proc.communicate(timeout=LO_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # soffice and the soffice.bin it started
        proc.communicate()
        pytest.fail(f"LibreOffice took more than {LO_TIMEOUT} s converting to {fmt}")
    assert proc.returncode == 0, err
    assert "Error" not in out + err.replace("javaldx", ""), out + err
    ext = fmt.split(":")[0]
    results = [outdir / f"{f.stem}.{ext}" for f in files]
    for r in results:
        assert r.is_file() and r.stat().st_size > 0, f"LibreOffice did not write {r}"
    return results


def load_values(path: Path) -> openpyxl.Workbook:
    with warnings.catch_warnings():
        # LibreOffice writes extensions (x14 conditional formats) openpyxl does not read
        warnings.simplefilter("ignore", UserWarning)
        return openpyxl.load_workbook(path, data_only=True)


def named_cells(wb: openpyxl.Workbook, name: str) -> list[Any]:
    ((sheet, ref),) = wb.defined_names[name].destinations
    return [c for row in wb[sheet][ref] for c in row]


def whatif_result(path: Path) -> tuple[dict[str, float], dict[str, int]]:
    """Live scores (as 0-1) and ranks by site id, read from a recalculated workbook."""
    wb = load_values(path)
    sites = [c.value for c in named_cells(wb, "whatif_sites")]
    score_cells = named_cells(wb, "whatif_scores")
    ws = score_cells[0].parent
    scores = {s: c.value / 100 for s, c in zip(sites, score_cells, strict=True)}
    ranks = {s: ws.cell(c.row, c.column + 1).value for s, c in zip(sites, score_cells, strict=True)}
    return scores, ranks


def set_named(path: Path, name: str, values: dict[str, float], keys: str) -> None:
    """Set cells of a named range by key (criterion ids for whatif_weights)."""
    wb = openpyxl.load_workbook(path)
    labels = [c.value for c in named_cells(wb, keys)]
    for cell, label in zip(named_cells(wb, name), labels, strict=True):
        if label in values:
            cell.value = values[label]
    wb.save(path)


def set_value(path: Path, site: str, criterion: str, value: float) -> None:
    """Type a fact value into the What-if sheet (site row x criterion column)."""
    wb = openpyxl.load_workbook(path)
    crit_cells = named_cells(wb, "whatif_criteria")
    site_cells = named_cells(wb, "whatif_sites")
    col = next(c.column for c in crit_cells if c.value == criterion)
    row = next(c.row for c in site_cells if c.value == site)
    wb["What-if"].cell(row, col).value = value
    wb.save(path)


# ------------------------------------------------------------------------- the cases
SITES = {
    "north": {
        "ktx_km": "12 km",
        "talent": "300 person/year",
        "compute_pf": "40 PFLOPS",
        "site_area": "150000 m^2",
        "power_mw": "80 MW",
    },
    "south": {
        "ktx_km": "30 km",
        "talent": "120 person/year",
        "compute_pf": "90 PFLOPS",
        "site_area": "60000 m^2",
    },
    "east": {"ktx_km": "5 km", "compute_pf": "15 PFLOPS", "site_area": "20000 m^2", "power_mw": "200 MW"},
    "west": {
        "talent": "800 person/year",
        "compute_pf": "55 PFLOPS",
        "site_area": "90000 m^2",
        "power_mw": "35 MW",
    },
    "centre": {
        "ktx_km": "18 km",
        "talent": "450 person/year",
        "compute_pf": "25 PFLOPS",
        "site_area": "75000 m^2",
        "power_mw": "120 MW",
    },
    # screened out by the compute bound: in no formula, listed under the What-if table
    "tiny": {
        "ktx_km": "1 km",
        "talent": "5000 person/year",
        "compute_pf": "2 PFLOPS",
        "site_area": "500 m^2",
        "power_mw": "900 MW",
    },
}
CRITERIA = {
    "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 15, "missing": "worst"},
    "talent": {
        "fact": "talent",
        "unit": "person/year",
        "direction": "max",
        "weight": 25,
        "missing": "median",
    },
    "compute": {
        "fact": "compute_pf",
        "unit": "PFLOPS",
        "direction": "max",
        "weight": 30,
        "bounds": {"min": 10},
    },
    "land": {
        "fact": "site_area",
        "unit": "m^2",
        "direction": "max",
        "weight": 10,
        "missing": "worst",
        "scale": {"worst": 0, "best": 100000},
    },
    "power": {"fact": "power_mw", "unit": "MW", "direction": "max", "weight": 20, "missing": "worst"},
}
EDITED = {"rail": 5, "talent": 40, "compute": 12.5, "land": 30, "power": 0}

# rank intervals: ranged facts, unknowns (missing: interval) scored on the plausible range, a
# fixed scale, and a criterion that sits out (no comparable fact: its weight stays editable)
INTERVAL_SITES = {
    "north": {"mw": {"low": 60, "high": 140, "unit": "MW"}, "km": "12 km", "ha": "80000 m^2", "grads": "300 person/year"},
    "south": {"mw": "90 MW", "ha": "120000 m^2"},
    "east": {"mw": "150 MW", "km": {"low": 3, "high": 30, "unit": "km"}, "ha": "50000 m^2"},
    "west": {"km": "40 km", "ha": "200000 m^2"},
    "centre": {"mw": "110 MW", "km": "18 km", "ha": "100000 m^2"},
}
INTERVAL_CRITERIA = {
    "power": {"fact": "mw", "unit": "MW", "direction": "max", "weight": 40, "missing": "interval", "plausible": {"min": 0, "max": 250}, "scale": {"worst": 0, "best": 200}},
    "rail": {"fact": "km", "unit": "km", "direction": "min", "weight": 30, "missing": "interval", "plausible": {"min": 0, "max": 60}},
    "land": {"fact": "ha", "unit": "m^2", "direction": "max", "weight": 10},
    "talent": {"fact": "grads", "unit": "person/year", "direction": "max", "weight": 20, "scopes": ["regional-graduates"], "missing": "interval", "plausible": {"min": 0, "max": 1000}},
}
INTERVAL_EDITED = {"power": 10, "rail": 35, "land": 5, "talent": 50}


@dataclass
class Case:
    """One workbook to recalculate and the Python ranking it must equal."""

    name: str
    study: sc.Study
    weights: dict[str, float] | None = None  # typed into whatif_weights
    values: list[tuple[str, str, float]] = field(default_factory=list)  # typed into the sheet
    method: MethodSpec | None = None  # the WSM the What-if sheet must reproduce
    path: Path | None = None
    recalculated: Path | None = None

    def expected(self, root: Path) -> sc.Ranking:
        study = self.study
        if self.values:  # the same facts changed in the site profiles
            sdir = root / f"{self.name}-edited" / "sites"
            shutil.copytree(Path(study.sites_dir), sdir)
            for site, crit, value in self.values:
                c = study.criteria_set.criterion(crit)
                f = sdir / f"{site}.yaml"
                doc = yaml.safe_load(f.read_text())
                doc["facts"][c.fact] = f"{value!r} {c.unit}"
                f.write_text(yaml.safe_dump(doc, allow_unicode=True))
            study = sc.load_study(sdir, study.criteria_set.path, method=study.method, as_of=AS_OF)
        if self.weights:
            study = with_weights(study, self.weights, "test")
        return sc.rank(study, self.method or study.method)


def _study(root: Path, norm: str | None, method: dict | None = None, sites: dict | None = None) -> sc.Study:
    m = method or {"name": "wsm", "normalization": norm}
    sdir, cpath = make_study(root, sites or SITES, CRITERIA, method=m)
    return sc.load_study(sdir, cpath, as_of=AS_OF)


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory, lo_profile: Path) -> dict[str, Case]:
    root = tmp_path_factory.mktemp("recalc")
    out: dict[str, Case] = {}

    def add(case: Case) -> None:
        out[case.name] = case

    # each WSM normalisation, with a cost criterion, a fixed scale (one value clipped) and
    # missing values filled by 'worst' and 'median'; weights edited in the sheet
    for norm in ("minmax", "max", "sum", "vector", "none"):
        add(Case(f"{norm}", _study(root / norm, norm), weights=EDITED))
    # an edited fact value, and one that moves the 'worst' imputed for the missing rail values
    add(
        Case(
            "value",
            _study(root / "value", "minmax"),
            weights=EDITED,
            values=[("south", "compute", 120.0), ("south", "rail", 45.0)],
        )
    )
    # an edited value that moves the median imputed for the missing talent value
    add(Case("median", _study(root / "median", "minmax"), values=[("north", "talent", 1000.0)]))
    # untouched: the sheet as written equals the ranking in the workbook
    add(Case("as-written", _study(root / "plain", "minmax")))
    # ties share the better rank: two identical sites
    twins = dict(SITES) | {"twin": dict(SITES["north"])}
    add(Case("ties", _study(root / "ties", "minmax", sites=twins)))
    # another method: the sheet computes WSM min-max and says so
    add(
        Case(
            "topsis",
            _study(root / "topsis", None, method={"name": "topsis"}),
            weights=EDITED,
            method=MethodSpec("wsm", {"normalization": "minmax"}),
        )
    )
    # rank intervals, live: edited weights move them (and the sitting-out talent weight is kept)
    sdir, cpath = make_study(root / "intervals", INTERVAL_SITES, INTERVAL_CRITERIA)
    add(Case("intervals", sc.load_study(sdir, cpath, as_of=AS_OF), weights=INTERVAL_EDITED))
    # the shipped study, weights typed in as the compute-first scenario's points
    shipped = sc.load_study(as_of=AS_OF)
    points = dict(shipped.criteria_set.base_weights())
    points.update(shipped.criteria_set.scenarios["compute-first"])
    add(Case("shipped", shipped, weights=points))

    files = []
    for case in out.values():
        case.path = write_workbook(root / f"{case.name}.xlsx", sc.rank(case.study))
        if case.weights:
            set_named(case.path, "whatif_weights", case.weights, "whatif_criteria")
        for site, crit, value in case.values:
            set_value(case.path, site, crit, value)
        files.append(case.path)
    # a weight typed as a formula: LibreOffice saves its result, which the read-back uses
    formula_book = write_workbook(root / "formula-weight.xlsx", sc.rank(shipped))
    set_named(formula_book, "whatif_weights", {"talent": "=20*3"}, "whatif_criteria")
    files.append(formula_book)
    recalculated = convert(lo_profile, files, "xlsx", root / "recalculated")
    for case, path in zip(out.values(), recalculated, strict=False):
        case.recalculated = path
    out["formula-weight"] = Case("formula-weight", shipped, recalculated=recalculated[-1])
    return out


def check(case: Case, root: Path) -> None:
    assert case.recalculated is not None
    scores, ranks = whatif_result(case.recalculated)
    py = case.expected(root)
    assert set(scores) == set(py.site_ids)
    for i, sid in enumerate(py.site_ids):
        assert scores[sid] == pytest.approx(float(py.output.scores[i]), abs=TOL), sid
        assert ranks[sid] == int(py.output.ranks[i]), sid


@pytest.mark.parametrize("norm", ["minmax", "max", "sum", "vector", "none"])
def test_edited_weights_recalculate_to_the_python_ranking(
    cases: dict[str, Case], norm: str, tmp_path: Path
) -> None:
    case = cases[norm]
    check(case, tmp_path)
    assert case.study.method.params["normalization"] == norm


def test_live_rank_intervals_recalculate_to_the_python_intervals(cases: dict[str, Case], tmp_path: Path) -> None:
    """The What-if sheet's rank intervals are formulas: after editing the weights, LibreOffice's
    best and worst ranks equal sitecompare's closed-form intervals for those weights."""
    case = cases["intervals"]
    check(case, tmp_path)
    py = case.expected(tmp_path)
    assert py.intervals is not None and py.intervals.exact and py.intervals.uncertain == 4
    assert [x.criterion for x in py.matrix.excluded_criteria] == ["talent"]
    wb = load_values(case.recalculated)  # type: ignore[arg-type]
    sites = [c.value for c in named_cells(wb, "whatif_sites")]
    best = [c.value for c in named_cells(wb, "whatif_rank_best")]
    worst = [c.value for c in named_cells(wb, "whatif_rank_worst")]
    expected = {s: py.intervals.of(py.site_ids.index(s)) for s in sites}
    assert {s: (b, w) for s, b, w in zip(sites, best, worst, strict=True)} == expected
    assert any(b != w for b, w in expected.values())  # the case moves some site
    # the intervals moved with the weights: at the workbook's own weights they differ
    made = sc.rank(case.study)
    assert made.intervals is not None
    assert {s: made.intervals.of(i) for i, s in enumerate(made.site_ids)} != expected
    # the sitting-out criterion's weight is on the sheet and reads back
    assert read_whatif_weights(case.recalculated, tuple(INTERVAL_CRITERIA)) == INTERVAL_EDITED


def test_screened_out_sites_stay_out_of_the_model(cases: dict[str, Case]) -> None:
    scores, _ = whatif_result(cases["minmax"].recalculated)  # type: ignore[arg-type]
    assert "tiny" not in scores and len(scores) == 5
    wb = load_values(cases["minmax"].recalculated)  # type: ignore[arg-type]
    text = [c.value for row in wb["What-if"].iter_rows() for c in row if c.value]
    assert any(isinstance(v, str) and "is below the minimum 10 PFLOPS" in v for v in text)


def test_edited_fact_values_recalculate_including_the_imputed_worst(
    cases: dict[str, Case], tmp_path: Path
) -> None:
    check(cases["value"], tmp_path)


def test_an_edited_value_moves_the_imputed_median(cases: dict[str, Case], tmp_path: Path) -> None:
    check(cases["median"], tmp_path)


def test_untouched_sheet_equals_the_workbook_ranking(cases: dict[str, Case], tmp_path: Path) -> None:
    check(cases["as-written"], tmp_path)
    wb = load_values(cases["as-written"].recalculated)  # type: ignore[arg-type]
    ws = wb["What-if"]
    site_cells = named_cells(wb, "whatif_sites")
    for c in site_cells:  # 'Change' is 0 and 'Rank when made' equals the live rank
        assert ws.cell(c.row, 4).value == 0
        assert ws.cell(c.row, 5).value == ws.cell(c.row, 3).value


def test_ties_share_the_better_rank(cases: dict[str, Case], tmp_path: Path) -> None:
    check(cases["ties"], tmp_path)
    _, ranks = whatif_result(cases["ties"].recalculated)  # type: ignore[arg-type]
    assert ranks["twin"] == ranks["north"]
    assert sorted(ranks.values()).count(ranks["north"]) == 2


def test_other_methods_get_a_min_max_weighted_sum(cases: dict[str, Case], tmp_path: Path) -> None:
    check(cases["topsis"], tmp_path)


def test_shipped_study_with_a_scenario_typed_in(cases: dict[str, Case], tmp_path: Path) -> None:
    check(cases["shipped"], tmp_path)
    scenario = sc.rank(sc.load_study(scenario="compute-first", as_of=AS_OF))
    _, ranks = whatif_result(cases["shipped"].recalculated)  # type: ignore[arg-type]
    assert ranks == {s: int(r) for s, r in zip(scenario.site_ids, scenario.output.ranks, strict=True)}


def test_names_survive_a_save_in_libreoffice_and_read_back(cases: dict[str, Case]) -> None:
    path = cases["minmax"].recalculated
    assert path is not None
    wb = load_values(path)
    for name in ("whatif_criteria", "whatif_weights", "whatif_sites", "whatif_scores"):
        assert name in wb.defined_names
    assert read_whatif_weights(path, tuple(CRITERIA)) == EDITED


def test_weights_from_a_libreoffice_save_take_the_weights_and_refuse_edited_facts(
    cases: dict[str, Case], tmp_path: Path
) -> None:
    """LibreOffice stores every formula's result and rewrites the numbers: untouched facts must
    not look edited; the two facts typed into the 'value' case must (issue 9 item 6)."""
    weights_only, facts_too = cases["minmax"], cases["value"]
    for case in (weights_only, facts_too):
        assert case.recalculated is not None
    args = ("--sites", weights_only.study.sites_dir, "--criteria", weights_only.study.criteria_set.path)
    res = run_cli("rank", *args, "--weights-from", str(weights_only.recalculated), "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    total = sum(EDITED.values())
    assert json.loads(res.stdout)["weights"] == pytest.approx({k: v / total for k, v in EDITED.items()})
    args = ("--sites", facts_too.study.sites_dir, "--criteria", facts_too.study.criteria_set.path)
    res = run_cli("rank", *args, "--weights-from", str(facts_too.recalculated), cwd=tmp_path)
    assert res.returncode == 1
    lines = res.stderr.splitlines()
    assert len(lines) == 3 and lines[-1] == "sitecompare: 2 problems found; nothing was written"
    assert "compute_pf of south (criterion compute) is " in lines[0] + lines[1]
    assert "ktx_km of south (criterion rail) is " in lines[0] + lines[1]
    assert all("but the cell holds 120 PFLOPS;" in ln or "but the cell holds 45 km;" in ln for ln in lines[:2])


def test_a_weight_typed_as_a_formula_reads_back_as_its_result(cases: dict[str, Case]) -> None:
    path = cases["formula-weight"].recalculated
    assert path is not None
    assert read_whatif_weights(path, sc.load_study().criteria_set.ids)["talent"] == 60


# --------------------------------------------------------------- opening and rendering
@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, lo_profile: Path) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("render")
    result = sc.rank(sc.load_study(as_of=AS_OF))
    sdir, cpath = make_study(
        root / "hostile",
        {
            "alpha": {"compute_pf": "10 PFLOPS", "ktx_km": "20 km"},
            "beta": {"compute_pf": "30 PFLOPS", "ktx_km": "5 km"},
        },
        {
            "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 1},
            "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 1},
        },
    )
    doc = yaml.safe_load((sdir / "alpha.yaml").read_text())
    doc["name"] = HOSTILE
    doc["sources"] = {"src": {"title": "+SUM(1,2)", "date": "2024-01-01", "publisher": "@cmd"}}
    doc["facts"]["compute_pf"] = {"value": 10, "unit": "PFLOPS", "source": "src"}
    (sdir / "alpha.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    hostile = sc.rank(sc.load_study(sdir, cpath))
    books = [
        write_workbook(root / "en.xlsx", result),
        write_workbook(root / "ko.xlsx", result, lang="ko"),
        write_workbook(root / "hostile.xlsx", hostile),
    ]
    pdfs = convert(lo_profile, books, "pdf", root / "pdf")
    xlsx = convert(lo_profile, [books[2]], "xlsx", root / "saved")
    return {"en": pdfs[0], "ko": pdfs[1], "hostile": pdfs[2], "hostile-xlsx": xlsx[0]}


HOSTILE = '=HYPERLINK("http://example.com","x")'


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout


def test_libreoffice_opens_and_renders_every_sheet(rendered: dict[str, Path]) -> None:
    text = pdf_text(rendered["en"])
    for title in (
        "Site comparison: AI complex - balanced",
        "Decision matrix",
        "Normalised values",
        "Contributions to the score",
        "Weights and scenarios",
        "What-if: change the",
        "Data quality",
        "Sources",
        "Run info",
    ):
        assert title in text, title
    assert "#####" not in text and "#VALUE!" not in text and "#NAME?" not in text
    assert "Err:" not in text


def pages_of(text: str) -> list[list[str]]:
    """The non-blank lines of each printed page (pdftotext ends a page with a form feed)."""
    return [[ln.strip() for ln in page.splitlines() if ln.strip()] for page in text.split("\f")]


def test_printed_pages_repeat_the_title_and_keep_headings_with_their_tables(
    rendered: dict[str, Path],
) -> None:
    """Every page of a sheet starts with the sheet's title (print titles $1:$3, or down to the
    table header); the Data quality list starts a page; no section heading ends a page."""
    pages = [p for p in pages_of(pdf_text(rendered["en"])) if p]
    titles = {
        "Weights": "Weights and scenarios",
        "Data quality": "Data quality",
        "Sources": "Sources",
        "Summary": "Site comparison: AI complex - balanced",
    }
    seen = dict.fromkeys(titles, 0)
    for lines in pages:
        sheet = next((s for s in titles if lines[-1].startswith(s + " ")), None)  # the footer
        if sheet is None:
            continue
        seen[sheet] += 1
        assert lines[0] == titles[sheet], (sheet, lines[:3])
        headings = (
            "Where the weights came from",
            "Criteria: what each one reads and how",
            "Every flag and how it was treated",
        )
        assert not any(lines[-2].startswith(h) for h in headings), lines[
            -3:
        ]  # the last line before the footer
        if "Every flag and how it was treated" in lines:
            assert lines.index("Every flag and how it was treated") == 2  # under the title and description
            assert lines[3].startswith("Rank") and "Site" in lines[3]
    assert all(n >= 2 for n in seen.values()), seen  # each of these sheets prints on several pages
    sources = [lines for lines in pages if lines[-1].startswith("Sources ")]
    assert all(any(ln.startswith("Site") and "Source key" in ln for ln in lines[:4]) for lines in sources)


def test_korean_renders(rendered: dict[str, Path]) -> None:
    text = pdf_text(rendered["ko"])
    for label in ("입지 비교", "의사결정 행렬", "대덕연구개발특구", "고속철도역 거리", "실시간 점수"):
        assert label in text, label


def test_libreoffice_shows_formula_like_text_as_text(rendered: dict[str, Path]) -> None:
    text = pdf_text(rendered["hostile"])
    assert HOSTILE in text
    assert "+SUM(1,2)" in text and "@cmd" in text
    wb = load_values(rendered["hostile-xlsx"])  # saved by LibreOffice: still text, not "x" or 3
    ranking = [c.value for row in wb["Ranking"].iter_rows() for c in row]
    assert HOSTILE in ranking and "x" not in ranking
    sources = [c.value for row in wb["Sources"].iter_rows() for c in row]
    assert "+SUM(1,2)" in sources and "@cmd" in sources and 3 not in sources
