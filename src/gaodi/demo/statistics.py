"""Enterprise statistics of the demo province: annual 2021-2025 and 1-N月 cumulative for 2025-2026.

The 2025 figures are calibrated to the plan table's base values (see ``targets``): revenue tiers and
the count of new above-scale enterprises are set exactly; the shares (profit margin, high-tech,
advanced-manufacturing and park shares of value added, the strategic-emerging share of gross output
in 2024, the growth of manufacturing value added at comparable prices) are met by raking the
value-added and gross-output figures of the groups concerned.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gaodi.demo.targets import ABOVE_SCALE_REVENUE, DEMO_PATHS, SHARES, Size, count

YEARS = (2021, 2022, 2023, 2024, 2025)
MONTHS_2026 = tuple(range(1, 11))
# Manufacturing ex-factory price index, previous year = 100 (demo values).
DEFLATORS = {2021: 108.1, 2022: 104.2, 2023: 97.6, 2024: 98.1, 2025: 98.4, 2026: 99.6}
MONTH_WEIGHTS = np.array([.070, .060, .085, .083, .085, .090, .082, .083, .087, .085, .088, .102])
HEAVY = {"25", "26", "30", "31", "32", "44"}


def _share(target: str) -> float:
    return SHARES[target][0] / 100


def rake_to_share(values: np.ndarray, group: np.ndarray, within: np.ndarray, share: float) -> None:
    """Scale ``values[group]`` in place so that Σ group / Σ within = ``share`` (group ⊆ within)."""
    g = values[group & within].sum()
    rest = values[within & ~group].sum()
    values[group & within] *= share * rest / ((1 - share) * g)


def make_statistics(rng: np.random.Generator, ent: pd.DataFrame, size: Size, groups: dict[str, np.ndarray]
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (annual, monthly) statistics; ``groups`` holds boolean masks hightech, advanced, mfg, sei."""
    n = len(ent)
    above25 = np.zeros(n, bool)
    above25[: size.above_scale] = True
    div = ent["industry_code"].str[:2].to_numpy()

    rev = {y: np.zeros(n) for y in YEARS}
    r = np.exp(rng.normal(np.log(9000), 1.1, n))
    rev[2025] = np.where(above25, np.clip(r, ABOVE_SCALE_REVENUE, 9.5e5), rng.uniform(300, 1990, n))
    # The largest enterprises sit in the core (长株潭) and the two sub-centres (岳阳, 衡阳): 一核两副.
    core = ent["region_code"].str[:4].isin(["4301", "4302", "4303", "4304", "4306"]).to_numpy()
    big_pool = np.flatnonzero(above25 & core & np.isin(div, ["26", "31", "32", "34", "35", "36", "37", "38", "39"]))
    n1000, n100 = count("revenue_1000yi", size), count("revenue_100yi", size)
    big = rng.choice(big_pool, n1000 + n100, replace=False)
    rev[2025][big[:n1000]] = rng.uniform(1.0e7, 2.2e7, n1000)
    rev[2025][big[n1000:]] = 1.0e6 * np.exp(rng.uniform(0, np.log(8), n100))

    # 2024: exactly count("new_above_scale") of the 2025 above-scale enterprises were below scale.
    candidates = np.flatnonzero(above25 & (rev[2025] < 8000))
    candidates = candidates[~np.isin(candidates, big)]
    new = rng.choice(candidates, count("new_above_scale", size), replace=False)
    g = np.clip(rng.normal(1.06, 0.07, n), 0.85, 1.3)
    rev[2024] = rev[2025] / g
    rev[2024] = np.where(above25, np.maximum(rev[2024], ABOVE_SCALE_REVENUE * 1.001), rev[2024])
    rev[2024][new] = rng.uniform(800, 1990, len(new))
    exits = np.flatnonzero(~above25)
    exits = rng.choice(exits, len(exits) // 20, replace=False)
    rev[2024][exits] = rng.uniform(2000, 3000, len(exits))
    for y in (2023, 2022, 2021):
        rev[y] = rev[y + 1] / np.clip(rng.normal(1.07, 0.08, n), 0.8, 1.4)

    va_rate = rng.uniform(0.20, 0.32, n)
    margin = rng.normal(0.05, 0.04, n)
    tax_rate = rng.uniform(0.02, 0.05, n)
    rd_int = np.exp(rng.normal(np.log(0.012), 0.6, n)) * np.where(groups["hightech"], 2.0, 1.0)
    productivity = rng.uniform(40, 120, n)  # 万元 revenue per employee
    intensity = np.where(np.isin(div, list(HEAVY)), rng.uniform(0.8, 2.0, n), rng.uniform(0.05, 0.3, n))
    water_rate = rng.uniform(2, 8, n)
    invest_rate = rng.uniform(0.02, 0.1, n)
    land_per_emp = rng.uniform(0.3, 0.8, n)

    data = {}
    for y in YEARS:
        t = y - 2021
        va = rev[y] * va_rate * rng.normal(1, 0.02, n)
        data[y] = {
            "revenue": rev[y], "value_added": va, "gross_output": rev[y] * rng.uniform(0.96, 1.04, n),
            "profit": rev[y] * (margin + rng.normal(0, 0.01, n)), "tax": rev[y] * tax_rate,
            "rd_expense": rev[y] * rd_int * (1 + 0.03 * t),
            "employees": np.maximum(8, rev[y] / productivity).round(),
            "energy_tce": va * intensity * 0.965 ** t, "water_m3": va * water_rate * 0.97 ** t,
            "investment": rev[y] * invest_rate,
        }
        data[y]["carbon_t"] = data[y]["energy_tce"] * 2.45
        data[y]["land_mu"] = np.maximum(2, data[y]["employees"] * land_per_emp).round(1)
        above = rev[y] >= ABOVE_SCALE_REVENUE
        p = {2021: .70, 2022: .75, 2023: .80, 2024: .83}.get(y)
        if p is not None:
            data[y]["digital_design_tools"] = rng.random(n) < p
        else:  # 2025: exactly the plan's base share of above-scale enterprises
            k = round(_share("digital_tools") * above.sum())
            flag = np.zeros(n, bool)
            flag[rng.choice(np.flatnonzero(above), k, replace=False)] = True
            data[y]["digital_design_tools"] = flag
        data[y]["above_scale"] = above

    _calibrate(data, groups, in_park=ent["park_id"].notna().to_numpy())
    annual = pd.concat([_frame(ent, data[y], str(y)) for y in YEARS], ignore_index=True)
    monthly = _monthly(rng, ent, data[2025], above25)
    return annual, monthly


def _calibrate(data: dict, groups: dict[str, np.ndarray], in_park: np.ndarray) -> None:
    """Rake every year to its path (2025 and the 2024 strategic-emerging share: the plan's base values)."""
    paths = {k: dict(v) for k, v in DEMO_PATHS.items()}
    for key in ("hightech_share", "advanced_share", "park_share", "profit_margin"):
        paths[key][2025] = SHARES[key][0]
    paths["sei_share"][2024] = SHARES["sei_share_2024"][0]
    for y in YEARS:
        d = data[y]
        above = d["above_scale"]
        d["profit"] *= paths["profit_margin"][y] / 100 * d["revenue"][above].sum() / d["profit"][above].sum()
        va = d["value_added"]
        for _ in range(200):
            rake_to_share(va, groups["hightech"] & above, above, paths["hightech_share"][y] / 100)
            rake_to_share(va, groups["advanced"] & above, groups["mfg"] & above, paths["advanced_share"][y] / 100)
            rake_to_share(va, in_park & above, above, paths["park_share"][y] / 100)
            hs = va[groups["hightech"] & above].sum() / va[above].sum()
            if abs(hs - paths["hightech_share"][y] / 100) < 1e-12:
                break
        rake_to_share(d["gross_output"], groups["sei"] & above, above, paths["sei_share"][y] / 100)
    # Growth at comparable prices over the enterprises above scale in both years (同口径): a uniform
    # scale of their 2024 value added, which leaves the 2024 shares of value added unchanged only
    # approximately; the plan gives no 2024 shares to keep.
    d25, d24 = data[2025], data[2024]
    same = groups["mfg"] & d25["above_scale"] & d24["above_scale"]
    real = d25["value_added"][same].sum() / (d24["value_added"][same].sum() * DEFLATORS[2025] / 100)
    d24["value_added"][same] *= real / (1 + _share("mfg_va_growth"))


def _frame(ent: pd.DataFrame, d: dict, period: str) -> pd.DataFrame:
    f = pd.DataFrame({"uscc": ent["uscc"].to_numpy(), "period": period})
    for k, v in d.items():
        f[k] = v
    return f


def _monthly(rng: np.random.Generator, ent: pd.DataFrame, d25: dict, above25: np.ndarray) -> pd.DataFrame:
    """1-N月 cumulative figures of 2025 (December = the annual figure) and of 2026 January-October, for
    the enterprises above scale (monthly reporting is for them)."""
    idx = np.flatnonzero(above25)
    growth = np.clip(rng.normal(1.055, 0.07, len(idx)), 0.7, 1.5)
    cum = np.cumsum(MONTH_WEIGHTS) / MONTH_WEIGHTS.sum()
    frames = []
    for year, months, g in ((2025, range(1, 13), np.ones(len(idx))), (2026, MONTHS_2026, growth)):
        for m in months:
            noise = np.ones(len(idx)) if (year, m) == (2025, 12) else rng.normal(1, 0.01, len(idx))
            factor = g * cum[m - 1] * noise
            f = pd.DataFrame({"uscc": ent["uscc"].to_numpy()[idx], "period": f"{year}-{m:02d}"})
            for k in ("revenue", "value_added", "gross_output", "profit", "tax", "rd_expense", "energy_tce",
                      "water_m3", "carbon_t"):
                f[k] = d25[k][idx] * factor
            f["employees"] = d25["employees"][idx]
            f["above_scale"] = True
            frames.append(f)
    return _troubled(pd.concat(frames, ignore_index=True), ent["uscc"].to_numpy()[idx[-2:]])


def _troubled(monthly: pd.DataFrame, usccs) -> pd.DataFrame:
    """Two enterprises whose figures trigger the operation warnings (docs/warnings.md): the first sells,
    adds value, pays tax and uses energy at 60 % of the same month a year before from August 2026 on
    (a 40 % fall three months running); the second has no output in September and October 2026 (停产)."""
    falling, stopped = usccs
    columns = ["revenue", "value_added", "gross_output", "tax", "energy_tce"]
    year = monthly.period.str[:4]
    month = monthly.period.str[5:7].astype(int)

    def cum(uscc, y, m):
        return monthly.loc[(monthly.uscc == uscc) & (year == y) & (month == m), columns].to_numpy()[0]

    for m in (8, 9, 10):
        rows = (monthly.uscc == falling) & (year == "2026") & (month == m)
        monthly.loc[rows, columns] = cum(falling, "2026", 7) + 0.6 * (cum(falling, "2025", m) - cum(falling, "2025", 7))
    for m in (9, 10):
        rows = (monthly.uscc == stopped) & (year == "2026") & (month == m)
        monthly.loc[rows, columns] = cum(stopped, "2026", 8)
    return monthly
