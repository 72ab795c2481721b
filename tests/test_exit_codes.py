"""Exit codes tell the truth (issue 9, item 8): bad input exits 1 through the SiteCompareError
tree (units, normalisations, methods' domains included); a bug in our own code exits 3."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import numpy as np
import pytest
from conftest import SITECOMPARE, make_study, run_cli

from sitecompare.errors import (
    MethodDomainError,
    NormalizationError,
    SiteCompareError,
    UnitError,
    ValidationError,
)
from sitecompare.methods import Problem, get_method
from sitecompare.methods.normalize import normalize
from sitecompare.units import convert

SITES = {
    "alpha": {"compute_pf": "10 PFLOPS", "ktx_km": "20 km"},
    "beta": {"compute_pf": "30 PFLOPS", "ktx_km": "5 km"},
}
CRITERIA = {
    "compute": {"fact": "compute_pf", "unit": "PFLOPS", "direction": "max", "weight": 40},
    "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 30},
}


def test_unit_normalisation_and_domain_errors_are_site_compare_errors() -> None:
    with pytest.raises(UnitError) as unit:
        convert(1.0, "km", "min")
    with pytest.raises(NormalizationError) as norm:
        normalize(np.array([[1.0], [-1.0]]), np.array([True]), "max")
    problem = Problem.from_arrays([[1.0, 2.0], [0.0, 3.0]], [True, True])
    with pytest.raises(MethodDomainError) as wpm:
        get_method("wpm").evaluate(problem, np.array([0.5, 0.5]))
    with pytest.raises(MethodDomainError) as skc:
        get_method("skc-topsis").evaluate(Problem.from_arrays([[1.0, 2.0]], [True, True]), [0.5, 0.5])
    for exc in (unit, norm, wpm, skc):
        assert isinstance(exc.value, SiteCompareError)
        assert isinstance(exc.value, ValueError)  # as before they joined the tree
    assert str(unit.value) == "'km' is not a time (expected min)"
    assert str(norm.value) == "'max' normalisation needs values >= 0" and norm.value.column == 0
    assert str(wpm.value) == "wpm needs values > 0; criterion 'C1' has 0"
    assert str(skc.value) == "TOPSIS (scikit-criteria) needs at least 2 sites"
    # unlocated, the CLI prints one line naming the tool: still exit 1 material
    assert [str(i) for i in wpm.value.issues] == ["sitecompare: wpm needs values > 0; criterion 'C1' has 0"]


def test_a_method_domain_error_exits_1_with_its_location(tmp_path: Path) -> None:
    sdir, cpath = make_study(tmp_path, SITES, CRITERIA, method={"name": "wsm", "normalization": "max"})
    (sdir / "alpha.yaml").write_text((sdir / "alpha.yaml").read_text().replace("20 km", "0 km"))
    res = run_cli("rank", "--sites", "sites", "--criteria", "criteria/default.yaml", cwd=tmp_path)
    assert res.returncode == 1
    assert res.stderr.splitlines() == [
        "criteria/default.yaml: method.normalization: 'max' normalisation needs values > 0 (criterion rail)",
        "sitecompare: 1 problem found; nothing was written",
    ]


def _broken_numpy_env(tmp_path: Path) -> dict[str, str]:
    """A ``sitecustomize`` that puts a numpy error into our own WSM code (a shape bug in the
    normalisation step), loaded by the real console script through PYTHONPATH."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        textwrap.dedent(
            """
            import numpy as np
            import sitecompare.methods.normalize as normalize

            def broken_normalize(X, benefit, kind, **kw):
                return np.zeros(3) + np.zeros(2)  # ValueError: operands could not be broadcast

            normalize.normalize = broken_normalize
            """
        )
    )
    env = dict(os.environ)
    env.pop("SITECOMPARE_DEBUG", None)
    env["PYTHONPATH"] = str(hook)
    return env


@pytest.mark.parametrize(
    "args", [("rank",), ("rank", "--all-scenarios"), ("sensitivity", "--samples", "50")]
)
def test_a_numpy_error_in_our_code_exits_3_not_1(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Before: ranking caught every ValueError and blamed the user's method choice (exit 1,
    "criteria/default.yaml: method: operands could not be broadcast ...")."""
    make_study(tmp_path, SITES, CRITERIA, scenarios={"rail-first": {"rail": 60}})
    env = _broken_numpy_env(tmp_path)
    res = subprocess.run(
        [str(SITECOMPARE), *args], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300
    )
    assert res.returncode == 3, res.stderr
    assert res.stdout == ""
    assert res.stderr.splitlines() == [
        "sitecompare: internal error: ValueError: operands could not be broadcast together with "
        "shapes (3,) (2,)  (set SITECOMPARE_DEBUG=1 for the traceback)"
    ]


def test_validation_errors_stay_exit_1_under_the_same_hook(tmp_path: Path) -> None:
    """The hook itself does not turn bad input into exit 3: a unit error is still reported."""
    sdir, _ = make_study(tmp_path, SITES, CRITERIA)
    (sdir / "alpha.yaml").write_text((sdir / "alpha.yaml").read_text().replace("20 km", "20 min"))
    res = subprocess.run(
        [str(SITECOMPARE), "rank"], cwd=tmp_path, capture_output=True, text=True,
        env=_broken_numpy_env(tmp_path), timeout=300,
    )
    assert res.returncode == 1
    assert res.stderr.splitlines()[0] == (
        "sites/alpha.yaml: facts.ktx_km.unit: 'min' is not a length (criterion rail expects km)"
    )
    assert isinstance(ValidationError([]), SiteCompareError)
