"""Reads of the community app; everything is re-exported here."""

from portal.community.selectors.municipalities import (
    MUNICIPALITY_PICKER_LIMIT,
    municipality_choices,
    prefecture_list,
    prefecture_or_none,
    verified_officials_of,
)
from portal.community.selectors.officials import pending_official_profiles
from portal.community.selectors.support_requests import (
    LIST_PAGE_SIZE,
    DeadlineWindow,
    RequestFilters,
    Sort,
    dashboard_for_official,
    requests_of_municipality,
    similar_requests,
    support_request_attachment_get_for_user,
    support_request_feed,
    support_request_get_for_edit,
    support_request_get_for_user,
    support_request_join_get_for_user,
    support_request_list,
)

__all__ = [
    "LIST_PAGE_SIZE",
    "MUNICIPALITY_PICKER_LIMIT",
    "DeadlineWindow",
    "RequestFilters",
    "Sort",
    "dashboard_for_official",
    "municipality_choices",
    "pending_official_profiles",
    "prefecture_list",
    "prefecture_or_none",
    "requests_of_municipality",
    "similar_requests",
    "support_request_attachment_get_for_user",
    "support_request_feed",
    "support_request_get_for_edit",
    "support_request_get_for_user",
    "support_request_join_get_for_user",
    "support_request_list",
    "verified_officials_of",
]
