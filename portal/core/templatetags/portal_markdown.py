from django import template

from portal.core.markdown import markdown_to_text, render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """``{{ body|markdown }}``: user Markdown as sanitised HTML (see portal.core.markdown)."""
    return render_markdown(text or "")


@register.filter(name="markdown_text")
def markdown_text_filter(text):
    """``{{ body|markdown_text|excerpt:q }}``: plain text of user Markdown (escape it after)."""
    return markdown_to_text(text or "")
