"""Invented enterprise and park names. Every name ends in （演示） so nobody mistakes it for a real one."""

from __future__ import annotations

import numpy as np

SYLLABLES = list("瑞锋恒泰华鑫宏达汇通联创新源盛博远晟科德隆兴嘉豪智诚航宇凯旭辰弘铭启拓")
TRADE = {
    "13": "农副食品", "14": "食品", "15": "酒业", "17": "纺织", "18": "服饰", "19": "皮革制品", "20": "木业",
    "21": "家具", "22": "纸业", "23": "印务", "24": "文体用品", "25": "石化", "26": "化工", "27": "药业",
    "28": "化纤", "29": "塑胶", "30": "建材", "31": "钢铁", "32": "有色金属", "33": "金属制品", "34": "机械",
    "35": "装备", "36": "汽车", "37": "轨道装备", "38": "电气", "39": "电子", "40": "仪器仪表",
    "41": "工艺制品", "42": "再生资源", "43": "设备维修", "06": "煤业", "07": "油气", "08": "矿业",
    "09": "矿业", "10": "矿业", "11": "矿产服务", "12": "矿业", "44": "电力", "45": "燃气", "46": "水务",
}


def enterprise_names(rng: np.random.Generator, places: list[str], industry_codes: list[str]) -> list[str]:
    """``长沙瑞锋机械有限公司（演示）``: place + two invented syllables + trade + form, all unique."""
    seen: set[str] = set()
    out = []
    forms = ["有限公司", "股份有限公司", "科技有限公司", "实业有限公司"]
    for place, code in zip(places, industry_codes):
        trade = TRADE.get(code[:2], "实业")
        while True:
            a, b = rng.choice(len(SYLLABLES), 2, replace=False)
            name = f"{place}{SYLLABLES[a]}{SYLLABLES[b]}{trade}{forms[int(rng.integers(len(forms)))]}（演示）"
            if name not in seen:
                break
            place = place + SYLLABLES[int(rng.integers(len(SYLLABLES)))]
        seen.add(name)
        out.append(name)
    return out


PARK_KINDS = ["经济技术开发区", "高新技术产业开发区", "工业园区", "产业开发区", "工业集中区"]


def park_name(county_name: str, index: int) -> str:
    short = county_name
    for suffix in ("土家族苗族自治州", "自治县", "市", "县", "区"):
        if short.endswith(suffix) and len(short) > len(suffix) + 1:
            short = short[: -len(suffix)]
            break
    return f"{short}{PARK_KINDS[index % len(PARK_KINDS)]}（演示）"
