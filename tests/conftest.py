"""Shared helpers: write small studies to a temp folder, run the real console script."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

SITECOMPARE = Path(sys.executable).parent / "sitecompare"


def run_cli(
    *args: str, cwd: Path | str | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run the installed ``sitecompare`` console script (not an in-process runner)."""
    return subprocess.run(
        [str(SITECOMPARE), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(),
    )


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.pop("SITECOMPARE_DEBUG", None)
    env["COLUMNS"] = "160"
    return env


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def site_doc(sid: str, facts: dict[str, Any], **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": 1,
        "id": sid,
        "name": extra.pop("name", sid.upper()),
        "country": "KR",
        "sources": {"src": {"title": "Test source", "date": "2024-01-01"}},
        "facts": facts,
    }
    doc.update(extra)
    return doc


def make_study(
    root: Path,
    sites: dict[str, dict[str, Any]],
    criteria: dict[str, Any],
    *,
    method: Any = None,
    scenarios: dict | None = None,
    extra: dict | None = None,
) -> tuple[Path, Path]:
    """Write ``root/sites/<id>.yaml`` and ``root/criteria/default.yaml``; return both paths."""
    sdir = root / "sites"
    sdir.mkdir(parents=True, exist_ok=True)
    for sid, facts in sites.items():
        (sdir / f"{sid}.yaml").write_text(
            yaml.safe_dump(site_doc(sid, facts), allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
    doc: dict[str, Any] = {"format": 1, "name": "test set", "criteria": criteria}
    if method is not None:
        doc["method"] = method
    if scenarios:
        doc["scenarios"] = scenarios
    if extra:
        doc.update(extra)
    cpath = root / "criteria" / "default.yaml"
    cpath.parent.mkdir(parents=True, exist_ok=True)
    cpath.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return sdir, cpath


@pytest.fixture
def small_study(tmp_path: Path) -> tuple[Path, Path]:
    """Three sites, three criteria (one cost), all facts present."""
    return make_study(
        tmp_path,
        {
            "alpha": {"compute_pf": "10 PFLOPS", "ktx_km": "20 km", "talent": "100 person/year"},
            "beta": {"compute_pf": "30 PFLOPS", "ktx_km": "5 km", "talent": "50 person/year"},
            "gamma": {"compute_pf": "20 PFLOPS", "ktx_km": "10 km", "talent": "300 person/year"},
        },
        {
            "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 40},
            "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 30},
            "talent": {"fact": "talent", "unit": "person/year", "direction": "max", "weight": 30},
        },
        scenarios={"rail-first": {"rail": 60}},
    )
