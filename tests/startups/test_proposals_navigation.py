"""What a new user walking the proposal path needs to find the next page: the co-creation channel
after a selection, next steps after onboarding, recommendations that skip requests already
proposed to, and the proposal's own date wording."""

import pytest
from django.urls import reverse

from portal.cocreation.models import Channel
from portal.startups.proposals import services
from portal.startups.selectors import recommended_requests_for_dashboard
from portal.startups.services import startup_create
from tests import factories
from tests.startups.proposal_world import make_proposal

pytestmark = pytest.mark.django_db


def _channel_url(support_request):
    return Channel.objects.get(subject_id=support_request.pk).get_absolute_url()


def test_after_selection_both_sides_are_linked_to_the_channel(
    world, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_select(proposal=world.proposal, actor=world.users["official"])
    channel_url = _channel_url(world.support_request)
    proposer = client_for(world.users["proposer"])
    assert channel_url in proposer.get(world.proposal.get_absolute_url()).content.decode()
    assert channel_url in proposer.get(world.support_request.get_absolute_url()).content.decode()
    official = client_for(world.users["official"])
    compare = reverse("startups:proposal_compare", args=[world.support_request.pk])
    assert channel_url in official.get(compare).content.decode()
    assert channel_url in official.get(world.support_request.get_absolute_url()).content.decode()
    # Another startup's member sees no way into the channel.
    other = client_for(world.users["other_startup"])
    assert channel_url not in other.get(world.support_request.get_absolute_url()).content.decode()


def test_no_channel_link_before_selection(world, client_for):
    page = client_for(world.users["proposer"]).get(world.proposal.get_absolute_url())
    assert "共創チャンネルを開く" not in page.content.decode()


def test_proposal_shows_its_submission_date_as_submitted_not_applied(world, client_for):
    page = client_for(world.users["proposer"]).get(world.proposal.get_absolute_url())
    content = page.content.decode()
    assert "提出日" in content
    assert "申請日時" not in content


def test_onboarding_status_offers_the_startup_next_steps(startup_user, client_for):
    slug = startup_user.startup_membership.startup.slug
    content = client_for(startup_user).get("/ja/onboarding/").content.decode()
    assert reverse("startups:edit", args=[slug]) in content
    assert reverse("startups:recommended", args=[slug]) in content
    assert reverse("startups:proposal_dashboard") in content


def test_dashboard_recommendations_skip_requests_already_proposed_to(official, startup_user):
    startup = startup_user.startup_membership.startup
    startup.categories.create(category="online_procedures")
    proposed = factories.support_request(author=official, title="窓口のオンライン申請拡充")
    other = factories.support_request(author=official, title="電子申請の拡大")
    before = [m.obj.pk for m in recommended_requests_for_dashboard(user=startup_user)]
    assert {proposed.pk, other.pk} <= set(before)
    make_proposal(proposed, startup_user)
    after = [m.obj.pk for m in recommended_requests_for_dashboard(user=startup_user)]
    assert proposed.pk not in after
    assert other.pk in after


def test_recommended_page_marks_requests_already_proposed_to(official, startup_user, client_for):
    startup = startup_user.startup_membership.startup
    startup.categories.create(category="online_procedures")
    support_request = factories.support_request(author=official, title="窓口のオンライン申請拡充")
    url = reverse("startups:recommended", args=[startup.slug])
    client = client_for(startup_user)
    assert "提案済み" not in client.get(url).content.decode()
    proposal = make_proposal(support_request, startup_user)
    content = client.get(url).content.decode()
    assert "提案済み" in content
    assert proposal.get_absolute_url() in content


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("株式会社ひかりDX", "hikaridx"),
        ("アグリセンス合同会社", "agurisensu"),
        ("(株)ミライ", "mirai"),
        ("株式会社", "startup"),
    ],
)
def test_startup_urls_leave_out_the_legal_form(member, name, slug):
    assert startup_create(owner=member, name=name).slug == slug


def test_a_saved_draft_continues_on_its_edit_page_to_attach_files(
    official, startup_user, client_for
):
    support_request = factories.support_request(author=official)
    url = reverse("startups:proposal_new", args=[support_request.pk])
    data = {"summary": "概要", "body": "本文", "estimated_cost_yen": "100000", "timeline": "3か月"}
    response = client_for(startup_user).post(url, {**data, "save": "1"})
    proposal = support_request.proposals.get()
    assert proposal.state == "draft"
    assert response["Location"] == reverse("startups:proposal_edit", args=[proposal.pk])
    page = client_for(startup_user).get(response["Location"]).content.decode()
    assert 'name="file"' in page


def test_costs_read_naturally_in_both_languages(world, client_for):
    client = client_for(world.users["official"])
    path = world.proposal.get_absolute_url()
    assert "3,000,000 円" in client.get(path).content.decode()
    english = client.get(path.replace("/ja/", "/en/", 1)).content.decode()
    assert "3,000,000 yen" in english
    assert "円" not in english.split("<main", 1)[1].split("</dl>", 1)[0]
