"""Method robustness: the same study ranked by every built-in method and normalisation.

Rank agreement: Kendall's tau-b and Spearman's rho (as scipy.stats defines them, computed for all
pairs at once: :func:`rank_correlations`) for every pair of rankings.
Consensus ranking: Borda (mean rank over the rankings; ties share the better rank).
``wsm``/``topsis`` with ``normalization: none`` are left out: they add raw values in different
units. A method that cannot run on the data (e.g. ``sum`` normalisation with a zero value) is
skipped with its reason (:class:`Skip`): which values it refuses, and whether another
normalisation of the same method would run (wpm needs values > 0 under every normalisation, so a
zero makes all of them fail; :meth:`MethodAgreement.skipped_by_method` lists such a method once).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import NormalizationError, SiteCompareError
from ..matrix import DecisionMatrix
from ..methods import get_method, rank_scores
from ..model import MethodSpec
from ..ranking import evaluate_matrix
from ..scenarios import method_label
from ..sentences import fill, plain_value

__all__ = [
    "ROBUSTNESS_SPECS",
    "MethodAgreement",
    "method_agreement",
    "BadValue",
    "Skip",
    "diagnose_skip",
    "skip_text",
    "SKIP_TEMPLATES",
]

ROBUSTNESS_SPECS: tuple[MethodSpec, ...] = (
    MethodSpec("wsm", {"normalization": "minmax"}),
    MethodSpec("wsm", {"normalization": "max"}),
    MethodSpec("wsm", {"normalization": "sum"}),
    MethodSpec("wsm", {"normalization": "vector"}),
    MethodSpec("wpm", {"normalization": "none"}),
    MethodSpec("wpm", {"normalization": "max"}),
    MethodSpec("wpm", {"normalization": "sum"}),
    MethodSpec("wpm", {"normalization": "vector"}),
    MethodSpec("topsis", {"normalization": "vector", "metric": "euclidean"}),
    MethodSpec("topsis", {"normalization": "minmax", "metric": "euclidean"}),
    MethodSpec("topsis", {"normalization": "max", "metric": "euclidean"}),
    MethodSpec("topsis", {"normalization": "sum", "metric": "euclidean"}),
    MethodSpec("vikor", {"v": 0.5}),
    MethodSpec("promethee2", {}),
)


# The sentences of a skip reason (English; the workbook translates them: they are keys of
# report/i18n.KO). {op} is ">" or ">=", {where} one SKIP_WHERE per criterion.
SKIP_EVERY = "{method} needs values {op} 0 under every normalisation; {where}"
SKIP_WITH = "{method} with '{norm}' normalisation needs values {op} 0; {where}"
SKIP_PLAIN = "{method} needs values {op} 0; {where}"
SKIP_WHERE = "criterion '{crit}' has {values}"
SKIP_VALUE = "{value} for {site}"
SKIP_IMPUTED = "{value} for {site}, a missing value filled in by the '{policy}' policy"
SKIP_UNKNOWN = "{value} for {site}, an unknown value at the worst end of its plausible range"
SKIP_TEMPLATES = (SKIP_EVERY, SKIP_WITH, SKIP_PLAIN, SKIP_WHERE, SKIP_VALUE, SKIP_IMPUTED, SKIP_UNKNOWN)


@dataclass(frozen=True)
class BadValue:
    """One value a method refuses: the site, the criterion, the value in the criterion's
    ``unit`` and the missing-value policy that filled it in (None: the site's own value)."""

    site: str
    criterion: str
    value: float
    unit: str
    imputed: str | None


@dataclass(frozen=True)
class Skip:
    """Why one method (with its parameters) could not rank the data.

    ``values`` are the values it refuses (those not ``{op} 0``); empty when the reason is
    something else, and then ``message`` (the method's own words) says why.
    ``every_normalization``: the method fails under every normalisation it offers, so no
    ``normalization`` parameter would make it run on these data."""

    label: str
    method: str
    normalization: str | None
    every_normalization: bool
    op: str
    values: tuple[BadValue, ...]
    message: str

    @property
    def reason(self) -> str:
        """The reason in English, with site and criterion ids."""
        return skip_text(self)


def skip_text(
    skip: Skip,
    *,
    t: Callable[..., str] = fill,
    site: Callable[[str], str] = str,
    crit: Callable[[str], str] = str,
    value: Callable[[float, str], str] = plain_value,
) -> str:
    """The reason a method was left out, as one sentence. ``t(template, **kw)`` translates and
    fills a template (default: English), ``site``/``crit`` name a site/criterion id and
    ``value(x, unit)`` shows a value with its unit (the workbook passes its own)."""
    if not skip.values:
        return skip.message
    by_crit: dict[str, list[BadValue]] = {}
    for b in skip.values:
        by_crit.setdefault(b.criterion, []).append(b)
    where = "; ".join(
        t(
            SKIP_WHERE,
            crit=crit(cid),
            values="; ".join(
                t(SKIP_UNKNOWN, value=value(b.value, b.unit), site=site(b.site))
                if b.imputed == "interval"
                else t(SKIP_IMPUTED, value=value(b.value, b.unit), site=site(b.site), policy=b.imputed)
                if b.imputed
                else t(SKIP_VALUE, value=value(b.value, b.unit), site=site(b.site))
                for b in bad
            ),
        )
        for cid, bad in by_crit.items()
    )
    if skip.every_normalization:
        return t(SKIP_EVERY, method=skip.method, op=skip.op, where=where)
    if skip.normalization:
        return t(SKIP_WITH, method=skip.method, norm=skip.normalization, op=skip.op, where=where)
    return t(SKIP_PLAIN, method=skip.method, op=skip.op, where=where)


def _message(exc: Exception) -> str:
    if isinstance(exc, SiteCompareError):
        return "; ".join(i.message for i in exc.issues)
    return str(exc)


def _fails(dm: DecisionMatrix, spec: MethodSpec) -> bool:
    try:
        evaluate_matrix(dm, spec)
    except SiteCompareError:
        return True
    return False


def _bad_values(dm: DecisionMatrix, columns: list[int], op: str) -> list[BadValue]:
    bad = []
    for j in columns:
        c = dm.criteria[j]
        for i, sid in enumerate(dm.site_ids):
            x = float(dm.X[i, j])
            if x < 0 or (x == 0 and op == ">"):
                bad.append(BadValue(sid, c.id, x, c.unit, dm.cell(sid, c.id).imputed))
    return bad


def diagnose_skip(dm: DecisionMatrix, spec: MethodSpec, exc: Exception) -> Skip:
    """Why ``spec`` could not rank ``dm`` (it raised ``exc``): the values it refuses, read from
    the matrix rather than from the method's message, and whether any other normalisation of
    the method would run."""
    cause = exc.__cause__ if isinstance(exc, SiteCompareError) and exc.__cause__ else exc
    message = _message(exc)
    op = ">"
    if isinstance(cause, NormalizationError):
        op = ">=" if ">= 0" in str(cause) else ">"
        columns = [cause.column]
    else:  # a product or ratio method refusing values <= 0 (wpm): every such column
        columns = [j for j in range(dm.X.shape[1]) if (dm.X[:, j] <= 0).any()]
    bad = _bad_values(dm, columns, op)
    params = dict(spec.params)
    norm = params.get("normalization")
    every = False
    if bad and norm is not None:
        try:
            choices = get_method(spec.name).params["normalization"].choices or ()
        except (KeyError, ValueError):
            choices = ()
        others = [n for n in choices if n != norm]
        every = bool(others) and all(
            _fails(dm, MethodSpec(spec.name, {**params, "normalization": n})) for n in others
        )
        if every and op == ">":  # the same reason under every normalisation: every such value
            bad = _bad_values(dm, [j for j in range(dm.X.shape[1]) if (dm.X[:, j] <= 0).any()], op)
    return Skip(
        label=method_label(spec),
        method=spec.name,
        normalization=str(norm) if norm is not None else None,
        every_normalization=every,
        op=op,
        values=tuple(bad),
        message=message,
    )


@dataclass(frozen=True)
class MethodAgreement:
    labels: tuple[str, ...]
    sites: Sequence[str]
    ranks: np.ndarray  # (n, k)
    kendall: np.ndarray  # (k, k)
    spearman: np.ndarray  # (k, k)
    consensus_rank: np.ndarray  # (n,)
    mean_rank: np.ndarray  # (n,)
    skipped: tuple[tuple[str, str], ...]  # (label, reason) of every spec left out
    skips: tuple[Skip, ...] = ()  # the same, with the values each one refuses

    def skipped_by_method(self) -> tuple[tuple[str, Skip], ...]:
        """Each method left out once: the specs of a method that fails under every
        normalisation for the same values are one entry, labelled ``wpm (none, max, sum,
        vector)``; any other spec is an entry of its own."""
        out: list[tuple[list[Skip], Skip]] = []
        groups: dict[tuple[Any, ...], list[Skip]] = {}
        for sk in self.skips:
            if sk.every_normalization:
                key = (sk.method, sk.op, sk.values)
                if key in groups:
                    groups[key].append(sk)
                    continue
                groups[key] = [sk]
                out.append((groups[key], sk))
            else:
                out.append(([sk], sk))
        result = []
        for members, first in out:
            if len(members) == 1:
                result.append((first.label, first))
            else:
                norms = ", ".join(m.normalization or m.label for m in members)
                result.append((f"{first.method} ({norms})", first))
        return tuple(result)

    def to_json(self) -> dict[str, Any]:
        """The agreement as ``--format json`` writes it (correlations to 6 significant digits)."""

        def mat(a: np.ndarray) -> dict[str, dict[str, float | None]]:
            return {
                self.labels[i]: {self.labels[j]: _r(a[i, j]) for j in range(len(self.labels))}
                for i in range(len(self.labels))
            }

        return {
            "methods": list(self.labels),
            "ranks": {
                s: {lab: int(self.ranks[i, j]) for j, lab in enumerate(self.labels)}
                for i, s in enumerate(self.sites)
            },
            "kendall_tau": mat(self.kendall),
            "spearman_rho": mat(self.spearman),
            "consensus": [
                {
                    "rank": int(self.consensus_rank[i]),
                    "site": self.sites[i],
                    "mean_rank": _r(self.mean_rank[i]),
                }
                for i in np.argsort(self.mean_rank, kind="stable")
            ],
            "skipped": [{"method": m, "reason": r} for m, r in self.skipped],
        }


def _r(x: float) -> float | None:
    return float(f"{x:.6g}") if np.isfinite(x) else None


def rank_correlations(R: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Kendall's tau-b and Spearman's rho (on average ranks) between every pair of columns of
    ``R`` (n sites x k rankings), as scipy.stats computes them, in one pass for all pairs: the
    pair signs sign(x_a - x_b) of each ranking are a vector, and tau-b's numerator for two
    rankings is half their dot product. NaN where a ranking is constant. Beyond
    ``_PAIRWISE_MAX`` sites scipy's O(n log n) kendalltau is used pair by pair."""
    n, k = R.shape
    kendall = np.eye(k)
    spearman = np.eye(k)
    if k == 0:
        return kendall, spearman
    const = np.ptp(R, axis=0) == 0
    avg = np.column_stack([_average_ranks(R[:, j]) for j in range(k)]) if n else R
    with np.errstate(invalid="ignore", divide="ignore"):
        c = avg - avg.mean(axis=0)
        cov = c.T @ c
        sd = np.sqrt(np.diag(cov))
        spearman = cov / np.outer(sd, sd)
    if n <= _PAIRWISE_MAX:
        S = np.sign(R[:, None, :] - R[None, :, :]).reshape(n * n, k).astype(np.float64)
        n0 = n * (n - 1) / 2.0
        ties = ((S == 0).sum(axis=0) - n) / 2.0  # tied pairs of each ranking
        num = (S.T @ S) / 2.0
        with np.errstate(invalid="ignore", divide="ignore"):
            kendall = num / np.sqrt(np.outer(n0 - ties, n0 - ties))
    else:
        from scipy import stats  # slow to import; only for very large studies

        for i in range(k):
            for j in range(i + 1, k):
                kendall[i, j] = kendall[j, i] = stats.kendalltau(R[:, i], R[:, j]).statistic
    for M in (kendall, spearman):
        M[const, :] = np.nan
        M[:, const] = np.nan
        np.fill_diagonal(M, 1.0)
    return kendall, spearman


_PAIRWISE_MAX = 2000  # sites: the (n^2, k) sign matrix stays under ~0.5 GB


def _average_ranks(x: np.ndarray) -> np.ndarray:
    """scipy.stats.rankdata(x, method="average")."""
    order = np.argsort(x, kind="mergesort")
    xs = x[order]
    starts = np.r_[True, xs[1:] != xs[:-1]]
    group = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    last = np.r_[first[1:], xs.size] - 1
    avg = (first + last) / 2.0 + 1.0
    out = np.empty(x.size)
    out[order] = avg[group]
    return out


def method_agreement(dm: DecisionMatrix, specs: tuple[MethodSpec, ...] = ROBUSTNESS_SPECS) -> MethodAgreement:
    """The ranks under each method of ``specs`` and their pairwise rank correlations."""
    labels, cols, skips = [], [], []
    for spec in specs:
        label = method_label(spec)
        try:
            out = evaluate_matrix(dm, spec)
        except SiteCompareError as exc:
            skips.append(diagnose_skip(dm, spec, exc))
            continue
        labels.append(label)
        cols.append(out.ranks)
    R = np.column_stack(cols) if cols else np.zeros((len(dm.site_ids), 0))
    k = R.shape[1]
    kendall, spearman = rank_correlations(R)
    mean_rank = R.mean(axis=1) if k else np.zeros(len(dm.site_ids))
    consensus = rank_scores(mean_rank, higher_is_better=False)
    return MethodAgreement(
        labels=tuple(labels),
        sites=dm.site_ids,
        ranks=R,
        kendall=kendall,
        spearman=spearman,
        consensus_rank=consensus,
        mean_rank=mean_rank,
        skipped=tuple((sk.label, sk.reason) for sk in skips),
        skips=tuple(skips),
    )
