"""Titles of the demo enterprises: the cultivation ladder, smart factories and green factories.

National counts of the plan table (小巨人, 单项冠军, 卓越级以上智能工厂) are met exactly; the other
titles have plausible shares. Every title is valid in 2025 (granted ≤ 2025 ≤ expiring).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gaodi.demo.targets import Size, count


def make_titles(rng: np.random.Generator, ent: pd.DataFrame, stats25: pd.DataFrame, size: Size
                ) -> pd.DataFrame:
    revenue = stats25["revenue"].to_numpy()
    rd = stats25["rd_expense"].to_numpy() / np.maximum(revenue, 1)
    above = stats25["above_scale"].to_numpy()
    n = len(ent)
    rows: list[dict] = []

    def grant(idx, title, level, years, valid=3, product=None):
        for i in idx:
            y = int(rng.choice(years))
            rows.append({"uscc": ent["uscc"].iat[i], "title": title, "level": level, "year_granted": y,
                         "year_expiring": y + valid if valid else None,
                         "product": product(i) if product else None})

    sme = np.flatnonzero(above & (revenue < 40000))
    by_rd = sme[np.argsort(-rd[sme])]
    k_lg = count("little_giant", size)
    little = by_rd[:k_lg]
    specialised = by_rd[: min(len(by_rd), k_lg * 8)]
    innovative = np.union1d(specialised, rng.choice(n, min(n, k_lg * 6), replace=False))
    grant(little, "专精特新小巨人", "国家级", [2023, 2024, 2025])
    grant(specialised, "专精特新中小企业", "省级", [2023, 2024, 2025])
    grant(innovative, "创新型中小企业", "省级", [2023, 2024, 2025])
    large = np.flatnonzero(above & (revenue >= 10000))
    champions = rng.choice(large, count("single_champion", size), replace=False)
    grant(champions, "制造业单项冠军", "国家级", [2023, 2024, 2025],
          product=lambda i: f"{ent['industry_code'].iat[i]}类主导产品（演示）")
    hte = np.flatnonzero(above & (rd > 0.02))
    grant(hte, "高新技术企业", "国家级", [2023, 2024, 2025])

    k_top = count("smart_excellent_plus", size)
    n_lead = max(1, k_top // 8)
    by_size = np.flatnonzero(above)[np.argsort(-revenue[above])]
    top = by_size[: k_top * 3]
    chosen = rng.choice(top, k_top, replace=False)
    grant(chosen[:n_lead], "智能工厂", "领航级", [2025], valid=None)
    grant(chosen[n_lead:], "智能工厂", "卓越级", [2024, 2025], valid=None)
    rest = np.setdiff1d(np.flatnonzero(above), chosen)
    advanced = rng.choice(rest, len(rest) // 30, replace=False)
    basic = rng.choice(np.setdiff1d(rest, advanced), len(rest) // 7, replace=False)
    grant(advanced, "智能工厂", "先进级", [2023, 2024, 2025], valid=None)
    grant(basic, "智能工厂", "基础级", [2023, 2024, 2025], valid=None)

    # Green factories are mostly large plants: drawn with weights that grow with revenue.
    pool = np.flatnonzero(above)
    weight = revenue[pool] ** 0.35 / (revenue[pool] ** 0.35).sum()
    green = rng.choice(pool, int(above.sum() * 0.042), replace=False, p=weight)
    green_nat, green_prov = green[: int(above.sum() * 0.012)], green[int(above.sum() * 0.012):]
    grant(green_nat, "绿色工厂", "国家级", [2022, 2023, 2024, 2025], valid=None)
    grant(green_prov, "绿色工厂", "省级", [2022, 2023, 2024, 2025], valid=None)
    return pd.DataFrame(rows)
