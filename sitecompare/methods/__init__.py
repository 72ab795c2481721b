"""Ranking methods: the native vectorised ones and scikit-criteria's (through one adapter).

``get_method(name)`` returns a :class:`MethodInfo`; ``all_methods()`` lists them all.
scikit-criteria is imported only when one of its methods is asked for (it is slow to import),
and each native method's module when that method is (:data:`NATIVE_METHODS`).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from ..model import MethodSpec
from .base import MethodInfo, MethodOutput, Param, Problem
from .ranks import rank_rows, rank_scores

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

# each native method's module and registry entry, in table order
_NATIVE_MODULES = {
    "wsm": ("wsm", "WSM_INFO"),
    "wpm": ("wpm", "WPM_INFO"),
    "topsis": ("topsis", "TOPSIS_INFO"),
    "vikor": ("vikor", "VIKOR_INFO"),
    "promethee2": ("promethee", "PROMETHEE2_INFO"),
}


class _NativeMethods(Mapping[str, MethodInfo]):
    """The native methods by name, in table order; a method's module is imported when its
    entry is first asked for (a ranking by one method does not import the others)."""

    def __init__(self) -> None:
        self._loaded: dict[str, MethodInfo] = {}

    def __getitem__(self, name: str) -> MethodInfo:
        info = self._loaded.get(name)
        if info is None:
            module, attr = _NATIVE_MODULES[name]
            info = getattr(importlib.import_module(f".{module}", __name__), attr)
            self._loaded[name] = info
        return info

    def __contains__(self, name: object) -> bool:
        return name in _NATIVE_MODULES

    def __iter__(self) -> Iterator[str]:
        return iter(_NATIVE_MODULES)

    def __len__(self) -> int:
        return len(_NATIVE_MODULES)


NATIVE_METHODS: Mapping[str, MethodInfo] = _NativeMethods()


class UnknownMethod(ValueError):
    """A method name that is neither native nor one of scikit-criteria's."""


def _skc_methods() -> Mapping[str, MethodInfo]:
    from .skc import SKC_METHODS

    return SKC_METHODS


def get_method(name: str) -> MethodInfo:
    """The registry entry for ``name``; raises :class:`UnknownMethod` for an unknown name."""
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
    """Every method name: the native ones in table order, then scikit-criteria's sorted."""
    return list(NATIVE_METHODS) + sorted(_skc_methods())


def all_methods() -> list[MethodInfo]:
    """Every method's registry entry, in :func:`method_names` order."""
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
