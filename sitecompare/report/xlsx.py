"""Build the comparison workbook from a Ranking and write it atomically.

Sheets, in order: Summary, Ranking, Decision matrix, Normalised, Contributions, Weights,
What-if, then the sensitivity sheets (``sensitivity=``: Weight sweeps, Critical changes, Rank
acceptability, Method agreement) and any other ``extra_sheets``, then Data quality, Sources,
Run info. The Summary is filled last so that its "how to read this workbook" list names every
sheet; ``summary_lines`` (and the sensitivity headline) go under its headline.

Writing is atomic: the workbook is built in memory (bad input fails before anything touches
the disk), saved to a temporary file in the target folder, flushed and moved over the target
with ``os.replace``. Any failure (an exception, Ctrl-C) removes the temporary file and leaves
an existing workbook byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import stat
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import Issue, SiteCompareError
from ..ranking import Ranking
from .context import build_report_data
from .i18n import LANGS, Lang
from .sheets_matrix import write_contributions, write_matrix, write_normalised
from .sheets_overview import write_ranking, write_summary
from .sheets_quality import write_quality, write_runinfo, write_sources
from .sheets_weights import write_weights
from .styles import Styles, put
from .whatif import write_whatif

if TYPE_CHECKING:
    from ..sensitivity import SensitivityResult

__all__ = ["ExtraSheet", "SummaryLine", "build_workbook", "write_workbook", "save_atomic"]

ExtraSheet = Callable[[Workbook, Styles, Lang], None]
SummaryLine = Callable[[Lang], str]  # a sentence for the Summary, in the workbook's language
SEED_KEYS = ("Seed", "seed")


def _default_font(wb: Workbook, st: Styles) -> None:
    """Make the workbook's default ('Normal') font the report font, so empty cells, column
    width units and anything a reader types use it too."""
    font = Font(name=st.font_name, size=st.size)
    wb._fonts = IndexedList([font])  # index 0 is the default font
    normal = wb._named_styles["Normal"]
    normal.font = font


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


def write_workbook(
    path: str | Path,
    ranking: Ranking,
    *,
    lang: str = "en",
    command_line: str | None = None,
    extra_sheets: Sequence[ExtraSheet] = (),
    extra_inputs: Sequence[str | Path] = (),
    run_info: Mapping[str, Any] | None = None,
    sensitivity: SensitivityResult | None = None,
    summary_lines: Sequence[SummaryLine] = (),
) -> Path:
    """Write the comparison workbook for ``ranking`` to ``path`` (atomically); return the path.

    ``extra_sheets`` are callables ``(workbook, styles, lang) -> None`` that add sheets (after
    What-if, before Data quality); ``extra_inputs`` are further input files fingerprinted on
    the Run info sheet; ``run_info`` adds key/value lines to it (a ``Seed`` key fills its Seed
    line); ``sensitivity`` adds the sensitivity sheets (see :func:`build_workbook`).
    """
    wb = build_workbook(
        ranking,
        lang=lang,
        command_line=command_line,
        extra_sheets=extra_sheets,
        extra_inputs=extra_inputs,
        run_info=run_info,
        sensitivity=sensitivity,
        summary_lines=summary_lines,
    )
    return save_atomic(wb, path)


def save_atomic(wb: Workbook, path: str | Path) -> Path:
    """Save ``wb`` to ``path`` through a temporary file in the same folder and os.replace."""
    target = Path(path)
    folder = target.parent
    created: list[Path] = []
    try:
        missing = []
        p = folder
        while not p.exists():
            missing.append(p)
            p = p.parent
        folder.mkdir(parents=True, exist_ok=True)
        created = list(missing)
    except OSError as exc:
        raise SiteCompareError(
            Issue(str(target), "", f"cannot create the folder {folder}: {exc.strerror or exc}")
        ) from exc
    tmp: str | None = None
    written = False
    try:
        # serialise in memory first: an interruption inside openpyxl's zip writer then
        # touches no file (and leaves no half-closed archive to complain at exit)
        buf = io.BytesIO()
        wb.save(buf)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(buf.getbuffer())
            fh.flush()
            os.fsync(fh.fileno())
        mode = 0o666 & ~_umask()
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(target.stat().st_mode)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
        written = True
    except OSError as exc:
        raise SiteCompareError(
            Issue(
                str(target),
                "",
                f"cannot write the workbook: {exc.strerror or exc}"
                + (" (is it open in a spreadsheet program?)" if isinstance(exc, PermissionError) else ""),
            )
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if not written:
            for d in created:  # folders this call made for a workbook it did not write
                with contextlib.suppress(OSError):
                    d.rmdir()
    return target


def _umask() -> int:
    """The process umask, read without changing it (os.umask would, briefly, for all threads)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022
