"""Hooks the community app owns, so that higher apps can extend a request's life without the
community app importing them (see the layers in DESIGN.md).

* ``register_completion_owner(fn)``: ``fn(support_request) -> bool`` says that another app
  completes this request from its own data (the stage tracker completes co-created requests
  from their stages), so the request page does not offer the manual "complete" form, whose
  outcome would be typed twice.
* ``register_outcome_section(fn)``: ``fn(support_request) -> str`` adds a text section to the
  results of the case-study draft made from a completed request (e.g. the stage timeline).
"""

from collections.abc import Callable

_completion_owners: list[Callable] = []
_outcome_sections: list[Callable] = []


def register_completion_owner(fn: Callable) -> Callable:
    if fn not in _completion_owners:
        _completion_owners.append(fn)
    return fn


def register_outcome_section(fn: Callable) -> Callable:
    if fn not in _outcome_sections:
        _outcome_sections.append(fn)
    return fn


def completed_elsewhere(support_request) -> bool:
    return any(owner(support_request) for owner in _completion_owners)


def outcome_sections(support_request) -> list[str]:
    return [text for text in (section(support_request) for section in _outcome_sections) if text]
