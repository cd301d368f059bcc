"""StreamField blocks of the public pages: paragraphs, images with captions, quotes, video, figures."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    # Required: a reader with a screen reader, or on a connection that drops images, needs it.
    alt = blocks.CharBlock(
        label=_("alternative text"), max_length=255, help_text=_("What the image shows, for readers who cannot see it.")
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video address"), help_text=_("A YouTube or Facebook video address."))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video.html"


class FigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("number"), max_length=40, help_text=_("As it should be read, e.g. 2.890."))
    label = blocks.CharBlock(label=_("what it counts"), max_length=255)


class FiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=255)
    figures = blocks.ListBlock(FigureBlock(), label=_("figures"), min_num=1)
    source = blocks.CharBlock(label=_("source"), required=False, max_length=255)

    class Meta:
        icon = "table"
        label = _("Figures")
        template = "cms/blocks/figures.html"


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    figures = FiguresBlock()
