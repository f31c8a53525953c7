"""Errors of the co-creation channels: a stable code for programs, a translated detail for people.

The same codes are used by services (raised as `ChannelError`), the WebSocket protocol (sent as
`{"type": "error", "code": ..., "detail": ...}` frames) and the HTML views (shown as messages).
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.cocreation.models import MESSAGE_MAX_CHARS
from portal.core.text import UNSTORABLE_TEXT_CODE, UNSTORABLE_TEXT_MESSAGE

INVALID_JSON = "invalid_json"
INVALID_FRAME = "invalid_frame"
UNKNOWN_TYPE = "unknown_type"
INVALID_FIELD = "invalid_field"
FRAME_TOO_LARGE = "frame_too_large"
MESSAGE_TOO_LONG = "message_too_long"
EMPTY_MESSAGE = "empty_message"
RATE_LIMITED = "rate_limited"
FORBIDDEN = "forbidden"
READ_ONLY = "read_only"
NOT_FOUND = "not_found"
NOT_AUTHOR = "not_author"
ALREADY_DELETED = "already_deleted"
UNAVAILABLE = "unavailable"
SIGNED_OUT = "signed_out"
UNSTORABLE = UNSTORABLE_TEXT_CODE
TOO_NESTED = "too_nested"

DETAILS = {
    INVALID_JSON: _("The frame is not valid JSON."),
    INVALID_FRAME: _("The frame must be a JSON object with a “type”."),
    UNKNOWN_TYPE: _("Unknown frame type."),
    INVALID_FIELD: _("A field of the frame is missing or has the wrong type."),
    FRAME_TOO_LARGE: _("The frame is too large."),
    MESSAGE_TOO_LONG: format_lazy(
        _("A message can be at most {max} characters long."), max=MESSAGE_MAX_CHARS
    ),
    EMPTY_MESSAGE: _("The message is empty."),
    RATE_LIMITED: _("You are sending too fast. Please wait a moment and try again."),
    FORBIDDEN: _("You are not a member of this channel."),
    READ_ONLY: _("You can read this channel but not write in it."),
    NOT_FOUND: _("That message does not exist in this channel."),
    NOT_AUTHOR: _("You can only change your own messages."),
    ALREADY_DELETED: _("That message has been deleted."),
    UNAVAILABLE: _("The service is briefly unavailable. Your message will be sent again."),
    SIGNED_OUT: _("You are not signed in. Sign in again to use this channel."),
    UNSTORABLE: UNSTORABLE_TEXT_MESSAGE,
    TOO_NESTED: _("The frame is nested too deeply."),
}

# Codes after which a client should keep the message in its outbox and send it again later;
# after any other code, sending the same frame again gets the same answer.
RETRYABLE = frozenset({RATE_LIMITED, UNAVAILABLE})


class ChannelError(Exception):
    """A rule of the channels was broken; `code` is one of the constants above."""

    def __init__(self, code: str, detail=None):
        self.code = code
        self.detail = detail if detail is not None else DETAILS[code]
        super().__init__(code)

    def __str__(self):
        return str(self.detail)
