"""The moderators' verification queue for startups, inside the Wagtail admin."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.accounts.admin_queues import DecideView, QueueView
from portal.startups import selectors, services
from portal.startups.forms import RejectStartupForm


class StartupQueueView(QueueView):
    page_title = gettext_lazy("Startups waiting for verification")
    header_icon = "group"
    template_name = "startups/admin/startup_queue.html"

    def queryset(self):
        return selectors.pending_startups()


class StartupDecideView(DecideView):
    page_title = gettext_lazy("Verify a startup")
    header_icon = "group"
    template_name = "startups/admin/startup_decide.html"
    reject_form_class = RejectStartupForm
    object_name = "startup"
    queue_title = StartupQueueView.page_title
    queue_url_name = "startup_verification:queue"

    def get_object(self, pk):
        return selectors.startup_get_for_moderator(pk=pk)

    def approve(self, obj):
        services.startup_verification_decide(startup=obj, actor=self.request.user, approve=True)

    def reject(self, obj, reason):
        services.startup_verification_decide(
            startup=obj, actor=self.request.user, approve=False, note=reason
        )

    def approved_message(self, obj):
        return _("%(name)s is verified.") % {"name": obj.name}

    def rejected_message(self, obj):
        return _("%(name)s was not approved.") % {"name": obj.name}
