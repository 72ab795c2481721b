"""The house rules of the package layout (issue 11): the core imports no click, rich or openpyxl,
and no module or function grows past its size limit."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import sitecompare

PACKAGE = Path(sitecompare.__file__).parent
# the layers that drive the terminal, the workbook and the page; everything else is the core
OUTER = ("cli", "report", "app")
FORBIDDEN = ("click", "rich", "openpyxl")
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 120

# In a fresh interpreter: import each core module in turn; a finder first on sys.meta_path notes,
# for each forbidden library, the module whose code imported it (the nearest caller frame
# outside importlib), and which core module was being imported then. After each module the
# libraries are dropped from sys.modules, so that a later import of one is noted too.
_PROBE = """
import importlib, json, os, pkgutil, sys
import sitecompare
outer = {outer!r}
forbidden = {forbidden!r}
current = ["sitecompare"]
found = []


class Spy:
    def find_spec(self, fullname, path=None, target=None):
        if fullname in forbidden:
            frame = sys._getframe(1)
            while frame.f_globals.get("__name__", "").startswith(("importlib", "_frozen_importlib")):
                frame = frame.f_back
            found.append([current[0], fullname, frame.f_globals.get("__name__", "?")])
        return None


sys.meta_path.insert(0, Spy())


def walk(path, prefix):
    # pkgutil.walk_packages would import every package to look inside, the outer ones too
    for m in pkgutil.iter_modules([path], prefix):
        if m.name.split(".")[1] in outer or m.name.endswith(".__main__"):
            continue  # a layer, or the entry point (importing it runs the command line)
        yield m.name
        if m.ispkg:
            yield from walk(os.path.join(path, m.name.rsplit(".", 1)[1]), m.name + ".")


names = list(walk(sitecompare.__path__[0], "sitecompare."))
loaded = set()
for name in names:
    current[0] = name
    importlib.import_module(name)
    # forget the libraries again, so that the next import of one goes through the spy too
    for key in [k for k in sys.modules if k.split(".")[0] in forbidden]:
        loaded.add(key.split(".")[0])
        del sys.modules[key]
print(json.dumps({{"modules": len(names), "found": found, "loaded": sorted(loaded)}}))
"""


def test_the_core_imports_no_click_rich_or_openpyxl() -> None:
    """Every module outside cli/, report/ and app/ imports in a fresh process without loading
    click, rich or openpyxl; the failure names the core module being imported and the module
    whose import statement loaded the library.

    A library loaded by a third-party package the core uses (scikit-learn, under scikit-criteria,
    loads rich when it is installed) is not the core's import: it is allowed, and only such
    imports may leave one of the three in ``sys.modules``."""
    code = _PROBE.format(outer=OUTER, forbidden=FORBIDDEN)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["modules"] > 20  # the walk found the core
    offenders = [
        f"importing {name}: {importer} imports {lib}"
        for name, lib, importer in out["found"]
        if importer.split(".")[0] == "sitecompare"
    ]
    assert not offenders, "core modules that import a layer's library:\n" + "\n".join(offenders)
    by_others = {lib for _, lib, importer in out["found"] if importer.split(".")[0] != "sitecompare"}
    assert set(out["loaded"]) <= by_others, out


def test_no_module_over_600_lines_and_no_function_over_120() -> None:
    """Module and function sizes across sitecompare/ (the split of issue 11)."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent)
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES:
            offenders.append(f"{rel}: {lines} lines (limit {MAX_MODULE_LINES})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    offenders.append(
                        f"{rel}:{node.lineno} {node.name}: {size} lines (limit {MAX_FUNCTION_LINES})"
                    )
    assert not offenders, "too big:\n" + "\n".join(offenders)
