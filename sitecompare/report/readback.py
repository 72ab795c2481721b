"""Read the weights a user edited on a workbook's What-if sheet (``--weights-from FILE.xlsx``).

The file is untrusted input, opened defensively:

* its size is checked before it is opened (at most :data:`MAX_BYTES`), and the sum of its
  members' uncompressed sizes too (a zip bomb is small on disk);
* openpyxl reads the workbook structure (sheet names, defined names) in read-only mode; it
  parses XML through defusedxml (installed with sitecompare), so entity tricks are refused;
* the cells are read from the sheet's XML with defusedxml as stored: a formula is never
  evaluated, only the result a spreadsheet program saved with it is used;
* every weight is validated like any other input, and every problem names the sheet, the cell
  and the bad value (``FILE: What-if!G14: weight of 'talent' must be >= 0, got -5``).

The cells are found through the workbook-level names ``whatif_criteria`` and
``whatif_weights``; when a program dropped the names, through the row labels in column A
("Criterion id", "Weight (points) - edit", in English or Korean) of the ``What-if`` sheet.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import get_column_letter, range_boundaries

from ..errors import Issue, ValidationError, display_path, show_value
from .whatif import COL_NAME, FIRST_CRIT_COL, ROW_LABELS, WHATIF_SHEET

__all__ = ["MAX_BYTES", "MAX_UNCOMPRESSED", "read_whatif_weights"]

MAX_BYTES = 20 * 1024 * 1024  # a comparison workbook of 1,000 sites is ~2 MB
MAX_UNCOMPRESSED = 400 * 1024 * 1024
LABEL_SCAN_ROWS = 300
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


@dataclass(frozen=True)
class RawCell:
    """A cell as stored: its type attribute, saved value text and formula (if any)."""

    coord: str
    t: str  # n, s, inlineStr, str, b, e, d
    value: str | None
    formula: str | None


def _fail(file: str, field: str, message: str) -> ValidationError:
    return ValidationError([Issue(file, field, message)])


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read_cells(
    archive: Any, sheet_path: str, rows: set[int] | None, max_row: int, shared: Sequence[Any]
) -> dict[tuple[int, int], RawCell]:
    """(row, col) -> RawCell for the given rows (all rows up to ``max_row`` when None)."""
    from defusedxml.ElementTree import iterparse

    out: dict[tuple[int, int], RawCell] = {}
    row = 0
    col = 0
    with archive.open(sheet_path) as src:
        for event, el in iterparse(src, events=("start", "end")):
            name = _local(el.tag)
            if event == "start" and name == "row":
                r = el.get("r")
                row = int(r) if r and r.isdigit() else row + 1
                col = 0
                if row > max_row:
                    break
                continue
            if event != "end" or name != "c":
                if event == "end" and name == "row":
                    el.clear()
                continue
            ref = el.get("r")
            if ref:
                c1, r1, _, _ = range_boundaries(ref)
                col, row = int(c1 or 1), int(r1 or row)  # type: ignore[arg-type]
            else:
                col += 1
            if rows is not None and row not in rows:
                continue
            t = el.get("t", "n")
            value: str | None = None
            formula: str | None = None
            for child in el:
                cname = _local(child.tag)
                if cname == "v":
                    value = child.text
                elif cname == "f":
                    formula = child.text or ""
                elif cname == "is":
                    value = "".join(x.text or "" for x in child.iter() if _local(x.tag) == "t")
            if t == "s" and value is not None:
                try:
                    value = str(shared[int(value)])
                except (ValueError, IndexError):
                    value = None
                    t = "e"
            coord = f"{get_column_letter(col)}{row}"
            out[(row, col)] = RawCell(coord, t, value, formula)
    return out


def _why(exc: BaseException) -> str:
    """One line naming the root cause of a parser failure (openpyxl wraps defusedxml's)."""
    cause = exc
    while cause.__cause__ is not None or (cause.__context__ is not None and not cause.__suppress_context__):
        cause = cause.__cause__ or cause.__context__  # type: ignore[assignment]
    text = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    text = text if len(text) <= 120 else text[:117] + "..."
    return f"{type(cause).__name__}: {text}" if text else type(cause).__name__


def _read_cells_safely(
    archive: Any, sheet_path: str, rows: set[int] | None, max_row: int, shared: Sequence[Any], shown: str
) -> dict[tuple[int, int], RawCell]:
    try:
        return _read_cells(archive, sheet_path, rows, max_row, shared)
    except Exception as exc:  # noqa: BLE001 - defusedxml refusals, broken XML: bad input
        raise _fail(
            shown,
            WHATIF_SHEET,
            f"the sheet cannot be read ({type(exc).__name__}: {show_value(str(exc), 120)})",
        ) from exc


def _interpret(cell: RawCell | None) -> tuple[str, Any]:
    """('number', float) | ('blank', None) | ('text', str) | ('bool', bool) | ('error', str)
    | ('formula-no-value', formula) | ('date', str)."""
    if cell is None:
        return "blank", None
    if cell.formula is not None and cell.value in (None, ""):
        return "formula-no-value", cell.formula
    v = cell.value
    if cell.t == "b":
        return "bool", v == "1"
    if cell.t == "e":
        return "error", v or "#VALUE!"
    if cell.t == "d":
        return "date", v
    if cell.t in ("s", "inlineStr", "str"):
        if v is None or not v.strip():
            return "blank", None
        return "text", v
    if v is None or v == "":
        return "blank", None
    try:
        return "number", float(v)
    except ValueError:
        return "text", v


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


def _cells_of(ref: str) -> list[tuple[int, int]]:
    c1, r1, c2, r2 = range_boundaries(ref.replace("$", ""))
    if None in (c1, r1, c2, r2):
        raise ValueError(ref)
    return [
        (r, c)
        for r in range(int(r1), int(r2) + 1)  # type: ignore[arg-type]
        for c in range(int(c1), int(c2) + 1)
    ]  # type: ignore[arg-type]


def _named_range(wb: Any, name: str, shown: str) -> list[tuple[int, int]] | None:
    dn = wb.defined_names.get(name)
    if dn is None:
        return None
    try:
        dests = list(dn.destinations)
    except Exception:  # noqa: BLE001 - a malformed name is reported, not raised through
        dests = []
    if len(dests) != 1 or dests[0][0] != WHATIF_SHEET:
        raise _fail(
            shown,
            name,
            f"the defined name {name} does not point to cells of the "
            f"{WHATIF_SHEET} sheet ({show_value(dn.attr_text)})",
        )
    try:
        cells = _cells_of(dests[0][1])
    except (ValueError, TypeError):
        raise _fail(
            shown, name, f"the defined name {name} is not a cell range ({show_value(dn.attr_text)})"
        ) from None
    if len(cells) > 1000:
        raise _fail(
            shown, name, f"the defined name {name} covers {len(cells)} cells; expected one per criterion"
        )
    return cells


def _by_labels(
    archive: Any, sheet_path: str, shared: Sequence[Any], shown: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    cells = _read_cells_safely(archive, sheet_path, None, LABEL_SCAN_ROWS, shared, shown)
    found: dict[str, int] = {}
    for key, labels in ROW_LABELS.items():
        wanted = set(labels.values())
        for (r, c), cell in sorted(cells.items()):
            if c == COL_NAME and cell.value is not None and cell.value.strip() in wanted:
                found[key] = r
                break
    if "criteria" not in found or "weights" not in found:
        raise _fail(
            shown,
            WHATIF_SHEET,
            (
                "cannot find the weights: the workbook has no names whatif_criteria and "
                "whatif_weights, and no rows labelled "
                f"{ROW_LABELS['criteria']['en']!r} and {ROW_LABELS['weights']['en']!r} in column A"
            ),
        )
    rc, rw = found["criteria"], found["weights"]
    last = FIRST_CRIT_COL
    while (rc, last) in cells and _interpret(cells[(rc, last)])[0] == "text":
        last += 1
    cols = range(FIRST_CRIT_COL, last)
    return [(rc, c) for c in cols], [(rw, c) for c in cols]


def read_whatif_weights(path: str | Path, criteria_ids: Iterable[str]) -> dict[str, float]:
    """The raw weight points of the What-if sheet of ``path``, by criterion id.

    Every criterion of ``criteria_ids`` must have a weight there and every criterion there must
    be one of them; raises :class:`~sitecompare.errors.ValidationError` listing every problem.
    """

    ids = list(criteria_ids)
    p = Path(path)
    shown = display_path(p)
    if not p.exists():
        raise _fail(shown, "", "no such file")
    if p.is_dir():
        raise _fail(shown, "", "is a folder, not a workbook")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise _fail(
            shown,
            "",
            f"is {size / 1e6:.1f} MB; a workbook to read weights from may be "
            f"at most {MAX_BYTES // (1024 * 1024)} MB",
        )
    if not zipfile.is_zipfile(p):
        raise _fail(
            shown,
            "",
            "is not an .xlsx workbook (an .xlsx file is a zip archive; an old "
            ".xls, a password-protected workbook or a CSV file is not)",
        )
    try:
        with zipfile.ZipFile(p) as z:
            names = set(z.namelist())
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise _fail(shown, "", f"is not a readable .xlsx workbook ({exc})") from exc
    if "xl/workbook.xml" not in names:
        raise _fail(shown, "", "is not an .xlsx workbook (it has no xl/workbook.xml)")
    if unpacked > MAX_UNCOMPRESSED:
        raise _fail(
            shown,
            "",
            f"unpacks to {unpacked / 1e6:.0f} MB; a workbook to read weights "
            "from may unpack to at most "
            f"{MAX_UNCOMPRESSED // (1024 * 1024)} MB",
        )
    with p.open("rb") as fh:  # ours to close, also when openpyxl gives up half-way
        return _read(fh, shown, ids)


def _read(fh: Any, shown: str, ids: list[str]) -> dict[str, float]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - any parser failure is bad input, said plainly
        raise _fail(shown, "", f"cannot be read as an .xlsx workbook ({_why(exc)})") from exc
    try:
        if WHATIF_SHEET not in wb.sheetnames:
            raise _fail(
                shown, WHATIF_SHEET, f"no sheet named {WHATIF_SHEET!r} (sheets: {', '.join(wb.sheetnames)})"
            )
        ws = wb[WHATIF_SHEET]
        archive = getattr(wb, "_archive", None)
        sheet_path = getattr(ws, "_worksheet_path", None)
        shared = getattr(ws, "_shared_strings", [])
        if archive is None or sheet_path is None:  # pragma: no cover - openpyxl internals moved
            raise _fail(shown, WHATIF_SHEET, "cannot read the sheet's cells")
        crit_cells = _named_range(wb, "whatif_criteria", shown)
        weight_cells = _named_range(wb, "whatif_weights", shown)
        if crit_cells is None or weight_cells is None:
            crit_cells, weight_cells = _by_labels(archive, sheet_path, shared, shown)
        if len(crit_cells) != len(weight_cells):
            raise _fail(
                shown,
                "whatif_weights",
                (
                    f"the names whatif_criteria ({len(crit_cells)} cells) and whatif_weights "
                    f"({len(weight_cells)} cells) differ in size"
                ),
            )
        wanted = {rc[0] for rc in crit_cells} | {rc[0] for rc in weight_cells}
        cells = _read_cells_safely(archive, sheet_path, wanted, max(wanted, default=0), shared, shown)
    finally:
        wb.close()
    return _validate(shown, ids, crit_cells, weight_cells, cells)


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
        kind, value = _interpret(cells.get(crc))
        if kind == "blank":
            wkind, _ = _interpret(cells.get(wrc))
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
        w, problem = _as_weight(*_interpret(cells.get(wrc)))
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
