"""A terminated run (SIGTERM, SIGHUP: a killed CI job, a closed terminal) unwinds like Ctrl-C:
the existing workbook stays byte-for-byte as it was, or is replaced by a complete one, and no
temporary file is left in the output folder. The signal is sent at several moments of a run
(loading, building, saving); whatever the moment, those assertions hold."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import SITECOMPARE, _env, make_study


def _study(root: Path) -> tuple[Path, Path]:
    rng = random.Random(1)
    sites = {
        f"s{i:03d}": {"a": f"{rng.uniform(1, 100):.3f} km", "b": f"{rng.uniform(1, 100):.3f} MW"}
        for i in range(400)
    }
    crit = {
        "a": {"fact": "a", "unit": "km", "direction": "min", "weight": 1},
        "b": {"fact": "b", "unit": "MW", "direction": "max", "weight": 1},
    }
    return make_study(root, sites, crit)


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_terminated_compare_leaves_no_temporary_file_and_an_intact_workbook(
    tmp_path: Path, signame: str
) -> None:
    sdir, cpath = _study(tmp_path)
    out = tmp_path / "out" / "cmp.xlsx"
    cmd = [str(SITECOMPARE), "compare", "--sites", str(sdir), "--criteria", str(cpath), "-o", str(out)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=300)
    assert first.returncode == 0, first.stderr
    yesterday = out.read_bytes()
    interrupted = 0
    for delay in (0.4, 1.0, 1.6, 2.2):
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
        time.sleep(delay)
        proc.send_signal(getattr(signal, signame))
        _, err = proc.communicate(timeout=300)
        assert "Traceback" not in err and "Exception ignored" not in err, err
        assert sorted(p.name for p in out.parent.iterdir()) == ["cmp.xlsx"]
        if proc.returncode == 0:  # finished before the signal: a complete new workbook
            assert openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "Summary"
            yesterday = out.read_bytes()
        elif proc.returncode == -getattr(signal, signame):
            # still starting up (importing), before the handler exists: nothing was opened
            assert out.read_bytes() == yesterday
        else:
            interrupted += 1
            assert proc.returncode == 130, (proc.returncode, err)
            assert err.strip().splitlines()[-1] == "sitecompare: interrupted; nothing was written"
            assert out.read_bytes() == yesterday
    assert interrupted >= 1  # at least one signal landed mid-run and was unwound


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
        "    if name.startswith('sitecompare.report'):\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *a, **k)\n"
        "importlib.import_module = boom\n"
        f"sys.argv = ['sitecompare', 'compare', '-o', {str(tmp_path / 'x.xlsx')!r}]\n"
        "from sitecompare.cli import main\n"
        "main()\n"
    )
    res = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, env=_env())
    assert res.returncode == 130, res.stderr
    assert res.stderr.strip() == "sitecompare: interrupted; nothing was written"
    assert not (tmp_path / "x.xlsx").exists()
