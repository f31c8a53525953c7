from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.uploads import UploadField
from portal.startups.models import Proposal


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["summary", "body", "estimated_cost_yen", "timeline"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 14}),
            "estimated_cost_yen": forms.NumberInput(attrs={"min": 0, "step": 1000}),
        }
        help_texts = {
            "summary": _("One or two sentences; shown to the municipality in the comparison."),
            "estimated_cost_yen": _("Total estimated cost, in yen, tax included."),
        }


class ProposalAttachmentForm(forms.Form):
    file = UploadField(label=_("File"))


class DeclineForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the startup"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent to the startup's members with the decision. Be specific and kind."),
    )


class WithdrawProposalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
