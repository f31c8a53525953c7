"""Hooks the community app owns, so that higher apps can extend a request's life without the
community app importing them (see the layers in DESIGN.md).

* ``register_completion_owner(fn)``: ``fn(support_request) -> bool`` says that another app
  completes this request from its own data (the stage tracker completes co-created requests
  from their stages), so the request page does not offer the manual "complete" form, whose
  outcome would be typed twice.
"""

from collections.abc import Callable

_completion_owners: list[Callable] = []


def register_completion_owner(fn: Callable) -> Callable:
    if fn not in _completion_owners:
        _completion_owners.append(fn)
    return fn


def completed_elsewhere(support_request) -> bool:
    return any(owner(support_request) for owner in _completion_owners)
