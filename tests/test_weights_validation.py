"""Judgment files: every kind of bad input, with its exact message, all collected at once."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

from sitecompare.errors import ValidationError, display_path
from sitecompare.weights import ahp_from_file, ahp_weights, read_judgment_file
from sitecompare.weights.judgments import parse_judgment_value

HEAD = "criteria: [a, b, c]\n"


def _issues(tmp_path, text: str, name: str = "j.yaml") -> list[tuple[str, str]]:
    f = tmp_path / name
    f.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        read_judgment_file(f)
    assert all(i.file == display_path(f) for i in exc.value.issues)
    return [(i.field, i.message) for i in exc.value.issues]


def test_non_reciprocal_matrix_names_both_cells_and_values(tmp_path):
    got = _issues(tmp_path, HEAD + "matrix: [[1, 3, 2], ['1/2', 1, 1], ['1/2', 1, 1]]\n")
    assert got == [
        ("matrix[0][1]", "not reciprocal: matrix[0][1] = 3 but matrix[1][0] = 1/2 (expected 1/3)")
    ]


def test_reciprocal_check_tolerates_rounded_decimals(tmp_path):
    f = tmp_path / "ok.yaml"
    f.write_text(HEAD + "matrix: [[1, 3, 0.5], [0.333, 1, 0.2], [2, 5, 1]]\n")
    r = ahp_from_file(f)
    assert r.matrix[1][0] == pytest.approx(1 / 3)  # the upper triangle is what counts


def test_zero_and_negative_judgments(tmp_path):
    got = _issues(tmp_path, HEAD + "judgments: [[a, b, 0], [a, c, -3], [b, c, -0.5]]\n")
    assert got == [
        ("judgments[0]", "a judgment must be greater than 0, got 0"),
        ("judgments[1]", "a judgment must be greater than 0, got -3"),
        ("judgments[2]", "a judgment must be greater than 0, got -0.5"),
    ]


def test_judgments_outside_saaty_scale_are_errors_unless_scale_positive(tmp_path):
    got = _issues(tmp_path, HEAD + "judgments: [[a, b, 12], [a, c, '1/20'], [b, c, 9]]\n")
    assert got == [
        (
            "judgments[0]",
            "12 is outside Saaty's 1/9..9 scale (set scale: positive to allow any positive ratio)",
        ),
        (
            "judgments[1]",
            "1/20 is outside Saaty's 1/9..9 scale "
            "(set scale: positive to allow any positive ratio)",
        ),
    ]
    f = tmp_path / "free.yaml"
    f.write_text(
        "scale: positive\n" + HEAD + "judgments: [[a, b, 12], [a, c, '1/20'], [b, c, 9]]\n"
    )
    r = ahp_from_file(f)
    assert r.warnings == (
        "judgments outside Saaty's 1/9..9 scale (judgments[0] = 12, judgments[1] = 1/20): "
        "the RI tables were computed on that scale, so read CR with care",
    )


def test_unknown_criteria_in_judgments(tmp_path):
    got = _issues(
        tmp_path,
        "criteria: [talent, compute, power]\njudgments: [[talnet, compute, 3], [power, xyz, 2]]\n",
    )
    assert got == [
        (
            "judgments[0]",
            "unknown criterion 'talnet'; did you mean 'talent'? (criteria: talent, compute, power)",
        ),
        ("judgments[1]", "unknown criterion 'xyz' (criteria: talent, compute, power)"),
    ]


def test_matrix_of_the_wrong_size(tmp_path):
    assert _issues(tmp_path, HEAD + "matrix: [[1, 2], ['1/2', 1]]\n") == [
        ("matrix", "expected 3 rows (one per criterion), got 2")
    ]
    assert _issues(tmp_path, HEAD + "matrix: [[1, 2, 3], ['1/2', 1], ['1/3', 1, 1]]\n") == [
        ("matrix[1]", "expected 3 entries (one per criterion), got 2")
    ]


def test_duplicate_pairs_including_reversed(tmp_path):
    got = _issues(tmp_path, HEAD + "judgments: [[a, b, 3], [b, c, 2], [b, a, '1/3'], [a, b, 3]]\n")
    assert got == [
        ("judgments[2]", "duplicate pair b/a (already given in judgments[0])"),
        ("judgments[3]", "duplicate pair a/b (already given in judgments[0])"),
    ]


def test_judgment_of_a_criterion_with_itself(tmp_path):
    got = _issues(tmp_path, HEAD + "judgments: [[a, a, 1], [a, b, 2], [b, c, 2]]\n")
    assert got == [("judgments[0]", "compares 'a' with itself")]


def test_diagonal_must_be_one(tmp_path):
    got = _issues(tmp_path, HEAD + "matrix: [[1, 2, 3], ['1/2', 2, 1], ['1/3', 1, 1]]\n")
    assert got == [
        ("matrix[1][1]", "the diagonal must be 1 (a criterion compared with itself), got 2")
    ]


def test_non_numeric_entries_and_malformed_fractions(tmp_path):
    got = _issues(tmp_path, HEAD + "judgments: [[a, b, three], [a, c, '1/'], [b, c, [2]]]\n")
    assert got == [
        ("judgments[0]", "'three' is not a number or a fraction like \"1/3\""),
        ("judgments[1]", "malformed fraction '1/'; write it like \"1/3\""),
        ("judgments[2]", 'expected a number or a fraction like "1/3", got [2]'),
    ]
    got = _issues(tmp_path, HEAD + "judgments: [[a, b, '1/0'], [a, c, '1//3'], [b, c, '2/3/4']]\n")
    assert got == [
        ("judgments[0]", "'1/0' divides by zero"),
        ("judgments[1]", "malformed fraction '1//3'; write it like \"1/3\""),
        ("judgments[2]", "malformed fraction '2/3/4'; write it like \"1/3\""),
    ]


def test_nan_and_inf(tmp_path):
    got = _issues(tmp_path, HEAD + "judgments: [[a, b, .nan], [a, c, .inf], [b, c, -.inf]]\n")
    assert got == [
        ("judgments[0]", "nan is not a finite number"),
        ("judgments[1]", "inf is not a finite number"),
        ("judgments[2]", "-inf is not a finite number"),
    ]


def test_every_problem_is_collected_in_one_error(tmp_path):
    got = _issues(
        tmp_path,
        """\
        criteria: [a, b, c, a]
        judgments: [[a, b, x]]
        ri_table: noble
        colour: red
        """,
    )
    assert got == [
        (
            "colour",
            "unknown key 'colour' (valid keys: criteria, date, format, groups, judgments, "
            "matrix, note, participant, ri_table, scale, title)",
        ),
        (
            "ri_table",
            "'noble' is not a known RI table "
            "(choose from: saaty, saaty2005, donegan-dodd, alonso-lamata)",
        ),
        ("criteria[3]", "duplicate criterion 'a'"),
        ("judgments[0]", "'x' is not a number or a fraction like \"1/3\""),
    ]


def test_structure_problems(tmp_path):
    assert _issues(tmp_path, HEAD) == [
        ("", "needs matrix (n x n) or judgments (a list of [a, b, value])")
    ]
    assert _issues(tmp_path, HEAD + "matrix: [[1]]\njudgments: []\n") == [
        ("matrix", "give either matrix or judgments, not both")
    ]
    assert _issues(tmp_path, "criteria: [a]\njudgments: []\n") == [
        ("criteria", "need at least 2 criteria to compare, got 1")
    ]
    assert _issues(tmp_path, HEAD + "judgments: [[a, b]]\n") == [
        ("judgments[0]", "expected [a, b, value] meaning \"a over b\", got ['a', 'b']")
    ]


def test_disconnected_judgments_cannot_be_completed(tmp_path):
    got = _issues(tmp_path, "criteria: [a, b, c, d]\njudgments: [[a, b, 2], [c, d, 3]]\n")
    assert got == [
        (
            "judgments",
            "the judgments do not connect every criterion: c, d are not compared, "
            "directly or through others, with a, b (add a judgment linking them)",
        )
    ]


def test_half_missing_matrix_entry(tmp_path):
    got = _issues(tmp_path, HEAD + "matrix: [[1, ~, 3], [2, 1, 1], ['1/3', 1, 1]]\n")
    assert got == [
        (
            "matrix[0][1]",
            "matrix[0][1] is empty but matrix[1][0] = 2: leave both empty or give both",
        )
    ]


def test_hierarchy_problems(tmp_path):
    got = _issues(
        tmp_path,
        """\
        groups:
          root: {criteria: [a, b], judgments: [[a, b, 2]]}
        """,
    )
    assert got == [("groups", "needs a group named 'top' (the root of the hierarchy)")]
    got = _issues(
        tmp_path,
        """\
        groups:
          top: {criteria: [g, c], judgments: [[g, c, 2]]}
          g: {criteria: [a, c], judgments: [[a, c, 2]]}
          lost: {criteria: [x]}
        """,
    )
    assert got == [("groups.g.criteria[1]", "'c' already appears in groups.top")]
    got = _issues(
        tmp_path,
        """\
        groups:
          top: {criteria: [g, c], judgments: [[g, c, 2]]}
          g: {criteria: [a, b], judgments: [[a, b, 2]]}
          lost: {criteria: [x]}
        """,
    )
    assert got == [("groups.lost", "not reachable from 'top' (name it in a group's criteria)")]
    got = _issues(
        tmp_path,
        """\
        criteria: [a, b, z]
        groups:
          top: {criteria: [g, c], judgments: [[g, c, 2]]}
          g: {criteria: [a, b], judgments: [[a, b, 0]]}
        """,
    )
    assert got == [
        (
            "criteria",
            "must name exactly the leaf criteria of groups; "
            "leaves not listed here: c; listed but in no group: z",
        )
    ]
    got = _issues(
        tmp_path,
        """\
        groups:
          top: {criteria: [g, c], judgments: [[g, c, 2]]}
          g: {criteria: [a, b], judgments: [[a, b, 0]]}
        """,
    )
    assert got == [("groups.g.judgments[0]", "a judgment must be greater than 0, got 0")]


def test_unreadable_files_are_issues_not_tracebacks(tmp_path):
    with pytest.raises(ValidationError) as exc:
        read_judgment_file(tmp_path / "missing.yaml")
    assert exc.value.issues[0].message == "file not found"
    f = tmp_path / "bad.yaml"
    f.write_text("criteria: [a, b\n")
    with pytest.raises(ValidationError) as exc:
        read_judgment_file(f)
    assert exc.value.issues[0].message.startswith("YAML syntax error")


def test_toml_judgment_file(tmp_path):
    f = tmp_path / "j.toml"
    f.write_text(
        'criteria = ["a", "b", "c"]\n'
        'judgments = [["a", "b", 2], ["b", "c", "1/2"], ["a", "c", 1]]\n'
    )
    r = ahp_from_file(f)
    assert r.weights == pytest.approx({"a": 0.4, "b": 0.2, "c": 0.4}, abs=0.05)


def test_in_memory_matrix_errors_name_the_cell():
    with pytest.raises(ValidationError) as exc:
        ahp_weights(np.array([[1, 2], [3, 1]]), ["x", "y"])
    assert [str(i) for i in exc.value.issues] == [
        "<matrix>: matrix[0][1]: not reciprocal: "
        "matrix[0][1] = 2 but matrix[1][0] = 3 (expected 1/2)"
    ]


@pytest.mark.parametrize(
    "raw, value, text",
    [
        (3, 3.0, "3"),
        ("1/3", 1 / 3, "1/3"),
        (" 2 / 4 ", 0.5, "2 / 4"),
        ("0.25", 0.25, "0.25"),
        (0.5, 0.5, "1/2"),
        (1.5, 1.5, "1.5"),
    ],
)
def test_parse_judgment_value(raw, value, text):
    x, t, problem = parse_judgment_value(raw)
    assert problem is None and x == pytest.approx(value) and t == text
