"""A few demo tasks (督办) in every state, for bodies across cities, dated relative to the day the demo is built.

| task | body | given | steps | state when built |
| --- | --- | --- | --- | --- |
| 1 | first county of the first city | today, 20 working days | — | open |
| 2 | the first city's first park | today, 15 working days | a progress report | reported |
| 3 | first county of the second city | 30 days ago, 5 working days | — | open, overdue |
| 4 | second county of the first city | 30 days ago, 5 working days | report; escalated to its city today | escalated |
| 5 | the first chain's office | 40 days ago, 10 working days | report; closed with evidence | closed |
| 6 | 省工业和信息化厅 (from plan indicator 13) | today, 30 working days | — | open |

Idempotent: a workspace that already holds tasks gets none added.
"""

from __future__ import annotations

import datetime as dt

from gaodi.access.scope import PROVINCE
from gaodi.problems.events import CHINA_TZ
from gaodi.tasks.service import Actor, Tasks

PROVINCE_STAFF = Actor("province", "province", PROVINCE)


def load_demo_tasks(g) -> int:
    """Add the demo tasks to ``g`` unless it has tasks already; return how many were added."""
    if g.tasks.list():
        return 0
    bodies = g.tasks.bodies()
    cities = [b.code for b in bodies if b.kind == "city"]
    counties = {c: [b.code for b in bodies if b.kind == "county" and b.superior == c] for c in cities[:2]}
    park = next((b.code for b in bodies if b.kind == "park" and b.city == cities[0][5:]), None)
    chain = next((b.code for b in bodies if b.kind == "chain"), None)
    now = dt.datetime.now(CHINA_TZ)
    today, month_ago, earlier = Tasks(g), _at(g, now - dt.timedelta(days=30)), _at(g, now - dt.timedelta(days=40))
    first, second = counties[cities[0]], counties[cities[1]]
    today.new(PROVINCE_STAFF, title="规上工业增加值增速低于全省，走访重点企业", body=first[0],
              source_kind="warning", source_ref="演示预警-营收下滑", deadline_workdays=20,
              detail="演示数据：走访营收同比下降的规上企业，摸清订单、用工、资金情况")
    if park:
        t = today.new(PROVINCE_STAFF, title="园区亩均税收下滑，制定提升方案", body=park, source_kind="warning",
                      source_ref="演示预警-亩均", deadline_workdays=15)
        today.report(PROVINCE_STAFF, t.task_id, "已召开园区企业座谈会，方案初稿形成")
    month_ago.new(PROVINCE_STAFF, title="停产信号企业核查", body=second[0], source_kind="warning",
                  source_ref="演示预警-停产", deadline_workdays=5)
    t = month_ago.new(PROVINCE_STAFF, title="临规企业稳规上", body=first[1] if len(first) > 1 else first[0],
                      source_kind="warning", source_ref="演示预警-退规风险", deadline_workdays=5)
    month_ago.report(PROVINCE_STAFF, t.task_id, "已约谈企业负责人，正在协调订单")
    today.escalate(PROVINCE_STAFF, t.task_id, "逾期未办结，升级由市级督办")
    if chain:
        t = earlier.new(PROVINCE_STAFF, title="单一外省供应商依赖，组织本地配套对接", body=chain,
                        source_kind="manual", deadline_workdays=10)
        earlier.report(PROVINCE_STAFF, t.task_id, "已组织两场供需对接会")
        earlier.close(PROVINCE_STAFF, t.task_id, "演示：两家省内企业进入供应商名录，见对接会纪要")
    today.new(PROVINCE_STAFF, title="高技术制造业增加值占比进度滞后，制定推进措施", body="dept:gxt",
              source_kind="indicator", source_ref="13", deadline_workdays=30)
    return len(g.tasks.list())


def _at(g, when: dt.datetime) -> Tasks:
    return Tasks(g, clock=lambda: when)
