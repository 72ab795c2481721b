"""sitecompare: site-selection comparison with sourced facts, published MCDA methods, Excel
workbooks and sensitivity analysis.

The small public API a notebook needs::

    import sitecompare as sc
    study = sc.load_study()                       # ./sites + ./criteria/default.yaml, else shipped
    result = sc.rank(study)                       # or sc.rank(study, sc.MethodSpec("topsis"))
    result.table()                                # pandas DataFrame: rank, site, name, score, ...
    result.scores, result.ranks                   # pandas Series indexed by site id
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import Issue, SiteCompareError, ValidationError
from .matrix import DecisionMatrix, build_matrix
from .model import CriteriaSet, Criterion, Fact, MethodSpec, Site, Source, Study
from .ranking import Ranking, rank
from .study import load_criteria, load_sites, load_study, with_weights

__all__ = [
    "__version__",
    "Issue",
    "SiteCompareError",
    "ValidationError",
    "Fact",
    "Site",
    "Source",
    "Criterion",
    "CriteriaSet",
    "MethodSpec",
    "Study",
    "DecisionMatrix",
    "build_matrix",
    "Ranking",
    "rank",
    "load_study",
    "load_sites",
    "load_criteria",
    "with_weights",
]
