from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.categories import DXCategory
from portal.notifications.kinds import EmailMode, all_kinds

FIELD_PREFIX = "email_"


class NotificationSettingsForm(forms.Form):
    """Email mode per kind (grouped as the registry groups them) and the followed categories."""

    followed_categories = forms.MultipleChoiceField(
        label=_("Categories I follow"),
        help_text=_(
            "You are notified when the application deadline of a subsidy programme in one of "
            "these categories approaches."
        ),
        choices=DXCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, modes: dict[str, str], categories: list[str], **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].update({FIELD_PREFIX + name: mode for name, mode in modes.items()})
        kwargs["initial"]["followed_categories"] = categories
        super().__init__(*args, **kwargs)
        for kind in all_kinds():
            self.fields[FIELD_PREFIX + kind.name] = forms.ChoiceField(
                label=kind.label, choices=EmailMode.choices
            )

    def kind_groups(self) -> list[tuple[str, list]]:
        """(heading, bound fields) in registry order, for one fieldset per group."""
        groups: dict[str, list] = {}
        for kind in all_kinds():
            groups.setdefault(str(kind.group), []).append(self[FIELD_PREFIX + kind.name])
        return list(groups.items())

    def email_modes(self) -> dict[str, str]:
        return {
            name.removeprefix(FIELD_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(FIELD_PREFIX)
        }
