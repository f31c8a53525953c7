"""Where a `?next=` (or a posted `next`) may send the user back to."""

import re

from django.utils.http import url_has_allowed_host_and_scheme

# Control characters (NUL included) and U+FFFD, which Django puts where the address held bytes
# that are not UTF-8: no page of the portal has them in its path.
_UNSAFE = re.compile("[\x00-\x1f\x7f\ufffd]")


def safe_next_url(request, candidate: str | None) -> str | None:
    """`candidate` if it is a path on this site (``/ja/…``), else None.

    Only absolute paths: a bare word would be taken for a view name by ``redirect()`` (and a
    missing one raises), and a URL with a host is never needed for going back within the portal.
    """
    candidate = candidate or ""
    if not candidate.startswith("/") or candidate.startswith("//") or _UNSAFE.search(candidate):
        return None
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else None
