"""Listing filters (django-filter) for the case study, subsidy and event indexes.

Every filter is a GET parameter, so a filtered listing is a link people can share. Choices that
depend on the data (tags, crops, partners, subsidies, prefectures) cost one query each, whatever
the number of pages.
"""

import unicodedata

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from portal.cms.fields import ChoiceSetField
from portal.cms.locales import for_reading
from portal.cms.models import (
    CaseStudyPage,
    CostBand,
    EligibleBody,
    EventKind,
    EventPage,
    Ministry,
    NetworkKind,
    PatternDomain,
    PatternPage,
    SizeBand,
    SubsidyProgrammePage,
    SubsidyStatus,
    split_applies_to,
)
from portal.community.models import MunicipalityKind, Prefecture
from portal.core.categories import ContractRoute, DXCategory
from portal.search import search
from portal.startups.models import Startup

ANY = _("Any")


def keyword_search(queryset, name, value):
    """The portal's one analysed search (``portal.search``: CJK bigrams, NFKC, kana folding,
    prefix words) over every indexed field of the page (its story, municipalities, tags …),
    in the same SQL query as the other filters; best match first."""
    return search(queryset, value)


def keyword_field():
    return django_filters.CharFilter(
        label=_("Keyword"),
        method=keyword_search,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": 100}),
    )


class CaseStudyFilter(django_filters.FilterSet):
    q = keyword_field()
    category = django_filters.ChoiceFilter(
        label=_("DX area"), choices=DXCategory.choices, empty_label=ANY
    )
    tag = django_filters.ChoiceFilter(
        label=_("Technology"), field_name="tags__name", empty_label=ANY, distinct=True
    )
    crop = django_filters.ChoiceFilter(
        label=_("Crop or industry"), field_name="crop_or_industry", empty_label=ANY
    )
    prefecture = django_filters.ChoiceFilter(
        label=_("Prefecture"),
        field_name="case_municipalities__municipality__prefecture_id",
        empty_label=ANY,
        distinct=True,
    )
    municipality = django_filters.CharFilter(
        label=_("Municipality code"),
        field_name="case_municipalities__municipality_id",
        distinct=True,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 6}),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of municipality"),
        field_name="municipality_kind",
        choices=MunicipalityKind.choices,
        empty_label=ANY,
    )
    size = django_filters.ChoiceFilter(
        label=_("Population band"),
        field_name="size_band",
        choices=SizeBand.choices,
        empty_label=ANY,
    )
    cost = django_filters.ChoiceFilter(
        label=_("Cost band"), field_name="cost_band", choices=CostBand.choices, empty_label=ANY
    )
    route = django_filters.ChoiceFilter(
        label=_("Contract route"),
        field_name="contract_route",
        choices=ContractRoute.choices,
        empty_label=ANY,
    )
    partner = django_filters.ChoiceFilter(
        label=_("Partner startup"),
        field_name="partner_links__startup__slug",
        empty_label=ANY,
        distinct=True,
    )
    subsidy = django_filters.ChoiceFilter(
        label=_("Subsidy used"), field_name="subsidy_used_id", empty_label=ANY
    )

    class Meta:
        model = CaseStudyPage
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # The choices come from the cases the reader's language shows (an English translation
        # may name its crop or tags in English); linked subsidies and partners are the same rows
        # for every copy of a case.
        live = for_reading(CaseStudyPage.objects.live())
        fields = self.filters
        fields["tag"].extra["choices"] = [
            (name, name)
            for name in Tag.objects.filter(cms_casestudytag_items__content_object__in=live)
            .values_list("name", flat=True)
            .distinct()
            .order_by("name")
        ]
        fields["crop"].extra["choices"] = [
            (crop, crop)
            for crop in live.exclude(crop_or_industry="")
            .values_list("crop_or_industry", flat=True)
            .distinct()
            .order_by("crop_or_industry")
        ]
        fields["prefecture"].extra["choices"] = list(Prefecture.objects.values_list("code", "name"))
        fields["partner"].extra["choices"] = list(
            Startup.objects.not_hidden()
            .filter(case_study_links__page__live=True)
            .values_list("slug", "name")
            .distinct()
            .order_by("name")
        )
        fields["subsidy"].extra["choices"] = [
            (str(pk), title)
            for pk, title in SubsidyProgrammePage.objects.live()
            .filter(case_studies__live=True)
            .values_list("pk", "title")
            .distinct()
            .order_by("title")
        ]


class SubsidyFilter(django_filters.FilterSet):
    q = keyword_field()
    status = django_filters.ChoiceFilter(
        label=_("Application status"),
        choices=SubsidyStatus.choices,
        method="filter_status",
        empty_label=ANY,
    )
    area = django_filters.ChoiceFilter(
        label=_("Target area"), choices=DXCategory.choices, method="filter_area", empty_label=ANY
    )
    ministry = django_filters.ChoiceFilter(
        label=_("Ministry or agency"), choices=Ministry.choices, empty_label=ANY
    )
    eligible = django_filters.ChoiceFilter(
        label=_("Eligible body"),
        choices=EligibleBody.choices,
        method="filter_eligible",
        empty_label=ANY,
    )

    class Meta:
        model = SubsidyProgrammePage
        fields = []

    @staticmethod
    def filter_status(queryset, name, value):
        return queryset.with_status(value)

    @staticmethod
    def filter_area(queryset, name, value):
        return queryset.filter(**ChoiceSetField.contains_lookup("target_areas", value))

    @staticmethod
    def filter_eligible(queryset, name, value):
        return queryset.filter(**ChoiceSetField.contains_lookup("eligible_bodies", value))


class EventFilter(django_filters.FilterSet):
    q = keyword_field()
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EventKind.choices, empty_label=ANY)

    class Meta:
        model = EventPage
        fields = []


def filter_applies_to(queryset, value: str):
    """Patterns naming the crop or industry, or naming none (they apply to any)."""
    value = (value or "").strip()
    if not value:
        return queryset
    variants = {value, unicodedata.normalize("NFKC", value)}
    named = Q()
    for variant in variants:
        named |= Q(applies_to__icontains=variant)
    return queryset.filter(named | Q(applies_to=""))


def filter_network(queryset, value: str):
    return (
        queryset.filter(**ChoiceSetField.contains_lookup("networks", value)) if value else queryset
    )


class PatternFilter(django_filters.FilterSet):
    """The comparison's filters: domain, a crop or industry, a network, a kind of municipality."""

    domain = django_filters.ChoiceFilter(
        label=_("Domain"), choices=PatternDomain.choices, empty_label=ANY
    )
    crop = django_filters.ChoiceFilter(
        label=_("Crop or industry"), method="filter_crop", empty_label=ANY
    )
    network = django_filters.ChoiceFilter(
        label=_("Network"), choices=NetworkKind.choices, method="filter_network", empty_label=ANY
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of municipality"),
        choices=MunicipalityKind.choices,
        method="filter_kind",
        empty_label=ANY,
    )

    class Meta:
        model = PatternPage
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        crops = set()
        for text in for_reading(PatternPage.objects.live()).values_list("applies_to", flat=True):
            crops.update(split_applies_to(text))
        self.filters["crop"].extra["choices"] = [(crop, crop) for crop in sorted(crops)]

    @staticmethod
    def filter_crop(queryset, name, value):
        return filter_applies_to(queryset, value)

    @staticmethod
    def filter_network(queryset, name, value):
        return filter_network(queryset, value)

    @staticmethod
    def filter_kind(queryset, name, value):
        return queryset.filter(
            Q(**ChoiceSetField.contains_lookup("municipality_kinds", value))
            | Q(municipality_kinds="")
        )


class KeywordFilter(django_filters.FilterSet):
    """The keyword box of the news and report indexes."""

    q = keyword_field()
