from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LOCAL_GOVERNMENT_CODE_INVALID = _(
    "Enter a valid 6-digit local government code (全国地方公共団体コード) with its check digit."
)
_CHECK_WEIGHTS = (6, 5, 4, 3, 2)


def local_government_check_digit(first_five: str) -> int:
    """Check digit of a 全国地方公共団体コード: modulus 11 with weights 6..2 (総務省 告示)."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_five, _CHECK_WEIGHTS, strict=True)
    )
    return (11 - total % 11) % 10


def is_valid_local_government_code(code: str) -> bool:
    if not isinstance(code, str) or len(code) != 6 or not code.isascii() or not code.isdigit():
        return False
    return local_government_check_digit(code[:5]) == int(code[5])


def validate_local_government_code(code: str) -> None:
    if not is_valid_local_government_code(code):
        raise ValidationError(LOCAL_GOVERNMENT_CODE_INVALID, code="invalid_lg_code")
