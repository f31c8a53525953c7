"""Wagtail page types of the portal; one module per section of the site.

A page model here imports `portal.cms.selectors`, `.views` and `.feeds` inside its methods, and
those modules import the models: that loop is Wagtail's own idiom, kept on purpose. Wagtail serves
a page by calling the page (`get_context` for its listing, `RoutablePageMixin` routes for its
sub-pages such as an event's registration or a feed), so the page is the entry point that hands
the request to a view, as a URLconf would. The lazy imports keep the models loadable first; the
import contract (pyproject.toml) lists exactly these as its allowed loop.
"""

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
    size_band_for_population,
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
from portal.cms.models.patterns import (
    ComponentLayer,
    HearingTiming,
    NetworkKind,
    PatternCase,
    PatternComponent,
    PatternDomain,
    PatternHearingResponse,
    PatternIndexPage,
    PatternKPI,
    PatternPage,
    PatternStartup,
    PatternStep,
    PatternSubsidy,
    split_applies_to,
)
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
    "ComponentLayer",
    "CostBand",
    "EligibleBody",
    "EventFormat",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventRegistration",
    "GroupKind",
    "HearingTiming",
    "HomePage",
    "MemberRole",
    "Ministry",
    "NetworkKind",
    "NewsIndexPage",
    "NewsPage",
    "OperatorPage",
    "PatternCase",
    "PatternComponent",
    "PatternDomain",
    "PatternHearingResponse",
    "PatternIndexPage",
    "PatternKPI",
    "PatternPage",
    "PatternStartup",
    "PatternStep",
    "PatternSubsidy",
    "PortalPage",
    "PrivacyPolicyPage",
    "RegistrationStatus",
    "ReportIndexPage",
    "ReportPage",
    "SizeBand",
    "size_band_for_population",
    "StandardPage",
    "split_applies_to",
    "SubsidyProgrammeIndexPage",
    "SubsidyProgrammePage",
    "SubsidyStatus",
    "TermsPage",
]
