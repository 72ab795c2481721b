"""The scikit-criteria adapter: every aggregation method of scikit-criteria 0.10 as a method.

This engine and :mod:`.skc_table` (the method table; its row type and per-method helpers are
in :mod:`.skc_spec`) are the only modules of the project that import scikit-criteria. Each of the 27
aggregation classes is described by one small :class:`~.skc_spec.SkcSpec` in the table: which
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
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import metadata
from typing import Any

import numpy as np
import skcriteria as skc
from skcriteria.pipelines import mkpipe
from skcriteria.preprocessing import invert_objectives, scalers

from ..errors import MethodDomainError
from .base import MethodInfo, MethodOutput, Problem
from .ranks import rank_scores
from .skc_spec import SkcRun, SkcSpec
from .skc_table import SPECS

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


def _aras_prepare(X: np.ndarray, benefit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Zavadskas & Turskis (2010): 1/x for cost, then x / (column sum incl. the optimal row)."""
    with np.errstate(divide="ignore"):  # 1/x is used only for cost criteria (checked > 0)
        inv = 1.0 / X
    Xb = np.where(benefit, X, inv)
    optimal = Xb.max(axis=0)
    denom = Xb.sum(axis=0) + optimal
    return Xb / denom, optimal / denom



# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


_NONFINITE = (
    "look for constant criteria, zero values, or a site that is best or worst on every criterion"
)


def _nonfinite_hint(run: SkcRun, suspects: np.ndarray | None) -> str:
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
    for i in np.flatnonzero(suspects).tolist():
        if (X[i] == best).all():
            causes.append(f"{run.problem.alternatives[i]} is best on every criterion")
        elif (X[i] == worst).all():
            causes.append(f"{run.problem.alternatives[i]} is worst on every criterion")
    if not causes:
        return f"(a division by zero inside the method: {_NONFINITE})"
    if known:
        return f"(a division by zero inside the method: {'; '.join(causes)})"
    return f"(a division by zero inside the method, possibly because {'; '.join(causes)})"


def _check_params(spec: SkcSpec, given: Mapping[str, Any]) -> dict[str, Any]:
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


def _check_domain(spec: SkcSpec, X: np.ndarray, benefit: np.ndarray, criteria: list[str]) -> None:
    if spec.domain is None:
        return
    bad: np.ndarray
    if spec.domain == "positive":
        bad, need = np.asarray((X <= 0).any(axis=0)), "values > 0"
    elif spec.domain == "nonnegative":
        bad, need = np.asarray((X < 0).any(axis=0)), "values >= 0"
    else:  # "ratio": x/max for benefit, min/x or 1/x for cost
        bad = (X < 0).any(axis=0) | (~benefit & (X <= 0).any(axis=0))
        bad |= benefit & (X.max(axis=0) <= 0)
        need = "values >= 0 (and > 0 for cost criteria)"
    if bad.any():
        names = ", ".join(c for c, b in zip(criteria, bad, strict=True) if b)
        raise MethodDomainError(f"{spec.title} needs {need}; not met by criterion {names}")


def _as_plain(value: Any, kind: str, criteria: list[str], sites: Sequence[str]) -> Any:
    arr = np.asarray(value)
    if kind == "scalar":
        return arr.item()
    names = criteria if kind == "criteria" else list(sites)
    rows = zip(names, arr, strict=True)
    return {n: (row.tolist() if np.ndim(row) else row.item()) for n, row in rows}


def _evaluate(spec: SkcSpec, problem: Problem, w: Any, **given: Any) -> MethodOutput:
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
    run = SkcRun(problem, keep, X[:, keep], benefit[keep], w[keep], criteria, params)
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


def _make_evaluate(spec: SkcSpec) -> Callable[..., MethodOutput]:
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
    for s in SPECS
}


# --------------------------------------------------------------------------------------------
# scikit-criteria's own pipelines (benchmarks and cross-checks)
# --------------------------------------------------------------------------------------------

_PIPELINE_SPECS = {
    s.name.removeprefix("skc-"): s
    for s in SPECS
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
