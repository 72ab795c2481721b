"""write_scenario: round-trip edits that keep comments, order and everything around the edit."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest
import yaml

from sitecompare.errors import ValidationError
from sitecompare.weights import ahp_from_file, group_ahp, write_scenario
from sitecompare.weights.scenario_io import round_weights

DATA = Path(__file__).parent / "data" / "weights"
SRC = DATA / "criteria-commented.yaml"
SHIPPED_CRITERIA = Path(__file__).parents[1] / "sitecompare" / "data" / "criteria" / "default.yaml"
WORKSHOP = sorted((DATA / "workshop").glob("participant-*.yaml"))

W = {"transport": 0.2, "talent": 0.5, "compute": 0.3}
PROV = {"method": "ahp", "cr": 0.05, "participants": ["a.yaml", "b.yaml"], "ri_table": "saaty"}


@pytest.fixture
def crit(tmp_path):
    f = tmp_path / "criteria.yaml"
    shutil.copy(SRC, f)
    return f


def test_new_scenario_keeps_every_original_line(crit):
    before = crit.read_text()
    write_scenario(crit, "workshop", W, PROV, description="From the workshop")
    after = crit.read_text()
    # everything up to and including the last existing scenario is unchanged, byte for byte
    head = before[: before.index("# a comment at the very end")]
    assert after.startswith(head.rstrip("\n"))
    assert "# a comment at the very end" in after
    for line in before.splitlines():
        assert line in after.splitlines(), line
    new_part = after[len(head.rstrip("\n")) :]
    assert "workshop:" in new_part and "description: From the workshop" in new_part
    data = yaml.safe_load(after)
    assert list(data) == ["format", "name", "description", "method", "criteria", "scenarios"]
    assert list(data["scenarios"]) == ["balanced", "talent-first", "workshop"]
    sc = data["scenarios"]["workshop"]
    assert sc["weights"] == {"transport": 0.2, "talent": 0.5, "compute": 0.3}
    assert sc["provenance"] == PROV
    assert data["description"] == "A folded description that runs over two lines."


def test_replacing_a_scenario_keeps_its_place_and_neighbours(crit):
    before = crit.read_text()
    write_scenario(crit, "balanced", W, PROV)
    after = crit.read_text()
    assert (
        after.index("# Equal weights.") < after.index("balanced:") < after.index("# People first.")
    )
    assert "talent-first: {talent: 35, transport: 15, compute: 10}   # trailing comment" in after
    assert "balanced: {transport: 1, talent: 1, compute: 1}" not in after
    text_before_scenarios = before[: before.index("scenarios:")]
    assert after.startswith(text_before_scenarios)
    data = yaml.safe_load(after)
    assert list(data["scenarios"]) == ["balanced", "talent-first"]
    assert data["scenarios"]["balanced"]["weights"] == W


def test_written_file_loads_with_the_project_criteria_loader(crit):
    from sitecompare.study import load_criteria

    write_scenario(crit, "workshop", W, PROV)
    cs, issues = load_criteria(crit)
    assert issues == [] and cs is not None
    assert dict(cs.scenarios["workshop"]) == W
    assert cs.scenario_provenance["workshop"].method == "ahp"
    assert cs.scenario_provenance["workshop"].detail["cr"] == 0.05


def test_weights_are_rounded_to_4_decimals_summing_to_1(crit):
    write_scenario(
        crit, "thirds", {"transport": 1, "talent": 1, "compute": 1}, {"method": "points"}
    )
    w = yaml.safe_load(crit.read_text())["scenarios"]["thirds"]["weights"]
    assert w == {"transport": 0.3334, "talent": 0.3333, "compute": 0.3333}
    assert round(sum(w.values()), 10) == 1.0
    r = round_weights({"a": 0.123456, "b": 0.234567, "c": 0.641977})
    assert r == {"a": 0.1234, "b": 0.2346, "c": 0.642} and round(sum(r.values()), 10) == 1.0


def test_unknown_and_missing_criteria_are_refused_and_nothing_is_written(crit):
    before = crit.read_text()
    with pytest.raises(ValidationError) as exc:
        write_scenario(crit, "x", {"transport": 0.5, "talnet": 0.5}, PROV)
    got = [(i.field, i.message) for i in exc.value.issues]
    assert got == [
        (
            "scenarios.x.weights.talnet",
            "unknown criterion 'talnet' (criteria: transport, talent, compute)",
        ),
        (
            "scenarios.x.weights",
            "missing criteria talent, compute (a derived weight set must cover every "
            "criterion; give 0 to leave one out)",
        ),
    ]
    assert all(i.file.endswith("criteria.yaml") for i in exc.value.issues)
    assert crit.read_text() == before


def test_provenance_must_be_plain_yaml_data(crit):
    with pytest.raises(ValidationError) as exc:
        write_scenario(crit, "x", W, {"method": "ahp", "matrix": [[1, object()]]})
    [issue] = exc.value.issues
    assert issue.field == "scenarios.x.provenance.matrix[0][1]"
    assert issue.message.startswith("object <object object at")
    with pytest.raises(ValidationError) as exc:
        write_scenario(crit, "x", W, {"method": "ahp", "cr": float("nan")})
    assert exc.value.issues[0].message == "nan is not a finite number"


def test_atomic_no_temp_files_left_and_mode_kept(crit):
    os.chmod(crit, 0o640)
    write_scenario(crit, "workshop", W, PROV)
    write_scenario(crit, "workshop", {"transport": 1, "talent": 0, "compute": 0}, PROV)
    assert sorted(p.name for p in crit.parent.iterdir()) == ["criteria.yaml"]
    assert (crit.stat().st_mode & 0o777) == 0o640
    # a failed write leaves the original file and no temp file behind
    before = crit.read_text()
    with pytest.raises(ValidationError):
        write_scenario(crit, "bad name!", W, PROV)
    assert crit.read_text() == before
    assert sorted(p.name for p in crit.parent.iterdir()) == ["criteria.yaml"]


def test_file_problems_are_issues(tmp_path):
    with pytest.raises(ValidationError) as exc:
        write_scenario(tmp_path / "nope.yaml", "x", W, PROV)
    assert exc.value.issues[0].message == "file not found"
    t = tmp_path / "c.toml"
    t.write_text("format = 1\n")
    with pytest.raises(ValidationError) as exc:
        write_scenario(t, "x", W, PROV)
    assert "YAML criteria files only" in exc.value.issues[0].message


def test_scenarios_section_is_created_when_absent(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text(
        "# header\nformat: 1\ncriteria:\n  a: {fact: x, direction: max, weight: 1}  # a\n"
        "  b: {fact: y, direction: min, weight: 1}\n"
    )
    write_scenario(f, "s", {"a": 3, "b": 1}, {"method": "swing", "points": {"a": 100, "b": 33}})
    text = f.read_text()
    assert text.startswith(
        "# header\nformat: 1\ncriteria:\n  a: {fact: x, direction: max, weight: 1}  # a\n"
    )
    assert yaml.safe_load(text)["scenarios"]["s"]["weights"] == {"a": 0.75, "b": 0.25}


def test_ahp_and_group_results_write_into_the_shipped_default_criteria(tmp_path):
    f = tmp_path / "default.yaml"
    shutil.copy(SHIPPED_CRITERIA, f)
    before = f.read_text()
    g = group_ahp(WORKSHOP)
    write_scenario(f, "workshop", dict(g.weights), g.to_provenance(), description="Group AHP")
    r = ahp_from_file(WORKSHOP[0])
    write_scenario(f, "p1", dict(r.weights), r.to_provenance())
    after = f.read_text()
    assert after.startswith(before.rstrip("\n"))
    data = yaml.safe_load(after)
    assert data["scenarios"]["workshop"]["provenance"]["method"] == "ahp-group"
    parts = data["scenarios"]["workshop"]["provenance"]["participants"]
    assert [p["file"] for p in parts] == [
        "participant-1.yaml",
        "participant-2.yaml",
        "participant-3.yaml",
    ]
    assert data["scenarios"]["p1"]["provenance"]["judgments"][0] == ["talent", "transport", "2"]
    from sitecompare.study import load_criteria

    cs, issues = load_criteria(f)
    assert issues == [] and abs(sum(cs.scenarios["workshop"].values()) - 1) < 1e-9


def test_returns_whether_it_replaced_a_scenario(crit):
    assert write_scenario(crit, "workshop", W, PROV) is False  # added
    assert write_scenario(crit, "workshop", W, PROV) is True  # the same workshop run again
    assert write_scenario(crit, "balanced", W, PROV) is True  # one the file already had
    assert list(yaml.safe_load(crit.read_text())["scenarios"]) == ["balanced", "talent-first", "workshop"]


def issues_of(path):
    with pytest.raises(ValidationError) as exc:
        write_scenario(path, "x", W, PROV)
    return [str(i) for i in exc.value.issues]


class Blocked(Exception):
    """Not an OSError: the code under test must not be able to swallow it."""


def _expire(signum, frame):
    raise Blocked("still blocked after 20 s")


def test_only_a_regular_file_is_read(tmp_path):
    # a pipe would block the run for ever, said like the criteria loader says it (/dev/zero,
    # which would fill the memory, is checked in a capped process by test_weights_cli.py)
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    old = signal.signal(signal.SIGALRM, _expire)
    signal.alarm(20)  # fail, not hang, should the pipe ever be opened
    try:
        assert issues_of(fifo) == [f"{fifo}: not a regular file (a device, pipe or socket)"]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert issues_of(folder) == [f"{folder}: not a regular file (a folder)"]
    broken = tmp_path / "broken.yaml"
    broken.symlink_to("gone.yaml")
    assert issues_of(broken) == [f"{broken}: broken symbolic link (its target does not exist)"]
    assert issues_of(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}: file not found"]


def test_a_file_too_large_or_not_utf8_is_refused_unread(tmp_path):
    from sitecompare.files import MAX_PROFILE_BYTES as MAX_BYTES

    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    assert issues_of(big) == [f"{big}: file too large ({MAX_BYTES + 1} bytes; limit {MAX_BYTES})"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"format: 1\nname: caf\xe9\n")
    assert issues_of(latin) == [f"{latin}: not UTF-8 text (invalid byte at offset 19)"]


def test_a_symbolic_link_stays_a_link_and_its_target_is_edited(crit, tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(crit.name)
    write_scenario(link, "workshop", W, PROV)
    assert link.is_symlink() and os.readlink(link) == crit.name
    assert yaml.safe_load(crit.read_text())["scenarios"]["workshop"]["weights"] == W
    assert sorted(p.name for p in tmp_path.iterdir()) == ["criteria.yaml", "link.yaml"]


def test_replacing_a_scenario_keeps_its_local_label(crit):
    """A scenario's label_local (its name with --lang ko) survives a re-run of the workshop."""
    from sitecompare.study import load_criteria

    write_scenario(crit, "workshop", W, PROV)
    text = crit.read_text().replace("  workshop:\n", "  workshop:\n    label_local: 워크숍\n", 1)
    crit.write_text(text)
    assert write_scenario(crit, "workshop", {"transport": 1, "talent": 1, "compute": 2}, PROV) is True
    cs, issues = load_criteria(crit)
    assert issues == [] and cs is not None
    assert dict(cs.scenario_labels_local) == {"workshop": "워크숍"}
    assert dict(cs.scenarios["workshop"]) == {"transport": 0.25, "talent": 0.25, "compute": 0.5}
