"""A choropleth map of the province by city, drawn from the shipped GeoJSON with matplotlib polygons.

Boundaries: ``gaodi/catalogs/data/boundaries/<province>_city.geojson`` (property ``gb`` = "156" + the
6-digit GB/T 2260 code; see its PROVENANCE.md). Longitudes are scaled by cos(mean latitude) so the map
is not stretched. Values are coloured in equal-interval classes of a sequential palette (darker = higher);
cities without a value are grey and say so in the legend.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch, Polygon  # noqa: E402

from gaodi.catalogs.files import DATA  # noqa: E402
from gaodi.errors import ConfigurationError  # noqa: E402
from gaodi.reports.charts import font_rc  # noqa: E402

PALETTE = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "#d9d9d9"


@dataclass
class CityShape:
    code: str  # 6-digit region code
    name: str
    rings: list[list[tuple[float, float]]]  # outer rings of every part, (lon, lat)

    def label_point(self) -> tuple[float, float]:
        """The area-weighted centroid of the largest part (shoelace formula)."""
        ring = max(self.rings, key=lambda r: abs(_area(r)))
        a = _area(ring)
        cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cross = x0 * y1 - x1 * y0
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        return cx / (6 * a), cy / (6 * a)


def _area(ring: list[tuple[float, float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def short_name(name: str) -> str:
    """A label that fits the map: 湘西土家族苗族自治州 → 湘西州."""
    return name[:2] + "州" if name.endswith("自治州") and len(name) > 5 else name


LEVEL_FILES = {"city": ("city", "市州"), "county": ("district", "县级")}  # level -> (file name suffix, label)


def boundaries_file(province_code: str, level: str = "city") -> Path:
    """The shipped boundary file (``*_city.geojson``, or ``*_district.geojson`` for ``level="county"``)
    whose features lie in ``province_code`` (first two digits)."""
    suffix, label = LEVEL_FILES[level]
    for path in sorted((DATA / "boundaries").glob(f"*_{suffix}.geojson")):
        with open(path, encoding="utf-8") as fh:
            first = json.load(fh)["features"][0]["properties"]["gb"]
        if first[3:5] == province_code[:2]:
            return path
    raise ConfigurationError(f"没有 {province_code} 的{label}边界文件", f"no {level} boundaries for {province_code}",
                             fix=f"把本省{label} GeoJSON（属性 gb = 156 + 6 位代码）放入 gaodi/catalogs/data/boundaries/，"
                                 f"文件名以 _{suffix}.geojson 结尾")


def load_cities(path: Path) -> list[CityShape]:
    """Read city shapes from a GeoJSON FeatureCollection of (Multi)Polygons; holes are not drawn."""
    with open(path, encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    out = []
    for f in features:
        geom = f["geometry"]
        parts = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = [[(float(x), float(y)) for x, y, *_ in part[0]] for part in parts]
        out.append(CityShape(f["properties"]["gb"][3:], f["properties"]["name"], rings))
    return sorted(out, key=lambda c: c.code)


def classes(values: list[float], n: int = len(PALETTE)) -> list[float]:
    """Equal-interval class breaks: n + 1 bounds from the minimum to the maximum."""
    lo, hi = min(values), max(values)
    if hi == lo:
        return [lo] * (n + 1)
    return [lo + (hi - lo) * i / n for i in range(n + 1)]


def colour_of(value: float | None, breaks: list[float]) -> str:
    """The palette colour of ``value``'s class (the top bound belongs to the last class)."""
    if value is None:
        return NO_DATA
    if breaks[0] == breaks[-1]:
        return PALETTE[len(PALETTE) // 2]
    for i in range(len(PALETTE)):
        if value <= breaks[i + 1]:
            return PALETTE[i]
    return PALETTE[-1]


def city_map(cities: list[CityShape], values: Mapping[str, float | None], title: str, unit: str,
             font: Path, digits: int = 1) -> Figure:
    """Draw every city coloured by ``values[code]``, its name and value, and a class legend."""
    with matplotlib.rc_context(font_rc(font)):
        fig = Figure(figsize=(7.2, 7.6))
        ax = fig.subplots()
        known = [v for v in values.values() if v is not None]
        breaks = classes(known) if known else [0.0] * (len(PALETTE) + 1)
        lats = [y for c in cities for r in c.rings for _, y in r]
        ax.set_aspect(1 / math.cos(math.radians((min(lats) + max(lats)) / 2)))
        for c in cities:
            colour = colour_of(values.get(c.code), breaks)
            for ring in c.rings:
                ax.add_patch(Polygon(ring, closed=True, facecolor=colour, edgecolor="white", linewidth=0.8,
                                     gid=c.code))
            x, y = c.label_point()
            v = values.get(c.code)
            dark = colour in PALETTE[3:]
            ax.text(x, y, f"{short_name(c.name)}\n{'—' if v is None else f'{v:,.{digits}f}'}", ha="center", va="center",
                    fontsize=7.5, color="white" if dark else "#222222", gid=c.code)
        ax.autoscale_view()
        ax.set_axis_off()
        ax.set_title(title, fontsize=11)
        handles = []
        if known and breaks[0] == breaks[-1]:  # one value everywhere: one swatch, in the colour drawn
            handles.append(Patch(facecolor=colour_of(breaks[0], breaks), edgecolor="#999999",
                                 label=f"{breaks[0]:,.{digits}f}"))
        elif known:
            for i, colour in enumerate(PALETTE):
                lo, hi = breaks[i], breaks[i + 1]
                handles.append(Patch(facecolor=colour, edgecolor="#999999",
                                     label=f"{lo:,.{digits}f} – {hi:,.{digits}f}"))
        if any(values.get(c.code) is None for c in cities):
            handles.append(Patch(facecolor=NO_DATA, edgecolor="#999999", label="无数据"))
        ax.legend(handles=handles, title=f"图例（{unit}）", loc="lower left", fontsize=7.5, title_fontsize=8,
                  frameon=False)
        fig.tight_layout()
        return fig
