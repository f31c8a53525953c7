from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.community.validators import validate_local_government_code
from portal.core.models import TimeStampedModel


class Region(models.TextChoices):
    HOKKAIDO = "hokkaido", _("Hokkaido")
    TOHOKU = "tohoku", _("Tohoku")
    KANTO = "kanto", _("Kanto")
    CHUBU = "chubu", _("Chubu")
    KINKI = "kinki", _("Kinki")
    CHUGOKU = "chugoku", _("Chugoku")
    SHIKOKU = "shikoku", _("Shikoku")
    KYUSHU = "kyushu", _("Kyushu and Okinawa")


class Prefecture(models.Model):
    """One of the 47 都道府県, keyed by its JIS X 0401 code ("01".."47")."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=8, unique=True)
    name_en = models.CharField(_("English name"), max_length=16)
    region = models.CharField(_("region"), max_length=16, choices=Region.choices, db_index=True)

    class Meta:
        verbose_name = _("prefecture")
        verbose_name_plural = _("prefectures")
        ordering = ["code"]

    def __str__(self):
        return self.name


class MunicipalityKind(models.TextChoices):
    PREFECTURE = "prefecture", _("Prefecture")
    CITY = "city", _("City")
    TOWN = "town", _("Town")
    VILLAGE = "village", _("Village")
    SPECIAL_WARD = "special_ward", _("Special ward")
    WARD = "ward", _("Ward of a designated city")


class MunicipalityQuerySet(models.QuerySet):
    def in_prefecture(self, prefecture_code: str):
        return self.filter(prefecture_id=prefecture_code)

    def matching(self, text: str):
        """Names or readings containing `text` (漢字 or ひらがな)."""
        text = text.strip()
        if not text:
            return self
        return self.filter(models.Q(name__contains=text) | models.Q(kana__contains=text))


class Municipality(models.Model):
    """A 地方公共団体 keyed by its 6-digit 全国地方公共団体コード (check digit included).

    Prefectural governments are rows too (kind=prefecture) so that a prefecture's CDO can post
    requests like any city's. Wards of designated cities point to their city through `parent`.
    """

    code = models.CharField(
        _("local government code"),
        max_length=6,
        primary_key=True,
        validators=[validate_local_government_code],
    )
    name = models.CharField(_("name"), max_length=32, db_index=True)
    kana = models.CharField(_("reading"), max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=MunicipalityKind.choices)
    prefecture = models.ForeignKey(
        Prefecture,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("prefecture"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wards",
        verbose_name=_("parent city"),
    )
    # Profile figures (imported with `manage.py import_municipality_profiles`, then kept by
    # moderators and the municipality's own verified officials; every change is audited).
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_as_of = models.DateField(_("population as of"), null=True, blank=True)
    population_source = models.CharField(
        _("source of the figures"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 住民基本台帳人口（総務省）"),
    )
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=8, decimal_places=2, null=True, blank=True
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["code"]
        indexes = [models.Index(fields=["prefecture", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(population__isnull=True) | models.Q(population__gt=0),
                name="municipality_population_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(area_km2__isnull=True) | models.Q(area_km2__gt=0),
                name="municipality_area_positive",
            ),
        ]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("community:municipality_detail", args=[self.code])

    @property
    def full_name(self) -> str:
        """The name a person reads, e.g. 「神奈川県横浜市」 or 「横浜市中区」."""
        if self.kind == MunicipalityKind.PREFECTURE:
            return self.name
        if self.kind == MunicipalityKind.WARD and self.parent_id:
            return f"{self.prefecture.name}{self.parent.name}{self.name}"
        return f"{self.prefecture.name}{self.name}"


class VerificationState(models.TextChoices):
    PENDING = "pending", _("Verification pending")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class OfficialTitle(models.TextChoices):
    CDO = "cdo", _("CDO (Chief Digital Officer)")
    CIO = "cio", _("CIO (Chief Information Officer)")
    DEPUTY = "deputy", _("Deputy CDO/CIO")
    MANAGER = "manager", _("DX manager")
    STAFF = "staff", _("DX staff")
    OTHER = "other", _("Other")


class OfficialProfile(TimeStampedModel):
    """A municipal official's claim to work for a municipality, verified by a moderator."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="official_profile_row",
        verbose_name=_("user"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="officials",
        verbose_name=_("municipality"),
    )
    department = models.CharField(_("department"), max_length=100)
    title = models.CharField(_("job title"), max_length=16, choices=OfficialTitle.choices)
    title_detail = models.CharField(
        _("position"), max_length=100, blank=True, help_text=_("e.g. デジタル推進課長")
    )
    verification_state = models.CharField(
        _("verification state"),
        max_length=16,
        choices=VerificationState.choices,
        default=VerificationState.PENDING,
        db_index=True,
    )
    verification_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    verification_decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)

    class Meta:
        verbose_name = _("official profile")
        verbose_name_plural = _("official profiles")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} ({self.municipality.name})"

    @property
    def title_label(self) -> str:
        """The title and the position ("CDO（最高デジタル責任者）・部長"), the position left out
        when the title already says it; the titles carry brackets, so the position gets none."""
        label = str(self.get_title_display())
        detail = self.title_detail.strip()
        if not detail or detail in label:
            return label
        if (get_language() or "ja").startswith("ja"):
            return f"{label}・{detail}"
        return f"{label}, {detail}"

    @property
    def is_verified(self) -> bool:
        return self.verification_state == VerificationState.VERIFIED

    @property
    def email_domain(self) -> str:
        return self.user.email.rsplit("@", 1)[-1].lower()

    @property
    def has_lg_jp_email(self) -> bool:
        """A strong signal for moderators (never an automatic pass)."""
        domain = self.email_domain
        return domain == "lg.jp" or domain.endswith(".lg.jp")
