from dataclasses import dataclass

import pytest

from portal.community.models import SupportRequest, SupportRequestAttachment, SupportRequestJoin
from portal.core.uploads import attachment_fill
from tests import factories
from tests.uploads import pdf_upload

ROLES = [
    "visitor",
    "member",
    "pending_official",
    "official",
    "other_official",
    "startup_member",
    "moderator",
]


@pytest.fixture
def users(member, pending_official, official, other_official, startup_user, moderator):
    """Every role of the matrix. `official` works for 前橋市, which posts the requests."""
    return {
        "visitor": None,
        "member": member,
        "pending_official": pending_official,
        "official": official,
        "other_official": other_official,
        "startup_member": startup_user,
        "moderator": moderator,
    }


@pytest.fixture
def yokohama_official(db):
    return factories.official(factories.YOKOHAMA)


@dataclass
class World:
    public: SupportRequest
    members_only: SupportRequest
    draft: SupportRequest
    attachment: SupportRequestAttachment
    draft_attachment: SupportRequestAttachment
    join: SupportRequestJoin


def add_attachment(support_request, user=None):
    attachment = attachment_fill(
        attachment=SupportRequestAttachment(support_request=support_request),
        upload=pdf_upload(),
        uploaded_by=user,
    )
    attachment.save()
    return attachment


@pytest.fixture
def world(official, yokohama_official):
    """前橋市's requests: public/open, members-only/open and a draft; a PDF on the public and
    the draft one; 横浜市 asking to join the public one."""
    public = factories.support_request(author=official, title="窓口のオンライン申請")
    members_only = factories.support_request(
        author=official, title="セキュリティ監視の共同化", visibility="members"
    )
    draft = factories.support_request(author=official, title="生成AIの試行", state="draft")
    join = SupportRequestJoin.objects.create(
        support_request=public,
        municipality=yokohama_official.official_profile.municipality,
        requested_by=yokohama_official,
        comment="横浜市も同じです。",
    )
    return World(
        public=public,
        members_only=members_only,
        draft=draft,
        attachment=add_attachment(public, official),
        draft_attachment=add_attachment(draft, official),
        join=join,
    )


@pytest.fixture
def as_role(client, users):
    def login(role):
        if users[role] is not None:
            client.force_login(users[role], backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login
