"""Display names of every enumeration a person may read: Chinese first, English beside it.

One catalogue, keyed by the field name under which the value travels (``level``, ``mode``, ``verdict``,
``status``, ``outcome``, ``action``, ``role``, ``stage``, ``scope_kind`` ...). The domains keep their own
Chinese labels where they had them; this module gathers them so that the REST API (``GET /api/terms``,
read once by the web UI), the CLI and the reports name a value the same way.
"""

from __future__ import annotations

from gaodi.access.roles import ACTION_LABELS as ROLE_ACTIONS
from gaodi.access.roles import ROLES
from gaodi.evaluation.cluster_ladder import LEVEL_NAMES
from gaodi.monitor.progress import STATUS_EN, STATUS_ZH
from gaodi.problems.states import ACTION_LABELS as PROBLEM_ACTIONS
from gaodi.problems.states import STATE_LABELS

Pair = tuple[str, str]

_PROBLEM_ACTIONS_EN = {"submit": "submit", "accept": "accept", "reject": "reject", "assign": "assign",
                       "transfer": "transfer", "start": "start", "reply": "reply", "close": "close and rate",
                       "reopen": "reopen", "withdraw": "withdraw"}
_STATES_EN = {"submitted": "submitted", "accepted": "accepted", "assigned": "assigned", "in_progress": "in progress",
              "replied": "replied", "closed": "closed", "rejected": "rejected", "withdrawn": "withdrawn"}
_ROLE_ACTIONS_EN = {"read": "read data", "import": "import data", "manage_users": "manage accounts",
                    "read_audit": "read the audit log", "file_problem": "file problems",
                    "handle_problem": "handle problems", "manage_calendar": "load holiday arrangements",
                    "backdate_problem": "back-date problem actions", "manage_task": "handle tasks (督办)",
                    "backdate_task": "back-date tasks", "handle_warning": "handle warnings"}
_CLUSTER_LEVELS_EN = {"world": "world-class", "national": "national", "provincial": "provincial",
                      "sme_featured": "SME featured cluster"}

#: Audit log actions (gaodi.api routers and the CLI write them).
AUDIT_ACTIONS: dict[str, Pair] = {
    "login": ("登录", "log in"), "login_failed": ("登录失败", "failed login"),
    "create_user": ("新建账户", "create account"), "disable_user": ("停用账户", "disable account"),
    "enable_user": ("启用账户", "enable account"), "reset_password": ("重置密码", "reset password"),
    "revoke_tokens": ("撤销令牌", "revoke tokens"), "change_password": ("修改密码", "change password"),
    "password_change_failed": ("修改密码失败", "failed password change"),
    "import": ("导入数据", "import data"), "import_problems": ("批量导入诉求", "import problems"),
    "generate_report": ("生成报告", "generate report"), "download_report": ("下载报告", "download report"),
    "read_chain": ("查看产业链", "read chain"), "list_chain_suppliers": ("查看链上供应商", "list chain suppliers"),
    "list_enterprises": ("查看企业名录", "list enterprises"), "read_enterprise": ("查看企业", "read enterprise"),
    "read_enterprise_evaluation": ("查看企业评价", "read enterprise evaluation"),
    "read_enterprise_ladders": ("查看企业梯度", "read enterprise ladders"),
    "read_enterprise_policies": ("查看企业政策", "read enterprise policies"),
    "list_ladder_candidates": ("查看梯度候选企业", "list ladder candidates"),
    "list_ladder_nearest": ("查看梯度最接近企业", "list enterprises nearest a rung"),
    "list_policy_enterprises": ("查看政策对象企业", "list policy enterprises"),
    "list_problems": ("查看诉求列表", "list problems"), "read_problem": ("查看诉求", "read problem"),
    "submit_problem": ("登记诉求", "file problem"), "load_calendar": ("载入节假日安排", "load holiday arrangement"),
    "refused_read": ("越权访问被拒", "refused read"), "verify_records": ("校验封存记录", "verify sealed records"),
    "seal_migration": ("封存链迁移", "seal migration"), "cli": ("命令行操作", "command line"),
    **{f"problem_{a.value}": (f"诉求{PROBLEM_ACTIONS[a]}", f"problem: {_PROBLEM_ACTIONS_EN[a.value]}")
       for a in PROBLEM_ACTIONS},
    "task_create": ("交办督办事项", "task: give"), "task_report": ("报告督办进展", "task: report"),
    "task_escalate": ("督办升级", "task: escalate"), "task_close": ("督办办结", "task: close"),
    "task_reopen": ("督办重开", "task: reopen"),
    "warning_rules_load": ("载入预警规则", "load warning rules"), "warnings_run": ("运行预警", "run warnings"),
    "warning_ack": ("确认预警", "warning: acknowledge"), "warning_start": ("开始处置预警", "warning: start handling"),
    "warning_resolve": ("解除预警", "warning: resolve"), "warning_dismiss": ("排除预警", "warning: dismiss"),
    "warning_reopen": ("重新打开预警", "warning: reopen"), "export_kind": ("按导入格式导出", "export a kind"),
}

TERMS: dict[str, dict[str, Pair]] = {
    "level": {"world": ("世界级", "world-class"), "national": ("国家级", "national"),
              "provincial": ("省级", "provincial"), "city": ("市级", "city"),
              "sme_featured": (LEVEL_NAMES["sme_featured"], _CLUSTER_LEVELS_EN["sme_featured"])},
    "mode": {"auto": ("免申即享", "granted without application"), "application": ("依申请兑现", "by application")},
    "verdict": {"qualifies": ("符合", "qualifies"), "near_miss": ("接近符合", "near miss"),
                "not_eligible": ("不符合", "not eligible"), "met": ("已满足", "met"),
                "unmet": ("未满足", "not met"), "needs_data": ("待补数据", "data needed")},
    "status": {**{k: (STATUS_ZH[k], STATUS_EN[k]) for k in STATUS_ZH},
               "met": ("已满足", "met"), "unmet": ("未满足", "not met"), "needs_data": ("待补数据", "data needed"),
               "unknown": ("待补数据", "data needed"), "ok": ("正常", "ok"),
               **{s.value: (STATE_LABELS[s], _STATES_EN[s.value]) for s in STATE_LABELS}},
    "state": {s.value: (STATE_LABELS[s], _STATES_EN[s.value]) for s in STATE_LABELS},
    "outcome": {"ok": ("成功", "imported"), "partial": ("部分导入", "partly imported"),
                "rejected": ("未导入", "rejected"), "refused": ("被拒绝", "refused")},
    "action": {**AUDIT_ACTIONS, **{a.value: (PROBLEM_ACTIONS[a], _PROBLEM_ACTIONS_EN[a.value])
                                   for a in PROBLEM_ACTIONS}},
    "permission": {k: (v, _ROLE_ACTIONS_EN[k]) for k, v in ROLE_ACTIONS.items()},
    "role": {name: (r.label, r.label_en) for name, r in ROLES.items()},
    "scope_kind": {"province": ("全省", "province"), "city": ("市州", "city"), "park": ("园区", "park"),
                   "chain": ("产业链", "chain"), "enterprise": ("企业", "enterprise"), "county": ("县市区", "county")},
    "stage": {"upstream": ("上游", "upstream"), "midstream": ("中游", "midstream"),
              "downstream": ("下游", "downstream"),  # a segment's place; a key project's stage below
              "signed": ("签约", "signed"), "started": ("开工", "started"), "production": ("投产", "in production")},
    "gap": {"missing": ("缺链", "missing link"), "weak": ("弱链", "weak link"), "ok": ("正常", "sound"),
            "none": ("无链内采购", "no purchases in the chain")},
    "value_source": {"computed": ("按定义计算", "computed"), "official": ("官方发布", "official")},
    "suppressed": {"primary": ("少于3家，不公开", "fewer than 3, withheld"),
                   "secondary": ("为防推算不公开", "withheld against back-calculation")},
}


def term(kind: str, value: str, lang: str = "zh") -> str:
    """The display name of ``value`` in ``kind`` (``lang`` zh or en); the value itself when it has none."""
    pair = TERMS.get(kind, {}).get(value)
    if pair is None:
        return value
    return pair[0] if lang == "zh" else pair[1]


def catalogue() -> dict[str, dict[str, dict[str, str]]]:
    """The whole catalogue as JSON: kind → value → {"zh": …, "en": …}."""
    return {kind: {v: {"zh": zh, "en": en} for v, (zh, en) in values.items()} for kind, values in TERMS.items()}
