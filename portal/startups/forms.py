from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.categories import DXCategory
from portal.startups.models import CompanySize, MemberRole, Stage
from portal.startups.validators import validate_corporate_number, validate_logo

TAGS_HELP = _("Comma-separated, e.g. ノーコード, 電子申請, LINE")


def parse_tags(text: str) -> list[str]:
    parts = text.replace("、", ",").replace("，", ",").split(",")
    return list(dict.fromkeys(part.strip()[:100] for part in parts if part.strip()))[:20]


class StartupProfileForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=120)
    summary = forms.CharField(
        label=_("What you do, in one sentence"), max_length=200, required=False
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    corporate_number = forms.CharField(
        label=_("Corporate number (法人番号)"),
        max_length=13,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    hq_prefecture = forms.ChoiceField(label=_("Head office prefecture"), required=False)
    size = forms.ChoiceField(
        label=_("Size"), required=False, choices=[("", "—"), *CompanySize.choices]
    )
    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=[("", "—"), *Stage.choices])
    founded_year = forms.IntegerField(label=_("Year founded"), required=False, min_value=1900)
    categories = forms.MultipleChoiceField(
        label=_("Solution areas"),
        choices=DXCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=500, help_text=TAGS_HELP)
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, up to 2 MB. Shown square."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    def __init__(self, *args, prefectures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hq_prefecture"].choices = [("", "—")] + [(p.code, p.name) for p in prefectures]
        this_year = timezone.localdate().year
        self.fields["founded_year"].validators.append(MaxValueValidator(this_year))
        self.fields["founded_year"].widget.attrs["max"] = this_year

    def clean_corporate_number(self):
        value = self.cleaned_data["corporate_number"].strip().replace("-", "")
        if value:
            validate_corporate_number(value)
        return value

    def clean_tags(self):
        return parse_tags(self.cleaned_data["tags"])

    def clean_logo(self):
        """None: keep the current logo; False: remove it (the widget's clear box); else a file."""
        logo = self.cleaned_data["logo"]
        if logo:
            validate_logo(logo)
        return logo


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)


class TrackRecordForm(forms.Form):
    prefecture = forms.ChoiceField(label=_("Prefecture"), required=False)
    municipality_query = forms.CharField(
        label=_("Filter municipalities by name"), required=False, max_length=32
    )
    municipality = forms.ChoiceField(label=_("Municipality"))
    category = forms.ChoiceField(label=_("Area"), choices=DXCategory.choices)
    title = forms.CharField(
        label=_("Project"), max_length=120, help_text=_("e.g. 住民票の写しのオンライン申請導入")
    )
    year = forms.IntegerField(label=_("Year"), min_value=1990)
    description = forms.CharField(
        label=_("What you did"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, prefectures, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prefecture"].choices = [("", _("Choose a prefecture"))] + [
            (p.code, p.name) for p in prefectures
        ]
        self.fields["municipality"].choices = [("", _("Choose a municipality"))] + [
            (m.code, m.full_name) for m in municipalities
        ]
        this_year = timezone.localdate().year
        self.fields["year"].validators.append(MaxValueValidator(this_year))
        self.fields["year"].widget.attrs["max"] = this_year


class DecisionForm(forms.Form):
    comment = forms.CharField(label=_("Comment (optional)"), required=False, max_length=300)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Keyword"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Solution area"), required=False, choices=[("", _("All")), *DXCategory.choices]
    )
    prefecture = forms.ChoiceField(label=_("Head office"), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All")), *Stage.choices]
    )
    verified = forms.BooleanField(label=_("Verified only"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("", _("Best match (when searching), else name")),
            ("name", _("Name")),
            ("newest", _("Newest")),
            ("track_record", _("Most confirmed track records")),
        ],
    )

    def __init__(self, *args, prefectures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prefecture"].choices = [("", _("All"))] + [
            (p.code, p.name) for p in prefectures
        ]


class RejectStartupForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the startup's owners and admins)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what to correct, e.g. the corporate number or the website."),
    )


class AlertForm(forms.Form):
    name = forms.CharField(label=_("Alert name"), max_length=80)
    categories = forms.MultipleChoiceField(
        label=_("Categories"),
        choices=DXCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: any category."),
    )
    prefectures = forms.MultipleChoiceField(
        label=_("Prefectures"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: anywhere in Japan."),
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        max_length=200,
        required=False,
        help_text=_("Separate several keywords with spaces; a request matches any of them."),
    )

    def __init__(self, *args, prefectures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prefectures"].choices = [(p.code, p.name) for p in prefectures]
