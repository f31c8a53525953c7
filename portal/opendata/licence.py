"""The licence every open dataset is published under, and how to credit the portal."""

from django.utils.translation import gettext_lazy as _

LICENSE_NAME = "CC BY 4.0"
LICENSE_TITLE = "Creative Commons Attribution 4.0 International"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_DEED_JA = "https://creativecommons.org/licenses/by/4.0/deed.ja"
PUBLISHER_NAME = "地域DX共創ポータル（Japan CDO Community）"
PUBLISHER_NAME_EN = "Regional DX Co-creation Portal (Japan CDO Community)"

# The credit line users of the data are asked to show (a CC BY 4.0 attribution).
ATTRIBUTION = _("Source: 地域DX共創ポータル (Japan CDO Community), licensed under CC BY 4.0")

LINK_HEADER = f'<{LICENSE_URL}>; rel="license"'


def licence_block() -> dict:
    """The licence as it appears in API responses and downloads."""
    return {"name": LICENSE_NAME, "url": LICENSE_URL, "attribution": str(ATTRIBUTION)}
