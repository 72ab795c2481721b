"""Registers the commands that live in their own modules (compare, sensitivity, weights)."""

from __future__ import annotations

import importlib
from pathlib import Path

import click

# (module, attribute): each attribute is a click.Command or click.Group
_COMMANDS = (
    ("sitecompare.report.command", "compare"),
    ("sitecompare.sensitivity.command", "sensitivity"),
    ("sitecompare.weights.commands", "weights"),
)


def register(group: click.Group) -> None:
    here = Path(__file__).parent
    for module, attr in _COMMANDS:
        rel = Path(*module.split(".")[1:]).with_suffix(".py")
        if not (here / rel).exists():  # while a command is being built in parallel
            continue
        cmd = getattr(importlib.import_module(module), attr)
        group.add_command(cmd)
