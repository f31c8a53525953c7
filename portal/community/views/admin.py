"""The moderators' verification queue for officials, inside the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.accounts.permissions import NOT_MODERATOR
from portal.community import selectors, services
from portal.community.forms import RejectOfficialForm
from portal.community.selectors.officials import official_profile_get_for_moderator
from portal.core.forms import add_service_errors

QUEUE_PAGE_SIZE = 30


class ModeratorOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_moderator:
            raise PermissionDenied(NOT_MODERATOR)
        return super().dispatch(request, *args, **kwargs)


class OfficialQueueView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Officials waiting for verification")
    header_icon = "user"
    template_name = "community/admin/official_queue.html"

    def get_context_data(self, **kwargs):
        profiles = selectors.pending_official_profiles()
        page = Paginator(profiles, QUEUE_PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(page=page, **kwargs)


class OfficialDecideView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Approve, or reject with a reason; both are recorded (who, when) and the official told."""

    page_title = gettext_lazy("Verify an official")
    header_icon = "user"
    template_name = "community/admin/official_decide.html"
    http_method_names = ["get", "post"]

    def get_context_data(self, **kwargs):
        profile = official_profile_get_for_moderator(pk=self.kwargs["pk"])
        kwargs.setdefault("reject_form", RejectOfficialForm())
        return super().get_context_data(profile=profile, **kwargs)

    def post(self, request, pk):
        profile = official_profile_get_for_moderator(pk=pk)
        form = RejectOfficialForm(request.POST)
        try:
            if request.POST.get("decision") == "verify":
                services.official_verify(profile=profile, moderator=request.user)
                messages.success(request, _("%(name)s is verified.") % {"name": profile.user})
            elif form.is_valid():
                services.official_reject(
                    profile=profile, moderator=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("%(name)s was not approved.") % {"name": profile.user})
            else:
                return self.render_to_response(self.get_context_data(reject_form=form))
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render_to_response(self.get_context_data(reject_form=form))
        return redirect(reverse("official_verification:queue"))
