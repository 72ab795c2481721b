"""The page's charts as Vega-Lite specifications (Streamlit draws them with ``st.vega_lite_chart``).

Plain dictionaries rather than Altair objects: Altair validates every chart against the
Vega-Lite JSON schema when it is serialised, which took most of a slider move's time (about
0.2 s of 0.25 s for the two charts); the dictionaries below are what Altair would produce.
The numbers come from :mod:`.logic` (the library's results); this module only draws them.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .results import Sweep

__all__ = ["contributions_chart", "sweep_chart"]

FONT = "Noto Sans CJK KR, Malgun Gothic, Apple SD Gothic Neo, sans-serif"  # Korean names render too
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
PALETTE = "tableau10"


# fit the width of the page's column; keep the height as given (Streamlit's default "fit"
# squeezed the bars to a few pixels when the legend sat under them)
AUTOSIZE = {"type": "fit-x", "contains": "padding"}


def _config() -> dict[str, Any]:
    return {
        "font": FONT,
        "axis": {"labelLimit": 320, "titleFontWeight": "normal", "labelFontSize": 12, "titleFontSize": 13},
        "legend": {"labelLimit": 260, "labelFontSize": 12},
    }


def contributions_chart(rows: list[dict[str, Any]], x_title: str, legend_title: str) -> dict[str, Any]:
    """Stacked horizontal bars: one bar per site (in rank order), one segment per criterion."""
    df = pd.DataFrame(rows, columns=["site", "criterion", "value", "order"])
    sites = list(dict.fromkeys(df["site"]))
    crits = list(dict.fromkeys(df["criterion"]))
    df["criterion_order"] = df["criterion"].map({c: k for k, c in enumerate(crits)})
    return {
        "$schema": SCHEMA,
        "datasets": {"contributions": df},
        "data": {"name": "contributions"},
        "height": max(160, 34 * len(sites)),
        "autosize": AUTOSIZE,
        "mark": {"type": "bar"},
        "encoding": {
            "y": {
                "field": "site",
                "type": "nominal",
                "sort": sites,
                "title": None,
                "axis": {"labelLimit": 230},
            },
            "x": {"field": "value", "type": "quantitative", "aggregate": "sum", "title": x_title},
            "color": {
                "field": "criterion",
                "type": "nominal",
                "sort": crits,
                "title": legend_title,
                "scale": {"scheme": PALETTE},
                "legend": {"orient": "bottom", "columns": 1, "labelLimit": 320},
            },
            "order": {"field": "criterion_order", "type": "quantitative"},
            "tooltip": [
                {"field": "site", "type": "nominal"},
                {"field": "criterion", "type": "nominal"},
                {"field": "value", "type": "quantitative", "format": ".2f"},
            ],
        },
        "config": _config(),
    }


def sweep_chart(s: Sweep, x_title: str, y_title: str, now_label: str) -> dict[str, Any]:
    """Scores along the sweep, the current weight as a dashed rule, the crossovers as points
    labelled with the weight at which the two sites swap (ringed in red where first place
    changes)."""
    curves = pd.DataFrame(s.curves, columns=["weight", "site", "score"])
    sites = list(dict.fromkeys(curves["site"]))
    x = {
        "field": "weight",
        "type": "quantitative",
        "title": x_title,
        "scale": {"domain": [0, 1]},
        "axis": {"format": "%"},
    }
    y = {"field": "score", "type": "quantitative", "title": y_title, "scale": {"zero": False}}
    layers: list[dict[str, Any]] = [
        {
            "data": {"name": "curves"},
            "mark": {"type": "line", "strokeWidth": 2},
            "encoding": {
                "x": x,
                "y": y,
                "color": {
                    "field": "site",
                    "type": "nominal",
                    "sort": sites,
                    "title": None,
                    "scale": {"scheme": PALETTE},
                    "legend": {"orient": "right"},
                },
                "tooltip": [
                    {"field": "site", "type": "nominal"},
                    {"field": "weight", "type": "quantitative", "format": ".1%"},
                    {"field": "score", "type": "quantitative", "format": ".4f"},
                ],
            },
        },
        {
            "data": {"name": "now"},
            "mark": {"type": "rule", "color": "#333", "strokeDash": [6, 4], "strokeWidth": 2},
            "encoding": {"x": x},
        },
        {
            "data": {"name": "now"},
            "mark": {"type": "text", "align": "left", "dx": 5, "dy": 4, "baseline": "top", "fontSize": 13},
            "encoding": {"x": x, "y": {"value": 0}, "text": {"field": "label", "type": "nominal"}},
        },
    ]
    datasets: dict[str, Any] = {
        "curves": curves,
        "now": pd.DataFrame([{"weight": s.current, "label": now_label}]),
    }
    if s.crossovers:
        cross = pd.DataFrame(s.crossovers)
        datasets["cross"] = cross
        layers += [
            {
                "data": {"name": "cross"},
                "mark": {"type": "point", "filled": True, "size": 80, "color": "#333"},
                "encoding": {
                    "x": x,
                    "y": {"field": "score", "type": "quantitative"},
                    "tooltip": [
                        {"field": "weight", "type": "quantitative", "format": ".1%"},
                        {"field": "ahead_below", "type": "nominal"},
                        {"field": "ahead_above", "type": "nominal"},
                        {"field": "rank", "type": "quantitative"},
                    ],
                },
            },
        ]
        # labels above their point, or below when a neighbour's label would overlap it
        for above, dy, baseline in ((True, -9, "bottom"), (False, 9, "top")):
            layers.append(
                {
                    "data": {"name": "cross"},
                    "transform": [{"filter": "datum.above" if above else "!datum.above"}],
                    "mark": {
                        "type": "text",
                        "dy": dy,
                        "baseline": baseline,
                        "fontSize": 12,
                        "fontWeight": "bold",
                        "color": "#222",
                    },
                    "encoding": {
                        "x": x,
                        "y": {"field": "score", "type": "quantitative"},
                        "text": {"field": "label", "type": "nominal"},
                    },
                }
            )
        first = cross[cross["changes_first"]]
        if len(first):
            datasets["first"] = first
            layers.append(
                {
                    "data": {"name": "first"},
                    "mark": {"type": "point", "size": 360, "color": "#d62728", "strokeWidth": 2.5},
                    "encoding": {"x": x, "y": {"field": "score", "type": "quantitative"}},
                }
            )
    return {
        "$schema": SCHEMA,
        "datasets": datasets,
        "height": 380,
        "autosize": AUTOSIZE,
        "layer": layers,
        "config": _config(),
    }
