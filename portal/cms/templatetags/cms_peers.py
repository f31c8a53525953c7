"""Template tags that put advanced cases into the community's peer views (類似団体).

Community pages load these (templates compose; the community app does not import the CMS)."""

from django import template

from portal.cms import peers

register = template.Library()


@register.simple_tag
def adopted_cases_by_code(codes):
    """{% adopted_cases_by_code peer_codes as adopted %}: code → live cases adopted."""
    return peers.adopted_cases_by_code(codes or [])


@register.filter
def cases_of(adopted: dict, code: str) -> list:
    """{{ adopted|cases_of:peer.code }}"""
    return (adopted or {}).get(code, [])


@register.inclusion_tag("cms/includes/case_peers.html", takes_context=True)
def case_peer_panel(context, case):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"case": case, **peers.case_peer_panel(case=case, user=user)}
