"""The moderators' verification queue for officials, inside the Wagtail admin."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.accounts.admin_queues import DecideView, QueueView
from portal.community import selectors, services
from portal.community.forms import RejectOfficialForm
from portal.community.selectors.officials import official_profile_get_for_moderator


class OfficialQueueView(QueueView):
    page_title = gettext_lazy("Officials waiting for verification")
    header_icon = "user"
    template_name = "community/admin/official_queue.html"

    def queryset(self):
        return selectors.pending_official_profiles()


class OfficialDecideView(DecideView):
    """Approve, or reject with a reason; both are recorded (who, when) and the official told."""

    page_title = gettext_lazy("Verify an official")
    header_icon = "user"
    template_name = "community/admin/official_decide.html"
    reject_form_class = RejectOfficialForm
    object_name = "profile"
    queue_title = OfficialQueueView.page_title
    queue_url_name = "official_verification:queue"

    def get_object(self, pk):
        return official_profile_get_for_moderator(pk=pk)

    def approve(self, obj):
        services.official_verify(profile=obj, moderator=self.request.user)

    def reject(self, obj, reason):
        services.official_reject(profile=obj, moderator=self.request.user, reason=reason)

    def approved_message(self, obj):
        return _("%(name)s is verified.") % {"name": obj.user}

    def rejected_message(self, obj):
        return _("%(name)s was not approved.") % {"name": obj.user}
