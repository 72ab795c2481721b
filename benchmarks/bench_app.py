"""Weights page speed: the server's time to re-rank and redraw after a slider move.

    .venv/bin/python benchmarks/bench_app.py [--sites 1000] [--criteria 12] [--moves 15]

The page script runs under Streamlit's AppTest (the same script run the server does for a
browser, without the network); each move sets one weight slider and reruns the page. The
figure is the page's own measure of a run (``_sc_run_seconds``: load from cache, rank with
rank intervals, the headline with its built-only ranking, the HTML table, the contributions
chart and the walking-weights sweep with its chart), median and worst over the moves, for
the shipped study and for ``--sites`` synthetic sites (the workbook benchmark's study), with
each native method. The first run (reading the files, importing the libraries) is shown apart.
Targets (wsm, the shipped criteria's method): shipped study < 0.2 s, 1,000 sites < 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_workbook import synthetic_study
from streamlit.testing.v1 import AppTest

import sitecompare as sc
from sitecompare.app.logic import AppConfig

PAGE = Path(sc.__file__).parent / "app" / "page.py"
TARGETS = {"shipped": 0.2, "synthetic": 1.0}
METHODS = ("wsm", "wpm", "topsis", "vikor", "promethee2")


def bench(label: str, sites: Path | None, criteria: Path | None, moves: int) -> float:
    for k, v in AppConfig(sites, criteria).to_env().items():
        os.environ[k] = v
    at = AppTest.from_file(str(PAGE), default_timeout=600)
    t0 = time.perf_counter()
    at.run()
    if at.exception or at.error:
        raise SystemExit(f"{label}: the page failed: {at.exception or [e.value for e in at.error]}")
    first = time.perf_counter() - t0
    slider = at.slider[0]
    key = slider.key
    top = float(slider.max)
    print(f"{label:>10}: first run {first:6.2f} s (files read, libraries imported); moving {slider.label!r}")
    wsm = float("nan")
    offered = at.selectbox(key="method").options
    for method in METHODS:
        if not any(o.startswith(f"{method}:") for o in offered):
            print(f"{'':>10}  {method:<11} not offered with this many sites (pairwise, O(n^2))")
            continue
        at.selectbox(key="method").set_value(method).run()
        if at.error:  # e.g. wpm with a value of 0: the page shows the command line's message
            print(f"{'':>10}  {method:<11} cannot rank this study: the page says so ({at.error[0].value})")
            continue
        times = []
        for i in range(moves):
            at.slider(key=key).set_value(round(top * (0.1 + 0.8 * ((i * 7) % moves) / moves), 1)).run()
            if at.exception:
                raise SystemExit(f"{label}: {at.exception}")
            times.append(at.session_state["_sc_run_seconds"])
        med, worst = statistics.median(times), max(times)
        print(
            f"{'':>10}  {method:<11} median {1000 * med:7.1f} ms   worst {1000 * worst:7.1f} ms", flush=True
        )
        if method == "wsm":
            wsm = med
    return wsm


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sites", type=int, default=1000)
    ap.add_argument("--criteria", type=int, default=12)
    ap.add_argument("--moves", type=int, default=15)
    args = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        t = bench("shipped", None, None, args.moves)
        ok &= t < TARGETS["shipped"]
        sdir, cpath = synthetic_study(Path(tmp) / "synthetic", args.sites, args.criteria)
        t = bench(f"{args.sites} sites", sdir, cpath, args.moves)
        ok &= t < TARGETS["synthetic"]
    print(
        f"targets, wsm median per slider move (shipped < {1000 * TARGETS['shipped']:g} ms, "
        f"{args.sites} sites < {TARGETS['synthetic']:g} s): {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
