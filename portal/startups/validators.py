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


LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_INVALID = _(
    "The logo must be a PNG, JPEG or WebP image (SVG is not accepted); the content decides, "
    "not the file name."
)
LOGO_TOO_LARGE = _("The logo is too large (%(size)s). It can be at most 2 MB.")
LOGO_MAX_PIXELS = 5000 * 5000


def validate_logo(upload) -> str:
    """Check a logo upload by its content; returns the detected extension.

    The signature must be PNG, JPEG or WebP (so SVG, HTML or a renamed PDF fail) and Pillow
    must be able to read the whole image (a valid header followed by garbage fails too).
    """
    from django.template.defaultfilters import filesizeformat
    from PIL import Image

    from portal.core.uploads import detect_type

    size = upload.size or 0
    if size > LOGO_MAX_BYTES:
        raise ValidationError(
            LOGO_TOO_LARGE, code="too_large", params={"size": filesizeformat(size)}
        )
    allowed = detect_type(upload) if size else None
    if allowed is None or allowed.extension not in {"png", "jpg", "webp"}:
        raise ValidationError(LOGO_INVALID, code="invalid_logo")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.width * image.height > LOGO_MAX_PIXELS:
                raise ValidationError(LOGO_INVALID, code="invalid_logo")
            image.load()
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many kinds for broken files
        raise ValidationError(LOGO_INVALID, code="invalid_logo") from error
    finally:
        upload.seek(0)
    return allowed.extension
