from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CORPORATE_NUMBER_INVALID = _(
    "Enter a valid 13-digit corporate number (法人番号); the first digit is a check digit."
)


def corporate_number_check_digit(base12: str) -> int:
    """Check digit of a 法人番号 (国税庁): 9 - (Σ Pn×Qn mod 9), n counted from the right, Qn 1/2."""
    total = sum(
        int(digit) * (2 if position % 2 == 0 else 1)
        for position, digit in enumerate(reversed(base12), start=1)
    )
    return 9 - total % 9


def is_valid_corporate_number(value: str) -> bool:
    if not isinstance(value, str) or len(value) != 13 or not value.isascii() or not value.isdigit():
        return False
    return corporate_number_check_digit(value[1:]) == int(value[0])


def validate_corporate_number(value: str) -> None:
    if not is_valid_corporate_number(value):
        raise ValidationError(CORPORATE_NUMBER_INVALID, code="invalid_corporate_number")
