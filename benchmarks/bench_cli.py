"""Whole-process benchmark of what a user runs (a script, not a test).

    .venv/bin/python benchmarks/bench_cli.py            # everything (~5 min; builds the peer venv once)
    .venv/bin/python benchmarks/bench_cli.py --quick    # no 500-site run, no 10,000 profiles

Times whole ``sitecompare`` processes (wall clock, median of runs, peak RSS of the child) on
seeded synthetic studies written as YAML profiles in a temporary folder (point values, every
fact present, 12 criteria, 70% benefit), against the targets of issue 12:

* ``sensitivity --samples 100000 --method topsis --format json`` at 7 (the shipped study), 50
  and 500 sites, and at 500 sites with every pair listed (``--top 500``, the naive
  alternative); next to it, in the same run, **pysensmcda's SMAA alone** (``smaa.simulate`` with
  pymcdm's TOPSIS, vector normalisation, 100,000 uniform weight samples, on the same 50 x 12
  matrix and seed) timed in its own process. pysensmcda needs pandas < 3, so it runs from a
  separate virtual environment, ``benchmarks/.peer-venv``, made on first use (pip, from the
  package index); the ratio printed is pysensmcda's time over sitecompare's whole run;
* ``rank`` of the shipped study (cold start: the import of pint and pandas is avoided);
* ``rank`` over 10,000 YAML profiles, first run (YAML parsed) and second run (parsed documents
  and validated profiles from the caches, ``profiles.ParseCache`` and ``checked.CheckedCache``),
  a run with the parsed documents cached but the profiles validated again (the first run of a
  day: the validated profiles are kept by day), with the bare libyaml parse of the same files as
  the floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
SITECOMPARE = Path(sys.executable).parent / "sitecompare"
PEER = HERE / ".peer-venv"
SEED = 20240501


def write_study(
    root: Path, n: int, m: int = 12, seed: int = SEED
) -> tuple[Path, Path, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    sdir = root / "sites"
    sdir.mkdir(parents=True)
    benefit = rng.random(m) < 0.7
    weights = rng.integers(1, 20, m).astype(float)
    X = np.round(rng.uniform(1, 100, (n, m)), 4)
    crit = {
        f"c{j:02d}": {
            "fact": f"f{j:02d}",
            "unit": "MW",
            "direction": "max" if benefit[j] else "min",
            "weight": float(weights[j]),
        }
        for j in range(m)
    }
    cpath = root / "criteria.yaml"
    cpath.write_text(
        yaml.safe_dump({"format": 1, "name": f"synthetic {n}", "criteria": crit}), encoding="utf-8"
    )
    for i in range(n):
        doc = {
            "format": 1,
            "id": f"s{i:05d}",
            "name": f"Site {i}",
            "country": "KR",
            "sources": {"s": {"title": "synthetic", "date": "2024-01-01"}},
            "facts": {f"f{j:02d}": f"{X[i, j]} MW" for j in range(m)},
        }
        (sdir / f"s{i:05d}.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    return sdir, cpath, X, benefit


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and this child's own peak RSS (KiB) of one run (os.wait4: the child's
    rusage, not the largest of every child so far)."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read().decode(errors='replace')}")
    return wall, usage.ru_maxrss


def median(cmd: list[str], k: int, env: dict[str, str] | None = None) -> tuple[float, int]:
    runs = [run(cmd, env) for _ in range(k)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


PEER_SCRIPT = r"""
import sys, time, numpy as np
from pymcdm.methods import TOPSIS
from pymcdm.normalizations import vector_normalization
from pysensmcda.smaa import simulate
X = np.load(sys.argv[1]); types = np.load(sys.argv[2])
method = TOPSIS(normalization_function=vector_normalization)
simulate(method, X[:5], types, num_samples=200, seed=1)  # warm-up
t = time.perf_counter()
simulate(method, X, types, num_samples=int(sys.argv[3]), seed=1)
print(time.perf_counter() - t)
"""


def peer_python() -> Path | None:
    py = PEER / "bin" / "python"
    if py.exists():
        return py
    print("  (making benchmarks/.peer-venv with pysensmcda and pandas < 3: once)")
    subprocess.run([sys.executable, "-m", "venv", str(PEER)], check=True)
    res = subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "pysensmcda", "pandas<3"], capture_output=True, text=True
    )
    if res.returncode != 0:
        print(f"  pysensmcda could not be installed: {res.stderr.strip().splitlines()[-1:]}")
        return None
    return py


def peer_smaa(X: np.ndarray, benefit: np.ndarray, samples: int, tmp: Path) -> float | None:
    py = peer_python()
    if py is None:
        return None
    np.save(tmp / "X.npy", X)
    np.save(tmp / "types.npy", np.where(benefit, 1, -1))
    script = tmp / "peer.py"
    script.write_text(PEER_SCRIPT)
    res = subprocess.run(
        [str(py), str(script), str(tmp / "X.npy"), str(tmp / "types.npy"), str(samples)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        print(f"  pysensmcda failed: {res.stderr.strip().splitlines()[-3:]}")
        return None
    return float(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    print(f"sitecompare whole-process benchmark - {os.cpu_count()} CPUs, python {sys.version.split()[0]}")
    # the package's bytecode, as an installed package has it (make's install step writes it too;
    # with PYTHONDONTWRITEBYTECODE set, nothing else would)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "sitecompare")], check=True)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        env = dict(os.environ, SITECOMPARE_CACHE_DIR=str(tmp / "cache"))
        sens = ["sensitivity", "--samples", "100000", "--method", "topsis", "--format", "json"]
        print("\nsensitivity --samples 100000 --method topsis --format json (whole process, median of 3)")
        print(f"  {'sites':>6} {'wall s':>8} {'peak RSS':>9}  target")
        t7, r7 = median([str(SITECOMPARE), *sens], 3, env)
        print(f"  {7:>6} {t7:8.2f} {r7 / 1024:7.0f} MB  (the shipped study)")
        root = tmp / "s50"
        sdir, cpath, X50, b50 = write_study(root, 50)
        t50, r50 = median([str(SITECOMPARE), *sens, "--sites", str(sdir), "--criteria", str(cpath)], 3, env)
        print(f"  {50:>6} {t50:8.2f} {r50 / 1024:7.0f} MB  <= 1.5 s: {'met' if t50 <= 1.5 else 'NOT met'}")
        if not args.quick:
            sdir5, cpath5, _, _ = write_study(tmp / "s500", 500)
            t500, r500 = median(
                [str(SITECOMPARE), *sens, "--sites", str(sdir5), "--criteria", str(cpath5)], 1, env
            )
            verdict = "met" if t500 <= 15 else "NOT met"
            print(f"  {500:>6} {t500:8.2f} {r500 / 1024:7.0f} MB  <= 15 s: {verdict}")
            # the naive alternative in the same run: every pair listed (--top 500), as before
            # sensitivity --top existed
            full = [str(SITECOMPARE), *sens, "--sites", str(sdir5), "--criteria", str(cpath5)]
            tf, rf = median([*full, "--top", "500"], 1, env)
            print(
                f"  {500:>6} {tf:8.2f} {rf / 1024:7.0f} MB  every pair listed (--top 500): "
                f"{tf / t500:.1f}x the default (--top 50)"
            )
        peer = peer_smaa(X50, b50, 100_000, tmp)
        if peer is not None:
            ratio = peer / t50
            verdict = "met" if ratio >= 6 else "NOT met"
            print(
                "  pysensmcda smaa.simulate alone, same 50 x 12 matrix, TOPSIS, 100,000 samples: "
                f"{peer:.2f} s;\n  ratio pysensmcda / sitecompare whole run = {ratio:.1f}x "
                f"(target >= 6x: {verdict})"
            )

        print("\nrank of the shipped study (cold start, median of 7)")
        t, r = median([str(SITECOMPARE), "rank"], 7, env)
        print(f"  {t:.3f} s, {r / 1024:.0f} MB  (target <= 0.3 s: {'met' if t <= 0.3 else 'NOT met'})")

        if not args.quick:
            print("\nrank over 10,000 YAML profiles x 12 facts (--format json)")
            sdir10, cpath10, _, _ = write_study(tmp / "s10k", 10_000)
            cmd = [
                str(SITECOMPARE),
                "rank",
                "--sites",
                str(sdir10),
                "--criteria",
                str(cpath10),
                "--method",
                "wsm",
                "--format",
                "json",
            ]
            cold, rc = run(cmd, dict(env, SITECOMPARE_CACHE_DIR=str(tmp / "cache10k")))
            warm, rw = median(cmd, 3, dict(env, SITECOMPARE_CACHE_DIR=str(tmp / "cache10k")))
            for kept in (tmp / "cache10k").glob("checked-sites-*.pickle"):
                kept.unlink()  # as on the first run of a day
            revalidated, rv = run(cmd, dict(env, SITECOMPARE_CACHE_DIR=str(tmp / "cache10k")))
            t = time.perf_counter()
            for f in sorted(sdir10.iterdir()):
                yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506 - the floor
            floor = time.perf_counter() - t
            rows = (
                ("first run (YAML parsed)", cold, rc, ""),
                (
                    "next runs (parsed YAML, validated profiles cached)",
                    warm,
                    rw,
                    f"  (target <= 3 s: {'met' if warm <= 3 else 'NOT met'})",
                ),
                ("first run of a day (parsed YAML cached)", revalidated, rv, ""),
            )
            for label, wall, rss, note in rows:
                print(f"  {label + ':':52} {wall:6.2f} s, {rss / 1024:.0f} MB{note}")
            print(f"  floor: bare libyaml parse of the same files in this process: {floor:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
