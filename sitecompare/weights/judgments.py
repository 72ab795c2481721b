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

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import IssueCollector, ValidationError, show_value
from ..profiles import read_document
from .judgment_model import ROOT_GROUP, SCALES, Hierarchy, Judgment, JudgmentFile, JudgmentSet
from .judgment_parser import JudgmentParser, check_keys, hierarchy_from_data
from .judgment_values import (
    SAATY_MAX,
    SAATY_MIN,
    check_judgment_range,
    format_ratio,
    outside_saaty,
    parse_judgment_value,
)
from .ri import RI_TABLES

__all__ = [
    "Judgment",
    "JudgmentSet",
    "Hierarchy",
    "JudgmentFile",
    "SCALES",
    "ROOT_GROUP",
    "SAATY_MIN",
    "SAATY_MAX",
    "parse_judgment_value",
    "check_judgment_range",
    "outside_saaty",
    "format_ratio",
    "read_judgment_file",
    "judgment_file_from_data",
    "judgment_set_from_matrix",
]

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


def judgment_file_from_data(
    data: Mapping[str, Any], source: str, collector: IssueCollector | None = None
) -> JudgmentFile:
    """Check a parsed judgment document; raise one ValidationError listing every problem."""
    col = collector or IssueCollector()
    col.file = source
    before = len(col.issues)
    scale = data.get("scale", "saaty")
    probe = JudgmentParser(col, "saaty")
    if scale not in SCALES:
        probe.add(
            "scale", f"{show_value(scale)} is not a valid scale (choose from: {', '.join(SCALES)})"
        )
        scale = "saaty"
    p = JudgmentParser(col, scale)
    check_keys(data, FILE_KEYS, "", p)
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
        content = hierarchy_from_data(data, p, source)
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
    p = JudgmentParser(col, scale)
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
