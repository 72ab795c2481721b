"""The sign-change and tie-run scan of OAT sweeps, against a plain loop over the pairs.

The whole-array scan (``sitecompare.sensitivity.brackets``) must list the same crossings, tie
runs and run edges, in the same order, as walking each pair's column of signs one by one (the
loop below is the one the sweeps used before the scan was vectorised).
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sitecompare.sensitivity.brackets import sign_brackets


def walk(S: np.ndarray) -> tuple[list, list, list]:
    """Crossings (lo, hi, pair), run edges (lo, pair, keep_lo) and runs, pair by pair."""
    cross, edges, runs = [], [], []
    last = S.shape[0] - 1
    for p in range(S.shape[1]):
        s = S[:, p]
        nz = np.flatnonzero(s)
        for f in range(nz.size - 1):
            if s[nz[f]] != s[nz[f + 1]]:
                cross.append((int(nz[f]), int(nz[f + 1]), p))
        zero = s == 0
        if not zero.any() or zero.all():
            continue
        i = 0
        while i <= last:
            if not zero[i]:
                i += 1
                continue
            j = i
            while j < last and zero[j + 1]:
                j += 1
            sl = s[i - 1] if i > 0 else 0.0
            sr = s[j + 1] if j < last else 0.0
            if not (sl and sr and sl != sr):
                runs.append((p, i, j))
                if sl:
                    edges.append((i - 1, p, True))
                if sr:
                    edges.append((j, p, False))
            i = j + 1
    return cross, edges, runs


signs = arrays(
    np.float64,
    st.tuples(st.integers(1, 14), st.integers(0, 9)),
    elements=st.sampled_from([-1.0, 0.0, 1.0]),
)


@settings(max_examples=400, deadline=None)
@given(signs)
def test_the_scan_lists_what_walking_each_pair_lists(S: np.ndarray) -> None:
    b = sign_brackets(S)
    cross, edges, runs = walk(S)
    assert list(zip(b.cross_lo.tolist(), b.cross_hi.tolist(), b.cross_pair.tolist(), strict=True)) == cross
    got_edges = zip(b.edge_lo.tolist(), b.edge_pair.tolist(), b.edge_keep_lo.tolist(), strict=True)
    assert list(got_edges) == edges
    assert list(zip(b.run_pair.tolist(), b.run_start.tolist(), b.run_end.tolist(), strict=True)) == runs


def test_a_crossing_through_a_tie_and_a_tie_plateau() -> None:
    # pair 0: + 0 0 - (one crossing, its tie inside the bracket); pair 1: + 0 0 + (a plateau
    # touched from both sides: one run, two edges); pair 2: tied everywhere (identical sites)
    S = np.array([[1.0, 1.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [-1.0, 1.0, 0.0]])
    b = sign_brackets(S)
    assert (b.cross_lo.tolist(), b.cross_hi.tolist(), b.cross_pair.tolist()) == ([0], [3], [0])
    assert (b.run_pair.tolist(), b.run_start.tolist(), b.run_end.tolist()) == ([1], [1], [2])
    assert (b.edge_lo.tolist(), b.edge_keep_lo.tolist()) == ([0, 2], [True, False])
