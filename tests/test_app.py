"""The weights page (``sitecompare app``) through Streamlit's AppTest: the script runs as the
server runs it, widgets are moved, and what the page shows is read back (its HTML tables).

Every number on the page must be the library's: the ranking equals ``sitecompare rank
--weights`` for the sliders, the sweep equals ``run_sensitivity``'s OAT, SMAA its SMAA."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml
from conftest import make_study, run_cli
from streamlit.testing.v1 import AppTest

import sitecompare as sc
from sitecompare.app import logic, results
from sitecompare.app.logic import AppConfig
from sitecompare.study import shipped_criteria_file, shipped_sites_dir

PAGE = Path(logic.__file__).with_name("page.py")


# ------------------------------------------------------------------------------ helpers
@pytest.fixture
def shipped_copy(tmp_path: Path) -> tuple[Path, Path]:
    """The shipped study copied into a folder of the test's own (``cp -rL sites criteria``)."""
    sdir = tmp_path / "study" / "sites"
    cdir = tmp_path / "study" / "criteria"
    shutil.copytree(shipped_sites_dir(), sdir)
    cdir.mkdir(parents=True)
    shutil.copy(shipped_criteria_file(), cdir / "default.yaml")
    return sdir, cdir / "default.yaml"


def open_page(
    monkeypatch: pytest.MonkeyPatch, sites: Path, criteria: Path, *, allow_save: bool = False
) -> AppTest:
    for k, v in AppConfig(sites, criteria, allow_save).to_env().items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(str(PAGE), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def html_of(at: AppTest, table_id: str) -> lxml.html.HtmlElement | None:
    for m in at.markdown:
        if f'id="{table_id}"' in m.value:
            return lxml.html.fromstring(m.value).xpath(f'//*[@id="{table_id}"]')[0]
    return None


def ranking_of(at: AppTest) -> tuple[list[dict], str]:
    """The ranking table's rows (site, rank, could rank, score) and the weights it was ranked with."""
    table = html_of(at, "sc-ranking")
    assert table is not None, "no ranking table on the page"
    rows = []
    for tr in table.xpath(".//tbody/tr"):
        could = tr.xpath('./td[@class="sc-could" or @class="sc-could sc-moves"]')[0].text_content()
        lo, _, hi = could.partition("–")
        rows.append(
            {
                "site": tr.get("data-site"),
                "rank": int(tr.xpath('./td[@class="sc-rank"]')[0].text_content()),
                "interval": [int(lo), int(hi or lo)],
                "name": tr.xpath('.//span[@class="sc-name"]')[0].text_content(),
                "score": float(tr.xpath('./td[@class="sc-score"]')[0].text_content()),
            }
        )
    return rows, table.get("data-weights")


def table_rows(el: lxml.html.HtmlElement) -> list[list[str]]:
    return [[td.text_content() for td in tr.xpath("./td")] for tr in el.xpath(".//tbody/tr")]


def show(at: AppTest, panel: str) -> AppTest:
    at.radio(key="panel").set_value(panel).run()
    assert not at.exception, at.exception
    return at


# -------------------------------------------------------------------------------- tests
def test_slider_move_reranks_as_rank_weights_does(monkeypatch, shipped_copy) -> None:
    """Move the compute slider: the HTML table (site names as text, rank intervals) is the
    ranking ``sitecompare rank --weights <the sliders> --format json`` prints."""
    sdir, cpath = shipped_copy
    at = open_page(monkeypatch, sdir, cpath)
    before, weights = ranking_of(at)
    assert weights == "transport=15,talent=20,compute=20,power=15,funding=10,land=10,cluster=10"
    at.slider(key="w_compute").set_value(42.5).run()
    rows, weights = ranking_of(at)
    assert "compute=42.5" in weights
    res = run_cli(
        "rank", "--sites", str(sdir), "--criteria", str(cpath), "--weights", weights, "--format", "json"
    )
    assert res.returncode == 0, res.stderr
    import json

    cli = json.loads(res.stdout)["ranking"]
    assert [r["site"] for r in rows] == [r["site"] for r in cli]
    assert [r["rank"] for r in rows] == [r["rank"] for r in cli]
    assert [r["interval"] for r in rows] == [r["rank_interval"] for r in cli]
    assert [r["score"] for r in rows] == [round(r["score"], 4) for r in cli]
    assert [r["site"] for r in rows] != [r["site"] for r in before]  # the move changed the order
    names = {s.id: s.name for s in sc.load_study(sdir, cpath).sites}
    assert [r["name"] for r in rows] == [names[r["site"]] for r in rows]
    headline = " ".join(m.value for m in at.markdown if 'id="sc-headline"' in m.value)
    assert "ranks first" in headline and "Coverage: 5 of 7 criteria take part" in headline


def test_scenario_picker_sets_the_sliders_to_its_points(monkeypatch, shipped_copy) -> None:
    at = open_page(monkeypatch, *shipped_copy)
    at.selectbox(key="scenario").set_value("compute-first").run()
    assert at.slider(key="w_compute").value == 35 and at.slider(key="w_power").value == 25
    _, weights = ranking_of(at)
    assert weights == "transport=10,talent=10,compute=35,power=25,funding=10,land=5,cluster=5"
    assert not any("moved away" in c.value for c in at.caption)
    at.slider(key="w_land").set_value(6.0).run()
    assert any("moved away from this scenario" in c.value for c in at.caption)
    at.selectbox(key="scenario").set_value("").run()  # back to the criteria file's own points
    assert at.slider(key="w_compute").value == 20


def test_method_and_horizon_pickers_rank_as_the_library(monkeypatch, shipped_copy) -> None:
    sdir, cpath = shipped_copy
    at = open_page(monkeypatch, sdir, cpath)
    at.selectbox(key="method").set_value("topsis")
    at.radio(key="horizon").set_value("built").run()
    rows, _ = ranking_of(at)
    study = sc.load_study(sdir, cpath, horizon="built")
    expected = sc.rank(study, sc.MethodSpec("topsis", {"normalization": "vector", "metric": "euclidean"}))
    assert [r["site"] for r in rows] == list(expected.table()["site"])
    assert html_of(at, "sc-ranking").get("data-method") == "topsis"
    assert html_of(at, "sc-ranking").get("data-horizon") == "built"


def test_sit_out_and_data_quality_panel(monkeypatch, shipped_copy) -> None:
    at = show(open_page(monkeypatch, *shipped_copy), "quality")
    out = table_rows(html_of(at, "sc-sitting-out"))
    assert [r[0] for r in out] == [
        "Distance to high-speed rail (KTX/SRT)",
        "Talent supply",
    ]
    assert out[0][1:4] == ["3/7", "43%", "50%"]
    assert out[0][4] == "3 of 7 sites have a comparable fact (43%); it needs 50%"
    counts = dict((k, int(n)) for k, n in table_rows(html_of(at, "sc-counts")))
    dm = sc.rank(sc.load_study(*shipped_copy)).matrix
    assert counts["missing"] == int(dm.missing.sum())
    assert counts["planned"] == sum(
        1 for c in dm.cells.values() if c.fact is not None and c.fact.status == "plan"
    )
    notes = [li.text_content() for li in html_of(at, "sc-notes").xpath(".//li")]
    assert notes == list(dm.warnings)
    # the sliders of the criteria that sit out say so
    assert "sits out" in (at.slider(key="w_transport").help or "")


def test_a_broken_profile_shows_the_cli_lines_on_the_page(monkeypatch, tmp_path: Path) -> None:
    sdir, cpath = make_study(
        tmp_path,
        {
            "alpha": {"compute_pf": "10 PFLOPS", "ktx_km": "20 min"},  # a time, not a length
            "beta": {"compute_pf": "thirty PFLOPS", "ktx_km": "5 km"},
        },
        {
            "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 40},
            "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 30},
        },
    )
    at = open_page(monkeypatch, sdir, cpath)  # the page loads: no exception
    shown = [li.text_content() for li in html_of(at, "sc-errors").xpath(".//li")]
    res = run_cli("validate", "--sites", str(sdir), "--criteria", str(cpath))
    assert res.returncode == 1
    cli = [line for line in res.stderr.splitlines() if not line.startswith("sitecompare:")]
    assert shown == cli and len(shown) == 2
    assert html_of(at, "sc-ranking") is None
    assert not any("Traceback" in m.value for m in at.markdown)
    assert "2 problems" in at.error[0].value


def test_without_allow_save_there_is_no_save_control_and_nothing_is_written(
    monkeypatch, shipped_copy
) -> None:
    sdir, cpath = shipped_copy
    before = {p: p.read_bytes() for p in [cpath, *sdir.iterdir()]}
    at = open_page(monkeypatch, sdir, cpath)
    assert at.radio(key="panel").options == [
        "Walking weights",
        "SMAA",
        "Coverage and data quality",
        "AHP for a workshop",
    ]
    for panel in ("sweep", "smaa", "quality", "ahp"):
        show(at, panel)
        assert all(t.key not in ("save_name", "save_description") for t in at.text_input)
    at.slider(key="w_power").set_value(60.0).run()
    assert {p: p.read_bytes() for p in [cpath, *sdir.iterdir()]} == before
    assert sorted(p.name for p in cpath.parent.iterdir()) == ["default.yaml"]


def test_allow_save_writes_the_scenario_into_the_criteria_file_comments_kept(
    monkeypatch, shipped_copy
) -> None:
    sdir, cpath = shipped_copy
    original = cpath.read_text(encoding="utf-8")
    at = open_page(monkeypatch, sdir, cpath, allow_save=True)
    at.slider(key="w_compute").set_value(30.0)
    at.slider(key="w_land").set_value(0.0).run()
    show(at, "save")
    at.text_input(key="save_name").input("room-2026")
    at.text_input(key="save_description").input("Board workshop, projector")
    at.button[0].click().run()
    assert not at.exception, at.exception
    text = cpath.read_text(encoding="utf-8")
    # every original line is still there (comments included); the scenario is added at the end
    assert text.startswith(original)
    assert "# Equal weights: no criterion preferred." in text
    doc = yaml.safe_load(text)
    scen = doc["scenarios"]["room-2026"]
    assert scen["description"] == "Board workshop, projector"
    assert scen["provenance"]["method"] == "weights-page"
    assert scen["provenance"]["points"]["compute"] == 30.0 and scen["weights"]["land"] == 0
    assert abs(sum(scen["weights"].values()) - 1) < 1e-9
    assert at.success and "Added scenario room-2026" in at.success[0].value
    # the new scenario ranks as the weights it was saved from
    saved = sc.rank(sc.load_study(sdir, cpath, scenario="room-2026"))
    shown, _ = ranking_of(at)
    assert list(saved.table()["site"]) == [r["site"] for r in shown]
    assert "room-2026" in at.selectbox(key="scenario").options


def test_allow_save_refuses_a_bad_name_with_the_writers_line(monkeypatch, shipped_copy) -> None:
    sdir, cpath = shipped_copy
    original = cpath.read_bytes()
    at = show(open_page(monkeypatch, sdir, cpath, allow_save=True), "save")
    at.text_input(key="save_name").input("-bad name")
    at.button[0].click().run()
    lines = [li.text_content() for li in html_of(at, "sc-errors").xpath(".//li")]
    assert len(lines) == 1 and lines[0].endswith(
        "default.yaml: scenarios: scenario name '-bad name' must start with a letter or digit and use "
        "letters, digits, spaces, '_', '.', '-'"
    )
    assert cpath.read_bytes() == original


def test_ahp_judgments_give_cr_and_repair_hints_and_apply_to_the_sliders(monkeypatch, small_study) -> None:
    sdir, cpath = small_study
    at = show(open_page(monkeypatch, sdir, cpath), "ahp")
    # compute over rail 3, compute over talent 5, rail over talent 1/3: inconsistent (CR > 0.1)
    at.selectbox(key="ahp_compute__rail").set_value("3")
    at.selectbox(key="ahp_compute__talent").set_value("5")
    at.selectbox(key="ahp_rail__talent").set_value("1/3").run()
    from sitecompare.weights.ahp import ahp_weights

    expected = ahp_weights([[1, 3, 5], ["1/3", 1, "1/3"], ["1/5", 3, 1]], ["compute", "rail", "talent"])
    text = " ".join(m.value for m in at.markdown)
    assert f"CR {expected.cr:.4f}" in text and expected.cr > 0.1
    repair = table_rows(html_of(at, "sc-ahp-repair"))
    label = {c.id: c.label for c in sc.load_study(sdir, cpath).criteria}
    from sitecompare.weights.judgments import format_ratio

    assert [(r[0], r[3]) for r in repair] == [
        (f"{label[w.a]} : {label[w.b]}", format_ratio(w.suggested)) for w in expected.worst_judgments
    ]
    at.button(key="ahp_apply").click().run()
    pts = logic.ahp_points(expected)
    for cid, v in pts.items():
        assert at.slider(key=f"w_{cid}").value == pytest.approx(v)
    _, weights = ranking_of(at)
    assert weights == logic.weights_text(pts)


def test_ahp_left_blank_is_completed_and_a_disconnected_set_is_reported(monkeypatch, small_study) -> None:
    at = show(open_page(monkeypatch, *small_study), "ahp")
    at.selectbox(key="ahp_compute__rail").set_value("").run()
    assert any("Harker" in c.value for c in at.caption)
    at.selectbox(key="ahp_compute__talent").set_value("").run()
    at.selectbox(key="ahp_rail__talent").set_value("").run()
    lines = [li.text_content() for li in html_of(at, "sc-errors").xpath(".//li")]
    assert lines and lines[0].startswith("AHP:")
    assert not at.exception


def test_sweep_panel_is_the_librarys_oat_sweep(monkeypatch, shipped_copy) -> None:
    sdir, cpath = shipped_copy
    at = open_page(monkeypatch, sdir, cpath)
    assert at.selectbox(key="sweep_criterion").value == "compute"  # the largest weight taking part
    rows = table_rows(html_of(at, "sc-crossovers"))
    sens = sc.run_sensitivity(sc.load_study(sdir, cpath), samples=100, seed=1)
    oat = sens.oat["compute"]
    assert [r[0] for r in rows] == [f"{100 * c.weight:.1f}%" for c in oat.crossovers]
    first = [r for r, c in zip(rows, oat.crossovers, strict=True) if c.changes_first]
    assert first and all(r[4] == "yes" for r in first)
    text = " ".join(m.value for m in at.markdown)
    lo, hi = oat.stability_interval
    assert f"between {100 * lo:.1f}% and {100 * hi:.1f}%" in text


def test_smaa_on_demand_is_seeded_and_equals_the_library(monkeypatch, shipped_copy) -> None:
    sdir, cpath = shipped_copy
    at = show(open_page(monkeypatch, sdir, cpath), "smaa")
    assert html_of(at, "sc-smaa") is None  # nothing runs until asked
    at.number_input(key="smaa_samples").set_value(2000)
    at.number_input(key="smaa_seed").set_value(7)
    at.button(key="smaa_run").click().run()
    table = html_of(at, "sc-smaa")
    assert table.get("data-seed") == "7" and table.get("data-samples") == "2000"
    assert any("seed 7" in m.value for m in at.markdown)
    sens = sc.run_sensitivity(sc.load_study(sdir, cpath), samples=2000, seed=7).to_json()["smaa"]
    for tr in table.xpath(".//tbody/tr"):
        acc = sens["rank_acceptability"][tr.get("data-site")]
        cells = [td.text_content() for td in tr.xpath('./td[@class="sc-acc"]')]
        want = ["" if x == 0 else f"{100 * x:.0f}%" if x >= 0.005 else "<1%" for x in acc]
        assert cells == want
    at.slider(key="w_power").set_value(50.0).run()  # stale after a move: not shown as current
    assert html_of(at, "sc-smaa") is None
    assert any("run SMAA again" in i.value for i in at.info)


def test_korean_labels_and_local_names(monkeypatch, shipped_copy) -> None:
    sdir, cpath = shipped_copy
    at = open_page(monkeypatch, sdir, cpath)
    at.radio(key="lang").set_value("ko").run()
    table = html_of(at, "sc-ranking")
    assert [th.text_content() for th in table.xpath(".//thead/tr/th")][:3] == [
        "순위",
        "가능 순위",  # exact intervals: no "*" (found by sampling) on the shipped study
        "사이트",
    ]
    study = sc.load_study(sdir, cpath)
    local = {s.id: s.name_local or s.name for s in study.sites}
    rows, _ = ranking_of(at)
    assert [r["name"] for r in rows] == [local[r["site"]] for r in rows]
    assert at.slider(key="w_compute").label == "AI 가속기 수"
    assert any("1위" in m.value for m in at.markdown if 'id="sc-headline"' in m.value)


def test_internal_errors_show_one_line_not_a_traceback(monkeypatch, shipped_copy) -> None:
    def boom(*a, **k):
        raise RuntimeError("kaput")

    monkeypatch.setattr(results, "headline_text", boom)
    at = open_page(monkeypatch, *shipped_copy)
    assert at.error and at.error[-1].value.startswith("sitecompare: internal error: RuntimeError: kaput")
    assert not at.exception


def test_text_from_the_files_is_text_on_the_page(monkeypatch, tmp_path: Path) -> None:
    """A site name with markup is shown as written (escaped), never run as HTML."""
    sdir, cpath = make_study(
        tmp_path,
        {"alpha": {"x": "1 km"}, "beta": {"x": "3 km"}},
        {"rail": {"fact": "x", "unit": "km", "direction": "min", "weight": 2}},
    )
    doc = yaml.safe_load((sdir / "alpha.yaml").read_text())
    doc["name"] = '<img src=x onerror="alert(1)"> *bold*\n\n<b>two</b>'
    (sdir / "alpha.yaml").write_text(yaml.safe_dump(doc))
    at = open_page(monkeypatch, sdir, cpath)
    table = next(m.value for m in at.markdown if 'id="sc-ranking"' in m.value)
    assert "<img" not in table and "<b>" not in table
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; *bold* &lt;b&gt;two&lt;/b&gt;" in table
    rows, _ = ranking_of(at)
    assert rows[0]["name"] == '<img src=x onerror="alert(1)"> *bold* <b>two</b>'
