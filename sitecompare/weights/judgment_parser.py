"""Checking the parts of a judgment file: criteria lists, matrices, judgment lists, hierarchies.

Every problem goes to an :class:`~sitecompare.errors.IssueCollector` with its field
(``matrix[1][2]``, ``judgments[3]``, ``groups.people.judgments[0]``) and the bad value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import IssueCollector, show_value
from ..hints import did_you_mean
from .judgment_model import ROOT_GROUP, Hierarchy, Judgment, JudgmentSet
from .judgment_values import check_judgment_range, format_ratio, parse_judgment_value

__all__ = ["JudgmentParser", "check_keys", "hierarchy_from_data", "GROUP_KEYS", "RECIPROCAL_TOL"]

RECIPROCAL_TOL = 0.01
GROUP_KEYS = {"criteria", "matrix", "judgments", "note", "label"}


class JudgmentParser:
    """Checks the parts of one judgment file; every problem goes to the collector."""

    def __init__(self, collector: IssueCollector, scale: str) -> None:
        self.c = collector
        self.scale = scale

    def add(self, fld: str, msg: str) -> None:
        """Record one issue at field ``fld``."""
        self.c.add(fld, msg)

    def value(self, raw: Any, fld: str) -> tuple[float | None, str]:
        """(value, text as written) of one judgment; value None (and an issue) when invalid."""
        x, text, problem = parse_judgment_value(raw)
        if problem:
            self.add(fld, problem)
            return None, text
        assert x is not None
        problem = check_judgment_range(x, text, self.scale)
        if problem:
            self.add(fld, problem)
            return None, text
        return x, text

    def criteria(self, raw: Any, fld: str, *, minimum: int) -> tuple[str, ...] | None:
        """A list of criterion ids (at least ``minimum``), None when unusable."""
        if not isinstance(raw, list):
            self.add(fld, f"expected a list of criterion ids, got {show_value(raw)}")
            return None
        out: list[str] = []
        ok = True
        for i, c in enumerate(raw):
            if isinstance(c, bool) or not isinstance(c, (str, int)) or not str(c).strip():
                self.add(f"{fld}[{i}]", f"expected a criterion id (text), got {show_value(c)}")
                ok = False
                continue
            name = str(c).strip()
            if name in out:
                self.add(f"{fld}[{i}]", f"duplicate criterion {name!r}")
                ok = False
                continue
            out.append(name)
        if len(out) < minimum:
            if ok:
                self.add(fld, f"need at least {minimum} criteria to compare, got {len(out)}")
            return None
        # with duplicates or bad entries reported, go on with the valid ids so that the
        # judgments are checked too (every problem in one run)
        return tuple(out)

    def judgment_set(
        self, d: Mapping[str, Any], criteria: tuple[str, ...], prefix: str, source: str
    ) -> JudgmentSet | None:
        """The comparisons of ``criteria`` from a ``matrix`` or a ``judgments`` list, or None."""
        has_m, has_j = "matrix" in d, "judgments" in d
        if has_m and has_j:
            self.add(f"{prefix}matrix", "give either matrix or judgments, not both")
            return None
        if not has_m and not has_j:
            if len(criteria) == 1:
                return JudgmentSet(criteria, (), source, prefix, "single", self.scale)
            where = prefix.rstrip(".") or ""
            self.add(where, "needs matrix (n x n) or judgments (a list of [a, b, value])")
            return None
        if has_m:
            return self.matrix(d["matrix"], criteria, prefix, source)
        return self.judgments(d["judgments"], criteria, prefix, source)

    def matrix(
        self, raw: Any, criteria: tuple[str, ...], prefix: str, source: str
    ) -> JudgmentSet | None:
        """A reciprocal matrix (empty pairs allowed in mirror) as a judgment set, or None."""
        n = len(criteria)
        fld = f"{prefix}matrix"
        before = len(self.c.issues)
        if not isinstance(raw, (list, tuple, np.ndarray)):
            self.add(fld, f"expected a list of {n} rows, got {show_value(raw)}")
            return None
        rows = list(raw)
        if len(rows) != n:
            self.add(fld, f"expected {n} rows (one per criterion), got {len(rows)}")
            return None
        vals: list[list[float | None]] = []
        texts: list[list[str]] = []
        empty: list[list[bool]] = []
        for i, row in enumerate(rows):
            if not isinstance(row, (list, tuple, np.ndarray)):
                self.add(f"{fld}[{i}]", f"expected a list of {n} entries, got {show_value(row)}")
                return None
            row = list(row)
            if len(row) != n:
                self.add(f"{fld}[{i}]", f"expected {n} entries (one per criterion), got {len(row)}")
                return None
            vr: list[float | None] = []
            tr: list[str] = []
            er: list[bool] = []
            for j, e in enumerate(row):
                cell = f"{fld}[{i}][{j}]"
                if isinstance(e, np.generic):
                    e = e.item()
                if e is None and i != j:
                    vr.append(None)
                    tr.append("")
                    er.append(True)
                    continue
                if i == j:
                    x, text, problem = parse_judgment_value(e)
                    if problem:
                        self.add(cell, problem)
                    elif x is None or abs(x - 1.0) > 1e-9:
                        self.add(
                            cell,
                            "the diagonal must be 1 (a criterion compared with itself), "
                            f"got {text}",
                        )
                    vr.append(1.0)
                    tr.append("1")
                    er.append(False)
                    continue
                x, text = self.value(e, cell)
                vr.append(x)
                tr.append(text)
                er.append(False)
            vals.append(vr)
            texts.append(tr)
            empty.append(er)
        judgments: list[Judgment] = []
        for i in range(n):
            for j in range(i + 1, n):
                up, lo = f"{fld}[{i}][{j}]", f"{fld}[{j}][{i}]"
                if empty[i][j] != empty[j][i]:
                    gone, there = (up, lo) if empty[i][j] else (lo, up)
                    t = texts[j][i] if empty[i][j] else texts[i][j]
                    self.add(
                        gone, f"{gone} is empty but {there} = {t}: leave both empty or give both"
                    )
                    continue
                if empty[i][j]:
                    continue
                a, b = vals[i][j], vals[j][i]
                if a is None or b is None:
                    continue
                if abs(a * b - 1.0) > RECIPROCAL_TOL:
                    self.add(
                        up,
                        f"not reciprocal: {up} = {texts[i][j]} but {lo} = {texts[j][i]} "
                        f"(expected {format_ratio(1.0 / a)})",
                    )
                    continue
                judgments.append(Judgment(criteria[i], criteria[j], a, texts[i][j], up))
        if len(self.c.issues) > before:
            return None
        js = JudgmentSet(criteria, tuple(judgments), source, prefix, "matrix", self.scale)
        return js if self.connected(js, fld) else None

    def judgments(
        self, raw: Any, criteria: tuple[str, ...], prefix: str, source: str
    ) -> JudgmentSet | None:
        """A list of ``[a, b, value]`` as a judgment set, or None."""
        fld = f"{prefix}judgments"
        before = len(self.c.issues)
        if not isinstance(raw, list):
            self.add(
                fld, f'expected a list of [a, b, value] meaning "a over b", got {show_value(raw)}'
            )
            return None
        seen: dict[frozenset[str], str] = {}
        out: list[Judgment] = []
        known = set(criteria)
        for k, item in enumerate(raw):
            f = f"{fld}[{k}]"
            if not isinstance(item, (list, tuple)) or len(item) != 3:
                self.add(f, f'expected [a, b, value] meaning "a over b", got {show_value(item)}')
                continue
            a, b, v = item
            names_ok = True
            for name in (a, b):
                if isinstance(name, bool) or not isinstance(name, (str, int)):
                    self.add(f, f"expected a criterion id (text), got {show_value(name)}")
                    names_ok = False
                elif str(name) not in known:
                    did = did_you_mean(str(name), criteria)
                    self.add(
                        f, f"unknown criterion {str(name)!r}{did} (criteria: {', '.join(criteria)})"
                    )
                    names_ok = False
            x, text = self.value(v, f)
            if not names_ok:
                continue
            a, b = str(a), str(b)
            if a == b:
                self.add(f, f"compares {a!r} with itself")
                continue
            key = frozenset((a, b))
            if key in seen:
                self.add(f, f"duplicate pair {a}/{b} (already given in {seen[key]})")
                continue
            seen[key] = f
            if x is not None:
                out.append(Judgment(a, b, x, text, f))
        if len(self.c.issues) > before:
            return None
        js = JudgmentSet(criteria, tuple(out), source, prefix, "judgments", self.scale)
        return js if self.connected(js, fld) else None

    def connected(self, js: JudgmentSet, fld: str) -> bool:
        """Harker's completion needs every criterion linked to every other (directly or not)."""
        if js.n <= 1:
            return True
        adj: dict[str, set[str]] = {c: set() for c in js.criteria}
        for j in js.judgments:
            adj[j.a].add(j.b)
            adj[j.b].add(j.a)
        seen = {js.criteria[0]}
        todo = [js.criteria[0]]
        while todo:
            for nb in adj[todo.pop()]:
                if nb not in seen:
                    seen.add(nb)
                    todo.append(nb)
        if len(seen) == js.n:
            return True
        rest = [c for c in js.criteria if c not in seen]
        self.add(
            fld,
            f"the judgments do not connect every criterion: {', '.join(rest)} "
            f"{'is' if len(rest) == 1 else 'are'} not compared, directly or through others, "
            f"with {', '.join(c for c in js.criteria if c in seen)} (add a judgment linking them)",
        )
        return False


def check_keys(d: Mapping[str, Any], allowed: set[str], prefix: str, p: JudgmentParser) -> None:
    """Record each key of ``d`` that is not text or not ``allowed`` (with a hint)."""
    for k in d:
        if not isinstance(k, str):
            p.add(prefix.rstrip(".") or "(top level)", f"key {show_value(k)} must be text")
        elif k not in allowed:
            did = did_you_mean(k, allowed)
            p.add(
                f"{prefix}{k}", f"unknown key {k!r}{did} (valid keys: {', '.join(sorted(allowed))})"
            )


def hierarchy_from_data(
    data: Mapping[str, Any], p: JudgmentParser, source: str
) -> Hierarchy | None:
    """The ``groups:`` of a judgment file as a checked :class:`Hierarchy`, or None."""
    raw = data["groups"]
    if not isinstance(raw, dict) or not raw:
        p.add(
            "groups",
            f"expected a mapping of group names to {{criteria, judgments}}, got {show_value(raw)}",
        )
        return None
    if ROOT_GROUP not in raw:
        p.add("groups", f"needs a group named {ROOT_GROUP!r} (the root of the hierarchy)")
        return None
    members: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    bad = False
    for g, gd in raw.items():
        pre = f"groups.{g}."
        if not isinstance(gd, dict):
            p.add(
                f"groups.{g}",
                f"expected a mapping with criteria and judgments, got {show_value(gd)}",
            )
            bad = True
            continue
        check_keys(gd, GROUP_KEYS, pre, p)
        if "criteria" not in gd:
            p.add(f"{pre}criteria", "required key is missing (the members of this group)")
            bad = True
            continue
        crit = p.criteria(gd["criteria"], f"{pre}criteria", minimum=1)
        if crit is None:
            bad = True
            continue
        for i, c in enumerate(crit):
            if c == ROOT_GROUP:
                p.add(f"{pre}criteria[{i}]", f"{ROOT_GROUP!r} is the root and cannot be a member")
                bad = True
            elif c in owner:
                p.add(f"{pre}criteria[{i}]", f"{c!r} already appears in groups.{owner[c]}")
                bad = True
            else:
                owner[c] = str(g)
        members[str(g)] = crit
    if bad:
        return None
    # reachability and cycles
    order: list[str] = []
    reached: set[str] = set()
    stack = [ROOT_GROUP]
    while stack:
        g = stack.pop()
        if g in reached:
            continue
        reached.add(g)
        for c in reversed(members[g]):
            if c in members:
                stack.append(c)
    for g in members:
        if g not in reached:
            p.add(
                f"groups.{g}", f"not reachable from {ROOT_GROUP!r} (name it in a group's criteria)"
            )
            bad = True
    if bad:
        return None

    def walk(g: str) -> None:
        for c in members[g]:
            if c in members:
                walk(c)
            else:
                order.append(c)

    walk(ROOT_GROUP)
    leaves = tuple(order)
    if "criteria" in data:
        listed = p.criteria(data["criteria"], "criteria", minimum=1)
        if listed is None:
            return None
        missing = [c for c in leaves if c not in listed]
        extra = [c for c in listed if c not in leaves]
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"leaves not listed here: {', '.join(missing)}")
            if extra:
                parts.append(f"listed but in no group: {', '.join(extra)}")
            p.add("criteria", "must name exactly the leaf criteria of groups; " + "; ".join(parts))
            return None
        leaves = listed
    sets: dict[str, JudgmentSet] = {}
    for g, crit in members.items():
        js = p.judgment_set(raw[g], crit, f"groups.{g}.", source)
        if js is not None:
            sets[g] = js
    if len(sets) != len(members):
        return None
    return Hierarchy(sets, leaves, source)
