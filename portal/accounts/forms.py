from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SignupExtraForm(forms.Form):
    """Fields allauth's signup form gains: how others see the user and which language they read."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        help_text=_("Shown to other users, e.g. 山田 太郎."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        initial="ja",
        help_text=_("Used for emails and notifications."),
    )

    def signup(self, request, user):
        """Called by allauth after the user is created; the adapter already copied the fields."""


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=80)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )
