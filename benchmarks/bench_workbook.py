"""Comparison workbook speed and memory: the shipped study, and 1,000 synthetic sites x 12
criteria (with missing, planned and ranged facts, three weight scenarios).

    .venv/bin/python benchmarks/bench_workbook.py [--sites 1000] [--criteria 12] [--lang en]

For each study: wall time of ranking (load + rank), of building the workbook in memory (every
sheet: scenarios, the five built-in methods, comments, charts, What-if formulas) and of saving
it atomically; the file size; and the process's peak resident memory so far
(resource.getrusage). ``--tracemalloc`` repeats each run under tracemalloc and prints the peak
of traced Python and numpy allocations (tracing slows the run about threefold, so the times
are taken without it).
Targets: shipped study < 3 s, 1,000 sites < 20 s (ranking + workbook + save).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import yaml

import sitecompare as sc
from sitecompare.report.xlsx import build_workbook, save_atomic

TARGETS = {"shipped": 3.0, "synthetic": 20.0}


def synthetic_study(root: Path, n: int, m: int, seed: int = 7) -> tuple[Path, Path]:
    """``n`` site profiles and a criteria file with ``m`` criteria, written as YAML."""
    rng = np.random.default_rng(seed)
    sdir = root / "sites"
    sdir.mkdir(parents=True)
    units = ["km", "person/year", "count", "MW", "m^2", "PFLOPS"]
    criteria = {}
    for j in range(m):
        criteria[f"c{j:02d}"] = {
            "label": f"Criterion {j + 1}",
            "label_local": f"기준 {j + 1}",
            "fact": f"f{j:02d}",
            "unit": units[j % len(units)],
            "direction": "min" if j % 4 == 0 else "max",
            "weight": int(rng.integers(1, 20)),
            "missing": ("worst", "median")[j % 2],
        }
    criteria["c01"]["scale"] = {"worst": 0, "best": 80}
    doc = {
        "format": 1,
        "name": f"synthetic {n} x {m}",
        "method": {"name": "wsm", "normalization": "minmax"},
        "criteria": criteria,
        "scenarios": {
            "even": dict.fromkeys(criteria, 1),
            "first-half": {c: 3 for c in list(criteria)[: m // 2]},
            "last-half": {c: 3 for c in list(criteria)[m // 2 :]},
        },
    }
    cpath = root / "criteria.yaml"
    cpath.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    for i in range(n):
        facts = {}
        for j in range(m):
            if rng.random() < 0.08:
                continue  # missing
            v = float(np.round(rng.uniform(1, 100), 2))
            unit = criteria[f"c{j:02d}"]["unit"]
            roll = rng.random()
            if roll < 0.1:
                facts[f"f{j:02d}"] = {"low": v, "high": round(v * 1.2, 2), "unit": unit, "source": "s1"}
            elif roll < 0.2:
                facts[f"f{j:02d}"] = {"value": v, "unit": unit, "source": "s2", "status": "plan"}
            else:
                facts[f"f{j:02d}"] = {"value": v, "unit": unit, "source": "s1", "note": "synthetic value"}
        site = {
            "format": 1,
            "id": f"site-{i:04d}",
            "name": f"Synthetic site {i:04d}",
            "name_local": f"가상 부지 {i:04d}",
            "country": "KR",
            "sources": {
                "s1": {
                    "title": f"Survey {i}",
                    "date": "2024-05-01",
                    "url": f"https://example.com/survey/{i}",
                },
                "s2": {"title": f"Plan {i}", "date": "2019-01-01", "publisher": "City"},
            },
            "facts": facts,
        }
        (sdir / f"site-{i:04d}.yaml").write_text(
            yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return sdir, cpath


def run(sites: Path | None, criteria: Path | None, out: Path, lang: str) -> tuple[int, int, list[float], int]:
    t0 = time.perf_counter()
    study = sc.load_study(sites, criteria, as_of=dt.date(2026, 1, 1))
    result = sc.rank(study)
    t1 = time.perf_counter()
    wb = build_workbook(result, lang=lang, command_line="bench_workbook")
    t2 = time.perf_counter()
    path = save_atomic(wb, out)
    t3 = time.perf_counter()
    n, m = len(result.site_ids), len(result.matrix.criteria)
    return n, m, [t3 - t0, t1 - t0, t2 - t1, t3 - t2], path.stat().st_size


def bench(label: str, sites: Path | None, criteria: Path | None, out: Path, lang: str, trace: bool) -> float:
    n, m, (total, rank, build, save), size = run(sites, criteria, out, lang)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    line = (
        f"{label:>9}: {n:5d} sites x {m:2d} criteria  {total:6.2f} s "
        f"(load+rank {rank:5.2f}, build {build:5.2f}, save {save:5.2f})  "
        f"file {size / 1e6:5.2f} MB  peak RSS so far {rss:5.0f} MiB"
    )
    if trace:
        tracemalloc.start()
        run(sites, criteria, out, lang)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        line += f"  peak traced {peak / 2**20:6.1f} MiB"
    print(line, flush=True)
    return total


def cli(root: Path, lang: str) -> float:
    """The real command from a cold start: ``sitecompare compare`` (imports included)."""
    exe = Path(sys.executable).parent / "sitecompare"
    t0 = time.perf_counter()
    subprocess.run(
        [str(exe), "compare", "--lang", lang, "-o", str(root / "cli.xlsx")],
        check=True,
        capture_output=True,
        cwd=root,
    )
    total = time.perf_counter() - t0
    print(f"{'cli':>9}: sitecompare compare on the shipped study, cold start: {total:6.2f} s", flush=True)
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sites", type=int, default=1000)
    ap.add_argument("--criteria", type=int, default=12)
    ap.add_argument("--lang", default="en", choices=["en", "ko"])
    ap.add_argument("--tracemalloc", action="store_true", help="also print traced peak memory")
    args = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t = bench("shipped", None, None, root / "shipped.xlsx", args.lang, args.tracemalloc)
        ok &= t < TARGETS["shipped"]
        t = cli(root, args.lang)
        ok &= t < TARGETS["shipped"]
        sdir, cpath = synthetic_study(root / "synthetic", args.sites, args.criteria)
        t = bench("synthetic", sdir, cpath, root / "synthetic.xlsx", args.lang, args.tracemalloc)
        ok &= t < TARGETS["synthetic"]
    print(
        f"targets (shipped < {TARGETS['shipped']:g} s, synthetic < {TARGETS['synthetic']:g} s): "
        f"{'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
