from django import template
from django.utils.translation import get_language

register = template.Library()


class ParenNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        inner = self.nodelist.render(context)
        if (get_language() or "ja").startswith("ja"):
            return f"（{inner}）"
        return f" ({inner})"


@register.tag
def paren(parser, token):
    """`{% paren %}…{% endparen %}`: full-width brackets in Japanese, "Draft (1)" in English."""
    nodelist = parser.parse(("endparen",))
    parser.delete_first_token()
    return ParenNode(nodelist)


@register.filter
def listjoin(values) -> str:
    """`{{ names|listjoin }}`: 「LPWA、LTE」 in Japanese, "LPWA, LTE" in English."""
    separator = "、" if (get_language() or "ja").startswith("ja") else ", "
    return separator.join(str(value) for value in values)
