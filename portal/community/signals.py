"""What happens in community that apps above it react to.

Community does not import them: it sends a signal, and the higher app connects a receiver in its
`AppConfig.ready` (startups runs its alerts on `support_request_published`).
"""

from django.dispatch import Signal

# Sent once a request's publication (draft → open) is committed. Keyword: `support_request_id`.
support_request_published = Signal()
