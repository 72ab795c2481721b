"""The comparison workbook: sheets, names, charts, comments, links, text safety, atomic writes.

Workbooks are compared by the values read back with openpyxl, never by bytes. The tests that
need a real spreadsheet program (recalculation, rendering) are in test_workbook_libreoffice.py.
"""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import make_study, run_cli

import sitecompare as sc
from sitecompare.errors import SiteCompareError
from sitecompare.headline import HEADLINE_TEMPLATES
from sitecompare.methods import NATIVE_METHODS
from sitecompare.report import (
    WHATIF_NAMES,
    WHATIF_SHEET,
    build_workbook,
    read_whatif_weights,
    write_workbook,
)
from sitecompare.report.i18n import KO, Lang, attach_particles
from sitecompare.report.layout import put, wrapped_lines, write_title
from sitecompare.sensitivity.robustness import SKIP_TEMPLATES

AS_OF = dt.date(2026, 1, 1)
EN_SHEETS = [
    "Summary",
    "Ranking",
    "Decision matrix",
    "Normalised",
    "Contributions",
    "Weights",
    "What-if",
    "Data quality",
    "Sources",
    "Run info",
]
KO_SHEETS = [
    "요약",
    "순위",
    "의사결정 행렬",
    "정규화 값",
    "기여도",
    "가중치",
    "What-if",
    "데이터 품질",
    "출처",
    "실행 정보",
]


@pytest.fixture(scope="module")
def shipped() -> sc.Ranking:
    return sc.rank(sc.load_study(as_of=AS_OF))


@pytest.fixture(scope="module")
def books(shipped: sc.Ranking, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("books")
    return {
        "en": write_workbook(d / "en.xlsx", shipped, command_line="sitecompare compare"),
        "ko": write_workbook(d / "ko.xlsx", shipped, lang="ko"),
    }


def values(ws) -> list[object]:  # type: ignore[no-untyped-def]
    return [c.value for row in ws.iter_rows() for c in row if c.value is not None]


def named(wb: openpyxl.Workbook, name: str) -> list[object]:
    ((sheet, ref),) = wb.defined_names[name].destinations
    cells = wb[sheet][ref]
    return [c.value for row in cells for c in row]


# ----------------------------------------------------------------------- structure
def test_all_sheets_present_in_order(books: dict[str, Path]) -> None:
    assert openpyxl.load_workbook(books["en"]).sheetnames == EN_SHEETS
    assert openpyxl.load_workbook(books["ko"]).sheetnames == KO_SHEETS


def test_every_sheet_has_a_title_and_a_one_line_description(books: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(books["en"])
    for ws in wb.worksheets:
        assert isinstance(ws["A1"].value, str) and ws["A1"].value, ws.title
        assert isinstance(ws["A2"].value, str) and len(ws["A2"].value) > 30, ws.title
    summary = values(wb["Summary"])
    for name in EN_SHEETS[1:]:  # the "how to read" list links every other sheet
        assert name in summary


def test_whatif_defined_names_are_workbook_level_and_in_order(
    books: dict[str, Path], shipped: sc.Ranking
) -> None:
    wb = openpyxl.load_workbook(books["en"])
    for name in WHATIF_NAMES:
        dn = wb.defined_names[name]
        assert dn.localSheetId is None
        ((sheet, _),) = dn.destinations
        assert sheet == WHATIF_SHEET
    # the criteria that take part, then those that sit out (coverage): every criterion of the set
    out = [x.criterion for x in shipped.matrix.excluded_criteria]
    order = [*shipped.matrix.criterion_ids, *out]
    assert out == ["transport", "talent"] and sorted(order) == sorted(shipped.study.criteria_set.ids)
    assert named(wb, "whatif_criteria") == order
    weights = named(wb, "whatif_weights")
    points = shipped.study.criteria_set.base_weights()
    assert weights == [points[c] for c in order]  # the criteria file's points
    ranked = [shipped.site_ids[i] for i in shipped.order]
    assert named(wb, "whatif_sites") == ranked
    scores = named(wb, "whatif_scores")
    assert len(scores) == len(ranked)
    assert all(isinstance(s, str) and s.startswith("=ROUND(100*SUMPRODUCT(") for s in scores)


def test_at_least_two_native_charts_and_no_pictures(books: dict[str, Path]) -> None:
    with zipfile.ZipFile(books["en"]) as z:
        names = z.namelist()
    charts = [n for n in names if n.startswith("xl/charts/chart")]
    assert len(charts) >= 2
    assert not [n for n in names if n.startswith("xl/media/")]
    wb = openpyxl.load_workbook(books["en"])
    assert len(wb["Contributions"]._charts) == 1
    assert len(wb["Weights"]._charts) == 1


def test_frozen_panes_print_setup_and_footer(books: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(books["en"])
    for name in ("Ranking", "Decision matrix", "Normalised", "Contributions", "Sources"):
        ws = wb[name]
        assert ws.freeze_panes, name
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows
        assert "&A" in (ws.oddFooter.left.text or "")
        assert "&P" in (ws.oddFooter.right.text or "")
    # every printed page repeats the sheet's title and description, and a table header where
    # the sheet is one table (one range of rows: from row 1 down to the header)
    for ws in wb.worksheets:
        first, last = ws.print_title_rows.replace("$", "").split(":")
        assert first == "1" and int(last) >= 3, ws.title
    assert wb["Ranking"].print_title_rows == "$1:$5"  # title, description, group and column headers
    assert wb["Sources"].print_title_rows == "$1:$4"
    assert wb["Ranking"].cell(5, 1).value == "Rank" and wb["Sources"].cell(4, 2).value == "Source key"


def test_data_quality_list_starts_on_a_page_of_its_own(books: dict[str, Path]) -> None:
    """The list of every flag is the sheet's main content: a manual page break puts its heading
    and header at the top of a page (the repeated rows are the title, not this header)."""
    ws = openpyxl.load_workbook(books["en"])["Data quality"]
    heading = next(
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Every flag and how it was treated"
    )
    assert ws.cell(heading + 1, 1).value == "Rank" and ws.cell(heading + 1, 2).value == "Site"
    assert heading - 1 in [b.id for b in ws.row_breaks.brk]


def test_source_keys_fit_their_column(books: dict[str, Path]) -> None:
    """A source key is one word: the column is as wide as the longest key, so none wraps."""
    ws = openpyxl.load_workbook(books["en"])["Sources"]
    keys = [ws.cell(r, 2).value for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value]
    assert "wikipedia-daedeok-science-town" in keys
    width = ws.column_dimensions["B"].width
    assert all(wrapped_lines(k, width - 0.6) == 1 for k in keys), width


# ------------------------------------------------------------------------ content
def test_summary_names_method_weights_leader_and_caveats(books: dict[str, Path], shipped: sc.Ranking) -> None:
    text = "\n".join(str(v) for v in values(openpyxl.load_workbook(books["en"])["Summary"]))
    leader = shipped.study.site(shipped.leader).name
    lo, hi = shipped.intervals.of(shipped.site_ids.index(shipped.leader))
    assert f"{leader} ranks first. With these weights it could rank {lo}–{hi} as the uncertain facts" in text
    assert f"Points: {leader} has " in text
    assert "Weighted sum model (wsm: normalization=minmax)" in text
    assert "the criteria file's weights" in text
    assert "Weights set by: illustrative weights set by the sitecompare authors" in text
    assert "Coverage: 5 of 7 criteria take part; Distance to high-speed rail (KTX/SRT), Talent supply sit out" in text
    for heading in ("Missing values (", "Planned values (", "Ranges (", "Stale values ("):
        assert heading in text
    assert "wpm (none): could not run" in text


def test_ranking_sheet_scores_ranks_and_skipped_method(books: dict[str, Path], shipped: sc.Ranking) -> None:
    ws = openpyxl.load_workbook(books["en"])["Ranking"]
    header = [c.value for c in ws[5]]
    assert header[:5] == ["Rank", "Site", "Local name", "Score (0-100)", "Score (wsm)"]
    assert header[6:8] == ["Could rank (uncertain facts)", "Rank, built only (plans set aside)"]
    assert "(base weights)" in header and "talent-first" in header
    assert "wsm (minmax) *" in header and "topsis" in header
    rows = list(ws.iter_rows(min_row=6, max_row=5 + len(shipped.site_ids), values_only=True))
    for row, i in zip(rows, shipped.order, strict=True):
        assert row[0] == int(shipped.output.ranks[i])
        assert row[1] == shipped.study.site(shipped.site_ids[i]).name
        assert row[3] == pytest.approx(100 * shipped.output.scores[i], abs=1e-9)
        assert row[4] == pytest.approx(shipped.output.scores[i], abs=1e-12)
        lo, hi = shipped.intervals.of(int(i))
        assert row[6] == (f"{lo}" if lo == hi else f"{lo}–{hi}")
        assert row[header.index("wpm (none)")] == "n/a"
    notes = [str(v) for v in values(ws)]
    # the shipped sites without an accelerator count are unknown, at the worst end (0) of the
    # plausible range in the point ranking: wpm fails under every normalisation
    names = [shipped.study.site(s).name for s in ("chuncheon-gak", "pangyo-techno-valley", "sejong-gak")]
    assert (
        "wpm (none) could not rank these data: wpm needs values > 0 under every normalisation; "
        f"criterion 'AI accelerators' has 0 count for {names[0]}, an unknown value at the worst end of its "
        f"plausible range; 0 count for {names[1]}, an unknown value at the worst end of its plausible range"
    ) in " ".join(notes)


def test_decision_matrix_values_units_comments_and_flags(books: dict[str, Path], shipped: sc.Ranking) -> None:
    ws = openpyxl.load_workbook(books["en"])["Decision matrix"]
    dm = shipped.matrix
    crits = list(dm.criteria)
    assert [ws.cell(4, 3 + j).value for j in range(len(crits))] == [c.label for c in crits]
    assert ws.cell(5, 3).value == "count · higher is better"  # units in the headers (accelerators)
    first = 8
    for k, i in enumerate(shipped.order):
        sid = dm.site_ids[i]
        for j, c in enumerate(crits):
            cell = ws.cell(first + k, 3 + j)
            data = dm.cell(sid, c.id)
            assert cell.value == pytest.approx(data.value)
            comment = cell.comment.text
            if data.missing:
                assert "No fact" in comment and f"'{c.missing}'" in comment
                assert cell.fill.fgColor.rgb.endswith("F4CCCC")
            else:
                src = shipped.study.site(sid).sources[data.fact.source]
                assert src.title in comment and f", {src.date_text}\n" in comment  # as written (issue 9)
                if data.fact.status == "plan":
                    assert "Status: plan" in comment
                if data.is_range:
                    assert "Range:" in comment
    legend = values(ws)
    assert any(isinstance(v, str) and v.startswith("Planned:") for v in legend)


def test_sources_sheet_links_and_fact_use(books: dict[str, Path], shipped: sc.Ranking) -> None:
    ws = openpyxl.load_workbook(books["en"])["Sources"]
    gwangju = shipped.study.site("gwangju-ai-complex")
    src = gwangju.sources["ik-2021"]
    for row in ws.iter_rows(min_row=5):
        if row[1].value == "ik-2021" and row[0].value == gwangju.name:
            assert row[2].value == src.title
            assert row[4].value.date() == src.date
            assert row[5].hyperlink.target == src.url
            assert "site_area" in row[6].value and "talent_per_year" not in row[6].value  # not comparable
            break
    else:
        pytest.fail("no row for gwangju / ik-2021")


def test_run_info_records_command_versions_and_hashes(books: dict[str, Path]) -> None:
    ws = openpyxl.load_workbook(books["en"])["Run info"]
    kv = {r[0].value: r[1].value for r in ws.iter_rows(min_row=5) if r[0].value}
    assert kv["Command line"] == "sitecompare compare"
    assert kv["Tool"] == f"sitecompare {sc.__version__}"
    assert kv["openpyxl"] == openpyxl.__version__
    assert kv["Facts as of"] == "2026-01-01"
    crit = Path(sc.__file__).parent / "data" / "criteria" / "default.yaml"
    assert kv["<shipped>/criteria/default.yaml"] == hashlib.sha256(crit.read_bytes()).hexdigest()


def test_korean_workbook_labels_and_local_names(books: dict[str, Path], shipped: sc.Ranking) -> None:
    wb = openpyxl.load_workbook(books["ko"])
    summary = " ".join(str(v) for v in values(wb["요약"]))
    assert "입지 비교" in summary and "결과 한눈에 보기" in summary and "유의할 점" in summary
    ranking = values(wb["순위"])
    for sid in shipped.site_ids:
        site = shipped.study.site(sid)
        assert site.name_local in ranking  # Korean names first ...
        assert site.name in ranking  # ... English names beside them
    matrix = values(wb["의사결정 행렬"])
    for c in shipped.matrix.criteria:  # the criteria that take part
        assert c.label_local in matrix
    # the method's description and cost convention, and why wpm could not rank, in Korean
    info = shipped.info
    kv = {r[1].value: r[2].value for r in wb["요약"].iter_rows() if r[1].value and r[2].value}
    assert kv["방법"].endswith("\n" + KO[info.description])
    assert kv["비용형 기준"] == KO[info.cost_convention]
    chuncheon = shipped.study.site("chuncheon-gak").name_local
    assert (
        # particles by the final sound (issue 9 item 7): "(none)" ends in e (이), "wpm" in m (엠)
        "wpm (none)는 이 자료로 순위를 낼 수 없습니다: wpm은 어느 정규화에서든 값이 > 0이어야 "
        f"합니다; 기준 'AI 가속기 수'의 값: {chuncheon} 0 count(미상값: 타당 범위의 가장 불리한 끝값)"
    ) in " ".join(str(x) for x in ranking)
    whatif = values(wb["What-if"])
    assert "가중치 (점수) - 입력" in whatif and "실시간 점수(0-100)" in whatif
    assert wb["Summary" if "Summary" in wb.sheetnames else "요약"]["A1"].font.name == "Malgun Gothic"


def test_every_label_has_a_korean_translation() -> None:
    """Every literal passed to L.t(...), L.nt(...) (both forms) or N_(...) in sitecompare/report
    has a Korean entry; so have the native methods' descriptions and cost conventions (the
    Summary shows them) and the sentences of a skip reason."""
    missing = []
    for path in sorted((Path(sc.__file__).parent / "report").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            f = node.func
            if (isinstance(f, ast.Attribute) and f.attr in ("t", "nt")) or (
                isinstance(f, ast.Name) and f.id == "N_"
            ):
                count = 2 if isinstance(f, ast.Attribute) and f.attr == "nt" else 1
                for a in node.args[:count]:
                    if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value not in KO:
                        missing.append(f"{path.name}: {a.value!r}")
    for m in NATIVE_METHODS.values():
        missing += [f"{m.name}: {x!r}" for x in (m.title, m.description, m.cost_convention) if x not in KO]
    missing += [f"robustness: {x!r}" for x in SKIP_TEMPLATES if x not in KO]
    missing += [f"headline: {x!r}" for x in HEADLINE_TEMPLATES if x not in KO]
    missing = [x for x in missing if not x.endswith(("'TOPSIS'", "'VIKOR'", "'PROMETHEE II'"))]  # names
    assert not missing, "\n".join(missing)


def test_sentences_built_from_counts_agree_in_number(tmp_path: Path) -> None:
    """One criterion, two sites: "2 sites compared on 1 criterion" (and in Korean one form)."""
    sites = {"a": {"x": 1.0}, "b": {"x": 2.0}}
    crit = {"x": {"fact": "x", "unit": "", "direction": "max", "weight": 1}}
    r = sc.rank(sc.load_study(*make_study(tmp_path, sites, crit), as_of=AS_OF))
    sub = build_workbook(r)["Summary"]["A2"].value
    assert sub.startswith("2 sites compared on 1 criterion with Weighted sum model;")
    assert build_workbook(r, lang="ko")["요약"]["A2"].value.startswith(
        "사이트 2곳을 기준 1개로 가중합 모형에 따라"
    )
    L = sc.report.Lang("en")
    assert L.nt("{n} participant", "{n} participants", 1) == "1 participant"
    assert L.nt("{n} participant", "{n} participants", 3) == "3 participants"


def test_non_additive_method_says_what_it_shows(tmp_path: Path) -> None:
    study = sc.load_study(
        as_of=AS_OF, method=sc.MethodSpec("topsis", {"normalization": "vector", "metric": "euclidean"})
    )
    wb = build_workbook(sc.rank(study))
    assert "TOPSIS scores are not a sum over criteria" in wb["Contributions"]["A2"].value
    whatif = " ".join(str(v) for v in values(wb["What-if"]))
    assert "this workbook ranks by TOPSIS, but this sheet always computes the weighted sum" in whatif
    assert "Closeness (topsis)" in values(wb["Ranking"])


# ---------------------------------------------------------------- text is text
HOSTILE = '=HYPERLINK("http://example.com","x")'


@pytest.fixture
def hostile_study(tmp_path: Path) -> tuple[Path, Path]:
    sdir, cpath = make_study(
        tmp_path,
        {
            "alpha": {"compute_pf": "10 PFLOPS", "ktx_km": "20 km"},
            "beta": {"compute_pf": "30 PFLOPS", "ktx_km": "5 km"},
        },
        {
            "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 1},
            "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 1},
        },
    )
    import yaml

    doc = yaml.safe_load((sdir / "alpha.yaml").read_text())
    doc["name"] = HOSTILE
    doc["name_local"] = "@SUM(1,2)"
    doc["sources"] = {
        "src": {
            "title": "+cmd|' /C calc'!A0",
            "date": "2024-01-01",
            "publisher": "-2+3",
            "url": "https://example.com/report?id=1",
        },
    }
    doc["facts"]["compute_pf"] = {"value": 10, "unit": "PFLOPS", "source": "src", "note": "=1+1"}
    (sdir / "alpha.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    return sdir, cpath


def test_text_starting_with_formula_characters_is_written_as_text(
    hostile_study: tuple[Path, Path], tmp_path: Path
) -> None:
    # openpyxl turns any str starting with '=' into a formula; the report must not
    ws = openpyxl.Workbook().active
    ws["A1"] = "=1+1"
    assert ws["A1"].data_type == "f"
    cell = put(ws, 2, 1, "=1+1")
    assert cell.data_type == "s" and cell.quotePrefix

    path = write_workbook(tmp_path / "h.xlsx", sc.rank(sc.load_study(*hostile_study)))
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    assert "HYPERLINK" not in "".join(part.split("</f>")[0] for part in xml.split("<f>")[1:])
    wb = openpyxl.load_workbook(path)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value in (HOSTILE, "@SUM(1,2)", "+cmd|' /C calc'!A0", "-2+3"):
                    assert c.data_type == "s", (ws.title, c.coordinate)
                    assert c.quotePrefix, (ws.title, c.coordinate)
                    seen.add(c.value)
    assert seen == {HOSTILE, "@SUM(1,2)", "+cmd|' /C calc'!A0", "-2+3"}
    comments = [c.comment.text for c in wb["Decision matrix"]["C"] if c.comment]
    assert any("Note: =1+1" in t for t in comments)


def test_only_web_and_mail_links_become_hyperlinks() -> None:
    from sitecompare.report.layout import safe_url

    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    assert safe_url("mailto:a@example.com") == "mailto:a@example.com"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "https://a b", "=HYPERLINK(1)", ""):
        assert safe_url(bad) is None


def test_control_characters_are_dropped_not_fatal() -> None:
    ws = openpyxl.Workbook().active
    assert put(ws, 1, 1, "a\x00b\x1fc\td").value == "abc\td"


def test_missing_value_formulas_follow_the_observed_cells() -> None:
    from sitecompare.model import Criterion
    from sitecompare.report.whatif_formulas import MAX_IMPUTE_RANGES
    from sitecompare.report.whatif_formulas import cell_ranges as _ranges
    from sitecompare.report.whatif_formulas import impute_formula as _impute_formula

    assert _ranges("G", [5, 6, 7, 9, 11, 12]) == ["G5:G7", "G9", "G11:G12"]
    worst_max = Criterion("c", "C", "f", "km", "max", 1.0, missing="worst")
    worst_min = Criterion("c", "C", "f", "km", "min", 1.0, missing="worst")
    median = Criterion("c", "C", "f", "km", "max", 1.0, missing="median")
    scaled = Criterion("c", "C", "f", "km", "max", 1.0, missing="worst", scale_worst=0.0, scale_best=10.0)
    assert _impute_formula(worst_max, "G", [5, 6, 8], 1.0) == "=MIN(G5:G6,G8)"
    assert _impute_formula(worst_min, "G", [5, 6, 8], 1.0) == "=MAX(G5:G6,G8)"
    assert _impute_formula(median, "H", [5, 7], 1.0) == "=MEDIAN(H5,H7)"
    assert _impute_formula(scaled, "G", [5], 0.0) is None  # the scale's worst end: a number
    assert _impute_formula(worst_max, "G", [], 0.0) is None  # nobody has the fact: 0
    alternating = list(range(5, 5 + 4 * MAX_IMPUTE_RANGES, 2))
    assert _impute_formula(worst_max, "G", alternating, 1.0) is None  # too long: a number


# ---------------------------------------------------------------- library API
def test_public_api() -> None:
    import sitecompare.report as report

    assert report.__all__ == [
        "write_workbook",
        "build_workbook",
        "read_whatif_weights",
        "ExtraSheet",
        "Styles",
        "Lang",
        "LANGS",
        "WHATIF_SHEET",
        "WHATIF_NAMES",
    ]
    assert sc.write_workbook is write_workbook
    assert sc.read_whatif_weights is read_whatif_weights
    assert WHATIF_NAMES == ("whatif_criteria", "whatif_weights", "whatif_sites", "whatif_scores")


def test_extra_sheets_come_after_whatif_and_are_listed_in_the_summary(shipped: sc.Ranking) -> None:
    def oat(wb, st, lang):  # type: ignore[no-untyped-def]
        ws = wb.create_sheet("OAT")
        write_title(ws, st, "One-at-a-time sweeps", "How far each weight can move before the ranking changes")

    wb = build_workbook(shipped, extra_sheets=[oat], run_info={"Seed": 7})
    assert wb.sheetnames.index("OAT") == wb.sheetnames.index("What-if") + 1
    assert wb.sheetnames[-3:] == ["Data quality", "Sources", "Run info"]
    summary = values(wb["Summary"])
    assert "OAT" in summary
    assert "How far each weight can move before the ranking changes" in summary
    assert 7 in values(wb["Run info"])


def test_unknown_language_is_an_error(shipped: sc.Ranking) -> None:
    with pytest.raises(SiteCompareError, match="'fr' is not a language of the workbook"):
        build_workbook(shipped, lang="fr")


# ---------------------------------------------------------------- atomic writes
class Boom(Exception):
    pass


@pytest.mark.parametrize("error", [Boom("disk on fire"), KeyboardInterrupt()])
def test_failure_mid_write_keeps_the_old_workbook_and_leaves_no_temp_file(
    shipped: sc.Ranking, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    target = write_workbook(tmp_path / "book.xlsx", shipped)
    before = target.read_bytes()

    def half_save(self, fh):  # type: ignore[no-untyped-def]
        fh.write(b"PK\x03\x04 half a workbook")
        raise error

    monkeypatch.setattr(openpyxl.Workbook, "save", half_save)
    with pytest.raises(type(error)):
        write_workbook(target, shipped)
    assert target.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["book.xlsx"]


def test_failure_in_a_new_folder_leaves_no_folder(
    shipped: sc.Ranking, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self, fh):  # type: ignore[no-untyped-def]
        raise Boom("no")

    monkeypatch.setattr(openpyxl.Workbook, "save", fail)
    with pytest.raises(Boom):
        write_workbook(tmp_path / "new" / "deeper" / "book.xlsx", shipped)
    assert os.listdir(tmp_path) == []


def test_replacing_keeps_the_file_mode(shipped: sc.Ranking, tmp_path: Path) -> None:
    target = write_workbook(tmp_path / "book.xlsx", shipped)
    target.chmod(0o640)
    write_workbook(target, shipped)
    assert target.stat().st_mode & 0o777 == 0o640


# ------------------------------------------------------------ the real command
def test_compare_from_an_empty_folder(tmp_path: Path) -> None:
    r = run_cli("compare", "--as-of", "2026-01-01", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "daedeok-innopolis" in r.stdout and "rank" in r.stdout
    assert r.stdout.rstrip().endswith("wrote reports/site-comparison.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "reports" / "site-comparison.xlsx")
    assert wb.sheetnames == EN_SHEETS
    kv = {r[0].value: r[1].value for r in wb["Run info"].iter_rows(min_row=5) if r[0].value}
    assert kv["Command line"] == "sitecompare compare --as-of 2026-01-01"
    assert os.listdir(tmp_path / "reports") == ["site-comparison.xlsx"]


def test_compare_korean_to_a_named_file(tmp_path: Path) -> None:
    r = run_cli("compare", "--lang", "ko", "-o", "보고서/비교.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "wrote 보고서/비교.xlsx" in r.stdout
    wb = openpyxl.load_workbook(tmp_path / "보고서" / "비교.xlsx")
    assert wb.sheetnames == KO_SHEETS


def test_compare_refuses_a_non_xlsx_output(tmp_path: Path) -> None:
    r = run_cli("compare", "-o", "report.csv", cwd=tmp_path)
    assert r.returncode == 2
    assert "expected a file name ending in .xlsx, got 'report.csv'" in r.stderr
    assert os.listdir(tmp_path) == []


def test_compare_help_lists_the_options() -> None:
    r = run_cli("compare", "--help")
    assert r.returncode == 0
    for option in ("--lang [en|ko]", "-o, --output FILE", "--weights-from", "--scenario", "--method"):
        assert option in r.stdout, option


def test_broken_input_fails_before_writing_and_keeps_yesterdays_workbook(tmp_path: Path) -> None:
    sdir, cpath = make_study(
        tmp_path,
        {
            "alpha": {"compute_pf": "10 PFLOPS", "ktx_km": "20 km"},
            "beta": {"compute_pf": "30 PFLOPS", "ktx_km": "5 km"},
        },
        {
            "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 2},
            "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 1},
        },
    )
    assert run_cli("compare", cwd=tmp_path).returncode == 0
    book = tmp_path / "reports" / "site-comparison.xlsx"
    yesterday = book.read_bytes()
    (sdir / "beta.yaml").write_text((sdir / "beta.yaml").read_text().replace("5 km", "5 min"))
    r = run_cli("compare", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        "sites/beta.yaml: facts.ktx_km.unit: 'min' is not a length (criterion rail expects km)",
        "sitecompare: 1 problem found; nothing was written",
    ]
    assert book.read_bytes() == yesterday
    assert os.listdir(tmp_path / "reports") == ["site-comparison.xlsx"]
    # and a first run with broken input creates nothing at all
    r = run_cli("compare", "-o", "elsewhere/book.xlsx", cwd=tmp_path)
    assert r.returncode == 1 and not (tmp_path / "elsewhere").exists()


# ----------------------------------------------------------------------- Korean particles
@pytest.mark.parametrize(
    "text,expected",
    [
        ("광주이(가) 1위", "광주가 1위"),  # 주: no final consonant
        ("대덕연구개발특구은(는)", "대덕연구개발특구는"),
        ("판교을(를) 앞지름", "판교를 앞지름"),
        ("세종이(가) 울산을(를) 앞지름", "세종이 울산을 앞지름"),  # 종, 산: a final consonant
        ("국가 인공지능 융복합단지 (광주)이(가)", "국가 인공지능 융복합단지 (광주)가"),  # after ")"
        ("'춘천'와(과) 해남", "'춘천'과 해남"),
        ("서울(으)로", "서울로"),  # 울: final ㄹ takes 로
        ("부산(으)로", "부산으로"),
        # digits by their Korean names: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 end in a consonant
        *[(f"{d}이(가)", f"{d}{'이' if d in '013678' else '가'}") for d in "0123456789"],
        ("7(으)로", "7로"),  # 칠: ㄹ
        ("3(으)로", "3으로"),
        # Latin letters by their names: l (엘), m (엠), n (엔), r (알) end in a consonant
        ("wsm은(는)", "wsm은"),
        ("TOPSIS은(는)", "TOPSIS는"),
        ("gwangju-ai-complex이(가)", "gwangju-ai-complex가"),
        # units are read as words: km 킬로미터, min 분, KRW 원
        ("18 km(으)로", "18 km로"),
        ("30 min(으)로", "30 min으로"),
        ("5 billion KRW(으)로", "5 billion KRW으로"),
        ("40 %(으)로", "40 %로"),
        # a character that cannot be told keeps both forms
        ("漢이(가)", "漢이(가)"),
    ],
)
def test_korean_particles_follow_the_final_sound(text: str, expected: str) -> None:
    assert attach_particles(text) == expected
    assert Lang("ko").t(text) == expected and Lang("en").t(text) == text


def test_no_paired_particle_is_left_in_the_korean_workbook(books: dict[str, Path]) -> None:
    """Every text of the Korean workbook of the shipped study: names are Korean or Latin, so
    every particle can be chosen."""
    wb = openpyxl.load_workbook(books["ko"])
    paired = ("이(가)", "은(는)", "을(를)", "와(과)", "과(와)", "(으)로")
    left = [
        (ws.title, c.coordinate, c.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and any(p in c.value for p in paired)
    ]
    assert left == []
    texts = [c.value for c in wb["요약"]["A"] if isinstance(c.value, str)]
    headline = next(t for t in texts if t.startswith("1위: "))
    assert headline.startswith("1위: SK·AWS 울산 AI 데이터센터. 이 가중치에서")
    assert wb["요약"]["A2"].value.endswith(f" sitecompare {sc.__version__}으로 작성")  # 0: 영


def test_local_names_of_the_criteria_set_and_scenarios(tmp_path: Path) -> None:
    """`name_local` of a criteria set and `label_local` of a scenario (extended form) show in
    the Korean workbook; the English one keeps the names."""
    sdir, cpath = make_study(
        tmp_path,
        {"alpha": {"ktx_km": "20 km", "talent": "10 person/year"}, "beta": {"ktx_km": "5 km", "talent": "1 person/year"}},
        {
            "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 1},
            "talent": {"fact": "talent", "unit": "person/year", "direction": "max", "weight": 1},
        },
        scenarios={
            "talent-first": {"weights": {"talent": 3}, "label_local": "인재 우선"},
            "rail-first": {"rail": 3},
        },
        extra={"name_local": "AI 단지 - 균형"},
    )
    study = sc.load_study(sdir, cpath, scenario="talent-first", as_of=AS_OF)
    assert study.criteria_set.name_local == "AI 단지 - 균형"
    assert dict(study.criteria_set.scenario_labels_local) == {"talent-first": "인재 우선"}
    ko = openpyxl.load_workbook(write_workbook(tmp_path / "ko.xlsx", sc.rank(study), lang="ko"))
    # Run info keeps the file's ids beside the labels (a record for reproducing the run)
    text = " ".join(str(v) for ws in ko.worksheets if ws.title != "실행 정보" for v in values(ws))
    assert ko["요약"]["A1"].value == "입지 비교: AI 단지 - 균형"
    assert "인재 우선" in values(ko["가중치"]) and "rail-first" in values(ko["가중치"])
    assert "talent-first" not in text
    assert "기준 파일의 시나리오 '인재 우선'" in text
    run_info = {r[0].value: r[1].value for r in ko["실행 정보"].iter_rows() if r[0].value}
    assert run_info["시나리오"] == "인재 우선 (talent-first)"
    assert run_info["기준 세트"].startswith("AI 단지 - 균형 (")
    en = openpyxl.load_workbook(write_workbook(tmp_path / "en.xlsx", sc.rank(study)))
    en_text = " ".join(str(v) for ws in en.worksheets for v in values(ws))
    assert "인재 우선" not in en_text and "AI 단지" not in en_text and "talent-first" in en_text


# ----------------------------------------------------------------------- date precision
def _dated_study(root: Path) -> sc.Study:
    """Three sources dated as precisely as they were written: a year, a year-month, a day."""
    import yaml

    sdir, cpath = make_study(
        root,
        {"alpha": {"ktx_km": "20 km"}, "beta": {"ktx_km": "5 km"}},
        {"rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 1}},
    )
    doc = yaml.safe_load((sdir / "alpha.yaml").read_text())
    doc["sources"] = {
        "annual": {"title": "Annual report", "date": 2014},
        "monthly": {"title": "Monthly note", "date": "2019-03"},
        "daily": {"title": "Press release", "date": "2024-01-05"},
    }
    doc["facts"] = {
        "ktx_km": {"value": 20, "unit": "km", "source": "annual"},
        "other": {"value": 1, "source": "monthly"},
        "third": {"value": 2, "source": "daily", "as_of": "2023-11"},
    }
    (sdir / "alpha.yaml").write_text(yaml.safe_dump(doc, sort_keys=False))
    return sc.load_study(sdir, cpath, as_of=AS_OF)


def test_dates_keep_the_precision_they_were_written_with(tmp_path: Path) -> None:
    """Issue 9 item 7: a year-only source date showed as 2014-01-01."""
    study = _dated_study(tmp_path)
    alpha = study.site("alpha")
    assert [s.date_text for s in alpha.sources.values()] == ["2014", "2019-03", "2024-01-05"]
    assert [f.as_of_text for f in alpha.facts.values()] == ["2014", "2019-03", "2023-11"]
    wb = openpyxl.load_workbook(write_workbook(tmp_path / "d.xlsx", sc.rank(study)))
    # Sources: a date cell (it sorts) shown as written
    ws = wb["Sources"]
    dated = {
        ws.cell(r, 2).value: (ws.cell(r, 5).value, ws.cell(r, 5).number_format)
        for r in range(1, ws.max_row + 1)
        if ws.cell(r, 2).value in ("annual", "monthly", "daily")
    }
    assert dated == {
        "annual": (dt.datetime(2014, 1, 1), "yyyy"),
        "monthly": (dt.datetime(2019, 3, 1), "yyyy-mm"),
        "daily": (dt.datetime(2024, 1, 5), "yyyy-mm-dd"),
    }
    # Decision matrix: the comment on alpha's value names the source and its date as written
    matrix = wb["Decision matrix"]
    comments = [c.comment.text for row in matrix.iter_rows() for c in row if c.comment]
    note = next(t for t in comments if "Annual report" in t)
    assert "Source: Annual report, 2014" in note and "as of 2014" in note
    assert "2014-01-01" not in " ".join(comments)
    # Data quality: the stale flag's date cell and its text
    dq = wb["Data quality"]
    (stale,) = [[dq.cell(r, k) for k in range(1, dq.max_column + 1)] for r in range(1, dq.max_row + 1)
                if dq.cell(r, 4).value == "stale"]
    assert stale[5].value.startswith("used as given; dated 2014, ")
    (date,) = [c for c in stale if isinstance(c.value, dt.datetime)]
    assert (date.value, date.number_format) == (dt.datetime(2014, 1, 1), "yyyy")


def test_sites_json_keeps_the_precision_of_the_oldest_and_newest_fact(tmp_path: Path) -> None:
    import json

    _dated_study(tmp_path)
    res = run_cli("sites", "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    alpha = {s["site"]: s for s in json.loads(res.stdout)["sites"]}["alpha"]
    assert (alpha["oldest"], alpha["newest"]) == ("2014", "2023-11")
