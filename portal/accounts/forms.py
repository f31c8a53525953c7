from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.accounts.terms import CurrentTerms, current_terms


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        terms = current_terms()
        if terms is not None:
            self.fields["accept_terms"] = terms_consent_field(terms)

    def signup(self, request, user):
        """Called by allauth after the user is created; the adapter already copied the fields."""


def terms_consent_field(terms: CurrentTerms) -> forms.BooleanField:
    """A required "I agree" box whose label links to the terms and the privacy policy."""
    if terms.privacy_url:
        label = format_html(
            _(
                'I agree to the <a href="{}">terms of use</a> and the <a href="{}">privacy policy</a>.'
            ),
            terms.terms_url,
            terms.privacy_url,
        )
    else:
        label = format_html(_('I agree to the <a href="{}">terms of use</a>.'), terms.terms_url)
    return forms.BooleanField(
        label=label,
        required=True,
        error_messages={"required": TERMS_REQUIRED_ERROR},
    )


TERMS_REQUIRED_ERROR = _("Please read and accept the terms of use to continue.")


class TermsConsentForm(forms.Form):
    """Asked at sign-in when the terms changed since the user last accepted them."""

    def __init__(self, *args, terms: CurrentTerms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"] = terms_consent_field(terms)


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=80)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )
