"""Read the weights a user edited on a workbook's What-if sheet (``--weights-from FILE.xlsx``).

The file is untrusted input, opened defensively; every limit below is checked *before* the
work it bounds, so a hostile file costs at most a few seconds and a few megabytes:

* only a regular file is opened (a folder, a named pipe, a device such as ``/dev/zero``, a
  socket or a broken symbolic link is refused by name), and it is checked again through the
  open descriptor, so it cannot be swapped for a pipe in between;
* its size is checked before it is read (at most :data:`MAX_BYTES`), the sum of its members'
  uncompressed sizes too (a zip bomb is small on disk), and every part that is parsed may
  unpack to at most :data:`MAX_PART` (zipfile enforces the declared sizes while inflating);
* the few parts needed (``xl/workbook.xml`` and its relationships for the sheet names and the
  defined names, the What-if sheet, the shared strings) are streamed through defusedxml, so
  entity tricks are refused; each element is dropped as soon as it has been read, and a part
  may hold at most :data:`MAX_ELEMENTS` elements nested at most :data:`MAX_DEPTH` deep. Only
  the cells wanted are kept, and only the shared strings those cells use. (openpyxl's
  ``load_workbook`` is not used: even in read-only mode it parses every sheet that lacks a
  ``<dimension>`` element to its end, and builds every defined name and style in memory);
* a formula is never evaluated: only the result a spreadsheet program saved with it is used;
* a defined name's size is computed from its corners before any cell is listed (at most
  :data:`MAX_CELLS` cells);
* every weight is validated like any other input, and every problem names the sheet, the cell
  and the bad value (``FILE: What-if!G14: weight of 'talent' must be >= 0, got -5``).

The cells are found through the workbook-level names ``whatif_criteria`` and
``whatif_weights``; when a program dropped the names, through the row labels in column A
("Criterion id", "Weight (points) - edit", in English or Korean) of the ``What-if`` sheet.

The sheet's fact cells (one row per site of ``whatif_sites``, or of the "Site id" column when
the names are gone) are read too, so that :func:`whatif_fact_edits` can refuse a workbook
whose facts were edited: ``--weights-from`` takes weights only, and silently ranking with the
study's facts instead of the edited ones would mislead.
"""

from __future__ import annotations

import math
import os
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import get_column_letter, range_boundaries

from .. import files
from ..errors import Issue, ValidationError, display_path, show_value
from .untrusted_xlsx import (
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_PART,
    RawCell,
    events,
    fail,
    interpret,
    local_name,
    open_regular,
    read_cells,
    shared_strings,
    unreadable,
    why,
)
from .whatif import COL_ID, COL_NAME, FIRST_CRIT_COL, ROW_LABELS, WHATIF_SHEET

__all__ = [
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_PART",
    "MAX_SITES",
    "MAX_UNCOMPRESSED",
    "WhatIfValue",
    "read_whatif",
    "read_whatif_weights",
    "whatif_fact_edits",
]

MAX_BYTES = files.MAX_WORKBOOK_BYTES  # a comparison workbook of 1,000 sites is ~2 MB
MAX_UNCOMPRESSED = 400 * 1024 * 1024  # ... and unpacks to ~23 MB
MAX_CELLS = 1000  # cells of one defined name: one per criterion
MAX_SITES = 100_000  # cells of whatif_sites: one per site (a 1,000-site workbook has 1,000)
LABEL_SCAN_ROWS = 300
MAX_SHEETS_SHOWN = 30
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_MAX_COL, _MAX_ROW = 16384, 1048576  # XFD1048576, the last cell of a sheet
_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_NAMES = ("whatif_criteria", "whatif_weights", "whatif_sites")
_SITE_ID_LABELS = ("Site id", "사이트 ID")  # the sites table's header in column F (en, ko)


@dataclass
class _Book:
    """What the read-back needs from ``xl/workbook.xml`` and its relationships."""

    sheets: list[str] = field(default_factory=list)  # the first MAX_SHEETS_SHOWN names
    n_sheets: int = 0
    whatif_rid: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # workbook-level whatif_* names
    whatif_part: str | None = None
    whatif_type: str = ""
    shared_strings: str | None = None


def _target(base: str, target: str) -> str:
    """A relationship's target as a member name of the archive."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, target))


def _read_book(z: zipfile.ZipFile, shown: str) -> _Book:
    book = _Book()
    with unreadable(shown, _WORKBOOK, "cannot be read as part of an .xlsx workbook"):
        for event, el in events(z, _WORKBOOK, shown):
            if event != "end":
                continue
            name = local_name(el.tag)
            if name == "sheet":
                book.n_sheets += 1
                title = el.get("name") or ""
                if len(book.sheets) < MAX_SHEETS_SHOWN:
                    book.sheets.append(title)
                if title == WHATIF_SHEET and book.whatif_rid is None:
                    book.whatif_rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), "")
            elif name == "definedName" and el.get("localSheetId") is None:
                if el.get("name") in _NAMES:
                    book.names[el.get("name")] = el.text or ""
    if _WORKBOOK_RELS not in z.namelist():
        return book
    with unreadable(shown, _WORKBOOK_RELS, "cannot be read as part of an .xlsx workbook"):
        for event, el in events(z, _WORKBOOK_RELS, shown):
            if event != "end" or local_name(el.tag) != "Relationship" or el.get("TargetMode") == "External":
                continue
            kind, target = el.get("Type") or "", el.get("Target") or ""
            if book.whatif_rid and el.get("Id") == book.whatif_rid:
                book.whatif_part, book.whatif_type = _target("xl", target), kind.rsplit("/", 1)[-1]
            elif kind.endswith("/sharedStrings") and book.shared_strings is None:
                book.shared_strings = _target("xl", target)
    return book



@dataclass(frozen=True)
class _Sheet:
    z: zipfile.ZipFile
    member: str
    shared: str | None
    shown: str

    def cells(self, keep: Callable[[int, int], bool], max_row: int) -> dict[tuple[int, int], RawCell]:
        with unreadable(self.shown, WHATIF_SHEET, "the sheet cannot be read"):
            raw = read_cells(self.z, self.member, keep, max_row, self.shown)
        return shared_strings(self.z, self.shared, raw, self.shown)



def _as_weight(kind: str, value: Any) -> tuple[float | None, str | None]:
    """(weight, None) or (None, what is wrong)."""
    if kind == "number":
        x = float(value)
    elif kind == "text":  # a number typed as text ("25", "1,500") is still a number
        text = str(value).strip().replace(",", "")
        if not _NUMBER.fullmatch(text):
            return None, f"is not a number: {show_value(value)}"
        x = float(text)
    elif kind == "blank":
        return None, "is blank; expected a number >= 0"
    elif kind == "bool":
        return None, f"is {'TRUE' if value else 'FALSE'}, not a number"
    elif kind == "error":
        return None, f"holds the error value {value}"
    elif kind == "date":
        return None, f"is a date ({value}), not a number"
    elif kind == "formula-no-value":
        return None, (
            f"is a formula with no saved result (={value}); type a number, or open "
            "and save the file in a spreadsheet program first"
        )
    else:  # pragma: no cover - every kind is handled above
        return None, f"cannot be read ({kind})"
    if math.isnan(x):
        return None, "is not a number (NaN)"
    if math.isinf(x):
        return None, f"is not a finite number ({'-' if x < 0 else ''}infinity)"
    if x < 0:
        return None, f"must be >= 0, got {x:g}"
    return x, None


def _range_cells(ref: str, limit: int = MAX_CELLS) -> list[tuple[int, int]]:
    """The (row, col) cells of ``A1:B2``; the size is computed from the corners first, so an
    oversized range (over ``limit`` cells) is refused before any cell is listed (OverflowError)."""
    c1, r1, c2, r2 = range_boundaries(ref.replace("$", ""))
    if c1 is None or r1 is None or c2 is None or r2 is None:
        raise ValueError(ref)  # a whole column or row
    c1, c2 = sorted((int(c1), int(c2)))
    r1, r2 = sorted((int(r1), int(r2)))
    if r1 < 1 or c2 > _MAX_COL or r2 > _MAX_ROW:
        raise ValueError(ref)
    n = (r2 - r1 + 1) * (c2 - c1 + 1)
    if n > limit:
        raise OverflowError(n)
    return [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def _named_range(
    names: dict[str, str], name: str, shown: str, limit: int = MAX_CELLS
) -> list[tuple[int, int]] | None:
    text = names.get(name)
    if text is None:
        return None
    from openpyxl.workbook.defined_name import DefinedName

    try:
        dests = list(DefinedName(name, attr_text=text).destinations)
    except Exception:  # noqa: BLE001 - a malformed name is reported, not raised through
        dests = []
    if len(dests) != 1 or dests[0][0] != WHATIF_SHEET:
        raise fail(
            shown,
            name,
            f"the defined name {name} does not point to cells of the "
            f"{WHATIF_SHEET} sheet ({show_value(text)})",
        )
    try:
        return _range_cells(dests[0][1], limit)
    except OverflowError as exc:
        per = "site" if name == "whatif_sites" else "criterion"
        raise fail(
            shown,
            name,
            f"the defined name {name} covers {exc.args[0]:,} cells ({show_value(text)}); "
            f"expected one per {per}, at most {limit:,}",
        ) from None
    except (ValueError, TypeError):
        raise fail(
            shown, name, f"the defined name {name} is not a cell range ({show_value(text)})"
        ) from None


def _by_labels(sheet: _Sheet) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    column_a = sheet.cells(lambda r, c: c == COL_NAME, LABEL_SCAN_ROWS)
    found: dict[str, int] = {}
    for key, labels in ROW_LABELS.items():
        wanted = set(labels.values())
        for (r, _), cell in sorted(column_a.items()):
            if cell.value is not None and cell.value.strip() in wanted:
                found[key] = r
                break
    if "criteria" not in found or "weights" not in found:
        raise fail(
            sheet.shown,
            WHATIF_SHEET,
            (
                "cannot find the weights: the workbook has no names whatif_criteria and "
                "whatif_weights, and no rows labelled "
                f"{ROW_LABELS['criteria']['en']!r} and {ROW_LABELS['weights']['en']!r} in column A"
            ),
        )
    rc, rw = found["criteria"], found["weights"]
    stop = FIRST_CRIT_COL + MAX_CELLS  # one column past the most criteria read
    ids = sheet.cells(lambda r, c: r == rc and FIRST_CRIT_COL <= c <= stop, rc)
    last = FIRST_CRIT_COL
    while (rc, last) in ids and interpret(ids[(rc, last)])[0] == "text":
        last += 1
    if last > stop - 1:
        raise fail(
            sheet.shown,
            f"{WHATIF_SHEET}!{get_column_letter(FIRST_CRIT_COL)}{rc}",
            f"more than {MAX_CELLS:,} criterion ids in row {rc}; expected one per criterion",
        )
    cols = range(FIRST_CRIT_COL, last)
    return [(rc, c) for c in cols], [(rw, c) for c in cols]


@dataclass(frozen=True)
class WhatIfValue:
    """One fact cell of the What-if sheet's sites table, as saved."""

    cell: str  # "What-if!H15"
    site: str
    criterion: str
    kind: str  # as :func:`interpret` reads it: number, blank, text, ...
    value: Any
    formula: str | None  # the cell's formula (a missing value's policy), if any


def read_whatif_weights(path: str | Path, criteria_ids: Iterable[str]) -> dict[str, float]:
    """The raw weight points of the What-if sheet of ``path``, by criterion id.

    Every criterion of ``criteria_ids`` must have a weight there and every criterion there must
    be one of them; raises :class:`~sitecompare.errors.ValidationError` listing every problem.
    """
    return read_whatif(path, criteria_ids)[0]


def read_whatif(
    path: str | Path, criteria_ids: Iterable[str]
) -> tuple[dict[str, float], list[WhatIfValue]]:
    """The weights of :func:`read_whatif_weights` and the sheet's fact cells (for
    :func:`whatif_fact_edits`), read in one pass."""

    ids = list(criteria_ids)
    p = Path(path)
    shown = display_path(p)
    with open_regular(p, shown) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_BYTES:
            raise fail(
                shown,
                "",
                f"is {size / 1e6:.1f} MB; a workbook to read weights from may be "
                f"at most {MAX_BYTES // (1024 * 1024)} MB",
            )
        if not zipfile.is_zipfile(fh):
            raise fail(
                shown,
                "",
                "is not an .xlsx workbook (an .xlsx file is a zip archive; an old "
                ".xls, a password-protected workbook or a CSV file is not)",
            )
        fh.seek(0)
        try:
            z = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise fail(shown, "", f"is not a readable .xlsx workbook ({why(exc)})") from exc
        with z:
            return _read(z, shown, ids)


def _read(
    z: zipfile.ZipFile, shown: str, ids: list[str]
) -> tuple[dict[str, float], list[WhatIfValue]]:
    names = set(z.namelist())
    unpacked = sum(i.file_size for i in z.infolist())
    if _WORKBOOK not in names:
        raise fail(shown, "", f"is not an .xlsx workbook (it has no {_WORKBOOK})")
    if unpacked > MAX_UNCOMPRESSED:
        raise fail(
            shown,
            "",
            f"unpacks to {unpacked / 1e6:.0f} MB; a workbook to read weights "
            "from may unpack to at most "
            f"{MAX_UNCOMPRESSED // (1024 * 1024)} MB",
        )
    book = _read_book(z, shown)
    if book.whatif_rid is None:
        more = f", ... ({book.n_sheets} in all)" if book.n_sheets > len(book.sheets) else ""
        shown_names = ", ".join(n if n.isprintable() else show_value(n) for n in book.sheets)
        raise fail(shown, WHATIF_SHEET, f"no sheet named {WHATIF_SHEET!r} (sheets: {shown_names}{more})")
    if book.whatif_part is None or book.whatif_part not in names:
        raise fail(
            shown,
            WHATIF_SHEET,
            f"the sheet's cells are missing from the workbook ({show_value(book.whatif_part or '')})",
        )
    if book.whatif_type != "worksheet":
        raise fail(
            shown, WHATIF_SHEET, f"is a {book.whatif_type or 'part of unknown type'}, not a worksheet"
        )
    sheet = _Sheet(z, book.whatif_part, book.shared_strings, shown)
    crit_cells = _named_range(book.names, "whatif_criteria", shown)
    weight_cells = _named_range(book.names, "whatif_weights", shown)
    if crit_cells is None or weight_cells is None:
        crit_cells, weight_cells = _by_labels(sheet)
    if len(crit_cells) != len(weight_cells):
        raise fail(
            shown,
            "whatif_weights",
            (
                f"the names whatif_criteria ({len(crit_cells)} cells) and whatif_weights "
                f"({len(weight_cells)} cells) differ in size"
            ),
        )
    site_cells = _named_range(book.names, "whatif_sites", shown, MAX_SITES)
    if site_cells is None:
        site_cells = _sites_by_labels(sheet, max((r for r, _ in weight_cells), default=0))
    crit_cols = {c for _, c in crit_cells}
    site_rows = {r for r, _ in site_cells}
    wanted = set(crit_cells) | set(weight_cells) | set(site_cells)
    last_row = max((r for r, _ in wanted), default=0)
    cells = sheet.cells(
        lambda r, c: (r, c) in wanted or (r in site_rows and c in crit_cols), last_row
    )
    weights = _validate(shown, ids, crit_cells, weight_cells, cells)
    return weights, _fact_cells(crit_cells, site_cells, cells)


def _sites_by_labels(sheet: _Sheet, below: int) -> list[tuple[int, int]]:
    """The site-id cells of the sites table when the names are gone: column F below its
    "Site id" header (the first one under the weights), down to the first blank cell."""
    last = below + LABEL_SCAN_ROWS + MAX_SITES
    column = sheet.cells(lambda r, c: c == COL_ID and r > below, last)
    rows = sorted(r for (r, _), cell in column.items() if interpret(cell)[0] == "text")
    head = next((r for r in rows if str(column[(r, COL_ID)].value).strip() in _SITE_ID_LABELS), None)
    out: list[tuple[int, int]] = []
    if head is None:
        return out
    r = head + 1
    while (r, COL_ID) in column and interpret(column[(r, COL_ID)])[0] == "text":
        out.append((r, COL_ID))
        r += 1
    return out


def _fact_cells(
    crit_cells: list[tuple[int, int]],
    site_cells: list[tuple[int, int]],
    cells: dict[tuple[int, int], RawCell],
) -> list[WhatIfValue]:
    crit_of = {}
    for rc in crit_cells:
        kind, value = interpret(cells.get(rc))
        if kind == "text":
            crit_of[rc[1]] = str(value).strip()
    out = []
    for rc in site_cells:
        kind, value = interpret(cells.get(rc))
        if kind != "text":
            continue
        for col, cid in crit_of.items():
            raw = cells.get((rc[0], col))
            vkind, v = interpret(raw)
            if vkind == "formula-no-value":
                vkind, v = "blank", None
            out.append(
                WhatIfValue(
                    cell=f"{WHATIF_SHEET}!{get_column_letter(col)}{rc[0]}",
                    site=str(value).strip(),
                    criterion=cid,
                    kind=vkind,
                    value=v,
                    formula=raw.formula if raw is not None else None,
                )
            )
    return out


def whatif_fact_edits(
    path: str | Path, values: list[WhatIfValue], dm: Any, study: Any
) -> list[Issue]:
    """The fact cells of the What-if sheet that differ from the study's decision matrix ``dm``
    (values in the criterion's unit), one issue each: a value typed over a fact, a fact cleared
    or replaced by text or a formula, a number typed over a missing value's policy formula.
    A missing value's formula is not an edit (its result follows the other cells), nor is a
    site or criterion the study no longer ranks."""
    shown = display_path(Path(path))
    issues = []
    crit = {c.id: c for c in dm.criteria}
    for v in values:
        if v.criterion not in crit or (v.site, v.criterion) not in dm.cells:
            continue
        cell = dm.cell(v.site, v.criterion)
        c = crit[v.criterion]
        unit = f" {c.unit}" if c.unit else ""
        if cell.missing and v.formula is not None:
            continue  # the missing-value policy, as written
        if v.kind == "number" and v.formula is None and math.isclose(
            float(v.value), cell.value, rel_tol=1e-9, abs_tol=1e-12
        ):
            continue
        if v.kind == "number":
            here = f"{float(v.value):,.12g}{unit}" + (f" (={v.formula})" if v.formula else "")
        elif v.formula is not None:
            here = f"the formula ={v.formula}"
        elif v.kind == "blank":
            here = "nothing (blank)"
        else:
            here = show_value(v.value)
        site_path = study.site(v.site).path
        if cell.unknown:
            span = f"{cell.low:,.12g}..{cell.high:,.12g}{unit}"
            what = f"unknown (missing: interval, anywhere in {span}), but the cell holds {here}"
            fix = f"add the fact to {site_path}"
        elif cell.missing:
            what = f"missing (filled by missing: {c.missing}), but the cell holds {here}"
            fix = f"add the fact to {site_path}"
        else:
            what = f"{cell.value:,.12g}{unit} in the study, but the cell holds {here}"
            fix = f"change it in {site_path}"
        issues.append(
            Issue(
                shown,
                v.cell,
                f"{c.fact} of {v.site} (criterion {c.id}) is {what}; --weights-from reads the "
                f"weights only, not edited facts: {fix}, or undo the edit",
            )
        )
    return issues


def _validate(
    shown: str,
    ids: list[str],
    crit_cells: list[tuple[int, int]],
    weight_cells: list[tuple[int, int]],
    cells: dict[tuple[int, int], RawCell],
) -> dict[str, float]:
    issues: list[Issue] = []
    out: dict[str, float] = {}
    seen: dict[str, str] = {}

    def where(rc: tuple[int, int]) -> str:
        return f"{WHATIF_SHEET}!{get_column_letter(rc[1])}{rc[0]}"

    for crc, wrc in zip(crit_cells, weight_cells, strict=True):
        kind, value = interpret(cells.get(crc))
        if kind == "blank":
            wkind, _ = interpret(cells.get(wrc))
            if wkind != "blank":
                issues.append(Issue(shown, where(crc), "no criterion id above this weight"))
            continue
        cid = str(value).strip() if kind in ("text", "number") else None
        if cid is None:
            issues.append(Issue(shown, where(crc), f"expected a criterion id, got {show_value(value)}"))
            continue
        if cid not in ids:
            issues.append(Issue(shown, where(crc), f"unknown criterion {cid!r} (criteria: {', '.join(ids)})"))
            continue
        if cid in seen:
            issues.append(Issue(shown, where(crc), f"criterion {cid!r} appears twice (also in {seen[cid]})"))
            continue
        seen[cid] = where(crc)
        w, problem = _as_weight(*interpret(cells.get(wrc)))
        if problem:
            issues.append(Issue(shown, where(wrc), f"weight of {cid!r} {problem}"))
        elif w is not None:
            out[cid] = w
    for cid in ids:
        if cid not in seen:
            have = ", ".join(seen) or "none"
            issues.append(
                Issue(
                    shown,
                    WHATIF_SHEET,
                    f"no weight for criterion {cid!r} (the sheet has weights for: {have})",
                )
            )
    if not issues and out and all(v == 0 for v in out.values()):
        first, last = where(weight_cells[0]), where(weight_cells[-1]).split("!")[1]
        issues.append(Issue(shown, f"{first}:{last}", "all weights are zero; at least one must be positive"))
    if issues:
        raise ValidationError(issues)
    return out
