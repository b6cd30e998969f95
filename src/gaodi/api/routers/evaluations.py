"""Clusters and park evaluations (亩均效益, 五好园区, 集群竞赛): rankings with scores, classes, measures
and exclusions; class movement between years; dynamic management; the cluster ladder.

An evaluation runs over its rule set's whole jurisdiction, as the official ranking does, once per
data version (``Gaodi.evaluations.evaluate``); the caller then sees the rows of
its scope with their provincial rank and class. An enterprise is in scope by
``scoped_enterprises``, a park by ``scoped_parks``, a cluster when one of its member enterprises is.
Results on enterprises are confidential: every read and export of them is audited.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Query

from gaodi.access.scope import Scope
from gaodi.api.deps import Audit, CacheDep, DataYear, Format, GaodiDep, Paging, UserScope
from gaodi.api.listing import EXPORTS, rows_response, sort_rows
from gaodi.api.responses import ClusterLadderList, DynamicList, ExplanationPublic, MovementList, RankingList, RulesetsPublic
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable
from gaodi.errors import InputError, NotFoundError
from gaodi.evaluation.dynamic import compare_years, dynamic_management
from gaodi.evaluation.ruleset import RuleSet, list_rulesets
from gaodi.evaluation.store_data import TITLE_COLUMNS
from gaodi.evaluation.store_evaluation import StoreEvaluation

router = APIRouter(prefix="/evaluations", tags=["集群与园区评价 evaluations"], responses=ERRORS)

NOT_GRADED = "不参评"
SUBJECTS = {"enterprises": ("企业", "enterprises"), "parks": ("园区", "parks"), "clusters": ("集群", "clusters")}
INDICATORS_EN = {
    "亩均税收": "tax per mu", "亩均增加值": "value added per mu", "亩均营业收入": "revenue per mu",
    "单位能耗增加值": "value added per tce", "单位排放增加值": "value added per t of main pollutants",
    "单位碳排放增加值": "value added per t CO2",
    "全员劳动生产率": "labour productivity", "研发经费投入强度": "R&D intensity", "营业收入利润率": "profit margin",
    "营业收入增速": "revenue growth", "增加值增速": "value-added growth", "税收增速": "tax growth",
    "营业收入": "revenue", "工业增加值": "value added", "税收": "tax", "固定资产投资": "fixed investment",
    "成员企业数": "members", "规上企业数": "above-scale members", "小巨人企业数": "little giants",
    "单项冠军企业数": "single champions", "专精特新企业数": "specialised SMEs", "高新技术企业数": "high-tech enterprises",
    "智能工厂数": "smart factories", "绿色工厂数": "green factories"}
CHANGES = {"up": ("上升", "up"), "down": ("下降", "down"), "same": ("不变", "same"), "new": ("新进", "new"),
           "left": ("退出", "left")}
STATUSES = {"loss_of_status": "取消称号或降级", "warning": "预警", "down": "排名下降", "up": "排名上升",
            "same": "排名不变", "new": "新参评"}


def _columns(*spec: tuple[str, str, str, str]) -> list[dict[str, str]]:
    return [{"key": k, "label": zh, "label_en": en, "unit": u} for k, zh, en, u in spec]


MOVEMENT_COLUMNS = _columns(
    ("id", "编号", "id", ""), ("name", "名称", "name", ""), ("change_label", "变动", "change", ""),
    ("class_before", "上年分类", "class before", ""), ("class_after", "当年分类", "class after", ""),
    ("rank_before", "上年排名", "rank before", ""), ("rank_after", "当年排名", "rank after", ""))
LADDER_COLUMNS = _columns(
    ("cluster_id", "集群代码", "cluster", ""), ("name", "集群名称", "name", ""), ("level_name", "级别", "level", ""),
    ("members", "成员企业", "members", "家"), ("above_scale_members", "规上成员", "above-scale members", "家"),
    ("revenue", "营业收入", "revenue", "万元"), ("value_added", "工业增加值", "value added", "万元"),
    ("revenue_growth", "营业收入增速", "revenue growth", "%"), ("rd_intensity", "研发经费投入强度", "R&D intensity", "%"),
    *[(column, title, column.removeprefix("title_").replace("_", " "), "家") for title, column in TITLE_COLUMNS.items()],
    ("year_recognised", "认定年份", "recognised", ""), ("valid_to", "有效期至", "valid to", ""),
    ("validity_name", "有效期状态", "validity", ""))


@lru_cache(maxsize=1)
def _shipped() -> dict[str, RuleSet]:
    return {r.name: r for r in list_rulesets()}


def _ruleset(name: str) -> RuleSet:
    """A shipped rule set by name (never a path: the server reads no file a caller names)."""
    found = _shipped().get(name)
    if found is None:
        raise NotFoundError(f"没有名为 {name} 的评价规则", f"no rule set named {name}",
                            fix=f"可选：{'、'.join(_shipped())}")
    return found


def _evaluation(g, cache, ruleset: RuleSet, year: int) -> StoreEvaluation:
    return cache.get(("evaluation", ruleset.name, ruleset.version, year),
                     lambda: g.evaluations.evaluate(ruleset, year))


def _inside(g, cache, scope: Scope, subject: str) -> frozenset[str] | None:
    """The ids of the subject the scope reaches (None: everything), once per data version."""
    if scope.is_province:
        return None
    return cache.get(("evaluation-scope", subject, scope), lambda: g.evaluations.ids_in_scope(scope, subject))


def _audit(audit: Audit, ruleset: RuleSet, what: str, detail: str, fmt: str = "json") -> None:
    if ruleset.subject == "enterprises":
        audit(("read_" if fmt == "json" else "export_") + what, f"evaluation:{ruleset.name}", detail)


def _describe(ruleset: RuleSet) -> dict[str, Any]:
    subject = SUBJECTS[ruleset.subject]
    return {"name": ruleset.name, "version": ruleset.version, "subject": ruleset.subject,
            "subject_label": subject[0], "subject_label_en": subject[1], "jurisdiction": ruleset.jurisdiction,
            "method": ruleset.scoring.method, "description": ruleset.description, "source": ruleset.source_text,
            "classes": _labels(ruleset), "measures": ruleset.measures, "dynamic": to_jsonable(ruleset.dynamic),
            "not_graded": [g.label for g in ruleset.not_graded],
            "indicators": [{"name": n, "name_en": INDICATORS_EN.get(n, n), "unit": ruleset.definitions[n].unit,
                            "formula": ruleset.definitions[n].formula(), "weight": (ruleset.scoring.weights or {}).get(n),
                            "dimension": ruleset.dimensions.get(n)} for n in ruleset.indicators]}


def _labels(ruleset: RuleSet) -> list[str]:
    scheme = ruleset.scoring.classes
    if scheme is None:
        return []
    return [b.label for b in scheme.bounds] if scheme.kind == "thresholds" else [c[0] for c in scheme.cuts]


@router.get("/rulesets", response_model=RulesetsPublic, summary="评价规则：亩均效益、五好园区、集群竞赛 (the rule sets)")
def rulesets(g: GaodiDep, _: UserScope, cache: CacheDep) -> dict:
    years = cache.get(("years",), g.directory.years)
    return {"years": years, "rulesets": [_describe(r) for r in _shipped().values()]}


@router.get("/rankings/{name}", response_model=RankingList, responses=EXPORTS, summary="一套规则的评价结果：得分、排名、分类、措施与不参评原因 (a ranking)")
def ranking(name: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, audit: Audit,
            year: DataYear, fmt: Format = "json",
            class_label: str | None = Query(None, alias="class", description="只看一类，如 A 或 不参评"),
            sort: str | None = Query(None, description="排序列，前加 - 为降序；默认按排名")):
    ruleset = _ruleset(name)
    _audit(audit, ruleset, "evaluation", f"year={year} scope={scope.describe()}", fmt)

    def rows() -> list[dict]:
        evaluation = _evaluation(g, cache, ruleset, year)
        inside = _inside(g, cache, scope, ruleset.subject)
        out = []
        for item in evaluation.items:
            if inside is None or item.id in inside:
                out.append({"rank": item.rank, "id": item.id, "name": item.name,
                            "class": item.class_label if item.graded else NOT_GRADED, "total": item.total,
                            **item.values, "measures": "；".join(item.measures), "reason": "；".join(item.not_graded)})
        return out

    def columns() -> list[dict[str, str]]:
        units = _evaluation(g, cache, ruleset, year).units
        return _columns(("rank", "排名", "rank", ""), ("id", "编号", "id", ""), ("name", "名称", "name", ""),
                        ("class", "分类", "class", ""), ("total", "得分", "score", "分"),
                        *[(n, n, INDICATORS_EN.get(n, n), units.get(n, "")) for n in ruleset.indicators],
                        ("measures", "差别化措施", "measures", ""), ("reason", "不参评原因", "why not graded", ""))

    def chosen() -> list[dict]:
        listed = cache.get(("evaluation-rows", name, year, scope), rows)
        return sort_rows([r for r in listed if class_label is None or r["class"] == class_label], sort)

    if fmt != "json":
        return rows_response(chosen(), paging, fmt, columns(), f"{name}-{year}")

    def page() -> dict:
        evaluation = _evaluation(g, cache, ruleset, year)
        listed = cache.get(("evaluation-rows", name, year, scope), rows)
        counts = {label: 0 for label in evaluation.class_labels} | {NOT_GRADED: 0}
        for r in listed:
            counts[r["class"]] = counts.get(r["class"], 0) + 1
        return {**rows_response(chosen(), paging, "json", columns(), ""), "year": year,
                "ruleset": _describe(ruleset), "method": evaluation.method, "benchmarks": evaluation.benchmarks,
                "weights": evaluation.result.weights, "class_labels": evaluation.class_labels,
                "class_counts": counts, "evaluated": len(evaluation.items), "graded": len(evaluation.graded),
                "notes": evaluation.result.notes}
    return cache.response(("evaluation-page", name, year, scope, class_label, sort, paging), page)


@router.get("/rankings/{name}/{alt_id}", response_model=ExplanationPublic, summary="一个评价对象的完整说明：输入、指标、得分、分类、措施 (one alternative)")
def explanation(name: str, alt_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, audit: Audit,
                year: DataYear) -> dict:
    ruleset = _ruleset(name)
    g.evaluations.check_subject(scope, ruleset.subject, alt_id)
    evaluation = _evaluation(g, cache, ruleset, year)
    item = next((i for i in evaluation.items if i.id == alt_id), None)
    if item is None:
        raise NotFoundError(f"{alt_id} 不在 {year} 年 {name} 的评价范围内", f"{alt_id} is not evaluated by {name} in {year}",
                            fix="检查年份与规则的评价范围（如规上/规下、辖区、园区级别）")
    if ruleset.subject == "enterprises":
        audit("read_enterprise_evaluation", f"enterprise:{alt_id}", f"ruleset={name} year={year}")
    indicators = [{"name": n, "name_en": INDICATORS_EN.get(n, n), "unit": evaluation.units.get(n, ""),
                   "formula": evaluation.formulas.get(n), "value": item.values.get(n),
                   "benchmark": evaluation.benchmarks.get(n), "weight": evaluation.result.weights.get(n),
                   "points": item.contributions.get(n)} for n in evaluation.result.indicators]
    return to_jsonable({"year": year, "ruleset": _describe(ruleset), "method": evaluation.method,
                        "item": item, "indicators": indicators})


@router.get("/movement/{name}", response_model=MovementList, responses=EXPORTS, summary="两年之间的分类变动：上升、下降、不变、新进、退出 (class movement)")
def movement(name: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, audit: Audit,
             fmt: Format = "json",
             from_year: int | None = Query(None, alias="from", description="上一年，默认当年的前一年"),
             to_year: int | None = Query(None, alias="to", description="当年，默认库中最新年"),
             change: str | None = Query(None, description="只看一种变动：up、down、same、new、left")):
    ruleset = _ruleset(name)
    after = g.directory.year(to_year)
    before = g.directory.year(from_year if from_year is not None else after - 1)
    if before >= after:
        raise InputError(f"上一年 {before} 应早于当年 {after}", f"from ({before}) must be before to ({after})",
                         fix="例如 from=2024&to=2025")
    _audit(audit, ruleset, "evaluation_movement", f"from={before} to={after} scope={scope.describe()}", fmt)

    def rows() -> list[dict]:
        moves = compare_years(_evaluation(g, cache, ruleset, before), _evaluation(g, cache, ruleset, after))
        inside = _inside(g, cache, scope, ruleset.subject)
        return [{**m.__dict__, "change_label": CHANGES[m.change][0]} for m in moves
                if inside is None or m.id in inside]

    listed = cache.get(("movement", name, before, after, scope), rows)
    chosen = [r for r in listed if change is None or r["change"] == change]
    if fmt != "json":
        return rows_response(chosen, paging, fmt, MOVEMENT_COLUMNS, f"{name}-{before}-{after}")
    counts = {c: sum(r["change"] == c for r in listed) for c in CHANGES}
    return {**rows_response(chosen, paging, "json", MOVEMENT_COLUMNS, ""), "from": before, "to": after,
            "counts": counts, "labels": {c: {"zh": zh, "en": en} for c, (zh, en) in CHANGES.items()}}


@router.get("/dynamic/{name}", response_model=DynamicList, responses=EXPORTS, summary="动态管理：预警、取消称号或降级、排名升降 (dynamic management)")
def dynamic(name: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, audit: Audit,
            fmt: Format = "json",
            years: str | None = Query(None, description="逗号分隔的年份，如 2024,2025；默认规则所需的最近几年")):
    ruleset = _ruleset(name)
    if ruleset.dynamic is None:
        raise InputError(f"规则 {name} 没有动态管理设置", f"rule set {name} has no dynamic rules",
                         fix="选择带动态管理的规则，如 集群竞赛")
    available = cache.get(("years",), g.directory.years)
    if years:
        try:
            asked = {int(y) for y in years.split(",") if y.strip()}  # each year once, before any lookup
            chosen_years = sorted(g.directory.year(y) for y in asked)
        except ValueError:
            raise InputError(f"年份 {years!r} 无法识别", f"unreadable years {years!r}", fix="例如 2024,2025") from None
    else:
        chosen_years = available[-ruleset.dynamic.loss_consecutive_years:]
    _audit(audit, ruleset, "evaluation_dynamic", f"years={chosen_years} scope={scope.describe()}", fmt)

    def rows() -> list[dict]:
        verdicts = dynamic_management([_evaluation(g, cache, ruleset, y) for y in chosen_years], ruleset.dynamic)
        inside = _inside(g, cache, scope, ruleset.subject)
        return [{"id": v.id, "name": v.name, "status": v.status, "status_label": STATUSES[v.status],
                 **{f"rank_{y}": r for y, r in v.ranks.items()}, "reasons": "；".join(v.reasons)}
                for v in verdicts if inside is None or v.id in inside]

    columns = _columns(("id", "编号", "id", ""), ("name", "名称", "name", ""), ("status_label", "状态", "status", ""),
                       *[(f"rank_{y}", f"{y} 年排名", f"rank {y}", "") for y in chosen_years],
                       ("reasons", "理由", "reasons", ""))
    listed = cache.get(("dynamic", name, tuple(chosen_years), scope), rows)
    if fmt != "json":
        return rows_response(listed, paging, fmt, columns, f"{name}-动态管理")
    return {**rows_response(listed, paging, "json", columns, ""), "years": chosen_years,
            "rules": to_jsonable(ruleset.dynamic)}


@router.get("/cluster-ladder", response_model=ClusterLadderList, responses=EXPORTS, summary="集群梯队与监测指标 (the cluster ladder)")
def ladder(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, year: DataYear, fmt: Format = "json"):
    def rows() -> list[dict]:
        inside = _inside(g, cache, scope, "clusters")
        out = []
        for c in g.evaluations.cluster_ladder(year)[1]:
            if inside is None or c.cluster_id in inside:
                row = {k: v for k, v in c.__dict__.items() if k != "titles"}
                out.append(row | {TITLE_COLUMNS[t]: n for t, n in c.titles.items() if t in TITLE_COLUMNS})
        return out

    listed = cache.get(("cluster-ladder", year, scope), rows)
    if fmt != "json":
        return rows_response(listed, paging, fmt, LADDER_COLUMNS, f"集群梯队-{year}")
    return {**rows_response(listed, paging, "json", LADDER_COLUMNS, ""), "year": year}
