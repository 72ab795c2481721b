"""Labels of the workbook in English and Korean.

Every label is written in English in the code, ``L.t("Decision matrix")``, and this module
holds its Korean translation (gettext style: the English text is the key). ``--lang ko`` also
shows sites by their local names (``name_local``) and criteria by ``label_local``.
A test checks that every ``.t("...")`` literal in ``sitecompare/report`` has a translation.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..model import CriteriaSet, Criterion, Site
from .ko_analysis import KO_ANALYSIS
from .ko_particles import attach_particles
from .ko_sheets import KO_SHEETS

if TYPE_CHECKING:
    from ..sensitivity.robustness import Skip

__all__ = ["LANGS", "Lang", "SHEET_KEYS", "SENSITIVITY_SHEETS", "KO", "N_", "attach_particles"]

LANGS = ("en", "ko")


def N_(text: str) -> str:  # noqa: N802 - the gettext name for "translated later"
    """Mark a label that is translated later (by ``Lang.t``), for the translation check."""
    return text


# the sheets this module writes, by key: (English name, Korean name). What-if keeps its name.
SHEET_KEYS = {
    "summary": ("Summary", "요약"),
    "ranking": ("Ranking", "순위"),
    "matrix": ("Decision matrix", "의사결정 행렬"),
    "normalised": ("Normalised", "정규화 값"),
    "contributions": ("Contributions", "기여도"),
    "weights": ("Weights", "가중치"),
    "whatif": ("What-if", "What-if"),
    "quality": ("Data quality", "데이터 품질"),
    "sources": ("Sources", "출처"),
    "runinfo": ("Run info", "실행 정보"),
}
# the sheets of compare --sensitivity, likewise, in the order they appear
SENSITIVITY_SHEETS = {
    "sweeps": ("Weight sweeps", "가중치 변화(OAT)"),
    "critical": ("Critical changes", "임계 변화"),
    "acceptability": ("Rank acceptability", "순위 수용도(SMAA)"),
    "agreement": ("Method agreement", "방법 간 일치도"),
}


# the words of a missing-value policy, a fact's status and a data-quality flag (English keys)
POLICY_LABELS = {
    "worst": N_("worst value (pessimistic)"),
    "median": N_("median value"),
    "exclude-site": N_("exclude the site"),
    "error": N_("error (must be present)"),
    "interval": N_("unknown within the plausible range"),
}
STATUS_LABELS = {
    "measured": N_("measured"),
    "plan": N_("plan"),
    "estimate": N_("estimate"),
    "computed": N_("computed"),
    "claim": N_("claim"),
    "missing": N_("missing"),
}
FLAG_LABELS = {
    "missing": N_("missing"),
    "plan": N_("planned"),
    "estimate": N_("estimated"),
    "claim": N_("claim"),
    "range": N_("range"),
    "unknown": N_("unknown"),
    "computed": N_("computed"),
    "stale": N_("stale"),
    "clipped": N_("outside the fixed scale"),
}


class Lang:
    """The workbook's language: ``t()`` translates a label, the other methods name things."""

    def __init__(self, code: str = "en") -> None:
        if code not in LANGS:
            raise ValueError(f"unknown language {code!r} (choose from: {', '.join(LANGS)})")
        self.code = code

    @property
    def ko(self) -> bool:
        """True for Korean."""
        return self.code == "ko"

    def t(self, text: str, **kw: Any) -> str:
        """``text`` (an English label) in this language, filled in with ``kw``."""
        out = KO.get(text, text) if self.ko else text
        out = out.format(**kw) if kw else out
        return attach_particles(out) if self.ko else out

    def nt(self, one: str, many: str, n: int, **kw: Any) -> str:
        """``one`` (n == 1) or ``many``, translated and filled in with ``n`` (ngettext style:
        the English sentence agrees in number; Korean has one form, the entry of each)."""
        return self.t(one if n == 1 else many, n=n, **kw)

    def skip_reason(self, skip: Skip, *, site: Callable[[str], str], crit: Callable[[str], str]) -> str:
        """Why a method could not rank the data (see ``sensitivity.robustness.Skip``), in this
        language; ``site``/``crit`` name a site/criterion id."""
        from ..sensitivity.robustness import skip_text

        return skip_text(skip, t=self.t, site=site, crit=crit, value=self.num)

    def sheet(self, key: str) -> str:
        """The name of the sheet ``key`` (see SHEET_KEYS and SENSITIVITY_SHEETS) in this
        language."""
        en, ko = SHEET_KEYS[key] if key in SHEET_KEYS else SENSITIVITY_SHEETS[key]
        return ko if self.ko else en

    # ------------------------------------------------------------------ names of things
    def site_name(self, site: Site) -> str:
        """The site's name: its local name in Korean, when it has one."""
        return (site.name_local or site.name) if self.ko else site.name

    def site_alt_name(self, site: Site) -> str:
        """The other name: the local name in English, the English name in Korean."""
        if self.ko:
            return site.name if site.name_local else ""
        return site.name_local or ""

    def crit(self, c: Criterion) -> str:
        """The criterion's label: its ``label_local`` in Korean, when it has one."""
        return (c.label_local or c.label) if self.ko else c.label

    def criteria_set(self, cs: CriteriaSet) -> str:
        """The criteria set's name: its ``name_local`` in Korean, when it has one."""
        return (cs.name_local or cs.name) if self.ko else cs.name

    def scenario(self, cs: CriteriaSet, name: str) -> str:
        """A scenario's name: its ``label_local`` in Korean, when it has one."""
        return cs.scenario_labels_local.get(name, name) if self.ko else name

    def better(self, c: Criterion) -> str:
        """"higher is better" or "lower is better" for the criterion's direction."""
        return self.t("higher is better") if c.direction == "max" else self.t("lower is better")

    def policy(self, policy: str) -> str:
        """A missing-value policy (``worst``, ``median``, ...) as a phrase."""
        return self.t(POLICY_LABELS.get(policy, policy))

    def status(self, status: str) -> str:
        """A fact's status (``measured``, ``plan``, ...) as a word."""
        return self.t(STATUS_LABELS.get(status, status))

    def flag(self, kind: str) -> str:
        """A data-quality flag (``missing``, ``plan``, ``stale``, ...) as a word."""
        return self.t(FLAG_LABELS[kind])

    def num(self, x: float | None, unit: str = "") -> str:
        """``x`` to six significant digits with thousands separators, and its unit; "n/a" when
        it is missing or not finite."""
        if x is None or (isinstance(x, float) and not math.isfinite(x)):
            return "n/a"
        s = f"{x:,.6g}" if abs(x) < 1e15 else f"{x:.6g}"
        if "e" not in s and "." not in s and abs(x) >= 1e6:
            s = f"{x:,.0f}"
        u = unit.replace("^2", "²").replace("^3", "³")
        return f"{s} {u}".rstrip()

    def date(self, d: dt.date | None) -> str:
        """``d`` as YYYY-MM-DD (empty when there is none)."""
        return d.isoformat() if d else ""

    def join(self, items: list[str]) -> str:
        """``items`` as one comma-separated list."""
        return ", ".join(items)


# Korean translations (the sheets' labels, then the analysis'). Keys are the English labels
# exactly as written in the code.
KO: dict[str, str] = {**KO_SHEETS, **KO_ANALYSIS}
