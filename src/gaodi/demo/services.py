"""The demo province's enterprise services: the example policies and a year of enterprise problems.

:func:`load_demo_services` (called at the end of ``gaodi demo``) loads the shipped example rule set
and simulates the 送解优 year 2025-11 to 2026-10 for the demo enterprises of the store. Each month it
writes the collection sheet a service team would fill (``demo-data/<size>/services/
送解优问题收集表-YYYY-MM.csv``, Chinese headers; a fifth of the rows leave 园区 and 产业链 blank, as real
sheets do, and the store fills them) and takes it in through the batch-intake path. Every problem then
moves through the desk with the real rules and the official working-day calendar: acceptance, a few
rejections, assignment to the department that handles the category, some transfers and withdrawals,
replies mostly on time and some late, closure with a rating, and reopening after a poor one. No event
is dated after 2026-10-30 (:data:`DEMO_END`), so the last weeks' problems are still open and some are
overdue on that day. Problems, titles and replies are invented and say so (演示).

Deterministic: the same store and size give the same problems, ids, events and hashes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from gaodi.workdays.calendar import CalendarNotCoveredError, china_calendar
from gaodi.problems.context import enterprise_context
from gaodi.enterprise_services import EnterpriseServices
from gaodi.problems.events import CHINA_TZ
from gaodi.problems.intake import HEADERS

__all__ = ["DEMO_END", "DEMO_MONTHS", "PROBLEMS_PER_SIZE", "DemoServicesResult", "load_demo_services"]

PROBLEMS_PER_SIZE = {"small": 360, "medium": 3000, "large": 6000}
DEMO_MONTHS = [(2025, 11), (2025, 12)] + [(2026, m) for m in range(1, 11)]
DEMO_END = dt.datetime(2026, 10, 30, 18, 0, tzinfo=CHINA_TZ)
STAFF, CONTACT = "送解优服务专员（演示）", "企业联系人（演示）"

#: category: (share of problems, departments that handle it, deadline in working days, titles, replies)
CATEGORIES: dict[str, tuple[float, tuple[str, ...], int, tuple[str, ...], tuple[str, ...]]] = {
    "融资": (0.16, ("地方金融管理局", "人民银行分支机构"), 10,
           ("流动资金贷款续贷困难", "技改项目中长期贷款审批慢", "应收账款融资渠道不畅"),
           ("已协调合作银行开展银企对接，纳入续贷白名单", "已推荐至省融资担保集团，担保方案已出具")),
    "用工": (0.14, ("人力资源和社会保障局",), 10,
           ("一线技术工人招工难", "高技能人才引进落户咨询", "职业技能培训补贴申领"),
           ("已组织专场招聘会并推送职业院校毕业生名单", "已说明人才认定流程，材料齐全后即可办理")),
    "政策兑现": (0.14, ("工业和信息化局", "财政局"), 10,
             ("上年度技改奖补资金未到位", "小升规奖励兑现进度咨询", "专精特新奖励申报材料退回"),
             ("资金已完成拨付审核，本月内到账", "已一次性告知所缺材料，补正后受理")),
    "用地": (0.10, ("自然资源局",), 20,
           ("扩产项目新增用地指标", "厂房不动产权证办理", "园区标准厂房租赁"),
           ("已纳入年度用地计划，启动组卷报批", "已会同不动产登记中心上门办理")),
    "审批服务": (0.10, ("行政审批服务局",), 5,
             ("环评批复办理时限", "施工许可并联审批", "排污许可证延续"),
             ("已开通绿色通道，并联审批办结", "已安排专人帮办代办，按承诺时限办结")),
    "用能": (0.08, ("发展和改革委员会", "供电公司"), 10,
           ("新增用电容量报装", "能耗指标不足影响扩产", "天然气供应价格"),
           ("已启动报装工程，预计30日内送电", "已纳入用能预算统筹，优先保障")),
    "市场开拓": (0.08, ("商务局",), 15,
             ("参加境外展会补贴", "本地配套采购对接", "出口退税进度"),
             ("已推荐参加省链主企业供需对接会", "已协调税务部门加快退税审核")),
    "科技创新": (0.07, ("科学技术局",), 15,
             ("研发平台认定指导", "产学研合作对接", "科技成果转化项目申报"),
             ("已安排专家上门辅导平台认定", "已对接省内高校团队并签订合作意向")),
    "物流运输": (0.04, ("交通运输局",), 10,
             ("大件运输通行许可", "园区物流通道拥堵"),
             ("已办理大件运输许可并开辟绿色通道", "已调整交通组织方案")),
    "基础设施": (0.04, ("住房和城乡建设局", "园区管委会"), 20,
             ("园区道路与管网配套", "污水处理能力不足"),
             ("已列入园区基础设施年度计划", "已协调污水处理厂扩容")),
    "涉企执法": (0.03, ("司法局",), 10,
             ("多头重复检查", "行政处罚标准咨询"),
             ("已纳入综合查一次，合并检查事项", "已书面答复裁量基准")),
    "其他": (0.02, ("工业和信息化局",), 10,
           ("企业用电用水数据核对", "诉求反映渠道咨询"),
           ("已核对并更正", "已告知12345与送解优双渠道")),
}


@dataclass
class DemoServicesResult:
    """What the demo loader did: the rule set, the files written, the problems and their states."""

    policy_set: dict
    files: list[str] = field(default_factory=list)
    problems: int = 0
    events: int = 0
    states: dict[str, int] = field(default_factory=dict)
    overdue_on_end: int = 0


def load_demo_services(g, size: str = "small") -> DemoServicesResult:
    """Load the example policies and a year of problems into ``g``'s store (idempotent: run again, no change)."""
    svc = EnterpriseServices(g, clock=lambda: DEMO_END)
    result = DemoServicesResult(policy_set=svc.load_policies(examples=True))
    seed = 20251101 + list(PROBLEMS_PER_SIZE).index(size)
    firms = enterprise_context(g.store).to_dict(orient="records")
    if not firms:
        return result
    folder = g.settings.home / "demo-data" / size / "services"
    folder.mkdir(parents=True, exist_ok=True)
    per_month = PROBLEMS_PER_SIZE[size] // len(DEMO_MONTHS)
    history: list[tuple[int, dict, str]] = []  # (month index, firm, category) for repeat problems
    with svc.repository.batch():
        for m, (year, month) in enumerate(DEMO_MONTHS):
            rows = _month_rows(np.random.default_rng([seed, m]), firms, history, m, year, month, per_month)
            path = folder / f"送解优问题收集表-{year}-{month:02d}.csv"
            _write_sheet(path, rows)
            result.files.append(str(path))
            outcome = svc.import_collection(path, actor=STAFF)
            for problem_id in outcome.submitted:
                _walk(svc, problem_id, np.random.default_rng([seed, int(hashlib.sha256(problem_id.encode()).hexdigest()[:8], 16)]))
    problems = svc.desk.problems()
    result.problems = len(problems)
    result.events = svc.repository.event_count()
    for p in problems:
        result.states[str(p.state)] = result.states.get(str(p.state), 0) + 1
    result.overdue_on_end = sum(s.status == "overdue" for s in svc.overdue(DEMO_END.date()))
    return result


def _month_rows(rng, firms, history, m, year, month, count) -> list[dict]:
    cal = china_calendar()
    first = dt.date(year, month, 1)
    days = [first + dt.timedelta(d) for d in range(31) if (first + dt.timedelta(d)).month == month]
    days = [d for d in days if cal.is_workday(d) and d <= DEMO_END.date()]
    names = list(CATEGORIES)
    weights = np.array([CATEGORIES[c][0] for c in names])
    rows, keys = [], set()
    while len(rows) < count:
        recent = [h for h in history if m - 3 <= h[0] < m]
        if recent and rng.random() < 0.15:  # the same enterprise back with the same kind of problem
            _, firm, category = recent[int(rng.integers(len(recent)))]
        else:
            firm, category = firms[int(rng.integers(len(firms)))], names[int(rng.choice(len(names), p=weights / weights.sum()))]
        titles = CATEGORIES[category][3]
        title = f"{titles[int(rng.integers(len(titles)))]}（{year}年{month}月）"
        if (firm["uscc"], title) in keys:
            continue
        keys.add((firm["uscc"], title))
        history.append((m, firm, category))
        blank = rng.random() < 0.2
        rows.append({"uscc": firm["uscc"], "enterprise_name": firm["name"], "title": title,
                     "description": f"演示问题：{firm['name']}反映{title}，请协调解决。", "category": category,
                     "chain": "" if blank else (firm["chain"] or ""), "park": "" if blank else (firm["park"] or ""),
                     "region_code": firm["region_code"], "collected_on": days[int(rng.integers(len(days)))].isoformat()})
    return rows


def _write_sheet(path: Path, rows: list[dict]) -> None:
    fields = list(HEADERS)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([HEADERS[f][0] for f in fields])
        for r in sorted(rows, key=lambda r: (r["collected_on"], r["uscc"])):
            writer.writerow([r[f] for f in fields])


class _PastEnd(Exception):
    """The next step would fall after DEMO_END: the problem stays where it is."""


def _walk(svc: EnterpriseServices, problem_id: str, rng) -> None:
    """Move one problem through the desk as a service team would, up to DEMO_END."""
    cal = china_calendar()
    p = svc.problem(problem_id)
    _share, departments, days, _titles, replies = CATEGORIES[p.category]
    day = p.submitted_at.date()

    def at(workdays: int, hour: int) -> dt.datetime:
        nonlocal day
        try:
            day = cal.add_workdays(day, workdays) if workdays else day
        except CalendarNotCoveredError:  # beyond the calendar's last year, hence after DEMO_END
            raise _PastEnd from None
        when = dt.datetime.combine(day, dt.time(hour, int(rng.integers(0, 60))), CHINA_TZ)
        if when > DEMO_END:
            raise _PastEnd
        return when

    try:
        svc.accept(problem_id, actor=STAFF, at=at(int(rng.integers(0, 2)), 15))
        if rng.random() < 0.04:
            svc.reject(problem_id, reason="与已登记问题重复，合并办理（演示）", actor=STAFF, at=at(0, 16))
            return
        department = departments[int(rng.integers(len(departments)))]
        svc.assign(problem_id, department=department, deadline_workdays=days, actor=STAFF, at=at(1, 10))
        if rng.random() < 0.05:
            other = "工业和信息化局" if department != "工业和信息化局" else "发展和改革委员会"
            svc.transfer(problem_id, department=other, reason=f"不属{department}职责，转{other}办理（演示）",
                         actor=STAFF, at=at(int(rng.integers(1, 3)), 11))
            department = other
        handler = f"{department}经办人（演示）"
        svc.start(problem_id, actor=handler, at=at(int(rng.integers(0, 2)), 14))
        if rng.random() < 0.03:
            svc.withdraw(problem_id, reason="企业已自行解决（演示）", actor=CONTACT, at=at(int(rng.integers(1, 4)), 10))
            return
        late, stalled = rng.random() < 0.15, rng.random() < 0.08  # stalled: left for weeks until 督办
        for round_ in range(2):
            took = days + int(rng.integers(20, 60)) if stalled else days + int(rng.integers(1, 10)) if late \
                else int(rng.integers(1, days))
            svc.reply(problem_id, reply=replies[int(rng.integers(len(replies)))] + "（演示）", actor=handler,
                      at=at(took, 16))
            rating = int(rng.choice([1, 2, 3, 4, 5], p=[0.06, 0.08, 0.16, 0.34, 0.36] if late else
                                    [0.02, 0.03, 0.08, 0.32, 0.55]))
            closer = (CONTACT, "enterprise") if rng.random() < 0.7 else (STAFF, "staff")
            svc.close(problem_id, satisfaction=rating, actor=closer[0], role=closer[1],
                      at=at(int(rng.integers(1, 6)), 10))
            if round_ == 1 or not (rating <= 2 and rng.random() < 0.7 or rating == 3 and rng.random() < 0.1):
                return
            svc.reopen(problem_id, reason="答复未解决实际问题，企业申请重新办理（演示）", actor=CONTACT,
                       at=at(int(rng.integers(1, 8)), 9))
            late, stalled = rng.random() < 0.25, False
    except _PastEnd:
        return
