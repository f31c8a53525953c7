from django import template
from django.template.defaultfilters import floatformat

register = template.Library()

MISSING = "—"


@register.filter
def percent(rate):
    """0.6667 → "66.7%"; no rate (nothing to divide by) → "—"."""
    if rate is None:
        return MISSING
    return f"{floatformat(rate * 100, 1)}%"


@register.filter
def days(value):
    """Days with one decimal, or "—" when nothing was measured."""
    if value is None:
        return MISSING
    return floatformat(value, 1)


@register.filter
def centre_offset(width):
    """Where a bar of `width` (0–100) starts so that it is centred: the funnel's shape."""
    return round((100 - width) / 2, 2)


@register.filter
def ring_dash(rate):
    """The stroke-dasharray of a ring chart drawn with pathLength="100" (a <path>, not a
    <circle>: the Nu HTML checker allows pathLength on paths only)."""
    filled = round((rate or 0) * 100, 2)
    return f"{filled} {100 - filled}"
