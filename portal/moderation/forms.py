from django import forms
from django.utils.translation import gettext_lazy as _

from portal.moderation.models import AuditAction, ReportReason
from portal.moderation.registry import kind_choices


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Details for the moderators (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the moderators read this."),
    )


class ReasonForm(forms.Form):
    """Every moderator action asks for a reason (recorded in the audit log)."""

    reason = forms.CharField(
        label=_("Reason (recorded in the audit log)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("When content is hidden, its author reads this reason."),
    )


class QueueFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    reason = forms.ChoiceField(
        label=_("Reason"), required=False, choices=[("", _("All reasons")), *ReportReason.choices]
    )
    sort = forms.ChoiceField(
        label=_("Sort order"),
        required=False,
        choices=[("newest", _("Newest first")), ("most", _("Most reported first"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *kind_choices()]


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Moderator action"),
        required=False,
        choices=[("", _("All actions")), *AuditAction.choices],
    )
    actor = forms.CharField(label=_("Moderator (email)"), required=False, max_length=254)
    target_kind = forms.ChoiceField(label=_("Target kind"), required=False)
    date_from = forms.DateField(
        label=_("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_kind"].choices = [
            ("", _("All kinds")),
            *kind_choices(),
            ("official", _("Official profile")),
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data
