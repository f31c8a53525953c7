"""The StreamField blocks every page body is built from (one shared set, as in bakerydemo).

Each block has an icon, a template under templates/cms/blocks/, a description and a preview value
for the admin's block picker. There is deliberately no raw HTML block: editors cannot inject
markup or scripts into the public site (which runs under a strict Content-Security-Policy).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    heading_text = blocks.CharBlock(label=_("Heading"), max_length=120)
    size = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Sub-heading (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading that also structures the page for screen readers.")
        preview_value = {"heading_text": "取組の背景", "size": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "cms/blocks/paragraph_block.html"
        label = _("Paragraph")
        description = _("Text with headings, lists and links.")
        preview_value = (
            "<p>人口減少が進むなか、窓口業務の負担を減らしつつ住民サービスを向上させるため、"
            "行政手続のオンライン化に取り組みました。</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)
    attribution = blocks.CharBlock(label=_("Credit"), required=False, max_length=100)

    class Meta:
        icon = "image"
        template = "cms/blocks/image_block.html"
        label = _("Image")
        description = _("An image with alternative text, caption and credit.")
        preview_value = {"alt_text": "実証実験の様子", "caption": "ほ場に設置した水位センサー"}

    def get_preview_value(self):
        from wagtail.images import get_image_model

        value = dict(self.meta.preview_value)
        value["image"] = get_image_model().objects.order_by("-pk").first()
        return self.to_python({**value, "image": value["image"].pk if value["image"] else None})


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation, for example a voice from residents or staff.")
        preview_value = {
            "text": "窓口に来なくても手続が終わるようになり、子育て世帯から好評です。",
            "attribution": "市民課 職員",
        }


class FigureBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("What was measured"), max_length=80)
    value = blocks.CharBlock(label=_("Value"), max_length=40)
    note = blocks.CharBlock(label=_("Footnote"), required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        label = _("Figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures"), min_num=1, max_num=8)

    class Meta:
        icon = "table"
        template = "cms/blocks/key_figures_block.html"
        label = _("Key figures")
        description = _("Results and KPIs shown as large numbers.")
        preview_value = {
            "heading": "主な成果",
            "figures": [
                {"label": "オンライン申請率", "value": "62%", "note": "導入1年後"},
                {"label": "窓口待ち時間", "value": "-40%", "note": "繁忙期の平均"},
            ],
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Supporting text"), required=False, max_length=400)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=40)

    class Meta:
        icon = "link"
        template = "cms/blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box with one button linking to a page or address.")
        preview_value = {
            "title": "ICT利活用サミットに参加しませんか",
            "text": "先進事例の発表と、自治体CDO・CIOとスタートアップの交流会を行います。",
            "url": "https://example.jp/summit",
            "button_label": "詳細を見る",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose either a page or an external address."))
                }
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Link text"), max_length=120)
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=200)

    class Meta:
        icon = "doc-full-inverse"
        template = "cms/blocks/document_block.html"
        label = _("Downloadable file")
        description = _("A downloadable document served through the portal's access checks.")
        preview_value = {
            "title": "活動報告書（PDF）",
            "description": "ワーキンググループの年次報告",
        }


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("warning", _("Caution"))],
        default="info",
    )
    text = blocks.TextBlock(label=_("Notice text"), max_length=600)

    class Meta:
        icon = "info-circle"
        template = "cms/blocks/callout_block.html"
        label = _("Notice")
        description = _("A boxed notice, e.g. a note that figures are estimates.")
        preview_value = {"kind": "info", "text": "数値は導入自治体への聞き取りによる概算です。"}


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks available in every page body."""

    heading_block = HeadingBlock()
    paragraph_block = ParagraphBlock()
    image_block = ImageBlock()
    quote_block = QuoteBlock()
    key_figures_block = KeyFiguresBlock()
    call_to_action_block = CallToActionBlock()
    document_block = DocumentBlock()
    callout_block = CalloutBlock()
