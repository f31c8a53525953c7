"""Query filters of the list endpoints, the same ones the pages offer (django-filter).

A value outside a filter's choices, or a malformed date, is a 400 with the field's message
(django-filter's DRF backend raises a ValidationError); an empty value means no filter.
"""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.cms.fields import ChoiceSetField
from portal.cms.filters import PatternFilter as PatternComparisonFilter
from portal.cms.filters import filter_applies_to, filter_network
from portal.cms.models import EventKind, Ministry, NetworkKind, PatternDomain
from portal.cms.models.subsidies import SubsidyStatus
from portal.community.master_data import PREFECTURES
from portal.community.models import MunicipalityKind, RequestState
from portal.community.selectors.support_requests import LISTED_BY_DEFAULT
from portal.core.categories import DXCategory
from portal.startups.models import Stage

PREFECTURE_CHOICES = [(code, code) for code in PREFECTURES]
UPDATED_SINCE_HELP = _(
    "Only objects changed at or after this time (ISO 8601, e.g. 2026-04-01T00:00:00+09:00)."
)


def updated_since(field_name="updated_at"):
    return django_filters.IsoDateTimeFilter(
        field_name=field_name, lookup_expr="gte", label=UPDATED_SINCE_HELP
    )


class MunicipalityFilter(django_filters.FilterSet):
    prefecture = django_filters.ChoiceFilter(
        field_name="prefecture_id", choices=PREFECTURE_CHOICES, label=_("Prefecture code (01–47)")
    )
    kind = django_filters.ChoiceFilter(choices=MunicipalityKind.choices, label=_("Kind"))
    parent = django_filters.CharFilter(
        field_name="parent_id", max_length=6, label=_("Code of the parent city (for wards)")
    )


class SupportRequestFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(choices=DXCategory.choices, label=_("Category"))
    prefecture = django_filters.ChoiceFilter(
        field_name="municipality__prefecture_id",
        choices=PREFECTURE_CHOICES,
        label=_("Prefecture code of the posting municipality (01–47)"),
    )
    municipality = django_filters.CharFilter(
        field_name="municipality_id", max_length=6, label=_("Code of the posting municipality")
    )
    # The list shows open, selecting, co-creating and completed requests; "withdrawn" is asked for.
    state = django_filters.ChoiceFilter(
        choices=[choice for choice in RequestState.choices if choice[0] != RequestState.DRAFT],
        label=_("State (default: open, selecting, co-creating and completed)"),
    )
    updated_since = updated_since()

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("state"):
            queryset = queryset.filter(state__in=LISTED_BY_DEFAULT)
        return super().filter_queryset(queryset)


class CaseStudyFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(choices=DXCategory.choices, label=_("DX area"))
    prefecture = django_filters.ChoiceFilter(
        field_name="case_municipalities__municipality__prefecture_id",
        choices=PREFECTURE_CHOICES,
        distinct=True,
        label=_("Prefecture code of a municipality of the case (01–47)"),
    )
    municipality = django_filters.CharFilter(
        field_name="case_municipalities__municipality_id",
        max_length=6,
        distinct=True,
        label=_("Code of a municipality of the case"),
    )
    crop = django_filters.CharFilter(
        field_name="crop_or_industry", max_length=60, label=_("Crop or industry")
    )
    updated_since = updated_since("last_published_at")


class PatternFilter(django_filters.FilterSet):
    """The filters of the comparison at /ja/patterns/, with its rules: a pattern that names no
    crop or industry, or no kind of municipality, applies to any and stays in the results."""

    domain = django_filters.ChoiceFilter(choices=PatternDomain.choices, label=_("Domain"))
    crop = django_filters.CharFilter(
        max_length=60,
        method="filter_crop",
        label=_("Crop or industry (patterns that apply to any are included)"),
    )
    network = django_filters.ChoiceFilter(
        choices=NetworkKind.choices, method="filter_network", label=_("Network")
    )
    kind = django_filters.ChoiceFilter(
        choices=MunicipalityKind.choices,
        method="filter_kind",
        label=_("Kind of municipality (patterns that suit any are included)"),
    )
    updated_since = updated_since("last_published_at")

    @staticmethod
    def filter_crop(queryset, name, value):
        return filter_applies_to(queryset, value)

    @staticmethod
    def filter_network(queryset, name, value):
        return filter_network(queryset, value)

    @staticmethod
    def filter_kind(queryset, name, value):
        # The comparison page's own rule, so that the API and the page cannot disagree.
        return PatternComparisonFilter.filter_kind(queryset, name, value)


class SubsidyFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(
        choices=DXCategory.choices, method="filter_area", label=_("Target area")
    )
    status = django_filters.ChoiceFilter(
        choices=SubsidyStatus.choices, method="filter_status", label=_("Application status")
    )
    ministry = django_filters.ChoiceFilter(choices=Ministry.choices, label=_("Ministry or agency"))
    updated_since = updated_since("last_published_at")

    @staticmethod
    def filter_area(queryset, name, value):
        return queryset.filter(**ChoiceSetField.contains_lookup("target_areas", value))

    @staticmethod
    def filter_status(queryset, name, value):
        return queryset.with_status(value)


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, label=_("Kind"))
    upcoming = django_filters.BooleanFilter(
        method="filter_upcoming", label=_("true: events not ended yet; false: past events")
    )
    updated_since = updated_since("last_published_at")

    @staticmethod
    def filter_upcoming(queryset, name, value):
        if value:
            return queryset.filter(end_at__gte=timezone.now())
        return queryset.filter(end_at__lt=timezone.now())


class StartupFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(
        field_name="categories__category",
        choices=DXCategory.choices,
        distinct=True,
        label=_("Solution area"),
    )
    prefecture = django_filters.ChoiceFilter(
        field_name="hq_prefecture_id",
        choices=PREFECTURE_CHOICES,
        label=_("Prefecture code of the head office (01–47)"),
    )
    stage = django_filters.ChoiceFilter(choices=Stage.choices, label=_("Stage"))
    verified = django_filters.BooleanFilter(
        method="filter_verified", label=_("true: verified startups only")
    )
    updated_since = updated_since()

    @staticmethod
    def filter_verified(queryset, name, value):
        if value:
            return queryset.verified()
        return queryset.exclude(pk__in=queryset.verified().values("pk"))
