"""DX areas shared by support requests, case studies, subsidies and followed categories."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DXCategory(models.TextChoices):
    ONLINE_PROCEDURES = "online_procedures", _("Online administrative procedures")
    AI_RPA = "ai_rpa", _("AI and RPA")
    TELEWORK = "telework", _("Telework")
    SECURITY = "security", _("Security")
    STANDARDISATION = "standardisation", _("System standardisation")
    MY_NUMBER = "my_number", _("My Number Card")
    DISASTER = "disaster", _("Disaster prevention")
    HEALTH_WELFARE = "health_welfare", _("Health and welfare")
    EDUCATION = "education", _("Education")
    SMART_AGRICULTURE = "smart_agriculture", _("Smart agriculture")
    TOURISM = "tourism", _("Tourism")
    TRANSPORT = "transport", _("Transport")
    WIRELESS_5G = "wireless_5g", _("Advanced wireless / local 5G")
    DATA_LINKAGE = "data_linkage", _("Data linkage")
    OTHER = "other", _("Other")
