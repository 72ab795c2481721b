"""Conditional formats (data bars, colour scales, highlights) and the one look of every chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.chart import BarChart, LineChart
from openpyxl.chart._chart import ChartBase
from openpyxl.chart.text import RichText
from openpyxl.formatting.rule import ColorScaleRule, DataBarRule, FormulaRule
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from .colours import BAR, INK, NAVY, SCALE_HIGH, SERIES_COLOURS, Styles


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
    if chart.legend is not None:  # a new chart always has one
        chart.legend.position = "b"
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes in Excel unless told otherwise
    chart.y_axis.delete = False
    chart.x_axis.txPr = chart_text(st, 9)
    chart.y_axis.txPr = chart_text(st, 9)
    if chart.legend is not None:
        chart.legend.txPr = chart_text(st, 9)
    for title, size in ((chart.title, 12), (chart.x_axis.title, 9), (chart.y_axis.title, 9)):
        _style_title(title, st, size)


def size_chart(chart: ChartBase, width_cm: float, height_cm: float) -> None:
    """Set a chart's size in cm."""
    chart.width = width_cm  # type: ignore[assignment]  # openpyxl's stub types width as int; it is cm, a float
    chart.height = height_cm


def _char_props(st: Styles, size: float, bold: bool | None = False, colour: str = INK) -> Any:
    from openpyxl.drawing.text import CharacterProperties
    from openpyxl.drawing.text import Font as DrawingFont

    return CharacterProperties(
        sz=int(size * 100),
        b=bold,
        solidFill=colour,
        latin=DrawingFont(typeface=st.font_name),
        ea=DrawingFont(typeface=st.font_name),
    )


def chart_text(st: Styles, size: float, *, bold: bool | None = False) -> RichText:
    """Text properties of chart axes and legends: the report font, ``size`` points (``bold``
    None leaves the weight unset)."""
    from openpyxl.drawing.text import Paragraph, ParagraphProperties

    cp = _char_props(st, size, bold)
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
