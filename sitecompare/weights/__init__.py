"""Criterion weights: AHP (single, hierarchical, group), ranks, swing and points, entropy, CRITIC.

Each method is a pure function returning a frozen result with ``weights`` (criterion -> share,
summing to 1), ``to_json_dict()`` (the CLI's ``--format json``) and ``to_provenance()`` (plain
YAML data for :func:`write_scenario`). Problems in inputs raise
:class:`sitecompare.errors.ValidationError` naming the file, the field and the value.

Modules: :mod:`.judgments` (judgment-file format and checks), :mod:`.ahp` (eigenvector, CR,
Harker completion, hierarchies), :mod:`.ri` (random-index tables and their sources),
:mod:`.group` (geometric-mean aggregation), :mod:`.elicitation` (ROC, rank sum, swing, points),
:mod:`.objective` (entropy, CRITIC), :mod:`.scenario_io` (writing a scenario into a criteria file)
and :mod:`.commands` (the ``sitecompare weights`` click group).
"""

from __future__ import annotations

from .ahp import AHPResult, HierarchyResult, ahp_from_file, ahp_weights
from .elicitation import (
    ElicitationResult,
    points_weights,
    rank_reciprocal_weights,
    rank_sum_weights,
    roc_weights,
    swing_weights,
)
from .group import GroupResult, group_ahp
from .judgments import read_judgment_file
from .objective import ObjectiveResult, critic_weights, entropy_weights
from .ri import RI_TABLES
from .scenario_io import write_scenario

__all__ = [
    "AHPResult",
    "HierarchyResult",
    "GroupResult",
    "ElicitationResult",
    "ObjectiveResult",
    "RI_TABLES",
    "ahp_from_file",
    "ahp_weights",
    "read_judgment_file",
    "group_ahp",
    "roc_weights",
    "rank_sum_weights",
    "rank_reciprocal_weights",
    "swing_weights",
    "points_weights",
    "entropy_weights",
    "critic_weights",
    "write_scenario",
]
