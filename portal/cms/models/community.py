"""The committee and community pages: JCC, its working groups (WG) and task forces (TF)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.cms.blocks import BaseStreamBlock
from portal.cms.models.base import EDITOR_ORDER, PortalPage, channel_url
from portal.cms.navigation import SectionIndexMixin

CHANNEL_HELP = _(
    "Number of the community channel on this portal where the group talks "
    "(shown as a link; leave empty if the group has none yet)."
)


class CommunityPage(SectionIndexMixin, PortalPage):
    section = "community"
    """The community's top page (e.g. Japan CDO Community and the committee behind the portal)."""

    intro = models.CharField(
        _("introduction"), max_length=400, help_text=_("Two or three sentences.")
    )
    website_url = models.URLField(
        _("community's own website"),
        blank=True,
        help_text=_("Link to the community's own site, shown prominently."),
    )
    channel_id = models.PositiveIntegerField(
        _("community channel number"), null=True, blank=True, help_text=CHANNEL_HELP
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("website_url"), FieldPanel("channel_id")], heading=_("Links")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CommunityGroupPage", "cms.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("community page")

    @property
    def channel_url(self) -> str:
        return channel_url(self.channel_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = (
            CommunityGroupPage.objects.live().public().descendant_of(self).order_by("path")
        )
        return context


class GroupKind(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working group")
    TASK_FORCE = "task_force", _("Task force")


class CommunityGroupPage(PortalPage):
    """A working group or a task force inside one, with its members, activities and channel."""

    kind = models.CharField(
        _("kind"), max_length=16, choices=GroupKind.choices, default=GroupKind.WORKING_GROUP
    )
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("e.g. ICT利活用WG, 高度無線TF.")
    )
    intro = models.CharField(
        _("purpose"),
        max_length=400,
        help_text=_("What the group is for, in two or three sentences."),
    )
    channel_id = models.PositiveIntegerField(
        _("community channel number"), null=True, blank=True, help_text=CHANNEL_HELP
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("short_name"), FieldPanel("channel_id")],
            heading=_("Group"),
        ),
        FieldPanel("intro"),
        InlinePanel("activities", label=_("Activities"), heading=_("Activities")),
        InlinePanel("members", label=_("Members"), heading=_("Members")),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_name"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.RelatedFields("activities", [index.SearchField("title")]),
    ]

    parent_page_types = ["cms.CommunityPage", "cms.CommunityGroupPage"]
    subpage_types = ["cms.CommunityGroupPage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("working group or task force")
        verbose_name_plural = _("working groups and task forces")

    def __str__(self):
        return self.short_name or self.title

    @property
    def channel_url(self) -> str:
        return channel_url(self.channel_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["task_forces"] = CommunityGroupPage.objects.live().public().child_of(self)
        return context


class CommunityGroupActivity(Orderable):
    page = ParentalKey(CommunityGroupPage, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("activity"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=1000)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    LEADER = "leader", _("Leader")
    MEMBER = "member", _("Member")
    SECRETARIAT = "secretariat", _("Secretariat")


class CommunityGroupMember(Orderable):
    page = ParentalKey(CommunityGroupPage, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("full name"), max_length=80)
    affiliation = models.CharField(_("affiliation"), max_length=120, blank=True)
    role = models.CharField(
        _("role in the group"), max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER
    )

    panels = [FieldPanel("name"), FieldPanel("affiliation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        ordering = EDITOR_ORDER
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.name
