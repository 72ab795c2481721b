"""Pairwise-judgment files: read, check every entry, and turn them into immutable objects.

File format (YAML, or TOML with the same keys), one of three shapes:

**A full matrix** (``matrix``): one row per criterion, in the order of ``criteria``; entry
``matrix[i][j]`` says how much more important criterion i is than criterion j, as a number or a
fraction string (``"1/3"``). The matrix must be reciprocal (``matrix[j][i] = 1/matrix[i][j]``,
checked to 1 %) with ones on the diagonal. An entry may be left empty (``null``/``~``) if its
mirror is empty too: that pair is then missing and completed like a missing judgment.

**A list of judgments** (``judgments``): ``[a, b, value]`` means "a over b = value". Pairs may
be missing (they are completed by Harker's method); each unordered pair may be given only once.

**A hierarchy** (``groups``): criteria grouped under parents. The group named ``top`` is the
root. Every group lists its members in ``criteria`` and compares them with ``matrix`` or
``judgments`` (a group with a single member needs none). A member that is itself a group is a
branch; any other member is a leaf criterion. Every group other than ``top`` must be a member
of exactly one group, and every name is used once. A global weight is the product of the local
weights on the path from ``top`` down to the leaf. An optional top-level ``criteria`` list must
name exactly the leaves (it then also fixes their order)::

    criteria: [transport, compute, power, land, talent, cluster, funding]
    groups:
      top:
        criteria: [infrastructure, people, funding]
        judgments: [[infrastructure, people, 2], [infrastructure, funding, 4], [people, funding, 2]]
      infrastructure: {criteria: [transport, compute, power, land], judgments: [...]}
      people:         {criteria: [talent, cluster], judgments: [[talent, cluster, 3]]}

Other top-level keys: ``format: 1``, ``title``, ``participant`` (a workshop participant's name;
default: the file name stem), ``date``, ``note``, ``ri_table`` (see :mod:`.ri`) and ``scale``.

``scale`` decides which values are allowed: ``saaty`` (default) accepts Saaty's fundamental
scale 1/9..9 (to 1 %), because a value like 20 is almost always a typo and the random-index
tables were computed on that scale; ``positive`` accepts any positive finite ratio (e.g. ratios
of measured quantities) and the result then carries a warning when a value lies outside 1/9..9.

Every problem in a file is collected and raised once as a ValidationError whose issues name the
file, the field (``matrix[1][2]``, ``judgments[3]``, ``groups.people.judgments[0]``; indices
count from 0) and the bad value.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from ..errors import IssueCollector, ValidationError, show_value
from ..profiles import read_document
from .ri import RI_TABLES

__all__ = [
    "Judgment",
    "JudgmentSet",
    "Hierarchy",
    "JudgmentFile",
    "SCALES",
    "ROOT_GROUP",
    "parse_judgment_value",
    "format_ratio",
    "read_judgment_file",
    "judgment_file_from_data",
    "judgment_set_from_matrix",
]

SCALES = ("saaty", "positive")
ROOT_GROUP = "top"
SAATY_MIN, SAATY_MAX = 1 / 9, 9.0
_SCALE_TOL = 0.01
RECIPROCAL_TOL = 0.01

FILE_KEYS = {
    "format",
    "title",
    "participant",
    "date",
    "note",
    "criteria",
    "matrix",
    "judgments",
    "groups",
    "ri_table",
    "scale",
}
GROUP_KEYS = {"criteria", "matrix", "judgments", "note", "label"}

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_FRACTION = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*/\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))")


@dataclass(frozen=True)
class Judgment:
    """One stated comparison: ``a`` over ``b`` is ``value`` (as written: ``text``)."""

    a: str
    b: str
    value: float
    text: str
    field: str


@dataclass(frozen=True)
class JudgmentSet:
    """The comparisons of one set of criteria (a flat file, or one group of a hierarchy)."""

    criteria: tuple[str, ...]
    judgments: tuple[Judgment, ...]
    source: str = ""
    prefix: str = ""  # field prefix inside the file, e.g. "groups.people."
    form: str = "judgments"  # "judgments" | "matrix" | "single" | "aggregate"
    scale: str = "saaty"

    @property
    def n(self) -> int:
        return len(self.criteria)

    def matrix(self) -> np.ndarray:
        """The n x n matrix with ones on the diagonal and NaN where a pair is missing."""
        idx = {c: i for i, c in enumerate(self.criteria)}
        A = np.full((self.n, self.n), np.nan)
        np.fill_diagonal(A, 1.0)
        for j in self.judgments:
            i, k = idx[j.a], idx[j.b]
            A[i, k] = j.value
            A[k, i] = 1.0 / j.value
        return A

    def missing_pairs(self) -> tuple[tuple[str, str], ...]:
        given = {frozenset((j.a, j.b)) for j in self.judgments}
        c = self.criteria
        return tuple(
            (c[i], c[k])
            for i in range(self.n)
            for k in range(i + 1, self.n)
            if frozenset((c[i], c[k])) not in given
        )


@dataclass(frozen=True)
class Hierarchy:
    """Criteria grouped under parents; ``groups[ROOT_GROUP]`` is the root."""

    groups: Mapping[str, JudgmentSet]
    leaves: tuple[str, ...]
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "groups", MappingProxyType(dict(self.groups)))

    def children(self, group: str) -> tuple[str, ...]:
        return self.groups[group].criteria

    def parent_of(self) -> dict[str, str]:
        return {c: g for g, js in self.groups.items() for c in js.criteria}


@dataclass(frozen=True)
class JudgmentFile:
    """A whole judgment file: who gave it and what it holds."""

    source: str
    content: JudgmentSet | Hierarchy
    participant: str
    ri_table: str | None = None
    title: str | None = None
    scale: str = "saaty"
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_hierarchy(self) -> bool:
        return isinstance(self.content, Hierarchy)

    @property
    def criteria(self) -> tuple[str, ...]:
        c = self.content
        return c.leaves if isinstance(c, Hierarchy) else c.criteria


# --------------------------------------------------------------------------- values


def format_ratio(x: float) -> str:
    """A ratio as a person writes it: ``3``, ``1/3``, ``1.5``, ``0.4167``."""
    if not math.isfinite(x) or x <= 0:
        return repr(x)
    for v, sign in ((x, ""), (1.0 / x, "1/")):
        r = round(v)
        if r >= 1 and abs(v - r) <= 1e-9 * max(1.0, v):
            return f"{sign}{r}" if sign else f"{r}"
    return f"{x:.4g}"


def parse_judgment_value(raw: Any) -> tuple[float | None, str, str | None]:
    """Parse one judgment: ``(value, text as written, problem)``; value None when invalid.

    Accepts ints, floats, decimal strings and fraction strings ``"p/q"``. The range check
    (positive, scale) is separate: see :func:`check_judgment_range`.
    """
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str, Fraction)):
        return (
            None,
            show_value(raw),
            f'expected a number or a fraction like "1/3", got {show_value(raw)}',
        )
    if isinstance(raw, str):
        s = raw.strip()
        m = _FRACTION.fullmatch(s)
        if m:
            num, den = float(m[1]), float(m[2])
            if den == 0:
                return None, s, f"{show_value(raw)} divides by zero"
            return num / den, s, None
        if "/" in s:
            return None, s, f'malformed fraction {show_value(raw)}; write it like "1/3"'
        if _DECIMAL.fullmatch(s):
            x = float(s)
            return x, s, None
        return None, s, f'{show_value(raw)} is not a number or a fraction like "1/3"'
    x = float(raw)
    text = format_ratio(x) if math.isfinite(x) and x > 0 else show_value(raw)
    if isinstance(raw, int):
        text = str(raw)
    if not math.isfinite(x):
        return None, text, f"{show_value(raw)} is not a finite number"
    return x, text, None


def check_judgment_range(x: float, text: str, scale: str) -> str | None:
    if x <= 0:
        return f"a judgment must be greater than 0, got {text}"
    if scale == "saaty" and not (SAATY_MIN * (1 - _SCALE_TOL) <= x <= SAATY_MAX * (1 + _SCALE_TOL)):
        return (
            f"{text} is outside Saaty's 1/9..9 scale "
            "(set scale: positive to allow any positive ratio)"
        )
    return None


def outside_saaty(x: float) -> bool:
    return not (SAATY_MIN * (1 - _SCALE_TOL) <= x <= SAATY_MAX * (1 + _SCALE_TOL))


# --------------------------------------------------------------------------- parsing


class _Parser:
    def __init__(self, collector: IssueCollector, scale: str) -> None:
        self.c = collector
        self.scale = scale

    def add(self, fld: str, msg: str) -> None:
        self.c.add(fld, msg)

    def value(self, raw: Any, fld: str) -> tuple[float | None, str]:
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
                    hint = difflib.get_close_matches(str(name), list(criteria), n=1)
                    did = f"; did you mean {hint[0]!r}?" if hint else ""
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


def _check_top_keys(d: Mapping[str, Any], allowed: set[str], prefix: str, p: _Parser) -> None:
    for k in d:
        if not isinstance(k, str):
            p.add(prefix.rstrip(".") or "(top level)", f"key {show_value(k)} must be text")
        elif k not in allowed:
            hint = difflib.get_close_matches(k, sorted(allowed), n=1)
            did = f"; did you mean '{hint[0]}'?" if hint else ""
            p.add(
                f"{prefix}{k}", f"unknown key {k!r}{did} (valid keys: {', '.join(sorted(allowed))})"
            )


def judgment_file_from_data(
    data: Mapping[str, Any], source: str, collector: IssueCollector | None = None
) -> JudgmentFile:
    """Check a parsed judgment document; raise one ValidationError listing every problem."""
    col = collector or IssueCollector()
    col.file = source
    before = len(col.issues)
    scale = data.get("scale", "saaty")
    probe = _Parser(col, "saaty")
    if scale not in SCALES:
        probe.add(
            "scale", f"{show_value(scale)} is not a valid scale (choose from: {', '.join(SCALES)})"
        )
        scale = "saaty"
    p = _Parser(col, scale)
    _check_top_keys(data, FILE_KEYS, "", p)
    if "format" in data and data["format"] != 1:
        p.add(
            "format",
            f"unsupported format {show_value(data['format'])} (this version reads format 1)",
        )
    ri_table = data.get("ri_table")
    if ri_table is not None and ri_table not in RI_TABLES:
        p.add(
            "ri_table",
            f"{show_value(ri_table)} is not a known RI table (choose from: {', '.join(RI_TABLES)})",
        )
        ri_table = None
    participant = data.get("participant")
    if participant is not None and (
        isinstance(participant, bool) or not isinstance(participant, (str, int))
    ):
        p.add("participant", f"expected a name (text), got {show_value(participant)}")
        participant = None
    title = data.get("title")
    name = str(participant) if participant is not None else Path(source).stem
    content: JudgmentSet | Hierarchy | None = None
    if "groups" in data:
        for k in ("matrix", "judgments"):
            if k in data:
                p.add(k, "put comparisons inside groups when the file has groups")
        content = _hierarchy(data, p, source)
    else:
        crit = None
        if "criteria" not in data:
            p.add("criteria", "required key is missing (the list of criteria compared)")
        else:
            crit = p.criteria(data["criteria"], "criteria", minimum=2)
        if crit is not None:
            content = p.judgment_set(data, crit, "", source)
        elif "matrix" not in data and "judgments" not in data:
            p.add("", "needs matrix (n x n) or judgments (a list of [a, b, value])")
    if content is None and len(col.issues) == before:
        p.add("", "no comparisons found")
    if len(col.issues) > before:
        raise ValidationError(col.issues[before:])
    assert content is not None
    return JudgmentFile(
        source=source,
        content=content,
        participant=name,
        ri_table=ri_table,
        title=str(title) if title is not None else None,
        scale=scale,
        meta={k: data[k] for k in ("date", "note") if k in data},
    )


def _hierarchy(data: Mapping[str, Any], p: _Parser, source: str) -> Hierarchy | None:
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
        _check_top_keys(gd, GROUP_KEYS, pre, p)
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


def read_judgment_file(path: str | Path) -> JudgmentFile:
    """Read and check one judgment file (YAML or TOML); raise ValidationError on any problem."""
    doc, issues = read_document(path)
    if doc is None:
        raise ValidationError(issues)
    return judgment_file_from_data(doc.data, doc.name)


def judgment_set_from_matrix(
    matrix: Any,
    criteria: Sequence[str] | None = None,
    *,
    scale: str = "saaty",
    source: str = "<matrix>",
) -> JudgmentSet:
    """Check an in-memory matrix (lists, fraction strings or a numpy array; NaN/None = missing)."""
    rows = np.asarray(matrix, dtype=object) if not isinstance(matrix, list) else matrix
    n = len(rows)
    crit = tuple(criteria) if criteria is not None else tuple(f"c{i + 1}" for i in range(n))
    col = IssueCollector(source)
    col.file = source
    p = _Parser(col, scale)
    if len(set(crit)) != len(crit):
        p.add("criteria", "criterion ids must be unique")
        raise ValidationError(col.issues)
    if len(crit) != n:
        p.add("matrix", f"expected {len(crit)} rows (one per criterion), got {n}")
        raise ValidationError(col.issues)
    clean = [
        [None if isinstance(e, float) and math.isnan(e) else e for e in list(r)]
        if isinstance(r, (list, tuple, np.ndarray))
        else r
        for r in list(rows)
    ]
    clean = [
        [None if isinstance(e, np.floating) and np.isnan(e) else e for e in r]
        if isinstance(r, list)
        else r
        for r in clean
    ]
    js = p.matrix(clean, crit, "", source)
    if js is None:
        raise ValidationError(col.issues)
    return js
