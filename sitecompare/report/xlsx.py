"""Build the comparison workbook from a Ranking and write it atomically.

Sheets, in order: Summary, Ranking, Decision matrix, Normalised, Contributions, Weights,
What-if, then the sensitivity sheets (``sensitivity=``: Weight sweeps, Critical changes, Rank
acceptability, Method agreement) and any other ``extra_sheets``, then Data quality, Sources,
Run info. The Summary is filled last so that its "how to read this workbook" list names every
sheet; ``summary_lines`` (and the sensitivity headline) go under its headline.

Writing is atomic (:mod:`sitecompare.atomic`): the workbook is built and serialised in memory
(bad input fails before anything touches the disk), saved to a temporary file in the target
folder, flushed and moved over the target with ``os.replace``. Any failure (an exception,
Ctrl-C, SIGTERM) removes the temporary file and leaves an existing workbook byte-for-byte as
it was.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

from ..atomic import os_error_text, write_atomic
from ..errors import Issue, SiteCompareError, display_path
from ..ranking import Ranking
from .i18n import LANGS, Lang
from .layout import Styles, put
from .plain_tables import build_report_data
from .sheets_matrix import write_contributions, write_matrix, write_normalised
from .sheets_overview import write_ranking, write_summary
from .sheets_quality import write_quality, write_sources
from .sheets_runinfo import write_runinfo
from .sheets_weights import write_weights
from .whatif import write_whatif

if TYPE_CHECKING:
    from ..sensitivity import SensitivityResult

__all__ = ["ExtraSheet", "SummaryLine", "WorkbookOptions", "build_workbook", "write_workbook", "save_atomic"]

ExtraSheet = Callable[[Workbook, Styles, Lang], None]
SummaryLine = Callable[[Lang], str]  # a sentence for the Summary, in the workbook's language
SEED_KEYS = ("Seed", "seed")


def _default_font(wb: Workbook, st: Styles) -> None:
    """Make the workbook's default ('Normal') font the report font, so empty cells, column
    width units and anything a reader types use it too."""
    font = Font(name=st.font_name, size=st.size)
    # openpyxl has no public way to set the default font: its private lists, not in the stub
    wb._fonts = IndexedList([font])  # type: ignore[attr-defined]  # index 0: the default font
    normal = wb._named_styles["Normal"]  # type: ignore[attr-defined]
    normal.font = font


class WorkbookOptions(TypedDict, total=False):
    """The options :func:`write_workbook` hands to :func:`build_workbook` (the defaults are
    build_workbook's)."""

    lang: str
    command_line: str | None
    extra_sheets: Sequence[ExtraSheet]
    extra_inputs: Sequence[str | Path]
    run_info: Mapping[str, Any] | None
    sensitivity: SensitivityResult | None
    summary_lines: Sequence[SummaryLine]


def build_workbook(
    ranking: Ranking,
    *,
    lang: str = "en",
    command_line: str | None = None,
    extra_sheets: Sequence[ExtraSheet] = (),
    extra_inputs: Sequence[str | Path] = (),
    run_info: Mapping[str, Any] | None = None,
    generated: dt.datetime | None = None,
    sensitivity: SensitivityResult | None = None,
    summary_lines: Sequence[SummaryLine] = (),
) -> Workbook:
    """The comparison workbook for ``ranking``, in memory (nothing is written).

    ``sensitivity`` (a :func:`~sitecompare.sensitivity.run_sensitivity` result of the same
    study, method and weights) adds the sensitivity sheets, the Summary's sensitivity headline
    and the run's seed and sampling settings on Run info."""
    if lang not in LANGS:
        raise SiteCompareError(
            Issue(
                "--lang", "", f"{lang!r} is not a language of the workbook (choose from: {', '.join(LANGS)})"
            )
        )
    L = Lang(lang)
    st = Styles.for_lang(lang)
    sheets = list(extra_sheets)
    info = dict(run_info or {})
    lines = list(summary_lines)
    if sensitivity is not None:
        from .sheets_sensitivity import (
            check_matches,
            sensitivity_headline,
            sensitivity_run_info,
            sensitivity_sheets,
        )

        check_matches(sensitivity, ranking)
        sheets = sensitivity_sheets(sensitivity) + sheets
        info = sensitivity_run_info(sensitivity, L) | info
        lines.insert(0, lambda lang_: sensitivity_headline(sensitivity, lang_))
    # a seed replaces Run info's "none: the ranking is deterministic" line
    seed_key = next((k for k in (L.t("Seed"), *SEED_KEYS) if k in info), None)
    seed = info.pop(seed_key) if seed_key is not None else None
    data = build_report_data(ranking, generated=generated)
    data.extra["summary_lines"] = [line(L) for line in lines]
    wb = Workbook()
    _default_font(wb, st)
    summary = wb.active
    assert summary is not None
    summary.title = L.sheet("summary")
    write_ranking(wb, st, L, data)
    write_matrix(wb, st, L, data)
    write_normalised(wb, st, L, data)
    write_contributions(wb, st, L, data)
    write_weights(wb, st, L, data)
    write_whatif(wb, st, L, data)
    for add_sheet in sheets:
        add_sheet(wb, st, L)
    write_quality(wb, st, L, data)
    write_sources(wb, st, L, data)
    runinfo = write_runinfo(wb, st, L, data, command_line=command_line, extra_inputs=extra_inputs, extra=info)
    if seed is not None:
        _set_seed(runinfo, L, seed)
    write_summary(summary, wb, st, L, data)
    wb.active = 0
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws is summary
    wb.calculation.fullCalcOnLoad = True  # Excel recalculates the What-if formulas on open
    props = wb.properties
    props.creator = "sitecompare"
    props.title = summary.cell(row=1, column=1).value
    props.subject = ranking.study.criteria_set.name
    props.language = "ko-KR" if lang == "ko" else "en"
    return wb


def _set_seed(ws: Worksheet, L: Lang, seed: Any) -> None:
    """Write the seed into Run info's Seed line (its key in column A, its value in B)."""
    for row in range(1, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == L.t("Seed"):
            put(ws, row, 2, seed if isinstance(seed, (int, float)) else str(seed))  # keeps the style
            return


def write_workbook(path: str | Path, ranking: Ranking, **options: Unpack[WorkbookOptions]) -> Path:
    """Write the comparison workbook for ``ranking`` to ``path`` (atomically); return the path.

    ``extra_sheets`` are callables ``(workbook, styles, lang) -> None`` that add sheets (after
    What-if, before Data quality); ``extra_inputs`` are further input files fingerprinted on
    the Run info sheet; ``run_info`` adds key/value lines to it (a ``Seed`` key fills its Seed
    line); ``sensitivity`` adds the sensitivity sheets (see :func:`build_workbook`).
    """
    return save_atomic(build_workbook(ranking, **options), path)


def save_atomic(wb: Workbook, path: str | Path) -> Path:
    """Save ``wb`` to ``path`` atomically (:func:`sitecompare.atomic.write_atomic`).

    The workbook is serialised in memory first, so bad luck inside openpyxl's zip writer (an
    interruption, a file-size limit on its scratch files) touches no output file."""
    return write_atomic(path, serialise(wb, path), what="the workbook")


def serialise(wb: Workbook, path: str | Path) -> bytes:
    """The workbook's bytes. openpyxl writes each sheet through a scratch file; those go to a
    private folder removed afterwards, and a failure there (a full disk, ``ulimit -f``) is a
    :class:`SiteCompareError` naming ``path`` and the cause, not a traceback."""
    buf = io.BytesIO()
    problem: str | None = None
    ignored: list[object] = []
    hook, scratch = sys.unraisablehook, tempfile.tempdir
    # a failed sheet writer's generator fails once more when it is collected: that second
    # report of the same error is expected and kept off the user's screen
    sys.unraisablehook = ignored.append
    try:
        with tempfile.TemporaryDirectory(prefix="sitecompare-") as folder:
            tempfile.tempdir = folder
            try:
                wb.save(buf)
            except (OSError, etree.LxmlError) as exc:
                problem = os_error_text(exc)
            finally:
                tempfile.tempdir = scratch
            gc.collect()
    finally:
        sys.unraisablehook = hook
    if problem is not None:
        raise SiteCompareError(
            Issue(display_path(path), "", f"cannot write the workbook: {problem}")
        )
    return buf.getvalue()
