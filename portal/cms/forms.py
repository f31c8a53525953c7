"""Admin form for documents: the content must match the extension (Wagtail checks only the name)."""

import codecs

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

BINARY_KINDS = {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp"}
TEXT_KINDS = {"csv", "txt"}
TEXT_ENCODINGS = ("utf-8-sig", "shift_jis", "cp932")
SNIFF_BYTES = 8192

CONTENT_MISMATCH = _("The file's content does not match its extension (.%(extension)s).")
NOT_TEXT = _("A .%(extension)s file must be plain text (UTF-8 or Shift_JIS).")


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in TEXT_ENCODINGS:
        try:
            # Incremental: the sniffed head may end in the middle of a character.
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            return True
        except UnicodeDecodeError:
            continue
    return False


def check_document_content(upload) -> None:
    """Raise ValidationError unless `upload`'s bytes are of the kind its extension claims."""
    extension = _extension(upload.name)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if extension in BINARY_KINDS:
        kind = filetype.guess(head)
        if kind is None or kind.extension != extension:
            raise ValidationError(
                CONTENT_MISMATCH, code="mismatch", params={"extension": extension}
            )
    elif extension in TEXT_KINDS and not _is_text(head):
        raise ValidationError(NOT_TEXT, code="not_text", params={"extension": extension})


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_document_content(upload)
        return upload
