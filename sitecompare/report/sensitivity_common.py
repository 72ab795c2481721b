"""What the four sensitivity sheets share: the context each is written from
(:class:`SheetContext`: the result, the language, display names, the title rows with the run's
seed and sampling settings, and the print layout). Their names, in both languages, are
:data:`sitecompare.report.i18n.SENSITIVITY_SHEETS` (``Lang.sheet`` names every sheet).

Print layout: A4 landscape, one page wide, rows 1-3 repeated; explicit page breaks keep a
heading with its table or chart (see :meth:`SheetContext.finish` and the page model in
:mod:`sitecompare.report.layout.pages`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from openpyxl.styles import Alignment
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..scenarios import method_label
from .i18n import N_, SENSITIVITY_SHEETS, Lang
from .layout import Styles, finish_with_breaks, head_and_tail, merge, new_sheet, put, style_cell

if TYPE_CHECKING:
    from ..sensitivity import SensitivityResult

__all__ = ["SENSITIVITY_SHEETS", "SheetContext", "sampling_text"]

_SAMPLING = {
    "uniform": N_("uniformly sampled weightings"),
    "dirichlet": N_("weightings sampled around the weights in force (Dirichlet, concentration {k:g})"),
    "ordinal": N_("sampled weightings that keep the order of the weights in force"),
}


class SheetContext:
    """What every sheet needs: the result, the language and display names."""

    def __init__(self, res: SensitivityResult, L: Lang, st: Styles) -> None:
        self.res, self.L, self.st = res, L, st
        dm = res.matrix
        self.dm = dm
        by_id = {s.id: s for s in res.study.sites}
        self.name = {sid: L.site_name(by_id[sid]) if sid in by_id else sid for sid in dm.site_ids}
        self.crit = {c.id: c for c in dm.criteria}
        self.order = [int(i) for i in np.argsort(res.ranks, kind="stable")]  # rank order
        self.rank = {sid: int(r) for sid, r in zip(dm.site_ids, res.ranks, strict=True)}

    @property
    def searched_top(self) -> int | None:
        """The rank down to which critical changes were searched (``sensitivity --top``), or
        None when every pair of sites was followed."""
        listed = self.res.listed
        return None if listed.get("every_pair", True) else int(listed["top"])

    def listed_note(self) -> str | None:
        """The note that says which pairs a large set lists (None when every pair is listed)."""
        top = self.searched_top
        if top is None:
            return None
        n = len(self.dm.site_ids)
        return self.L.t(
            "{n} sites: crossovers and critical changes are listed for {p} of the {total} pairs: "
            "every pair among the best {k}, the leader with every site and each site with the two "
            "just below it in the ranking. The intervals and the most critical criterion cover "
            "every site.",
            n=f"{n:,}",
            p=f"{int(self.res.listed['pairs_followed']):,}",
            total=f"{n * (n - 1) // 2:,}",
            k=top,
        )

    def cname(self, cid: str) -> str:
        """The display name of criterion ``cid`` in the workbook's language."""
        return self.L.crit(self.crit[cid])

    def settings(self) -> str:
        """The line under the title: method, samples, sampling, seed, how uncertain facts
        were drawn."""
        sm, L = self.res.smaa, self.L
        text = L.t(
            "Sensitivity run: method {method}; SMAA-2 with {samples} samples of {how}; seed {seed}",
            method=method_label(self.res.method),
            samples=f"{sm.samples:,}",
            how=sampling_text(self.res, L),
            seed=sm.seed,
        )
        if any(c.kind == "unknown" for c in sm.uncertain):
            text += L.t("; unknown facts drawn within their plausible range")
        if any(c.kind == "missing" for c in sm.uncertain):
            text += L.t("; missing facts drawn within the other sites' range")
        return text

    def start(self, wb: Workbook, key: str, title: str, subtitle: str, span: int) -> tuple[Worksheet, int]:
        """The sheet, its title, description and run settings (rows 1-3, wrapped over
        ``span`` columns so that nothing runs off the printed page)."""
        ws, _ = new_sheet(wb, self.st, self.L.sheet(key), title, subtitle)
        put(ws, 3, 1, self.settings(), font=self.st.small)
        wrap = Alignment(wrap_text=True, vertical="top")
        for r in (2, 3):
            style_cell(ws.cell(row=r, column=1), align=wrap)
            merge(ws, r, 1, r, span)
        return ws, 5

    def write_sections(
        self,
        ws: Worksheet,
        row: int,
        sections: Sequence[tuple[Callable[[int], int], int | None]],
        *,
        last_col: int,
    ) -> None:
        """Write ``sections`` one under the other from ``row``, a blank row between them, then
        :meth:`finish`. Each is a function of the row it starts at that returns the row under
        it, with how many of its rows to keep with its heading on a page (None: all of it)."""
        blocks: list[tuple[int, int]] = []
        for section, head in sections:
            start = row
            row = section(row)
            blocks += [(start, row - 1)] if head is None else head_and_tail(start, row - 1, head)
            row += 1
        self.finish(ws, blocks, last_col=last_col)

    def finish(
        self,
        ws: Worksheet,
        blocks: Sequence[tuple[int, int]],
        *,
        last_col: int,
        print_rows: int | None = None,
    ) -> None:
        """Print setup and page breaks that keep each block on one page
        (:func:`~sitecompare.report.layout.finish_with_breaks`)."""
        label = self.L.t("Page &P of &N")
        finish_with_breaks(ws, self.st, blocks, last_col=last_col, print_rows=print_rows, page_label=label)


def sampling_text(res: SensitivityResult, L: Lang) -> str:
    """How the SMAA weightings were sampled, for a sentence ('uniformly sampled weightings')."""
    sm = res.smaa
    return L.t(_SAMPLING.get(sm.weight_sampling, sm.weight_sampling), k=sm.concentration or 0)
