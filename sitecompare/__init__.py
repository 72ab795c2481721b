"""sitecompare: site-selection comparison with sourced facts, published MCDA methods, Excel
workbooks and sensitivity analysis.

The small public API a notebook needs::

    import sitecompare as sc
    study = sc.load_study()                       # ./sites + ./criteria/default.yaml, else shipped
    result = sc.rank(study)                       # or sc.rank(study, sc.MethodSpec("topsis"))
    result.table()                                # pandas DataFrame: rank, site, name, score, ...
    result.scores, result.ranks                   # pandas Series indexed by site id
    sens = sc.run_sensitivity(study, samples=10_000, seed=1)
    sc.write_workbook("reports/site-comparison.xlsx", result)

Names are imported on first use, so the command line starts quickly.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Issue": "errors",
    "SiteCompareError": "errors",
    "ValidationError": "errors",
    "Fact": "model",
    "Site": "model",
    "Source": "model",
    "Criterion": "model",
    "CriteriaSet": "model",
    "MethodSpec": "model",
    "Study": "model",
    "DecisionMatrix": "matrix",
    "build_matrix": "matrix",
    "Ranking": "ranking",
    "rank": "ranking",
    "load_study": "study",
    "load_sites": "study",
    "load_criteria": "study",
    "with_weights": "study",
    "rank_all_scenarios": "scenarios",
    "run_sensitivity": "sensitivity",
    "SensitivityResult": "sensitivity",
    "write_workbook": "report",
    "read_whatif_weights": "report",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sitecompare' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
