"""Admin wiring: choosers for municipalities and startups, the registrations view, and the
"Translate" button of a page whose English copy is still an alias."""

from django import forms
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from portal.cms.models import EventRegistration
from portal.community.models import Municipality, Prefecture
from portal.startups.models import Startup

SEARCH_MAX_LENGTH = 40


class MunicipalityFilterForm(BaseFilterForm):
    q = forms.CharField(label=_("Name or reading"), required=False, max_length=SEARCH_MAX_LENGTH)
    prefecture = forms.ModelChoiceField(
        label=_("Prefecture"), queryset=Prefecture.objects.all(), required=False
    )

    def filter(self, objects):
        objects = super().filter(objects)
        if prefecture := self.cleaned_data.get("prefecture"):
            objects = objects.in_prefecture(prefecture.code)
        if text := self.cleaned_data.get("q"):
            objects = objects.matching(text)
            self.is_searching = True
            self.search_query = text
        return objects


class MunicipalityChooserViewSet(ChooserViewSet):
    model = Municipality
    icon = "site"
    choose_one_text = _("Choose a municipality")
    choose_another_text = _("Choose another municipality")
    per_page = 20

    @property
    def choose_view_class(self):
        from wagtail.admin.views.generic import chooser

        class ChooseView(chooser.ChooseView):
            filter_form_class = MunicipalityFilterForm

            def get_object_list(self):
                return Municipality.objects.select_related("prefecture", "parent")

        return ChooseView

    @property
    def choose_results_view_class(self):
        from wagtail.admin.views.generic import chooser

        class ChooseResultsView(chooser.ChooseResultsView):
            filter_form_class = MunicipalityFilterForm

            def get_object_list(self):
                return Municipality.objects.select_related("prefecture", "parent")

        return ChooseResultsView


class StartupFilterForm(BaseFilterForm):
    q = forms.CharField(label=_("Startup name"), required=False, max_length=SEARCH_MAX_LENGTH)

    def filter(self, objects):
        objects = super().filter(objects)
        if text := self.cleaned_data.get("q"):
            objects = objects.filter(name__icontains=text)
            self.is_searching = True
            self.search_query = text
        return objects


class StartupChooserViewSet(ChooserViewSet):
    model = Startup
    icon = "group"
    choose_one_text = _("Choose a startup")
    choose_another_text = _("Choose another startup")
    per_page = 20

    @property
    def choose_view_class(self):
        from wagtail.admin.views.generic import chooser

        class ChooseView(chooser.ChooseView):
            filter_form_class = StartupFilterForm

        return ChooseView

    @property
    def choose_results_view_class(self):
        from wagtail.admin.views.generic import chooser

        class ChooseResultsView(chooser.ChooseResultsView):
            filter_form_class = StartupFilterForm

        return ChooseResultsView


class EventRegistrationViewSet(ModelViewSet):
    """Read-only list of registrations for moderators (changes go through the event page)."""

    model = EventRegistration
    icon = "calendar-check"
    menu_label = _("Event registrations")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["user", "event", "status", "registered_at", "promoted_at"]
    list_filter = ["status", "event"]
    search_fields = ["user__display_name", "user__email"]
    inspect_view_enabled = True
    copy_view_enabled = False
    exclude_form_fields = []
    form_fields = ["status"]

    def get_queryset(self, request):
        return EventRegistration.objects.select_related("user", "event")


municipality_chooser_viewset = MunicipalityChooserViewSet("municipality_chooser")
startup_chooser_viewset = StartupChooserViewSet("startup_chooser")
event_registration_viewset = EventRegistrationViewSet("event_registrations")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [municipality_chooser_viewset, startup_chooser_viewset, event_registration_viewset]


@hooks.register("register_admin_viewset")
def register_pattern_admin():
    from portal.cms.pattern_admin import PatternAdminGroup

    return PatternAdminGroup()


@hooks.register("register_page_header_buttons")
def translate_alias_buttons(page, user, view_name, next_url=None):
    """With the synced page tree every Japanese page already has an English alias, so
    simple_translation's own "Translate" (which copies into a locale without any copy) does not
    show. This one converts the alias into the translation (same id and address, still showing
    the Japanese content while live) and opens it in the editor; saving and submitting it then
    goes through the moderation workflow like any page."""
    if not user.has_perm("simple_translation.submit_translation"):
        return
    for alias in page.aliases.exclude(locale_id=page.locale_id).select_related("locale"):
        if not alias.permissions_for_user(user).can_edit():
            continue
        edit = reverse("wagtailadmin_pages:edit", args=[alias.pk])
        convert = reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])
        label = pgettext("page translation", "Translate into %(language)s") % {
            "language": alias.locale.get_display_name()
        }
        yield wagtailadmin_widgets.Button(
            label, f"{convert}?{urlencode({'next': edit})}", icon_name="globe", priority=81
        )
