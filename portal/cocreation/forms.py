import uuid

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from portal.cocreation.models import (
    CLIENT_ID_PATTERN,
    COMMUNITY_KINDS,
    MAX_FILES_PER_MESSAGE,
    MESSAGE_MAX_CHARS,
    Channel,
    ChannelKind,
    Privacy,
)
from portal.core.uploads import UploadField


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleUploadField(UploadField):
    """Several files in one input, each checked by the portal's upload rules."""

    def __init__(self, *, max_files: int, **kwargs):
        self.max_files = max_files
        kwargs.setdefault("widget", MultipleFileInput)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > self.max_files:
            raise forms.ValidationError(
                _("You can attach at most %(limit)d files to a message."),
                code="too_many",
                params={"limit": self.max_files},
            )
        if not files:
            return super().clean(None, initial)
        cleaned = []
        for upload in files:
            cleaned.append(super().clean(upload, initial))
        return cleaned


class MessageForm(forms.Form):
    """The composer. Without JavaScript it posts here; `client_id` makes a double submit harmless."""

    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_CHARS,
        strip=True,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Enter sends, Shift+Enter starts a new line. **bold**, *italic*, `code` and links "
            "are formatted; write @name to notify a member."
        ),
    )
    files = MultipleUploadField(
        label=_("Attach files"), required=False, max_files=MAX_FILES_PER_MESSAGE
    )
    client_id = forms.CharField(
        widget=forms.HiddenInput, validators=[RegexValidator(CLIENT_ID_PATTERN)]
    )
    reply_to = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("client_id", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("body") and not cleaned.get("files") and "files" not in self.errors:
            self.add_error("body", _("Write a message or attach a file."))
        return cleaned


class MessageEditForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class CommunityChannelForm(forms.ModelForm):
    class Meta:
        model = Channel
        fields = ["name", "kind", "description", "privacy"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "name": _("For example: ICT利活用WG"),
            "privacy": _("Who can read the channel besides its members."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (value, label) for value, label in ChannelKind.choices if value in COMMUNITY_KINDS
        ]
        self.fields["privacy"].initial = Privacy.OPEN


class MemberAddForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person to add"),
        help_text=_("They must already use the portal."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search this channel"), max_length=100, strip=True)
