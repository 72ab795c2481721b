"""The untranslated defaults of the sentence builders' hooks.

:func:`sitecompare.headline.headline_sentences` and
:func:`sitecompare.sensitivity.robustness.skip_text` take ``t`` (fill a template) and ``value``
(a figure with its unit) so that the workbook and the app can translate; these are the plain
English forms the JSON and the terminal use.
"""

from __future__ import annotations

__all__ = ["fill", "plain_value"]


def fill(template: str, **kw: object) -> str:
    """``template`` with ``kw`` filled in, untranslated."""
    return template.format(**kw)


def plain_value(x: float, unit: str) -> str:
    """``x`` to 6 significant digits, thousands separated, then its unit (if any)."""
    return f"{x:,.6g} {unit}".rstrip()
