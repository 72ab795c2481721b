"""The scikit-criteria adapter: every aggregation method of scikit-criteria 0.10 as a method.

This is the only module of the project that imports scikit-criteria. Each of the 27
aggregation classes is described by one small :class:`_Spec` (table below): which
preprocessing reproduces the method's *published* treatment of cost criteria
(``direction: min``), which ``result.e_`` key holds its score, which per-site intermediates
go to ``details`` and which method-level facts go to ``info``.

Preprocessing kinds (one documented convention per method, stated in ``cost_convention``):

* ``raw``        the method handles MIN objectives itself; raw values, native objectives.
* ``vector``     ``VectorScaler(target="matrix")`` (x / sqrt(sum x^2)), objectives kept.
* ``sum``        ``SumScaler(target="matrix")`` (x / sum x), objectives kept.
* ``minmax``     ``MinMaxInverter``: benefit (x-min)/(max-min), cost (max-x)/(max-min).
* ``ratio``      ``BenefitCostInverter``: benefit x/max, cost min/x.
* ``reciprocal`` ``InvertMinimize``: cost x -> 1/x (only where the publication does this).
* ``aras``       1/x for cost, then sum normalisation together with the optimal alternative.

Library calls run inside :func:`_library_call`: warnings are recorded (never raised, never
global); scikit-criteria's expected ones (TOPSIS/PROBID "MIN objective" notes, deprecations,
``Pandas4Warning``) are dropped and any other one is reported in ``info["warnings"]``. For the
methods that write to stdout (SIMUS through the CBC solver, MARCOS through a stray ``print``)
file descriptor 1 is pointed at ``/dev/null`` for the duration of the call, and CBC's
temporary files go to a private temporary directory. Library errors, and values outside a
method's domain, become :class:`~sitecompare.errors.MethodDomainError`.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import numpy as np
import skcriteria as skc
from scipy.spatial import distance
from skcriteria.agg import (
    aras,
    cocoso,
    codas,
    copras,
    edas,
    electre,
    ervd,
    mabac,
    mairca,
    marcos,
    moora,
    ocra,
    probid,
    ram,
    rim,
    simple,
    simus,
    spotis,
    topsis,
    vikor,
    waspas,
)
from skcriteria.pipelines import mkpipe
from skcriteria.preprocessing import invert_objectives, scalers

from ..errors import MethodDomainError
from .base import MethodInfo, MethodOutput, Param, Problem
from .ranks import rank_scores

__all__ = ["SKC_METHODS", "skcriteria_version", "skc_pipeline_scores"]

FAMILY = "scikit-criteria"

_TRANSFORMERS: dict[str, Callable[[], Any] | None] = {
    "raw": None,
    "vector": lambda: scalers.VectorScaler(target="matrix"),
    "sum": lambda: scalers.SumScaler(target="matrix"),
    "minmax": invert_objectives.MinMaxInverter,
    "ratio": invert_objectives.BenefitCostInverter,
    "reciprocal": invert_objectives.InvertMinimize,
}

# Warnings scikit-criteria emits on every normal call: not about the user's data.
_EXPECTED_WARNING_TEXT = ("can operate with minimization objectives",)


def skcriteria_version() -> str:
    """The installed scikit-criteria version, e.g. ``"0.10"``."""
    try:
        return metadata.version("scikit-criteria")
    except metadata.PackageNotFoundError:  # pragma: no cover - vendored copies
        return str(getattr(skc, "VERSION", "unknown"))


# --------------------------------------------------------------------------------------------
# Running library code quietly
# --------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _silenced_stdout() -> Iterator[None]:
    """Send everything written to stdout (Python and child processes) to /dev/null."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stdout.flush()  # what was written before the call still goes out first
    try:
        saved = os.dup(1)
    except OSError:  # no fd 1 (closed): nothing to protect at that level
        saved = None
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        if saved is not None:
            os.dup2(devnull, 1)
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)
        os.close(devnull)


@contextlib.contextmanager
def _quiet_lp_solver() -> Iterator[None]:
    """PuLP's default solver without log output and with temp files in a private directory."""
    import pulp  # a scikit-criteria dependency, used by SIMUS only

    solver = pulp.LpSolverDefault
    if solver is None:
        raise MethodDomainError("SIMUS needs a linear-programming solver (PuLP's bundled CBC)")
    saved = (solver.msg, solver.tmpDir, solver.keepFiles)
    with tempfile.TemporaryDirectory(prefix="sitecompare-cbc-") as tmp:
        solver.msg, solver.tmpDir, solver.keepFiles = False, tmp, False
        try:
            yield
        finally:
            solver.msg, solver.tmpDir, solver.keepFiles = saved


def _expected(w: warnings.WarningMessage) -> bool:
    if issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning, FutureWarning)):
        return True  # library internals (skcriteria, pulp, pandas 4), nothing the user can fix
    if issubclass(w.category, RuntimeWarning):
        return True  # numpy 0/0 noise; non-finite scores are refused after the call
    text = str(w.message)
    return any(t in text for t in _EXPECTED_WARNING_TEXT)


@contextlib.contextmanager
def _library_call(noisy: bool = False, lp: bool = False) -> Iterator[list[str]]:
    """Scope for one scikit-criteria call; yields the list of unexpected warning messages."""
    messages: list[str] = []
    with contextlib.ExitStack() as stack:
        caught = stack.enter_context(warnings.catch_warnings(record=True))
        warnings.simplefilter("always")
        if noisy:
            stack.enter_context(_silenced_stdout())
        if lp:
            stack.enter_context(_quiet_lp_solver())
        try:
            yield messages
        finally:
            for w in caught:
                text = " ".join(str(w.message).split())
                if not _expected(w) and text not in messages:
                    messages.append(text)


# --------------------------------------------------------------------------------------------
# The method table
# --------------------------------------------------------------------------------------------


@dataclass
class _Run:
    """What one evaluation saw: inputs after column selection, the prepared dm, the result."""

    problem: Problem
    keep: np.ndarray
    X: np.ndarray
    benefit: np.ndarray
    w: np.ndarray
    criteria: list[str]
    params: dict[str, Any]
    dm: Any = None
    result: Any = None


@dataclass(frozen=True)
class _Spec:
    name: str
    cls: type
    title: str
    description: str
    reference: str
    cost_convention: str
    prep: str
    score_key: str
    higher_is_better: bool
    score_label: str
    params: Mapping[str, Param] = field(default_factory=dict)
    local_params: tuple[str, ...] = ()  # adapter parameters, not passed to the constructor
    domain: str | None = None  # "positive" | "nonnegative" | "ratio" (>= 0, cost > 0)
    keep: Callable[[Problem, np.ndarray], np.ndarray] | None = None  # criteria to use
    uniform_weights: bool = False  # the method does not use weights
    kwargs: Callable[[_Run], dict[str, Any]] | None = None  # extra evaluate() arguments
    details: tuple[tuple[str, str], ...] = ()  # (output name, e_ key) per-site arrays
    info: tuple[tuple[str, str, str], ...] = ()  # (name, e_ key, "scalar" | "criteria")
    hook: Callable[[_Run], tuple[dict, dict]] | None = None  # derived details / info
    requires_cost: bool = False
    noisy: bool = False
    lp: bool = False


def _nonzero_weight(problem: Problem, w: np.ndarray) -> np.ndarray:
    return w > 0


def _not_constant_unless_anchored(problem: Problem, w: np.ndarray) -> np.ndarray:
    lo, hi = _bounds(problem.X, problem.worst, problem.best)
    return hi > lo


def _bounds(X: np.ndarray, worst: np.ndarray, best: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Data range widened to the scale anchors (where both are given)."""
    anchored = ~np.isnan(worst) & ~np.isnan(best)
    lo, hi = X.min(axis=0), X.max(axis=0)
    lo = np.where(anchored, np.fmin(lo, np.fmin(worst, best)), lo)
    hi = np.where(anchored, np.fmax(hi, np.fmax(worst, best)), hi)
    return lo, hi


def _anchors(run: _Run) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    p = run.problem
    worst, best = p.worst[run.keep], p.best[run.keep]
    lo, hi = _bounds(run.X, worst, best)
    anchored = ~np.isnan(worst) & ~np.isnan(best)
    return lo, hi, np.where(anchored, best, np.nan), anchored


def _spotis_kwargs(run: _Run) -> dict[str, Any]:
    lo, hi, _, _ = _anchors(run)
    return {"bounds": np.column_stack([lo, hi]), "isp": np.where(run.benefit, hi, lo)}


def _rim_kwargs(run: _Run) -> dict[str, Any]:
    lo, hi, best, anchored = _anchors(run)
    ideal_lo = np.where(run.benefit, np.where(anchored, best, hi), lo)
    ideal_hi = np.where(run.benefit, hi, np.where(anchored, best, lo))
    ranges = [(float(a), float(b)) for a, b in zip(lo, hi, strict=True)]
    ideals = [(float(a), float(b)) for a, b in zip(ideal_lo, ideal_hi, strict=True)]
    return {"ranges": ranges, "ref_ideals": ideals}


def _ervd_kwargs(run: _Run) -> dict[str, Any]:
    ref = np.median(run.X, axis=0) if run.params["reference"] == "median" else run.X.mean(axis=0)
    return {"reference_points": ref / run.X.sum(axis=0)}  # same sum normalisation as the matrix


def _aras_prepare(X: np.ndarray, benefit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Zavadskas & Turskis (2010): 1/x for cost, then x / (column sum incl. the optimal row)."""
    with np.errstate(divide="ignore"):  # 1/x is used only for cost criteria (checked > 0)
        inv = 1.0 / X
    Xb = np.where(benefit, X, inv)
    optimal = Xb.max(axis=0)
    denom = Xb.sum(axis=0) + optimal
    return Xb / denom, optimal / denom


def _topsis_hook(run: _Run) -> tuple[dict, dict]:
    e = run.result.e_
    v = run.dm.matrix.to_numpy(dtype=float) * run.w
    metric = run.params["metric"]
    d_plus = distance.cdist(v, e["ideal"][None, :], metric=metric).ravel()
    d_minus = distance.cdist(v, e["anti_ideal"][None, :], metric=metric).ravel()
    return {"d_plus": d_plus, "d_minus": d_minus}, {}


def _vikor_hook(run: _Run) -> tuple[dict, dict]:
    sites = run.problem.alternatives
    chosen = [sites[i] for i in np.asarray(run.result.e_["compromise_set"], dtype=int)]
    return {}, {"compromise_set": chosen}


def _electre1_hook(run: _Run) -> tuple[dict, dict]:
    outrank = np.asarray(run.result.e_["outrank"], dtype=bool)
    sites = run.problem.alternatives
    kernel = [s for s, k in zip(sites, run.result.kernel_, strict=True) if k]
    details = {
        "outranks": outrank.sum(axis=1).astype(float),
        "outranked_by": outrank.sum(axis=0).astype(float),
    }
    return details, {"kernel": kernel}


def _multimoora_hook(run: _Run) -> tuple[dict, dict]:
    rm = np.asarray(run.result.e_["rank_matrix"], dtype=float)
    return {"ratio_rank": rm[:, 0], "refpoint_rank": rm[:, 1], "fmf_rank": rm[:, 2]}, {}


def _unit(lo: float | None = None, hi: float | None = None, help: str = "", default=0.5):
    return Param(default=default, kind=(int, float), minimum=lo, maximum=hi, help=help)


_METRICS = ("euclidean", "cityblock", "chebyshev", "sqeuclidean")
_METRIC = Param(
    default="euclidean", choices=_METRICS, kind=str, help="distance (scipy.spatial.distance)"
)
_VEC = "Vector normalisation of every column (x / sqrt(sum x^2), skc VectorScaler)"
_MINMAX = (
    "Min-max normalisation with cost flipped: benefit (x-min)/(max-min), "
    "cost (max-x)/(max-min) (skc MinMaxInverter)"
)
_RATIO = "Linear normalisation: benefit x/max, cost min/x (skc BenefitCostInverter)"
_ELECTRE_COST = (
    f"{_MINMAX}, putting all criteria on one 0-1 scale: concordance only compares orders, "
    "discordance is the largest normalised disadvantage."
)

_SPECS: tuple[_Spec, ...] = (
    _Spec(
        "skc-wsm",
        simple.WeightedSumModel,
        "Weighted sum (scikit-criteria)",
        "Weighted sum of min-max value scores; the best site has the highest sum.",
        "Fishburn, P. C. (1967). Additive utilities with incomplete product sets: application to "
        "priorities and assignments. Operations Research 15(3), 537-542.",
        f"{_MINMAX}, then the weighted sum: the same as the native wsm with minmax normalisation.",
        "minmax",
        "score",
        True,
        "weighted sum of 0-1 scores",
    ),
    _Spec(
        "skc-wpm",
        simple.WeightedProductModel,
        "Weighted product (scikit-criteria)",
        "Weighted product prod x^w of the raw values (cost x^-w); score is its log10.",
        "Bridgman, P. W. (1922). Dimensional Analysis. Yale University Press; Miller, D. W. & "
        "Starr, M. K. (1969). Executive Decisions and Operations Research. Prentice-Hall.",
        "Cost values enter as (1/x)^w = x^-w (skc InvertMinimize), exactly the published "
        "weighted product; all values must be > 0.",
        "reciprocal",
        "score",
        True,
        "log10 of the weighted product",
        domain="positive",
    ),
    _Spec(
        "skc-topsis",
        topsis.TOPSIS,
        "TOPSIS (scikit-criteria)",
        "Closeness to the ideal site versus the anti-ideal one after vector normalisation.",
        "Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and "
        "Applications. Lecture Notes in Economics and Mathematical Systems 186, Springer.",
        f"{_VEC}; cost criteria stay MIN, so the ideal takes their column minimum and the "
        "anti-ideal their maximum (textbook Hwang & Yoon).",
        "vector",
        "similarity",
        True,
        "closeness C* in [0, 1]",
        params={"metric": _METRIC},
        info=(("ideal", "ideal", "criteria"), ("anti_ideal", "anti_ideal", "criteria")),
        hook=_topsis_hook,
    ),
    _Spec(
        "skc-vikor",
        vikor.VIKOR,
        "VIKOR (scikit-criteria)",
        "Compromise ranking by Q, mixing group utility S and individual regret R; lower is better.",
        "Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods: a comparative "
        "analysis of VIKOR and TOPSIS. European Journal of Operational Research 156(2), 445-455.",
        "Native: raw values; the best value f* is the column max for benefit and the min for cost, "
        "and each gap is (f* - x)/(f* - f-) as published.",
        "raw",
        "q_k",
        False,
        "Q (lower is better)",
        params={"v": _unit(0.0, 1.0, "weight of group utility S against individual regret R")},
        details=(("S", "s_k"), ("R", "r_k")),
        info=(
            ("acceptable_advantage", "acceptable_advantage", "scalar"),
            ("acceptable_stability", "acceptable_stability", "scalar"),
        ),
        hook=_vikor_hook,
    ),
    _Spec(
        "skc-ratio-moora",
        moora.RatioMOORA,
        "MOORA ratio system (scikit-criteria)",
        "Sum of weighted vector-normalised benefit ratios minus those of cost criteria.",
        "Brauers, W. K. M. & Zavadskas, E. K. (2006). The MOORA method and its application to "
        "privatization in a transition economy. Control and Cybernetics 35(2), 445-469.",
        f"{_VEC}; weighted cost ratios are subtracted from benefit ratios (objectives kept MIN).",
        "vector",
        "score",
        True,
        "net normalised ratio",
    ),
    _Spec(
        "skc-reference-point-moora",
        moora.ReferencePointMOORA,
        "MOORA reference point (scikit-criteria)",
        "Largest weighted gap to the best normalised value on any criterion; lower is better.",
        "Brauers, W. K. M. & Zavadskas, E. K. (2006). The MOORA method and its application to "
        "privatization in a transition economy. Control and Cybernetics 35(2), 445-469.",
        f"{_VEC}; the reference point takes the column max for benefit and the min for cost "
        "(objectives kept MIN).",
        "vector",
        "score",
        False,
        "Tchebycheff distance (lower is better)",
        info=(("reference_point", "reference_point", "criteria"),),
    ),
    _Spec(
        "skc-full-multiplicative-form",
        moora.FullMultiplicativeForm,
        "MOORA full multiplicative form (scikit-criteria)",
        "Product of benefit values over product of cost values (unweighted); score is its ln.",
        "Brauers, W. K. M. & Zavadskas, E. K. (2010). Project management by MULTIMOORA as an "
        "instrument for transition economies. Technological and Economic Development of Economy "
        "16(1), 5-24.",
        "Raw values (> 0): cost values divide the product, as published; FMF is unweighted, so "
        "weights are not used except that zero-weight criteria are left out.",
        "raw",
        "score",
        True,
        "ln(prod benefit / prod cost)",
        domain="positive",
        keep=_nonzero_weight,
        uniform_weights=True,
    ),
    _Spec(
        "skc-multimoora",
        moora.MultiMOORA,
        "MULTIMOORA (scikit-criteria)",
        "Dominance count over the ratio system, reference point and full multiplicative rankings.",
        "Brauers, W. K. M. & Zavadskas, E. K. (2010). Project management by MULTIMOORA as an "
        "instrument for transition economies. Technological and Economic Development of Economy "
        "16(1), 5-24.",
        f"{_VEC}; each part handles cost natively (subtracted ratios, minimum as reference, "
        "divisor of the product); zero-weight criteria are left out (the product takes log w).",
        "vector",
        "score",
        True,
        "pairwise dominance wins",
        domain="positive",
        keep=_nonzero_weight,
        details=(
            ("ratio_score", "ratio_score"),
            ("refpoint_score", "refpoint_score"),
            ("fmf_score", "fmf_score"),
        ),
        info=(("reference_point", "reference_point", "criteria"),),
        hook=_multimoora_hook,
    ),
    _Spec(
        "skc-electre1",
        electre.ELECTRE1,
        "ELECTRE I (scikit-criteria)",
        "Outranking kernel: sites no other site outranks score 1, all others 0.",
        "Roy, B. (1968). Classement et choix en presence de points de vue multiples (la methode "
        "ELECTRE). Revue francaise d'informatique et de recherche operationnelle 2(8), 57-75.",
        _ELECTRE_COST,
        "minmax",
        "kernel",
        True,
        "1 = in the kernel, 0 = outranked",
        params={
            "p": _unit(0.0, 1.0, "concordance threshold", 0.65),
            "q": _unit(0.0, 1.0, "discordance threshold", 0.35),
        },
        hook=_electre1_hook,
    ),
    _Spec(
        "skc-electre2",
        electre.ELECTRE2,
        "ELECTRE II (scikit-criteria)",
        "Strong/weak outranking; score = mean of direct and inverse rank; lower is better.",
        "Roy, B. & Bertier, P. (1973). La methode ELECTRE II: une application au media-planning. "
        "In OR'72 (M. Ross, ed.), North-Holland, 291-302 (as given by Gomes et al. 2004).",
        _ELECTRE_COST,
        "minmax",
        "score",
        False,
        "mean rank (lower is better)",
        params={
            "p0": _unit(0.0, 1.0, "concordance threshold 0 (p0 >= p1 >= p2)", 0.65),
            "p1": _unit(0.0, 1.0, "concordance threshold 1", 0.5),
            "p2": _unit(0.0, 1.0, "concordance threshold 2", 0.35),
            "q0": _unit(0.0, 1.0, "discordance threshold 0 (q0 >= q1)", 0.65),
            "q1": _unit(0.0, 1.0, "discordance threshold 1", 0.35),
        },
        details=(("ranking_direct", "ranking_direct"), ("ranking_inverted", "ranking_inverted")),
    ),
    _Spec(
        "skc-simus",
        simus.SIMUS,
        "SIMUS (scikit-criteria)",
        "One linear program per criterion as objective; sites scored by participation.",
        "Munier, N. (2011). A Strategy for Using Multicriteria Analysis in Decision-Making: "
        "A Guide for Simple and Complex Environmental Projects. Springer, Dordrecht.",
        "Native: a cost criterion is minimised in its own LP stage and is a >= constraint (right "
        "side = column minimum) in the others; SIMUS does not use weights, so zero-weight "
        "criteria are left out and the rest count equally.",
        "raw",
        "method_1_score",
        True,
        "SIMUS participation score",
        params={
            "rank_by": Param(
                default=1,
                choices=(1, 2),
                kind=int,
                help="1: weighted participation score; 2: net dominance",
            )
        },
        keep=_nonzero_weight,
        uniform_weights=True,
        details=(
            ("method_1_score", "method_1_score"),
            ("method_2_score", "method_2_score"),
            ("dominance_given", "tita_j_p"),
            ("dominance_received", "tita_j_d"),
        ),
        noisy=True,
        lp=True,
    ),
    _Spec(
        "skc-aras",
        aras.ARAS,
        "ARAS (scikit-criteria)",
        "Additive ratio assessment: weighted sum relative to the optimal alternative's (utility).",
        "Zavadskas, E. K. & Turskis, Z. (2010). A new additive ratio assessment (ARAS) method in "
        "multicriteria decision-making. Technological and Economic Development of Economy 16(2), "
        "159-172.",
        "As published: cost values are first inverted to 1/x, then every column is divided by its "
        "sum including the optimal alternative (the column best); values >= 0, cost > 0.",
        "aras",
        "utility",
        True,
        "utility degree S_i/S_0 in (0, 1]",
        domain="ratio",
        details=(("S", "score"),),
        info=(("S0", "ideal_score", "scalar"),),
    ),
    _Spec(
        "skc-cocoso",
        cocoso.CoCoSo,
        "CoCoSo (scikit-criteria)",
        "Combined compromise of weighted sum and weighted power scores (three appraisals).",
        "Yazdani, M., Zarate, P., Zavadskas, E. K. & Turskis, Z. (2019). A combined compromise "
        "solution (CoCoSo) method for multi-criteria decision-making problems. Management "
        "Decision 57(9), 2501-2519.",
        f"{_MINMAX}, as published, then all-benefit CoCoSo.",
        "minmax",
        "score",
        True,
        "CoCoSo appraisal k",
        params={"lambda_value": _unit(0.0, 1.0, "balance of WSM (1) and WPM (0) in k_c")},
        details=(("k_a", "k_a"), ("k_b", "k_b"), ("k_c", "k_c")),
    ),
    _Spec(
        "skc-codas",
        codas.CODAS,
        "CODAS (scikit-criteria)",
        "Euclidean (and, for near ties, taxicab) distance from the negative-ideal site.",
        "Keshavarz Ghorabaee, M., Zavadskas, E. K., Turskis, Z. & Antucheviciene, J. (2016). A new "
        "combinative distance-based assessment (CODAS) method for multi-criteria decision-making. "
        "Economic Computation and Economic Cybernetics Studies and Research 50(3), 25-44.",
        f"{_RATIO}, as published; values >= 0, cost > 0.",
        "ratio",
        "score",
        True,
        "assessment score H",
        domain="ratio",
        params={
            "tau": Param(
                default=0.02,
                kind=(int, float),
                minimum=0.0,
                help="threshold for the taxicab tie-break (0.01-0.05 suggested)",
            )
        },
    ),
    _Spec(
        "skc-copras",
        copras.COPRAS,
        "COPRAS (scikit-criteria)",
        "Complex proportional assessment: benefit sums plus inversely weighted cost sums (0-100).",
        "Zavadskas, E. K., Kaklauskas, A. & Sarka, V. (1994). The new method of multicriteria "
        "complex proportional assessment of projects. Technological and Economic Development of "
        "Economy 1(3), 131-139.",
        "Sum normalisation of every column (x/sum, skc SumScaler) with cost kept MIN: cost sums "
        "S- enter inversely, as published; needs at least one cost criterion, values >= 0.",
        "sum",
        "score",
        True,
        "utility degree in % of the best",
        domain="nonnegative",
        details=(("significance", "significances"), ("S_plus", "S_max"), ("S_minus", "S_min")),
        requires_cost=True,
    ),
    _Spec(
        "skc-edas",
        edas.EDAS,
        "EDAS (scikit-criteria)",
        "Positive and negative distances from the average site, combined into an appraisal score.",
        "Keshavarz Ghorabaee, M., Zavadskas, E. K., Olfat, L. & Turskis, Z. (2015). Multi-criteria "
        "inventory classification using a new method of evaluation based on distance from "
        "average solution (EDAS). Informatica 26(3), 435-451.",
        "Native: raw values; for a cost criterion the positive distance is (AV - x)/AV and the "
        "negative (x - AV)/AV, as published.",
        "raw",
        "score",
        True,
        "appraisal score in [0, 1]",
    ),
    _Spec(
        "skc-ervd",
        ervd.ERVD,
        "ERVD (scikit-criteria)",
        "Prospect-theory values around a reference point, then closeness to ideal vs anti-ideal.",
        "Shyur, H.-J., Yin, L., Shih, H.-S. & Cheng, C.-B. (2015). A multiple criteria decision "
        "making method based on relative value distances. Foundations of Computing and Decision "
        "Sciences 40(4), 299-315.",
        "Sum normalisation (x/sum); the reference point of each criterion is its column median "
        "(parameter reference), scaled alike; for cost criteria values below it are gains.",
        "sum",
        "similarity",
        True,
        "relative closeness in [0, 1]",
        domain="nonnegative",
        params={
            "lambda_value": Param(
                default=2.25, kind=(int, float), minimum=0.0, help="loss aversion"
            ),
            "alpha_value": Param(
                default=0.88,
                kind=(int, float),
                minimum=0.0,
                maximum=1.0,
                help="diminishing sensitivity",
            ),
            "reference": Param(
                default="median",
                choices=("median", "mean"),
                kind=str,
                help="reference point per criterion (the method needs one)",
            ),
        },
        local_params=("reference",),
        kwargs=_ervd_kwargs,
        details=(("s_plus", "s_plus"), ("s_minus", "s_minus")),
        info=(("ideal", "ideal", "criteria"), ("anti_ideal", "anti_ideal", "criteria")),
    ),
    _Spec(
        "skc-mabac",
        mabac.MABAC,
        "MABAC (scikit-criteria)",
        "Sum of distances from the border approximation area (geometric mean of weighted values).",
        "Pamucar, D. & Cirovic, G. (2015). The selection of transport and handling resources in "
        "logistics centers using Multi-Attributive Border Approximation area Comparison (MABAC). "
        "Expert Systems with Applications 42(6), 3016-3028.",
        f"{_MINMAX}, as published.",
        "minmax",
        "score",
        True,
        "distance from the border area",
        info=(("border_approximation_area", "border_approximation_area", "criteria"),),
    ),
    _Spec(
        "skc-mairca",
        mairca.MAIRCA,
        "MAIRCA (scikit-criteria)",
        "Total gap between theoretical and real ratings (lower is better).",
        "Pamucar, D., Vasin, L. & Lukovac, L. (2014). Selection of railway level crossings for "
        "investing in security equipment using hybrid DEMATEL-MARICA model. XVI International "
        "Scientific-expert Conference on Railway (RAILCON), Nis, 89-92.",
        "Native: the real rating uses min-max with cost flipped ((x-max)/(min-max)), as "
        "published; columns with values <= 0 are shifted positive first (MAIRCA is "
        "shift-invariant, skc refuses values <= 0).",
        "raw",
        "values",
        False,
        "total gap (lower is better)",
    ),
    _Spec(
        "skc-marcos",
        marcos.MARCOS,
        "MARCOS (scikit-criteria)",
        "Utility relative to ideal and anti-ideal sites, combined into a compromise utility.",
        "Stevic, Z., Pamucar, D., Puska, A. & Chatterjee, P. (2020). Sustainable supplier "
        "selection in healthcare industries using a new MCDM method: MARCOS. Computers & "
        "Industrial Engineering 140, 106231.",
        "Native: raw values (> 0); cost criteria normalised ideal/x with the ideal = column "
        "minimum, benefit x/ideal, anti-ideal and ideal rows added, as published.",
        "raw",
        "utility_scores",
        True,
        "utility f(K)",
        domain="positive",
        details=(("K_minus", "K_minus"), ("K_plus", "K_plus")),
        noisy=True,
    ),
    _Spec(
        "skc-ocra",
        ocra.OCRA,
        "OCRA (scikit-criteria)",
        "Operational competitiveness: input (cost) and output (benefit) performance, min set to 0.",
        "Parkan, C. (1994). Operational competitiveness ratings of production units. Managerial "
        "and Decision Economics 15(3), 201-221.",
        "Native: raw values (> 0); cost criteria are inputs rated (max - x)/min, benefit criteria "
        "outputs rated (x - min)/min, as published.",
        "raw",
        "performance",
        True,
        "competitiveness rating (worst = 0)",
        domain="positive",
        details=(
            ("input_performance", "input_performance"),
            ("output_performance", "output_performance"),
        ),
    ),
    _Spec(
        "skc-probid",
        probid.PROBID,
        "PROBID (scikit-criteria)",
        "Distances to a ladder of ideal solutions and to the average solution.",
        "Wang, Z., Rangaiah, G. P. & Wang, X. (2021). Preference ranking on the basis of "
        "ideal-average distance method for multi-criteria decision-making. Industrial & "
        "Engineering Chemistry Research 60(30), 11216-11230.",
        f"{_VEC}; cost criteria stay MIN, so the k-th ideal takes the k-th smallest cost value.",
        "vector",
        "score",
        True,
        "performance score P",
        params={"metric": _METRIC},
        details=(("pos_ideal", "pos_ideal"), ("neg_ideal", "neg_ideal")),
    ),
    _Spec(
        "skc-simplified-probid",
        probid.SimplifiedPROBID,
        "Simplified PROBID (scikit-criteria)",
        "Ratio of distances to the bottom-quartile and top-quartile ideal solutions.",
        "Wang, Z., Rangaiah, G. P. & Wang, X. (2021). Preference ranking on the basis of "
        "ideal-average distance method for multi-criteria decision-making. Industrial & "
        "Engineering Chemistry Research 60(30), 11216-11230.",
        f"{_VEC}; cost criteria stay MIN, so the k-th ideal takes the k-th smallest cost value.",
        "vector",
        "score",
        True,
        "performance ratio",
        params={"metric": _METRIC},
        details=(("pos_ideal", "pos_ideal"), ("neg_ideal", "neg_ideal")),
    ),
    _Spec(
        "skc-ram",
        ram.RAM,
        "RAM (scikit-criteria)",
        "Root assessment: (2 + benefit sum) to the power 1/(2 + cost sum).",
        "Sotoudeh-Anvari, A. (2023). Root Assessment Method (RAM): a novel multi-criteria decision "
        "making method and its applications in sustainability challenges. Journal of Cleaner "
        "Production 423, 138695.",
        "Sum normalisation of every column (x/sum, skc SumScaler) with cost kept MIN: weighted "
        "cost sums form the root index, as published; values >= 0.",
        "sum",
        "score",
        True,
        "root index RI",
        domain="nonnegative",
        details=(("S_plus", "sum_benefit"), ("S_minus", "sum_cost")),
    ),
    _Spec(
        "skc-rim",
        rim.RIM,
        "RIM (scikit-criteria)",
        "Closeness to a reference ideal value (or interval) within each criterion's range.",
        "Cables, E., Lamata, M. T. & Verdegay, J. L. (2016). RIM-reference ideal method in "
        "multicriteria decision making. Information Sciences 337-338, 1-10.",
        "Native: range = data range widened to the scale anchors; reference ideal = its best end "
        "(max for benefit, min for cost), or from the best anchor to that end when anchored.",
        "raw",
        "score",
        True,
        "relative index in [0, 1]",
        kwargs=_rim_kwargs,
        details=(("I_plus", "i_plus"), ("I_minus", "i_minus")),
        info=(("ranges", "ranges", "criteria"), ("ref_ideals", "ref_ideals", "criteria")),
    ),
    _Spec(
        "skc-spotis",
        spotis.SPOTIS,
        "SPOTIS (scikit-criteria)",
        "Weighted normalised distance to an ideal point fixed by the bounds; lower is better.",
        "Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The SPOTIS rank reversal free "
        "method for multi-criteria decision-making support. 2020 IEEE 23rd International "
        "Conference on Information Fusion (FUSION), 1-8.",
        "Native: bounds = data range widened to the scale anchors, ideal point = the best bound "
        "(max for benefit, min for cost); constant criteria without anchors are left out.",
        "raw",
        "score",
        False,
        "distance to the ideal point (lower is better)",
        keep=_not_constant_unless_anchored,
        kwargs=_spotis_kwargs,
        info=(("bounds", "bounds", "criteria"), ("isp", "isp", "criteria")),
    ),
    _Spec(
        "skc-waspas",
        waspas.WASPAS,
        "WASPAS (scikit-criteria)",
        "Blend of weighted sum and weighted product of linearly normalised values.",
        "Zavadskas, E. K., Turskis, Z., Antucheviciene, J. & Zakarevicius, A. (2012). Optimization "
        "of weighted aggregated sum product assessment. Elektronika ir Elektrotechnika 122(6), "
        "3-6.",
        f"{_RATIO}, as published; values must be > 0.",
        "ratio",
        "score",
        True,
        "joint criterion Q",
        domain="positive",
        params={"lambda_value": _unit(0.0, 1.0, "share of the weighted sum (1) vs product (0)")},
        details=(("wsm_score", "wsm_scores"), ("log10_wpm_score", "log10_wpm_scores")),
    ),
)


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


_NONFINITE = (
    "look for constant criteria, zero values, or a site that is best or worst on every criterion"
)


def _nonfinite_hint(run: _Run, suspects: np.ndarray | None) -> str:
    """Why a method divided by zero, read from the matrix it was given: a site best on every
    criterion (a distance to the ideal of 0: Simplified PROBID), or worst on every criterion
    (a weighted sum of 0: CoCoSo); else the usual suspects. ``suspects``: the sites whose
    score is not finite, or None when the library does not say (then every site is a
    suspect, and the causes found are only possible ones)."""
    X, b = run.X, run.benefit
    known = suspects is not None
    if suspects is None:
        suspects = np.ones(X.shape[0], dtype=bool)
    best = np.where(b, X.max(axis=0), X.min(axis=0))
    worst = np.where(b, X.min(axis=0), X.max(axis=0))
    causes = []
    for i in np.flatnonzero(suspects):
        if (X[i] == best).all():
            causes.append(f"{run.problem.alternatives[i]} is best on every criterion")
        elif (X[i] == worst).all():
            causes.append(f"{run.problem.alternatives[i]} is worst on every criterion")
    if not causes:
        return f"(a division by zero inside the method: {_NONFINITE})"
    if known:
        return f"(a division by zero inside the method: {'; '.join(causes)})"
    return f"(a division by zero inside the method, possibly because {'; '.join(causes)})"


def _check_params(spec: _Spec, given: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(given) - set(spec.params))
    if unknown:
        allowed = ", ".join(spec.params) or "none"
        raise MethodDomainError(
            f"{spec.name}: unknown parameter(s) {', '.join(unknown)} (allowed: {allowed})"
        )
    out = {k: p.default for k, p in spec.params.items()}
    for k, v in given.items():
        p = spec.params[k]
        if p.choices is not None and v not in p.choices:
            raise MethodDomainError(f"{spec.name}: {k} must be one of {list(p.choices)}, got {v!r}")
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            low = p.minimum is not None and v < p.minimum
            if low or (p.maximum is not None and v > p.maximum):
                raise MethodDomainError(f"{spec.name}: {k}={v} outside [{p.minimum}, {p.maximum}]")
        out[k] = v
    return out


def _check_domain(spec: _Spec, X: np.ndarray, benefit: np.ndarray, criteria: list[str]) -> None:
    if spec.domain is None:
        return
    if spec.domain == "positive":
        bad, need = (X <= 0).any(axis=0), "values > 0"
    elif spec.domain == "nonnegative":
        bad, need = (X < 0).any(axis=0), "values >= 0"
    else:  # "ratio": x/max for benefit, min/x or 1/x for cost
        bad = (X < 0).any(axis=0) | (~benefit & (X <= 0).any(axis=0))
        bad |= benefit & (X.max(axis=0) <= 0)
        need = "values >= 0 (and > 0 for cost criteria)"
    if bad.any():
        names = ", ".join(c for c, b in zip(criteria, bad, strict=True) if b)
        raise MethodDomainError(f"{spec.title} needs {need}; not met by criterion {names}")


def _as_plain(value: Any, kind: str, criteria: list[str], sites: tuple[str, ...]) -> Any:
    arr = np.asarray(value)
    if kind == "scalar":
        return arr.item()
    names = criteria if kind == "criteria" else list(sites)
    rows = zip(names, arr, strict=True)
    return {n: (row.tolist() if np.ndim(row) else row.item()) for n, row in rows}


def _evaluate(spec: _Spec, problem: Problem, w: Any, **given: Any) -> MethodOutput:
    params = _check_params(spec, given)
    X = np.asarray(problem.X, dtype=float)
    benefit = np.asarray(problem.benefit, dtype=bool)
    w = np.asarray(w, dtype=float)
    n, m = X.shape
    if w.shape != (m,) or benefit.shape != (m,):
        raise ValueError(f"{spec.title}: expected {m} weights and directions")
    if not (np.isfinite(w).all() and (w >= 0).all() and w.sum() > 0):
        raise ValueError(f"{spec.title}: weights must be non-negative and not all zero")
    if n < 2:
        raise MethodDomainError(f"{spec.title} needs at least 2 sites")
    if not np.isfinite(X).all():
        raise MethodDomainError(f"{spec.title} needs a complete matrix (no missing or infinite values)")

    keep = spec.keep(problem, w) if spec.keep else np.ones(m, dtype=bool)
    if not keep.any():
        raise MethodDomainError(f"{spec.title}: no criterion left to rank on")
    criteria = [c for c, k in zip(problem.criteria, keep, strict=True) if k]
    run = _Run(problem, keep, X[:, keep], benefit[keep], w[keep], criteria, params)
    if spec.uniform_weights:
        run.w = np.ones(len(criteria))  # FMF then scores exactly ln(prod benefit / prod cost)
    _check_domain(spec, run.X, run.benefit, criteria)
    if spec.requires_cost and run.benefit.all():
        raise MethodDomainError(f"{spec.title} needs at least one cost criterion (direction: min)")

    matrix, objectives, extra_kw = run.X, np.where(run.benefit, "max", "min"), {}
    if spec.name == "skc-mairca":  # shift-invariant method, but the library refuses values <= 0
        lo = matrix.min(axis=0)
        matrix = np.where(lo <= 0, matrix - lo + 1.0, matrix)
    if spec.prep == "aras":
        matrix, ideal = _aras_prepare(run.X, run.benefit)
        objectives, extra_kw = np.full(len(criteria), "max"), {"ideal": ideal}

    ctor = {k: v for k, v in params.items() if k not in spec.local_params}
    try:
        estimator = spec.cls(**ctor)
        with _library_call(spec.noisy, spec.lp) as library_warnings:
            dm = skc.mkdm(
                matrix,
                list(objectives),
                weights=run.w,
                alternatives=list(problem.alternatives),
                criteria=criteria,
            )
            make = _TRANSFORMERS.get(spec.prep)
            run.dm = make().transform(dm) if make else dm
            if spec.kwargs:
                extra_kw.update(spec.kwargs(run))
            run.result = estimator.evaluate(run.dm, **extra_kw)
    except ValueError as exc:
        if "look like a ranking" in str(exc):  # NaN scores cast to int inside rank_values
            hint = _nonfinite_hint(run, None)
            raise MethodDomainError(f"{spec.title} produced non-finite scores {hint}") from exc
        raise MethodDomainError(f"{spec.title}: {' '.join(str(exc).split())}") from exc
    except (ArithmeticError, np.linalg.LinAlgError) as exc:
        raise MethodDomainError(f"{spec.title} failed on this matrix: {exc}") from exc

    e = run.result.e_
    if spec.score_key == "kernel":
        scores = np.asarray(run.result.kernel_, dtype=float)
    else:
        scores = np.asarray(e[spec.score_key], dtype=float).reshape(n)
    if not np.isfinite(scores).all():
        ok = np.isfinite(scores)
        bad = ", ".join(s for s, f in zip(problem.alternatives, ok, strict=True) if not f)
        hint = _nonfinite_hint(run, ~ok)
        raise MethodDomainError(f"{spec.title} produced non-finite scores for {bad} {hint}")
    ranks = rank_scores(scores, spec.higher_is_better)

    details = {out: np.asarray(e[key], dtype=float).reshape(n) for out, key in spec.details}
    info: dict[str, Any] = {
        "library": f"scikit-criteria {skcriteria_version()}",
        "library_class": f"{spec.cls.__module__}.{spec.cls.__name__}",
        "preprocessing": spec.prep,
        "score_key": spec.score_key,
    }
    for out, key, kind in spec.info:
        info[out] = _as_plain(e[key], kind, criteria, problem.alternatives)
    if spec.hook:
        more_details, more_info = spec.hook(run)
        details.update(more_details)
        info.update(more_info)
    if hasattr(run.result, "rank_"):
        library_rank = map(int, run.result.rank_)
        info["library_rank"] = dict(zip(problem.alternatives, library_rank, strict=True))
    if not keep.all():
        left_out = zip(problem.criteria, keep, strict=True)
        info["criteria_left_out"] = [c for c, k in left_out if not k]
    if library_warnings:
        info["warnings"] = library_warnings

    normalized = contributions = None
    if spec.prep != "raw" and keep.all():
        normalized = run.dm.matrix.to_numpy(dtype=float)
        if spec.name == "skc-wsm":
            contributions = normalized * w
    return MethodOutput(
        scores=scores,
        ranks=ranks,
        higher_is_better=spec.higher_is_better,
        details=details,
        info=info,
        normalized=normalized,
        contributions=contributions,
    )


def _make_evaluate(spec: _Spec) -> Callable[..., MethodOutput]:
    def evaluate(problem: Problem, w: Any, **params: Any) -> MethodOutput:
        return _evaluate(spec, problem, w, **params)

    evaluate.__name__ = evaluate.__qualname__ = f"evaluate_{spec.name.replace('-', '_')}"
    evaluate.__doc__ = f"{spec.title}: {spec.description}"
    return evaluate


SKC_METHODS: dict[str, MethodInfo] = {
    s.name: MethodInfo(
        name=s.name,
        title=s.title,
        description=s.description,
        cost_convention=s.cost_convention,
        reference=s.reference,
        higher_is_better=s.higher_is_better,
        params=dict(s.params),
        evaluate=_make_evaluate(s),
        batch=None,
        linear_basis=None,
        family=FAMILY,
        score_label=s.score_label,
    )
    for s in _SPECS
}


# --------------------------------------------------------------------------------------------
# scikit-criteria's own pipelines (benchmarks and cross-checks)
# --------------------------------------------------------------------------------------------

_PIPELINE_SPECS = {
    s.name.removeprefix("skc-"): s
    for s in _SPECS
    if s.prep in _TRANSFORMERS and s.kwargs is None and s.keep is None and s.score_key != "kernel"
}


def skc_pipeline_scores(method: str, X: Any, benefit: Any, w: Any) -> tuple[np.ndarray, np.ndarray]:
    """Scores and competition ranks from scikit-criteria's own ``mkpipe`` pipeline.

    ``method`` is ``"topsis"`` (VectorScaler -> TOPSIS), ``"wsm"`` (MinMaxInverter -> WSM) or
    another table method whose preprocessing is a single scikit-criteria step (with or without
    the ``skc-`` prefix). No input checks: this is for timing and cross-checking.
    """
    spec = _PIPELINE_SPECS.get(method.removeprefix("skc-"))
    if spec is None:
        known = ", ".join(sorted(_PIPELINE_SPECS))
        raise ValueError(f"no scikit-criteria pipeline for {method!r}; known: {known}")
    X = np.asarray(X, dtype=float)
    objectives = list(np.where(np.asarray(benefit, dtype=bool), "max", "min"))
    make = _TRANSFORMERS[spec.prep]
    steps = ([make()] if make else []) + [spec.cls()]
    pipe = mkpipe(*steps)
    with _library_call(spec.noisy, spec.lp):
        dm = skc.mkdm(X, objectives, weights=np.asarray(w, dtype=float))
        result = pipe.evaluate(dm)
    scores = np.asarray(result.e_[spec.score_key], dtype=float)
    return scores, rank_scores(scores, spec.higher_is_better)
