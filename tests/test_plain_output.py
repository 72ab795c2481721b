"""sitecompare.cli.plain writes what rich would, byte for byte, whenever it writes at all: random
tables and lines against rich's own console (made as cli.common.console makes it for a stream
that is not a terminal), and ``rank`` printed both ways."""

from __future__ import annotations

import builtins
import io
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from sitecompare.cli import main, plain
from sitecompare.cli.common import PIPED_WIDTH, _rich_table, console


def _rich(monkeypatch: pytest.MonkeyPatch, *objects: object) -> str:
    """What rich prints for ``objects`` on the console cli.common.console() makes for stdout
    when stdout is not a terminal."""
    buf = io.StringIO()
    with monkeypatch.context() as m:
        m.setattr(sys, "stdout", buf)
        out = console()
        for obj in objects:
            out.print(obj)
    return buf.getvalue()


@pytest.fixture(autouse=True)
def _no_forced_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)


WORD = st.text(alphabet="abcXYZ019.-_()/'=,", min_size=1, max_size=12)
PLAIN_CELL = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
# cells rich may well print otherwise: colons, double and edge spaces, tabs, wide and
# combining characters, brackets (markup is off), control characters, empty cells
ANY_CELL = st.one_of(
    PLAIN_CELL,
    st.text(alphabet=" a:b-[]/\t\u00e9\u0301\ud55c\u2013\r\x07", max_size=10),
    st.sampled_from([":smile:", "a:b:c", ":", "::", "x :y: z", "12:30:00", " a", "a ", "a  b", ""]),
)


def _table(cell: st.SearchStrategy[str], max_cols: int = 6) -> st.SearchStrategy[tuple]:
    return st.integers(1, max_cols).flatmap(
        lambda n: st.tuples(
            st.lists(st.tuples(cell, st.booleans()), min_size=n, max_size=n),
            st.lists(st.lists(cell, min_size=n, max_size=n), max_size=8),
        )
    )


def _check_table(monkeypatch: pytest.MonkeyPatch, columns: list, rows: list) -> bool:
    text = plain.table_text(columns, rows, PIPED_WIDTH)
    if text is None:
        return False
    assert text == _rich(monkeypatch, _rich_table(columns, rows, None))
    return True


@settings(max_examples=300, deadline=None)
@given(_table(PLAIN_CELL))
def test_plain_tables_are_rich_tables(table: tuple) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _check_table(monkeypatch, *table)


@settings(max_examples=300, deadline=None)
@given(_table(ANY_CELL))
def test_any_table_written_plainly_is_rich_table(table: tuple) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _check_table(monkeypatch, *table)


def test_wide_tables_and_odd_cells_are_left_to_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    cols = [("rank", True), ("name", False)]
    assert _check_table(monkeypatch, cols, [["1", "Daedeok Innopolis (R&D Zone)"]])
    assert _check_table(monkeypatch, cols, [])  # a header and no rows
    assert not _check_table(monkeypatch, cols, [["1", "x" * 190]])  # wider than the console
    for odd in (":smile:", "a  b", " a", "\ud55c", "\t", "", "a\nb"):
        assert plain.table_text(cols, [["1", odd]], PIPED_WIDTH) is None, odd


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.text(alphabet="note:abc –()'-,.;=\u00e9\ud55c ", max_size=60),
        st.sampled_from(["", " ", "a ", " a", ":warning:", "x :+1: y", "http://h:80/", "a\tb"]),
    )
)
def test_a_plain_line_is_printed_by_rich_as_it_is(line: str) -> None:
    if plain.plain_line(line):
        with pytest.MonkeyPatch.context() as monkeypatch:
            assert _rich(monkeypatch, line) == line + "\n"


def test_only_a_plain_stream_is_written_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    assert plain.plain_stream(io.StringIO())
    assert not plain.plain_stream(io.TextIOWrapper(io.BytesIO(), encoding="latin-1"))
    master, slave = os.openpty()
    with open(slave, "w", encoding="utf-8") as tty:
        assert not plain.plain_stream(tty)
    os.close(master)
    for var in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        with monkeypatch.context() as m:
            m.setenv(var, "1")
            assert not plain.plain_stream(io.StringIO())
    with monkeypatch.context() as m:
        m.setattr(builtins, "get_ipython", lambda: None, raising=False)
        assert not plain.plain_stream(io.StringIO())


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--top", "3"),
        ("--horizon", "built"),
        ("--method", "topsis"),
        ("--method", "vikor"),
        ("--method", "promethee2"),
        ("--weights", "talent=40,compute=15"),
    ],
)
def test_rank_prints_the_same_bytes_with_and_without_rich(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tmp_path)  # the shipped study
    monkeypatch.setenv("SITECOMPARE_CACHE_DIR", str(tmp_path / "cache"))
    writes: list[str] = []
    write = plain.write
    monkeypatch.setattr(plain, "write", lambda stream, text: (writes.append(text), write(stream, text))[1])
    fast = CliRunner().invoke(main, ["rank", *args])
    assert writes and writes[0].startswith("┏")  # written without rich
    monkeypatch.setattr(plain, "plain_stream", lambda stream: False)
    slow = CliRunner().invoke(main, ["rank", *args])
    assert fast.exit_code == slow.exit_code == 0, fast.output + slow.output
    assert fast.stdout_bytes == slow.stdout_bytes
    assert "┏" in fast.output


@pytest.mark.parametrize(
    ("weights_by", "name", "shown"),
    [
        ("the board :smile: (see\tminutes)", None, "\U0001f604"),  # a line rich changes
        (None, "Ulsan AI Data Center \ud55c\uad6d", "\ud55c\uad6d"),  # a wide character: the table
        (None, "Ulsan :rocket: Center", "\U0001f680"),
    ],
)
def test_text_rich_would_change_is_printed_by_rich(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    weights_by: str | None,
    name: str | None,
    shown: str,
) -> None:
    from sitecompare.study import shipped_criteria_file, shipped_sites_dir

    sites = tmp_path / "sites"
    shutil.copytree(shipped_sites_dir(), sites)
    (tmp_path / "criteria").mkdir()
    criteria = shipped_criteria_file().read_text(encoding="utf-8")
    if weights_by is not None:
        line = f"weights_by: {json.dumps(weights_by, ensure_ascii=False)}"
        criteria = re.sub(r"(?m)^weights_by: .*$", lambda _: line, criteria)
    (tmp_path / "criteria" / "default.yaml").write_text(criteria, encoding="utf-8")
    if name is not None:
        profile = sites / "ulsan-sk-aws.yaml"
        text = profile.read_text(encoding="utf-8")
        line = f"name: {json.dumps(name, ensure_ascii=False)}"
        profile.write_text(re.sub(r"(?m)^name: .*$", lambda _: line, text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SITECOMPARE_CACHE_DIR", str(tmp_path / "cache"))
    fast = CliRunner().invoke(main, ["rank"])
    monkeypatch.setattr(plain, "plain_stream", lambda stream: False)
    slow = CliRunner().invoke(main, ["rank"])
    assert fast.exit_code == slow.exit_code == 0, fast.output + slow.output
    assert fast.stdout_bytes == slow.stdout_bytes
    assert shown in fast.output
