"""Writing cells: values (text always as text), formulas the report built, merged ranges,
titles, sections, key/value lines, tables, notes and comments, column widths.

Conventions: row 1 holds the sheet title and row 2 a one-line description (the Summary's "how
to read this workbook" list quotes it); tables start with one header row; text is always
written as text (:func:`put`), never as a formula; only :func:`put_formula` writes formulas.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict, TypeVar, Unpack, cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .colours import Styles
from .metrics import text_width

_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
MAX_CELL_TEXT = 32_767
_FORMULA_LEADS = ("=", "+", "-", "@")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class TableRange:
    """Where a table landed: header row, first and last data rows, first and last columns."""

    header_row: int
    first_row: int
    last_row: int
    first_col: int
    last_col: int

    def col_ref(self, col: int, absolute: bool = False) -> str:
        """The data cells of sheet column ``col`` (``$C$5:$C$9`` when ``absolute``)."""
        c = get_column_letter(col)
        d = "$" if absolute else ""
        return f"{d}{c}{d}{self.first_row}:{d}{c}{d}{self.last_row}"

    @property
    def ref(self) -> str:
        """The whole table, header included (``A4:F9``)."""
        return (
            f"{get_column_letter(self.first_col)}{self.header_row}:"
            f"{get_column_letter(self.last_col)}{self.last_row}"
        )

    @property
    def empty(self) -> bool:
        """Whether the table has no data rows."""
        return self.last_row < self.first_row


def clean_text(value: Any, limit: int = MAX_CELL_TEXT) -> str:
    """Text a cell can hold: no control characters, at most ``limit`` characters."""
    text = _ILLEGAL.sub("", str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text



def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web or mail link (http, https, mailto), else None."""
    if not url:
        return None
    u = url.strip()
    if not u.lower().startswith(_SAFE_SCHEMES) or any(ch.isspace() for ch in u):
        return None
    if _ILLEGAL.search(u) or len(u) > 2000:
        return None
    return u


class _StyleArray(Protocol):
    """What the layout uses of an openpyxl cell beyond its stub: ``_style``, the array of
    style indexes every styleable object (a cell, a merged cell) carries at run time."""

    _style: StyleArray


def _style_array(cell: Cell | MergedCell) -> _StyleArray:
    """The cell seen through :class:`_StyleArray` (types-openpyxl leaves ``_style`` out)."""
    return cast(_StyleArray, cell)


def _cell(ws: Worksheet, row: int, col: int) -> Cell:
    """The cell to write at (``row``, ``col``): never a merged cell's covered part (the writers
    write a merged range's top-left cell only; openpyxl refuses a value anywhere else)."""
    return cast(Cell, ws.cell(row=row, column=col))


def _styled(
    cell: Cell | MergedCell,
    font: Font | None,
    fill: PatternFill | None,
    fmt: str | None,
    align: Alignment | None,
    border: Border | None,
) -> None:
    """Apply a style combination; repeated combinations reuse the first cell's style record.

    openpyxl hashes every style object on every assignment, which dominates the time of a
    1,000-site workbook; a cell's style is an array of indexes (``_style``), so a combination
    seen before is copied instead. The cache lives on the workbook and keeps the style objects
    alive, so their ids stay unique while it is used.
    """
    if font is None and fill is None and fmt is None and align is None and border is None:
        return
    wb = cell.parent.parent
    cache = wb.__dict__.setdefault("_sc_style_cache", {})
    styled = _style_array(cell)
    base = None if styled._style is None else tuple(styled._style)  # what the cell had before
    key = (id(font), id(fill), fmt, id(align), id(border), base)
    hit = cache.get(key)
    if hit is not None:
        styled._style = copy(hit[0])
        return
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if fmt is not None:
        cell.number_format = fmt
    if align is not None:
        cell.alignment = align
    if border is not None:
        cell.border = border
    cache[key] = (copy(styled._style), font, fill, align, border)


_LEFT_WRAP = Alignment(wrap_text=True, vertical="top", horizontal="left")
_K = TypeVar("_K", int, str, int | str)  # a column: its number or its letter
_C = TypeVar("_C", Cell, MergedCell, Cell | MergedCell)


class CellStyle(TypedDict, total=False):
    """The style keywords of :func:`style_cell` and :func:`put_formula` (each optional)."""

    font: Font | None
    fill: PatternFill | None
    fmt: str | None
    align: Alignment | None
    border: Border | None


def style_cell(cell: _C, **style: Unpack[CellStyle]) -> _C:
    """Change a written cell's style (fast for repeated combinations, see :func:`put`)."""
    s = style
    _styled(cell, s.get("font"), s.get("fill"), s.get("fmt"), s.get("align"), s.get("border"))
    return cell


def center_cells(ws: Worksheet, st: Styles, rows: range, cols: range) -> None:
    """Centre the cells of ``rows`` x ``cols`` horizontally (top-aligned)."""
    for r in rows:
        for c in cols:
            style_cell(ws.cell(row=r, column=c), align=st.center)


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value: Any,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    fmt: str | None = None,
    align: Alignment | None = None,
    border: Border | None = None,
) -> Cell:
    """Write one value. Text is always stored as text, never as a formula: a site called
    ``=HYPERLINK(...)`` or a title starting with ``+``, ``-`` or ``@`` shows as typed, and the
    cell carries Excel's quote prefix so editing it in a spreadsheet keeps it text."""
    cell = _cell(ws, row, col)
    quote = False
    if isinstance(value, str):
        text = clean_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl makes any str starting with '=' a formula
        quote = text.startswith(_FORMULA_LEADS)
    elif isinstance(value, float) and not math.isfinite(value):
        cell.value = "n/a"
        cell.data_type = "s"
    elif hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        cell.value = value.item()
    else:
        cell.value = value
    _styled(cell, font, fill, fmt, align, border)
    if quote:
        cell.quotePrefix = True
    return cell


def put_formula(ws: Worksheet, row: int, col: int, formula: str, **style: Unpack[CellStyle]) -> Cell:
    """Write a formula the report built itself (never text that came from an input)."""
    if not formula.startswith("="):
        raise ValueError(f"not a formula: {formula!r}")
    cell = _cell(ws, row, col)
    cell.value = formula
    return style_cell(cell, **style)


def merge(ws: Worksheet, r1: int, c1: int, r2: int, c2: int) -> None:
    """Merge a range in linear time (openpyxl's ``merge_cells`` checks every existing merge,
    which is quadratic over a long table). Callers never merge overlapping ranges. The covered
    cells take the top-left cell's style, so borders and fills run across the merged area."""
    from openpyxl.worksheet.merge import MergedCellRange

    if (r1, c1) == (r2, c2):
        return
    ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
    ws.merged_cells.ranges.add(MergedCellRange(ws, ref))
    style = _style_array(ws.cell(row=r1, column=c1))._style
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            if (r, c) != (r1, c1):
                mc = MergedCell(ws, r, c)
                _style_array(mc)._style = copy(style)
                ws._cells[(r, c)] = mc


def write_title(ws: Worksheet, st: Styles, title: str, subtitle: str | None = None) -> int:
    """Title in A1, a one-line description in A2; returns the first free row (4)."""
    put(ws, 1, 1, title, font=st.title)
    ws.row_dimensions[1].height = 26
    if subtitle:
        put(ws, 2, 1, subtitle, font=st.subtitle)
    return 4


def new_sheet(
    wb: Workbook, st: Styles, name: str, title: str, subtitle: str | None = None
) -> tuple[Worksheet, int]:
    """Add the sheet ``name`` to ``wb`` with its title and description (:func:`write_title`);
    returns the sheet and its first free row."""
    ws = wb.create_sheet(name)
    return ws, write_title(ws, st, title, subtitle)


def write_section(ws: Worksheet, st: Styles, row: int, text: str, span: int = 1) -> int:
    """A section heading; returns the next row."""
    put(ws, row, 1, text, font=st.section)
    ws.row_dimensions[row].height = 20
    for c in range(1, span + 1):
        ws.cell(row=row, column=c).border = st.underline
    return row + 1


def write_kv(
    ws: Worksheet,
    st: Styles,
    row: int,
    pairs: Sequence[tuple[str, Any]],
    *,
    col: int = 1,
    span: int = 6,
) -> int:
    """Key/value lines: the key in column ``col`` (bold), the value beside it (merged over
    ``span`` columns and wrapped; :func:`finish_sheet` makes the row tall enough); a value
    ``("__link__", url)`` is a link. Returns the next free row."""
    for key, value in pairs:
        put(ws, row, col, key, font=st.bold, fill=st.subheader_fill, align=st.wrap)
        if isinstance(value, tuple) and len(value) == 2 and value[0] == "__link__":
            cell = put(ws, row, col + 1, value[1], font=st.link, align=st.wrap)
            cell.hyperlink = value[1]
        else:
            put(ws, row, col + 1, value, font=st.font, align=_LEFT_WRAP)
        if span > 1:
            merge(ws, row, col + 1, row, col + span)
        row += 1
    return row


class TableOptions(TypedDict, total=False):
    """The options :func:`write_wide_table` shares with :func:`write_table`."""

    col: int  # the table's first column (default 1)
    formats: Sequence[str | None] | None  # number format of each column
    wrap: Sequence[bool] | None  # which columns wrap long text
    header_height: float | None  # the header row's height in points


def write_table(
    ws: Worksheet,
    st: Styles,
    row: int,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    col: int = 1,
    formats: Sequence[str | None] | None = None,
    band: bool = True,
    header_height: float | None = None,
    wrap: Sequence[bool] | None = None,
) -> TableRange:
    """A header row (navy, white bold, wrapped) and the data rows under it.

    ``formats[j]`` is the number format of column j; ``wrap[j]`` wraps long text in it.
    Returns where the table landed (for conditional formats, charts and defined names)."""
    columns = [(h, 1) for h in headers]
    return _write_grid(ws, st, row, columns, rows, col, formats, wrap, band, header_height)


def write_wide_table(
    ws: Worksheet,
    st: Styles,
    row: int,
    columns: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[Any]],
    **options: Unpack[TableOptions],
) -> TableRange:
    """Like :func:`write_table`, but column j spans ``columns[j][1]`` sheet columns (merged):
    a long-text table under a grid whose columns are narrow."""
    o = options
    col, formats, wrap, height = o.get("col", 1), o.get("formats"), o.get("wrap"), o.get("header_height")
    return _write_grid(ws, st, row, columns, rows, col, formats, wrap, True, height)


@dataclass(frozen=True)
class Column:
    """One column of a table: its header, number format, whether long text wraps, and how
    many sheet columns it spans (merged)."""

    header: str
    fmt: str | None = None
    wrap: bool = False
    span: int = 1


def write_columns(
    ws: Worksheet,
    st: Styles,
    row: int,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    *,
    header_height: float | None = None,
) -> TableRange:
    """:func:`write_table` (or :func:`write_wide_table`, where a column spans several) with
    each column's header, format and wrapping given together."""
    spans = [(c.header, c.span) for c in columns]
    formats, wrap = [c.fmt for c in columns], [c.wrap for c in columns]
    return _write_grid(ws, st, row, spans, rows, 1, formats, wrap, True, header_height)


def _write_grid(
    ws: Worksheet,
    st: Styles,
    row: int,
    columns: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[Any]],
    col: int,
    formats: Sequence[str | None] | None,
    wrap: Sequence[bool] | None,
    band: bool,
    header_height: float | None,
) -> TableRange:
    """The table of :func:`write_table` and :func:`write_wide_table`: column j (header
    ``columns[j][0]``) spans ``columns[j][1]`` sheet columns, merged where it spans several."""
    starts = []
    c = col
    for header, span in columns:
        starts.append(c)
        put(ws, row, c, header, font=st.header, fill=st.header_fill, align=st.wrap_center, border=st.box)
        merge(ws, row, c, row, c + span - 1)
        c += span
    if header_height:
        ws.row_dimensions[row].height = header_height
    for i, values in enumerate(rows):
        r = row + 1 + i
        fill = st.band_fill if band and i % 2 == 1 else None
        for j, v in enumerate(values):
            start, span = (starts[j], columns[j][1]) if j < len(starts) else (col + j, 1)
            fmt = formats[j] if formats and j < len(formats) and v is not None else None
            align = st.wrap if wrap and j < len(wrap) and wrap[j] else st.top
            put(ws, r, start, v, font=st.font, fill=fill, fmt=fmt, align=align, border=st.box)
            merge(ws, r, start, r, start + span - 1)
    return TableRange(row, row + 1, row + len(rows), col, c - 1)


def row_formats(ws: Worksheet, first_row: int, formats: Sequence[str], cols: Iterable[int]) -> None:
    """Give data row ``first_row + q`` the number format ``formats[q]`` in each of ``cols``
    (a table whose rows are in different units)."""
    cols = tuple(cols)
    for q, fmt in enumerate(formats):
        for c in cols:
            style_cell(ws.cell(row=first_row + q, column=c), fmt=fmt)


def add_note(
    ws: Worksheet,
    st: Styles,
    row: int,
    text: str,
    *,
    col: int = 1,
    span: int = 8,
    font: Font | None = None,
) -> int:
    """A wrapped note merged over ``span`` columns (:func:`finish_sheet` makes the row as tall
    as the text needs). Returns the next free row."""
    put(ws, row, col, text, font=font or st.note, align=Alignment(wrap_text=True, vertical="top"))
    merge(ws, row, col, row, col + span - 1)
    return row + 1


def add_notes(
    ws: Worksheet,
    st: Styles,
    row: int,
    texts: Iterable[str],
    *,
    col: int = 1,
    span: int = 8,
    font: Font | None = None,
) -> int:
    """One :func:`add_note` per text, one under the other; returns the next free row."""
    for text in texts:
        row = add_note(ws, st, row, text, col=col, span=span, font=font)
    return row


def add_comment(cell: Cell, text: str, author: str = "sitecompare") -> None:
    """A cell comment sized to its text (hover to read)."""
    text = clean_text(text, 4000)
    lines = sum(max(1, math.ceil(text_width(p) / 48)) for p in text.split("\n"))
    c = Comment(text, author)
    c.width = 320
    c.height = min(400, 18 + 14 * lines)
    cell.comment = c


def set_widths(ws: Worksheet, widths: Mapping[_K, float]) -> None:
    """Set column widths, keyed by column number or letter."""
    for key, w in widths.items():
        letter = get_column_letter(key) if isinstance(key, int) else key
        ws.column_dimensions[letter].width = w


def autofit(
    ws: Worksheet,
    cols: Iterable[int],
    *,
    first_row: int = 1,
    last_row: int | None = None,
    minimum: float = 8.0,
    maximum: float = 50.0,
    padding: float = 2.0,
) -> None:
    """Set each column's width from its longest value (rows ``first_row``..``last_row``;
    merged cells and the title rows are skipped)."""
    merged = set()
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                merged.add((r, c))
    last = last_row or ws.max_row
    for c in cols:
        best = minimum
        for r in range(first_row, last + 1):
            if (r, c) in merged:
                continue
            v = ws.cell(row=r, column=c).value
            if v is None:
                continue
            if isinstance(v, str) and v.startswith("=") and ws.cell(row=r, column=c).data_type == "f":
                continue
            text = v if isinstance(v, str) else _shown(v)
            longest = max((text_width(p) for p in text.split("\n")), default=0)
            best = max(best, min(maximum, longest * 1.1 + padding))
        ws.column_dimensions[get_column_letter(c)].width = best


def _shown(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:,.2f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)
