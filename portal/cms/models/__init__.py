"""Wagtail page types of the portal; one module per section of the site."""

from portal.cms.models.base import PortalPage
from portal.cms.models.case_studies import (
    CaseStudyIndexPage,
    CaseStudyKPI,
    CaseStudyMunicipality,
    CaseStudyPage,
    CaseStudyPartner,
    CaseStudyTag,
    CostBand,
    SizeBand,
)
from portal.cms.models.community import (
    CommunityGroupActivity,
    CommunityGroupMember,
    CommunityGroupPage,
    CommunityPage,
    GroupKind,
    MemberRole,
)
from portal.cms.models.events import (
    EventFormat,
    EventIndexPage,
    EventKind,
    EventPage,
    EventRegistration,
    RegistrationStatus,
)
from portal.cms.models.home import HomePage
from portal.cms.models.news import NewsIndexPage, NewsPage
from portal.cms.models.reports import ReportIndexPage, ReportPage
from portal.cms.models.standard import StandardPage
from portal.cms.models.subsidies import (
    EligibleBody,
    Ministry,
    SubsidyProgrammeIndexPage,
    SubsidyProgrammePage,
    SubsidyStatus,
)
from portal.cms.models.trust import ContactPage, OperatorPage, PrivacyPolicyPage, TermsPage

__all__ = [
    "CaseStudyIndexPage",
    "CaseStudyKPI",
    "CaseStudyMunicipality",
    "CaseStudyPage",
    "CaseStudyPartner",
    "CaseStudyTag",
    "CommunityGroupActivity",
    "CommunityGroupMember",
    "CommunityGroupPage",
    "CommunityPage",
    "ContactPage",
    "CostBand",
    "EligibleBody",
    "EventFormat",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventRegistration",
    "GroupKind",
    "HomePage",
    "MemberRole",
    "Ministry",
    "NewsIndexPage",
    "NewsPage",
    "OperatorPage",
    "PortalPage",
    "PrivacyPolicyPage",
    "RegistrationStatus",
    "ReportIndexPage",
    "ReportPage",
    "SizeBand",
    "StandardPage",
    "SubsidyProgrammeIndexPage",
    "SubsidyProgrammePage",
    "SubsidyStatus",
    "TermsPage",
]
