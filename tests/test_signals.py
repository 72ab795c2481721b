"""A terminated run (SIGTERM, SIGHUP: a killed CI job, a closed terminal; SIGINT: Ctrl-C)
unwinds: the existing workbook stays byte-for-byte as it was, or is replaced by the complete new
one, no temporary file is left in the output folder, and the last line says truthfully which
of the two happened.

The runs are stopped at chosen points, not after guessed delays: ``SITECOMPARE_FAULT_AT=
POINT:SIGNAL`` makes the process send itself SIGNAL when it reaches POINT
(:data:`sitecompare.atomic.CHECKPOINTS`), so each test lands where it says on a busy machine
as on an idle one."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import SITECOMPARE, _env, make_study

from sitecompare.atomic import CHECKPOINTS
from sitecompare.report.readback import read_whatif_weights

INTERRUPTED = "sitecompare: interrupted; nothing was written"
# from this point on the new workbook is in place
WRITTEN_FROM = CHECKPOINTS.index("replaced")


def _study(root: Path) -> tuple[Path, Path]:
    sites = {
        f"s{i}": {"a": f"{10 + 7 * i} km", "b": f"{90 - 11 * i} MW"} for i in range(5)
    }
    crit = {
        "a": {"fact": "a", "unit": "km", "direction": "min", "weight": 1},
        "b": {"fact": "b", "unit": "MW", "direction": "max", "weight": 1},
    }
    return make_study(root, sites, crit)


def _compare(sdir: Path, cpath: Path, out: Path, *extra: str, fault: str | None = None, **kw):
    env = _env()
    if fault:
        env["SITECOMPARE_FAULT_AT"] = fault
    cmd = [str(SITECOMPARE), "compare", "--sites", str(sdir), "--criteria", str(cpath), "-o", str(out)]
    return subprocess.run([*cmd, *extra], capture_output=True, text=True, env=env, timeout=300, cwd=out.parent.parent, **kw)


@pytest.fixture(scope="module")
def _first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes]:
    root = tmp_path_factory.mktemp("study")
    sdir, cpath = _study(root)
    out = root / "out" / "cmp.xlsx"
    first = _compare(sdir, cpath, out)
    assert first.returncode == 0, first.stderr
    return sdir, cpath, out.read_bytes()


@pytest.fixture
def yesterday(_first_run: tuple[Path, Path, bytes], tmp_path: Path) -> tuple[Path, Path, Path, bytes]:
    """A study and yesterday's workbook of it (equal weights), alone in a fresh folder."""
    sdir, cpath, old = _first_run
    out = tmp_path / "out" / "cmp.xlsx"
    out.parent.mkdir()
    out.write_bytes(old)
    return sdir, cpath, out, old


CASES = [(p, "SIGTERM") for p in CHECKPOINTS] + [
    (p, s) for s in ("SIGHUP", "SIGINT") for p in ("built", "temp-created", "temp-written", "replaced")
]


@pytest.mark.parametrize(("point", "signame"), CASES, ids=[f"{s}@{p}" for p, s in CASES])
def test_a_signal_at_any_point_leaves_the_old_or_the_complete_new_workbook_and_says_which(
    yesterday: tuple[Path, Path, Path, bytes], point: str, signame: str
) -> None:
    sdir, cpath, out, old = yesterday
    res = _compare(sdir, cpath, out, "--weights", "a=3", fault=f"{point}:{signame}")
    assert res.returncode == 130, (res.returncode, res.stderr)
    assert "Traceback" not in res.stderr and "Exception ignored" not in res.stderr, res.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["cmp.xlsx"]
    last = res.stderr.strip().splitlines()[-1]
    if CHECKPOINTS.index(point) >= WRITTEN_FROM:
        assert last == "sitecompare: interrupted after writing out/cmp.xlsx (complete); nothing else was written"
        assert openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "Summary"
        assert read_whatif_weights(out, ["a", "b"]) == {"a": 75.0, "b": 25.0}  # a=3, b=1: the new run's
    else:
        assert last == INTERRUPTED
        assert out.read_bytes() == old


def test_a_workbook_left_by_a_killed_run_is_removed_by_the_next_run(
    yesterday: tuple[Path, Path, Path, bytes],
) -> None:
    """SIGKILL cannot be caught: the temporary file stays. The next run that writes to the same
    folder removes it (its writer is gone), and leaves one whose writer is alive."""
    sdir, cpath, out, old = yesterday
    killed = _compare(sdir, cpath, out, fault="temp-written:SIGKILL")
    assert killed.returncode == -signal.SIGKILL
    left = [p.name for p in out.parent.iterdir() if p.name != "cmp.xlsx"]
    assert len(left) == 1 and left[0].startswith(".cmp.xlsx.") and left[0].endswith(".tmp"), left
    assert out.read_bytes() == old
    alive = out.parent / f".cmp.xlsx.{os.getpid()}.live1234.tmp"  # this test process is alive
    alive.write_bytes(b"being written")
    again = _compare(sdir, cpath, out)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(["cmp.xlsx", alive.name])


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))  # ulimit -f 16


def test_a_file_size_limit_is_bad_luck_reported_in_one_line_not_a_crash(
    yesterday: tuple[Path, Path, Path, bytes], tmp_path: Path
) -> None:
    """``ulimit -f 16``: openpyxl's scratch files hit the limit (lxml's IO_EFBIG). Exit 1,
    the file and the cause in one line, no traceback, the old workbook and no scratch left."""
    sdir, cpath, out, old = yesterday
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = _env() | {"TMPDIR": str(scratch)}
    cmd = [str(SITECOMPARE), "compare", "--sites", str(sdir), "--criteria", str(cpath), "-o", str(out)]
    res = subprocess.run(
        cmd, capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path, preexec_fn=_limit_file_size
    )
    assert res.returncode == 1, res.stderr
    assert res.stderr.splitlines() == [
        "out/cmp.xlsx: cannot write the workbook: the file is larger than this process may write "
        "(file-size limit, ulimit -f) (EFBIG)",
        "sitecompare: 1 problem found; nothing was written",
    ]
    assert out.read_bytes() == old
    assert sorted(p.name for p in out.parent.iterdir()) == ["cmp.xlsx"]
    assert list(scratch.iterdir()) == []


def test_interrupt_while_a_command_is_imported_exits_130(tmp_path: Path) -> None:
    """An interruption between the group's start and the command's own error handler (the
    lazy import of the command's module) is not bad input: 130 and the usual line, not
    click's "Aborted!" with exit 1. The import is made to raise KeyboardInterrupt."""
    import sys

    script = tmp_path / "interrupt.py"
    script.write_text(
        "import importlib, sys\n"
        "real = importlib.import_module\n"
        "def boom(name, *a, **k):\n"
        "    if name.startswith('sitecompare.cli.compare'):\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *a, **k)\n"
        "importlib.import_module = boom\n"
        f"sys.argv = ['sitecompare', 'compare', '-o', {str(tmp_path / 'x.xlsx')!r}]\n"
        "from sitecompare.cli import main\n"
        "main()\n"
    )
    res = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, env=_env())
    assert res.returncode == 130, res.stderr
    assert res.stderr.strip() == INTERRUPTED
    assert not (tmp_path / "x.xlsx").exists()
