"""The comparison workbook: ``write_workbook`` writes it, ``read_whatif_weights`` reads the
weights a user edited on its What-if sheet.

    import sitecompare as sc
    result = sc.rank(sc.load_study())
    sc.write_workbook("reports/site-comparison.xlsx", result, lang="ko")
    weights = sc.read_whatif_weights("reports/site-comparison.xlsx", result.study.criteria_set.ids)

Modules: ``xlsx`` (build and atomic write), ``context`` (what the sheets show, no openpyxl),
``overview_text`` (the sentences Summary, Ranking and Weights share, no openpyxl),
``sheets_overview`` (Summary, Ranking), ``sheets_matrix`` (Decision matrix, Normalised,
Contributions), ``sheets_weights`` (Weights), ``whatif`` (the live What-if sheet),
``sheets_quality`` (Data quality, Sources), ``sheets_runinfo`` (Run info), ``sheets_sensitivity``
(the ``--sensitivity`` entry point: its sheets, Summary headline and Run info lines),
``sheets_sweeps`` (Weight sweeps), ``sheets_critical`` (Critical changes), ``sheets_smaa`` (Rank
acceptability, SMAA-2), ``sheets_agreement`` (Method agreement), ``sensitivity_common`` (what the
sensitivity sheets share: names, context, print layout), ``styles`` (palette, fonts, table and
chart helpers for anyone adding sheets), ``i18n`` (the language: ``Lang``), ``ko_sheets`` and
``ko_analysis`` (the Korean labels), ``ko_particles`` (Korean particles), ``readback``
(``--weights-from``: the What-if sheet's weights), ``untrusted_xlsx`` (opening and streaming a
workbook a user sends back, under limits), ``command`` (``sitecompare compare``).
"""

from __future__ import annotations

from .i18n import LANGS, Lang
from .layout import Styles
from .readback import read_whatif_weights
from .whatif import NAMES as WHATIF_NAMES
from .whatif import WHATIF_SHEET
from .xlsx import ExtraSheet, build_workbook, write_workbook

__all__ = [
    "write_workbook",
    "build_workbook",
    "read_whatif_weights",
    "ExtraSheet",
    "Styles",
    "Lang",
    "LANGS",
    "WHATIF_SHEET",
    "WHATIF_NAMES",
]
