"""Plans as YAML files: write an editable draft, read a corrected plan back, load built-in plans.

The built-in plans ship in ``gaodi/plan/builtin/<name>.yaml``; a user's own plan is the same format.
"""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from gaodi.errors import InputError, Location, NotFoundError
from gaodi.plan.model import Plan
from gaodi.plan.unread import UnreadItem

_FLOW_KEYS = {"target", "footnote_marks"}


class _Flow(dict):
    """A mapping written on one line ({op: '>=', value: 6.5, ...})."""


class _FlowList(list):
    """A list written on one line."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style=True))
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=True))


_FIRST = ("sector", "subject", "level", "metric", "scope")


def _tidy(value: Any, key: str | None = None) -> Any:
    """Shape a dumped plan for reading: no false flags, empty lists or default "source: table";
    whole numbers without ".0"; the naming fields of a target first; targets on one line."""
    if isinstance(value, dict):
        keys = [k for k in _FIRST if k in value] + [k for k in value if k not in _FIRST]
        out = {k: _tidy(value[k], k) for k in keys
               if value[k] is not False and value[k] != []
               and not (k == "source" and value[k] == "table")}
        return _Flow(out) if key in _FLOW_KEYS or key == "milestones_item" else out
    if isinstance(value, list):
        if key == "milestones":
            return [_tidy(v, "milestones_item") for v in value]
        items = [_tidy(v) for v in value]
        return _FlowList(items) if key in _FLOW_KEYS else items
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def plan_to_yaml(plan: Plan, unread: list[UnreadItem] | None = None, header: str = "") -> str:
    """Write ``plan`` as YAML; unread items go in comments on top, for whoever corrects it."""
    data = _tidy(plan.model_dump(mode="json", exclude_none=True))
    data = {"id": plan.id, "name": plan.name, **data}
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    if unread:
        lines.append("# 以下内容未能读出，请核对原文后手工补入 (not read; add by hand after checking):")
        for u in unread:
            where = f"第 {u.line} 行" if u.line else "文档"
            lines.append(f"#   {where}：{u.reason}")
            if u.text:
                lines.append(f"#     原文：{u.text[:120]}")
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    return ("\n".join(lines) + "\n" if lines else "") + body


def plan_from_yaml(text: str, file: str | None = None) -> Plan:
    """Read a plan from YAML text; any problem is an InputError naming the file, line or field."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(message=f"YAML 格式错误：{getattr(exc, 'problem', exc)}",
                         message_en=f"malformed YAML: {exc}",
                         fix="检查缩进和冒号（YAML 用空格缩进，不能用 Tab）",
                         location=Location(file=file, row=mark.line + 1 if mark else None),
                         ) from None
    if not isinstance(data, dict):
        raise InputError(message="规划 YAML 的顶层必须是键值对（id、name、indicators ...）",
                         message_en="a plan YAML must be a mapping at the top level",
                         fix="参照 docs/plan-documents.md 中的示例", location=Location(file=file))
    try:
        return Plan.model_validate(data)
    except InputError as exc:
        raise dataclasses.replace(
            exc, location=Location(file=file, column=exc.location.column)) from None


def load_plan_yaml(path: str | Path) -> Plan:
    """Read and validate the plan YAML file at ``path``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(message="找不到规划 YAML 文件", message_en="the plan YAML file does not exist",
                         fix="检查文件路径", location=Location(file=str(path)))
    return plan_from_yaml(path.read_text(encoding="utf-8"), file=str(path))


def builtin_plan_names() -> list[str]:
    """Names of the plans shipped with gaodi."""
    folder = resources.files("gaodi.plan") / "builtin"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_builtin_plan(name: str) -> Plan:
    """Load a plan shipped with gaodi: ``load_builtin_plan("hunan_15th_manufacturing_2026")``."""
    names = builtin_plan_names()
    if name not in names:
        raise NotFoundError(message=f"没有名为「{name}」的内置规划", message_en=f"no built-in plan '{name}'",
                            fix="可用的内置规划：" + "、".join(names))
    resource = resources.files("gaodi.plan") / "builtin" / f"{name}.yaml"
    return plan_from_yaml(resource.read_text(encoding="utf-8"),
                          file=f"gaodi/plan/builtin/{name}.yaml")
