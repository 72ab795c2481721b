"""Small Streamlit helpers the weights page and its panels share: our own HTML, the one-line
problems of bad input, the sliders' state, shares as percentages."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from sitecompare.app import results
from sitecompare.app.i18n import AppLang

__all__ = ["html", "show_issues", "weight_key", "apply_points", "pct"]


def html(body: str) -> None:
    """Our own escaped HTML (tables, lists) as part of the page, not a canvas or an iframe."""
    st.markdown(body, unsafe_allow_html=True)


def show_issues(L: AppLang, title: str, lines: list[str]) -> None:
    """An error box titled ``title`` with the one-line problems under it."""
    st.error(title)
    html(results.lines_html("sc-errors", lines))


def weight_key(cid: str) -> str:
    """The session-state key of criterion ``cid``'s slider."""
    return f"w_{cid}"


def apply_points(points: Mapping[str, float]) -> None:
    """Set the sliders to ``points`` (criterion id -> points)."""
    for cid, v in points.items():
        st.session_state[weight_key(cid)] = float(v)


def pct(x: float) -> str:
    """A share as a percentage with one decimal: 0.253 -> '25.3%'."""
    return f"{100 * x:.1f}%"
