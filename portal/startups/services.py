"""Writes for startups: creation, team membership, invitations, track records, verification."""

import re

from anyascii import anyascii
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import Role, User
from portal.accounts.services import user_complete_onboarding
from portal.community.models import Municipality, Prefecture, VerificationState
from portal.core.audit import audit_record, snapshot
from portal.notifications.services import notify
from portal.search import index
from portal.startups import emails, permissions
from portal.startups.models import (
    JoinRequestState,
    MemberRole,
    Startup,
    StartupCategory,
    StartupInvitation,
    StartupJoinRequest,
    StartupMember,
    TrackRecord,
    TrackRecordState,
)
from portal.startups.validators import validate_logo

LAST_OWNER = _("A startup must keep at least one owner. Make someone else an owner first.")
ALREADY_IN_A_STARTUP = _("You already belong to a startup. Leave it before joining another.")
INVITATION_UNUSABLE = _("This invitation has expired, was revoked or was already used.")
INVITATION_OTHER_EMAIL = _(
    "This invitation was sent to another email address. Sign in with that address to accept it."
)
ALREADY_MEMBER = _("This person is already a member of the startup.")
NOT_ALLOWED = _("You do not have permission to do this.")
NOT_OFFICIAL_OF_MUNICIPALITY = _(
    "Only a verified official of this municipality can confirm or reject this record."
)
ALREADY_DECIDED = _("This has already been decided.")


# Legal-form words add nothing to a URL and transliterate as Chinese ("zhushihuishe" for 株式会社).
LEGAL_FORMS = re.compile(
    r"株式会社|合同会社|有限会社|合資会社|合名会社|一般社団法人|一般財団法人|特定非営利活動法人|NPO法人"
    r"|（株）|\(株\)|（同）|\(同\)|（有）|\(有\)"
)


def _unique_slug(name: str, requested: str = "") -> str:
    base = slugify(requested or anyascii(LEGAL_FORMS.sub(" ", name)))[:60].strip("-") or "startup"
    slug, n = base, 2
    while Startup.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _forget_membership(user: User) -> None:
    user.__dict__.pop("startup_membership", None)


def _managers(startup: Startup) -> list[User]:
    return [
        member.user
        for member in startup.members.select_related("user").filter(
            role__in=permissions.MANAGER_ROLES
        )
    ]


@transaction.atomic
def startup_create(
    *,
    owner: User,
    name: str,
    corporate_number: str = "",
    website: str = "",
    summary: str = "",
    hq_prefecture: Prefecture | None = None,
    slug: str = "",
) -> Startup:
    """Create a startup (pending verification) with `owner` as its first owner."""
    if owner.startup_membership is not None:
        raise ValidationError(ALREADY_IN_A_STARTUP)
    startup = Startup(
        name=name.strip(),
        slug=_unique_slug(name, slug),
        corporate_number=corporate_number.strip(),
        website=website,
        summary=summary.strip(),
        hq_prefecture=hq_prefecture,
    )
    startup.full_clean()
    startup.save()
    StartupMember.objects.create(startup=startup, user=owner, role=MemberRole.OWNER)
    user_complete_onboarding(user=owner, role=Role.STARTUP)
    _forget_membership(owner)
    index.index_object(startup)
    return startup


def _replace_logo(startup: Startup, logo) -> None:
    """None keeps the logo, False removes it, a file (checked by content) replaces it. The old
    file is deleted once the new state is committed."""
    if logo is None or (logo is False and not startup.logo):
        return
    old_name, storage = startup.logo.name, startup.logo.storage
    if logo is False:
        startup.logo = None
    else:
        extension = validate_logo(logo)
        startup.logo.save(f"logo.{extension}", logo, save=False)
    if old_name:
        transaction.on_commit(lambda: storage.delete(old_name))


@transaction.atomic
def startup_update_profile(
    *, startup: Startup, actor: User, categories: list[str], tags: list[str], **fields
) -> Startup:
    """Edit the public profile; only owners, admins and moderators."""
    if not permissions.can_edit_profile(actor, startup):
        raise PermissionDenied(NOT_ALLOWED)
    _replace_logo(startup, fields.pop("logo", None))
    for name, value in fields.items():
        setattr(startup, name, value.strip() if isinstance(value, str) else value)
    if startup.verification_state == VerificationState.REJECTED:
        # A corrected profile goes back to the moderators' queue.
        startup.verification_state = VerificationState.PENDING
    startup.full_clean()
    startup.save()
    startup.categories.exclude(category__in=categories).delete()
    existing = set(startup.categories.values_list("category", flat=True))
    StartupCategory.objects.bulk_create(
        [StartupCategory(startup=startup, category=c) for c in categories if c not in existing]
    )
    startup.tags.set(tags, clear=True)
    startup.__dict__.pop("_prefetched_objects_cache", None)  # index the new areas and tags
    index.index_object(startup)
    return startup


@transaction.atomic
def startup_join_request_create(
    *, user: User, startup: Startup, message: str = ""
) -> StartupJoinRequest:
    """Ask to join `startup`; asking again while a request is pending returns that request."""
    if user.startup_membership is not None:
        raise ValidationError(ALREADY_IN_A_STARTUP)
    join_request, created = StartupJoinRequest.objects.get_or_create(
        startup=startup,
        user=user,
        state=JoinRequestState.PENDING,
        defaults={"message": message.strip()},
    )
    user_complete_onboarding(user=user, role=Role.STARTUP)
    if created:
        notify(
            kind="startup_join_requested",
            recipients=_managers(startup),
            target=startup,
            actor=user,
            context={"url": reverse("startups:members", args=[startup.slug])},
        )
    return join_request


@transaction.atomic
def startup_join_request_decide(
    *, join_request: StartupJoinRequest, actor: User, approve: bool
) -> StartupJoinRequest:
    join_request = StartupJoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not permissions.can_manage_members(actor, join_request.startup):
        raise PermissionDenied(NOT_ALLOWED)
    if join_request.state != JoinRequestState.PENDING:
        raise ValidationError(ALREADY_DECIDED)
    if approve:
        if StartupMember.objects.filter(user=join_request.user).exists():
            raise ValidationError(ALREADY_MEMBER)
        StartupMember.objects.create(
            startup=join_request.startup, user=join_request.user, role=MemberRole.MEMBER
        )
        _forget_membership(join_request.user)
    join_request.state = JoinRequestState.APPROVED if approve else JoinRequestState.DECLINED
    join_request.save(update_fields=["state", "updated_at"])
    notify(
        kind="startup_join_approved" if approve else "startup_join_declined",
        recipients=[join_request.user],
        target=join_request.startup,
        actor=actor,
    )
    return join_request


@transaction.atomic
def startup_invite(*, startup: Startup, actor: User, email: str, role: str) -> StartupInvitation:
    """Invite someone by email; the link expires after seven days."""
    if not permissions.can_manage_members(actor, startup):
        raise PermissionDenied(NOT_ALLOWED)
    if role == MemberRole.OWNER and not permissions.can_change_roles(actor, startup):
        raise PermissionDenied(NOT_ALLOWED)
    email = email.strip().lower()
    if startup.members.filter(user__email__iexact=email).exists():
        raise ValidationError(ALREADY_MEMBER)
    invitation = StartupInvitation(startup=startup, email=email, role=role, invited_by=actor)
    invitation.full_clean()
    invitation.save()
    invitee = User.objects.filter(email__iexact=email, is_active=True).first()
    if invitee is not None:
        notify(
            kind="startup_invitation",
            recipients=[invitee],
            target=invitation,
            actor=actor,
            context={"startup_name": startup.name},
        )
    else:
        transaction.on_commit(lambda: emails.send_invitation(invitation=invitation))
    return invitation


@transaction.atomic
def startup_invitation_revoke(*, invitation: StartupInvitation, actor: User) -> StartupInvitation:
    if not permissions.can_manage_members(actor, invitation.startup):
        raise PermissionDenied(NOT_ALLOWED)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    return invitation


@transaction.atomic
def startup_invitation_accept(*, invitation: StartupInvitation, user: User) -> StartupMember:
    invitation = StartupInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable():
        raise ValidationError(INVITATION_UNUSABLE)
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(INVITATION_OTHER_EMAIL)
    if user.startup_membership is not None:
        raise ValidationError(ALREADY_IN_A_STARTUP)
    member = StartupMember.objects.create(
        startup=invitation.startup, user=user, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    user_complete_onboarding(user=user, role=Role.STARTUP)
    _forget_membership(user)
    return member


def _owner_count(startup: Startup) -> int:
    return StartupMember.objects.filter(startup=startup, role=MemberRole.OWNER).count()


def _lock_members(startup: Startup) -> None:
    """Serialise membership changes of one startup so two owners cannot both step down."""
    Startup.objects.select_for_update().filter(pk=startup.pk).first()


@transaction.atomic
def startup_member_change_role(*, member: StartupMember, actor: User, role: str) -> StartupMember:
    _lock_members(member.startup)
    if not permissions.can_change_roles(actor, member.startup):
        raise PermissionDenied(NOT_ALLOWED)
    member.refresh_from_db()
    if (
        member.role == MemberRole.OWNER
        and role != MemberRole.OWNER
        and _owner_count(member.startup) == 1
    ):
        raise ValidationError(LAST_OWNER)
    member.role = role
    member.full_clean()
    member.save(update_fields=["role", "updated_at"])
    return member


@transaction.atomic
def startup_member_remove(*, member: StartupMember, actor: User) -> None:
    """Owners remove anyone; admins remove plain members; everyone may leave (actor == member)."""
    _lock_members(member.startup)
    member.refresh_from_db()
    leaving = member.user_id == actor.pk
    if not leaving:
        allowed = permissions.can_change_roles(actor, member.startup) or (
            permissions.can_manage_members(actor, member.startup)
            and member.role == MemberRole.MEMBER
        )
        if not allowed:
            raise PermissionDenied(NOT_ALLOWED)
    if member.role == MemberRole.OWNER and _owner_count(member.startup) == 1:
        raise ValidationError(LAST_OWNER)
    user = member.user
    member.delete()
    _forget_membership(user)


@transaction.atomic
def track_record_claim(
    *,
    startup: Startup,
    actor: User,
    municipality: Municipality,
    category: str,
    title: str,
    year: int,
    description: str = "",
) -> TrackRecord:
    if not permissions.can_edit_profile(actor, startup):
        raise PermissionDenied(NOT_ALLOWED)
    record = TrackRecord(
        startup=startup,
        municipality=municipality,
        category=category,
        title=title.strip(),
        year=year,
        description=description.strip(),
        claimed_by=actor,
    )
    record.full_clean()
    record.save()
    from portal.community.selectors import verified_officials_of

    officials = [profile.user for profile in verified_officials_of(municipality=municipality)]
    notify(
        kind="track_record_claimed",
        recipients=officials,
        target=startup,
        actor=actor,
        context={
            "url": reverse("startups:track_record_review"),
            "municipality": municipality.full_name,
            "title": record.title,
        },
    )
    return record


@transaction.atomic
def track_record_decide(
    *, record: TrackRecord, actor: User, confirm: bool, comment: str = ""
) -> TrackRecord:
    record = TrackRecord.objects.select_for_update().select_related("startup").get(pk=record.pk)
    profile = actor.official_profile
    if not (actor.is_verified_official and profile.municipality_id == record.municipality_id):
        raise PermissionDenied(NOT_OFFICIAL_OF_MUNICIPALITY)
    if record.state != TrackRecordState.PENDING:
        raise ValidationError(ALREADY_DECIDED)
    record.state = TrackRecordState.CONFIRMED if confirm else TrackRecordState.REJECTED
    record.decided_by = actor
    record.decided_at = timezone.now()
    record.decision_comment = comment.strip()
    record.save()
    return record


STARTUP_NOT_PENDING = _(
    "This startup is not waiting for verification (someone may have decided already)."
)
STARTUP_REJECTION_REASON_REQUIRED = _(
    "Tell the startup why, so that it can correct its profile (for example the corporate number)."
)


STARTUP_AUDITED_FIELDS = ("verification_state", "verification_note")


@transaction.atomic
def startup_verification_decide(
    *, startup: Startup, actor: User, approve: bool, note: str = ""
) -> Startup:
    """The one place a moderator verifies or rejects a startup (the queue and any other caller).

    Only pending startups are decided; a rejection needs a reason, which is sent to the owners
    and admins. Both outcomes record who decided and when, and tell the owners and admins
    (``startup_verified`` / ``startup_rejected``) after commit.
    """
    if not actor.is_moderator:
        raise PermissionDenied(NOT_ALLOWED)
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError({"reason": STARTUP_REJECTION_REASON_REQUIRED}, code="reason_required")
    locked = Startup.objects.select_for_update().get(pk=startup.pk)
    if locked.verification_state != VerificationState.PENDING:
        raise ValidationError(STARTUP_NOT_PENDING, code="not_pending")
    before = snapshot(locked, STARTUP_AUDITED_FIELDS)
    locked.verification_state = (
        VerificationState.VERIFIED if approve else VerificationState.REJECTED
    )
    locked.verification_decided_by = actor
    locked.verification_decided_at = timezone.now()
    locked.verification_note = "" if approve else note
    locked.save(
        update_fields=[
            "verification_state",
            "verification_decided_by",
            "verification_decided_at",
            "verification_note",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action="startup_verified" if approve else "startup_rejected",
        target=locked,
        reason=note,
        before=before,
        after=snapshot(locked, STARTUP_AUDITED_FIELDS),
    )
    context = {"url": reverse("startups:detail", args=[locked.slug]), "startup_name": locked.name}
    if not approve:
        context["reason"] = note
    notify(
        kind="startup_verified" if approve else "startup_rejected",
        recipients=_managers(locked),
        target=locked,
        actor=actor,
        context=context,
    )
    return locked


def startup_verify(*, startup: Startup, actor: User) -> Startup:
    return startup_verification_decide(startup=startup, actor=actor, approve=True)


def startup_reject(*, startup: Startup, actor: User, reason: str) -> Startup:
    return startup_verification_decide(startup=startup, actor=actor, approve=False, note=reason)
