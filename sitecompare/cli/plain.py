"""What rich prints for a simple table and for plain lines on a stream that is not a terminal,
without importing rich: importing it and laying the ranking out with it is ~35 ms of a cold
``sitecompare rank`` (a tenth of the run), for a table whose layout is fixed.

Used only where the bytes are certain to be rich's own (:func:`plain_stream`,
:func:`table_text`, :func:`plain_line`):

* the stream is not a terminal and nothing makes rich treat it as one (``FORCE_COLOR``,
  ``TTY_COMPATIBLE``, Jupyter), so that rich writes no colour or style, lays out at the width
  :func:`sitecompare.cli.common.console` gives it and never asks the terminal's size;
* its encoding is UTF-8 (rich draws an ASCII box otherwise) and this is not Windows (rich's
  legacy console renderer);
* every cell of the table is printable ASCII, words separated by one space (one column per
  character: rich measures wide and combining characters, strips some control characters and
  expands tabs), without an emoji code (rich replaces ``:name:``), and the table fits the
  width (rich would wrap the widest cells);
* a line is printable text without an emoji code or trailing white space.

Anything else is printed by rich itself, and tests/test_plain_output.py checks the two against
each other on random tables and lines. Writing mirrors rich's: one write and a flush per
``print``, a broken pipe ends the run as rich's console ends it.
"""

from __future__ import annotations

import builtins
import os
import re
import sys
from collections.abc import Sequence
from typing import TextIO

__all__ = ["plain_stream", "table_text", "plain_line", "write"]

# rich's emoji code (rich/_emoji_replace.py): any text it matches is left to rich
_EMOJI_CODE = re.compile(r"(:(\S*?)(?:(?:\-)(emoji|text))?:)")
_CELL = re.compile(r"[!-~]+(?: [!-~]+)*")
# rich.box.HEAVY_HEAD, the default box of rich.table.Table: top, header, header rule, rows, bottom
_TOP = ("┏", "━", "┳", "┓")
_HEAD = ("┃", "┃", "┃")
_HEAD_RULE = ("┡", "━", "╇", "┩")
_ROW = ("│", "│", "│")
_BOTTOM = ("└", "─", "┴", "┘")


def plain_stream(stream: TextIO) -> bool:
    """True when rich would write to ``stream`` without colour, style or terminal queries, and
    with the box and text :func:`table_text` and :func:`plain_line` assume (module docstring)."""
    if stream.isatty() or sys.platform == "win32" or hasattr(stream, "rich_proxied_file"):
        return False
    if "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ:
        return False
    if "get_ipython" in vars(builtins):  # rich's Jupyter check
        return False
    encoding = (getattr(stream, "encoding", "utf-8") or "utf-8").lower()
    return encoding.startswith("utf")


def _plain_cell(text: object) -> bool:
    return isinstance(text, str) and bool(_CELL.fullmatch(text)) and not _EMOJI_CODE.search(text)


def _rule(parts: tuple[str, str, str, str], widths: list[int]) -> str:
    left, horizontal, cross, right = parts
    return left + cross.join(horizontal * w for w in widths) + right


def _row(parts: tuple[str, str, str], cells: Sequence[str], widths: list[int], right: list[bool]) -> str:
    left, divider, end = parts
    padded = [
        f" {c.rjust(w - 2) if r else c.ljust(w - 2)} " for c, w, r in zip(cells, widths, right, strict=True)
    ]
    return left + divider.join(padded) + end


def table_text(
    columns: Sequence[tuple[str, bool]], rows: Sequence[Sequence[str]], width: int
) -> str | None:
    """What rich prints for ``Table()`` with these columns (header, right-justified) and rows at
    console width ``width``: a heavy-headed box, each column as wide as its widest cell plus one
    space either side; None when rich might print anything else (module docstring)."""
    cells = [[h for h, _ in columns], *rows]
    if not columns or any(len(r) != len(columns) for r in cells):
        return None
    if not all(_plain_cell(c) for r in cells for c in r):
        return None
    widths = [max(len(r[j]) for r in cells) + 2 for j in range(len(columns))]
    if sum(widths) + len(columns) + 1 > width:
        return None
    right = [r for _, r in columns]
    lines = [_rule(_TOP, widths), _row(_HEAD, cells[0], widths, right), _rule(_HEAD_RULE, widths)]
    lines += [_row(_ROW, r, widths, right) for r in cells[1:]]
    lines.append(_rule(_BOTTOM, widths))
    return "\n".join(lines) + "\n"


def plain_line(text: str) -> bool:
    """True when rich prints ``text`` (soft-wrapped, no markup or highlighting) as it is."""
    return text.isprintable() and not text[-1:].isspace() and not _EMOJI_CODE.search(text)


def write(stream: TextIO, text: str) -> None:
    """Write and flush ``text`` as rich's console writes a print: a broken pipe sends stdout to
    the null device and exits with status 1; an encoding error says which variable to set."""
    try:
        try:
            stream.write(text)
        except UnicodeEncodeError as error:
            error.reason = (
                f"{error.reason}\n*** You may need to add PYTHONIOENCODING=utf-8 to your environment ***"
            )
            raise
        stream.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(1) from None
