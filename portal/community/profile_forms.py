"""The form of a municipality's profile figures (population, its date and source, area)."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.community.forms import DateInput
from portal.community.services.profiles import BAD_DATE, SOURCE_MAX
from portal.core.text import validate_storable_text


class MunicipalityProfileForm(forms.Form):
    population = forms.IntegerField(
        label=_("Population"), required=False, min_value=1, max_value=50_000_000
    )
    population_as_of = forms.DateField(
        label=_("Population as of"),
        required=False,
        widget=DateInput(),
        help_text=_("The reference date of the figure, e.g. 2024-01-01."),
    )
    population_source = forms.CharField(
        label=_("Source of the figures"),
        required=False,
        max_length=SOURCE_MAX,
        validators=[validate_storable_text],
        help_text=_(
            "e.g. 住民基本台帳に基づく人口（総務省）, or the municipality's own statistics."
        ),
    )
    area_km2 = forms.DecimalField(
        label=_("Area (km²)"),
        required=False,
        min_value=Decimal("0.01"),
        max_value=Decimal("999999.99"),
        decimal_places=2,
        max_digits=8,
    )

    @staticmethod
    def initial_for(municipality) -> dict:
        return {
            "population": municipality.population,
            "population_as_of": municipality.population_as_of,
            "population_source": municipality.population_source,
            "area_km2": municipality.area_km2,
        }

    def clean_population_as_of(self):
        value = self.cleaned_data["population_as_of"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(BAD_DATE)
        return value
