"""Ladder rule sets (梯度培育): rungs and their criteria as versioned YAML.

A ladder is an ordered list of rungs, lowest first. Each rung says how to tell that an enterprise
holds it (``held``) and what it requires (``requires``), as a tree of criteria:

- a test on a store metric (``metric: rd_expense, op: ">=", value: 100``; names in
  :data:`gaodi.ladders.facts.METRICS`), on a declared data input that the store does not hold
  (``input: debt_ratio``; reported as "needs data" until supplied), or a title held
  (``title: 高新技术企业``, optionally ``levels``);
- ``all_of`` / ``any_of`` groups;
- a points table (``score``) with a pass mark and per-group minima, whose items score a metric or
  input by brackets (``[[500, 20], [400, 15], [null, 0]]``: value ≥ 500 → 20 ...), by choices, or
  by ``per``/``points_each``/``max_points`` (每满 2 年得 1 分，最高 5 分), ``best_of`` taking the
  better of several ways (研发费用总额 … 或 … 比重).

The format is documented in docs/ladders.md; shipped ladders live in ``gaodi/ladders/rulesets``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from gaodi.errors import InputError, Location, NotFoundError
from gaodi.ladders.facts import METRICS

LADDER_DIR = Path(__file__).with_name("rulesets")
OPS = (">=", ">", "<=", "<", "==", "!=")
INPUT_KINDS = ("number", "bool", "choice")


@dataclass(frozen=True)
class InputSpec:
    """A datum the store does not hold, supplied per enterprise from an inputs file."""

    name: str
    label: str
    kind: str = "number"
    unit: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One way to score an item: a metric or input and its brackets, choices or per-unit points."""

    source: str
    name: str
    brackets: tuple[tuple[float | None, float], ...] = ()
    choices: dict[str, float] = field(default_factory=dict)
    per: float | None = None
    points_each: float | None = None
    max_points: float | None = None

    def top(self) -> float:
        if self.brackets:
            return max(p for _, p in self.brackets)
        if self.choices:
            return max(self.choices.values())
        return float(self.max_points or 0)


@dataclass(frozen=True)
class ScoreItem:
    id: str
    label: str
    group: str | None
    rules: tuple[Rule, ...]

    @property
    def max_points(self) -> float:
        return max(r.top() for r in self.rules)


@dataclass(frozen=True)
class Node:
    """A criterion: ``kind`` is metric, input, title, all_of, any_of or score."""

    kind: str
    id: str
    label: str
    name: str | None = None
    op: str | None = None
    value: Any = None
    unit: str = ""
    note: str = ""
    levels: tuple[str, ...] = ()
    children: tuple[Node, ...] = ()
    items: tuple[ScoreItem, ...] = ()
    min_total: float | None = None
    min_groups: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Rung:
    id: str
    name: str
    held: Node
    requires: Node
    aliases: tuple[str, ...] = ()
    note: str = ""
    article: str = ""


@dataclass(frozen=True)
class Ladder:
    """A versioned rule set: ``document`` and the dates it is in force (``None``: open-ended)."""

    name: str
    version: str
    rungs: tuple[Rung, ...]
    inputs: dict[str, InputSpec]
    source: str = ""
    description: str = ""
    path: str | None = None
    document: str = ""
    in_force_from: date | None = None
    in_force_to: date | None = None

    def rung(self, key: str) -> Rung | None:
        for r in self.rungs:
            if key in (r.id, r.name, *r.aliases):
                return r
        return None

    def in_force(self, on: date) -> bool:
        """Whether these rules apply to a verdict made on ``on``."""
        return ((self.in_force_from is None or self.in_force_from <= on)
                and (self.in_force_to is None or on <= self.in_force_to))

    @property
    def rules(self) -> str:
        """Which rules a verdict used, for people: 文号 · 版本 · 施行期间."""
        head = f"{self.document or self.name} · {self.version} 版"
        if self.in_force_from and self.in_force_to:
            return f"{head} · {self.in_force_from.isoformat()} 至 {self.in_force_to.isoformat()}"
        if self.in_force_from:
            return f"{head} · {self.in_force_from.isoformat()} 起施行"
        if self.in_force_to:
            return f"{head} · 至 {self.in_force_to.isoformat()}"
        return head


def list_ladders() -> list[Ladder]:
    """Every shipped rule set, every version (see :func:`ladders_in_force` for one date)."""
    return [load_ladder(p) for p in sorted(LADDER_DIR.glob("*.yaml"))]


def assessment_date(year: int, today: date | None = None) -> date:
    """The date whose rules judge data of ``year`` (the criteria's 上年度).

    Data of year Y are used in applications of year Y+1, so the verdict is made by the rules in
    force on the last day of Y+1, or today while Y+1 has not ended.
    """
    today = today or date.today()
    return min(today, date(year + 1, 12, 31))


def ladders_in_force(on: date, ladders: Sequence[Ladder] | None = None) -> list[Ladder]:
    """For each ladder name, the version in force on ``on`` (the newest start when several are).

    A name with no version in force on that date is left out (its rules did not exist yet or
    have lapsed); undated rule sets are always in force.
    """
    chosen: dict[str, Ladder] = {}
    for ladder in ladders if ladders is not None else list_ladders():
        if not ladder.in_force(on):
            continue
        current = chosen.get(ladder.name)
        if current is None or (ladder.in_force_from or date.min) > (current.in_force_from
                                                                    or date.min):
            chosen[ladder.name] = ladder
    return list(chosen.values())


def load_ladder(path: str | Path) -> Ladder:
    """Read and validate a ladder YAML file."""
    path = Path(path)
    if not path.exists():
        raise NotFoundError(f"找不到梯度规则文件 {path}。", f"Ladder file not found: {path}.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError("梯度规则文件不是有效的 YAML。", f"Not valid YAML: {exc}.",
                         location=Location(file=str(path),
                                           row=None if mark is None else mark.line + 1)) from None
    except ValueError as exc:  # e.g. an impossible date such as 2026-13-01
        raise InputError("梯度规则文件中有无效的值（如不存在的日期）。", f"Invalid value: {exc}.",
                         fix="日期写成 2026-04-01 的形式。",
                         location=Location(file=str(path))) from None
    return parse_ladder(data, source=str(path))


def parse_ladder(data: Any, source: str | None = None) -> Ladder:
    """Validate a ladder mapping; unknown metrics, inputs, operators and keys are refused."""
    where = Location(file=source)
    if not isinstance(data, Mapping):
        raise _err("梯度规则的顶层应为键值对。", "A ladder file must be a mapping.", where)
    _keys(data, {"name", "version", "source", "description", "inputs", "rungs", "document",
                 "in_force"}, "梯度规则", where)
    for key in ("name", "version", "rungs"):
        if not data.get(key):
            raise _err(f"梯度规则缺少 {key}。", f"The ladder lacks '{key}'.", where)
    inputs = {}
    for name, spec in (data.get("inputs") or {}).items():
        spec = spec or {}
        _keys(spec, {"label", "kind", "unit", "choices"}, f"输入 {name}", where)
        kind = str(spec.get("kind", "number"))
        if kind not in INPUT_KINDS:
            raise _err(f"输入 {name} 的 kind {kind!r} 无效。", f"Invalid kind of input {name}.",
                       where, fix=f"可选：{'、'.join(INPUT_KINDS)}。")
        inputs[str(name)] = InputSpec(str(name), str(spec.get("label", name)), kind,
                                      str(spec.get("unit", "")),
                                      tuple(str(c) for c in spec.get("choices", []) or []))
    parser = _Parser(inputs, source)
    rungs = []
    for raw in data["rungs"]:
        _keys(raw, {"id", "name", "aliases", "held", "requires", "note", "article"}, "rung", where)
        if not raw.get("id") or not raw.get("name") or raw.get("requires") is None:
            raise _err("每个梯级须有 id、name 和 requires。",
                       "Each rung needs id, name and requires.", where)
        rid = str(raw["id"])
        held = parser.node(raw.get("held") or {"title": raw["name"]}, f"{rid}.held")
        rungs.append(Rung(rid, str(raw["name"]), held,
                          parser.node(raw["requires"], f"{rid}.requires"),
                          tuple(str(a) for a in raw.get("aliases", []) or []),
                          str(raw.get("note", "")).strip(), str(raw.get("article", "")).strip()))
    ids = [r.id for r in rungs]
    if len(set(ids)) != len(ids):
        raise _err(f"梯级 id 重复：{ids}。", f"Duplicate rung ids: {ids}.", where)
    start, end = _in_force(data.get("in_force"), where)
    return Ladder(str(data["name"]), str(data["version"]), tuple(rungs), inputs,
                  str(data.get("source", "")).strip(), str(data.get("description", "")).strip(),
                  source, str(data.get("document", "")).strip(), start, end)


def _in_force(raw: Any, where: Location) -> tuple[date | None, date | None]:
    """``in_force: {from: 2026-04-01, to: null}`` → the two dates (ISO dates; null = open)."""
    if raw is None:
        return None, None
    _keys(raw, {"from", "to"}, "in_force", where)
    out = []
    for key in ("from", "to"):
        value = raw.get(key)
        if value is None or isinstance(value, date):
            out.append(value)
            continue
        try:
            out.append(date.fromisoformat(str(value)))
        except ValueError:
            raise _err(f"in_force.{key} 应为日期（如 2026-04-01），实际为 {value!r}。",
                       f"in_force.{key} must be an ISO date, got {value!r}.", where) from None
    if out[0] and out[1] and out[1] < out[0]:
        raise _err("in_force 的结束日期早于开始日期。", "in_force ends before it starts.", where)
    return out[0], out[1]


class _Parser:
    def __init__(self, inputs: dict[str, InputSpec], source: str | None) -> None:
        self.inputs = inputs
        self.source = source

    def where(self, path: str) -> Location:
        return Location(file=self.source, column=path)

    def node(self, raw: Any, path: str) -> Node:
        if isinstance(raw, list):
            raw = {"all_of": raw}
        if not isinstance(raw, Mapping):
            raise _err(f"条件 {path} 应为键值对或列表。", f"Criterion {path} must be a mapping.",
                       self.where(path))
        nid = str(raw.get("id", path))
        label = str(raw.get("label", nid))
        note = str(raw.get("note", "")).strip()
        common = {"id", "label", "note"}
        for group in ("all_of", "any_of"):
            if group in raw:
                _keys(raw, common | {group}, f"条件 {nid}", self.where(path))
                children = raw[group]
                if not isinstance(children, list) or not children:
                    raise _err(f"条件 {nid} 的 {group} 应为非空列表。",
                               f"{group} of {nid} must be a non-empty list.", self.where(path))
                nodes = tuple(self.node(c, f"{nid}[{k}]") for k, c in enumerate(children))
                return Node(group, nid, label, note=note, children=nodes)
        if "score" in raw:
            _keys(raw, common | {"score"}, f"条件 {nid}", self.where(path))
            return self.score(raw["score"], nid, label, note, path)
        if "title" in raw:
            _keys(raw, common | {"title", "levels"}, f"条件 {nid}", self.where(path))
            return Node("title", nid, label, name=str(raw["title"]), note=note,
                        levels=tuple(str(v) for v in raw.get("levels", []) or []))
        _keys(raw, common | {"metric", "input", "op", "value", "unit"}, f"条件 {nid}",
              self.where(path))
        kind, name = self.source_of(raw, nid, path)
        op = str(raw.get("op", ">="))
        if op not in OPS:
            raise _err(f"条件 {nid} 的运算符 {op!r} 无效。", f"Invalid operator {op!r} in {nid}.",
                       self.where(path), fix=f"可选：{' '.join(OPS)}。")
        if "value" not in raw:
            raise _err(f"条件 {nid} 缺少 value。", f"Criterion {nid} lacks a value.",
                       self.where(path))
        unit = str(raw.get("unit", METRICS[name].unit if kind == "metric"
                           else self.inputs[name].unit))
        return Node(kind, nid, label, name=name, op=op, value=raw["value"], unit=unit, note=note)

    def source_of(self, raw: Mapping, nid: str, path: str) -> tuple[str, str]:
        if "metric" in raw:
            name = str(raw["metric"])
            if name not in METRICS:
                raise _err(f"条件 {nid} 引用了未知的指标 {name}。",
                           f"Criterion {nid} uses unknown metric {name!r}.", self.where(path),
                           fix=f"库中可用的指标：{'、'.join(METRICS)}；库外数据请在 inputs 中声明。")
            return "metric", name
        if "input" in raw:
            name = str(raw["input"])
            if name not in self.inputs:
                raise _err(f"条件 {nid} 引用了未声明的输入 {name}。",
                           f"Criterion {nid} uses undeclared input {name!r}.", self.where(path),
                           fix="在文件顶部 inputs 中声明它（label、kind、unit）。")
            return "input", name
        raise _err(f"条件 {nid} 须给出 metric、input、title、all_of、any_of 或 score。",
                   f"Criterion {nid} needs metric, input, title, all_of, any_of or score.",
                   self.where(path))

    def score(self, raw: Any, nid: str, label: str, note: str, path: str) -> Node:
        if not isinstance(raw, Mapping) or not raw.get("items"):
            raise _err(f"评分表 {nid} 须有 items。", f"Score table {nid} needs items.",
                       self.where(path))
        _keys(raw, {"min_total", "min_groups", "items"}, f"评分表 {nid}", self.where(path))
        items = []
        for k, item in enumerate(raw["items"]):
            iid = str(item.get("id", f"{nid}.{k}"))
            _keys(item, {"id", "label", "group", "best_of", "metric", "input", "brackets",
                         "choices", "per", "points_each", "max_points"}, f"评分项 {iid}",
                  self.where(path))
            ways = item.get("best_of") or [item]
            rules = tuple(self.rule(w, iid, path) for w in ways)
            items.append(ScoreItem(iid, str(item.get("label", iid)),
                                   None if item.get("group") is None else str(item["group"]),
                                   rules))
        groups = {str(k): float(v) for k, v in (raw.get("min_groups") or {}).items()}
        unknown = sorted(set(groups) - {i.group for i in items})
        if unknown:
            raise _err(f"评分表 {nid} 的 min_groups 中有不存在的组：{'、'.join(unknown)}。",
                       f"min_groups of {nid} names unknown group(s): {', '.join(unknown)}.",
                       self.where(path))
        return Node("score", nid, label, note=note, items=tuple(items),
                    min_total=float(raw.get("min_total", 0)), min_groups=groups)

    def rule(self, raw: Mapping, iid: str, path: str) -> Rule:
        kind, name = self.source_of(raw, iid, path)
        if raw.get("brackets"):
            brackets = []
            previous = None
            for pair in raw["brackets"]:
                lower, points = pair
                if lower is not None and previous is not None and float(lower) >= previous:
                    raise _err(f"评分项 {iid} 的档位须从高到低排列且不重叠。",
                               f"Brackets of {iid} must go from high to low without overlap.",
                               self.where(path))
                previous = None if lower is None else float(lower)
                brackets.append((previous, float(points)))
            return Rule(kind, name, brackets=tuple(brackets))
        if raw.get("choices"):
            choices = {str(k): float(v) for k, v in raw["choices"].items()}
            declared = self.inputs.get(name)
            if declared and declared.choices and set(choices) - set(declared.choices):
                raise _err(f"评分项 {iid} 的选项不在输入 {name} 的可选值中。",
                           f"Choices of {iid} are not among the values of input {name}.",
                           self.where(path))
            return Rule(kind, name, choices=choices)
        if raw.get("per") and raw.get("points_each") and raw.get("max_points"):
            return Rule(kind, name, per=float(raw["per"]), points_each=float(raw["points_each"]),
                        max_points=float(raw["max_points"]))
        raise _err(f"评分项 {iid} 须给出 brackets、choices 或 per/points_each/max_points。",
                   f"Item {iid} needs brackets, choices or per/points_each/max_points.",
                   self.where(path))


def _keys(raw: Any, allowed: set[str], what: str, where: Location) -> None:
    if not isinstance(raw, Mapping):
        raise _err(f"{what} 应为键值对。", f"{what} must be a mapping.", where)
    unknown = sorted(set(map(str, raw)) - allowed)
    if unknown:
        raise _err(f"{what} 中有未知的键：{'、'.join(unknown)}。",
                   f"Unknown key(s) in {what}: {', '.join(unknown)}.", where,
                   fix=f"可用的键：{'、'.join(sorted(allowed))}。")


def _err(message: str, message_en: str, where: Location, fix: str = "") -> InputError:
    return InputError(message, message_en, fix=fix, location=where)
