"""Raw documents -> model objects, collecting every problem with its file, field and value.

Strict by design: unknown keys are errors (typos are the commonest bug), numbers must be
finite, dates must be dates, choices must be among the valid ones (and the message lists them).

Modules: :mod:`.checker` (the typed getters), :mod:`.sites` (site profiles, sources, facts),
:mod:`.criteria` (criteria files), :mod:`.criterion` (one criterion), :mod:`.scenarios`
(weight scenarios).
"""

from __future__ import annotations

from .checker import Checker
from .criteria import criteria_from_doc
from .criterion import PREFERENCE_FUNCTIONS
from .scenarios import SCENARIO_NAME_RE, SCENARIO_NAME_RULE
from .sites import FACT_KEYS, fact_from_raw, site_from_doc, sources_from_doc, within_limits

__all__ = [
    "site_from_doc",
    "sources_from_doc",
    "criteria_from_doc",
    "fact_from_raw",
    "within_limits",
    "Checker",
    "FACT_KEYS",
    "PREFERENCE_FUNCTIONS",
    "SCENARIO_NAME_RE",
    "SCENARIO_NAME_RULE",
]
