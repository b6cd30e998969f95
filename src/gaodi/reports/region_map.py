"""Choropleth maps of the province by city or by county, for the regional reports.

Shapes come from the shipped GeoJSON read by :mod:`gaodi.reports.province_map` (``<province>_city.geojson``
and ``<province>_district.geojson``, property ``gb`` = "156" + the 6-digit code; see PROVENANCE.md), drawn
with its palette, colours and label placement. Regional measures are skewed (an LQ of 200 beside many
below 1, an ECI of −7 beside many near 0), so the classes are quantiles (each about a fifth of the
regions) rather than the equal intervals of the monitoring report's map. A county map draws the city
borders over the counties and names the cities (122 county labels would not be legible); a map of one
city's counties, or of the 14 cities, names each region with its value. Regions without a value are
grey and the legend says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch, Polygon  # noqa: E402

from gaodi.errors import InputError  # noqa: E402
from gaodi.reports.charts import font_rc  # noqa: E402
from gaodi.reports.province_map import (  # noqa: E402
    NO_DATA,
    PALETTE,
    CityShape,
    boundaries_file,
    colour_of,
    load_cities,
    short_name,
)

LABELLED_UP_TO = 30  # a map with at most this many counties names each of them


def boundaries_of_level(province_code: str, level: str) -> Path:
    """The shipped boundary file of ``level`` (city or county); InputError for another level."""
    if level not in ("city", "county"):
        raise InputError(f"地区层级只能是 city 或 county，收到 {level}", f"level must be city or county; got {level}",
                         fix="level=city 或 level=county")
    return boundaries_file(province_code, level)


def quantile_classes(values: list[float], n: int = len(PALETTE)) -> list[float]:
    """Quantile class breaks: n + 1 bounds at the 0, 1/n, …, 1 quantiles (linear interpolation).

    Each class holds about the same number of regions, so one outlier (an LQ of 200, an ECI of −7)
    does not push every other region into one colour as equal intervals would.
    """
    ordered = np.sort(np.asarray(values, dtype=float))
    return [float(np.quantile(ordered, i / n)) for i in range(n + 1)]


def region_map(level: str, province_code: str, values: Mapping[str, float | None], title: str, unit: str,
               font: Path, *, city: str | None = None, digits: int = 2) -> tuple[Figure, Path]:
    """The choropleth of ``values`` (region code → value) at ``level``; ``city`` keeps one city (or its counties).

    Returns the figure and the boundary file it was drawn from (for the report's appendix).
    """
    path = boundaries_of_level(province_code, level)
    shapes = load_cities(path)
    cities = load_cities(boundaries_file(province_code)) if level == "county" else []
    if city is not None:
        shapes = [s for s in shapes if s.code[:4] + "00" == city]
        cities = [c for c in cities if c.code == city]
    return choropleth(shapes, cities, values, title, unit, font, digits=digits), path


def choropleth(shapes: list[CityShape], outlines: list[CityShape], values: Mapping[str, float | None], title: str,
               unit: str, font: Path, digits: int = 2) -> Figure:
    """Regions coloured by ``values[code]`` in five quantile classes, under the borders of ``outlines``.

    With at most LABELLED_UP_TO regions each is labelled with its name and value; otherwise only the
    outlines (the cities of a county map) are named. Every region patch carries its code as ``gid``
    and every outline ``city:<code>``, so what was drawn can be counted.
    """
    with matplotlib.rc_context(font_rc(font)):
        fig = Figure(figsize=(7.2, 7.6))
        ax = fig.subplots()
        known = [v for c in shapes if (v := values.get(c.code)) is not None]
        breaks = quantile_classes(known) if known else [0.0] * (len(PALETTE) + 1)
        lats = [y for c in shapes for r in c.rings for _, y in r]
        ax.set_aspect(1 / math.cos(math.radians((min(lats) + max(lats)) / 2)))
        labelled = len(shapes) <= LABELLED_UP_TO
        used = set()
        for c in shapes:
            colour = colour_of(values.get(c.code), breaks)
            used.add(colour)
            for ring in c.rings:
                ax.add_patch(Polygon(ring, closed=True, facecolor=colour, edgecolor="white",
                                     linewidth=0.8 if labelled else 0.4, gid=c.code))
            if labelled:
                v = values.get(c.code)
                x, y = c.label_point()
                ax.text(x, y, f"{short_name(c.name)}\n{'—' if v is None else f'{v:,.{digits}f}'}", ha="center",
                        va="center", fontsize=7.5, color="white" if colour in PALETTE[3:] else "#222222", gid=c.code)
        for c in outlines:
            for ring in c.rings:
                ax.add_patch(Polygon(ring, closed=True, fill=False, edgecolor="#444444", linewidth=0.9,
                                     gid=f"city:{c.code}"))
            if not labelled:
                x, y = c.label_point()
                ax.text(x, y, short_name(c.name), ha="center", va="center", fontsize=7.5, color="#111111",
                        gid=f"city:{c.code}")
        ax.autoscale_view()
        ax.set_axis_off()
        ax.set_title(title, fontsize=11)
        ax.legend(handles=_legend(breaks, used, digits), title=f"图例（{unit}）" if unit else "图例", loc="lower left",
                  fontsize=7.5, title_fontsize=8, frameon=False)
        fig.tight_layout()
        return fig


def _legend(breaks: list[float], used: set[str], digits: int) -> list[Patch]:
    """One entry per colour actually drawn: its class bounds, or "无数据" for grey."""
    handles = []
    if breaks[0] == breaks[-1] and PALETTE[len(PALETTE) // 2] in used:  # one value everywhere
        handles.append(Patch(facecolor=PALETTE[len(PALETTE) // 2], edgecolor="#999999",
                             label=f"{breaks[0]:,.{digits}f}"))
    elif breaks[0] != breaks[-1]:
        for i, colour in enumerate(PALETTE):
            if colour in used:
                handles.append(Patch(facecolor=colour, edgecolor="#999999",
                                     label=f"{breaks[i]:,.{digits}f} – {breaks[i + 1]:,.{digits}f}"))
    if NO_DATA in used:
        handles.append(Patch(facecolor=NO_DATA, edgecolor="#999999", label="无数据"))
    return handles
