"""Ranking methods: the native vectorised ones and scikit-criteria's (through one adapter).

``get_method(name)`` returns a :class:`MethodInfo`; ``all_methods()`` lists them all.
scikit-criteria is imported only when one of its methods is asked for (it is slow to import).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import MethodSpec
from .base import MethodInfo, MethodOutput, Param, Problem
from .normalize import NORMALIZATIONS
from .promethee import promethee2, promethee2_basis, promethee2_batch
from .ranks import rank_rows, rank_scores
from .simple import wpm, wpm_basis, wpm_batch, wsm, wsm_basis, wsm_batch
from .topsis import METRICS, topsis, topsis_batch
from .vikor import vikor, vikor_batch

__all__ = [
    "MethodInfo",
    "MethodOutput",
    "Param",
    "Problem",
    "NATIVE_METHODS",
    "get_method",
    "all_methods",
    "validate_method",
    "rank_scores",
    "rank_rows",
    "UnknownMethod",
]

_NORM_HELP = "minmax | max | sum | vector | none"

NATIVE_METHODS: dict[str, MethodInfo] = {
    "wsm": MethodInfo(
        name="wsm",
        title="Weighted sum model",
        description="Weighted sum of normalised values (default min-max, 0-1; report shows 0-100).",
        cost_convention="min-max: (max - x)/(max - min); max: min/x; sum: (1/x)/sum(1/x); "
        "vector: 1 - x/||x||; none: -x (Jahan & Edwards 2015, Table 1)",
        reference="Fishburn (1967); Triantaphyllou (2000) Multi-criteria Decision Making "
        "Methods: A Comparative Study, ch. 2",
        higher_is_better=True,
        params={"normalization": Param("minmax", NORMALIZATIONS, str, help=_NORM_HELP)},
        evaluate=wsm,
        batch=wsm_batch,
        linear_basis=wsm_basis,
    ),
    "wpm": MethodInfo(
        name="wpm",
        title="Weighted product model",
        description="Product of values raised to their weights, prod x^w (cost criteria x^-w).",
        cost_convention="negative exponent x^-w (Bridgman 1922; Miller & Starr 1969); with a "
        "normalisation, the benefit-oriented normalised value with exponent +w",
        reference="Bridgman (1922); Miller & Starr (1969); Triantaphyllou (2000), ch. 2",
        higher_is_better=True,
        params={
            "normalization": Param(
                "none", ("none", "max", "sum", "vector"), str, help="none | max | sum | vector"
            )
        },
        evaluate=wpm,
        batch=wpm_batch,
        linear_basis=wpm_basis,
    ),
    "topsis": MethodInfo(
        name="topsis",
        title="TOPSIS",
        description="Relative closeness to the ideal site: S-/(S+ + S-), vector normalisation, "
        "Euclidean distance.",
        cost_convention="ideal takes the minimum and anti-ideal the maximum of a cost criterion "
        "(no inversion)",
        reference="Hwang & Yoon (1981) Multiple Attribute Decision Making, Springer, pp. 128-140",
        higher_is_better=True,
        params={
            "normalization": Param("vector", NORMALIZATIONS, str, help=_NORM_HELP),
            "metric": Param("euclidean", METRICS, str, help="euclidean | manhattan"),
        },
        evaluate=topsis,
        batch=topsis_batch,
        score_label="closeness",
        tie_scale=1.0,
    ),
    "vikor": MethodInfo(
        name="vikor",
        title="VIKOR",
        description="Compromise ranking by Q from group utility S and individual regret R "
        "(lower Q is better).",
        cost_convention="f* = min and f- = max of a cost criterion in the linear normalisation "
        "(f* - f)/(f* - f-)",
        reference="Opricovic & Tzeng (2004) EJOR 156:445-455",
        higher_is_better=False,
        params={
            "v": Param(
                0.5,
                None,
                (int, float),
                0.0,
                1.0,
                "weight of the strategy of maximum group utility, 0..1",
            )
        },
        evaluate=vikor,
        batch=vikor_batch,
        score_label="Q",
        tie_scale=1.0,
    ),
    "promethee2": MethodInfo(
        name="promethee2",
        title="PROMETHEE II",
        description="Net outranking flow phi = phi+ - phi- from per-criterion preference "
        "functions (usual, u-shape, v-shape, level, linear, gaussian).",
        cost_convention="the difference is reversed for a cost criterion: d = x_b - x_a",
        reference="Brans & Vincke (1985) Management Science 31:647-656; Brans, Vincke & "
        "Mareschal (1986) EJOR 24:228-238",
        higher_is_better=True,
        params={},
        evaluate=promethee2,
        batch=promethee2_batch,
        linear_basis=promethee2_basis,
        score_label="net flow",
        tie_scale=1.0,
    ),
}


class UnknownMethod(ValueError):
    pass


def _skc_methods() -> Mapping[str, MethodInfo]:
    from .skc import SKC_METHODS

    return SKC_METHODS


def get_method(name: str) -> MethodInfo:
    if name in NATIVE_METHODS:
        return NATIVE_METHODS[name]
    if name.startswith("skc-"):
        skc = _skc_methods()
        if name in skc:
            return skc[name]
    raise UnknownMethod(
        f"{name!r} is not a known method (choose from: {', '.join(method_names())})"
    )


def method_names() -> list[str]:
    return list(NATIVE_METHODS) + sorted(_skc_methods())


def all_methods() -> list[MethodInfo]:
    return [get_method(n) for n in method_names()]


def validate_method(raw: Mapping[str, Any]) -> tuple[MethodSpec | None, list[tuple[str, str]]]:
    """Check a ``{name: ..., param: ...}`` mapping. Returns (spec, [(field, message), ...])."""
    problems: list[tuple[str, str]] = []
    name = raw.get("name")
    if not isinstance(name, str):
        return None, [
            ("name", f"required: a method name (choose from: {', '.join(method_names())})")
        ]
    try:
        info = get_method(name)
    except UnknownMethod as exc:
        return None, [("name", str(exc))]
    params: dict[str, Any] = {}
    for key, val in raw.items():
        if key == "name":
            continue
        if key not in info.params:
            valid = ", ".join(info.params) or "none"
            problems.append((str(key), f"unknown parameter {key!r} for {name} (valid: {valid})"))
            continue
        spec = info.params[key]
        if spec.choices is not None and val not in spec.choices:
            problems.append(
                (
                    key,
                    f"{val!r} is not a valid {key} for {name} "
                    f"(choose from: {', '.join(map(str, spec.choices))})",
                )
            )
            continue
        if spec.choices is None:
            if isinstance(val, bool) or (
                spec.kind is not object and not isinstance(val, spec.kind)
            ):
                problems.append((key, f"expected a number, got {val!r}"))
                continue
            if (
                spec.minimum is not None
                and val < spec.minimum
                or (spec.maximum is not None and val > spec.maximum)
            ):
                problems.append((key, f"{val!r} is outside {spec.minimum:g}..{spec.maximum:g}"))
                continue
        params[key] = val
    if problems:
        return None, problems
    full = {k: p.default for k, p in info.params.items()}
    full.update(params)
    return MethodSpec(name, full), []


def method_params_from_cli(name: str, normalization: str | None = None) -> dict[str, Any]:
    """Defaults for ``--method NAME`` given on the command line (plus ``--normalization``)."""
    raw: dict[str, Any] = {"name": name}
    if normalization:
        raw["normalization"] = normalization
    spec, problems = validate_method(raw)
    if problems:
        raise UnknownMethod("; ".join(f"{f}: {m}" for f, m in problems))
    assert spec is not None
    return dict(spec.params)
