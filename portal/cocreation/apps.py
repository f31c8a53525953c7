import sys

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CocreationConfig(AppConfig):
    name = "portal.cocreation"
    label = "cocreation"
    verbose_name = _("Co-creation")

    def ready(self):
        # Consumers hand database work to threads (runtime.py) while the event loop thread stays
        # busy with socket I/O. With CPython's default 5 ms GIL switch interval, a database
        # thread waking from each network round trip can wait up to 5 ms for the GIL; a message
        # takes about six round trips. A shorter interval cut p95 delivery latency by half in
        # bench/channels_bench.py (README, "Performance").
        interval = getattr(settings, "COCREATION_SWITCH_INTERVAL", 0)
        if interval:
            sys.setswitchinterval(interval)
