"""Template helpers of the standard pattern pages."""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.cms.models import ComponentLayer, NetworkKind

register = template.Library()


@register.simple_tag
def cost_range(low, high) -> str:
    """「300〜800万円」: a range in units of ¥10,000, as Japanese budgets are written; in
    English, the same range in yen ("¥3–8 million"), since "×¥10,000" reads as a puzzle."""
    if low is None and high is None:
        return "—"
    if not (get_language() or "ja").startswith("ja"):
        return _yen_range(low, high)
    if high is None:
        return _("from %(low)s ×¥10,000") % {"low": intcomma(low)}
    if low is None:
        return _("up to %(high)s ×¥10,000") % {"high": intcomma(high)}
    if low == high:
        return _("%(low)s ×¥10,000") % {"low": intcomma(low)}
    return _("%(low)s–%(high)s ×¥10,000") % {"low": intcomma(low), "high": intcomma(high)}


def _yen_range(low, high) -> str:
    """A range given in units of ¥10,000, written in yen (in millions from ¥1 million)."""

    def amount(man: int) -> str:
        yen = man * 10_000
        if yen >= 1_000_000:
            return _("¥%(amount)s million") % {"amount": f"{yen / 1_000_000:,.10g}"}
        return f"¥{intcomma(yen)}"

    if high is None:
        return _("from %(low)s") % {"low": amount(low)}
    if low is None:
        return _("up to %(high)s") % {"high": amount(high)}
    if low == high:
        return amount(low)
    return _("%(low)s–%(high)s") % {"low": amount(low), "high": amount(high)}


@register.filter
def network_labels(values) -> list[str]:
    return [str(NetworkKind(value).label) for value in values or [] if value in NetworkKind.values]


@register.filter
def layer_label(value) -> str:
    return str(ComponentLayer(value).label) if value in ComponentLayer.values else value
