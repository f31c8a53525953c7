"""Two-way matching between support requests and startups, with the reasons shown.

Scoring is deterministic: the same data always gives the same ranking. For a request R and a
startup S the score is the sum of

* **category** — 30 points when R's DX category is one of S's solution areas;
* **track record** — 20 points when S has a *confirmed* track record in R's category, plus 5 for
  each further confirmed record in that category (at most 3 counted);
* **tags** — 8 points per tag R and S share (compared after NFKC + lower case), at most 3;
* **region** — 10 points when S's head office is in R's municipality's prefecture, otherwise 5
  when it is in the same region (Prefecture.region); never a reason on its own;
* **text** — up to 30 points for wording similarity: both texts are analysed with the portal's
  CJK bigram analysis (``portal.search.analysis``, the one search uses), hiragana-only bigrams
  dropped, and the cosine of the two token sets (shared / sqrt(|R|·|S|)) is scaled to 30.
  R's text is its title, summary, body and tags; S's is its summary, description, tags and the
  titles of its confirmed track records. It counts as a reason from 6 points (cosine 0.2); the
  reason shows the longest stretches of the request's text made of shared bigrams.

A pair is recommended only when at least one reason other than region applies. Ties are broken
by verification (verified first), then by name / publication date, then by primary key.

Queries are bounded: each direction loads the candidates and their categories, tags and
confirmed track records with a fixed number of queries, whatever the number of rows; scoring is
done in Python (the candidate sets are the open requests or the startup directory, both small).
"""

import math
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from portal.community.models import SupportRequest
from portal.core.categories import DXCategory
from portal.search.analysis import is_cjk, normalize, runs, similarity_tokens
from portal.startups.models import Startup, StartupCategory, TrackRecord

CATEGORY_POINTS = 30
TRACK_RECORD_POINTS = 20
EXTRA_TRACK_RECORD_POINTS = 5
EXTRA_TRACK_RECORDS_COUNTED = 3
TAG_POINTS = 8
TAGS_COUNTED = 3
SAME_PREFECTURE_POINTS = 10
SAME_REGION_POINTS = 5
TEXT_POINTS = 30
TEXT_REASON_MIN = 6
TOKEN_LIMIT = 400
SHARED_TERMS_SHOWN = 5
HIRAGANA = "".join(chr(c) for c in range(0x3041, 0x30A0))


@dataclass(frozen=True)
class Reason:
    code: str  # category, track_record, tags, prefecture, region, text
    text: str
    points: int


@dataclass
class Match:
    """A recommended startup (for a request) or request (for a startup), best first."""

    obj: object
    score: int = 0
    reasons: list[Reason] = field(default_factory=list)
    # For a startup's recommended requests: its active proposal to that request, if any.
    own_proposal_pk: int | None = None
    # For a request's recommended startups: the startup's received proposal to it, if any, and
    # whether the viewer may open it.
    request_proposal: object = None
    request_proposal_readable: bool = False

    @property
    def startup(self):
        return self.obj

    @property
    def support_request(self):
        return self.obj


@dataclass(frozen=True)
class _Profile:
    """What scoring needs about one side, computed once per object."""

    categories: frozenset
    tags: dict  # normalised name → display name
    tokens: frozenset
    text: str  # normalised (the request's, to show shared phrases)
    prefecture_id: str | None
    region: str | None


def _startup_profile(startup: Startup) -> _Profile:
    records = startup.confirmed_records_for_matching
    tags = {normalize(tag.name): tag.name for tag in startup.tags.all()}
    text = " ".join(
        [startup.summary, startup.description, *tags.values(), *(r.title for r in records)]
    )
    prefecture = startup.hq_prefecture
    return _Profile(
        categories=frozenset(c.category for c in startup.categories.all()),
        tags=tags,
        tokens=frozenset(similarity_tokens(text, limit=TOKEN_LIMIT)),
        text="",
        prefecture_id=prefecture.code if prefecture else None,
        region=prefecture.region if prefecture else None,
    )


def _request_profile(support_request: SupportRequest) -> _Profile:
    tags = {normalize(tag.name): tag.name for tag in support_request.tags.all()}
    text = " ".join(
        [support_request.title, support_request.summary, support_request.body, *tags.values()]
    )
    prefecture = support_request.municipality.prefecture
    return _Profile(
        categories=frozenset([support_request.category]),
        tags=tags,
        tokens=frozenset(similarity_tokens(text, limit=TOKEN_LIMIT)),
        text=normalize(text),
        prefecture_id=prefecture.code,
        region=prefecture.region,
    )


def score_pair(
    support_request: SupportRequest, startup: Startup, request_profile=None, startup_profile=None
) -> Match:
    """The score and reasons for one pair (see the module docstring)."""
    r = request_profile or _request_profile(support_request)
    s = startup_profile or _startup_profile(startup)
    category = support_request.category
    label = DXCategory(category).label if category in DXCategory.values else category
    reasons: list[Reason] = []
    if category in s.categories:
        reasons.append(
            Reason("category", _("Offers solutions in %(area)s") % {"area": label}, CATEGORY_POINTS)
        )
    records = [rec for rec in startup.confirmed_records_for_matching if rec.category == category]
    if records:
        extra = min(len(records) - 1, EXTRA_TRACK_RECORDS_COUNTED)
        places = "、".join(dict.fromkeys(rec.municipality.name for rec in records))
        reasons.append(
            Reason(
                "track_record",
                _("Confirmed track record in %(area)s (%(places)s)")
                % {"area": label, "places": places},
                TRACK_RECORD_POINTS + EXTRA_TRACK_RECORD_POINTS * extra,
            )
        )
    shared_tags = sorted(set(r.tags) & set(s.tags))
    if shared_tags:
        names = "、".join(r.tags[key] for key in shared_tags)
        reasons.append(
            Reason(
                "tags",
                _("Shared tags: %(tags)s") % {"tags": names},
                TAG_POINTS * min(len(shared_tags), TAGS_COUNTED),
            )
        )
    text_points, shared = _text_similarity(r.tokens, s.tokens)
    shared_terms = shared_phrases(r.text, shared) if text_points >= TEXT_REASON_MIN else []
    if text_points >= TEXT_REASON_MIN:
        reasons.append(
            Reason(
                "text",
                _("Similar wording (%(terms)s)") % {"terms": "、".join(shared_terms)},
                text_points,
            )
        )
    has_substance = bool(reasons)
    if s.prefecture_id and s.prefecture_id == r.prefecture_id:
        reasons.append(
            Reason("prefecture", _("Head office in the same prefecture"), SAME_PREFECTURE_POINTS)
        )
    elif s.region and s.region == r.region:
        reasons.append(Reason("region", _("Head office in the same region"), SAME_REGION_POINTS))
    if not has_substance:
        return Match(obj=None)
    return Match(obj=None, score=sum(reason.points for reason in reasons), reasons=reasons)


def _text_similarity(a: frozenset, b: frozenset) -> tuple[int, frozenset]:
    if not a or not b:
        return 0, frozenset()
    shared = a & b
    return round(TEXT_POINTS * len(shared) / math.sqrt(len(a) * len(b))), shared


def shared_phrases(text: str, shared: frozenset) -> list[str]:
    """Readable stretches of `text` (normalised) whose bigrams are all in `shared`, longest
    first: 「避難所受付」 rather than 避難 難所 所受 受付. Hiragana at either end is trimmed."""
    phrases = []
    for run in runs(text):
        if not run.cjk:
            if run.text in shared:
                phrases.append(run.text)
            continue
        start = None
        for i in range(len(run.text)):
            inside = i < len(run.text) - 1 and run.text[i : i + 2] in shared
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                phrases.append(run.text[start : i + 1])
                start = None
    readable = []
    for phrase in phrases:
        phrase = phrase.strip(HIRAGANA) if is_cjk(phrase[0]) else phrase
        if len(phrase) >= 2 and phrase not in readable:
            readable.append(phrase)
    readable.sort(key=lambda p: (-len(p), text.index(p) if p in text else 0))
    distinct = []
    for phrase in readable:
        if not any(phrase in longer for longer in distinct):
            distinct.append(phrase)
    return distinct[:SHARED_TERMS_SHOWN]


def _startups_for_matching():
    return (
        Startup.objects.filter(hidden_at__isnull=True)
        .select_related("hq_prefecture")
        .prefetch_related(
            Prefetch("categories", queryset=StartupCategory.objects.order_by("category")),
            "tags",
            Prefetch(
                "track_records",
                queryset=TrackRecord.objects.confirmed().select_related("municipality"),
                to_attr="confirmed_records_for_matching",
            ),
        )
    )


def recommended_startups(*, support_request: SupportRequest, limit: int = 5) -> list[Match]:
    """The best startups for `support_request`, each with its score and reasons."""
    request_profile = _request_profile(support_request)
    matches = []
    for startup in _startups_for_matching():
        match = score_pair(support_request, startup, request_profile=request_profile)
        if match.score:
            match.obj = startup
            matches.append(match)
    matches.sort(key=lambda m: (-m.score, not m.obj.is_verified, m.obj.name, m.obj.pk))
    return matches[:limit]


def recommended_requests(*, startup: Startup, user, limit: int = 20) -> list[Match]:
    """Open requests accepting proposals that `user` may read, best for `startup` first."""
    [startup] = list(_startups_for_matching().filter(pk=startup.pk)) or [None]
    if startup is None:
        return []
    startup_profile = _startup_profile(startup)
    requests = (
        SupportRequest.objects.accepting_proposals()
        .visible_to(user)
        .filter(hidden_at__isnull=True)
        .select_related("municipality__prefecture", "municipality__parent")
        .prefetch_related("tags")
    )
    matches = []
    for support_request in requests:
        match = score_pair(support_request, startup, startup_profile=startup_profile)
        if match.score:
            match.obj = support_request
            matches.append(match)
    matches.sort(
        key=lambda m: (-m.score, -m.obj.published_at.timestamp(), m.obj.pk),
    )
    return matches[:limit]
