"""Forms of the support-request pages. They parse input; services decide and write."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.community.models import (
    BudgetRange,
    Category,
    ContractRoute,
    Prefecture,
    Region,
    RequestState,
    SupportRequest,
    Visibility,
)
from portal.community.selectors.support_requests import DeadlineWindow, RequestFilters, Sort
from portal.core.uploads import UploadField

TAG_SEPARATORS = re.compile(r"[,、，]+")
BLANK = [("", _("Any"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class SupportRequestForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("Name the problem, e.g. 「窓口の待ち時間を減らしたい」."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences shown in lists and search results."),
    )
    body = forms.CharField(
        label=_("Details"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Background, current situation, what you need, constraints. Markdown: "
            "## heading, - list, **bold**, [link](https://…)."
        ),
    )
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", "---------")] + Category.choices
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=400,
        help_text=_("Separate with commas, e.g. 「LINE, 電子申請」 (at most 10)."),
    )
    budget_range = forms.ChoiceField(
        label=_("Budget range"), choices=BudgetRange.choices, initial=BudgetRange.UNDECIDED
    )
    proposal_deadline = forms.DateField(
        label=_("Proposal deadline"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Proposals are accepted until the end of this day (Japan time). "
            "Needed to publish; a draft can leave it empty."
        ),
    )
    expected_start = forms.DateField(label=_("Expected start"), required=False, widget=DateInput())
    visibility = forms.ChoiceField(
        label=_("Who can read it"),
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    subsidies = forms.ModelMultipleChoiceField(
        label=_("Subsidy programmes that may fund it"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Programmes published in the portal's 補助金・支援制度 section."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The CMS page model behind `SupportRequest.linked_subsidies` (declared by name there),
        # so community does not import cms, which sits above it.
        programmes = SupportRequest.linked_subsidies.field.related_model.objects
        # The Japanese originals: a request links the page editors own, once (not its copies).
        self.fields["subsidies"].queryset = (
            programmes.live().public().originals().order_by("closes_on", "title")
        )

    def clean_tags(self):
        return [name.strip() for name in TAG_SEPARATORS.split(self.cleaned_data["tags"]) if name]

    @classmethod
    def initial_for(cls, support_request) -> dict:
        initial = {
            name: getattr(support_request, name) for name in cls.base_fields if name != "subsidies"
        }
        initial["tags"] = ", ".join(tag.name for tag in support_request.tags.all())
        initial["subsidies"] = [page.pk for page in support_request.linked_subsidies.all()]
        return initial


class RequestFilterForm(forms.Form):
    """The list's filters (GET). Invalid values are dropped, never an error page."""

    q = forms.CharField(label=_("Keywords"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=BLANK + Category.choices
    )
    region = forms.ChoiceField(label=_("Region"), required=False, choices=BLANK + Region.choices)
    prefecture = forms.ChoiceField(label=_("Prefecture"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("Current (not withdrawn)"))]
        + [(value, label) for value, label in RequestState.choices if value != "draft"],
    )
    budget_range = forms.ChoiceField(
        label=_("Budget range"), required=False, choices=BLANK + BudgetRange.choices
    )
    deadline = forms.ChoiceField(
        label=_("Proposal deadline"),
        required=False,
        choices=BLANK
        + [
            (DeadlineWindow.ACCEPTING, _("Still accepting proposals")),
            (DeadlineWindow.WEEK, _("Closing within 7 days")),
            (DeadlineWindow.MONTH, _("Closing within 30 days")),
            (DeadlineWindow.PASSED, _("Deadline passed")),
        ],
    )
    joint = forms.ChoiceField(
        label=_("Joint requests"),
        required=False,
        choices=BLANK
        + [("yes", _("Shared by several municipalities")), ("no", _("One municipality"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("", _("Best match (when searching), else newest")),
            (Sort.NEWEST, _("Newest")),
            (Sort.DEADLINE, _("Deadline soonest")),
            (Sort.MUNICIPALITIES, _("Most municipalities")),
        ],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["prefecture"].choices = BLANK + [
            (prefecture.code, prefecture.name) for prefecture in Prefecture.objects.all()
        ]

    def filters(self) -> RequestFilters:
        """The valid part of the input as RequestFilters (call after is_valid())."""
        values = {
            name: self.cleaned_data.get(name) or ""
            for name in self.fields
            if name not in self.errors
        }
        return RequestFilters(**values)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown in the request's history)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WithdrawForm(ReasonForm):
    reason = forms.CharField(
        label=_("Why is the request withdrawn?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _yes_no(value):
    return {"yes": True, "no": False}.get(value)


class CompleteForm(ReasonForm):
    adopted = forms.TypedChoiceField(
        label=_("Was a solution adopted?"),
        choices=YES_NO,
        coerce=_yes_no,
        widget=forms.RadioSelect,
    )
    contract_route = forms.ChoiceField(
        label=_("Contract route"),
        required=False,
        choices=[("", "---------")] + ContractRoute.choices,
        help_text=_("Required when a solution was adopted."),
    )
    budget_secured = forms.TypedChoiceField(
        label=_("Was the budget secured?"),
        required=False,
        choices=[("", _("Not known"))] + YES_NO,
        coerce=_yes_no,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    lessons = forms.CharField(
        label=_("Lessons learned"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What would help another municipality facing the same problem?"),
    )


class JoinForm(forms.Form):
    comment = forms.CharField(
        label=_("How does the problem show up in your municipality? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AttachmentForm(forms.Form):
    file = UploadField(label=_("File"))


class RejectOfficialForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the official)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what to correct, e.g. the department or the municipality."),
    )
