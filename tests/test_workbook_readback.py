"""Reading edited weights back from a workbook's What-if sheet (``--weights-from``).

The workbook is untrusted input: every problem is an exact one-line message naming the file,
the sheet and cell, and the bad value.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
from conftest import SITECOMPARE, _env, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitecompare as sc
from sitecompare.errors import ValidationError, display_path
from sitecompare.report import read_whatif_weights, untrusted_xlsx, write_workbook
from sitecompare.report.readback import MAX_BYTES

# the What-if sheet's order: the criteria that take part, then those that sit out (coverage)
IDS = ("compute", "power", "funding", "land", "cluster", "transport", "talent")
POINTS = [20, 15, 10, 10, 10, 15, 20]


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("readback")
    result = sc.rank(sc.load_study(as_of=dt.date(2026, 1, 1)))
    return {
        "en": write_workbook(d / "book.xlsx", result),
        "ko": write_workbook(d / "book-ko.xlsx", result, lang="ko"),
    }


@pytest.fixture
def book(books: dict[str, Path], tmp_path: Path) -> Path:
    """A private copy of the English workbook."""
    return Path(shutil.copy(books["en"], tmp_path / "book.xlsx"))


_LAYOUT: dict[str, list[str]] = {}


def cells(path: Path, name: str) -> list[str]:
    """Coordinates of a named range. Every copy of the English workbook has the same layout,
    so it is read once (loading the whole workbook with openpyxl is the slow part)."""
    if name not in _LAYOUT:
        wb = openpyxl.load_workbook(path)
        for n in ("whatif_criteria", "whatif_weights"):
            ((_, ref),) = wb.defined_names[n].destinations
            _LAYOUT[n] = [c.coordinate for row in wb["What-if"][ref] for c in row]
    return _LAYOUT[name]


def edit(
    path: Path,
    changes: dict[str, object],
    *,
    ids: dict[str, object] | None = None,
    out: Path | None = None,
    error_cells: tuple[str, ...] = (),
) -> Path:
    """Set weight cells (by criterion id) and criterion-id cells with openpyxl; save."""
    wb = openpyxl.load_workbook(path)
    ws = wb["What-if"]
    wcells = dict(zip(IDS, cells(path, "whatif_weights"), strict=True))
    ccells = dict(zip(IDS, cells(path, "whatif_criteria"), strict=True))
    for cid, value in changes.items():
        ws[wcells[cid]] = value
        if wcells[cid] in error_cells:
            ws[wcells[cid]].data_type = "e"
    for cid, value in (ids or {}).items():
        ws[ccells[cid]] = value
    target = out or path
    wb.save(target)
    return target


def weight_cell(path: Path, cid: str) -> str:
    return dict(zip(IDS, cells(path, "whatif_weights"), strict=True))[cid]


def errors(path: Path, ids: tuple[str, ...] = IDS) -> list[str]:
    with pytest.raises(ValidationError) as exc:
        read_whatif_weights(path, ids)
    return [str(i) for i in exc.value.issues]


def rewrite_sheet_xml(path: Path, sheet_index: int, pattern: str, replacement: str) -> None:
    """Replace text in one worksheet's XML (to store what openpyxl cannot write, e.g. NaN)."""
    rewrite_part(path, f"xl/worksheets/sheet{sheet_index}.xml", pattern, replacement)


def rewrite_part(
    path: Path, name: str, pattern: str, replacement: str, extra: dict[str, bytes] | None = None
) -> None:
    """Replace text in one part of the archive (and add the ``extra`` parts)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == name:
                text, n = re.subn(pattern, replacement, data.decode("utf-8"), count=1)
                assert n == 1, pattern
                data = text.encode("utf-8")
            dst.writestr(item, data)
        for extra_name, blob in (extra or {}).items():
            dst.writestr(extra_name, blob)
    tmp.replace(path)


def run_limited(
    *args: str, cwd: Path, memory_mb: int = 1024, timeout: float = 60
) -> subprocess.CompletedProcess:
    """The real console script with its address space capped: a read that builds a huge list
    fails fast with MemoryError (exit 3) instead of swapping the machine."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))

    env = _env() | {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    return subprocess.run(
        [str(SITECOMPARE), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        preexec_fn=cap,
    )


WHATIF_INDEX = 7  # sheet7.xml: the What-if sheet is the 7th


# ------------------------------------------------------------------ round trip
def test_reads_the_weights_the_workbook_was_written_with(books: dict[str, Path]) -> None:
    assert read_whatif_weights(books["en"], IDS) == dict(zip(IDS, POINTS, strict=True))
    assert read_whatif_weights(books["ko"], IDS) == dict(zip(IDS, POINTS, strict=True))


def test_reads_edited_weights(book: Path) -> None:
    edit(book, {"talent": 40, "compute": 0, "power": 2.5, "land": " 12 "})
    got = read_whatif_weights(book, IDS)
    assert got == {
        "transport": 15,
        "talent": 40,
        "compute": 0,
        "power": 2.5,
        "funding": 10,
        "land": 12,
        "cluster": 10,
    }


def test_falls_back_to_the_sheet_layout_when_the_names_are_gone(
    books: dict[str, Path], tmp_path: Path
) -> None:
    for lang in ("en", "ko"):
        path = Path(shutil.copy(books[lang], tmp_path / f"{lang}.xlsx"))
        edit(path, {"cluster": 33})
        wb = openpyxl.load_workbook(path)
        for name in ("whatif_criteria", "whatif_weights", "whatif_sites", "whatif_scores"):
            del wb.defined_names[name]
        wb.save(path)
        assert read_whatif_weights(path, IDS)["cluster"] == 33


def test_openpyxl_parses_workbooks_through_defusedxml() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML


# ------------------------------------------------------------------ each error
def test_negative_weight(book: Path) -> None:
    edit(book, {"talent": -5})
    assert errors(book) == [
        f"{display_path(book)}: What-if!{weight_cell(book, 'talent')}: weight of 'talent' must be >= 0, got -5"
    ]


def test_blank_text_bool_and_error_cells_are_each_reported(book: Path) -> None:
    c = {cid: weight_cell(book, cid) for cid in IDS}
    edit(
        book,
        {"transport": None, "talent": "lots", "compute": True, "power": "#DIV/0!", "funding": "   "},
        error_cells=(c["power"],),
    )
    f = display_path(book)
    assert sorted(errors(book)) == sorted([  # in the sheet's column order
        f"{f}: What-if!{c['transport']}: weight of 'transport' is blank; expected a number >= 0",
        f"{f}: What-if!{c['talent']}: weight of 'talent' is not a number: 'lots'",
        f"{f}: What-if!{c['compute']}: weight of 'compute' is TRUE, not a number",
        f"{f}: What-if!{c['power']}: weight of 'power' holds the error value #DIV/0!",
        f"{f}: What-if!{c['funding']}: weight of 'funding' is blank; expected a number >= 0",
    ])


@pytest.mark.parametrize(
    ("stored", "message"),
    [
        ("NaN", "is not a number (NaN)"),
        ("1e999", "is not a finite number (infinity)"),
        ("-1e999", "is not a finite number (-infinity)"),
    ],
)
def test_non_finite_numbers(book: Path, stored: str, message: str) -> None:
    coord = weight_cell(book, "talent")
    rewrite_sheet_xml(
        book,
        WHATIF_INDEX,
        rf'<c r="{coord}"([^>]*)><v>[^<]*</v></c>',
        rf'<c r="{coord}"\1><v>{stored}</v></c>',
    )
    assert errors(book) == [f"{display_path(book)}: What-if!{coord}: weight of 'talent' {message}"]


def test_a_formula_without_a_saved_result(book: Path) -> None:
    edit(book, {"talent": "=10+5"})
    assert errors(book) == [
        f"{display_path(book)}: What-if!{weight_cell(book, 'talent')}: weight of 'talent' is a "
        "formula with no saved result (=10+5); type a number, or open and save the file in a "
        "spreadsheet program first"
    ]


def test_a_formula_with_a_saved_result_uses_that_result_without_evaluating(book: Path) -> None:
    coord = weight_cell(book, "talent")
    rewrite_sheet_xml(
        book,
        WHATIF_INDEX,
        rf'<c r="{coord}"([^>]*)><v>[^<]*</v></c>',
        rf'<c r="{coord}"\1><f>SUM(999,1)</f><v>25</v></c>',
    )
    assert read_whatif_weights(book, IDS)["talent"] == 25


def test_unknown_duplicate_and_missing_criteria(book: Path) -> None:
    crit = dict(zip(IDS, cells(book, "whatif_criteria"), strict=True))
    edit(book, {}, ids={"talent": "talnet", "power": "compute"})
    f = display_path(book)
    left = ", ".join(x for x in IDS if x not in ("talent", "power"))
    assert sorted(errors(book)) == sorted([
        f"{f}: What-if!{crit['talent']}: unknown criterion 'talnet' (criteria: {', '.join(IDS)})",
        f"{f}: What-if!{crit['power']}: criterion 'compute' appears twice (also in What-if!{crit['compute']})",
        f"{f}: What-if: no weight for criterion 'talent' (the sheet has weights for: {left})",
        f"{f}: What-if: no weight for criterion 'power' (the sheet has weights for: {left})",
    ])


def test_a_criterion_the_sheet_does_not_have(book: Path) -> None:
    assert errors(book, (*IDS, "water")) == [
        f"{display_path(book)}: What-if: no weight for criterion 'water' (the sheet has weights "
        f"for: {', '.join(IDS)})"
    ]


def test_all_weights_zero(book: Path) -> None:
    edit(book, dict.fromkeys(IDS, 0))
    c = cells(book, "whatif_weights")
    assert errors(book) == [
        f"{display_path(book)}: What-if!{c[0]}:{c[-1]}: all weights are zero; at least one must be positive"
    ]


def test_missing_sheet(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    wb["What-if"].title = "Scenarios"
    wb.save(book)
    assert errors(book) == [
        f"{display_path(book)}: What-if: no sheet named 'What-if' (sheets: Summary, Ranking, "
        "Decision matrix, Normalised, Contributions, Weights, Scenarios, Data quality, Sources, "
        "Run info)"
    ]


def test_names_that_point_elsewhere(book: Path) -> None:
    from openpyxl.workbook.defined_name import DefinedName

    wb = openpyxl.load_workbook(book)
    wb.defined_names["whatif_weights"] = DefinedName("whatif_weights", attr_text="'Summary'!$A$1:$G$1")
    wb.save(book)
    assert errors(book) == [
        f"{display_path(book)}: whatif_weights: the defined name whatif_weights does not point "
        "to cells of the What-if sheet (\"'Summary'!$A$1:$G$1\")"
    ]


def test_not_a_workbook(tmp_path: Path) -> None:
    text = tmp_path / "weights.xlsx"
    text.write_text("transport,15\n")
    assert errors(text) == [
        f"{display_path(text)}: is not an .xlsx workbook (an .xlsx file is a zip archive; an old "
        ".xls, a password-protected workbook or a CSV file is not)"
    ]
    other_zip = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("hello.txt", "hi")
    assert errors(other_zip) == [
        f"{display_path(other_zip)}: is not an .xlsx workbook (it has no xl/workbook.xml)"
    ]
    missing = tmp_path / "nope.xlsx"
    assert errors(missing) == [f"{display_path(missing)}: no such file"]


def test_too_large_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    big = tmp_path / "big.xlsx"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no disk used, and not a zip either
    assert errors(big) == [
        f"{display_path(big)}: is 21.0 MB; a workbook to read weights from may be at most 20 MB"
    ]


ENTITIES = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'


def test_xml_entity_tricks_are_refused(book: Path) -> None:
    rewrite_sheet_xml(book, WHATIF_INDEX, r"^(<\?xml[^>]*\?>)?", ENTITIES)
    assert errors(book) == [
        f"{display_path(book)}: What-if: the sheet cannot be read "
        "(EntitiesForbidden(name='a', system_id=None, public_id=None))"
    ]


def test_xml_entity_tricks_in_the_workbook_part_are_refused(book: Path) -> None:
    rewrite_part(book, "xl/workbook.xml", r"^(<\?xml[^>]*\?>)?", ENTITIES)
    assert errors(book) == [
        f"{display_path(book)}: xl/workbook.xml: cannot be read as part of an .xlsx workbook "
        "(EntitiesForbidden(name='a', system_id=None, public_id=None))"
    ]


# ------------------------------------------------------------------ hostile sizes
def set_name(path: Path, name: str, ref: str) -> None:
    from openpyxl.workbook.defined_name import DefinedName

    wb = openpyxl.load_workbook(path)
    wb.defined_names[name] = DefinedName(name, attr_text=ref)
    wb.save(path)


BIGREF = "'What-if'!$A$1:$XFD$1048576"  # every cell of the sheet: 17,179,869,184


def test_an_oversized_defined_name_is_refused_from_its_corners(book: Path) -> None:
    set_name(book, "whatif_weights", "'What-if'!$A$1:$Z$1000")
    assert errors(book) == [
        f"{display_path(book)}: whatif_weights: the defined name whatif_weights covers 26,000 cells "
        "(\"'What-if'!$A$1:$Z$1000\"); expected one per criterion, at most 1,000"
    ]


def test_a_whole_sheet_defined_name_fails_fast_on_the_command_line(book: Path, tmp_path: Path) -> None:
    # the reported case: `rank --weights-from bigref.xlsx` was SIGKILLed after ~68 s, having
    # listed the cells of the whole sheet before counting them
    bigref = tmp_path / "bigref.xlsx"
    shutil.copy(book, bigref)
    set_name(bigref, "whatif_weights", BIGREF)
    r = run_limited("rank", "--weights-from", "bigref.xlsx", cwd=tmp_path)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr.splitlines() == [
        "bigref.xlsx: whatif_weights: the defined name whatif_weights covers 17,179,869,184 cells "
        f'("{BIGREF}"); expected one per criterion, at most 1,000',
        "sitecompare: 1 problem found; nothing was written",
    ]


@pytest.mark.parametrize(
    ("ref", "why"),
    [
        ("'What-if'!$A:$A", "a whole column"),
        ("'What-if'!$A$0:$A$1", "row 0"),
        ("'What-if'!$A$1:$XFE$1", "past XFD"),
    ],
)
def test_names_that_are_no_cell_range(book: Path, ref: str, why: str) -> None:
    set_name(book, "whatif_criteria", ref)
    assert errors(book) == [
        f"{display_path(book)}: whatif_criteria: the defined name whatif_criteria is not a cell range "
        f"({ref!r})"
    ], why


def test_a_huge_sheet_without_dimension_elsewhere_is_never_parsed(book: Path, tmp_path: Path) -> None:
    # openpyxl's load_workbook scans every sheet that has no <dimension> to its end, keeping
    # every (cleared) element: 40 MB of cells took 21 s and ~1 GB; this one is 80 MB
    rewrite_sheet_xml(book, 1, r"<dimension[^>]*/>", "")
    rewrite_sheet_xml(book, 1, r"<sheetData>", '<sheetData><row r="1">' + "<c/>" * 20_000_000 + "</row>")
    r = run_limited("rank", "--weights-from", str(book), "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert set(doc["weights"]) | {x["criterion"] for x in doc["excluded_criteria"]} == set(IDS)


def test_too_many_elements_before_the_weights(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(untrusted_xlsx, "MAX_ELEMENTS", 5_000)
    rewrite_sheet_xml(
        book, WHATIF_INDEX, r"<sheetData>", '<sheetData><row r="1">' + "<c/>" * 6_000 + "</row>"
    )
    assert errors(book) == [
        f"{display_path(book)}: xl/worksheets/sheet7.xml: holds more than 5,000 XML elements before "
        "the cells needed; a comparison workbook's parts hold far fewer there"
    ]


def test_the_real_element_limit_stops_a_long_row_in_seconds(book: Path) -> None:
    rewrite_sheet_xml(
        book, WHATIF_INDEX, r"<sheetData>", '<sheetData><row r="1">' + "<c/>" * 1_100_000 + "</row>"
    )
    assert errors(book) == [
        f"{display_path(book)}: xl/worksheets/sheet7.xml: holds more than 1,000,000 XML elements before "
        "the cells needed; a comparison workbook's parts hold far fewer there"
    ]


def test_deep_nesting(book: Path) -> None:
    rewrite_sheet_xml(book, WHATIF_INDEX, r"<sheetData>", "<sheetData>" + "<x>" * 100 + "</x>" * 100)
    assert errors(book) == [
        f"{display_path(book)}: xl/worksheets/sheet7.xml: nests XML elements more than 64 deep"
    ]


def test_a_part_that_unpacks_too_large(book: Path) -> None:
    rewrite_sheet_xml(book, WHATIF_INDEX, r"<sheetData>", "<sheetData>" + " " * (64 * 2**20 + 1))
    (msg,) = errors(book)
    assert re.fullmatch(
        re.escape(f"{display_path(book)}: xl/worksheets/sheet7.xml: unpacks to ")
        + r"67\.\d MB"
        + re.escape("; a part of a workbook to read weights from may unpack to at most 64 MB"),
        msg,
    ), msg


SST_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def share_strings(path: Path, padding: int = 0) -> None:
    """Store the What-if sheet's text in xl/sharedStrings.xml, as Excel and LibreOffice save it
    (openpyxl writes inline strings), followed by ``padding`` strings no cell uses."""
    name = f"xl/worksheets/sheet{WHATIF_INDEX}.xml"
    table: list[str] = []

    def share(m: re.Match[str]) -> str:
        table.append(m.group(2))
        return f'<c{m.group(1)} t="s"><v>{len(table) - 1}</v></c>'

    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        assert "xl/sharedStrings.xml" not in src.namelist()
        for item in src.infolist():
            text = src.read(item.filename).decode("utf-8")
            if item.filename == name:
                text = re.sub(r'<c([^>]*?) t="inlineStr"><is><t[^>]*>([^<]*)</t></is></c>', share, text)
            elif item.filename == "xl/_rels/workbook.xml.rels":
                rel = f'<Relationship Id="rIdSST" Type="{SST_TYPE}" Target="sharedStrings.xml"/>'
                text = text.replace("</Relationships>", rel + "</Relationships>")
            elif item.filename == "[Content_Types].xml":
                over = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_CONTENT}"/>'
                text = text.replace("</Types>", over + "</Types>")
            dst.writestr(item, text.encode("utf-8"))
        sis = "".join(f"<si><t>{t}</t></si>" for t in table) + "<si><t>padding</t></si>" * padding
        dst.writestr(
            "xl/sharedStrings.xml",
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + sis + "</sst>",
        )
    tmp.replace(path)


def test_shared_strings_are_read(book: Path) -> None:
    edit(book, {"talent": 33, "land": " 12 "})
    share_strings(book)
    assert read_whatif_weights(book, IDS) == dict(zip(IDS, POINTS, strict=True)) | {"talent": 33, "land": 12}


def test_only_the_shared_strings_needed_are_read(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(book, {"talent": 33})
    share_strings(book, padding=20_000)  # after every string the sheet uses: 40,000 elements
    monkeypatch.setattr(untrusted_xlsx, "MAX_ELEMENTS", 10_000)
    assert read_whatif_weights(book, IDS)["talent"] == 33


def test_a_shared_string_index_past_a_huge_table(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    share_strings(book, padding=20_000)
    coord = cells(book, "whatif_criteria")[1]  # talent's id now points past the padding
    rewrite_sheet_xml(
        book, WHATIF_INDEX, rf'<c r="{coord}"([^>]*)><v>[^<]*</v>', rf'<c r="{coord}"\1><v>99999</v>'
    )
    monkeypatch.setattr(untrusted_xlsx, "MAX_ELEMENTS", 10_000)
    assert errors(book) == [
        f"{display_path(book)}: xl/sharedStrings.xml: holds more than 10,000 XML elements before the "
        "cells needed; a comparison workbook's parts hold far fewer there"
    ]


def test_a_shared_string_index_that_is_not_there(book: Path) -> None:
    share_strings(book)
    coord = cells(book, "whatif_criteria")[1]
    rewrite_sheet_xml(
        book, WHATIF_INDEX, rf'<c r="{coord}"([^>]*)><v>[^<]*</v>', rf'<c r="{coord}"\1><v>99999</v>'
    )
    f = display_path(book)
    assert errors(book) == [
        f"{f}: What-if!{coord}: expected a criterion id, got '#VALUE!'",
        f"{f}: What-if: no weight for criterion '{IDS[1]}' (the sheet has weights for: "
        f"{', '.join(x for x in IDS if x != IDS[1])})",
    ]


def test_many_defined_names_cost_nothing(book: Path) -> None:
    names = "".join(f"<definedName name=\"n{k}\">'What-if'!$A$1</definedName>" for k in range(20_000))
    rewrite_part(book, "xl/workbook.xml", r"<definedNames>", "<definedNames>" + names)
    assert read_whatif_weights(book, IDS) == dict(zip(IDS, POINTS, strict=True))


# ------------------------------------------------------------------ not a regular file
def test_a_folder(tmp_path: Path) -> None:
    (tmp_path / "book.xlsx").mkdir()
    assert errors(tmp_path / "book.xlsx") == [
        f"{display_path(tmp_path / 'book.xlsx')}: is a folder, not a workbook"
    ]


class Blocked(Exception):
    """Not an OSError: the code under test must not be able to swallow it."""


@contextmanager
def deadline(seconds: int = 20) -> Iterator[None]:
    """Fail instead of hanging: a blocked open() is interrupted by SIGALRM."""

    def expire(signum: int, frame: object) -> None:
        raise Blocked(f"still blocked after {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_a_named_pipe_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "book.xlsx"
    os.mkfifo(fifo)  # opening it to read would wait for a writer for ever
    with deadline():
        assert errors(fifo) == [f"{display_path(fifo)}: is a named pipe (FIFO), not a workbook"]


def test_a_named_pipe_on_the_command_line_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "book.xlsx")
    r = run_cli("rank", "--weights-from", "book.xlsx", cwd=tmp_path, timeout=60)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        "book.xlsx: is a named pipe (FIFO), not a workbook",
        "sitecompare: 1 problem found; nothing was written",
    ]


def test_a_device(tmp_path: Path) -> None:
    # read, /dev/zero never ends: run in a process with capped memory, never in this one
    (tmp_path / "zero.xlsx").symlink_to("/dev/zero")  # through a link too
    for name in ("/dev/zero", "zero.xlsx"):
        r = run_limited("rank", "--weights-from", name, cwd=tmp_path, timeout=60)
        assert (r.returncode, r.stdout) == (1, "")
        assert r.stderr.splitlines() == [
            f"{name}: is a character device, not a workbook",
            "sitecompare: 1 problem found; nothing was written",
        ]


def test_a_socket(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        assert errors(path) == [f"{display_path(path)}: is a socket, not a workbook"]


def test_broken_and_looping_symbolic_links(tmp_path: Path) -> None:
    broken = tmp_path / "book.xlsx"
    broken.symlink_to("gone.xlsx")
    assert errors(broken) == [
        f"{display_path(broken)}: is a broken symbolic link (its target 'gone.xlsx' does not exist)"
    ]
    (tmp_path / "a.xlsx").symlink_to("b.xlsx")
    (tmp_path / "b.xlsx").symlink_to("a.xlsx")
    assert errors(tmp_path / "a.xlsx") == [
        f"{display_path(tmp_path / 'a.xlsx')}: cannot be opened (too many levels of symbolic links)"
    ]


def test_a_symbolic_link_to_a_workbook_is_read(books: dict[str, Path], tmp_path: Path) -> None:
    link = tmp_path / "link.xlsx"
    link.symlink_to(books["en"])
    assert read_whatif_weights(link, IDS) == dict(zip(IDS, POINTS, strict=True))


# ------------------------------------------------------------------ property
CELL_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["25", " 1,500 ", "1e3", "-0", "nan", "inf", "1_000", "=1+1", "#N/A"]),
)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-criterion workbook: cheap to edit and read many times."""
    from conftest import make_study

    root = tmp_path_factory.mktemp("tiny")
    sdir, cpath = make_study(
        root,
        {"a": {"x": "1 km", "y": "2 km"}, "b": {"x": "3 km", "y": "1 km"}},
        {
            "near": {"fact": "x", "unit": "km", "direction": "min", "weight": 1},
            "far": {"fact": "y", "unit": "km", "direction": "max", "weight": 1},
        },
    )
    return write_workbook(root / "tiny.xlsx", sc.rank(sc.load_study(sdir, cpath)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=CELL_VALUES)
def test_any_cell_value_gives_weights_or_a_located_error(tiny: Path, tmp_path: Path, value: object) -> None:
    wb = openpyxl.load_workbook(tiny)
    ((_, ref),) = wb.defined_names["whatif_weights"].destinations
    cell = wb["What-if"][ref][0][0]  # criterion 'near'
    cell.value = value
    if value == "#N/A":
        cell.data_type = "e"
    path = tmp_path / "prop.xlsx"
    wb.save(path)
    try:
        got = read_whatif_weights(path, ("near", "far"))
    except ValidationError as exc:
        (issue,) = exc.issues
        assert issue.field == f"What-if!{cell.coordinate}"
        assert issue.message.startswith("weight of 'near' ")
        assert "\n" not in str(issue)
    else:
        assert set(got) == {"near", "far"}
        assert all(v >= 0 and math.isfinite(v) for v in got.values())


# ------------------------------------------------------------------ the command line
def test_rank_and_compare_with_weights_from_a_workbook(book: Path, tmp_path: Path) -> None:
    edit(book, {"talent": 60, "compute": 5})
    r = run_cli("rank", "--weights-from", str(book), "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    raw = dict(zip(IDS, POINTS, strict=True)) | {"talent": 60, "compute": 5}
    total = sum(raw.values())
    # the weights in force: the criteria that take part, normalised again (talent sits out)
    out = {x["criterion"] for x in doc["excluded_criteria"]}
    assert out == {"transport", "talent"}
    active = sum(v for k, v in raw.items() if k not in out)
    assert doc["weights"] == pytest.approx({k: v / active for k, v in raw.items() if k not in out}, abs=1e-12)

    r = run_cli("compare", "--weights-from", str(book), "-o", "again.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    again = tmp_path / "again.xlsx"
    assert read_whatif_weights(again, IDS) == pytest.approx(
        {k: 100 * v / total for k, v in raw.items()}, abs=1e-9
    )
    run_info = openpyxl.load_workbook(again)["Run info"]
    kv = {row[0].value: row[1].value for row in run_info.iter_rows(min_row=5) if row[0].value}
    assert kv["Weights from"] == str(book)
    assert str(book) in kv  # the workbook read is fingerprinted among the inputs


def test_a_bad_workbook_on_the_command_line_is_one_line_and_writes_nothing(
    book: Path, tmp_path: Path
) -> None:
    edit(book, {"talent": -5})
    r = run_cli("compare", "--weights-from", str(book), cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [  # the file as the user named it, relative to the folder
        f"book.xlsx: What-if!{weight_cell(book, 'talent')}: weight of 'talent' must be >= 0, got -5",
        "sitecompare: 1 problem found; nothing was written",
    ]
    assert not (tmp_path / "reports").exists()


# ------------------------------------------------------------------ facts edited in the What-if sheet
def _fact_cells(path: Path) -> dict[tuple[str, str], str]:
    """(site id, criterion id) -> coordinate of the sites table's fact cell."""
    wb = openpyxl.load_workbook(path)
    ws = wb["What-if"]
    ((_, ref),) = wb.defined_names["whatif_sites"].destinations
    out = {}
    for (site_cell,) in ws[ref]:
        for col, cid in zip(cells(path, "whatif_criteria"), IDS, strict=True):
            out[(site_cell.value, cid)] = f"{re.sub(r'[0-9]', '', col)}{site_cell.row}"
    return out


def _edit_cells(path: Path, values: dict[str, object], *, drop_names: bool = False) -> None:
    wb = openpyxl.load_workbook(path)
    for coord, value in values.items():
        wb["What-if"][coord] = value
    if drop_names:
        for name in ("whatif_criteria", "whatif_weights", "whatif_sites", "whatif_scores"):
            del wb.defined_names[name]
    wb.save(path)


def test_facts_edited_in_the_whatif_sheet_are_refused_by_name(book: Path, tmp_path: Path) -> None:
    """Issue 9 item 6: `--weights-from` ranked with the study's facts and said nothing about
    the facts edited beside the weights. It now refuses, one line per edited cell (the weights
    alone still work: test_rank_and_compare_with_weights_from_a_workbook)."""
    at = _fact_cells(book)
    _edit_cells(
        book,
        {
            weight_cell(book, "talent"): 60,
            at[("daedeok-innopolis", "cluster")]: 500,  # a number typed over a fact
            at[("pangyo-techno-valley", "cluster")]: None,  # a fact cleared
            at[("chuncheon-gak", "power")]: 30,  # a number typed over an unknown (missing: interval)
            at[("sejong-gak", "land")]: "=2*100",  # a formula over a fact (openpyxl saves no result)
        },
    )
    tail = "--weights-from reads the weights only, not edited facts"
    expected = [
        f"book.xlsx: What-if!{at[('daedeok-innopolis', 'cluster')]}: firms of daedeok-innopolis "
        f"(criterion cluster) is 2,454 count in the study, but the cell holds 500 count; {tail}: "
        "change it in <shipped>/sites/daedeok-innopolis.yaml, or undo the edit",
        f"book.xlsx: What-if!{at[('pangyo-techno-valley', 'cluster')]}: firms of pangyo-techno-valley "
        f"(criterion cluster) is 1,780 count in the study, but the cell holds nothing (blank); {tail}: "
        "change it in <shipped>/sites/pangyo-techno-valley.yaml, or undo the edit",
        f"book.xlsx: What-if!{at[('sejong-gak', 'land')]}: site_area of sejong-gak (criterion land) is "
        f"293,697 m^2 in the study, but the cell holds the formula =2*100; {tail}: "
        "change it in <shipped>/sites/sejong-gak.yaml, or undo the edit",
        f"book.xlsx: What-if!{at[('chuncheon-gak', 'power')]}: power_mw of chuncheon-gak "
        f"(criterion power) is unknown (missing: interval, anywhere in 0..200 MW), but the cell holds 30 MW; {tail}: "
        "add the fact to <shipped>/sites/chuncheon-gak.yaml, or undo the edit",
        "sitecompare: 4 problems found; nothing was written",
    ]
    for args in (("rank",), ("compare", "-o", "out.xlsx")):
        res = run_cli(*args, "--weights-from", str(book), cwd=tmp_path)
        assert res.returncode == 1
        assert res.stdout == ""
        assert sorted(res.stderr.splitlines()[:-1]) == sorted(expected[:-1])
        assert res.stderr.splitlines()[-1] == expected[-1]
    assert list(tmp_path.iterdir()) == [book]


def test_fact_edits_are_found_when_the_names_are_gone(books: dict[str, Path], tmp_path: Path) -> None:
    path = Path(shutil.copy(books["ko"], tmp_path / "ko.xlsx"))
    at = _fact_cells(path)
    _edit_cells(path, {at[("ulsan-sk-aws", "compute")]: 1}, drop_names=True)
    res = run_cli("rank", "--weights-from", str(path), cwd=tmp_path)
    assert res.returncode == 1
    assert res.stderr.splitlines()[0].startswith(
        f"ko.xlsx: What-if!{at[('ulsan-sk-aws', 'compute')]}: accelerators of ulsan-sk-aws (criterion compute) "
        "is 60,000 count in the study, but the cell holds 1 count;"
    )


def test_weights_from_a_workbook_plus_fractions_get_a_note(book: Path, tmp_path: Path) -> None:
    res = run_cli("rank", "--weights-from", str(book), "--weights", "talent=0.5", "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["warnings"][0] == (
        "--weights talent=0.5: on a scale about 27 times smaller than the other weights of "
        f"{book} (mean 13.3); weights are shares of their sum, so talent gets 0.00621 of the "
        "total. Write them on the same scale if that is not meant."
    )
