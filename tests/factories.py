import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from portal.accounts.models import MODERATORS_GROUP, Role, User
from portal.community.models import Municipality, OfficialProfile, OfficialTitle, VerificationState
from portal.startups.models import MemberRole, Startup, StartupMember

TEST_PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    display_name = factory.Sequence(lambda n: f"利用者 {n}")
    preferred_language = "ja"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class OnboardedUserFactory(UserFactory):
    onboarded_at = factory.LazyFunction(timezone.now)


def municipality(code: str) -> Municipality:
    """Master data is loaded by migrate; tests pick real municipalities by code."""
    return Municipality.objects.get(code=code)


MAEBASHI = "102016"
SHIOJIRI = "202151"
YOKOHAMA = "141003"


class OfficialProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialProfile

    user = factory.SubFactory(OnboardedUserFactory, role=Role.OFFICIAL)
    municipality = factory.LazyFunction(lambda: municipality(MAEBASHI))
    department = "デジタル推進課"
    title = OfficialTitle.CDO
    verification_state = VerificationState.VERIFIED


def official(code: str = MAEBASHI, **kwargs) -> User:
    return OfficialProfileFactory(municipality=municipality(code), **kwargs).user


class StartupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Startup
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"株式会社テスト{n}")
    slug = factory.Sequence(lambda n: f"test-startup-{n}")
    verification_state = VerificationState.VERIFIED

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        """Indexed for the directory search (tags or categories added later: index again)."""
        if create and extracted is not False:
            from portal.search.index import index_object

            index_object(self)


class StartupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StartupMember

    startup = factory.SubFactory(StartupFactory)
    user = factory.SubFactory(OnboardedUserFactory, role=Role.STARTUP)
    role = MemberRole.OWNER


def startup_member(startup=None, role=MemberRole.OWNER) -> User:
    kwargs = {"role": role}
    if startup is not None:
        kwargs["startup"] = startup
    return StartupMemberFactory(**kwargs).user


def moderator(**kwargs) -> User:
    user = OnboardedUserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


class SupportRequestFactory(factory.django.DjangoModelFactory):
    """A published (open) request of the author's municipality (前橋市 without an author);
    indexed for search."""

    class Meta:
        model = "community.SupportRequest"
        skip_postgeneration_save = True

    author = None
    municipality = factory.LazyAttribute(
        lambda o: o.author.official_profile.municipality if o.author else municipality(MAEBASHI)
    )
    title = factory.Sequence(lambda n: f"窓口業務の改善 その{n}")
    summary = "住民の待ち時間を減らしたい。"
    body = "## 背景\n\n窓口の混雑が課題です。"
    category = "online_procedures"
    budget_range = "1m_5m"
    proposal_deadline = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=30)
    )
    visibility = "public"
    state = "open"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(list(extracted))

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create and extracted is not False:
            from portal.search.index import index_object

            index_object(self)


def support_request(**kwargs):
    if kwargs.get("state") == "draft":
        kwargs.setdefault("published_at", None)
    return SupportRequestFactory(**kwargs)
