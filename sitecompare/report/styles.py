"""One palette, one font and the helpers every sheet of the workbook uses.

Another module that adds sheets (the sensitivity sheets, say) writes them with these helpers so
the workbook reads as one document::

    from sitecompare.report.styles import (
        Styles, write_title, write_section, write_table, add_note, finish_sheet, data_bar,
    )

    def write_oat_sheet(wb, st, lang):                 # an ``extra_sheets`` callable
        ws = wb.create_sheet(lang.t("My sheet") if ... else "OAT")
        row = write_title(ws, st, "One-at-a-time weight sweeps",
                          "What this sheet shows, in one line (the Summary lists it)")
        row = write_section(ws, st, row, "Stability intervals")
        table = write_table(ws, st, row, ["Criterion", "Weight", "From", "To"], rows,
                            formats=[None, FMT_SHARE, FMT_SHARE, FMT_SHARE])
        add_note(ws, st, table.last_row + 2, "How to read it: ...", span=6)
        finish_sheet(ws, st, freeze=f"B{table.header_row + 1}", title_rows=table.header_row)

Conventions: row 1 holds the sheet title and row 2 a one-line description (the Summary's "how
to read this workbook" list quotes it); tables start with one header row; text is always
written as text (:func:`put`), never as a formula; only :func:`put_formula` writes formulas.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, LineChart
from openpyxl.comments import Comment
from openpyxl.formatting.rule import ColorScaleRule, DataBarRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "NAVY",
    "BLUE",
    "GREY",
    "INK",
    "SERIES_COLOURS",
    "FLAG_FILLS",
    "FMT_INT",
    "FMT_SCORE",
    "FMT_NATIVE",
    "FMT_SHARE",
    "FMT_DATE",
    "date_format",
    "FMT_RANK_CHANGE",
    "Styles",
    "TableRange",
    "clean_text",
    "text_width",
    "unit_display",
    "number_format",
    "put",
    "put_formula",
    "style_cell",
    "merge",
    "write_title",
    "write_section",
    "write_kv",
    "write_table",
    "write_wide_table",
    "add_note",
    "add_comment",
    "set_widths",
    "autofit",
    "finish_sheet",
    "fit_rows",
    "keep_together",
    "wrapped_lines",
    "char_units",
    "data_bar",
    "color_scale",
    "highlight_if",
    "style_chart",
    "safe_url",
]

# --------------------------------------------------------------------------------- palette
NAVY = "1F3864"  # titles, table headers
BLUE = "2F5597"  # section headings, links
LIGHT_BLUE = "D9E1F2"  # sub-headers, key column of key/value blocks
BAND = "F3F5F9"  # zebra band
GRID = "BFC7D5"  # thin borders
INK = "222222"  # body text
GREY = "6B6B6B"  # notes, subtitles
BAR = "5B9BD5"  # data bars
SCALE_HIGH = "8EB4E3"  # colour scale top (best)
INPUT_FILL = "FFF2CC"  # cells a reader may edit (What-if)
INPUT_FONT = "1F4E9A"  # blue ink for inputs (the modelling convention: blue = input)
CHANGE_FILL = "FCE4D6"  # a rank that differs from the rank in force

# data-quality flags: one fill each, the same on every sheet (legend on the Decision matrix)
FLAG_FILLS = {
    "missing": "F4CCCC",  # imputed by the criterion's missing policy
    "plan": "E4DFEC",  # a plan, not built or measured yet
    "estimate": "E2EFDA",  # an estimate
    "claim": "FCD5B4",  # asserted by an interested party, not measured
    "range": "DDEBF7",  # sources disagree: a low/high range, point value used
}
STALE_FONT = "9C5700"  # older than the criteria set's stale age (italic, brown)

# one colour per criterion, the same in every chart (Tableau 10 + 2)
SERIES_COLOURS = (
    "4E79A7",
    "F28E2B",
    "E15759",
    "76B7B2",
    "59A14F",
    "EDC948",
    "B07AA1",
    "FF9DA7",
    "9C755F",
    "BAB0AC",
    "86BCB6",
    "D37295",
)

# ---------------------------------------------------------------------------- number formats
FMT_INT = "#,##0"
FMT_SCORE = "0.0"  # 0-100 scores and points
FMT_NATIVE = "0.0000"  # native method scores
FMT_SHARE = "0.0%"  # weights as shares
FMT_DATE = "yyyy-mm-dd"
DATE_FORMATS = {"year": "yyyy", "month": "yyyy-mm", "day": FMT_DATE}


def date_format(precision: str) -> str:
    """The number format of a date cell written with this precision (``model.DATE_PRECISIONS``):
    a year-only source date shows as 2021, not 2021-01-01."""
    return DATE_FORMATS.get(precision, FMT_DATE)
FMT_RANK_CHANGE = '"▲"0;"▼"0;"–"'  # rank change: up / down / unchanged

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
        c = get_column_letter(col)
        d = "$" if absolute else ""
        return f"{d}{c}{d}{self.first_row}:{d}{c}{d}{self.last_row}"

    @property
    def ref(self) -> str:
        return (
            f"{get_column_letter(self.first_col)}{self.header_row}:"
            f"{get_column_letter(self.last_col)}{self.last_row}"
        )

    @property
    def empty(self) -> bool:
        return self.last_row < self.first_row


class Styles:
    """Fonts, fills and borders of the workbook, built once for its font.

    English workbooks use Arial (metric-compatible Liberation Sans on Linux); Korean ones
    Malgun Gothic (맑은 고딕, the Windows/Office Korean UI font; LibreOffice falls back to a
    Hangul font such as Noto Sans CJK KR where it is not installed).
    """

    def __init__(self, font_name: str = "Arial", size: float = 10) -> None:
        self.font_name = font_name
        self.size = size
        n = font_name
        self.font = Font(name=n, size=size, color=INK)
        self.bold = Font(name=n, size=size, color=INK, bold=True)
        self.italic = Font(name=n, size=size, color=INK, italic=True)
        self.title = Font(name=n, size=16, color=NAVY, bold=True)
        self.subtitle = Font(name=n, size=size, color=GREY, italic=True)
        self.section = Font(name=n, size=12, color=BLUE, bold=True)
        self.header = Font(name=n, size=size, color="FFFFFF", bold=True)
        self.subheader = Font(name=n, size=size - 1, color=NAVY)
        self.note = Font(name=n, size=size - 1, color=GREY, italic=True)
        self.small = Font(name=n, size=size - 1, color=GREY)
        self.link = Font(name=n, size=size, color=BLUE, underline="single")
        self.input = Font(name=n, size=size, color=INPUT_FONT, bold=True)
        self.stale = Font(name=n, size=size, color=STALE_FONT, italic=True)
        self.big = Font(name=n, size=12, color=NAVY, bold=True)
        self.header_fill = PatternFill("solid", fgColor=NAVY)
        self.subheader_fill = PatternFill("solid", fgColor=LIGHT_BLUE)
        self.band_fill = PatternFill("solid", fgColor=BAND)
        self.input_fill = PatternFill("solid", fgColor=INPUT_FILL)
        self.change_fill = PatternFill("solid", fgColor=CHANGE_FILL)
        self.flag_fill = {k: PatternFill("solid", fgColor=v) for k, v in FLAG_FILLS.items()}
        thin = Side(style="thin", color=GRID)
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.underline = Border(bottom=Side(style="medium", color=NAVY))
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.wrap_center = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.top = Alignment(vertical="top")
        self.right = Alignment(horizontal="right", vertical="top")
        self.center = Alignment(horizontal="center", vertical="top")

    @classmethod
    def for_lang(cls, lang: str) -> Styles:
        return cls("Malgun Gothic" if lang == "ko" else "Arial")


# ---------------------------------------------------------------------------------- text
def clean_text(value: Any, limit: int = MAX_CELL_TEXT) -> str:
    """Text a cell can hold: no control characters, at most ``limit`` characters."""
    text = _ILLEGAL.sub("", str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


@functools.lru_cache(maxsize=65536)  # the same names and labels are measured many times
def text_width(text: str) -> float:
    """Display width in 'characters': East Asian wide characters count double."""
    w = 0.0
    for ch in text:
        w += 2.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.0
    return w


def unit_display(unit: str) -> str:
    """``m^2`` -> ``m²``; other units as written."""
    return unit.replace("^2", "²").replace("^3", "³")


def number_format(values: Iterable[float], unit: str | None = None, max_decimals: int = 3) -> str:
    """A number format showing ``values`` without noise: thousands separators, the fewest
    decimals that show every value exactly (at most ``max_decimals``), and ``unit`` as a
    suffix when given (``#,##0.0" MW"``)."""
    decimals = 0
    for v in values:
        if v is None or not math.isfinite(v):
            continue
        for d in range(0, max_decimals + 1):
            if abs(round(v, d) - v) <= 1e-9 * max(1.0, abs(v)):
                decimals = max(decimals, d)
                break
        else:
            decimals = max_decimals
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    if unit:
        u = unit_display(unit).replace('"', "")
        fmt = f'{fmt}" {u}"'
    return fmt


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


# ------------------------------------------------------------------------------- writing
def _styled(cell: Cell, font: Any, fill: Any, fmt: str | None, align: Any, border: Any) -> None:
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
    base = None if cell._style is None else tuple(cell._style)  # what the cell had before
    key = (id(font), id(fill), fmt, id(align), id(border), base)
    hit = cache.get(key)
    if hit is not None:
        cell._style = copy(hit[0])
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
    cache[key] = (copy(cell._style), font, fill, align, border)


def style_cell(
    cell: Cell,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    fmt: str | None = None,
    align: Alignment | None = None,
    border: Border | None = None,
) -> Cell:
    """Change a written cell's style (fast for repeated combinations, see :func:`put`)."""
    _styled(cell, font, fill, fmt, align, border)
    return cell


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
    cell = ws.cell(row=row, column=col)
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


def put_formula(
    ws: Worksheet,
    row: int,
    col: int,
    formula: str,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    fmt: str | None = None,
    align: Alignment | None = None,
    border: Border | None = None,
) -> Cell:
    """Write a formula the report built itself (never text that came from an input)."""
    if not formula.startswith("="):
        raise ValueError(f"not a formula: {formula!r}")
    cell = ws.cell(row=row, column=col)
    cell.value = formula
    _styled(cell, font, fill, fmt, align, border)
    return cell


def merge(ws: Worksheet, r1: int, c1: int, r2: int, c2: int) -> None:
    """Merge a range in linear time (openpyxl's ``merge_cells`` checks every existing merge,
    which is quadratic over a long table). Callers never merge overlapping ranges. The covered
    cells take the top-left cell's style, so borders and fills run across the merged area."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.merge import MergedCellRange

    if (r1, c1) == (r2, c2):
        return
    ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
    ws.merged_cells.ranges.add(MergedCellRange(ws, ref))
    style = ws.cell(row=r1, column=c1)._style
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            if (r, c) != (r1, c1):
                mc = MergedCell(ws, r, c)
                mc._style = copy(style)
                ws._cells[(r, c)] = mc


def write_title(ws: Worksheet, st: Styles, title: str, subtitle: str | None = None) -> int:
    """Title in A1, a one-line description in A2; returns the first free row (4)."""
    put(ws, 1, 1, title, font=st.title)
    ws.row_dimensions[1].height = 26
    if subtitle:
        put(ws, 2, 1, subtitle, font=st.subtitle)
    return 4


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
    span: int = 6,
) -> int:
    """Key/value lines: key in column A (bold), value in B (merged over ``span`` columns and
    wrapped; :func:`finish_sheet` makes the row tall enough). Returns the next free row."""
    for key, value in pairs:
        put(ws, row, 1, key, font=st.bold, fill=st.subheader_fill, align=st.wrap)
        if isinstance(value, tuple) and len(value) == 2 and value[0] == "__link__":
            cell = put(ws, row, 2, value[1], font=st.link, align=st.wrap)
            cell.hyperlink = value[1]
        else:
            put(
                ws,
                row,
                2,
                value,
                font=st.font,
                align=Alignment(wrap_text=True, vertical="top", horizontal="left"),
            )
        if span > 1:
            merge(ws, row, 2, row, span + 1)
        row += 1
    return row


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
    for j, h in enumerate(headers):
        put(ws, row, col + j, h, font=st.header, fill=st.header_fill, align=st.wrap_center, border=st.box)
    if header_height:
        ws.row_dimensions[row].height = header_height
    r = row
    for i, values in enumerate(rows):
        r = row + 1 + i
        fill = st.band_fill if band and i % 2 == 1 else None
        for j, v in enumerate(values):
            fmt = formats[j] if formats and j < len(formats) else None
            align = st.wrap if wrap and j < len(wrap) and wrap[j] else st.top
            put(
                ws,
                r,
                col + j,
                v,
                font=st.font,
                fill=fill,
                fmt=fmt if v is not None else None,
                align=align,
                border=st.box,
            )
    return TableRange(row, row + 1, row + len(rows), col, col + len(headers) - 1)


def write_wide_table(
    ws: Worksheet,
    st: Styles,
    row: int,
    columns: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[Any]],
    *,
    col: int = 1,
    formats: Sequence[str | None] | None = None,
    wrap: Sequence[bool] | None = None,
    header_height: float | None = None,
) -> TableRange:
    """Like :func:`write_table`, but column j spans ``columns[j][1]`` sheet columns (merged):
    a long-text table under a grid whose columns are narrow."""
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
        fill = st.band_fill if i % 2 == 1 else None
        for j, v in enumerate(values):
            start, span = starts[j], columns[j][1]
            fmt = formats[j] if formats and j < len(formats) else None
            align = st.wrap if wrap and j < len(wrap) and wrap[j] else st.top
            put(
                ws,
                r,
                start,
                v,
                font=st.font,
                fill=fill,
                fmt=fmt if v is not None else None,
                align=align,
                border=st.box,
            )
            merge(ws, r, start, r, start + span - 1)
    return TableRange(row, row + 1, row + len(rows), col, c - 1)


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


def add_comment(cell: Cell, text: str, author: str = "sitecompare") -> None:
    """A cell comment sized to its text (hover to read)."""
    text = clean_text(text, 4000)
    lines = sum(max(1, math.ceil(text_width(p) / 48)) for p in text.split("\n"))
    c = Comment(text, author)
    c.width = 320
    c.height = min(400, 18 + 14 * lines)
    cell.comment = c


def set_widths(ws: Worksheet, widths: dict[int | str, float]) -> None:
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


PRINT_TITLE_ROWS = 3  # the title, the description and the row under them (write_title)
MAX_REPEATED_ROW = 10  # a table header further down is repeated alone (see finish_sheet)


def finish_sheet(
    ws: Worksheet,
    st: Styles,
    *,
    freeze: str | None = None,
    title_rows: int | tuple[int, int] | None = None,
    landscape: bool = True,
    footer: str = "&A",
    page_label: str = "Page &P of &N",
    tab_colour: str | None = None,
) -> None:
    """Row heights fitted to wrapped text, frozen panes and print setup: A4 landscape, fit to
    one page wide, the title rows repeated on every page, a footer with the sheet name and
    page number, and page breaks that keep charts (see :func:`keep_together`) on one page.

    Every sheet repeats its title and description (rows 1-3) at the top of each printed page;
    ``title_rows`` (first, last) names a table header to repeat as well. A sheet has one such
    range, so the repeated rows run from row 1 to the header's last row, unless the header
    lies so far down that repeating everything above it would fill the page (then the header
    alone repeats)."""
    fit_rows(ws, st)
    repeat = (1, PRINT_TITLE_ROWS)
    if title_rows:
        a, b = (title_rows, title_rows) if isinstance(title_rows, int) else title_rows
        repeat = (1, max(b, PRINT_TITLE_ROWS)) if b <= MAX_REPEATED_ROW else (a, b)
    # a row without a height is as tall as the default font: taller for Malgun Gothic
    _place_page_breaks(ws, landscape, repeat, 16.5 if st.font_name == "Malgun Gothic" else 15.0)
    if freeze:
        ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.footer = 0.3
    ws.print_title_rows = f"{repeat[0]}:{repeat[1]}"
    ws.oddFooter.left.text = footer
    ws.oddFooter.left.size = 8
    ws.oddFooter.left.font = st.font_name
    ws.oddFooter.right.text = page_label
    ws.oddFooter.right.size = 8
    ws.oddFooter.right.font = st.font_name
    ws.sheet_view.zoomScale = 100
    if tab_colour:
        ws.sheet_properties.tabColor = tab_colour


# ------------------------------------------------------------------------ row heights
DEFAULT_WIDTH = 8.43  # Excel's default column width, in characters
LINE_FACTOR = 1.2  # line height / font size (Arial); Malgun Gothic needs more (x1.12)


def _col_width(ws: Worksheet, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    if dim is not None and dim.customWidth and dim.width:
        return float(dim.width)
    return DEFAULT_WIDTH


# advance widths of Arial / Liberation Sans in 1/1000 em, for printable ASCII (32..126)
_ARIAL = (
    278,
    278,
    355,
    556,
    556,
    889,
    667,
    191,
    333,
    333,
    389,
    584,
    278,
    333,
    278,
    278,  # ' '../
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    278,
    278,
    584,
    584,
    584,
    556,  # 0..?
    1015,
    667,
    667,
    722,
    722,
    667,
    611,
    778,
    722,
    278,
    500,
    667,
    556,
    833,
    722,
    778,  # @..O
    667,
    778,
    722,
    667,
    611,
    722,
    667,
    944,
    667,
    667,
    611,
    278,
    278,
    278,
    469,
    556,  # P.._
    333,
    556,
    556,
    500,
    556,
    556,
    278,
    556,
    556,
    222,
    222,
    500,
    222,
    833,
    556,
    556,  # `..o
    556,
    556,
    333,
    500,
    278,
    556,
    500,
    722,
    500,
    500,
    500,
    334,
    260,
    334,
    584,  # p..~
)


def char_units(ch: str, wide: float = 1.8) -> float:
    """Printed width of a character in units of column width (the width of a digit);
    ``wide`` is the width of an East Asian full-width character (Hangul, CJK)."""
    o = ord(ch)
    if 32 <= o <= 126:
        return _ARIAL[o - 32] / 556
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return wide
    return 1.0


@functools.lru_cache(maxsize=65536)  # the same names and labels are measured many times
def wrapped_lines(text: str, capacity: float, factor: float = 1.0, wide: float = 1.8) -> int:
    """How many lines ``text`` takes when word-wrapped in ``capacity`` units of column width
    (``factor`` scales the characters: font size, bold, a wider font)."""
    capacity = max(capacity, 1.0)
    space = char_units(" ") * factor
    lines = 0
    for para in text.split("\n"):
        n, used = 1, 0.0
        for word in para.split(" "):
            w = sum(char_units(ch, wide) for ch in word) * factor
            if used and used + space + w > capacity:
                n, used = n + 1, 0.0
            if used:
                used += space
            while w > capacity:  # a word longer than a line breaks anywhere
                n += 1
                w -= capacity
            used += w
        lines += n
    return lines


def fit_rows(ws: Worksheet, st: Styles) -> None:
    """Make every row holding wrapped text tall enough for it (spreadsheet programs do not
    re-fit rows of a file they open). A height set before acts as a minimum."""
    spans: dict[tuple[int, int], float] = {}
    covered: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        if rng.min_row != rng.max_row:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    covered.add((r, c))
            continue
        spans[(rng.min_row, rng.min_col)] = sum(
            _col_width(ws, c) for c in range(rng.min_col, rng.max_col + 1)
        )
    widths: dict[int, float] = {}
    korean = st.font_name == "Malgun Gothic"
    line_factor = LINE_FACTOR * (1.25 if korean else 1.0)  # Noto Sans CJK lines are taller
    # a Korean workbook's width unit is a Malgun Gothic digit, wider than Arial's: Latin text
    # takes about the same number of units, Hangul fewer
    char_factor, wide = 1.0, (1.5 if korean else 1.8)
    needed: dict[int, float] = {}
    # ws._cells holds only the cells written (iter_rows would create every empty one)
    for (r, c), cell in ws._cells.items():  # noqa: SLF001
        v = cell.value
        if not isinstance(v, str) or cell.data_type == "f" or (r, c) in covered:
            continue
        al = cell.alignment
        if not (al is not None and al.wrap_text):
            continue
        if c not in widths:
            widths[c] = _col_width(ws, c)
        width = spans.get((r, c), widths[c])
        size = float(cell.font.sz or st.size) if cell.font is not None else st.size
        bold = 1.07 if cell.font is not None and cell.font.b else 1.0
        # 4% spare: the printed font (LibreOffice's substitute for Arial) runs a little wider
        # than the measures, and a clipped last line is worse than a little air
        lines = wrapped_lines(v, (width - 0.6) * 0.96, char_factor * bold * size / 10.0, wide)
        needed[r] = max(needed.get(r, 0.0), lines * size * line_factor + 3.0)
    for r, h in needed.items():
        current = ws.row_dimensions[r].height
        ws.row_dimensions[r].height = min(409.0, max(h, current or 0.0, 15.0))


# ------------------------------------------------------------------------- page breaks
CM_PER_WIDTH_UNIT = 0.19  # one character of column width in Arial 10, printed
CM_PER_POINT = 0.03528


def keep_together(ws: Worksheet, first_row: int, last_row: int | None = None, extra_cm: float = 0.0) -> None:
    """Ask :func:`finish_sheet` to start a new page at ``first_row`` when rows
    ``first_row``..``last_row`` plus ``extra_cm`` (a chart anchored under them) would otherwise
    be split across pages."""
    blocks = getattr(ws, "_sc_keep", [])
    blocks.append((first_row, last_row if last_row is not None else first_row - 1, extra_cm))
    ws._sc_keep = blocks  # type: ignore[attr-defined]


def _place_page_breaks(
    ws: Worksheet, landscape: bool, repeat: tuple[int, int] | None = None, default_pt: float = 15.0
) -> None:
    """Break before a kept-together block that would be split; the rows ``repeat`` (first,
    last) are printed again at the top of every page after the first, so a page holds less.

    A page that the model fills up before a block starts on it gets an explicit break too:
    the model is conservative (Excel's column widths; LibreOffice prints them wider and so has
    more room), and a program breaking later than the model would otherwise put the block's
    heading at the foot of the page before. Rows without a height count ``default_pt``
    points."""
    from openpyxl.worksheet.pagebreak import Break

    blocks = sorted(getattr(ws, "_sc_keep", []))
    if not blocks:
        return
    used = sum(_col_width(ws, c) for c in range(1, ws.max_column + 1))
    page_w, page_h = (27.2, 17.6) if landscape else (18.6, 26.3)
    scale = min(1.0, page_w / max(used * CM_PER_WIDTH_UNIT, 1e-9))
    avail = page_h / scale

    def height(r: int) -> float:
        return (ws.row_dimensions[r].height or default_pt) * CM_PER_POINT

    titles = sum(height(r) for r in range(repeat[0], repeat[1] + 1)) if repeat else 0.0

    def covered(last: int, extra: float) -> int:
        """The last row a chart ``extra`` cm tall anchored under row ``last`` reaches."""
        r, used = last, 0.0
        while used < extra:
            r += 1
            used += height(r)
        return r

    pos = 0.0
    row = 1
    full_at = None  # the first row of the page the model began because the one before was full
    inside = (0, 0)  # the rows of the block before (a break there would split it)
    for first, last, extra in blocks:
        block = extra + sum(height(r) for r in range(first, last + 1))
        while row < first:
            h = height(row)
            if pos > titles and pos + h > avail:
                full_at, pos = row, titles
            pos += h
            row += 1
        if full_at is not None and not inside[0] < full_at <= inside[1]:
            ws.row_breaks.append(Break(id=full_at - 1))  # explicit: the block is on that page
        full_at = None
        if pos > titles and pos + block > avail:
            ws.row_breaks.append(Break(id=first - 1))
            pos = titles
        inside = (first, covered(last, extra))


# ------------------------------------------------------------------- conditional formats
def data_bar(ws: Worksheet, ref: str, *, low: float | None = 0, high: float | None = 100) -> None:
    """Blue data bars; fixed 0..100 by default (scores), automatic with ``low=high=None``."""
    if low is None or high is None:
        rule = DataBarRule(start_type="min", end_type="max", color=BAR, showValue=True)
    else:
        rule = DataBarRule(
            start_type="num",
            start_value=low,
            end_type="num",
            end_value=high,
            color=BAR,
            showValue=True,
        )
    ws.conditional_formatting.add(ref, rule)


def color_scale(ws: Worksheet, ref: str, *, low: float = 0, high: float = 1) -> None:
    """White (``low``) to light blue (``high``): higher is better."""
    ws.conditional_formatting.add(
        ref,
        ColorScaleRule(
            start_type="num",
            start_value=low,
            start_color="FFFFFF",
            end_type="num",
            end_value=high,
            end_color=SCALE_HIGH,
        ),
    )


def highlight_if(ws: Worksheet, ref: str, formula: str, st: Styles) -> None:
    """Light orange fill and bold text where ``formula`` (relative to the top-left cell of
    ``ref``) is true."""
    ws.conditional_formatting.add(
        ref,
        FormulaRule(formula=[formula], fill=st.change_fill, font=Font(bold=True, color=INK)),
    )


# ------------------------------------------------------------------------------- charts
def style_chart(
    chart: BarChart | LineChart, st: Styles, colours: Sequence[str] | None = None, *, line: bool = False
) -> None:
    """One look for every chart: series colours from the palette, legend below, visible axes."""
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.drawing.line import LineProperties

    colours = colours or SERIES_COLOURS
    for i, s in enumerate(chart.series):
        colour = colours[i % len(colours)]
        if line:
            s.graphicalProperties = GraphicalProperties(ln=LineProperties(solidFill=colour, w=28575))
            s.smooth = False
            s.marker.symbol = "circle"
            s.marker.size = 7
            s.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
            s.marker.graphicalProperties.line.solidFill = colour
        else:
            s.graphicalProperties = GraphicalProperties(solidFill=colour)
            s.graphicalProperties.line.solidFill = colour
    chart.legend.position = "b"
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes in Excel unless told otherwise
    chart.y_axis.delete = False
    chart.x_axis.txPr = _text(st, 9)
    chart.y_axis.txPr = _text(st, 9)
    chart.legend.txPr = _text(st, 9)
    for title, size in ((chart.title, 12), (chart.x_axis.title, 9), (chart.y_axis.title, 9)):
        _style_title(title, st, size)


def _char_props(st: Styles, size: float, bold: bool = False, colour: str = INK) -> Any:
    from openpyxl.drawing.text import CharacterProperties
    from openpyxl.drawing.text import Font as DrawingFont

    return CharacterProperties(
        sz=int(size * 100),
        b=bold,
        solidFill=colour,
        latin=DrawingFont(typeface=st.font_name),
        ea=DrawingFont(typeface=st.font_name),
    )


def _text(st: Styles, size: float) -> Any:
    """Text properties of chart axes and legends: the report font, ``size`` points."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import Paragraph, ParagraphProperties

    cp = _char_props(st, size)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=cp), endParaRPr=cp)])


def _style_title(title: Any, st: Styles, size: float) -> None:
    from openpyxl.drawing.text import ParagraphProperties

    if title is None or title.tx is None or title.tx.rich is None:
        return
    bold = size >= 12
    cp = _char_props(st, size, bold=bold, colour=NAVY if bold else INK)
    for p in title.tx.rich.p:
        p.pPr = ParagraphProperties(defRPr=cp)
        for run in p.r or []:
            run.rPr = cp
