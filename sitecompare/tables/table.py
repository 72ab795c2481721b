"""A site table held by column: the ids as an Arrow array, one float64 array per fact column
(NaN where a cell is empty), each column's metadata as a :class:`~sitecompare.model.Fact`
template; a row becomes a :class:`~sitecompare.model.Site` only when asked for."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

import numpy as np

from ..model import Fact, Site, Source
from .read import FIRST_ROW

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["LazyIds", "SiteTable"]


class LazyIds(Sequence[str]):
    """Site ids held as an Arrow string array: a sequence of ``str`` without a Python object
    per row until one is asked for."""

    def __init__(self, array: pa.Array) -> None:
        self.array = array

    def __len__(self) -> int:
        return len(self.array)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> LazyIds: ...

    def __getitem__(self, i: int | slice) -> str | LazyIds:
        if isinstance(i, slice):
            return LazyIds(self.array[i])
        sid: str = self.array[int(i)].as_py()
        return sid

    def __iter__(self) -> Iterator[str]:
        yield from self.array.to_pylist()

    def __eq__(self, other: object) -> bool:
        try:
            return isinstance(other, Sequence) and len(self) == len(other) and list(self) == list(other)
        except TypeError:
            return NotImplemented

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"LazyIds({len(self)} sites)"

    def take(self, rows: np.ndarray) -> LazyIds:
        """The ids at ``rows`` (an index array), still lazy."""
        return LazyIds(self.array.take(rows))


@dataclass(frozen=True, eq=False)
class SiteTable:
    """A site table held by column. ``values[col]`` is float64 in the column's own unit with
    NaN for an empty cell; ``facts[col]`` the column's metadata as a :class:`Fact` template
    (value 0)."""

    path: str  # as shown in messages
    meta_path: str  # the sidecar (or ``grid.xlsx[meta]``)
    ids: pa.Array
    values: dict[str, np.ndarray]
    facts: dict[str, Fact]
    sources: dict[str, Source]
    text: dict[str, pa.Array] = field(default_factory=dict)  # name, name_local, country, region
    lat: np.ndarray | None = None
    lon: np.ndarray | None = None
    rows: np.ndarray | None = None  # spreadsheet row of each site (None: FIRST_ROW + index)
    country: str | None = None  # the sidecar's default country

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def columns(self) -> tuple[str, ...]:
        """The fact columns' names, in table order."""
        return tuple(self.values)

    def row_number(self, i: int) -> int:
        """The spreadsheet row of table row ``i`` (as messages name it)."""
        return int(self.rows[i]) if self.rows is not None else FIRST_ROW + int(i)

    def where(self, i: int, column: str) -> str:
        """``TABLE:ROW:COLUMN``: where a cell is, as a spreadsheet shows it."""
        return f"{self.path}:{self.row_number(i)}:{column}"

    @property
    def site_ids(self) -> LazyIds:
        """The site ids, lazily."""
        return LazyIds(self.ids)

    def index_of(self, sid: str) -> int:
        """The table row of site ``sid`` (KeyError if none)."""
        index: dict[str, int] | None = self.__dict__.get("_index")
        if index is None:  # built once, when a caller asks for sites by id
            index = {s: i for i, s in enumerate(self.ids.to_pylist())}
            object.__setattr__(self, "_index", index)
        return index[sid]

    def _text(self, col: str, i: int) -> str | None:
        arr = self.text.get(col)
        if arr is None:
            return None
        v = arr[i].as_py()
        return None if v is None or str(v).strip() == "" else str(v).strip()

    def name_of(self, i: int) -> str:
        """Row ``i``'s site name (its id when the name is empty)."""
        sid: str = self.ids[i].as_py()
        return self._text("name", i) or sid

    def names(self, rows: np.ndarray) -> list[str]:
        """The site names of ``rows`` (ids where a name is empty)."""
        ids: list[str] = self.ids.take(rows).to_pylist()
        arr = self.text.get("name")
        if arr is None:
            return ids
        names = arr.take(rows).to_pylist()
        return [
            str(n).strip() if n is not None and str(n).strip() else s for n, s in zip(names, ids, strict=True)
        ]

    def fact(self, i: int, col: str) -> Fact | None:
        """Row ``i``'s fact in column ``col`` (the column's metadata), None for an empty cell."""
        x = self.values[col][i]
        if np.isnan(x):
            return None
        t = self.facts[col]
        return Fact(**{**_fact_fields(t), "value": float(x)})

    def site(self, i: int) -> Site:
        """Row ``i`` as the model's :class:`Site` (every fact its column's metadata)."""
        facts = {}
        for col in self.values:
            f = self.fact(i, col)
            if f is not None:
                facts[col] = f
        coords = None
        if self.lat is not None and self.lon is not None and not np.isnan(self.lat[i]):
            coords = (float(self.lat[i]), float(self.lon[i]))
        used = {f.source for f in facts.values()}
        return Site(
            id=self.ids[i].as_py(),
            name=self.name_of(i),
            country=self._text("country", i) or self.country or "",
            path=f"{self.path}:{self.row_number(i)}",
            name_local=self._text("name_local", i),
            region=self._text("region", i),
            coordinates=coords,
            sources={k: v for k, v in self.sources.items() if k in used},
            facts=facts,
        )

    def sites(self, rows: Sequence[int] | np.ndarray | None = None) -> list[Site]:
        """Rows ``rows`` (every row by default) as the model's :class:`Site`."""
        idx = range(len(self)) if rows is None else rows
        return [self.site(int(i)) for i in idx]


def _fact_fields(f: Fact) -> dict[str, Any]:
    return {k: getattr(f, k) for k in f.__dataclass_fields__}
