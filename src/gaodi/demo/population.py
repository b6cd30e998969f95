"""Parks and enterprises of the demo province: where they are and what they make."""

from __future__ import annotations

import numpy as np
import pandas as pd
from stdnum.cn import uscc as stdnum_uscc

from gaodi.catalogs.industry import IndustryCatalog
from gaodi.catalogs.region import RegionCatalog
from gaodi.demo.names import enterprise_names, park_name
from gaodi.demo.targets import Size

# Rough weight of each city in the province's industry (demo assumption, not a statistic).
CITY_WEIGHTS = {
    "430100": 0.28, "430200": 0.09, "430300": 0.07, "430400": 0.08, "430500": 0.05, "430600": 0.10,
    "430700": 0.08, "430800": 0.01, "430900": 0.05, "431000": 0.06, "431100": 0.04, "431200": 0.03,
    "431300": 0.05, "433100": 0.01,
}
# Weight of each 大类 among industrial enterprises (demo assumption shaped like Hunan's structure).
DIVISION_WEIGHTS = {
    "06": .004, "08": .006, "09": .01, "10": .01, "13": .06, "14": .025, "15": .02, "17": .03,
    "18": .03, "19": .015, "20": .025, "21": .015, "22": .02, "23": .01, "24": .015, "25": .005,
    "26": .07, "27": .04, "28": .005, "29": .04, "30": .09, "31": .02, "32": .04, "33": .06,
    "34": .07, "35": .07, "36": .04, "37": .02, "38": .06, "39": .05, "40": .015, "41": .005,
    "42": .005, "43": .005, "44": .02, "45": .005, "46": .005,
}
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def make_uscc(region_code: str, serial: int, prefix: str = "91") -> str:
    """A well-formed unified social credit code (with its check digit) for a demo enterprise."""
    body = ""
    n = serial
    for _ in range(7):
        body = ALPHABET[n % 31] + body
        n //= 31
    first17 = f"{prefix}{region_code}MA{body}"
    return first17 + stdnum_uscc.calc_check_digit(first17)


def _counties_by_city(regions: RegionCatalog) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in regions.current("county"):
        out.setdefault(r.city_code, []).append(r.code)
    return out


def make_parks(rng: np.random.Generator, regions: RegionCatalog, size: Size) -> pd.DataFrame:
    """Provincial-level-and-above parks in real counties, a fifth of them national."""
    by_city = _counties_by_city(regions)
    cities = list(CITY_WEIGHTS)
    w = np.array([CITY_WEIGHTS[c] for c in cities])
    # every city gets a park first, then the rest by weight
    chosen_cities = cities + list(rng.choice(cities, size.parks - len(cities), p=w / w.sum()))
    rows, used = [], set()
    for i, city in enumerate(chosen_cities[: size.parks]):
        counties = [c for c in by_city[city] if c not in used] or by_city[city]
        county = counties[int(rng.integers(len(counties)))]
        used.add(county)
        rows.append({
            "park_id": f"P{i + 1:03d}",
            "name": park_name(regions.regions[county].name, i),
            "level": "国家级" if i < max(2, size.parks // 5) else "省级",
            "region_code": county,
            "area_mu": float(rng.integers(8, 120) * 500),
            "kind": "开发区",
        })
    names = pd.Series([r["name"] for r in rows])
    for dup in names[names.duplicated()].index:
        rows[dup]["name"] = rows[dup]["name"].replace("（演示）", f"{dup}号片区（演示）")
    return pd.DataFrame(rows)


def make_enterprises(rng: np.random.Generator, regions: RegionCatalog, industries: IndustryCatalog,
                     parks: pd.DataFrame, size: Size, in_park_share: float = 0.74) -> pd.DataFrame:
    """Enterprises with a county, an optional park and a 4-digit industry class."""
    n = size.above_scale + size.below_scale
    divisions = list(DIVISION_WEIGHTS)
    dw = np.array([DIVISION_WEIGHTS[d] for d in divisions])
    classes = {d: sorted(c for c, i in industries.industries.items() if i.level == 4 and c[:2] == d)
               for d in divisions}
    div = rng.choice(divisions, n, p=dw / dw.sum())
    codes = [classes[d][int(rng.integers(len(classes[d])))] for d in div]

    in_park = rng.random(n) < in_park_share
    park_weights = parks["area_mu"].to_numpy() / parks["area_mu"].sum()
    park_idx = rng.choice(len(parks), n, p=park_weights)
    by_city = _counties_by_city(regions)
    cities = list(CITY_WEIGHTS)
    cw = np.array([CITY_WEIGHTS[c] for c in cities])
    city = rng.choice(cities, n, p=cw / cw.sum())
    county = np.array([by_city[c][int(rng.integers(len(by_city[c])))] for c in city])
    park_county = parks["region_code"].to_numpy()[park_idx]
    region = np.where(in_park, park_county, county)
    park_id = np.where(in_park, parks["park_id"].to_numpy()[park_idx], None)

    places = [regions.regions[r[:4] + "00"].name.replace("市", "").replace("土家族苗族自治州", "")
              for r in region]
    uscc = [make_uscc(r, 1000 + i) for i, r in enumerate(region)]
    return pd.DataFrame({
        "uscc": uscc,
        "name": enterprise_names(rng, places, codes),
        "region_code": region,
        "park_id": park_id,
        "industry_code": codes,
        "founded_year": rng.integers(1985, 2021, n),
        "ownership": rng.choice(["私营企业", "有限责任公司", "股份有限公司", "国有控股", "外商投资"], n,
                                p=[.55, .2, .12, .08, .05]),
        "listed": rng.random(n) < 0.02,
    })
