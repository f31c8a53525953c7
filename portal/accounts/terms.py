"""The terms of use that users consent to, as a hook the page layer fills in.

accounts is the ground of the portal and imports no other portal app, so it cannot look up the
CMS page that holds the terms. Instead the CMS registers a provider here (in its AppConfig.ready)
that says which version is current and where the terms and the privacy policy are read.
"""

from collections.abc import Callable
from dataclasses import dataclass

SESSION_PENDING_KEY = "portal_terms_pending"


@dataclass(frozen=True)
class CurrentTerms:
    """The version users must have accepted, and where they read it (absolute paths)."""

    version: str
    terms_url: str
    privacy_url: str = ""


_provider: Callable[[], CurrentTerms | None] | None = None


def register_terms_provider(provider: Callable[[], CurrentTerms | None]) -> None:
    """Install the function that returns the current terms (the CMS's published terms page)."""
    global _provider  # noqa: PLW0603 - one process-wide hook, set once at start-up
    _provider = provider


def current_terms() -> CurrentTerms | None:
    """The current terms, or None when no terms are published (consent is then not asked)."""
    if _provider is None:
        return None
    terms = _provider()
    if terms is None or not terms.version:
        return None
    return terms
