"""Site tables: one row per site in a ``.csv``, ``.xlsx`` or ``.parquet`` file (or a Parquet
dataset folder), with the units and sources of its columns in a sidecar (spec section 8).

A table is read column by column (pyarrow), never row by row: every fact column becomes one
float64 array (NaN where the cell is empty), the ids stay an Arrow string array, and every check
is a vectorised mask over a column. Only the cells that fail a check are looked at one by one,
by the same validator functions a profile's facts go through (:mod:`sitecompare.validate`), so
a table and a profile say the same thing about the same bad value. The column metadata (unit,
source, status, method, scope, note, quote, as_of) is checked once per column by the
validator's own fact rules, with a placeholder value.

Locations: a bad cell is ``TABLE:ROW:COLUMN: message``, where ROW is the row number a
spreadsheet shows (the header is row 1, the first site row 2; for Parquet, the same count over
the rows in file order); a problem of a whole column's metadata is ``SIDECAR: columns.COLUMN.KEY:
message``. At most :data:`MAX_CELL_ISSUES` cell problems are listed per column and kind, then
one line says how many more there are.

:class:`SiteTable` keeps the columns; :meth:`SiteTable.site` builds the model's
:class:`~sitecompare.model.Site` of one row (for the workbook, ``import`` and the sensitivity
analysis), :func:`sitecompare.tables.matrix.build_table_matrix` builds the decision matrix straight
from the columns.

Modules: ``paths`` (which paths are tables, where the sidecar is), ``read`` (the formats),
``sidecar`` (sources and column metadata), ``checks`` (cells by column), ``table``
(:class:`SiteTable`), ``load`` (:func:`load_table`: a table read and checked), ``matrix`` (the
decision matrix from columns), ``study`` (a study of a table), ``importer`` (the profiles
``sitecompare import`` writes). The names below are imported from them on first use, so that
asking whether a folder is a table does not import the readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checks import MAX_CELL_ISSUES
    from .load import load_table, read_table
    from .paths import TABLE_SUFFIXES, is_table, sidecar_path
    from .read import COLUMN_KEYS, FIRST_ROW, RESERVED_COLUMNS
    from .table import LazyIds, SiteTable

__all__ = [
    "TABLE_SUFFIXES",
    "RESERVED_COLUMNS",
    "COLUMN_KEYS",
    "MAX_CELL_ISSUES",
    "FIRST_ROW",
    "SiteTable",
    "LazyIds",
    "is_table",
    "sidecar_path",
    "read_table",
    "load_table",
]

# the module of each name (the module docstring)
_MODULES = {
    "TABLE_SUFFIXES": "paths",
    "is_table": "paths",
    "sidecar_path": "paths",
    "RESERVED_COLUMNS": "read",
    "COLUMN_KEYS": "read",
    "FIRST_ROW": "read",
    "MAX_CELL_ISSUES": "checks",
    "SiteTable": "table",
    "LazyIds": "table",
    "read_table": "load",
    "load_table": "load",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
