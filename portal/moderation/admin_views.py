"""The moderators' console inside the Wagtail admin: queue, target pages, actions, audit log."""

import csv
import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.accounts.admin_queues import ModeratorOnlyMixin
from portal.moderation import actions, registry, selectors
from portal.moderation.forms import AuditFilterForm, QueueFilterForm, ReasonForm
from portal.moderation.models import ReportStatus

QUEUE_PAGE_SIZE = 30
AUDIT_PAGE_SIZE = 50


class ConsolePage(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page of the console; its breadcrumbs lead back to the admin home (and the queue)."""

    in_queue = False  # True: the page sits under the queue in the breadcrumbs

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.in_queue:
            items.append({"url": reverse("moderation_admin:queue"), "label": QueueView.page_title})
        return [*items, {"url": "", "label": self.get_header_title()}]


class QueueView(ConsolePage):
    page_title = gettext_lazy("Reports waiting for a moderator")
    header_icon = "warning"
    template_name = "moderation/admin/queue.html"

    def get_context_data(self, **kwargs):
        form = QueueFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        groups = selectors.report_queue(
            kind=filters.get("kind", ""),
            reason=filters.get("reason", ""),
            sort=filters.get("sort") or "newest",
        )
        page = Paginator(groups, QUEUE_PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter_form=form,
            page=page,
            rows=selectors.queue_rows(page.object_list),
            bulk_actions=actions.BULK_ACTIONS,
            reason_form=ReasonForm(),
            query_string=query.urlencode(),
            counts=selectors.waiting_counts(),
            **kwargs,
        )


class TargetView(ConsolePage):
    """One reported thing (or user): what it is, its reports, and the actions that apply."""

    page_title = gettext_lazy("Moderate")
    header_icon = "warning"
    template_name = "moderation/admin/target.html"
    in_queue = True

    def get_context_data(self, **kwargs):
        kind, target = selectors.moderation_target_get(
            kind=self.kwargs["kind"], pk=self.kwargs["pk"]
        )
        self.page_title = kind.label
        self.page_subtitle = Truncator(kind.describe(target)).chars(60)
        kwargs.setdefault("reason_form", ReasonForm())
        user = target if kind.key == "user" else actions._author_of(target)
        reports = list(selectors.reports_of_target(target=target))
        has_open_reports = any(report.status == ReportStatus.OPEN for report in reports)
        kwargs.pop("kind", None)
        return super().get_context_data(
            spec=kind,
            target=target,
            target_label=kind.describe(target),
            target_url=target.get_absolute_url() if hasattr(target, "get_absolute_url") else "",
            target_user=user,
            suspension=selectors.open_suspension(user=user) if user else None,
            reports=reports,
            available_actions=actions.available(kind, target, has_open_reports=has_open_reports),
            history=selectors.audit_log().filter(
                target_type=kind.content_type, target_id=str(target.pk)
            )[:20],
            **kwargs,
        )


class TargetActionView(TargetView):
    http_method_names = ["post"]

    def post(self, request, kind, pk, action):
        spec = actions.ACTIONS.get(action)
        if spec is None:
            raise Http404
        kind_spec, target = selectors.moderation_target_get(kind=kind, pk=pk)
        form = ReasonForm(request.POST)
        if form.is_valid():
            try:
                spec.perform(
                    kind_spec, target, moderator=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Done: %(action)s.") % {"action": spec.label})
                return redirect(reverse("moderation_admin:target", args=[kind, pk]))
        # The form is further down the page: say at the top that nothing was done.
        messages.error(
            request,
            _("Not done: %(action)s. See the form below.") % {"action": spec.label},
        )
        return self.render_to_response(
            self.get_context_data(reason_form=form, failed_action=action)
        )


def _parse_keys(values) -> list[tuple[str, int]]:
    keys = []
    for value in values:
        kind, _sep, pk = value.partition(":")
        if registry.get_kind(kind) and pk.isdigit():
            keys.append((kind, int(pk)))
    return keys


class BulkActionView(ModeratorOnlyMixin, View):
    """Apply one action with one reason to several queue rows; each is done or reported."""

    http_method_names = ["post"]

    def post(self, request):
        spec = actions.ACTIONS.get(request.POST.get("action", ""))
        keys = _parse_keys(request.POST.getlist("targets"))
        form = ReasonForm(request.POST)
        back = reverse("moderation_admin:queue")
        if spec is None or not spec.bulk or not keys:
            messages.error(request, _("Choose at least one item and an action."))
            return redirect(back)
        if not form.is_valid():
            messages.error(request, _("Give a reason: it is recorded in the audit log."))
            return redirect(back)
        done, failed = 0, []
        for kind, pk in keys:
            try:
                kind_spec, target = selectors.moderation_target_get(kind=kind, pk=pk)
                if not spec.applies(kind_spec, target):
                    raise ValidationError(_("This action does not apply here."))
                spec.perform(
                    kind_spec, target, moderator=request.user, reason=form.cleaned_data["reason"]
                )
                done += 1
            except (ValidationError, Http404) as error:
                failed.append(f"{kind}#{pk}: {' '.join(getattr(error, 'messages', [str(error)]))}")
        if done:
            messages.success(
                request, _("%(action)s: %(count)s done.") % {"action": spec.label, "count": done}
            )
        for failure in failed:
            messages.error(request, failure)
        return redirect(back)


class UsersView(ConsolePage):
    page_title = gettext_lazy("Users: warn, suspend, reinstate")
    header_icon = "user"
    template_name = "moderation/admin/users.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "")
        return super().get_context_data(
            query=query,
            found=selectors.users_matching(query=query),
            suspended=selectors.suspended_users(),
            **kwargs,
        )


class _Echo:
    def write(self, value):
        return value


def _audit_filters(request):
    form = AuditFilterForm(request.GET or None)
    return form, (form.cleaned_data if form.is_valid() else {})


class AuditLogView(ConsolePage):
    page_title = gettext_lazy("Audit log")
    header_icon = "history"
    template_name = "moderation/admin/audit_log.html"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs):
        form, filters = _audit_filters(self.request)
        entries = selectors.audit_log(**filters)
        page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(self.request.GET.get("page"))
        for entry in page.object_list:
            entry.console_url = _console_url(entry)
            entry.before_text, entry.after_text = _json(entry.before), _json(entry.after)
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter_form=form, page=page, query_string=query.urlencode(), **kwargs
        )


def _console_url(entry) -> str:
    """The console page of an entry's target (reportable kinds only), or ""."""
    model = entry.target_type.model_class() if entry.target_type else None
    kind = registry.kind_for_model(model) if model else None
    if kind is None or not str(entry.target_id).isdigit():
        return ""
    return reverse("moderation_admin:target", args=[kind.key, entry.target_id])


def _audit_csv_lines(entries):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # Excel opens UTF-8 with a BOM
    yield writer.writerow(
        [
            _("At (JST)"),
            _("Moderator"),
            _("Moderator action"),
            _("Target type"),
            _("Target id"),
            _("Target"),
            _("Reason"),
            _("Before"),
            _("After"),
        ]
    )
    tz = timezone.get_current_timezone()
    for entry in entries.iterator(2000):
        yield writer.writerow(
            [
                timezone.localtime(entry.at, tz).strftime("%Y-%m-%d %H:%M:%S"),
                entry.actor.email if entry.actor else entry.actor_repr,
                entry.get_action_display(),
                entry.target_type.model if entry.target_type else "",
                entry.target_id,
                entry.target_repr,
                entry.reason,
                _json(entry.before),
                _json(entry.after),
            ]
        )


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


class AuditExportView(ModeratorOnlyMixin, View):
    http_method_names = ["get", "head"]

    def get(self, request):
        _form, filters = _audit_filters(request)
        response = StreamingHttpResponse(
            _audit_csv_lines(selectors.audit_log(**filters)), content_type="text/csv; charset=utf-8"
        )
        filename = f"audit-log-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = content_disposition_header(True, filename)
        response["Cache-Control"] = "private, no-store"
        return response
