"""「この自治体のCDOに相談する」: a verified official opens a private conversation with the
CDO (or the most senior verified official) of another municipality.

The channel itself is the co-creation machinery's `direct` kind
(`portal.cocreation.services.channel_open_direct`): same protocol, exactly-once delivery,
transcript export and moderation; that service refuses anyone but two verified officials.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from portal.cocreation.services import channel_open_direct
from portal.community.models import Municipality, OfficialProfile, OfficialTitle, VerificationState

ONLY_OFFICIALS = _("Only verified officials can consult another municipality's CDO.")
OWN_MUNICIPALITY = _("This is your own municipality.")
NO_OFFICIAL = _("No verified official of this municipality uses the portal yet.")

# Who answers for a municipality: its CDO first, then its CIO, and so on.
TITLE_ORDER = [
    OfficialTitle.CDO,
    OfficialTitle.CIO,
    OfficialTitle.DEPUTY,
    OfficialTitle.MANAGER,
    OfficialTitle.STAFF,
    OfficialTitle.OTHER,
]


def direct_contact_of(municipality: Municipality):
    """The verified official a consultation goes to, or None (one query)."""
    profiles = OfficialProfile.objects.filter(
        municipality=municipality,
        verification_state=VerificationState.VERIFIED,
        user__is_active=True,
    ).select_related("user")
    ranked = sorted(profiles, key=lambda p: (TITLE_ORDER.index(p.title), p.created_at, p.pk))
    return ranked[0] if ranked else None


def can_consult(user, municipality: Municipality) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_verified_official
        and user.official_profile.municipality_id != municipality.code
    )


def direct_conversation_open(*, actor, municipality: Municipality):
    """Open (or reuse) the actor's conversation with `municipality`'s CDO; returns the channel."""
    if not (actor.is_authenticated and actor.is_verified_official):
        raise PermissionDenied(ONLY_OFFICIALS)
    if actor.official_profile.municipality_id == municipality.code:
        raise ValidationError(OWN_MUNICIPALITY)
    contact = direct_contact_of(municipality)
    if contact is None:
        raise ValidationError(NO_OFFICIAL)
    mine = actor.official_profile.municipality
    name = f"{mine.name} {actor.display_name} ⇄ {municipality.name} {contact.user.display_name}"
    channel, _told = channel_open_direct(initiator=actor, recipient=contact.user, name=name)
    return channel
