"""The Run info sheet: how the workbook was made (tool and library versions, the command, the
settings in force) and the input files with their SHA-256 fingerprints."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import platform
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from ..rounding import RECORDED, rounded_map
from .i18n import Lang
from .layout import (
    Styles,
    add_note,
    finish_sheet,
    merge,
    new_sheet,
    put,
    set_widths,
    style_cell,
    write_section,
    write_table,
)
from .plain_tables import ReportData

__all__ = ["write_runinfo", "input_files", "sha256_of", "resolve_input"]

LIBRARIES = (
    "openpyxl",
    "numpy",
    "pandas",
    "scipy",
    "click",
    "rich",
    "pint",
    "PyYAML",
    "defusedxml",
    "scikit-criteria",
)


def resolve_input(path: str) -> Path:
    """A path as the study displays it (``<shipped>/...`` for the package's data) -> a file."""
    if path.startswith("<shipped>/"):
        return Path(__file__).resolve().parents[1] / "data" / path[len("<shipped>/") :]
    return Path(path)


def sha256_of(path: Path) -> tuple[str, int] | None:
    """The file's SHA-256 (hex) and size in bytes; None when it cannot be read."""
    try:
        h = hashlib.sha256()
        size = 0
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
                size += len(chunk)
        return h.hexdigest(), size
    except OSError:
        return None


def input_files(data: ReportData, extra: Sequence[str | Path] = ()) -> list[tuple[str, Path]]:
    """The input files to fingerprint, as (shown name, path): the criteria file, each site
    profile or site table (once), then ``extra``."""
    study = data.study
    out = [(study.criteria_set.path, resolve_input(study.criteria_set.path))]
    seen: set[str] = set()
    for s in sorted(study.sites, key=lambda s: s.path):
        shown = s.path
        table, _, row = shown.rpartition(":")  # a site table's row (grid.csv:7): the table, once
        if row.isdigit() and table and resolve_input(table).exists():
            shown = table
        if shown not in seen:
            seen.add(shown)
            if resolve_input(shown).is_dir():
                continue  # a Parquet dataset folder: its files come as extra inputs
            out.append((shown, resolve_input(shown)))
    out += [(str(p), Path(p)) for p in extra if str(p) not in seen]
    return out


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def write_runinfo(
    wb: Workbook,
    st: Styles,
    L: Lang,
    data: ReportData,
    *,
    command_line: str | None,
    extra_inputs: Sequence[str | Path] = (),
    extra: Mapping[str, Any] | None = None,
) -> Worksheet:
    """Add the Run info sheet: the run's settings (``extra`` adds rows), the software versions
    and the input files with their SHA-256."""
    study, r = data.study, data.ranking
    subtitle = L.t(
        "How this workbook was made: tool and library versions, the exact command, the "
        "input files with their SHA-256 fingerprints."
    )
    ws, row = new_sheet(wb, st, L.sheet("runinfo"), L.t("Run info"), subtitle)
    set_widths(ws, {1: 44, 2: 72, 3: 12})
    row = write_section(ws, st, row, L.t("Run"), span=3)
    iv = r.intervals
    sampled = iv is not None and not iv.exact and iv.seed is not None
    pairs: list[tuple[str, Any]] = [
        (L.t("Tool"), f"sitecompare {__version__}"),
        (L.t("Generated (UTC)"), data.generated.strftime("%Y-%m-%d %H:%M:%S")),
        (L.t("Command line"), command_line or L.t("(library call: sitecompare.write_workbook)")),
        (L.t("Facts as of"), data.as_of.isoformat()),
        (
            L.t("Seed"),
            L.t("{seed} (the rank intervals are sampled)", seed=iv.seed)
            if sampled and iv is not None
            else L.t("none: the ranking is deterministic"),
        ),
        (L.t("Criteria set"), f"{L.criteria_set(study.criteria_set)} ({study.criteria_set.path})"),
        (L.t("Sites folder"), study.sites_dir),
        (L.t("Method"), json.dumps(r.method.as_dict(), ensure_ascii=False)),
        (L.t("Horizon"), r.matrix.horizon),
        (L.t("Minimum coverage"), f"{study.criteria_set.min_coverage:g}"),
        (L.t("Weights"), json.dumps(rounded_map(study.weights, RECORDED), ensure_ascii=False)),
        (L.t("Weights in force"), json.dumps(rounded_map(r.matrix.weight_of, RECORDED))),
        (L.t("Weights from"), study.weight_source),
        (L.t("Weights set by"), study.criteria_set.weights_by or "-"),
        (L.t("Scenario"), _scenario_record(L, study)),
        (L.t("Rank intervals"), iv.how if iv is not None else "-"),
        (L.t("Language"), L.code),
    ]
    for k, v in (extra or {}).items():
        pairs.append((str(k), v if isinstance(v, (int, float)) else str(v)))
    for key, value in pairs:
        put(ws, row, 1, key, font=st.bold, fill=st.subheader_fill, border=st.box, align=st.top)
        put(
            ws,
            row,
            2,
            value,
            font=st.font,
            border=st.box,
            align=Alignment(wrap_text=True, vertical="top", horizontal="left"),
        )
        merge(ws, row, 2, row, 3)
        row += 1
    row += 1
    row = write_section(ws, st, row, L.t("Software"), span=3)
    soft = [
        ["Python", platform.python_version(), sys.implementation.name],
        [L.t("Platform"), platform.platform(terse=True), ""],
    ]
    soft += [[lib, _version(lib), ""] for lib in LIBRARIES]
    tr = write_table(ws, st, row, [L.t("Component"), L.t("Version"), ""], soft)
    row = tr.last_row + 2
    row = write_section(ws, st, row, L.t("Input files"), span=3)
    files: list[list[str | int | None]] = []
    for shown, path in input_files(data, extra_inputs):
        got = sha256_of(path)
        files.append([shown, got[0] if got else L.t("(not readable)"), got[1] if got else None])
    tr = write_table(
        ws, st, row, [L.t("File"), "SHA-256", L.t("Bytes")], files, formats=[None, None, "#,##0"]
    )
    for i in range(len(files)):
        style_cell(ws.cell(row=tr.first_row + i, column=2), font=st.small)
    note = L.t(
        "To check that a file is the one ranked here, compare its "
        "SHA-256 (e.g. sha256sum FILE) with the value above."
    )
    add_note(ws, st, tr.last_row + 2, note, span=3)
    finish_sheet(ws, st, page_label=L.t("Page &P of &N"), landscape=False)
    return ws


def _scenario_record(L: Lang, study: Any) -> str:
    """The scenario in force for Run info: its local label with the id the file uses."""
    if not study.scenario:
        return "-"
    label = L.scenario(study.criteria_set, study.scenario)
    return label if label == study.scenario else f"{label} ({study.scenario})"
