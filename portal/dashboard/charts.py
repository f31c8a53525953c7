"""Geometry for the dashboard's server-rendered SVG charts (no JavaScript, no external service).

The templates draw the shapes; these functions only compute numbers, so they are easy to test.
"""

import math
from dataclasses import dataclass


def bar_percent(value, maximum) -> float:
    """The length of a horizontal bar as a percentage of the longest one (0–100)."""
    if not maximum or not value:
        return 0
    return round(value * 100 / maximum, 2)


def with_bars(rows):
    """Pairs each row with its bar length next to the longest: ``[(row, percent), ...]``."""
    rows = list(rows)
    maximum = max((row.count for row in rows), default=0)
    return [(row, bar_percent(row.count, maximum)) for row in rows]


def fill_bars(events):
    """Pairs each event with a bar as long as its fill rate (a full event: 100; no limit: 0)."""
    return [
        (event, bar_percent(min(event.confirmed, event.capacity or 0), event.capacity))
        for event in events
    ]


def nice_step(maximum: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5 × 10ⁿ) so that about `ticks` steps cover `maximum`."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


@dataclass(frozen=True)
class Column:
    x: float
    y: float
    width: float
    height: float
    label_x: float
    value: int
    month: str
    year: str


@dataclass(frozen=True)
class ColumnChart:
    width: int
    height: int
    baseline: float
    columns: list
    gridlines: list  # [(y, label)]


LEFT, TOP, BOTTOM, SLOT, BAR = 36, 16, 36, 30, 20
PLOT_HEIGHT = 150
# Short periods keep the columns' width: the chart is left-aligned in a twelve-month frame.
MIN_SLOTS = 12


def month_columns(rows) -> ColumnChart:
    """A column per month (rows keyed "YYYY-MM"); the year is written under the first column
    and under every January."""
    maximum = max((row.count for row in rows), default=0)
    step = nice_step(maximum)
    top_value = max(step * math.ceil(maximum / step), step)
    scale = PLOT_HEIGHT / top_value
    baseline = TOP + PLOT_HEIGHT
    columns = []
    for index, row in enumerate(rows):
        year, month = row.key.split("-")
        x = LEFT + index * SLOT + (SLOT - BAR) / 2
        height = row.count * scale
        columns.append(
            Column(
                x=x,
                y=baseline - height,
                width=BAR,
                height=height,
                label_x=x + BAR / 2,
                value=row.count,
                month=month,
                year=year if index == 0 or month == "01" else "",
            )
        )
    gridlines = [(baseline - value * scale, value) for value in range(0, top_value + 1, step)]
    return ColumnChart(
        width=LEFT + max(len(rows), MIN_SLOTS) * SLOT + 8,
        height=baseline + BOTTOM,
        baseline=baseline,
        columns=columns,
        gridlines=gridlines,
    )


def stage_charts(data) -> dict:
    """Bars of the stage figures: the funnel next to the selected co-creations, the days next
    to the longest median, the stops next to the stage where most stopped."""
    funnel = data["stages"]
    longest = max((d.median_days or 0 for d in data["stage_days"]), default=0)
    most_stopped = max((count for _s, _l, count, _r in data["stage_stops"].by_stage), default=0)
    return {
        "stage_bars": with_bars(funnel.stages),
        "stage_day_bars": [(d, bar_percent(d.median_days, longest)) for d in data["stage_days"]],
        "stage_stop_bars": [
            (row, bar_percent(row[2], most_stopped)) for row in data["stage_stops"].by_stage
        ],
    }
