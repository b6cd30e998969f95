"""Roles: the scope kind each takes and the actions each may perform.

Every role reads the data of its scope. Writing to the store (imports) and managing accounts are
province-level duties; reading the audit log is the administrator's. Enterprise problems (企业诉求):
an enterprise files its own (``file_problem``); province, city and park staff file them for the
enterprises of their scope and move them through the closed loop (``handle_problem``); a chain
office reads them. Dating a problem action in the past (``backdate_problem``, a back-office correction
such as entering a paper record) is a supervisor's: the administrator's and the province's only.
Tasks (督办, ``manage_task``): every government role gives and handles the tasks of the bodies in its
scope; an enterprise has none. Dating a new task in the past (``backdate_task``) is a supervisor's too.
"""

from __future__ import annotations

from dataclasses import dataclass

from gaodi.errors import ForbiddenError, InputError


@dataclass(frozen=True)
class Role:
    name: str
    label: str
    label_en: str
    scope_kind: str
    actions: frozenset[str]


_READ = frozenset({"read"})
_SERVE = frozenset({"file_problem", "handle_problem"})
_TASK = frozenset({"manage_task"})  # 督办: give, report on, escalate, close tasks of the bodies in scope
_SUPERVISE = frozenset({"backdate_problem", "backdate_task"})
_WARN = frozenset({"handle_warning"})  # move a warning of the scope on (确认、处置、解除、排除)
ROLES: dict[str, Role] = {r.name: r for r in (
    Role("admin", "系统管理员", "administrator", "province",
         frozenset({"read", "import", "manage_users", "read_audit", "manage_calendar"}) | _SERVE | _TASK
         | _SUPERVISE | _WARN),
    Role("province", "省级用户", "provincial analyst", "province",
         frozenset({"read", "import"}) | _SERVE | _TASK | _SUPERVISE | _WARN),
    Role("city", "市级用户", "city user", "city", _READ | _SERVE | _TASK | _WARN),
    Role("park", "园区用户", "park user", "park", _READ | _SERVE | _TASK | _WARN),
    Role("chain", "产业链链办", "chain office", "chain", _READ | _TASK | _WARN),
    Role("enterprise", "企业用户", "enterprise", "enterprise", _READ | {"file_problem"}),
)}

ACTION_LABELS = {"read": "查看数据", "import": "导入数据", "manage_users": "管理账户", "read_audit": "查看审计日志",
                 "file_problem": "登记企业诉求", "handle_problem": "办理企业诉求", "manage_calendar": "载入节假日安排",
                 "backdate_problem": "补录过去时间的诉求办理记录", "manage_task": "办理督办事项",
                 "backdate_task": "补录过去日期的督办事项", "handle_warning": "处置预警"}


def role(name: str) -> Role:
    """The role called ``name``; InputError naming the choices otherwise."""
    try:
        return ROLES[name]
    except KeyError:
        raise InputError(f"未知角色 {name}", f"unknown role {name}", fix=f"可选：{'、'.join(ROLES)}") from None


def require(role_name: str, action: str) -> None:
    """Raise ForbiddenError unless ``role_name`` may perform ``action``."""
    if action not in role(role_name).actions:
        label = ACTION_LABELS.get(action, action)
        raise ForbiddenError(f"当前角色（{ROLES[role_name].label}）无权{label}",
                             f"role {role_name} may not {action}", fix="请联系管理员开通权限",
                             details={"role": role_name, "action": action})
