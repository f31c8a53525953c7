"""Shared vocabularies of the DX domain, used by support requests, case studies and subsidies.

The values are stable identifiers (stored in the database and used in URLs); the labels are
English msgids translated to the Japanese terms of the committee's plan.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DXCategory(models.TextChoices):
    """DX areas (the 自治体DX推進計画's focus areas plus the committee's themes)."""

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


class ContractRoute(models.TextChoices):
    """How a municipality contracted the solution (recorded on outcomes and case studies)."""

    NEGOTIATED = "negotiated", _("Negotiated contract")
    TENDER = "tender", _("Competitive tender")
    PROPOSAL = "proposal", _("Proposal competition")
    DMP = "dmp", _("Digital Marketplace (DMP)")
    OTHER = "other", _("Other")
