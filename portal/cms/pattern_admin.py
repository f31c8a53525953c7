"""Admin views of standard patterns for moderators: the hearing answers (list with CSV export)
and the suggestions — groups of published cases that share domain, crop/industry and network
but have no pattern yet — from which a draft pattern can be started."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from portal.accounts.admin_queues import ModeratorMenuItem, ModeratorOnlyMixin
from portal.cms import pattern_services, patterns
from portal.cms.models import PatternHearingResponse

GROUP_GONE = _("That group of cases no longer exists (a pattern may link them already).")
DRAFT_STARTED = _(
    "A draft pattern was started with %(count)s cases linked. Complete it and submit it for review."
)


class HearingResponseViewSet(ModelViewSet):
    """Answers are written by officials on the pattern page; moderators hold only the view
    permission (migration 0005), so Wagtail offers them no add, edit or delete."""

    model = PatternHearingResponse
    icon = "form"
    menu_label = _("Hearing answers")
    menu_order = 20
    list_display = ["pattern", "municipality", "respondent", "timing", "created_at"]
    list_filter = ["pattern", "timing"]
    list_export = [
        "created_at",
        "pattern.title",
        "municipality.code",
        "municipality.full_name",
        "respondent.display_name",
        "current_situation",
        "scale",
        "constraints",
        "budget",
        "get_timing_display",
        "draft_request_id",
    ]
    export_headings = {
        "created_at": _("answered at"),
        "pattern.title": _("standard pattern"),
        "municipality.code": _("municipality code"),
        "municipality.full_name": _("municipality"),
        "respondent.display_name": _("respondent"),
        "get_timing_display": _("timing"),
    }
    export_filename = "pattern-hearing-answers"
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["timing"]

    def get_queryset(self, request):
        return PatternHearingResponse.objects.select_related(
            "pattern", "municipality__prefecture", "municipality__parent", "respondent"
        )


class SuggestionsView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/admin/pattern_suggestions.html"
    page_title = _("Pattern suggestions")
    http_method_names = ["get", "post"]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=patterns.suggestion_groups(), **kwargs)

    def post(self, request, *args, **kwargs):
        group = patterns.suggestion_group(request.POST.get("group", ""))
        if group is None:
            messages.error(request, GROUP_GONE)
            return redirect("pattern_suggestions:index")
        try:
            page = pattern_services.pattern_create_draft_from_group(
                group=group, author=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("pattern_suggestions:index")
        messages.success(request, DRAFT_STARTED % {"count": len(group.cases)})
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class SuggestionsViewSet(ViewSet):
    name = "pattern_suggestions"
    url_prefix = "pattern-suggestions"
    icon = "table"
    menu_label = _("Pattern suggestions")
    menu_item_class = ModeratorMenuItem
    menu_order = 10

    def get_urlpatterns(self):
        return [path("", SuggestionsView.as_view(), name="index")]


class PatternAdminGroup(ViewSetGroup):
    menu_label = _("Standard patterns")
    menu_name = "standard_patterns"
    menu_icon = "table"
    menu_order = 150
    items = (SuggestionsViewSet, HearingResponseViewSet("pattern_hearing_answers"))
