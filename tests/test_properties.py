"""Rules that hold for all inputs (hypothesis): ranks are a permutation with ties, scores are
finite, weight scaling changes nothing, vector-TOPSIS ignores the scale of a benefit criterion,
profiles round-trip through YAML and TOML, and the native methods agree with scikit-criteria."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
import tomli_w
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy.stats import rankdata

from sitecompare.errors import IssueCollector
from sitecompare.methods import Problem, get_method, rank_rows, rank_scores
from sitecompare.model import Preference
from sitecompare.profiles import ProfileDumper, read_document
from sitecompare.validate import site_from_doc

NATIVE = ["wsm", "wpm", "topsis", "vikor", "promethee2"]


@st.composite
def problems(draw, min_n: int = 2, max_n: int = 9, max_m: int = 5):  # type: ignore[no-untyped-def]
    n = draw(st.integers(min_n, max_n))
    m = draw(st.integers(1, max_m))
    X = draw(hnp.arrays(float, (n, m), elements=st.floats(0.5, 1000, allow_nan=False)))
    benefit = draw(hnp.arrays(bool, m))
    w = draw(hnp.arrays(float, m, elements=st.floats(0.01, 10)))
    fns = st.sampled_from(["usual", "u-shape", "v-shape", "level", "linear", "gaussian"])
    prefs = [Preference(f, 5.0, 50.0, 20.0) for f in draw(st.lists(fns, min_size=m, max_size=m))]
    return Problem.from_arrays(X, benefit, preferences=prefs), w / w.sum()


def _is_competition_ranking(scores: np.ndarray, ranks: np.ndarray, higher: bool) -> bool:
    key = scores if higher else -scores
    tol = 1e-9 * max(1.0, float(np.abs(scores).max()))
    expected = [1 + int(np.sum(key > key[i] + tol)) for i in range(len(key))]
    return list(map(int, ranks)) == expected


@pytest.mark.parametrize("method", NATIVE)
@settings(max_examples=60, deadline=None)
@given(data=problems())
def test_ranks_are_a_permutation_with_ties_and_scores_are_finite(method: str, data) -> None:  # type: ignore[no-untyped-def]
    p, w = data
    out = get_method(method).evaluate(p, w)
    assert np.all(np.isfinite(out.scores))
    assert sorted(out.ranks)[0] == 1 and max(out.ranks) <= len(out.ranks)
    assert _is_competition_ranking(
        out.scores if method != "wpm" else np.log(out.scores), out.ranks, out.higher_is_better
    )


@pytest.mark.parametrize("method", NATIVE)
@settings(max_examples=40, deadline=None)
@given(data=problems(), factor=st.floats(0.05, 20))
def test_scaling_all_weights_changes_no_rank(method: str, data, factor: float) -> None:  # type: ignore[no-untyped-def]
    p, w = data
    info = get_method(method)
    a = info.evaluate(p, w)
    b = info.evaluate(p, w * factor)
    assert a.ranks.tolist() == b.ranks.tolist()


@settings(max_examples=60, deadline=None)
@given(data=problems(), factor=st.floats(0.001, 1000), col=st.integers(0, 4))
def test_vector_topsis_ignores_the_scale_of_a_benefit_criterion(
    data, factor: float, col: int
) -> None:  # type: ignore[no-untyped-def]
    p, w = data
    j = col % p.X.shape[1]
    X2 = p.X.copy()
    X2[:, j] *= factor
    q = Problem.from_arrays(X2, p.benefit)
    a = get_method("topsis").evaluate(p, w)
    b = get_method("topsis").evaluate(q, w)
    assert np.allclose(a.scores, b.scores, atol=1e-10)


@settings(max_examples=100, deadline=None)
@given(hnp.arrays(float, (5, 7), elements=st.integers(0, 4).map(float)))
def test_rank_rows_matches_scipy_min_ranking(S: np.ndarray) -> None:
    R = rank_rows(S)
    for row, r in zip(S, R, strict=True):
        assert r.tolist() == rankdata(-row, method="min").astype(int).tolist()
    assert (
        rank_scores(S[0], higher_is_better=False).tolist()
        == rankdata(S[0], method="min").astype(int).tolist()
    )


# near-tie chains: in a row whose largest magnitude is about 2 the tie rule's tolerance is about
# 2e-9, so 2, 2 + 1.2e-9 and 2 + 2.4e-9 are one tie run though the first and last are further
# apart than the tolerance
chained = st.integers(0, 3).map(lambda k: 2.0 + k * 1.2e-9)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 9).flatmap(
        lambda n: st.tuples(
            hnp.arrays(
                float,
                st.tuples(st.integers(1, 6), st.just(n)),
                elements=st.one_of(
                    st.integers(0, 1).map(float), chained, st.floats(-1.5, 1.5), st.just(np.nan)
                ),
            ),
            st.integers(0, n - 1),
        )
    ),
    st.booleans(),
    st.sampled_from([0.0, 1.0]),
)
def test_rank_of_is_rank_rows_for_one_site(case, higher: bool, floor: float) -> None:
    from sitecompare.methods.ranks import rank_of

    S, j = case
    sites = np.full(S.shape[0], j)
    want = rank_rows(S, higher, floor)[:, j]
    assert rank_of(S, sites, higher, floor).tolist() == want.tolist()


def test_rank_of_follows_rank_rows_through_a_tie_chain_and_a_nan() -> None:
    from sitecompare.methods.ranks import rank_of

    # 2 + 2.4e-9 is more than the tolerance (~2e-9) ahead of 2, but 2 + 1.2e-9 links them:
    # rank_rows puts all three in one tie run (rank 1); counting the sites ahead would say 2
    S = np.array([[2.0, 2.0 + 1.2e-9, 2.0 + 2.4e-9, 0.5], [2.0, np.nan, 1.0, 3.0]])
    sites = np.array([0, 2])
    want = rank_rows(S)[np.arange(2), sites]
    assert want.tolist()[0] == 1
    assert rank_of(S, sites).tolist() == want.tolist()


# --------------------------------------------------------------------------- profile round trip

units = st.sampled_from(
    [
        "km",
        "min",
        "h",
        "m^2",
        "km^2",
        "PFLOPS",
        "EFLOPS",
        "PB",
        "MW",
        "GW",
        "person/year",
        "count",
        "percent",
        "billion KRW",
        "",
    ]
)
finite = st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False)


@st.composite
def facts(draw):  # type: ignore[no-untyped-def]
    out = {}
    for key in draw(
        st.lists(
            st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True),
            min_size=1,
            max_size=6,
            unique=True,
        )
    ):
        status = draw(st.sampled_from(["measured", "plan", "estimate", "computed"]))
        unit = draw(units)
        f: dict = {"unit": unit, "source": "src", "status": status}
        # values the unit can take: a share within 0..100 percent, amounts >= 0 (issue 9)
        values = {"percent": st.floats(0, 100), "": finite}.get(unit, st.floats(0, 1e9))
        if draw(st.booleans()):
            lo, hi = sorted((draw(values), draw(values)))
            f.update(low=lo, high=hi)
        else:
            f["value"] = draw(values)
        if status == "computed":
            f["method"] = "haversine from two sourced coordinates"
        if draw(st.booleans()):
            f["as_of"] = draw(st.dates(dt.date(1990, 1, 1), dt.date.today()))  # not in the future
        if draw(st.booleans()):
            f["note"] = draw(
                st.text(min_size=1, max_size=30).filter(
                    lambda s: s.strip() == s and s.isprintable()
                )
            )
        out[key] = f
    return out


@pytest.mark.parametrize("fmt", ["yaml", "toml"])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fs=facts(),
    name=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() == s and s.isprintable()),
)
def test_profile_round_trip(tmp_path: Path, fmt: str, fs: dict, name: str) -> None:
    doc = {
        "format": 1,
        "id": "site-x",
        "name": name,
        "name_local": "광주",
        "country": "KR",
        "sources": {"src": {"title": "A source", "date": dt.date(2021, 3, 26)}},
        "facts": fs,
    }
    path = tmp_path / f"site-x.{fmt}"
    if fmt == "yaml":
        path.write_text(yaml.dump(doc, Dumper=ProfileDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    else:
        path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    raw, issues = read_document(path)
    assert not issues and raw is not None
    col = IssueCollector(path)
    site = site_from_doc(raw, col)
    assert not col.issues, col.issues
    assert site is not None and site.name == name
    for key, f in fs.items():
        got = site.facts[key]
        assert got.unit == f["unit"] and got.status == f["status"]
        assert got.as_of == f.get("as_of", dt.date(2021, 3, 26))
        if "value" in f:
            assert got.value == f["value"] and not got.is_range
        else:
            assert (got.low, got.high) == (f["low"], f["high"])
            assert got.value == pytest.approx((f["low"] + f["high"]) / 2)
        assert got.note == f.get("note")


# ------------------------------------------------------------ cross-checks with scikit-criteria


@settings(max_examples=40, deadline=None)
@given(data=problems(min_n=3, max_m=5))
def test_native_methods_agree_with_scikit_criteria(data) -> None:  # type: ignore[no-untyped-def]
    p, w = data
    X = p.X
    if np.any(np.ptp(X, axis=0) == 0):
        return  # constant criteria: the libraries document different conventions
    pairs = [("wsm", "skc-wsm"), ("topsis", "skc-topsis"), ("vikor", "skc-vikor")]
    for ours, theirs in pairs:
        a = get_method(ours).evaluate(p, w)
        b = get_method(theirs).evaluate(p, w)
        assert np.allclose(a.scores, b.scores, atol=1e-9), (ours, a.scores, b.scores)
        assert a.ranks.tolist() == b.ranks.tolist()
    va, vb = get_method("vikor").evaluate(p, w), get_method("skc-vikor").evaluate(p, w)
    assert np.allclose(va.details["S"], vb.details["S"]) and np.allclose(
        va.details["R"], vb.details["R"]
    )
    # WPM: scikit-criteria reports log10 of the product; the ranking must agree
    a = get_method("wpm").evaluate(p, w)
    b = get_method("skc-wpm").evaluate(p, w)
    assert np.allclose(np.log10(a.scores), b.scores, atol=1e-9)


@pytest.mark.parametrize(
    "text", ["0E0", "1e3", "-2E+5", "+7e-1", "yes", "No", "on", "true", "null", "~", "2021-03-26", "1_000", "0x1F"]
)
def test_text_written_by_the_profile_dumper_reads_back_as_the_same_text(tmp_path: Path, text: str) -> None:
    """PyYAML writes YAML 1.1, where 1e3 is text; the profile reader reads YAML 1.2, where it is
    a number. ProfileDumper (used by `sitecompare import`) quotes what the reader would not
    read back as text."""
    path = tmp_path / "doc.yaml"
    path.write_text(yaml.dump({"name": text}, Dumper=ProfileDumper, allow_unicode=True), encoding="utf-8")
    raw, issues = read_document(path)
    assert not issues and raw is not None
    assert raw.data["name"] == text
