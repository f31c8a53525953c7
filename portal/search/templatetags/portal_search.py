from django import template

from portal.search.highlight import excerpt, excerpt_if_match, highlight

register = template.Library()


@register.filter(name="highlight")
def highlight_filter(text, query):
    """``{{ title|highlight:q }}``: `text` escaped, matches of `q` in ``<mark>``."""
    return highlight(text, query or "")


@register.filter(name="excerpt")
def excerpt_filter(text, query):
    """``{{ body_text|excerpt:q }}``: ~160 characters around the first match, highlighted."""
    return excerpt(text, query or "")


@register.filter(name="excerpt_if_match")
def excerpt_if_match_filter(text, query):
    """``{{ body_text|excerpt_if_match:q }}``: the excerpt only when `q` matches the text."""
    return excerpt_if_match(text, query or "")
