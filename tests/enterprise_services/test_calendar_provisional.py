"""Deadlines into years without an official holiday arrangement: provisional (暂定), marked, and replaced on load.

Worked examples (dates checked against a printed calendar; 2027-01-01 is a Friday):

* 20 working days from Sun 2026-12-20: Dec 21-25 (5), Dec 28-31 (4) → 9; Fri 2027-01-01 is 元旦
  (off); Jan 4-8 → 14, Jan 11-15 → 19, Mon Jan 18 → 20. Counting Monday to Friday alone would give
  Fri Jan 15.
* 春节 2027: 正月初一 is Sat 2027-02-06 (lunar-python; the same date in every published almanac), so
  除夕 Fri 02-05 to 初三 Mon 02-08 are off (《全国年节及纪念日放假办法》2024 revision: 4 days), and the two
  holiday days falling on the weekend (Sat 06, Sun 07) are made up on Tue 02-09 and Wed 02-10 (补假).
  First working day after: Thu 02-11.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from gaodi.cli.calendar import app as calendar_app
from gaodi.errors import InputError
from gaodi.problems.deadlines import deadline_status
from gaodi.problems.desk import ProblemDesk, ProblemSubmission
from gaodi.problems.repository import InMemoryProblemRepository
from gaodi.workdays.arrangement_file import parse_arrangement
from gaodi.workdays.calendar import WorkingCalendar, add_workdays, china_calendar
from gaodi.workdays.statutory import provisional_arrangement, statutory_holidays

from .handmade_store import A

D = dt.date
CST = dt.timezone(dt.timedelta(hours=8))
SAMPLE_2026 = Path(__file__).parents[2] / "src/gaodi/workdays/data/arrangement-2026.yaml"

#: a made-up 2027 arrangement for the tests (NOT the State Council's: none was published when written)
FICTIONAL_2027 = """\
year: 2027
document_number: 测试〔2026〕1号
issued_on: 2026-11-20
title: 测试用虚构的2027年节假日安排（非官方）
holidays:
  - {name: 元旦, from: 2027-01-01, to: 2027-01-03}
  - {name: 春节, from: 2027-02-05, to: 2027-02-12}
  - {name: 清明节, from: 2027-04-03, to: 2027-04-05}
  - {name: 劳动节, from: 2027-05-01, to: 2027-05-05}
  - {name: 端午节, date: 2027-06-09}
  - {name: 中秋节, date: 2027-09-15}
  - {name: 国庆节, from: 2027-10-01, to: 2027-10-07}
workdays:
  - {name: 春节, date: 2027-02-20}
  - {name: 劳动节, date: 2027-04-25}
  - {name: 国庆节, date: 2027-09-26}
  - {name: 国庆节, date: 2027-10-09}
"""


def test_twenty_working_days_from_2026_12_20_cross_new_year_2027_and_are_marked_provisional():
    result = china_calendar().deadline(D(2026, 12, 20), 20)
    assert result.date == D(2027, 1, 18)
    assert result.provisional and result.provisional_years == (2027,)
    assert "2027" in result.reason and "暂定" in result.reason and "795" in result.reason
    assert "provisional" in result.reason_en


def test_a_deadline_inside_an_official_year_is_not_provisional():
    result = china_calendar().deadline(D(2026, 2, 12), 5)
    assert result.date == D(2026, 2, 26) and not result.provisional and result.reason is None


def test_spring_festival_2027_is_computed_from_the_lunar_calendar_with_make_up_days_off():
    off = provisional_arrangement(2027).holidays
    assert statutory_holidays(2027)[D(2027, 2, 6)] == "春节"  # 正月初一
    assert [d for d in off if off[d].startswith("春节")] == [D(2027, 2, d) for d in range(5, 11)]
    cal = china_calendar()
    assert not any(cal.is_workday(D(2027, 2, d)) for d in range(5, 11))
    assert cal.is_workday(D(2027, 2, 4)) and cal.is_workday(D(2027, 2, 11))
    assert cal.add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 11)


def test_provisional_statutory_days_of_2025_and_2026_are_all_off_in_the_official_arrangements():
    """An independent check of the lunar and solar-term computation: every day the 2024 revision makes a
    holiday (除夕…初三, 清明, 端午, 中秋 …) is a day off in the State Council's 2025 and 2026 notices."""
    for year in (2025, 2026):
        for day, name in statutory_holidays(year).items():
            assert chinese_calendar.is_holiday(day), (day, name)


def test_the_shipped_2026_sample_file_gives_the_same_working_days_as_the_packaged_notice():
    arrangement = parse_arrangement(SAMPLE_2026.read_text(encoding="utf-8"), SAMPLE_2026.name)
    day = D(2026, 1, 1)
    while day.year == 2026:
        assert arrangement.is_workday(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)


def test_a_loaded_official_arrangement_overrides_the_provisional_year():
    official = parse_arrangement(FICTIONAL_2027, "fictional-2027.yaml")
    cal = china_calendar((official,))
    assert cal.is_workday(D(2027, 2, 20))  # Saturday made a working day by the loaded file
    assert not cal.is_workday(D(2027, 2, 11))  # off in the file, a working day when provisional
    result = cal.deadline(D(2026, 12, 20), 20)
    assert result.date == D(2027, 1, 18) and not result.provisional
    # across 春节: provisional 02-04 + 1 → 02-11; official: 02-11 and 12 off → Mon 02-15
    assert china_calendar().deadline(D(2027, 2, 4), 1).date == D(2027, 2, 11)
    assert cal.deadline(D(2027, 2, 4), 1).date == D(2027, 2, 15)
    assert cal.arrangement(2027).document_number == "测试〔2026〕1号"


def _bad(text: str) -> InputError:
    with pytest.raises(InputError) as err:
        parse_arrangement(text, "bad.yaml")
    return err.value


@pytest.mark.parametrize(("old", "new", "line", "column", "words"), [
    ("  - {name: 春节, date: 2027-02-20}", "  - {name: 春节, date: 2027-02-19}", 14, "date", "周五"),
    ("document_number: 测试〔2026〕1号\n", "", 1, "document_number", "文号"),
    ("  - {name: 端午节, date: 2027-06-09}", "  - {name: 端午节, date: 2028-06-09}", 10, "date", "不在 2027 年"),
    ("  - {name: 中秋节, date: 2027-09-15}\n", "", 5, "holidays", "2027-09-15"),
    ("  - {name: 劳动节, from: 2027-05-01, to: 2027-05-05}",
     "  - {name: 劳动节, from: 2027-05-05, to: 2027-05-01}", 9, "from", "晚于"),
    ("  - {name: 清明节, from: 2027-04-03, to: 2027-04-05}",
     "  - {name: 清明节, from: 2027-04-03, to: 2027-04-05}\n  - {name: 重复, date: 2027-04-04}", 9, "from", "重复"),
    ("year: 2027\n", "year: 2027\nyaer: 2027\n", 2, "yaer", "未知的键"),
])
def test_a_bad_arrangement_file_is_refused_with_its_line_column_and_fix(old, new, line, column, words):
    assert old in FICTIONAL_2027
    err = _bad(FICTIONAL_2027.replace(old, new))
    assert err.location.file == "bad.yaml" and err.location.row == line and err.location.column == column
    assert words in err.message and err.fix and err.code == "bad_arrangement_file"


def test_broken_yaml_is_refused_with_the_line_of_the_break():
    err = _bad(FICTIONAL_2027.replace("  - {name: 端午节, date: 2027-06-09}", "  - {name: 端午节, date: 2027-06-09"))
    assert err.location.row is not None and 11 <= err.location.row <= 13 and "YAML" in err.message


def test_overdue_is_decided_by_the_dates_even_where_the_calendar_cannot_count():
    """A calendar that ends in 2026 cannot count working days in 2027; the problem is still overdue."""
    short = WorkingCalendar.from_predicate(2026, 2026, china_calendar().is_workday)
    desk = ProblemDesk(InMemoryProblemRepository(), calendar=short)
    at = dt.datetime(2026, 12, 1, 9, tzinfo=CST)
    p = desk.submit(ProblemSubmission(A, "用地", "说明", "用地"), actor="t", at=at)
    p = desk.accept(p.problem_id, actor="t", at=at)
    p = desk.assign(p.problem_id, department="自然资源局", deadline_workdays=5, actor="t", at=at)
    assert p.deadline == D(2026, 12, 8) and not p.deadline_provisional
    status = deadline_status(p, D(2027, 1, 5), short)
    assert status.status == "overdue" and status.workdays_overdue is None
    assert "2027" in status.basis and "无法计算" in status.label
    full = deadline_status(p, D(2027, 1, 5), china_calendar())  # Dec 9-11, 14-18, 21-25, 28-31, Jan 4-5
    assert full.status == "overdue" and full.workdays_overdue == 19 and full.provisional
    assert full.label == "已超期 19 个工作日（暂定）"


def test_a_provisional_problem_deadline_follows_the_official_arrangement_once_loaded(handmade, tmp_path):
    svc = handmade.problems
    at = dt.datetime(2027, 2, 4, 10, tzinfo=CST)
    svc.desk.clock = lambda: at  # a paper record of 2027: the server's clock is set there (no future times)
    p = svc.submit(ProblemSubmission(A, "春节前用工", "说明", "用工"), actor="t", at=at)
    svc.accept(p.problem_id, actor="t", at=at)
    p = svc.assign(p.problem_id, department="人社局", deadline_workdays=1, actor="t", at=at)
    assert p.deadline == D(2027, 2, 11) and p.deadline_provisional and "2027" in p.deadline_basis
    warning = svc.overdue(D(2027, 2, 10))
    assert [w.problem_id for w in warning] == [p.problem_id] and warning[0].label == "即将到期（剩 1 个工作日）（暂定）"
    stored = svc.history(p.problem_id)[-1].payload
    file = tmp_path / "fictional-2027.yaml"
    file.write_text(FICTIONAL_2027, encoding="utf-8")
    loaded = svc.load_calendar(file, loaded_by="admin")
    assert loaded["new"] and loaded["year"] == 2027 and loaded["document_number"] == "测试〔2026〕1号"
    again = svc.problem(p.problem_id)
    assert again.deadline == D(2027, 2, 15) and not again.deadline_provisional and again.deadline_basis is None
    assert svc.history(p.problem_id)[-1].payload == stored  # history untouched: recomputed on read
    assert svc.verify(p.problem_id)[0].ok
    assert svc.load_calendar(file)["new"] is False
    years = {y["year"]: y for y in svc.calendar_years(2026, 2028)}
    assert not years[2027]["provisional"] and years[2028]["provisional"]
    assert years[2027]["document_number"] == "测试〔2026〕1号"


def test_a_refused_file_leaves_the_store_unchanged(handmade, tmp_path):
    svc = handmade.problems
    file = tmp_path / "bad.yaml"
    file.write_text(FICTIONAL_2027.replace("date: 2027-02-20", "date: 2027-02-19"), encoding="utf-8")
    before = svc.calendar_years(2027, 2027)
    with pytest.raises(InputError) as err:
        svc.load_calendar(file)
    assert err.value.location.row == 14
    assert svc.calendar_years(2027, 2027) == before and before[0]["provisional"]


def test_the_default_module_functions_use_the_provisional_years_too():
    assert add_workdays(D(2026, 12, 30), 5) == D(2027, 1, 7)  # Dec 31, (Jan 1 off), Jan 4 5 6 7


runner = CliRunner()


def test_cli_deadline_years_and_load(handmade_template, tmp_path, monkeypatch):
    import shutil

    shutil.copytree(handmade_template, tmp_path / "ws")
    monkeypatch.setenv("GAODI_HOME", str(tmp_path / "ws"))
    out = runner.invoke(calendar_app, ["deadline", "2026-12-20", "20"])
    assert out.exit_code == 0 and "2027-01-18（暂定 provisional）" in out.stdout
    shown = json.loads(runner.invoke(calendar_app, ["deadline", "2026-12-20", "20", "--json"]).stdout)
    assert shown["provisional"] is True and shown["date"] == "2027-01-18"
    bad = tmp_path / "bad.yaml"
    bad.write_text(FICTIONAL_2027.replace("document_number: 测试〔2026〕1号\n", ""), encoding="utf-8")
    refused = runner.invoke(calendar_app, ["load", str(bad)])
    assert refused.exit_code != 0 and refused.exception.location.row == 1
    good = tmp_path / "fictional-2027.yaml"
    good.write_text(FICTIONAL_2027, encoding="utf-8")
    assert "测试〔2026〕1号" in runner.invoke(calendar_app, ["load", str(good)]).stdout
    years = json.loads(runner.invoke(calendar_app, ["years", "--from", "2027", "--to", "2028", "--json"]).stdout)
    assert [y["provisional"] for y in years] == [False, True]


def test_2027_has_248_provisional_working_days_counted_by_hand():
    """2027 starts on a Friday: 261 weekdays. Weekdays off: 元旦 1-1; 春节 2-5, 2-8 and 补假 2-9, 2-10; 清明 4-5;
    劳动节 falls on Sat/Sun → 补假 5-3, 5-4; 端午 6-9; 中秋 9-15; 国庆 10-1 and 补假 10-4, 10-5: 13 days → 248."""
    cal = china_calendar()
    assert cal.workdays_between(D(2026, 12, 31), D(2027, 12, 31)) == 248
    weekdays_off = [d for d, _ in provisional_arrangement(2027).holidays.items() if d.weekday() < 5]
    assert len(weekdays_off) == 13


@settings(max_examples=40, deadline=None)
@given(day=st.dates(D(2026, 6, 1), D(2049, 6, 30)), n=st.integers(0, 60))
def test_counting_back_the_days_added_holds_across_official_and_provisional_years(day, n):
    result = china_calendar().deadline(day, n)
    assert china_calendar().workdays_between(day, result.date) == n
    assert result.provisional == (n > 0 and result.date.year >= 2027)
