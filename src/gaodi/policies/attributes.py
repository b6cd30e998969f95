"""The enterprise attribute table that policy conditions are evaluated on (政策计算器的企业画像表).

One row per enterprise; the columns are :data:`ATTRIBUTES` (only ``uscc`` and ``region_code`` are
required; a column that is absent is treated as missing for every enterprise, so a condition on it
fails with "数据缺失" rather than silently passing). Values and units:

============================ ======= =====================================================================
column                       unit    meaning
============================ ======= =====================================================================
uscc                                 统一社会信用代码 (key)
name                                 企业名称
region_code                          6-digit administrative division code (GB/T 2260), e.g. 430104
industry_code                        GB/T 4754-2017 class, 4 digits as text, e.g. "3981"
catalogues                   list    catalogues the enterprise belongs to, e.g. ["高技术制造业", "战略性新兴产业"]
size_class                   scale   微型 < 小型 < 中型 < 大型 (大中小微企业划型规定, 国统字〔2017〕213号)
titles                       list    titles held, "名称" or "名称:级别" with 级别 市级/省级/国家级,
                                     e.g. ["专精特新小巨人", "绿色工厂:国家级", "企业技术中心:省级"]
above_scale                  bool    规模以上工业企业 (revenue ≥ 2000 万元)
revenue, revenue_prev        万元    营业收入 of the last / previous year
revenue_growth               %       营业收入增速
rd_expense                   万元    研发费用
rd_intensity                 %       研发投入强度 = rd_expense / revenue × 100
investment                   万元    年度设备与技术改造投资
employees, new_hires         人      从业人员 / 上年新增就业
age_years                    年      years since registration
invention_patents            件      有效发明专利
smart_factory_level          scale   无 < 基础 < 先进 < 卓越 < 领航 (智能工厂梯度培育)
mu_class                     scale   D < C < B < A (亩均效益综合评价类别)
serious_violation            bool    近三年发生重大安全、环保事故或严重失信
total_assets                 万元    资产总额 (全年季度平均值 for 小型微利企业); not in the store, from a file
taxable_income               万元    年度应纳税所得额; not in the store, from a file
key_little_giant             bool    列入中央财政支持的重点"小巨人"企业名单 (财建〔2021〕2号 / 〔2024〕148号)
============================ ======= =====================================================================
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gaodi.errors import InputError, Location

__all__ = ["ATTRIBUTES", "MONEY_UNITS", "TITLE_LEVELS", "Attribute", "EnterpriseTable", "convert_unit"]


@dataclass(frozen=True)
class Attribute:
    """One column of the enterprise table: its kind decides which operators apply."""

    name: str
    label: str
    label_en: str
    kind: str  # code | number | scale | list | titles | bool | text
    unit: str = ""
    scale: tuple[str, ...] = ()


def _a(name, label, label_en, kind, unit="", scale=()):
    return name, Attribute(name, label, label_en, kind, unit, tuple(scale))


ATTRIBUTES: dict[str, Attribute] = dict([
    _a("uscc", "统一社会信用代码", "USCC", "text"),
    _a("name", "企业名称", "name", "text"),
    _a("region_code", "所在地区", "region", "code"),
    _a("industry_code", "所属行业", "industry", "code"),
    _a("catalogues", "所属产业目录", "catalogues", "list"),
    _a("size_class", "企业规模", "size", "scale", scale=("微型", "小型", "中型", "大型")),
    _a("titles", "称号", "titles", "titles"),
    _a("above_scale", "规上企业", "above-scale", "bool"),
    _a("revenue", "营业收入", "revenue", "number", "万元"),
    _a("revenue_prev", "上年营业收入", "previous revenue", "number", "万元"),
    _a("revenue_growth", "营业收入增速", "revenue growth", "number", "%"),
    _a("rd_expense", "研发费用", "R&D expense", "number", "万元"),
    _a("rd_intensity", "研发投入强度", "R&D intensity", "number", "%"),
    _a("investment", "设备与技改投资", "investment", "number", "万元"),
    _a("employees", "从业人员", "employees", "number", "人"),
    _a("new_hires", "新增就业", "new hires", "number", "人"),
    _a("age_years", "成立年限", "age", "number", "年"),
    _a("invention_patents", "有效发明专利", "invention patents", "number", "件"),
    _a("smart_factory_level", "智能工厂等级", "smart-factory level", "scale",
       scale=("无", "基础", "先进", "卓越", "领航")),
    _a("mu_class", "亩均效益评价类别", "per-mu class", "scale", scale=("D", "C", "B", "A")),
    _a("serious_violation", "重大事故或严重失信", "serious violation", "bool"),
    _a("total_assets", "资产总额", "total assets", "number", "万元"),
    _a("taxable_income", "年度应纳税所得额", "taxable income", "number", "万元"),
    _a("key_little_giant", "列入重点\"小巨人\"支持名单", "on the key little-giant list", "bool"),
])
REQUIRED = ("uscc", "region_code")

MONEY_UNITS = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}
#: Title levels, lowest first; 0 is "not held", 1 "held, level not stated".
TITLE_LEVELS = {"市级": 2, "city": 2, "省级": 3, "provincial": 3, "国家级": 4, "national": 4}
_LEVEL_NAMES = {2: "市级", 3: "省级", 4: "国家级", 1: "未注明级别"}


def convert_unit(value: float, unit: str, to: str) -> float:
    """Convert ``value`` from ``unit`` to ``to``; only money units (元/万元/亿元) convert, others must match."""
    if unit == to:
        return value
    if unit in MONEY_UNITS and to in MONEY_UNITS:
        return value * MONEY_UNITS[unit] / MONEY_UNITS[to]
    raise ValueError(f"{unit} → {to}")


def level_name(code: int) -> str:
    return _LEVEL_NAMES.get(int(code), "未持有")


class EnterpriseTable:
    """The validated enterprise table, with each column compiled to numpy arrays once.

    Numbers and scales become float arrays (NaN = missing; a scale value is its position in the
    scale), booleans float 1/0/NaN, lists become one boolean array per catalogue and one level array
    per title, codes are factorised (an integer per row into the distinct codes), so that a test on
    codes runs once per distinct code and is then spread to the rows.
    """

    def __init__(self, frame: pd.DataFrame, source: str = "enterprises") -> None:
        missing = [c for c in REQUIRED if c not in frame.columns]
        if missing:
            raise InputError(message=f"企业表缺少必填列：{', '.join(missing)}",
                             message_en=f"the enterprise table lacks required columns: {', '.join(missing)}",
                             location=Location(file=source), fix="按 gaodi.policies.attributes 的列说明补齐")
        self.source = source
        self.frame = frame.reset_index(drop=True)
        self.n = len(self.frame)
        self.uscc = self.frame["uscc"].astype(str).to_numpy(dtype=object)
        self.present = {c for c in ATTRIBUTES if c in self.frame.columns}
        self._numbers: dict[str, np.ndarray] = {}
        self._codes: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._lists: dict[str, dict[str, np.ndarray]] = {}
        self._row_of: dict[str, int] | None = None
        for name in self.present:
            kind = ATTRIBUTES[name].kind
            if kind in ("number", "scale", "bool"):
                self._numbers[name] = self._compile_number(name)
            elif kind in ("list", "titles"):
                self._lists[name] = self._compile_list(name, titles=kind == "titles")
            elif kind == "code":
                text = self.frame[name].astype("string").str.strip()
                codes, uniques = pd.factorize(text.where(text != ""), use_na_sentinel=True)
                self._codes[name] = (codes.astype(np.int64), np.asarray(uniques, dtype=object))

    @classmethod
    def from_records(cls, records: Sequence[Mapping], source: str = "enterprises") -> EnterpriseTable:
        """Build a table from dicts (one per enterprise), e.g. for a single enterprise's query."""
        return cls(pd.DataFrame(list(records)), source)

    def row_of(self, uscc: str) -> int | None:
        """The row number of an enterprise, or None."""
        if self._row_of is None:
            self._row_of = {u: i for i, u in enumerate(self.uscc)}
        return self._row_of.get(uscc)

    # -- compiled columns ------------------------------------------------------------------------

    def number(self, name: str) -> np.ndarray:
        """Float values of a number, scale or bool column (NaN where missing or absent)."""
        return self._numbers.get(name, np.full(self.n, np.nan))

    def code_in(self, name: str, wanted: Sequence[str], prefix: bool) -> np.ndarray:
        """True where the code equals (or, with ``prefix``, starts with) one of ``wanted``."""
        codes, uniques = self._codes.get(name, (np.full(self.n, -1), np.array([], dtype=object)))
        chosen = tuple(wanted)
        if prefix:
            hit = np.fromiter((str(u).startswith(chosen) for u in uniques), dtype=bool, count=len(uniques))
        else:
            hit = np.fromiter((u in chosen for u in uniques), dtype=bool, count=len(uniques))
        return np.append(hit, False)[codes]  # code -1 (missing) picks the appended False

    def code(self, name: str) -> np.ndarray:
        """A code column as stripped text ("" where missing or where the column is absent)."""
        codes, uniques = self._codes.get(name, (np.full(self.n, -1), np.array([], dtype=object)))
        return np.append(uniques, "").astype(object)[codes]

    def code_missing(self, name: str) -> np.ndarray:
        codes, _ = self._codes.get(name, (np.full(self.n, -1), None))
        return codes < 0

    def members(self, name: str, item: str) -> np.ndarray:
        """For a list column: bool (catalogues) or title level code 0–4 (titles) per enterprise."""
        found = self._lists.get(name, {}).get(item)
        if found is None:
            return np.zeros(self.n, dtype=np.int8)
        return found

    def list_missing(self, name: str) -> np.ndarray:
        """A list column is missing only when absent; an empty cell means "none held"."""
        return np.full(self.n, name not in self.present)

    def _compile_number(self, name: str) -> np.ndarray:
        attr, col = ATTRIBUTES[name], self.frame[name]
        if attr.kind == "number":
            try:
                return col.to_numpy(dtype=float, na_value=np.nan)
            except (TypeError, ValueError):
                pass
            values = pd.to_numeric(col, errors="coerce")
            bad = values.isna() & col.notna() & (col.astype("string").str.strip() != "")
            if bad.any():
                row = int(np.flatnonzero(bad.to_numpy())[0])
                raise self._bad_value(name, row, col.iloc[row], f"应为数字，单位 {attr.unit}")
            return values.to_numpy(dtype=float, na_value=np.nan)
        if attr.kind == "bool":
            mapping = {True: 1.0, False: 0.0, "是": 1.0, "否": 0.0, "true": 1.0, "false": 0.0, "1": 1.0, "0": 0.0, "True": 1.0, "False": 0.0}
        else:
            mapping = {level: float(i) for i, level in enumerate(attr.scale)}
        values = col.map(mapping).to_numpy(dtype=float, na_value=np.nan)
        unmapped = np.flatnonzero(np.isnan(values) & col.notna().to_numpy(dtype=bool))
        bad = [int(i) for i in unmapped if _code_text(col.iloc[i]) is not None]
        if bad:
            allowed = " / ".join(attr.scale) if attr.kind == "scale" else "是 / 否"
            raise self._bad_value(name, bad[0], col.iloc[bad[0]], f"可选值：{allowed}")
        return values

    def _compile_list(self, name: str, titles: bool) -> dict[str, np.ndarray]:
        col = self.frame[name]
        items = col.explode().dropna().astype(str).str.strip()
        if items.str.contains(_SEPARATORS, regex=True).any():  # "高新技术企业；绿色工厂:国家级" in one cell
            items = items.str.split(_SEPARATORS, regex=True).explode().str.strip()
        items = items[items != ""]
        if items.empty:  # nobody holds anything (e.g. a one-enterprise table without titles)
            return {}
        rows = items.index.to_numpy()
        if titles:
            parts = items.str.replace("：", ":").str.partition(":")
            names, has_level, levels = parts[0].str.strip(), parts[1] != "", parts[2].str.strip()
            codes = levels.map(lambda lv: TITLE_LEVELS.get(lv, 0)).where(has_level, 1)
            if (codes == 0).any():
                bad = int(np.flatnonzero((codes == 0).to_numpy())[0])
                raise self._bad_value(name, int(rows[bad]), items.iloc[bad],
                                      "称号级别应为 市级 / 省级 / 国家级，写成「名称:级别」")
        else:
            names, codes = items, pd.Series(1, index=items.index)
        names_arr, codes_arr = names.to_numpy(dtype=object), codes.to_numpy(dtype=np.int8)
        out: dict[str, np.ndarray] = {}
        for item in pd.unique(names_arr):
            held = names_arr == item
            arr = np.zeros(self.n, dtype=np.int8)
            np.maximum.at(arr, rows[held], codes_arr[held])
            out[str(item)] = arr if titles else arr.astype(bool)
        return out

    def _bad_value(self, name: str, row: int, value, hint: str) -> InputError:
        attr = ATTRIBUTES[name]
        return InputError(message=f"{attr.label}（{name}）的值 {value!r} 无效：{hint}",
                          message_en=f"invalid value {value!r} in column {name}",
                          location=Location(file=self.source, row=row + 2, column=name),
                          fix=f"改正第 {row + 2} 行的 {name} (fix row {row + 2})")


_SEPARATORS = r"[;；,，、]"


def _code_text(value) -> str | None:
    """A cell as stripped text; None for empty cells and NaN."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None
