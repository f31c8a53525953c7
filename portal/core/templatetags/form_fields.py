from django import template

register = template.Library()


@register.filter
def plain_label_tag(field):
    """`field.label_tag` without Django's ":" suffix: the portal's labels stand above their
    inputs, and an ASCII colon reads wrongly after a Japanese label ("概要:")."""
    return field.label_tag(label_suffix="")


@register.filter
def plain_legend_tag(field):
    """`field.legend_tag` without the ":" suffix (fields rendered in a fieldset)."""
    return field.legend_tag(label_suffix="")
