"""The workbook's palette and its fonts, fills and borders (:class:`Styles`), built once per
workbook for its font."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

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
    "4E79A7", "F28E2B", "E15759", "76B7B2", "59A14F", "EDC948",
    "B07AA1", "FF9DA7", "9C755F", "BAB0AC", "86BCB6", "D37295",
)  # fmt: skip


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
        """The styles of a workbook in ``lang``: Malgun Gothic for Korean, else Arial."""
        return cls("Malgun Gothic" if lang == "ko" else "Arial")
