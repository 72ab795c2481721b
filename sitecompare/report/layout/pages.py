"""The printed page: print setup, and one page model (:class:`PageModel`) that places explicit
page breaks so that a heading stays with its table or chart.

Every sheet is printed A4, fit to one page wide, with its title rows repeated on every page.
Two ways of asking for breaks use the same model:

- :func:`keep_together` marks blocks (a table, a chart anchored under it) that
  :func:`finish_sheet` must not split (the main sheets);
- :func:`finish_with_breaks` takes the whole sheet as a list of blocks and breaks a long table
  where a page is full, counting the repeated title rows (the sensitivity sheets).

The model is conservative (column widths as Excel prints them; LibreOffice prints them wider,
so scales down more and has room to spare), and every break it needs is explicit, so a program
never adds one of its own that would strand a heading or a note on a page of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .colours import Styles
from .metrics import col_width, fit_rows

PRINT_TITLE_ROWS = 3  # the title, the description and the row under them (write_title)
MAX_REPEATED_ROW = 10  # a table header further down is repeated alone (see finish_sheet)
CM_PER_WIDTH_UNIT = 0.19  # one character of column width in Arial 10, printed
CM_PER_POINT = 0.03528
PAGE_CM = {True: (27.2, 17.6), False: (18.6, 26.3)}  # landscape?: printable (width, height) of A4


def default_row_points(st: Styles) -> float:
    """How tall a row without a height prints: the default font's line, taller for Malgun
    Gothic."""
    return 16.5 if st.font_name == "Malgun Gothic" else 15.0


def row_height_cm(ws: Worksheet, row: int, default: float = 15.0) -> float:
    """A row's height in cm; ``default`` points where it has none (the program decides)."""
    return (ws.row_dimensions[row].height or default) * CM_PER_POINT


class PageModel:
    """One printed page of a sheet fit to one page wide: the height available for rows (in cm
    of the sheet, so after scaling down) and the height of the rows repeated on every page."""

    def __init__(
        self,
        ws: Worksheet,
        *,
        columns: int,
        landscape: bool = True,
        repeat: tuple[int, int] | None = None,
        default_pt: float = 15.0,
    ) -> None:
        self.ws, self.default_pt = ws, default_pt
        used = sum(col_width(ws, c) for c in range(1, columns + 1))
        page_w, page_h = PAGE_CM[landscape]
        scale = min(1.0, page_w / max(used * CM_PER_WIDTH_UNIT, 1e-9))
        self.avail = page_h / scale
        self.titles = sum(self.height(r) for r in range(repeat[0], repeat[1] + 1)) if repeat else 0.0

    def height(self, row: int) -> float:
        """The printed height of ``row`` in cm."""
        return row_height_cm(self.ws, row, self.default_pt)

    def covered(self, last: int, extra: float) -> int:
        """The last row a chart ``extra`` cm tall anchored under row ``last`` reaches."""
        r, used = last, 0.0
        while used < extra:
            r += 1
            used += self.height(r)
        return r

    def breaks_keeping(self, blocks: Sequence[tuple[int, int, float]]) -> list[int]:
        """The rows to break after so that no block (first row, last row, cm of chart under
        it) is split, walking the rows up to the last block.

        A page that the model fills up before a block starts on it gets an explicit break too:
        a program breaking later than the model would otherwise put the block's heading at the
        foot of the page before."""
        breaks: list[int] = []
        pos, row = 0.0, 1
        full_at = None  # the first row of the page the model began because the one before was full
        inside = (0, 0)  # the rows of the block before (a break there would split it)
        for first, last, extra in blocks:
            block = extra + sum(self.height(r) for r in range(first, last + 1))
            while row < first:
                h = self.height(row)
                if pos > self.titles and pos + h > self.avail:
                    full_at, pos = row, self.titles
                pos += h
                row += 1
            if full_at is not None and not inside[0] < full_at <= inside[1]:
                breaks.append(full_at - 1)  # explicit: the block is on that page
            full_at = None
            if pos > self.titles and pos + block > self.avail:
                breaks.append(first - 1)
                pos = self.titles
            inside = (first, self.covered(last, extra))
        return breaks

    def breaks_filling(self, blocks: Sequence[tuple[int, int]], last: int) -> list[int]:
        """The rows to break after over rows 1..``last``: a block (first, last row) that fits
        on a page starts a new page rather than being split; other rows break where a page is
        full."""
        starts: dict[int, int] = {}
        for first, block_end in sorted(blocks):
            starts.setdefault(first, block_end)
        breaks: list[int] = []
        pos, row = 0.0, 1
        while row <= last:
            end = starts.get(row)
            if end is not None:
                height = sum(self.height(r) for r in range(row, end + 1))
                if self.titles + height <= self.avail:  # the block fits on a page: never split it
                    if pos > self.titles and pos + height > self.avail:
                        breaks.append(row - 1)
                        pos = self.titles
                    pos += height
                    row = end + 1
                    continue
            h = self.height(row)
            if pos > self.titles and pos + h > self.avail:
                breaks.append(row - 1)
                pos = self.titles
            pos += h
            row += 1
        return breaks


def _add_breaks(ws: Worksheet, rows: Sequence[int]) -> None:
    for r in rows:
        ws.row_breaks.append(Break(id=r))


def keep_together(ws: Worksheet, first_row: int, last_row: int | None = None, extra_cm: float = 0.0) -> None:
    """Ask :func:`finish_sheet` to start a new page at ``first_row`` when rows
    ``first_row``..``last_row`` plus ``extra_cm`` (a chart anchored under them) would otherwise
    be split across pages."""
    _kept(ws).append((first_row, last_row if last_row is not None else first_row - 1, extra_cm))


def _kept(ws: Worksheet) -> list[tuple[int, int, float]]:
    """The blocks :func:`keep_together` marked on ``ws`` (kept on the worksheet object)."""
    blocks: list[tuple[int, int, float]] = ws.__dict__.setdefault("_sc_keep", [])
    return blocks


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
    blocks = sorted(_kept(ws))
    if blocks:
        model = PageModel(
            ws, columns=ws.max_column, landscape=landscape, repeat=repeat, default_pt=default_row_points(st)
        )
        _add_breaks(ws, model.breaks_keeping(blocks))
    if freeze:
        ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:  # openpyxl makes one; its stub allows none
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.footer = 0.3
    ws.print_title_rows = f"{repeat[0]}:{repeat[1]}"
    odd = ws.oddFooter
    assert odd is not None  # openpyxl's HeaderFooter always makes one; its stub allows none
    for part, text in ((odd.left, footer), (odd.right, page_label)):
        part.text = text
        part.size = 8
        part.font = st.font_name
    ws.sheet_view.zoomScale = 100
    if tab_colour:
        ws.sheet_properties.tabColor = tab_colour


def finish_with_breaks(
    ws: Worksheet,
    st: Styles,
    blocks: Sequence[tuple[int, int]],
    *,
    last_col: int,
    print_rows: int | None = None,
    page_label: str = "Page &P of &N",
) -> None:
    """:func:`finish_sheet` (panes frozen under row 3, rows 1-3 repeated), a print area of
    columns A..``last_col`` down to ``print_rows``, and explicit page breaks: each block (a
    heading with its table or chart) starts a new page rather than being split, and long
    tables break where a page is full (:meth:`PageModel.breaks_filling`)."""
    finish_sheet(ws, st, freeze="B4", title_rows=(1, 3), page_label=page_label)
    last = print_rows or ws.max_row
    ws.print_area = f"A1:{get_column_letter(last_col)}{last}"
    model = PageModel(ws, columns=last_col, repeat=(1, 3), default_pt=default_row_points(st))
    _add_breaks(ws, model.breaks_filling(blocks, last))


def head_and_tail(start: int, end: int, head: int, tail: int = 4) -> list[tuple[int, int]]:
    """Keep-together blocks for a long table: its heading with the first ``head`` rows, and its
    last ``tail`` rows with the notes under them (no page holds only a note)."""
    if end - start <= head + tail:
        return [(start, end)]
    return [(start, start + head), (end - tail, end)]


def chart_end(ws: Worksheet, anchor: int, cm: float) -> int:
    """The last row a chart ``cm`` tall anchored at the top of row ``anchor`` covers. Rows
    without a height get the default 15 points, so that every program (and the page model)
    sees the chart over the same rows whatever the default font."""
    row, used = anchor, 0.0
    while True:
        if not ws.row_dimensions[row].height:
            ws.row_dimensions[row].height = 15.0
        used += row_height_cm(ws, row)
        if used >= cm:
            return row
        row += 1
