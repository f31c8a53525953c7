"""An email backend that only counts: demo seeding sends hundreds of notification emails, which
would bury the demo logins under pages of console output."""

from django.core.mail.backends.base import BaseEmailBackend


class CountingEmailBackend(BaseEmailBackend):
    """Delivers nothing; `sent` counts the messages handed to it since the last `reset()`."""

    sent = 0

    def send_messages(self, email_messages):
        count = len(list(email_messages))
        CountingEmailBackend.sent += count
        return count

    @classmethod
    def reset(cls) -> None:
        cls.sent = 0
