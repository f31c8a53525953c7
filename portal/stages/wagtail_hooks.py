"""Moderators keep the downloadable stage templates (協定書, 実証計画書, 評価報告書) as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.stages.models import StageTemplate


class StageTemplateViewSet(SnippetViewSet):
    model = StageTemplate
    icon = "doc-full"
    menu_label = _("Stage templates")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["title", "stage", "document", "updated_at"]
    list_filter = ["stage"]
    search_fields = ["title", "description"]
    ordering = ["stage", "sort_order"]


register_snippet(StageTemplateViewSet)
