"""Reading an untrusted .xlsx workbook: open only a regular file, stream its XML parts through
defusedxml under limits (:data:`MAX_PART`, :data:`MAX_ELEMENTS`, :data:`MAX_DEPTH`), and read
cells as stored (:class:`RawCell`) without evaluating a formula. :mod:`.readback` finds the
What-if sheet's weights with these; why each limit is there is told in its docstring.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from openpyxl.utils.cell import column_index_from_string, get_column_letter

from .. import files
from ..errors import Issue, ValidationError, show_value

__all__ = [
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_PART",
    "RawCell",
    "events",
    "fail",
    "interpret",
    "local_name",
    "open_regular",
    "read_cells",
    "shared_strings",
    "unreadable",
    "why",
]

MAX_PART = 64 * 1024 * 1024  # its largest part (a comments drawing) is ~7 MB, the What-if sheet ~3 MB
MAX_ELEMENTS = 1_000_000  # per part streamed (~3 s); a What-if sheet of 1,000 sites holds ~92,000
MAX_DEPTH = 64  # spreadsheet XML nests about 6 deep
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


@dataclass(frozen=True)
class RawCell:
    """A cell as stored: its type attribute, saved value text and formula (if any)."""

    coord: str
    t: str  # n, s, inlineStr, str, b, e, d
    value: str | None
    formula: str | None


def fail(file: str, field: str, message: str) -> ValidationError:
    """A one-issue ValidationError for ``file`` at ``field``, to raise."""
    return ValidationError([Issue(file, field, message)])


def local_name(tag: str) -> str:
    """An XML tag without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _cause_of(exc: BaseException) -> BaseException | None:
    """The exception ``exc`` was raised from, or during the handling of (unless suppressed)."""
    if exc.__cause__ is not None:
        return exc.__cause__
    return None if exc.__suppress_context__ else exc.__context__


def why(exc: BaseException) -> str:
    """One line naming the root cause of a parser failure."""
    cause = exc
    while (deeper := _cause_of(cause)) is not None:
        cause = deeper
    text = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    text = text if len(text) <= 120 else text[:117] + "..."
    name = type(cause).__name__
    if text.startswith(name):  # defusedxml's refusals: EntitiesForbidden(name='a', ...)
        return text
    return f"{name}: {text}" if text else name


# ------------------------------------------------------------------ opening the file
_NOT_REGULAR = (
    (stat.S_ISDIR, "is a folder, not a workbook"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a workbook"),
    (stat.S_ISCHR, "is a character device, not a workbook"),
    (stat.S_ISBLK, "is a block device, not a workbook"),
    (stat.S_ISSOCK, "is a socket, not a workbook"),
)


def _not_regular(mode: int) -> str | None:
    """What is wrong with a file of this mode, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, message in _NOT_REGULAR:
        if test(mode):
            return message
    return "is not a regular file, not a workbook"  # pragma: no cover - doors, whiteouts


def _oserror(exc: OSError) -> str:
    why = exc.strerror or type(exc).__name__
    return f"cannot be opened ({why[:1].lower()}{why[1:]})"


def open_regular(p: Path, shown: str) -> IO[bytes]:
    """Open ``p`` for reading only if it is a regular file (:func:`sitecompare.files.open_regular`:
    checked before and after opening), the problems worded for a workbook."""
    try:
        return files.open_regular(p)
    except FileNotFoundError:
        if os.path.islink(p):
            target = os.readlink(p)
            raise fail(
                shown, "", f"is a broken symbolic link (its target {show_value(target)} does not exist)"
            ) from None
        raise fail(shown, "", "no such file") from None
    except files.NotRegularFile as exc:
        raise fail(shown, "", _not_regular(exc.mode) or "is not a regular file, not a workbook") from None
    except OSError as exc:  # a loop of links, a name too long, a folder that cannot be searched
        raise fail(shown, "", _oserror(exc)) from exc


# ------------------------------------------------------------------ streaming the parts
def events(z: zipfile.ZipFile, member: str, shown: str) -> Iterator[tuple[str, Any]]:
    """``(event, element)`` pairs of one part, streamed: each element is cleared and detached
    from its parent once its end event has been handled, so memory stays flat however large
    the part; refuses parts over :data:`MAX_PART`, :data:`MAX_ELEMENTS` or :data:`MAX_DEPTH`."""
    from defusedxml.ElementTree import iterparse

    info = z.getinfo(member)
    if info.file_size > MAX_PART:
        raise fail(
            shown,
            member,
            f"unpacks to {_mb(info.file_size)}; a part of a workbook to read weights from may "
            f"unpack to at most {MAX_PART // (1024 * 1024)} MB",
        )
    stack: list[Any] = []
    count = 0
    with z.open(info) as src:
        for event, el in iterparse(src, events=("start", "end")):
            if event == "start":
                count += 1
                if count > MAX_ELEMENTS:
                    raise fail(
                        shown,
                        member,
                        f"holds more than {MAX_ELEMENTS:,} XML elements before the cells needed; "
                        "a comparison workbook's parts hold far fewer there",
                    )
                if len(stack) >= MAX_DEPTH:
                    raise fail(shown, member, f"nests XML elements more than {MAX_DEPTH} deep")
                stack.append(el)
                yield event, el
            else:
                stack.pop()
                yield event, el
                el.clear()
                if stack:
                    stack[-1].remove(el)  # its earlier siblings are gone: this is O(1)


@contextmanager
def unreadable(shown: str, field: str, what: str) -> Iterator[None]:
    """Turn a parser failure (broken XML, a defusedxml refusal, a bad CRC) into one located line."""
    try:
        yield
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is bad input, said plainly
        raise fail(shown, field, f"{what} ({why(exc)})") from exc



def _coord(ref: str) -> tuple[int, int]:
    m = _CELL_REF.fullmatch(ref)
    if not m:
        raise ValueError(f"not a cell reference: {show_value(ref)}")
    return int(m.group(2)), column_index_from_string(m.group(1).upper())


def read_cells(
    z: zipfile.ZipFile, member: str, keep: Callable[[int, int], bool], max_row: int, shown: str
) -> dict[tuple[int, int], RawCell]:
    """(row, col) -> RawCell for the cells ``keep`` wants, in rows up to ``max_row``.

    A shared string is left as its index (``t == "s"``); :func:`shared_strings` fills it in.
    """
    out: dict[tuple[int, int], RawCell] = {}
    row = col = 0
    in_c = in_is = in_rph = False
    t, value, formula = "n", None, None
    inline: list[str] = []
    for event, el in events(z, member, shown):
        name = local_name(el.tag)
        if event == "start":
            if name == "row":
                r = el.get("r")
                row = int(r) if r and r.isdigit() else row + 1
                col = 0
                if row > max_row:
                    break
            elif name == "c":
                ref = el.get("r")
                if ref:
                    row, col = _coord(ref)
                else:
                    col += 1
                in_c, in_is, in_rph = True, False, False
                t, value, formula, inline = el.get("t", "n"), None, None, []
            elif in_c and name == "is":
                in_is = True
            elif in_c and name == "rPh":
                in_rph = True
            continue
        if not in_c:
            continue
        if name == "v":
            value = el.text
        elif name == "f":
            formula = el.text or ""
        elif name == "t" and in_is and not in_rph:
            inline.append(el.text or "")
        elif name == "rPh":
            in_rph = False
        elif name == "is":
            in_is, value = False, "".join(inline)
        elif name == "c":
            in_c = False
            if keep(row, col):
                out[(row, col)] = RawCell(f"{get_column_letter(col)}{row}", t, value, formula)
    return out


def shared_strings(
    z: zipfile.ZipFile, member: str | None, cells: dict[tuple[int, int], RawCell], shown: str
) -> dict[tuple[int, int], RawCell]:
    """The cells with their shared-string indexes replaced by the text (only those strings are
    kept; the stream stops at the last one needed). A bad index makes the cell an error."""
    wanted: dict[int, str | None] = {}
    for cell in cells.values():
        if cell.t == "s" and cell.value is not None and cell.value.strip().isdigit():
            wanted[int(cell.value)] = None
    if wanted and member is not None and member in z.namelist():
        last, index, in_rph = max(wanted), -1, False
        parts: list[str] = []
        with unreadable(shown, member, "cannot be read as part of an .xlsx workbook"):
            for event, el in events(z, member, shown):
                name = local_name(el.tag)
                if event == "start":
                    if name == "si":
                        index, parts, in_rph = index + 1, [], False
                    elif name == "rPh":
                        in_rph = True
                    continue
                if name == "t" and not in_rph:
                    parts.append(el.text or "")
                elif name == "rPh":
                    in_rph = False
                elif name == "si":
                    if index in wanted:
                        wanted[index] = "".join(parts)
                    if index >= last:
                        break
    out = {}
    for rc, cell in cells.items():
        if cell.t == "s":
            text = wanted.get(int(cell.value)) if cell.value and cell.value.strip().isdigit() else None
            cell = (
                RawCell(cell.coord, "s", text, cell.formula)
                if text is not None
                else RawCell(cell.coord, "e", None, cell.formula)
            )
        out[rc] = cell
    return out



def interpret(cell: RawCell | None) -> tuple[str, Any]:
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
