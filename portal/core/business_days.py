"""Japanese working days: no weekend, no public holiday (jpholiday), no year-end closure.

Demo events and other dates a municipal official reads are placed on working days; an event
on New Year's Day would be the first thing such a reader questions.
"""

import datetime

import jpholiday

# Government offices close from 29 December to 3 January (行政機関の休日に関する法律).
YEAR_END_CLOSURE = {(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)}


def is_japanese_working_day(day: datetime.date) -> bool:
    if day.weekday() >= 5 or (day.month, day.day) in YEAR_END_CLOSURE:
        return False
    return not jpholiday.is_holiday(day)


def next_working_day(day: datetime.date) -> datetime.date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not is_japanese_working_day(day):
        day += datetime.timedelta(days=1)
    return day
