"""A cold ``sitecompare rank`` of a folder of profiles imports only what it uses: none of the
heavy libraries the other commands need, no site-table reader, no other ranking method, and
(its output piped) not rich either. Each of them made the command slower to start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# libraries a plain ranking never needs (the table and workbook readers, units beyond the
# table, scikit-criteria, the Dask engine, the weights page) and, piped, rich
NOT_IMPORTED = ("pandas", "pint", "scipy", "openpyxl", "skcriteria", "pyarrow", "dask", "streamlit", "rich")
NOT_IMPORTED_OWN = (
    "sitecompare.tables.read",
    "sitecompare.tables.checks",
    "sitecompare.tables.sidecar",
    "sitecompare.tables.table",
    "sitecompare.tables.load",
    "sitecompare.tables.matrix",
    "sitecompare.methods.wpm",
    "sitecompare.methods.topsis",
    "sitecompare.methods.vikor",
    "sitecompare.methods.promethee",
    "sitecompare.methods.skc",
    "sitecompare.sensitivity",
    "sitecompare.report",
    "sitecompare.cli.study",
)

# the command run as `python -m sitecompare ARGS`, sys.modules written to stderr at exit
_RUN = """
import atexit, json, runpy, sys
atexit.register(lambda: sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules))))
sys.argv = ["sitecompare", *{args!r}]
runpy.run_module("sitecompare", run_name="__main__")
"""


def _modules(args: tuple[str, ...], cwd: Path) -> tuple[subprocess.CompletedProcess, set[str]]:
    res = subprocess.run(
        [sys.executable, "-c", _RUN.format(args=args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**_env(), "SITECOMPARE_CACHE_DIR": str(cwd / "cache")},
    )
    tail = res.stderr.rsplit("MODULES ", 1)
    assert len(tail) == 2, res.stderr
    return res, set(json.loads(tail[1]))


def _env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    env.pop("SITECOMPARE_DEBUG", None)
    return env


@pytest.mark.parametrize("args", [("rank",), ("rank", "--horizon", "built"), ("rank", "--format", "json")])
def test_rank_of_profiles_imports_only_what_it_uses(tmp_path: Path, args: tuple[str, ...]) -> None:
    res, modules = _modules(args, tmp_path)
    assert res.returncode == 0, res.stderr
    assert "┏" in res.stdout or args[-1] == "json"
    heavy = sorted(m for m in modules if m.split(".")[0] in NOT_IMPORTED)
    own = sorted(m for m in modules if m.startswith(NOT_IMPORTED_OWN))
    assert heavy == [] and own == []


def test_the_command_line_imports_no_library_before_a_command_runs() -> None:
    libraries = ("numpy", "yaml", "rich", *NOT_IMPORTED)
    code = f"import sys, sitecompare.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in {libraries!r}))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "[]"


# after the command line has run: eight numpy temporaries of 256 KiB alive at once, then freed,
# twenty times over (the shape of the sensitivity run's batches); the pages they touch, counted
_REUSE = """
import contextlib, resource, runpy, sys
import numpy as np
sys.argv = ["sitecompare", "--version"]
if {run_cli!r}:
    with contextlib.suppress(SystemExit):  # the command line ends with sys.exit
        runpy.run_module("sitecompare", run_name="__main__")
def batch():
    arrays = [np.ones(1 << 15) for _ in range(8)]
    del arrays
batch()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(20):
    batch()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(run_cli: bool) -> int:
    code = _REUSE.format(run_cli=run_cli)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=_env())
    return int(res.stdout.split()[-1])


def test_the_command_line_lets_freed_numpy_temporaries_be_reused() -> None:
    # glibc unmaps a freed block above 128 KiB (and trims the heap) until the process has freed
    # a large block: each batch then faults its 2 MiB of pages in again (~500 faults a batch).
    # The command line frees one 8 MiB block at its start (reuse_freed_blocks), after which the
    # batches reuse the same memory.
    plain, after_cli = _faults(False), _faults(True)
    assert after_cli < 64, f"{after_cli} page faults after the command line, {plain} without it"
