from django import template

from portal.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """``{{ body|markdown }}``: user Markdown as sanitised HTML (see portal.core.markdown)."""
    return render_markdown(text or "")
