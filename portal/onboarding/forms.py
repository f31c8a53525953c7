"""Forms of onboarding: the role choice, the official's profile and the startup step."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import Role
from portal.startups.validators import validate_corporate_number


class RoleChoiceForm(forms.Form):
    role = forms.ChoiceField(
        label=_("How will you use the portal?"),
        choices=Role.choices,
        widget=forms.RadioSelect,
    )


class OfficialOnboardingForm(forms.Form):
    """Municipality picker + department and title.

    Works without JavaScript: the prefecture and name filter are submitted with the "narrow"
    button and the municipality list is rendered for that prefecture; with JavaScript the list
    narrows as the user types.
    """

    prefecture = forms.ChoiceField(label=_("Prefecture"), required=False)
    municipality_query = forms.CharField(
        label=_("Filter municipalities by name"),
        required=False,
        max_length=32,
        help_text=_("Kanji or hiragana, e.g. 横浜 or よこはま."),
    )
    municipality = forms.ChoiceField(label=_("Municipality"))
    department = forms.CharField(
        label=_("Department"), max_length=100, help_text=_("e.g. デジタル推進課")
    )
    title = forms.ChoiceField(label=_("Job title"))
    title_detail = forms.CharField(
        label=_("Position"), max_length=100, required=False, help_text=_("e.g. 課長")
    )

    def __init__(self, *args, prefectures, municipalities, titles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prefecture"].choices = [("", _("Choose a prefecture"))] + [
            (p.code, p.name) for p in prefectures
        ]
        self.fields["municipality"].choices = [("", _("Choose a municipality"))] + [
            (m.code, m.full_name) for m in municipalities
        ]
        self.fields["title"].choices = titles


class StartupCreateForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=120)
    corporate_number = forms.CharField(
        label=_("Corporate number (法人番号)"),
        max_length=13,
        required=False,
        help_text=_("13 digits. You can add it later, but verification needs it."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    hq_prefecture = forms.ChoiceField(label=_("Head office prefecture"), required=False)
    summary = forms.CharField(
        label=_("What you do, in one sentence"), max_length=200, required=False
    )

    def __init__(self, *args, prefectures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hq_prefecture"].choices = [("", "—")] + [(p.code, p.name) for p in prefectures]

    def clean_corporate_number(self):
        value = self.cleaned_data["corporate_number"].strip().replace("-", "")
        if value:
            validate_corporate_number(value)
        return value


class StartupJoinForm(forms.Form):
    startup_query = forms.CharField(
        label=_("Search startups by name"), required=False, max_length=60
    )
    startup = forms.ChoiceField(label=_("Startup to join"), widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Message to the owner"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, startups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["startup"].choices = [(s.pk, s.name) for s in startups]
