"""Load a study whose sites are a table (``--sites grid.parquet``): the table, the criteria and
the weights in force, every problem of every input reported in one run, as
:func:`sitecompare.study.load_study` does for a folder of profiles (which hands tables here)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..errors import Issue, ValidationError
from ..hints import did_you_mean
from ..matrix import collect_matrix_issues
from ..model import CriteriaSet, Study
from . import SiteTable, load_table

if TYPE_CHECKING:
    from ..study import StudyChoices

__all__ = ["load_table_study"]


def _typos(tbl: SiteTable, cs: CriteriaSet) -> tuple[list[Issue], set[str]]:
    """A criterion whose fact no row has (no such column, or an empty one) is a typo in the
    criteria file, as for profiles."""
    issues, facts = [], set()
    known = sorted(c for c, v in tbl.values.items() if not np.isnan(v).all())
    for c in cs.criteria:
        col = tbl.values.get(c.fact)
        if col is not None and not np.isnan(col).all():
            continue
        facts.add(c.fact)
        did = did_you_mean(c.fact, known)
        issues.append(Issue(cs.path, f"criteria.{c.id}.fact", f"no site has a fact {c.fact!r}{did}"))
    return issues, facts


def _about(issue: Issue, tbl: SiteTable, facts: set[str]) -> bool:
    """True when ``issue`` is a cell or column of one of ``facts`` (reported once, as a typo)."""
    return any(
        issue.file.endswith(f":{f}") or issue.field == f or issue.field.startswith(f"columns.{f}.")
        for f in facts
    )


def load_table_study(
    table: str | Path, criteria_path: str | Path, choices: StudyChoices, *, sheet: str | None = None
) -> Study:
    """The study of the site table ``table``, with every problem of every input in one ValidationError
    (the table counterpart of :func:`sitecompare.study.load_study`)."""
    from ..study import _partial_criteria, load_criteria

    tbl, issues = load_table(table, sheet=sheet)
    cs, c_issues = load_criteria(criteria_path)
    issues = issues + c_issues
    if tbl is None:
        raise ValidationError(issues)
    partial = cs is None
    if cs is None:
        cs = _partial_criteria(criteria_path)
        if cs is None:
            raise ValidationError(issues)
    typo_issues, typo = _typos(tbl, cs)
    issues += typo_issues
    base = {c: 1.0 / len(cs.ids) for c in cs.ids} if cs.ids else {}
    if partial:
        provisional = Study(
            sites=(), criteria_set=cs, weights=base, method=cs.method, as_of=choices.as_of, table=tbl
        )
        m_issues = [i for i in collect_matrix_issues(provisional) if not _about(i, tbl, typo)]
        raise ValidationError(issues + [i for i in m_issues if i.file != cs.path])
    study = choices.study(cs, issues, sites=(), sites_dir=tbl.path, table=tbl)
    m_issues = [i for i in collect_matrix_issues(study) if not _about(i, tbl, typo)]
    if issues:
        # study-wide verdicts (every site screened out) wait until the inputs are fixed
        verdict = {(cs.path, "min_coverage"), (tbl.path, "")}
        raise ValidationError(issues + [i for i in m_issues if (i.file, i.field) not in verdict])
    if m_issues:
        raise ValidationError(m_issues)
    return study
