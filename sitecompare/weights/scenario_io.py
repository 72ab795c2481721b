"""Write derived weights into a criteria file as a named scenario, keeping the file as it was.

:func:`write_scenario` edits ``scenarios:`` of a criteria YAML file (product contract section 3)
with ruamel.yaml in round-trip mode, so the file's comments, key order, quoting and flow/block
styles survive; only the named scenario is added (at the end of ``scenarios``) or replaced (in
place). It writes the extended scenario form that the criteria loader accepts::

    scenarios:
      workshop-2024:
        description: Weights from the 2024 siting workshop (group AHP)
        weights: {transport: 0.1214, talent: 0.2817, ...}
        provenance:
          method: ahp-group
          cr: 0.0412
          participants:
          - {name: A, file: participant-a.yaml, cr: 0.05, euclidean_distance: 0.04}

Rules:

* every weight names a criterion of the file (else ValidationError naming the file and the field
  ``scenarios.NAME.weights.ID``), and every criterion of the file gets a weight: a derived weight
  set must be complete, because the loader would otherwise mix its shares with the raw base points
  of the criteria left out (give 0 to leave a criterion out on purpose);
* weights are normalised and rounded to 4 decimals by the largest-remainder method, so the written
  values sum to exactly 1.0000;
* provenance must be plain YAML data: text, numbers (finite), booleans, null, lists and mappings
  with text keys (numpy scalars and tuples are converted; anything else is an error). Floats are
  rounded to 6 decimals;
* the new text is re-read with PyYAML before it replaces the file; the file is written to a
  temporary file in the same folder, flushed to disk and moved over the original with
  ``os.replace`` (atomic on POSIX and Windows), so a failed run never leaves a half-written file.
  The original file's permission bits are kept; when the file is a symbolic link, its target is
  edited and the link stays a link;
* only a regular file is read: a missing file, a broken link, a folder, a named pipe or a device
  is refused with one line, the same as the criteria loader says it, before anything is opened
  (a pipe would otherwise block the run, ``/dev/zero`` fill the memory).

:func:`write_scenario` returns True when it replaced a scenario of that name, False when it
added one, so the command line can say which (a re-run of a workshop replaces its scenario).
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.util import load_yaml_guess_indent

from ..atomic import write_atomic
from ..errors import Issue, ValidationError, display_path, show_value
from ..files import MAX_PROFILE_BYTES, UnreadableFile, read_regular
from ..rounding import rounded
from ..validate import SCENARIO_NAME_RE, SCENARIO_NAME_RULE

__all__ = ["SCENARIO_NAME_RE", "round_weights", "plain_provenance", "write_scenario"]

_RESERVED = {"weights", "provenance", "description"}
DECIMALS = 4


def round_weights(weights: Mapping[str, float], decimals: int = DECIMALS) -> dict[str, float]:
    """Normalise and round to ``decimals`` so the rounded values sum to exactly 1.

    Largest-remainder (Hamilton) rounding on units of 10**-decimals.
    """
    total = float(sum(weights.values()))
    unit = 10**decimals
    exact = {k: float(v) / total * unit for k, v in weights.items()}
    floors = {k: math.floor(v) for k, v in exact.items()}
    left = unit - sum(floors.values())
    order = sorted(exact, key=lambda k: (-(exact[k] - floors[k]), list(exact).index(k)))
    for k in order[:left]:
        floors[k] += 1
    return {k: rounded(floors[k] / unit, decimals) for k in weights}


def plain_provenance(value: Any, field: str = "provenance") -> Any:
    """Convert to plain YAML data (see module docstring) or raise ValueError naming the field."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{field}: {show_value(value)} is not a finite number")
        return rounded(value)
    if isinstance(value, (list, tuple)):
        return [plain_provenance(v, f"{field}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise ValueError(f"{field}: key {show_value(k)} must be text")
            out[k] = plain_provenance(v, f"{field}.{k}")
        return out
    raise ValueError(f"{field}: {type(value).__name__} {show_value(value)} is not plain YAML data")


def _to_ruamel(value: Any) -> Any:
    """Plain data -> ruamel nodes: short lists of scalars and small flat mappings in flow style."""
    if isinstance(value, list):
        seq = CommentedSeq(_to_ruamel(v) for v in value)
        if all(not isinstance(v, (list, dict)) for v in value) and len(value) <= 12:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, dict):
        m = CommentedMap((k, _to_ruamel(v)) for k, v in value.items())
        if all(not isinstance(v, (list, dict)) for v in value.values()) and len(value) <= 8:
            m.fa.set_flow_style()
        return m
    return value


def write_scenario(
    criteria_path: str | Path,
    name: str,
    weights: Mapping[str, float],
    provenance: Mapping[str, Any],
    *,
    description: str | None = None,
) -> bool:
    """Add or replace scenario ``name`` in a criteria YAML file (see module docstring).

    Returns True when an existing scenario ``name`` was replaced, False when it was added.
    """
    path = Path(criteria_path)
    shown = display_path(path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise ValidationError(
            [Issue(shown, "", "write_scenario edits YAML criteria files only (.yaml, .yml)")]
        )
    text = _read_text(path, shown)

    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096
    try:
        data, indent, seq_indent = load_yaml_guess_indent(text, yaml=rt)
    except RuamelError as exc:
        raise ValidationError(
            [Issue(shown, "", f"YAML syntax error: {str(exc).splitlines()[0]}")]
        ) from exc
    if not isinstance(data, CommentedMap):
        raise ValidationError(
            [Issue(shown, "", "expected a criteria file (a mapping with criteria:)")]
        )
    crit = data.get("criteria")
    ids = [str(k) for k in crit] if isinstance(crit, Mapping) else []
    clean, prov = _checked(shown, ids, name, weights, provenance, description)
    shares = round_weights({c: clean[c] for c in ids})
    replaced = _put_scenario(shown, data, name, _scenario_node(ids, shares, prov, description))

    ind = indent or 2
    rt.indent(mapping=ind, sequence=ind + (seq_indent or 0), offset=seq_indent or 0)
    buf = io.StringIO()
    rt.dump(data, buf)
    new_text = buf.getvalue()
    _check_round_trip(shown, new_text, name, shares)
    write_atomic(path, new_text.encode("utf-8"), what="the criteria file")  # a link stays a link
    return replaced


def _checked(
    shown: str,
    ids: list[str],
    name: str,
    weights: Mapping[str, float],
    provenance: Mapping[str, Any],
    description: str | None,
) -> tuple[dict[str, float], dict[str, Any]]:
    """The weights (as floats) and the plain provenance to write, after checking every input
    against the file's criteria ``ids``; one ValidationError lists every problem."""
    issues: list[Issue] = []
    fld = f"scenarios.{name}"
    if not isinstance(name, str) or not SCENARIO_NAME_RE.fullmatch(name) or name in _RESERVED:
        issues.append(
            Issue(
                shown,
                "scenarios",
                f"scenario name {show_value(name)} {SCENARIO_NAME_RULE}"
                + (" (and not be a reserved word)" if name in _RESERVED else ""),
            )
        )
    if not ids:
        issues.append(Issue(shown, "criteria", "the file has no criteria mapping to weight"))
    clean: dict[str, float] = {}
    for cid, w in weights.items():
        wf = f"{fld}.weights.{cid}"
        if cid not in ids:
            issues.append(
                Issue(shown, wf, f"unknown criterion {cid!r} (criteria: {', '.join(ids)})")
            )
            continue
        if (
            isinstance(w, bool)
            or not isinstance(w, (int, float, np.number))
            or not math.isfinite(float(w))
        ):
            issues.append(Issue(shown, wf, f"expected a finite number, got {show_value(w)}"))
        elif float(w) < 0:
            issues.append(Issue(shown, wf, f"must be at least 0, got {show_value(w)}"))
        else:
            clean[cid] = float(w)
    left_out = [c for c in ids if c not in weights]
    if ids and left_out:
        issues.append(
            Issue(
                shown,
                f"{fld}.weights",
                f"missing criteria {', '.join(left_out)} (a derived weight set must cover "
                "every criterion; give 0 to leave one out)",
            )
        )
    if not issues and sum(clean.values()) <= 0:
        issues.append(Issue(shown, f"{fld}.weights", "all weights are zero"))
    try:
        prov = plain_provenance(dict(provenance), f"{fld}.provenance")
    except ValueError as exc:
        f, _, msg = str(exc).partition(": ")
        issues.append(Issue(shown, f, msg))
        prov = {}
    if description is not None and not isinstance(description, str):
        issues.append(
            Issue(shown, f"{fld}.description", f"expected text, got {show_value(description)}")
        )
    if issues:
        raise ValidationError(issues)
    return clean, prov


def _scenario_node(
    ids: list[str], shares: dict[str, float], prov: dict[str, Any], description: str | None
) -> CommentedMap:
    """The scenario as written: description, weights on one line, provenance as a block."""
    node = CommentedMap()
    if description:
        node["description"] = description
    wmap = CommentedMap((c, shares[c]) for c in ids)
    wmap.fa.set_flow_style()
    node["weights"] = wmap
    if "method" not in prov:
        prov = {"method": "direct", **prov}
    node["provenance"] = _to_ruamel(prov)
    node["provenance"].fa.set_block_style()
    return node


def _put_scenario(shown: str, data: CommentedMap, name: str, node: CommentedMap) -> bool:
    """Put ``node`` into the file's ``scenarios`` (made when missing); True when it replaced a
    scenario of that name (whose Korean name stays)."""
    scen = data.get("scenarios")
    if not isinstance(scen, CommentedMap):
        if "scenarios" in data and scen not in (None, {}):
            raise ValidationError(
                [
                    Issue(
                        shown,
                        "scenarios",
                        f"expected a mapping of scenario names, got {show_value(scen)}",
                    )
                ]
            )
        scen = CommentedMap()
        data["scenarios"] = scen
    replaced = name in scen
    old = scen.get(name)
    if isinstance(old, Mapping) and "label_local" in old:  # the scenario's Korean name stays
        node["label_local"] = old["label_local"]
    scen[name] = node
    return replaced


def _check_round_trip(shown: str, new_text: str, name: str, shares: dict[str, float]) -> None:
    """Re-read the edited text with the project's reader library before touching the file:
    the scenario's weights must come back as written."""
    fld = f"scenarios.{name}"
    try:
        check = yaml.safe_load(new_text)
        written = check["scenarios"][name]["weights"]
    except Exception as exc:  # noqa: BLE001 - any failure here means we must not write
        raise ValidationError(
            [Issue(shown, fld, f"internal error: the edited file does not re-read ({exc})")]
        ) from exc
    if {k: float(v) for k, v in written.items()} != shares:
        raise ValidationError([Issue(shown, fld, "internal error: the weights did not round-trip")])


def _read_text(path: Path, shown: str) -> str:
    """The file's text, read only if it is a regular file of at most
    :data:`~sitecompare.files.MAX_PROFILE_BYTES` (:func:`~sitecompare.files.read_regular`)."""
    try:
        blob = read_regular(path, MAX_PROFILE_BYTES)
    except UnreadableFile as exc:
        raise ValidationError([Issue(shown, "", str(exc))]) from exc
    try:
        return blob.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            [Issue(shown, "", f"not UTF-8 text (invalid byte at offset {exc.start})")]
        ) from exc
