"""The weights page's study and weights, as plain functions over the library (no Streamlit here):
the study the page loads, the weights as points (the sliders, scenarios, AHP), the ranking they
give, the workbook download and saving a scenario. What the page shows of a ranking (the table,
rank intervals, headline, sweep, SMAA, data quality) is in :mod:`.results`.

The page script (:mod:`.page`) lays these out; the tests call them directly. Every number comes
from the library: :func:`sitecompare.rank`, :mod:`sitecompare.weights.ahp` (AHP),
:func:`sitecompare.report.build_workbook` (the download) and
:func:`sitecompare.weights.scenario_io.write_scenario` (saving a scenario).

Weights on the page are **points**, as in the criteria file: the sliders start at the file's
``weight`` values (or a scenario's), and the ranking uses ``with_weights(study, points)``,
which normalises them exactly as ``sitecompare rank --weights k=v,...`` does.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Issue, SiteCompareError, ValidationError
from ..model import CriteriaSet, MethodSpec, Study
from ..ranking import Ranking
from ..rounding import rounded, rounded_map

if TYPE_CHECKING:
    from ..weights.ahp import AHPResult, HierarchyResult

__all__ = [
    "AppConfig",
    "ENV_SITES",
    "ENV_CRITERIA",
    "ENV_ALLOW_SAVE",
    "WEIGHT_SOURCE",
    "SLIDER_STEP",
    "AHP_VALUES",
    "issue_lines",
    "load",
    "fingerprint",
    "base_points",
    "scenario_points",
    "slider_max",
    "clean_points",
    "weights_text",
    "method_names",
    "method_spec",
    "rank_points",
    "workbook_bytes",
    "save_scenario",
    "ahp",
    "ahp_points",
]

ENV_SITES = "SITECOMPARE_APP_SITES"
ENV_CRITERIA = "SITECOMPARE_APP_CRITERIA"
ENV_ALLOW_SAVE = "SITECOMPARE_APP_ALLOW_SAVE"
WEIGHT_SOURCE = "weights page"
PAIRWISE_MAX_SITES = 200  # PROMETHEE II on the page up to this many sites (see method_names)
SLIDER_STEP = 0.1  # points; AHP weights and scenario shares are rounded to it
# Saaty's scale as the AHP selects offer it ("a over b"); "" = not judged (completed by Harker)
AHP_VALUES = (
    "9",
    "8",
    "7",
    "6",
    "5",
    "4",
    "3",
    "2",
    "1",
    "1/2",
    "1/3",
    "1/4",
    "1/5",
    "1/6",
    "1/7",
    "1/8",
    "1/9",
)


# ----------------------------------------------------------------------------- the study
@dataclass(frozen=True)
class AppConfig:
    """What ``sitecompare app`` passes to the page (through the environment)."""

    sites: Path | None = None
    criteria: Path | None = None
    allow_save: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AppConfig:
        """The configuration ``sitecompare app`` passed in ``env`` (default: os.environ)."""
        e = os.environ if env is None else env
        return cls(
            sites=Path(e[ENV_SITES]) if e.get(ENV_SITES) else None,
            criteria=Path(e[ENV_CRITERIA]) if e.get(ENV_CRITERIA) else None,
            allow_save=e.get(ENV_ALLOW_SAVE, "") == "1",
        )

    def to_env(self) -> dict[str, str]:
        """The environment variables that pass this configuration to the page."""
        out = {ENV_ALLOW_SAVE: "1" if self.allow_save else ""}
        out[ENV_SITES] = str(self.sites) if self.sites else ""
        out[ENV_CRITERIA] = str(self.criteria) if self.criteria else ""
        return out

    def paths(self) -> tuple[Path, Path]:
        """The sites folder and criteria file in force (``./sites`` ... else the shipped ones)."""
        from ..study import default_paths

        return default_paths(self.sites, self.criteria)


def issue_lines(exc: SiteCompareError) -> list[str]:
    """The one-line messages the command line prints for ``exc`` (``FILE: FIELD: message``)."""
    return [str(i) for i in exc.issues]


def fingerprint(config: AppConfig) -> str:
    """A digest of the names, sizes and modification times of the study's files: a change
    reloads the study. (A short text: Streamlit hashes cache keys on every run.)"""
    sdir, cpath = config.paths()
    out: list[tuple[str, int, int]] = []
    paths = [cpath]
    if sdir.is_dir():
        with contextlib.suppress(OSError):  # an unreadable folder: the files found so far
            paths += sorted(sdir.iterdir())
    else:
        paths.append(sdir)
    for p in paths:
        try:
            st = p.stat()
            out.append((str(p), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(p), -1, -1))
    return hashlib.sha256(repr(out).encode("utf-8", "surrogateescape")).hexdigest()


def load(config: AppConfig, horizon: str = "planned") -> Study:
    """The study with the criteria file's own weights (raises SiteCompareError, as the CLI)."""
    from ..study import load_study

    return load_study(config.sites, config.criteria, horizon=horizon)


# --------------------------------------------------------------------------- weights
def base_points(cs: CriteriaSet) -> dict[str, float]:
    """The criteria file's own weights, in its points."""
    return {k: float(v) for k, v in cs.base_weights().items()}


def scenario_points(cs: CriteriaSet, name: str | None) -> dict[str, float]:
    """A scenario's weights as points: the base points with the scenario's laid over them (the
    loader's rule). A scenario written as shares summing to 1 (``weights ... --into``) is shown
    as points of 100, rounded to the sliders' step."""
    raw = base_points(cs)
    if not name:
        return raw
    scen = {k: float(v) for k, v in cs.scenarios[name].items()}
    raw.update(scen)
    if set(scen) == set(raw) and abs(sum(scen.values()) - 1.0) < 1e-3:
        raw = {k: round(100.0 * v / SLIDER_STEP) * SLIDER_STEP for k, v in raw.items()}
    return clean_points(raw)


def slider_max(cs: CriteriaSet) -> float:
    """The sliders' top: 100 points, or more when the file or a scenario uses larger points."""
    top = max(base_points(cs).values(), default=0.0)
    for name in cs.scenarios:
        top = max(top, max(scenario_points(cs, name).values(), default=0.0))
    return float(max(100, math.ceil(top)))


def clean_points(points: Mapping[str, float]) -> dict[str, float]:
    """Slider values rounded to the step's decimals (a float slider gives 25.100000000000001)."""
    return rounded_map(points)


def weights_text(points: Mapping[str, float]) -> str:
    """``compute=25,power=15,...``: the ``--weights`` option for the same ranking."""
    return ",".join(f"{k}={float(v):g}" for k, v in points.items())


# ------------------------------------------------------------------------------ ranking
def method_names(cs: CriteriaSet, sites: int = 0) -> list[str]:
    """The methods the page offers: the native ones (each has a vectorised form, so a slider
    move re-ranks at once), and the criteria file's own method when it is another.
    PROMETHEE II compares every pair of sites, for the ranking and for each configuration its
    rank intervals try, so above ``PAIRWISE_MAX_SITES`` sites it is offered only when it is the
    criteria file's own method (a move would take tens of seconds at 1,000 sites)."""
    from ..report.plain_tables import BUILTIN_METHODS

    names = [m for m in BUILTIN_METHODS if m != "promethee2" or sites <= PAIRWISE_MAX_SITES]
    if cs.method.name not in names:
        names.insert(0, cs.method.name)
    return names


def method_spec(cs: CriteriaSet, name: str) -> MethodSpec:
    """``name`` with the criteria file's parameters when it is the file's method (as
    ``--method``), else with its published defaults."""
    from ..methods import validate_method

    raw: dict[str, Any] = {"name": name}
    if name == cs.method.name:
        raw.update(cs.method.params)
    spec, problems = validate_method(raw)
    if spec is None or problems:
        raise ValidationError([Issue("--method", f, m) for f, m in problems] or [Issue("--method", "", name)])
    return spec


def rank_points(study: Study, points: Mapping[str, float], method: MethodSpec) -> Ranking:
    """The ranking for the weights on screen: ``sitecompare rank --weights POINTS``."""
    from ..ranking import rank
    from ..study import with_weights

    return rank(with_weights(study, clean_points(points), WEIGHT_SOURCE), method)



# ---------------------------------------------------------------------------- workbook
def workbook_bytes(ranking: Ranking, lang: str = "en") -> bytes:
    """The comparison workbook for the weights on screen (its What-if weights are the points)."""
    from ..report.xlsx import build_workbook, serialise

    line = "sitecompare app: weights " + weights_text(ranking.study.weight_points or {})
    wb = build_workbook(ranking, lang=lang, command_line=line)
    return serialise(wb, "site-comparison.xlsx")


# ------------------------------------------------------------------------- save (opt-in)
def save_scenario(
    config: AppConfig, name: str, points: Mapping[str, float], description: str | None = None
) -> bool:
    """Write the weights on screen into the criteria file as scenario ``name``, comments kept
    (the ``--into`` writer). Only with ``--allow-save``; True when it replaced a scenario."""
    from ..study import shipped_criteria_file
    from ..weights.scenario_io import write_scenario

    if not config.allow_save:
        raise ValidationError([Issue("sitecompare app", "", "saving needs --allow-save")])
    _, cpath = config.paths()
    if Path(cpath).resolve() == shipped_criteria_file().resolve():
        raise ValidationError(
            [
                Issue(
                    str(cpath),
                    "",
                    "this is the criteria file shipped inside the package; copy the study "
                    "(mkdir my-study && cp -rL sites criteria my-study/) and run from there",
                )
            ]
        )
    pts = clean_points(points)
    return write_scenario(
        cpath,
        name.strip(),
        pts,
        {"method": "weights-page", "points": pts},
        description=(description or "").strip() or None,
    )


# ----------------------------------------------------------------------------------- AHP
def ahp(criteria: Sequence[str], judgments: Mapping[tuple[str, str], str]) -> AHPResult | HierarchyResult:
    """AHP weights from the page's pairwise judgments (``(a, b) -> "3"`` means a over b is 3;
    ``""`` leaves the pair out, completed by Harker's method): the library's
    :func:`~sitecompare.weights.ahp.ahp_from_judgment_file`, with CR and the worst judgments."""
    from ..weights.ahp import ahp_from_judgment_file
    from ..weights.judgments import judgment_file_from_data

    data = {
        "criteria": list(criteria),
        "judgments": [[a, b, v] for (a, b), v in judgments.items() if v],
        "participant": "weights page",
    }
    return ahp_from_judgment_file(judgment_file_from_data(data, "AHP"))


def ahp_points(result: AHPResult | HierarchyResult) -> dict[str, float]:
    """AHP weights as slider points: x 100, rounded to the sliders' step."""
    steps = {c: round(100.0 * float(w) / SLIDER_STEP) for c, w in result.weights.items()}
    return {c: rounded(n * SLIDER_STEP) for c, n in steps.items()}
