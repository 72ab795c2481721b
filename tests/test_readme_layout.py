"""The README's layout section names every module and package of the tree (issue 11)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _layout_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Layout")
    return text[start : text.index("\n## ", start + 1)]


def test_every_package_and_top_level_module_is_in_the_readme_layout() -> None:
    layout = _layout_section()
    named = set(re.findall(r"[A-Za-z_]+\.py|[A-Za-z_]+/", layout))
    pkg = ROOT / "sitecompare"
    missing = [
        p.name for p in sorted(pkg.glob("*.py")) if p.name not in {"__init__.py", "__main__.py"} and p.name not in named
    ]
    missing += [
        p.name + "/"
        for p in sorted(pkg.iterdir())
        if p.is_dir() and (p / "__init__.py").exists() and p.name + "/" not in named
    ]
    assert missing == [], f"README layout section does not name: {missing}"


def test_the_readme_layout_names_no_module_that_is_gone() -> None:
    layout = _layout_section()
    pkg = ROOT / "sitecompare"
    existing = {p.name for p in pkg.rglob("*.py")}
    gone = sorted(set(re.findall(r"\b[a-z_]+\.py\b", layout)) - existing - {"test_house.py"})
    gone = [g for g in gone if not (ROOT / "benchmarks" / g).exists()]
    assert gone == [], f"README layout section names modules that do not exist: {gone}"
