"""Over-long request lines and headers get an HTTP answer from Daphne, not a dropped connection.

Daphne parses HTTP with Twisted's `HTTPChannel`, a LineReceiver: a request line longer than
`MAX_LENGTH` (16 KiB) makes it close the connection without a word, and headers beyond
`totalHeadersSize` get a bare "400" written just before the close, which the client usually
never reads (it is still sending, so the kernel answers with a reset). `install()` makes the
channel answer **414 URI Too Long** for the request line and **431 Request Header Fields Too
Large** for the headers, with `Connection: close`, then half-closes the connection and ignores
whatever the client still sends for up to DRAIN_SECONDS, so the answer arrives.

The limits are these constants (read from Twisted 25's source; the README's "Production topology"
gives the matching reverse-proxy settings). Installed from portal/asgi.py, i.e. in every Daphne
process before it accepts connections.
"""

from twisted.web import http

REQUEST_LINE_LIMIT = 16 * 1024  # Twisted's own LineReceiver.MAX_LENGTH, stated
HEADERS_LIMIT = 32 * 1024  # request line + all headers (Twisted's default is 16 KiB)
DRAIN_SECONDS = 10

_ANSWERS = {
    414: (b"414 URI Too Long", "The address is too long (at most {limit} bytes).\n"),
    431: (
        b"431 Request Header Fields Too Large",
        "The request headers are too large (at most {limit} bytes in all).\n",
    ),
}


def _refuse(channel, status: int) -> None:
    """Answer `status`, then drain and close without resetting the connection."""
    reason, text = _ANSWERS[status]
    limit = REQUEST_LINE_LIMIT if status == 414 else HEADERS_LIMIT
    body = text.format(limit=limit).encode()
    channel.transport.write(
        b"HTTP/1.1 " + reason + b"\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body
    )
    # Twisted's own idiom for "ignore the rest of this connection's bytes".
    channel.dataReceived = channel.lineReceived = lambda *args: None
    channel.setTimeout(None)
    channel.transport.loseWriteConnection()
    channel.callLater(DRAIN_SECONDS, channel.transport.abortConnection)


def _request_line_pending(channel) -> bool:
    return bool(channel._HTTPChannel__first_line)


def install() -> None:
    """Patch Twisted's HTTPChannel once (idempotent)."""
    channel_class = http.HTTPChannel
    if getattr(channel_class, "_portal_limits", False):
        return
    original_line_received = channel_class.lineReceived

    def lineLengthExceeded(self, line):  # noqa: N802 - Twisted's name
        _refuse(self, 414 if _request_line_pending(self) else 431)

    def lineReceived(self, line):  # noqa: N802 - Twisted's name
        if self._receivedHeaderSize + len(line) > self.totalHeadersSize:
            _refuse(self, 414 if _request_line_pending(self) else 431)
            return None
        return original_line_received(self, line)

    channel_class.MAX_LENGTH = REQUEST_LINE_LIMIT
    channel_class.totalHeadersSize = HEADERS_LIMIT
    channel_class.lineLengthExceeded = lineLengthExceeded
    channel_class.lineReceived = lineReceived
    channel_class._portal_limits = True
