"""Overdue warnings, statistics and batch intake, against small examples computed by hand.

March 2026 has no holiday (国办发明电〔2025〕7号), so working days there are Monday to Friday.
"""

import datetime as dt
import math

import openpyxl
import pytest

from gaodi.errors import InputError, ValidationFailed
from gaodi.problems.deadlines import deadline_status, deadline_warnings
from gaodi.problems.desk import ProblemDesk, ProblemSubmission
from gaodi.problems.events import CHINA_TZ
from gaodi.problems.intake import read_collection_file, submit_collection
from gaodi.problems.repository import InMemoryProblemRepository
from gaodi.problems.stats import problem_stats, problems_frame

A, B, C = "91430100MA4L16JQ9D", "91430200MA4L2B3C4D", "91430300MA4L3D5E6C"


def t(month, day, hour=10):
    return dt.datetime(2026, month, day, hour, tzinfo=CHINA_TZ)


def sub(uscc, category, title):
    return ProblemSubmission(uscc=uscc, title=title, description=title + "，请协调", category=category)


def handle(desk, pid, uscc, category, dept, submitted, deadline_days=None, replied=None, closed=None, rating=None):
    desk.submit(sub(uscc, category, pid), actor="企业", problem_id=pid, at=submitted)
    desk.accept(pid, actor="专员", at=submitted)
    if deadline_days is None:
        return
    desk.assign(pid, department=dept, deadline_workdays=deadline_days, actor="专员", at=submitted)
    desk.start(pid, actor=dept, at=submitted)
    if replied:
        desk.reply(pid, reply="已办理", actor=dept, at=replied)
    if closed:
        desk.close(pid, satisfaction=rating, actor="企业", at=closed)


@pytest.fixture
def desk():
    d = ProblemDesk(InMemoryProblemRepository())
    # P1 用能 A: Mon 3-2, 5 wd -> deadline Mon 3-9; replied Fri 3-6 (on time); closed 3-9, rating 5.
    handle(d, "P1", A, "用能", "供电公司", t(3, 2), 5, t(3, 6), t(3, 9), 5)
    # P2 用能 A again 14 days later (a repeat): 3-16, deadline 3-23; replied 3-25 (late); closed 3-26, rating 2.
    handle(d, "P2", A, "用能", "供电公司", t(3, 16), 5, t(3, 25), t(3, 26), 2)
    # P3 融资 B: 3-3, 10 wd -> deadline Tue 3-17; still in progress on 3-20 -> overdue.
    handle(d, "P3", B, "融资", "金融办", t(3, 3), 10)
    # P4 融资 C: accepted only, no deadline yet.
    handle(d, "P4", C, "融资", None, t(3, 4))
    # P5 用能 B: Thu 3-5, 3 wd -> deadline Tue 3-10; replied 3-10 (on time); closed Thu 3-12, rating 4.
    handle(d, "P5", B, "用能", "供电公司", t(3, 5), 3, t(3, 10), t(3, 12), 4)
    return d


def test_statistics_by_category_match_the_hand_computed_example(desk):
    """用能: P1, P2, P5 all closed and replied; on time P1, P5 -> 2/3; repeat P2 -> 1.
    Working days to close: P1 (3-2, 3-9] = 5, P2 (3-16, 3-26] = 8, P5 (3-5, 3-12] = 5; median 5;
    p90 of [5, 5, 8] by linear interpolation: rank 0.9 × 2 = 1.8 -> 5 + 0.8 × 3 = 7.4.
    Satisfaction (5 + 2 + 4) / 3 = 3.667, rated 4 or 5: 2/3.
    融资: P3 overdue now (due, not on time), P4 has no deadline -> on-time rate 0/1."""
    stats = problem_stats(problems_frame(desk.problems()), "category", as_of=dt.date(2026, 3, 20))
    energy = stats.set_index("category").loc["用能"]
    assert (energy.problems, energy.closed, energy.open, energy.due, energy.on_time) == (3, 3, 0, 3, 2)
    assert energy.on_time_rate == pytest.approx(2 / 3)
    assert energy.repeat_problems == 1
    assert energy.median_workdays_to_close == 5 and energy.p90_workdays_to_close == pytest.approx(7.4)
    assert energy.mean_satisfaction == pytest.approx(11 / 3) and energy.satisfied_share == pytest.approx(2 / 3)
    finance = stats.set_index("category").loc["融资"]
    assert (finance.problems, finance.open, finance.due, finance.on_time, finance.overdue_now) == (2, 2, 1, 0, 1)
    assert finance.on_time_rate == 0 and math.isnan(finance.median_workdays_to_close)


def test_statistics_by_department_put_unassigned_problems_in_their_own_group(desk):
    stats = problem_stats(problems_frame(desk.problems()), "department", as_of=dt.date(2026, 3, 20))
    assert dict(zip(stats["department"], stats["problems"])) == {"供电公司": 3, "金融办": 1, "（未交办）": 1}


def test_repeat_window_is_inclusive_and_adjustable(desk):
    frame = problems_frame(desk.problems())
    as_of = dt.date(2026, 3, 20)
    assert problem_stats(frame, "category", as_of, repeat_window_days=14).set_index("category").loc[
        "用能", "repeat_problems"] == 1
    assert problem_stats(frame, "category", as_of, repeat_window_days=13).set_index("category").loc[
        "用能", "repeat_problems"] == 0
    with pytest.raises(InputError):
        problem_stats(frame, "colour", as_of)


def test_overdue_and_due_soon_warnings_count_working_days(desk):
    """P3's deadline is Tue 3-17. On Fri 3-20: overdue by (3-17, 3-20] = 3 working days.
    On Mon 3-16: (3-16, 3-17] = 1 working day left -> due soon. On Wed 3-11: 4 left -> on track."""
    warnings = deadline_warnings(desk.problems(), dt.date(2026, 3, 20))
    assert [(w.problem_id, w.status, w.workdays_overdue) for w in warnings] == [("P3", "overdue", 3)]
    assert warnings[0].label == "已超期 3 个工作日"
    p3 = desk.get("P3")
    soon = deadline_status(p3, dt.date(2026, 3, 16))
    assert (soon.status, soon.workdays_left) == ("due_soon", 1)
    assert deadline_status(p3, dt.date(2026, 3, 17)).label == "今日到期"
    assert deadline_status(p3, dt.date(2026, 3, 11)).status == "on_track"
    assert deadline_status(desk.get("P1"), dt.date(2026, 3, 20)) is None  # closed: clock stopped


HEADER = "统一社会信用代码,企业名称,问题标题,问题描述,问题类别,所属产业链,所在园区,行政区划代码,收集日期\n"


def test_collection_csv_reports_each_bad_row_with_row_column_and_fix(tmp_path):
    path = tmp_path / "2026年3月送解优问题收集表.csv"
    path.write_text(HEADER + "\n".join([
        f"{A},长沙示例机械（虚构）,配电增容,需增容,用能,工程机械,长沙经开区,430121,2026-03-02",
        "91430100MA4L16JQ9X,示例二（虚构）,融资难,缺抵押,融资,,,430102,2026-03-02",
        f"{B},示例三（虚构）,招工难,缺技工,人才,,,430203,2026-03-03",
        f"{A},长沙示例机械（虚构）,配电增容,重复提交,用能,,,430121,2026-03-04",
        f"{C},示例四（虚构）,物流贵,,物流运输,,,4303,2026-03-05",
        ",,,,,,,,",
    ]) + "\n", encoding="gb18030")
    result = read_collection_file(path)
    assert [row for row, _, _ in result.submissions] == [2]
    errors = [(e.row, e.column) for e in result.errors]
    assert errors == [(3, "统一社会信用代码"), (4, "问题类别"), (5, "问题标题"), (6, "问题描述"), (6, "行政区划代码")]
    assert result.errors[1].fix.startswith("可选：用地")
    assert result.submissions[0][1].source == "batch" and result.submissions[0][2] == dt.date(2026, 3, 2)
    with pytest.raises(ValidationFailed) as err:
        result.raise_if_errors()
    assert err.value.location.row == 3 and len(err.value.details["errors"]) == 5


def test_collection_xlsx_with_english_headers_is_submitted_dated_by_collection_day(tmp_path):
    path = tmp_path / "collection.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["uscc", "Title", "description", "category", "collected_on"])
    wb.active.append([A, "用地指标", "扩建缺少用地指标", "用地", dt.datetime(2026, 3, 9)])
    wb.save(path)
    result = read_collection_file(path)
    assert result.ok
    desk = ProblemDesk(InMemoryProblemRepository())
    [problem] = submit_collection(desk, result, actor="服务专员")
    assert problem.source == "batch" and problem.submitted_at == t(3, 9, 9)
    assert desk.history(problem.problem_id)[0].role == "staff"


def test_collection_file_without_a_required_column_is_refused_naming_it(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("统一社会信用代码,问题标题,问题类别\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_collection_file(path)
    assert "问题描述" in err.value.message and err.value.location.file == "bad.csv"
