"""A hand-made province for the monitor: five enterprises, five annual years and a partial year.

Annual statistics 2022-2026 and 1-6月 cumulative figures of 2026 and 2027 (the period monitored is
2027-06, with 2026-06 as the same period a year before). Value added (万元) by enterprise:

| | class | place | 2022 | 2023 | 2024 | 2025 | 2026 | 2026-06 | 2027-06 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| A | 3741 飞机制造 (high-tech, equipment, SEI) | 长沙 430102, park P1 | 100 | 110 | 120 | 130 | 140 | 60 | 80 |
| B | 3612 新能源车整车 (equipment, SEI) | 长沙 430182 | 400 | 400 | 400 | 400 | 400 | 200 | 200 |
| C | 1311 稻谷加工 (manufacturing) | 株洲 430202, park P1 | 90* | 100 | 100 | 100 | 100 | 50 | 50 |
| D | 0610 煤炭开采 (industrial only) | 株洲 430202 | 500 | 390 | 380 | 370 | 300 | 150 | 150 |
| E | 1311 稻谷加工 (manufacturing) | 株洲 430202, park P1 | 30* | 30* | 30* | 30* | 60 | 20 | 20 |

(* below scale.) Above-scale value added sums to 1000 in every year, 480 in 2026-06, 500 in 2027-06.
Revenue = 4 × value added, gross output = 2 × value added. Profit only at B: 160, 168, 176, 184, 192;
80 (2026-06), 90 (2027-06). R&D: A 10, 11, 12, 13, 14; 6, 7.5; B 40 a year; 20, 21. Energy only at D:
50 t a year, 48 and 48 in the half years; water only at D: 96 (2026-06) and 90 (2027-06) m³; no carbon.
Digital design tools: A and B yes, the others no. Price index (制造业) 100 in 2023-2027.

Lists: 小巨人 A (granted 2026, to 2029), B (2023, to 2025); 绿色工厂 省级 A (2024); 智能工厂 卓越级 A
(2025); no 单项冠军 list. Clusters, in the 2026 list (名单年份 2026): N1 national (长沙, recognised 2022), S1 中小企业特色
(株洲, 2026). Official values:
数字经济核心产业增加值占GDP比重 7.4 (2025), 7.8 (2026); the assigned task of 能耗降低: 3.0 (2030); an
official 高技术制造业增加值占比 of 14.8 for 2027-06.
"""

from __future__ import annotations

import csv

from tests.foundation.samples import make_uscc

A, B, C, D, E = (make_uscc(r, i) for i, r in enumerate(["430102", "430182", "430202", "430202", "430202"],
                                                        start=20))
YEARS = ("2022", "2023", "2024", "2025", "2026")
HALVES = ("2026-06", "2027-06")
VA = {A: (100, 110, 120, 130, 140, 60, 80), B: (400,) * 5 + (200, 200), C: (90, 100, 100, 100, 100, 50, 50),
      D: (500, 390, 380, 370, 300, 150, 150), E: (30, 30, 30, 30, 60, 20, 20)}
BELOW = {(C, "2022"), (E, "2022"), (E, "2023"), (E, "2024"), (E, "2025")}
PROFIT_B = (160, 168, 176, 184, 192, 80, 90)
RD = {A: (10, 11, 12, 13, 14, 6, 7.5), B: (40,) * 5 + (20, 21)}
ENERGY_D = (50, 50, 50, 50, 50, 48, 48)
WATER_D = (None,) * 5 + (96, 90)
TOOLS = {A: "是", B: "是", C: "否", D: "否", E: "否"}

HEADER = ["统一社会信用代码", "统计期", "是否规上", "营业收入(万元)", "工业增加值(万元)", "工业总产值(万元)",
          "利润总额(万元)", "研发经费(万元)", "综合能耗(吨标准煤)", "用水量(立方米)", "使用数字化研发设计工具"]


def _cell(v) -> str:
    return "" if v is None else f"{v:g}"


def statistics_rows() -> list[list[str]]:
    rows = [HEADER]
    for uscc, vas in VA.items():
        for i, period in enumerate(YEARS + HALVES):
            va = vas[i]
            rows.append([uscc, period, "否" if (uscc, period) in BELOW else "是", _cell(4 * va), _cell(va),
                         _cell(2 * va), _cell(PROFIT_B[i] if uscc == B else 0), _cell(RD.get(uscc, (None,) * 7)[i]),
                         _cell(ENERGY_D[i] if uscc == D else None), _cell(WATER_D[i] if uscc == D else None),
                         TOOLS[uscc] if period in YEARS else ""])
    return rows


def build(g, folder) -> None:
    """Import the province into the workspace ``g`` and save the built-in plan of seed 004."""
    def write(name, rows):
        path = folder / name
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
        return path

    g.import_file("parks", write("p.csv", [["园区代码", "园区名称", "园区级别", "所在县市区代码", "规划面积(亩)"],
                                           ["P1", "测试园区", "省级", "430102", "1000"]]))
    g.import_file("enterprises", write("e.csv", [
        ["统一社会信用代码", "企业名称", "所在县市区代码", "园区代码", "行业代码"],
        [A, "A", "430102", "P1", "3741"], [B, "B", "430182", "", "3612"], [C, "C", "430202", "P1", "1311"],
        [D, "D", "430202", "", "0610"], [E, "E", "430202", "P1", "1311"]]))
    g.import_file("statistics", write("s.csv", statistics_rows()))
    g.import_file("titles", write("t.csv", [["统一社会信用代码", "称号", "等级", "认定年份", "有效期至"],
                                            [A, "小巨人", "国家级", "2026", "2029"],
                                            [B, "小巨人", "国家级", "2023", "2025"],
                                            [A, "绿色工厂", "省级", "2024", ""],
                                            [A, "智能工厂", "卓越级", "2025", ""]]))
    g.import_file("deflators", write("d.csv", [["地区代码", "年份", "口径", "价格指数"]]
                                     + [["430000", str(y), "制造业", "100"] for y in range(2023, 2028)]))
    g.import_file("clusters", write("c.csv", [["集群代码", "集群名称", "集群级别", "所在地区代码", "认定年份", "名单年份"],
                                              ["N1", "国家集群", "国家级", "430100", "2022", "2026"],
                                              ["S1", "特色集群", "中小企业特色产业集群", "430200", "2026", "2026"]]))
    g.import_file("indicator-values", write("v.csv", [
        ["指标", "地区代码", "统计期", "数值", "单位", "来源"],
        ["数字经济核心产业增加值占GDP比重", "430000", "2025", "7.4", "%", "统计公报（测试）"],
        ["数字经济核心产业增加值占GDP比重", "430000", "2026", "7.8", "%", "统计公报（测试）"],
        ["规模工业单位增加值能耗降低（国家下达任务）", "430000", "2030", "3.0", "%", "任务下达文件（测试）"],
        ["高技术制造业增加值占规模工业增加值比重", "430000", "2027-06", "14.8", "%", "测试发布"]]))
    g.save_plan("hunan_15th_manufacturing_2026")
