"""The portal's one set of upload rules, shared by every app that accepts files.

* Size: at most ``settings.PORTAL_UPLOAD_MAX_BYTES``.
* Type: an allow-list (PDF, Word/Excel/PowerPoint OOXML, JPEG/PNG/GIF/WebP) decided by the file's
  CONTENT with the ``filetype`` library; the name the user gave is never trusted, so an ``.exe``
  renamed ``report.pdf`` is refused.
* Storage: outside ``MEDIA_ROOT`` (``settings.PRIVATE_MEDIA_ROOT``) under a generated name
  (``<app>/<model>/<yyyy>/<mm>/<uuid>.<detected extension>``); the original name is kept only as
  data for the download's ``Content-Disposition``.
* Serving: only through a view that has checked the user may see the owning object, with
  ``attachment_response()`` (``Content-Disposition: attachment``, ``nosniff``, no caching, a
  sandboxing CSP).

Reuse in three steps::

    class ProposalAttachment(Attachment):               # 1. the model
        proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")

    file = UploadField(label=_("Attachment"))           # 2. the form field (validates)
    attachment_fill(attachment=ProposalAttachment(proposal=p), upload=file, uploaded_by=user)

    return attachment_response(attachment)              # 3. the permission-checked view
"""

import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.signals import setting_changed
from django.db import models, transaction
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext_lazy as _
from filetype.types import archive, document, image
from filetype.types.base import Type as FiletypeMatcher

from portal.core.models import TimeStampedModel


@dataclass(frozen=True)
class AllowedType:
    extension: str
    mime: str
    label: str
    matcher: FiletypeMatcher


# Order matters only for readability: each matcher checks its own signature (the OOXML matchers
# look inside the ZIP for word/, xl/ or ppt/), so a plain ZIP matches none of them.
ALLOWED_TYPES = (
    AllowedType("pdf", archive.Pdf.MIME, "PDF", archive.Pdf()),
    AllowedType("docx", document.Docx.MIME, "Word (.docx)", document.Docx()),
    AllowedType("xlsx", document.Xlsx.MIME, "Excel (.xlsx)", document.Xlsx()),
    AllowedType("pptx", document.Pptx.MIME, "PowerPoint (.pptx)", document.Pptx()),
    AllowedType("jpg", image.Jpeg.MIME, "JPEG", image.Jpeg()),
    AllowedType("png", image.Png.MIME, "PNG", image.Png()),
    AllowedType("gif", image.Gif.MIME, "GIF", image.Gif()),
    AllowedType("webp", image.Webp.MIME, "WebP", image.Webp()),
)
ALLOWED_EXTENSIONS = {"pdf", "docx", "xlsx", "pptx", "jpg", "jpeg", "png", "gif", "webp"}
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in sorted(ALLOWED_EXTENSIONS))

UPLOAD_EMPTY = _("The file is empty.")
UPLOAD_TOO_LARGE = _("The file is too large (%(size)s). Files can be at most %(limit)s.")
UPLOAD_TYPE_NOT_ALLOWED = _(
    "This kind of file cannot be uploaded. Allowed are PDF, Word (.docx), Excel (.xlsx), "
    "PowerPoint (.pptx) and JPEG, PNG, GIF or WebP images; the content decides, not the name."
)
UPLOAD_NAME_TOO_LONG = _("The file name is too long (at most %(limit)d characters).")
ORIGINAL_NAME_MAX = 200


def max_upload_bytes() -> int:
    return int(settings.PORTAL_UPLOAD_MAX_BYTES)


def detect_type(upload) -> AllowedType | None:
    """The allowed type whose signature the content matches, or None. Leaves the file at 0."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if not head:
        return None
    for allowed in ALLOWED_TYPES:
        if allowed.matcher.match(bytearray(head)):
            return allowed
    return None


def clean_original_name(name: str) -> str:
    """The user's file name without directories or control characters, for display only."""
    base = PurePath(str(name).replace("\\", "/")).name
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if ch.isprintable())
    return base.strip().strip(".") or "file"


def validate_upload(upload) -> AllowedType:
    """Raise ValidationError (with a translated message) unless `upload` may be stored."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError(UPLOAD_EMPTY, code="empty")
    if size > max_upload_bytes():
        raise ValidationError(
            UPLOAD_TOO_LARGE,
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_upload_bytes())},
        )
    if len(clean_original_name(upload.name)) > ORIGINAL_NAME_MAX:
        raise ValidationError(
            UPLOAD_NAME_TOO_LONG, code="name_too_long", params={"limit": ORIGINAL_NAME_MAX}
        )
    allowed = detect_type(upload)
    if allowed is None:
        raise ValidationError(UPLOAD_TYPE_NOT_ALLOWED, code="type_not_allowed")
    return allowed


class PrivateStorage(FileSystemStorage):
    """Files under ``settings.PRIVATE_MEDIA_ROOT``; no URL: they are served by views only."""

    def __init__(self):
        super().__init__(base_url=None)
        setting_changed.connect(self._reset_location)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _reset_location(self, *, setting, **kwargs):
        if setting == "PRIVATE_MEDIA_ROOT":
            for name in ("base_location", "location"):
                self.__dict__.pop(name, None)

    def url(self, name):
        raise ValueError("Private files have no URL; serve them with attachment_response().")


_private_storage = PrivateStorage()


def private_storage() -> PrivateStorage:
    """Callable for ``FileField(storage=...)`` so migrations do not serialise the instance."""
    return _private_storage


def attachment_upload_to(instance, filename: str) -> str:
    """A generated, unguessable storage name; the extension is the one detected from content."""
    extension = next(
        (allowed.extension for allowed in ALLOWED_TYPES if allowed.mime == instance.content_type),
        "bin",
    )
    meta = instance._meta
    now = timezone.now()
    return f"{meta.app_label}/{meta.model_name}/{now:%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Attachment(TimeStampedModel):
    """Abstract base of every uploaded file. Concrete models add the FK to what owns the file."""

    file = models.FileField(
        _("file"), upload_to=attachment_upload_to, storage=private_storage, max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=ORIGINAL_NAME_MAX)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1] if self.file.name else ""

    @property
    def type_label(self) -> str:
        return next((a.label for a in ALLOWED_TYPES if a.mime == self.content_type), "")


def attachment_fill(*, attachment: Attachment, upload, uploaded_by) -> Attachment:
    """Validate `upload` and set the file fields of an unsaved `attachment` (caller saves).

    Raises ValidationError like ``validate_upload``; the caller's service wraps the save in its
    transaction and checks who may attach to what.
    """
    allowed = validate_upload(upload)
    attachment.original_name = clean_original_name(upload.name)
    attachment.content_type = allowed.mime
    attachment.size = upload.size
    attachment.uploaded_by = uploaded_by
    attachment.file = upload
    return attachment


def attachment_delete(*, attachment: Attachment) -> None:
    """Delete the row now and its stored file once the transaction has committed."""
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def attachment_response(attachment: Attachment) -> FileResponse:
    """The download of an attachment the caller has ALREADY checked the user may read."""
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _upload_help_text() -> str:
    return _(
        "PDF, Word, Excel, PowerPoint or an image (JPEG, PNG, GIF, WebP); at most %(limit)s."
    ) % {"limit": filesizeformat(max_upload_bytes())}


class UploadField(forms.FileField):
    """A form file field that applies the portal's upload rules (size and content type)."""

    default_validators = [validate_upload]

    def __init__(self, **kwargs):
        # Lazy: form classes are built at import time, the text is read per request's language.
        kwargs.setdefault("help_text", lazy(_upload_help_text, str)())
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ACCEPT_ATTRIBUTE
        return attrs
