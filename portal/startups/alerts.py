"""Startup alerts: saved searches that tell a startup about newly published requests.

``alert_create`` / ``alert_update`` / ``alert_delete`` are the writes (members of the startup
only). When a request is published, ``support_request_publish`` enqueues ``alerts_deliver`` (a
django-tasks task, after commit), which calls ``alerts_notify_for_request``:

* an alert matches when the request's category is one of its categories (none = any), the
  requesting municipality's prefecture is one of its prefectures (none = any), and any of its
  keywords occurs in the request (none = any). Keywords are analysed like the Japanese search
  (``portal.search.analysis``): a CJK keyword must occur as such, a word must be a whole word;
* each startup is told once per request (a ``StartupAlertDelivery`` row, unique per pair, is
  claimed first), however many of its alerts match and however often publishing is retried;
* only members who may read the request are told (the read rule of
  ``SupportRequest.objects.visible_to``: a members-only request reaches verified startups only),
  and the notification carries only the title, municipality and deadline.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from portal.accounts.models import User
from portal.community import policies
from portal.community.models import Prefecture, SupportRequest
from portal.core.categories import DXCategory
from portal.notifications.services import notify
from portal.search.analysis import index_tokens, is_cjk, normalize, query_terms
from portal.startups import permissions
from portal.startups.models import Startup, StartupAlert, StartupAlertDelivery, StartupMember

NOT_MEMBER = _("Only members of this startup can manage its alerts.")
ALERT_EMPTY = _("Choose at least one category, prefecture or keyword.")
MAX_ALERTS = 20
TOO_MANY_ALERTS = _("A startup can keep at most 20 alerts.")


def _check_member(actor: User, startup: Startup) -> None:
    if permissions.membership_in(actor, startup) is None:
        raise PermissionDenied(NOT_MEMBER)


def _fill(alert: StartupAlert, *, name, categories, keywords) -> None:
    alert.name = name.strip()
    alert.categories = sorted(set(categories) & set(DXCategory.values))
    alert.keywords = " ".join(keywords.split())


def _check_not_empty(alert: StartupAlert, prefectures) -> None:
    if not (alert.categories or alert.keywords or list(prefectures)):
        raise ValidationError(ALERT_EMPTY, code="empty")


@transaction.atomic
def alert_create(
    *,
    startup: Startup,
    actor: User,
    name: str,
    categories: list[str],
    prefectures: list[Prefecture],
    keywords: str = "",
) -> StartupAlert:
    _check_member(actor, startup)
    if StartupAlert.objects.filter(startup=startup).count() >= MAX_ALERTS:
        raise ValidationError(TOO_MANY_ALERTS, code="too_many")
    alert = StartupAlert(startup=startup, created_by=actor)
    _fill(alert, name=name, categories=categories, keywords=keywords)
    _check_not_empty(alert, prefectures)
    alert.full_clean()
    alert.save()
    alert.prefectures.set(prefectures)
    return alert


@transaction.atomic
def alert_update(
    *,
    alert: StartupAlert,
    actor: User,
    name: str,
    categories: list[str],
    prefectures: list[Prefecture],
    keywords: str = "",
) -> StartupAlert:
    _check_member(actor, alert.startup)
    _fill(alert, name=name, categories=categories, keywords=keywords)
    _check_not_empty(alert, prefectures)
    alert.full_clean()
    alert.save()
    alert.prefectures.set(prefectures)
    return alert


@transaction.atomic
def alert_delete(*, alert: StartupAlert, actor: User) -> None:
    _check_member(actor, alert.startup)
    alert.delete()


# --- Matching and delivery ------------------------------------------------------------------


def _request_text(support_request: SupportRequest) -> str:
    tags = " ".join(tag.name for tag in support_request.tags.all())
    return " ".join([support_request.title, support_request.summary, support_request.body, tags])


def keyword_matches(keyword: str, *, text: str, tokens: frozenset) -> bool:
    """`keyword` occurs in the request as the search would find it: each CJK run of the keyword
    as such in the normalised `text`, each other word as a whole token of `tokens`."""
    terms = query_terms(keyword)
    return bool(terms) and all(
        term.text in text if is_cjk(term.text[0]) else term.text in tokens for term in terms
    )


def alert_matches(alert: StartupAlert, support_request: SupportRequest, *, text, tokens) -> bool:
    if alert.categories and support_request.category not in alert.categories:
        return False
    prefecture_ids = {p.code for p in alert.prefectures.all()}
    if prefecture_ids and support_request.municipality.prefecture_id not in prefecture_ids:
        return False
    keywords = alert.keywords.split()
    return not keywords or any(keyword_matches(k, text=text, tokens=tokens) for k in keywords)


def _readers(startup: Startup, support_request: SupportRequest) -> list[User]:
    members = StartupMember.objects.filter(startup=startup).select_related("user", "startup")
    readers = []
    for member in members:
        user = member.user
        user.__dict__["startup_membership"] = member  # the rule reads it; no query per member
        if policies.can_view(user, support_request):
            readers.append(user)
    return readers


def alerts_notify_for_request(*, support_request: SupportRequest) -> list[int]:
    """Tell each startup with a matching alert about `support_request`, once; returns the ids
    of the startups told."""
    if not support_request.is_published or support_request.hidden_at:
        return []
    text = normalize(_request_text(support_request))
    tokens = frozenset(index_tokens(text))
    alerts = (
        StartupAlert.objects.filter(startup__hidden_at__isnull=True)
        .select_related("startup")
        .prefetch_related("prefectures")
    )
    startups = {}
    for alert in alerts:
        if alert.startup_id not in startups and alert_matches(
            alert, support_request, text=text, tokens=tokens
        ):
            startups[alert.startup_id] = alert.startup
    told = []
    for startup in startups.values():
        readers = _readers(startup, support_request)
        if not readers:
            continue
        with transaction.atomic():  # the claim is kept only if the notification is written
            try:
                with transaction.atomic():
                    StartupAlertDelivery.objects.create(
                        startup=startup, support_request=support_request
                    )
            except IntegrityError:
                continue  # already told (a retry, or another worker)
            notify(
                kind="request_alert_match",
                recipients=readers,
                target=support_request,
                context={
                    "url": support_request.get_absolute_url(),
                    "request_title": support_request.title,
                    "municipality_name": support_request.municipality.full_name,
                    "proposal_deadline": support_request.proposal_deadline,
                    "alerts_url": reverse("startups:alerts", args=[startup.slug]),
                },
            )
        told.append(startup.pk)
    return told


@task()
def alerts_deliver(*, support_request_id: int) -> int:
    """Background: run the alerts for a newly published request (safe to run twice)."""
    support_request = (
        SupportRequest.objects.select_related("municipality__prefecture", "municipality__parent")
        .prefetch_related("tags")
        .filter(pk=support_request_id)
        .first()
    )
    if support_request is None:
        return 0
    return len(alerts_notify_for_request(support_request=support_request))


def alerts_enqueue_for_published(*, support_request_id: int, **kwargs) -> None:
    """Receiver of community's `support_request_published`: the alerts run in the background."""
    alerts_deliver.enqueue(support_request_id=support_request_id)
