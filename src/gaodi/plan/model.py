"""Plans as data: a plan, its indicators, sector revenue targets and count targets.

A plan document (e.g. 湘政发〔2026〕6号, 湖南省推进新型工业化和制造强省建设"十五五"规划) states its goals in a
table of main indicators (专栏) and in sentences ("到2030年，力争营收达到3400亿元"). These models hold both,
exactly as written, with the kind of each target made explicit. Every model raises a gaodi
:class:`~gaodi.errors.InputError` (never a bare pydantic error) naming the field that is wrong.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from gaodi.errors import InputError, Location

Op = Literal[">=", "<=", "=", "range", "qualitative", "relative"]
Attribute = Literal["预期性", "约束性"]

OP_LABELS = {">=": "不低于", "<=": "不高于", "=": "达到", "range": "区间", "qualitative": "定性",
             "relative": "相对基期"}


def _rule(zh: str, en: str) -> PydanticCustomError:
    return PydanticCustomError("plan_rule", "{zh}", {"zh": zh, "en": en})


_depth: contextvars.ContextVar[int] = contextvars.ContextVar("plan_model_depth", default=0)


class PlanModel(BaseModel):
    """Base of the plan models: unknown fields are refused, and every failure is an InputError.

    Nested models are validated through their own ``__init__``; only the outermost call converts
    the pydantic error, so the error keeps the full path (``indicators.1.target``).
    """

    model_config = ConfigDict(extra="forbid")

    def __init__(self, **data: Any) -> None:
        token = _depth.set(_depth.get() + 1)
        try:
            super().__init__(**data)
        except ValidationError as exc:
            if _depth.get() > 1:
                raise
            raise input_error_from(exc, type(self).__name__) from None
        finally:
            _depth.reset(token)

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        token = _depth.set(_depth.get() + 1)
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:
            if _depth.get() > 1:
                raise
            raise input_error_from(exc, cls.__name__) from None
        finally:
            _depth.reset(token)


def input_error_from(exc: ValidationError, what: str, file: str | None = None) -> InputError:
    """Turn a pydantic ValidationError into one InputError listing every wrong field by its path."""
    zh_lines, en_lines, problems = [], [], []
    for err in exc.errors():
        path = ".".join(str(p) for p in err["loc"]) or what
        ctx = err.get("ctx") or {}
        zh = ctx.get("zh", err["msg"])
        en = ctx.get("en", err["msg"])
        zh_lines.append(f"{path}：{zh}")
        en_lines.append(f"{path}: {en}")
        problems.append({"path": path, "message": zh, "message_en": en})
    return InputError(
        message=f"规划数据有误（{what}）：" + "；".join(zh_lines),
        message_en=f"Invalid plan data ({what}): " + "; ".join(en_lines),
        fix="按提示改正 YAML 中对应的字段后重新运行 gaodi plan check",
        location=Location(file=file, column=problems[0]["path"] if problems else None),
        details={"problems": problems},
    )


def check_amount(op: str, value: float | None, low: float | None, high: float | None,
                 text: str | None) -> None:
    """Check that op, value, low and high agree; raise a plan_rule error naming the mismatch."""
    if op == "range":
        if low is None or high is None:
            raise _rule("区间目标必须同时给出 low 和 high",
                        "a range target needs both low and high")
        if low > high:
            raise _rule(f"区间下限 {low:g} 大于上限 {high:g}",
                        f"range low {low:g} is greater than high {high:g}")
        if value is not None:
            raise _rule("区间目标不填 value，只填 low 和 high",
                        "a range target takes low and high, not value")
    elif op == "qualitative":
        if value is not None or low is not None or high is not None:
            raise _rule("定性目标（qualitative）不能带数值", "a qualitative target has no number")
        if not text:
            raise _rule("定性目标必须保留原文 text", "a qualitative target needs its text")
    else:
        if value is None:
            raise _rule(f"运算符 {op} 的目标必须给出 value", f"a target with op {op} needs a value")
        if low is not None or high is not None:
            raise _rule(f"运算符 {op} 的目标不填 low/high（区间请用 op: range）",
                        f"op {op} takes value, not low/high (use op: range)")


def _check_year(year: int | None, what: str) -> None:
    if year is not None and not 1949 <= year <= 2100:
        raise _rule(f"{what} {year} 不在 1949—2100 之间", f"{what} {year} is not within 1949-2100")


class Relation(PlanModel):
    """A target written relative to a base: "比2020年提高3个百分点", "下降15%以上", "翻一番".

    ``kind`` says what ``value`` (or ``low``..``high``) measures against the base value B:
    ``points`` a change in percentage points (level = B + value), ``percent`` a change in percent
    (level = B × (1 + value/100)), ``multiple`` a multiple of the base (level = B × value; 翻一番
    is 2, 翻两番 4), ``amount`` a change in the indicator's own unit (比2020年增加5000家: B + 5000). A fall is negative: "下降15%以上" is percent, op ``<=``, value −15.
    ``base_year`` is the year the sentence names ("比2020年"); None when it names none.
    """

    kind: Literal["points", "percent", "multiple", "amount"]
    op: Literal[">=", "<=", "=", "range"]
    value: float | None = None
    low: float | None = None
    high: float | None = None
    base_year: int | None = None
    text: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Relation:
        check_amount(self.op, self.value, self.low, self.high, self.text)
        _check_year(self.base_year, "相对基期年份 base_year")
        return self

    def level(self, base: float) -> dict[str, Any]:
        """The absolute target from base value ``base``: {op, value} or {op, low, high}."""
        def at(change: float) -> float:
            if self.kind in ("points", "amount"):
                return round(base + change, 10)
            if self.kind == "percent":
                return round(base * (1 + change / 100), 10)
            return round(base * change, 10)

        if self.op == "range":
            ends = sorted([at(self.low), at(self.high)])  # type: ignore[arg-type]
            return {"op": "range", "low": ends[0], "high": ends[1]}
        return {"op": self.op, "value": at(self.value)}  # type: ignore[arg-type]


class Target(PlanModel):
    """What an indicator must reach by ``year``: ``op`` with ``value``, or ``low``..``high``.

    ``cumulative`` marks a total over the plan period (written "[3000]"); ``rank`` marks a place
    in a ranking where 1 is best ("全省前40位" is op "<=" value 40); ``approximate`` marks "左右"/"约".
    ``text`` keeps the cell or phrase as written. ``relation`` keeps a target written relative to
    a base ("比2020年提高3个百分点"): op is ``relative`` while the base is unknown, and the absolute
    level (op with value) once the base is known, the relation staying as written.
    """

    op: Op
    value: float | None = None
    low: float | None = None
    high: float | None = None
    cumulative: bool = False
    approximate: bool = False
    rank: bool = False
    year: int | None = None
    text: str = ""
    relation: Relation | None = None

    def describe(self) -> str:
        """Say the target briefly, as a table shows it: "≥6.5", "6~7", "≥[3000]", "全省前40位"."""
        if self.op in ("qualitative", "relative"):
            return self.text
        if self.rank:
            return f"前{self.value:g}位"
        if self.op == "range":
            amount = f"{self.low:g}~{self.high:g}"
        else:
            amount = f"{self.value:g}"
        if self.cumulative:
            amount = f"[{amount}]"
        sign = {">=": "≥", "<=": "≤"}.get(self.op, "")
        return sign + amount + ("左右" if self.approximate else "")

    @model_validator(mode="after")
    def _consistent(self) -> Target:
        if self.op == "relative":
            if self.relation is None:
                raise _rule("相对目标（relative）须给出 relation", "a relative target needs its relation")
            if self.value is not None or self.low is not None or self.high is not None:
                raise _rule("相对目标在基期值未知时不填 value/low/high",
                            "a relative target has no value, low or high until its base is known")
            _check_year(self.year, "目标年份 year")
            return self
        check_amount(self.op, self.value, self.low, self.high, self.text)
        _check_year(self.year, "目标年份 year")
        if self.op == "qualitative" and (self.cumulative or self.rank or self.approximate):
            raise _rule("定性目标不能标记 cumulative/rank/approximate",
                        "a qualitative target cannot be cumulative, rank or approximate")
        if self.rank and (self.op not in ("<=", "=") or self.value is None or self.value < 1):
            raise _rule("名次目标（rank）须为 op <= 或 =，value 为不小于 1 的名次",
                        "a rank target needs op <= or = and a place value of at least 1")
        return self


class Indicator(PlanModel):
    """One row of a plan's indicator table (专栏), as written.

    ``base`` is the base value in ``unit`` for ``base_year`` (None when the table shows "/");
    ``base_note`` explains a marked base (e.g. "*" = 2024年数据); ``footnote_marks`` lists the
    marks the row carried ("*", "[]"). ``source`` is "table" for table rows and "text" for goals
    read from sentences; ``line`` is where the row starts in the document.
    """

    number: str = Field(min_length=1)
    name: str = Field(min_length=1)
    unit: str | None = None
    category: str | None = None
    base: float | None = None
    base_year: int | None = None
    base_note: str | None = None
    target: Target
    milestones: list[Target] = Field(default_factory=list)
    attribute: Attribute | None = None
    responsible: str | None = None
    footnote_marks: list[str] = Field(default_factory=list)
    source: Literal["table", "text"] = "table"
    line: int | None = None

    @model_validator(mode="after")
    def _years(self) -> Indicator:
        _check_year(self.base_year, "基期年份 base_year")
        ty = self.target.year
        if self.base_year is not None and ty is not None and ty <= self.base_year:
            raise _rule(f"目标年份 {ty} 不晚于基期年份 {self.base_year}",
                        f"target year {ty} is not after base year {self.base_year}")
        for m in self.milestones:
            if ty is not None and m.year is not None and m.year >= ty:
                raise _rule(f"阶段目标年份 {m.year} 应早于目标年份 {ty}",
                            f"milestone year {m.year} must be before target year {ty}")
        return self


class _Amount(PlanModel):
    """Shared fields of targets written in sentences: op with value, or low..high, in a year."""

    year: int
    op: Literal[">=", "<=", "=", "range"]
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str = Field(min_length=1)
    source: str = ""
    line: int | None = None

    @model_validator(mode="after")
    def _consistent(self) -> _Amount:
        check_amount(self.op, self.value, self.low, self.high, self.source)
        _check_year(self.year, "目标年份 year")
        return self


MONEY_UNITS = {"元": 1e-8, "万元": 1e-4, "亿元": 1.0, "万亿元": 1e4}


class SectorTarget(_Amount):
    """A sector's revenue (or output) target, e.g. 石化 营收 3400 亿元 by 2030.

    ``metric`` is the measure as written (营收, 软件业务收入, 产值 ...); ``scope`` keeps the subject the
    sentence actually names when it differs from the sector heading (e.g. "汽车产业（含新能源汽车）").
    """

    sector: str = Field(min_length=1)
    metric: str = "营收"
    scope: str | None = None

    @model_validator(mode="after")
    def _money(self) -> SectorTarget:
        if self.unit not in MONEY_UNITS:
            raise _rule(f"产业营收目标的单位须为 {'/'.join(MONEY_UNITS)}，而不是「{self.unit}」",
                        f"a sector target's unit must be one of {', '.join(MONEY_UNITS)}")
        return self

    def value_in_yi_yuan(self) -> float | None:
        """Return ``value`` converted to 亿元 (1 万亿元 = 10 000 亿元; 1 亿元 = 10 000 万元)."""
        return None if self.value is None else self.value * MONEY_UNITS[self.unit]


class CountTarget(_Amount):
    """A target number of things, e.g. 国家专精特新"小巨人"企业 ≥ 700 家, 基础级智能工厂 ≥ 2000 家."""

    subject: str = Field(min_length=1)
    level: str | None = None


class Footnote(PlanModel):
    """A note under the indicator table; ``mark`` is the sign it explains ("*", "[]"), if any."""

    mark: str | None = None
    text: str = Field(min_length=1)
    base_year: int | None = None


class Plan(PlanModel):
    """A plan: who issued it, its base and target years, its indicators and its targets."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    name: str = Field(min_length=1)
    issuer: str | None = None
    doc_number: str | None = None
    jurisdiction: str | None = None
    issued: dt.date | None = None
    base_year: int | None = None
    target_year: int | None = None
    source: str | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    sector_targets: list[SectorTarget] = Field(default_factory=list)
    count_targets: list[CountTarget] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)

    @model_validator(mode="after")
    def _whole(self) -> Plan:
        _check_year(self.base_year, "基期年份 base_year")
        _check_year(self.target_year, "目标年份 target_year")
        if self.base_year and self.target_year and self.base_year >= self.target_year:
            raise _rule(f"基期年份 {self.base_year} 应早于目标年份 {self.target_year}",
                        f"base year {self.base_year} must be before target year {self.target_year}")
        seen: set[str] = set()
        for ind in self.indicators:
            if ind.number in seen:
                raise _rule(f"指标序号 {ind.number} 重复", f"indicator number {ind.number} is repeated")
            seen.add(ind.number)
        keys: set[tuple[str, str, int]] = set()
        for st in self.sector_targets:
            key = (st.sector, st.metric, st.year)
            if key in keys:
                raise _rule(f"产业 {st.sector} 的 {st.year} 年{st.metric}目标重复",
                            f"sector {st.sector} has two {st.metric} targets for {st.year}")
            keys.add(key)
        return self

    def indicator(self, number: str) -> Indicator:
        """Return the indicator with this number (序号)."""
        for ind in self.indicators:
            if ind.number == number:
                return ind
        from gaodi.errors import NotFoundError

        raise NotFoundError(message=f"规划 {self.id} 中没有序号为 {number} 的指标",
                            message_en=f"plan {self.id} has no indicator number {number}",
                            fix="用 gaodi plan show 查看指标序号")
