"""Font metrics: how wide text prints and how many lines it wraps to, and row heights fitted
to wrapped text (spreadsheet programs do not re-fit the rows of a file they open)."""

from __future__ import annotations

import functools
import unicodedata

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .colours import Styles

DEFAULT_WIDTH = 8.43  # Excel's default column width, in characters
LINE_FACTOR = 1.2  # line height / font size (Arial); Malgun Gothic needs more (x1.12)


@functools.lru_cache(maxsize=65536)  # the same names and labels are measured many times
def text_width(text: str) -> float:
    """Display width in 'characters': East Asian wide characters count double."""
    w = 0.0
    for ch in text:
        w += 2.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.0
    return w


def col_width(ws: Worksheet, col: int) -> float:
    """A column's width in characters as it prints: its own width, else Excel's default."""
    dim = ws.column_dimensions.get(get_column_letter(col))
    if dim is not None and dim.customWidth and dim.width:
        return float(dim.width)
    return DEFAULT_WIDTH


# advance widths of Arial / Liberation Sans in 1/1000 em, for printable ASCII (32..126)
_ARIAL = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  # ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  # 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  # P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  # `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  # p..~
)  # fmt: skip


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
            col_width(ws, c) for c in range(rng.min_col, rng.max_col + 1)
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
            widths[c] = col_width(ws, c)
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

