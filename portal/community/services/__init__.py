"""Writes of the community app, one module per concern; everything is re-exported here."""

from portal.community.services.attachments import (
    support_request_attachment_add,
    support_request_attachment_delete,
)
from portal.community.services.joins import (
    support_request_join_accept,
    support_request_join_ask,
    support_request_join_decline,
    support_request_join_withdraw,
)
from portal.community.services.officials import (
    official_profile_submit,
    official_reject,
    official_verify,
)
from portal.community.services.support_requests import (
    support_request_complete,
    support_request_create,
    support_request_publish,
    support_request_start_co_creation,
    support_request_start_selection,
    support_request_update,
    support_request_withdraw,
)

__all__ = [
    "official_profile_submit",
    "official_reject",
    "official_verify",
    "support_request_attachment_add",
    "support_request_attachment_delete",
    "support_request_complete",
    "support_request_create",
    "support_request_join_accept",
    "support_request_join_ask",
    "support_request_join_decline",
    "support_request_join_withdraw",
    "support_request_publish",
    "support_request_start_co_creation",
    "support_request_start_selection",
    "support_request_update",
    "support_request_withdraw",
]
