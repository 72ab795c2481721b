"""Weight scenarios in a criteria file: their names, weights and provenance."""

from __future__ import annotations

import re
from typing import Any

from ..errors import show_value
from ..model import WeightProvenance
from .checker import Checker

__all__ = ["SCENARIO_META_KEYS", "SCENARIO_NAME_RE", "SCENARIO_NAME_RULE", "scenarios_from_raw"]

SCENARIO_META_KEYS = {"weights", "provenance", "description", "label_local"}
# scenario names become column headers (rank --all-scenarios, CSV, the workbook): no formula
# characters, quotes or brackets
SCENARIO_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]*")
SCENARIO_NAME_RULE = "must start with a letter or digit and use letters, digits, spaces, '_', '.', '-'"

Scenarios = tuple[dict[str, dict[str, float]], dict[str, WeightProvenance], dict[str, str]]


def scenarios_from_raw(ck: Checker, raw_scenarios: Any, ids: list[str]) -> Scenarios:
    """The ``scenarios:`` mapping of a criteria file: (weights by scenario, their provenance,
    their local labels). ``ids``: the criterion ids a scenario may weigh."""
    scenarios: dict[str, dict[str, float]] = {}
    provenance: dict[str, WeightProvenance] = {}
    labels_local: dict[str, str] = {}
    sd = ck.mapping(raw_scenarios, "scenarios", what="a mapping of scenario names")
    for key, raw in (sd or {}).items():
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            sname = None
        else:
            sname = str(key)
        if sname is None or not SCENARIO_NAME_RE.fullmatch(sname):
            ck.add("scenarios", f"scenario name {show_value(key)} {SCENARIO_NAME_RULE}")
            continue
        f = f"scenarios.{sname}"
        sm = ck.mapping(raw, f, what="a mapping of criterion weights")
        if sm is None:
            continue
        weights_raw: dict[str, Any] | None = sm
        if "weights" in sm:
            ck.keys(sm, f, SCENARIO_META_KEYS, ("weights",))
            weights_raw = ck.mapping(sm["weights"], f"{f}.weights", what="a mapping of weights")
            label = ck.text(sm.get("label_local"), f"{f}.label_local")
            if label:
                labels_local[sname] = label
            prov = sm.get("provenance")
            if prov is not None:
                pm = ck.mapping(prov, f"{f}.provenance", what="a mapping")
                if pm is not None:
                    provenance[sname] = WeightProvenance(
                        str(pm.get("method", "direct")),
                        {str(k): v for k, v in pm.items() if k != "method"},
                    )
            f = f"{f}.weights"
        if weights_raw is None:
            continue
        scenarios[sname] = _weights(ck, f, weights_raw, ids)
        if sname not in provenance:
            provenance[sname] = WeightProvenance("direct", {})
    return scenarios, provenance, labels_local


def _weights(ck: Checker, f: str, weights_raw: dict[str, Any], ids: list[str]) -> dict[str, float]:
    sw: dict[str, float] = {}
    for cid, w in weights_raw.items():
        if cid not in ids:
            ck.add(f"{f}.{cid}", f"unknown criterion {cid!r} (criteria: {', '.join(ids)})")
            continue
        x = ck.number(w, f"{f}.{cid}", minimum=0.0)
        if x is not None:
            sw[str(cid)] = x
    return sw
