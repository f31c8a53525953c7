"""The hearing (要望ヒアリング) form on a standard pattern, for verified officials."""

from django import forms
from django.core.validators import MaxLengthValidator

from portal.cms.models import PatternHearingResponse
from portal.core.text import validate_storable_text

LONG_ANSWER_MAX = 2000


class PatternHearingForm(forms.ModelForm):
    class Meta:
        model = PatternHearingResponse
        fields = ["current_situation", "scale", "constraints", "budget", "timing"]
        widgets = {
            "current_situation": forms.Textarea(attrs={"rows": 4}),
            "constraints": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("current_situation", "constraints"):
            field = self.fields[name]
            field.max_length = LONG_ANSWER_MAX
            field.widget.attrs["maxlength"] = LONG_ANSWER_MAX
            field.validators.append(MaxLengthValidator(LONG_ANSWER_MAX))
        for field in self.fields.values():
            field.validators.append(validate_storable_text)
