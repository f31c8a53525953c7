"""A small model field for a set of choices stored in one column.

Subsidy programmes have several target areas and eligible bodies, each from a fixed list. The set
is stored as "|a|b|" so that "has value x" is `field__contains="|x|"` on SQLite and PostgreSQL
alike, without a join table per vocabulary. Editors get checkboxes.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

SEPARATOR = "|"


class ChoiceSetField(models.CharField):
    """A list of distinct choice values (in choice order), stored as "|a|b|"."""

    description = _("Set of choices")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 400)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def _ordered(self, values) -> list[str]:
        order = [value for value, _label in self.flatchoices]
        return sorted(set(values), key=lambda value: order.index(value) if value in order else 0)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple | set):
            return self._ordered(str(item) for item in value if item)
        return self._ordered(item for item in str(value).split(SEPARATOR) if item)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            # A lookup value such as "|wireless_5g|" passes through unchanged.
            return value
        values = self.to_python(value)
        return f"{SEPARATOR}{SEPARATOR.join(values)}{SEPARATOR}" if values else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        valid = {str(choice) for choice, _label in self.flatchoices}
        unknown = [item for item in value or [] if item not in valid]
        if unknown:
            raise ValidationError(
                _("Unknown choice: %(value)s"), code="invalid_choice", params={"value": unknown[0]}
            )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.choices,
            "required": not self.blank,
            "widget": forms.CheckboxSelectMultiple,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        defaults.pop("choices_form_class", None)
        defaults.pop("coerce", None)
        defaults.pop("empty_value", None)
        defaults.pop("max_length", None)
        form_class = defaults.pop("form_class")
        return form_class(**defaults)

    @staticmethod
    def contains_lookup(field_name: str, value: str) -> dict:
        """Keyword arguments for `.filter()` selecting rows whose set contains `value`."""
        return {f"{field_name}__contains": f"{SEPARATOR}{value}{SEPARATOR}"}
