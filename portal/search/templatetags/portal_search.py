from django import template

from portal.search.highlight import excerpt, excerpt_if_match, highlight, search_excerpt

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


@register.simple_tag(name="search_excerpt")
def search_excerpt_tag(obj, query):
    """``{% search_excerpt item q %}``: why `item` matched (the first match outside its title,
    highlighted), or nothing."""
    return search_excerpt(obj, query or "")
