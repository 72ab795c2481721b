"""The workbook's layout: one palette, one font and the helpers every sheet is written with.

- :mod:`.colours`: the palette and :class:`Styles` (fonts, fills, borders of one workbook);
- :mod:`.formats`: number formats;
- :mod:`.cells`: writing values, formulas, titles, sections, tables, notes and comments;
- :mod:`.metrics`: font metrics, wrapped lines and row heights;
- :mod:`.pages`: print setup and the page model that places page breaks;
- :mod:`.charts`: conditional formats and the look of every chart.

Another module that adds sheets (the sensitivity sheets, say) writes them with these helpers so
the workbook reads as one document::

    from sitecompare.report.layout import (
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

from .cells import (
    MAX_CELL_TEXT,
    CellStyle,
    Column,
    TableOptions,
    TableRange,
    add_comment,
    add_note,
    add_notes,
    autofit,
    center_cells,
    clean_text,
    merge,
    new_sheet,
    put,
    put_formula,
    row_formats,
    safe_url,
    set_widths,
    style_cell,
    write_columns,
    write_kv,
    write_section,
    write_table,
    write_title,
    write_wide_table,
)
from .charts import chart_text, color_scale, data_bar, highlight_if, size_chart, style_chart
from .colours import (
    BAND,
    BAR,
    BLUE,
    CHANGE_FILL,
    FLAG_FILLS,
    GREY,
    GRID,
    INK,
    INPUT_FILL,
    INPUT_FONT,
    LIGHT_BLUE,
    NAVY,
    SCALE_HIGH,
    SERIES_COLOURS,
    STALE_FONT,
    Styles,
)
from .formats import (
    DATE_FORMATS,
    FMT_DATE,
    FMT_INT,
    FMT_NATIVE,
    FMT_PCT1,
    FMT_RANK_CHANGE,
    FMT_SCORE,
    FMT_SHARE,
    date_format,
    number_format,
    unit_display,
)
from .metrics import DEFAULT_WIDTH, LINE_FACTOR, char_units, col_width, fit_rows, text_width, wrapped_lines
from .pages import (
    CM_PER_POINT,
    CM_PER_WIDTH_UNIT,
    MAX_REPEATED_ROW,
    PRINT_TITLE_ROWS,
    PageModel,
    chart_end,
    default_row_points,
    finish_sheet,
    finish_with_breaks,
    head_and_tail,
    keep_together,
    row_height_cm,
)

__all__ = [
    # colours
    "NAVY",
    "BLUE",
    "LIGHT_BLUE",
    "BAND",
    "GRID",
    "INK",
    "GREY",
    "BAR",
    "SCALE_HIGH",
    "INPUT_FILL",
    "INPUT_FONT",
    "CHANGE_FILL",
    "FLAG_FILLS",
    "STALE_FONT",
    "SERIES_COLOURS",
    "Styles",
    # formats
    "FMT_INT",
    "FMT_SCORE",
    "FMT_NATIVE",
    "FMT_SHARE",
    "FMT_PCT1",
    "FMT_DATE",
    "FMT_RANK_CHANGE",
    "DATE_FORMATS",
    "date_format",
    "unit_display",
    "number_format",
    # cells
    "MAX_CELL_TEXT",
    "TableRange",
    "CellStyle",
    "Column",
    "TableOptions",
    "clean_text",
    "safe_url",
    "style_cell",
    "center_cells",
    "put",
    "put_formula",
    "merge",
    "write_title",
    "new_sheet",
    "write_section",
    "write_kv",
    "write_table",
    "write_wide_table",
    "write_columns",
    "row_formats",
    "add_note",
    "add_notes",
    "add_comment",
    "set_widths",
    "autofit",
    # metrics
    "DEFAULT_WIDTH",
    "LINE_FACTOR",
    "text_width",
    "col_width",
    "char_units",
    "wrapped_lines",
    "fit_rows",
    # pages
    "PRINT_TITLE_ROWS",
    "MAX_REPEATED_ROW",
    "CM_PER_WIDTH_UNIT",
    "CM_PER_POINT",
    "PageModel",
    "default_row_points",
    "row_height_cm",
    "finish_sheet",
    "keep_together",
    "finish_with_breaks",
    "head_and_tail",
    "chart_end",
    # charts
    "data_bar",
    "color_scale",
    "highlight_if",
    "style_chart",
    "chart_text",
    "size_chart",
]
