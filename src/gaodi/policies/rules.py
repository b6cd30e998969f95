"""Policies as rules (政策规则): the model and the loader of versioned policy files (YAML).

A policy file is a named, versioned rule set::

    rule_set: hunan-example-policies      # name
    version: "2026.1"
    description: ...
    policies:
      - id: HN-JG-2026                    # unique in the file
        name: 技术改造设备投资奖补
        issuer: 湖南省工业和信息化厅
        document_number: 湘工信……〔2026〕1号
        article: 第三条                   # optional: the article(s) the conditions come from
        level: provincial                 # national | provincial | city
        region_scope: ["43"]              # region-code prefixes the policy applies to; all = nationwide
        valid_from: 2026-01-01
        valid_to: 2026-12-31              # optional: open-ended when absent
        mode: application                 # auto (免申即享) | application (申报, needs a window)
        application_window: {start: 2026-03-01, end: 2026-04-30}   # add example: true when the
                                          # window is not in the document (the user sees it marked)
        conditions:                       # a list (all must hold) or {all: [...]} / {any: [...]}
          - {attribute: revenue, op: ">=", value: 2, unit: 亿元}
          - {attribute: titles, op: has_title, value: 绿色工厂, level: 省级}
        benefit: {kind: share, base: investment, rate: 0.08, cap: 500, unit: 万元}

Operators by attribute kind (:mod:`gaodi.policies.attributes`): numbers ``>= > <= < == !=
between``; scales the same plus ``in not_in``; codes ``== != in not_in`` (in/not_in match prefixes,
so "4301" covers every county of Changsha); lists ``in not_in`` (belongs to any / none of);
titles ``has_title not_has_title in not_in``; booleans ``== !=``. Codes must be quoted text
(YAML would read 06 as the number 6).

Benefits: ``fixed`` (amount), ``share`` (rate × base attribute, capped), ``per_unit`` (amount for
each whole ``per`` units of the base attribute, capped), ``non_monetary`` (description only). Money
is given with ``unit`` 元/万元/亿元 and kept in 万元.

Any error names the file, the policy id and the field, and raises :class:`~gaodi.errors.InputError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gaodi.errors import InputError, Location
from gaodi.policies.attributes import ATTRIBUTES, MONEY_UNITS, convert_unit
from gaodi.policies.conditions import Group, Leaf, PolicyFileError, parse_conditions

__all__ = ["Benefit", "Policy", "PolicySet", "load_example_policies", "load_policy_file", "parse_policy_set"]

_SET_FIELDS = {"rule_set", "version", "description", "policies"}
_POLICY_FIELDS = {"id", "name", "issuer", "document_number", "article", "level", "region_scope", "valid_from", "valid_to",
                  "mode", "application_window", "conditions", "benefit", "example", "note", "version"}
_BENEFIT_FIELDS = {"kind", "amount", "unit", "base", "rate", "cap", "per", "per_unit", "description"}
LEVELS = {"national": "国家级", "provincial": "省级", "city": "市级"}
MODES = {"auto": "免申即享", "application": "申报"}
BENEFIT_KINDS = ("fixed", "share", "per_unit", "non_monetary")
EXAMPLES = Path(__file__).parent / "data" / "hunan_examples.yaml"


@dataclass(frozen=True)
class Benefit:
    """What a qualifying enterprise gets; money in 万元."""

    kind: str
    amount: float | None = None
    base: str | None = None
    rate: float | None = None
    per: float | None = None
    cap: float | None = None
    description: str = ""

    @property
    def monetary(self) -> bool:
        return self.kind != "non_monetary"


@dataclass(frozen=True)
class Policy:
    """One policy: who issued it, where and when it applies, whom it is for, and what it gives."""

    id: str
    name: str
    issuer: str
    document_number: str
    level: str
    region_scope: tuple[str, ...]
    valid_from: dt.date
    valid_to: dt.date | None
    mode: str
    window: tuple[dt.date, dt.date] | None
    conditions: Group
    benefit: Benefit
    example: bool = False
    note: str = ""
    version: str = ""
    article: str = ""
    window_example: bool = False  # the window is the project's illustration, not the document's

    def in_force(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def window_open(self, day: dt.date) -> bool | None:
        """True/False for an application policy, None under 免申即享."""
        return None if self.window is None else self.window[0] <= day <= self.window[1]

    @property
    def leaves(self) -> tuple[Leaf, ...]:
        return self.conditions.leaves()


@dataclass(frozen=True)
class PolicySet:
    """A named, versioned set of policies read from one file."""

    name: str
    version: str
    source: str
    policies: tuple[Policy, ...]
    description: str = ""

    def get(self, policy_id: str) -> Policy:
        for p in self.policies:
            if p.id == policy_id:
                return p
        raise InputError(message=f"规则集 {self.name} 中没有政策 {policy_id}",
                         message_en=f"no policy {policy_id} in rule set {self.name}",
                         fix="检查政策编号 (check the policy id)")

    def in_force(self, day: dt.date) -> tuple[Policy, ...]:
        return tuple(p for p in self.policies if p.in_force(day))


def load_policy_file(path: str | Path) -> PolicySet:
    """Read and validate a policy YAML file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(message="政策文件不存在", message_en="policy file not found",
                         location=Location(file=str(path)), fix="检查路径 (check the path)") from None
    except yaml.YAMLError as exc:
        raise InputError(message=f"YAML 格式错误：{exc}", message_en=f"not valid YAML: {exc}",
                         location=Location(file=path.name), fix="检查缩进与冒号 (check indentation)") from None
    return parse_policy_set(data, source=path.name)


def load_example_policies() -> PolicySet:
    """The example Hunan policy set shipped with gaodi (amounts partly invented; each marked example)."""
    return load_policy_file(EXAMPLES)


def parse_policy_set(data: Any, source: str = "<memory>") -> PolicySet:
    """Validate a parsed policy document (the YAML as Python values) into a :class:`PolicySet`."""
    if not isinstance(data, Mapping):
        raise PolicyFileError(source, None, "", "文件顶层应是映射（rule_set, version, policies）",
                              "the top level must be a mapping with rule_set, version, policies")
    _no_unknown(data, _SET_FIELDS, source, None, "")
    for key in ("rule_set", "version", "policies"):
        if key not in data:
            raise PolicyFileError(source, None, key, f"缺少 {key}", f"{key} is missing")
    if not isinstance(data["policies"], list):
        raise PolicyFileError(source, None, "policies", "policies 应是列表", "policies must be a list")
    policies, seen = [], set()
    for i, item in enumerate(data["policies"]):
        policy = _parse_policy(item, source, i)
        if policy.id in seen:
            raise PolicyFileError(source, policy.id, "id", "政策编号重复", "duplicate policy id")
        seen.add(policy.id)
        policies.append(policy)
    return PolicySet(str(data["rule_set"]), str(data["version"]), source, tuple(policies),
                     str(data.get("description", "")))


def _parse_policy(item: Any, source: str, index: int) -> Policy:
    if not isinstance(item, Mapping) or not item.get("id"):
        raise PolicyFileError(source, f"#{index + 1}", "id", "每条政策须是映射并有 id",
                              "each policy must be a mapping with an id")
    pid = str(item["id"])

    def fail(fld: str, zh: str, en: str) -> PolicyFileError:
        return PolicyFileError(source, pid, fld, zh, en)

    _no_unknown(item, _POLICY_FIELDS, source, pid, "")
    for key in ("name", "issuer", "level", "region_scope", "valid_from", "mode", "benefit"):
        if item.get(key) in (None, "", []):
            raise fail(key, f"缺少 {key}", f"{key} is missing")
    level = _choice(item["level"], LEVELS, fail, "level")
    mode = _choice(item["mode"], MODES, fail, "mode")
    scope = item["region_scope"]
    scope = [] if scope in ("all", ["all"]) else ([scope] if isinstance(scope, str) else scope)
    if not isinstance(scope, list) or not all(isinstance(s, str) and s.isdigit() and 2 <= len(s) <= 6 for s in scope):
        raise fail("region_scope", "适用地区应是 2–6 位数字代码前缀的列表（加引号），全国写 all",
                   "region_scope must be a list of quoted 2-6 digit code prefixes, or all")
    valid_from = _date(item["valid_from"], fail, "valid_from")
    valid_to = _date(item["valid_to"], fail, "valid_to") if item.get("valid_to") is not None else None
    if valid_to is not None and valid_from > valid_to:
        raise fail("valid_from", f"有效期起始 {valid_from} 晚于截止 {valid_to}",
                   f"validity starts ({valid_from}) after it ends ({valid_to})")
    window = None
    if mode == "application":
        w = item.get("application_window")
        if not isinstance(w, Mapping) or not {"start", "end"} <= set(w) <= {"start", "end", "example"}:
            raise fail("application_window", "申报类政策须有申报窗口 {start, end}（窗口非文件所定时加 example: true）",
                       "an application policy needs application_window with start and end (and example: true "
                       "when the document does not set it)")
        window = (_date(w["start"], fail, "application_window.start"), _date(w["end"], fail, "application_window.end"))
        if window[0] > window[1]:
            raise fail("application_window", f"申报窗口起始 {window[0]} 晚于截止 {window[1]}",
                       f"the application window starts ({window[0]}) after it ends ({window[1]})")
    elif item.get("application_window") is not None:
        raise fail("application_window", "免申即享政策不设申报窗口", "an auto-granted policy has no application window")
    conditions = parse_conditions(item.get("conditions") or [], source, pid)
    return Policy(pid, str(item["name"]), str(item["issuer"]), str(item.get("document_number") or ""), level,
                  tuple(scope), valid_from, valid_to, mode, window, conditions,
                  _parse_benefit(item["benefit"], fail, source, pid), bool(item.get("example", False)),
                  str(item.get("note") or ""), str(item.get("version") or ""), str(item.get("article") or ""),
                  bool(window is not None and item["application_window"].get("example", False)))


def _parse_benefit(b: Any, fail, source: str, pid: str) -> Benefit:
    if not isinstance(b, Mapping):
        raise fail("benefit", "benefit 应是映射", "benefit must be a mapping")
    _no_unknown(b, _BENEFIT_FIELDS, source, pid, "benefit.")
    kind = b.get("kind")
    if kind not in BENEFIT_KINDS:
        raise fail("benefit.kind", f"未知的奖补方式 {kind!r}", f"unknown benefit kind {kind!r}")
    if kind == "non_monetary":
        if not b.get("description"):
            raise fail("benefit.description", "非资金支持须写明内容", "a non-monetary benefit needs a description")
        return Benefit(kind, description=str(b["description"]))
    unit = b.get("unit", "万元")
    if unit not in MONEY_UNITS:
        raise fail("benefit.unit", f"金额单位 {unit!r} 无效，可选 元/万元/亿元", f"bad money unit {unit!r}")

    def money(key: str, required: bool) -> float | None:
        v = b.get(key)
        if v is None:
            if required:
                raise fail(f"benefit.{key}", f"缺少 {key}", f"benefit.{key} is missing")
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
            raise fail(f"benefit.{key}", f"{key} 应是非负数", f"benefit.{key} must be a non-negative number")
        return convert_unit(float(v), unit, "万元")

    if kind == "fixed":
        return Benefit(kind, amount=money("amount", True), description=str(b.get("description", "")))
    base = b.get("base")
    if base not in ATTRIBUTES or ATTRIBUTES[base].kind != "number":
        raise fail("benefit.base", f"计算基数 {base!r} 不是企业表中的数值列", f"benefit.base {base!r} is not a number column")
    cap = money("cap", False)
    if kind == "share":
        rate = b.get("rate")
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 < rate <= 1:
            raise fail("benefit.rate", "比例 rate 应在 (0, 1] 之间，如 0.08 表示 8%", "rate must be in (0, 1]")
        return Benefit(kind, base=base, rate=float(rate), cap=cap, description=str(b.get("description", "")))
    per = b.get("per", 1)
    if isinstance(per, bool) or not isinstance(per, (int, float)) or per <= 0:
        raise fail("benefit.per", "per 应是正数", "benefit.per must be positive")
    per_unit = b.get("per_unit", ATTRIBUTES[base].unit)
    try:
        per = convert_unit(float(per), per_unit, ATTRIBUTES[base].unit)
    except ValueError:
        raise fail("benefit.per_unit", f"单位 {per_unit} 与 {base} 的单位 {ATTRIBUTES[base].unit} 不符",
                   f"unit {per_unit} does not fit {base} ({ATTRIBUTES[base].unit})") from None
    return Benefit(kind, amount=money("amount", True), base=base, per=per, cap=cap,
                   description=str(b.get("description", "")))


def _no_unknown(mapping: Mapping, allowed: set[str], source: str, pid: str | None, prefix: str) -> None:
    unknown = sorted(str(k) for k in mapping if k not in allowed)
    if unknown:
        raise PolicyFileError(source, pid, prefix + unknown[0], f"未知字段 {unknown[0]}",
                              f"unknown field {unknown[0]}; allowed: {', '.join(sorted(allowed))}")


def _choice(value: Any, options: dict[str, str], fail, fld: str) -> str:
    for key, label in options.items():
        if value in (key, label):
            return key
    raise fail(fld, f"{fld} 的值 {value!r} 无效，可选 {' / '.join(options)}",
               f"invalid {fld} {value!r}; choose {' / '.join(options)}")


def _date(value: Any, fail, fld: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise fail(fld, f"日期 {value!r} 无法识别，写成 2026-01-01", f"unreadable date {value!r}") from None
