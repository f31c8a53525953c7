from django import template
from django.utils.html import conditional_escape

register = template.Library()


class FullTitleNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, site_name):
        self.nodelist = nodelist
        self.site_name = site_name

    def render(self, context):
        title = self.nodelist.render(context).strip()
        site_name = conditional_escape(self.site_name.resolve(context))
        return f"{title} | {site_name}" if title else site_name


@register.tag
def full_title(parser, token):
    """`{% full_title SITE_NAME %}{% block title %}{% endblock %}{% endfull_title %}`: the page's
    own title, a separator and the site name; the site name alone when the page sets none."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("full_title takes the site name as its one argument")
    nodelist = parser.parse(("endfull_title",))
    parser.delete_first_token()
    return FullTitleNode(nodelist, parser.compile_filter(bits[1]))
