"""Attachments of support requests, on top of the shared upload rules (portal.core.uploads)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import User
from portal.community import policies
from portal.community.models import SupportRequest, SupportRequestAttachment
from portal.core.uploads import attachment_delete, attachment_fill

MAX_ATTACHMENTS = 10
TOO_MANY_ATTACHMENTS = _("A request can have at most %(limit)d attachments.")


@transaction.atomic
def support_request_attachment_add(
    *, support_request: SupportRequest, actor: User, upload
) -> SupportRequestAttachment:
    """Store `upload` (checked by size and content) for a request its officials may edit."""
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    if not policies.can_manage_attachments(actor, support_request):
        raise PermissionDenied(policies.NOT_EDITABLE)
    if support_request.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            TOO_MANY_ATTACHMENTS, code="too_many", params={"limit": MAX_ATTACHMENTS}
        )
    attachment = attachment_fill(
        attachment=SupportRequestAttachment(support_request=support_request),
        upload=upload,
        uploaded_by=actor,
    )
    attachment.full_clean()
    attachment.save()
    return attachment


@transaction.atomic
def support_request_attachment_delete(*, attachment: SupportRequestAttachment, actor: User) -> None:
    if not policies.can_manage_attachments(actor, attachment.support_request):
        raise PermissionDenied(policies.NOT_EDITABLE)
    attachment_delete(attachment=attachment)
