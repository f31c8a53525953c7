"""Moderators' verification queues inside the Wagtail admin (officials, startups...).

A queue is a ViewSet with two views: the list of pending items and a decision page (approve, or
reject with a required reason). Subclasses name the selector, the decision service and the
templates; the moderator gate, the pagination, the form handling and the menu item with its
pending count live here once.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from portal.accounts.permissions import NOT_MODERATOR
from portal.core.forms import add_service_errors

QUEUE_PAGE_SIZE = 30


class ModeratorOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_moderator:
            raise PermissionDenied(NOT_MODERATOR)
        return super().dispatch(request, *args, **kwargs)


class ModeratorMenuItem(MenuItem):
    """Shown to moderators only; `pending_count` (a callable) adds the queue's length."""

    pending_count = None

    def is_shown(self, request):
        return request.user.is_moderator

    def render_component(self, request):
        label = self.label
        if self.pending_count is not None:
            label = f"{label} ({self.pending_count()})"
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


def moderator_menu_item(count=None) -> type[ModeratorMenuItem]:
    """A menu item class for a ViewSet, optionally showing `count()` pending items."""
    return type(
        "QueueMenuItem",
        (ModeratorMenuItem,),
        {"pending_count": staticmethod(count) if count else None},
    )


class QueueView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """The pending items, oldest first, paginated. Subclasses set `queryset()`."""

    def queryset(self):
        raise NotImplementedError

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        page = Paginator(self.queryset(), QUEUE_PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(page=page, **kwargs)


class DecideView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Approve, or reject with a reason (the form's `reason` field).

    Subclasses set `reject_form_class`, `object_name` (the template variable), `queue_url_name`
    and `queue_title` (breadcrumbs),
    and implement `get_object(pk)`, `approve(obj)`, `reject(obj, reason)` (each one service call)
    and `approved_message(obj)` / `rejected_message(obj)`.
    """

    http_method_names = ["get", "post"]
    reject_form_class = None
    object_name = "object"
    queue_url_name = ""
    queue_title = ""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.queue_url_name), "label": self.queue_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_object(self, pk):
        raise NotImplementedError

    def approve(self, obj):
        raise NotImplementedError

    def reject(self, obj, reason: str):
        raise NotImplementedError

    def approved_message(self, obj) -> str:
        raise NotImplementedError

    def rejected_message(self, obj) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        kwargs.setdefault("reject_form", self.reject_form_class())
        obj = self.get_object(self.kwargs["pk"])
        kwargs.setdefault(self.object_name, obj)
        # Both verifiable models keep their state in `verification_state`.
        kwargs["pending"] = obj.verification_state == "pending"
        return super().get_context_data(**kwargs)

    def post(self, request, pk):
        obj = self.get_object(pk)
        form = self.reject_form_class(request.POST)
        try:
            if request.POST.get("decision") in {"verify", "approve"}:
                self.approve(obj)
                messages.success(request, self.approved_message(obj))
            elif form.is_valid():
                self.reject(obj, form.cleaned_data["reason"])
                messages.success(request, self.rejected_message(obj))
            else:
                return self.render_to_response(self.get_context_data(reject_form=form))
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render_to_response(self.get_context_data(reject_form=form))
        return redirect(reverse(self.queue_url_name))


class QueueViewSet(ViewSet):
    """Registers `queue_view` at the prefix and `decide_view` at ``<pk>/``."""

    add_to_admin_menu = True
    queue_view = None
    decide_view = None

    def get_urlpatterns(self):
        return [
            path("", self.queue_view.as_view(), name="queue"),
            path("<int:pk>/", self.decide_view.as_view(), name="decide"),
        ]
