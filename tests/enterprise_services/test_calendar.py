"""Working-day calendar against the official 2026 holiday arrangement.

Source of every date below: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号):
元旦 1月1日至3日放假，1月4日（周日）上班；春节 2月15日至23日放假调休共9天，2月14日（周六）、
2月28日（周六）上班；劳动节 5月1日至5日放假，5月9日（周六）上班；国庆节、中秋节 10月1日至7日放假，
9月20日（周日）、10月10日（周六）上班。
"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gaodi.errors import InputError
from gaodi.workdays.calendar import (
    CalendarNotCoveredError,
    WorkingCalendar,
    add_workdays,
    china_calendar,
    is_workday,
    workdays_between,
)

D = dt.date


def test_make_up_saturday_before_spring_festival_is_a_workday_and_holiday_weekdays_are_not():
    assert is_workday(D(2026, 2, 14))  # Saturday, 调休上班
    assert is_workday(D(2026, 2, 28))  # Saturday, 调休上班
    assert not any(is_workday(D(2026, 2, d)) for d in range(15, 24))  # 15–23 holiday, incl. Mon–Fri
    assert is_workday(D(2026, 1, 4))  # Sunday after New Year, 上班
    assert not is_workday(D(2026, 1, 2))  # Friday, New Year holiday


def test_five_working_day_deadline_from_just_before_spring_festival_skips_the_holiday():
    """Assigned Thu 2026-02-12: day 1 Fri 13, day 2 Sat 14 (make-up), then 15–23 off,
    day 3 Tue 24, day 4 Wed 25, day 5 Thu 26. Counting Monday–Friday alone would give Thu 19."""
    assert add_workdays(D(2026, 2, 12), 5) == D(2026, 2, 26)


def test_deadline_counts_the_make_up_saturday_after_the_holiday():
    """From Tue 2026-02-24, four working days: Wed 25, Thu 26, Fri 27, Sat 28 (调休上班)."""
    assert add_workdays(D(2026, 2, 24), 4) == D(2026, 2, 28)
    assert add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert add_workdays(D(2026, 2, 14), 1) == D(2026, 2, 24)


def test_workdays_between_counts_the_half_open_interval():
    assert workdays_between(D(2026, 2, 13), D(2026, 2, 24)) == 2  # Sat 14 and Tue 24
    assert workdays_between(D(2026, 2, 24), D(2026, 2, 13)) == -2
    assert workdays_between(D(2026, 2, 15), D(2026, 2, 23)) == 0
    # National Day: Sun 9-20 works; 10-1..7 off; Sat 10-10 works.
    assert workdays_between(D(2026, 9, 30), D(2026, 10, 10)) == 3  # Oct 8, 9, 10
    assert add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert is_workday(D(2026, 9, 20)) and is_workday(D(2026, 10, 10)) and is_workday(D(2026, 5, 9))


def test_negative_steps_go_back_over_the_holiday():
    assert add_workdays(D(2026, 2, 24), -1) == D(2026, 2, 14)
    assert add_workdays(D(2026, 2, 24), -2) == D(2026, 2, 13)
    assert add_workdays(D(2026, 2, 24), 0) == D(2026, 2, 24)


def test_a_year_beyond_even_the_provisional_calendar_is_refused_with_the_year_named():
    with pytest.raises(CalendarNotCoveredError) as err:
        is_workday(D(2100, 1, 4))
    assert "2100" in err.value.message and err.value.code == "calendar_not_covered"
    assert isinstance(err.value, InputError)


def test_deadline_running_past_the_last_covered_year_is_refused():
    cal = WorkingCalendar.from_predicate(2026, 2026, china_calendar().is_workday)
    assert cal.add_workdays(D(2026, 12, 24), 2) == D(2026, 12, 28)
    with pytest.raises(CalendarNotCoveredError) as err:
        cal.add_workdays(D(2026, 12, 30), 5)
    assert "2027" in err.value.message


def test_vectorised_count_matches_single_counts_and_keeps_missing_dates_missing():
    cal = china_calendar()
    starts = [D(2026, 2, 12), D(2026, 2, 24), None]
    ends = [D(2026, 2, 26), D(2026, 2, 28), D(2026, 3, 1)]
    out = cal.workdays_between_many(starts, ends)
    assert out[:2].tolist() == [5.0, 4.0] and out[2] != out[2]


@settings(max_examples=60, deadline=None)
@given(day=st.dates(D(2025, 1, 2), D(2026, 10, 31)), n=st.integers(0, 30))
def test_counting_the_days_added_gives_the_same_number(day, n):
    target = add_workdays(day, n)
    assert workdays_between(day, target) == n
    if n != 0:
        assert is_workday(target)


@settings(max_examples=60, deadline=None)
@given(day=st.dates(D(2025, 1, 2), D(2026, 10, 31)), n=st.integers(1, 30))
def test_stepping_back_n_days_leaves_exactly_n_working_days_before_the_start(day, n):
    """Going back, the start is excluded and the target included: [target, day) holds n working days."""
    target = add_workdays(day, -n)
    one = dt.timedelta(days=1)
    assert is_workday(target)
    assert workdays_between(target - one, day - one) == n
