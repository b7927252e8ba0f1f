"""The blocks a practitioner builds an article body from.

Each block has a description and a preview value, so the editor's block
picker shows what it will look like before it is added.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from security.streams import CheckedStreamBlockMixin

from .layout_blocks import BalloonBlock, FAQBlock, PriceTableBlock, TimelineBlock, ToggleBlock
from .link_blocks import BlogCardBlock, ButtonBlock
from .video import VIDEO_ID, YouTubeVideo, parse_youtube, play_label, video_object

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "embed"]


def heading_anchor(text, anchor=""):
    """The id a heading gets: the editor's anchor, or one derived from the text."""
    return slugify(anchor or text, allow_unicode=True) or "section"


class HeadingValue(blocks.StructValue):
    @property
    def anchor_id(self):
        return heading_anchor(self.get("text", ""), self.get("anchor", ""))


class HeadingBlock(blocks.StructBlock):
    level = blocks.ChoiceBlock(
        choices=[("h2", _("大見出し（H2）")), ("h3", _("小見出し（H3）"))],
        default="h2",
        label=_("レベル"),
        # The level is markup, not words: indexing its label made 大見出し and
        # H2 match every article. Search indexes only what readers read.
        search_index=False,
    )
    text = blocks.CharBlock(label=_("見出し"), max_length=120)
    anchor = blocks.CharBlock(
        label=_("アンカーID"),
        required=False,
        max_length=80,
        search_index=False,
        help_text=_("空欄なら見出しから自動で作ります。目次やリンクの飛び先になります。"),
    )

    class Meta:
        icon = "title"
        label = _("見出し")
        template = "blocks/heading.html"
        value_class = HeadingValue
        description = _("H2・H3の見出し。目次の項目になります。")
        preview_value = {"level": "h2", "text": "膝の内側が痛むおもな原因"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("本文")
        template = "blocks/paragraph.html"
        description = _("太字・リンク・箇条書きが使える文章。")
        preview_value = (
            "<p>歩き始めに膝の内側がズキッと痛むときは、<b>鵞足（がそく）</b>まわりの"
            "筋肉が硬くなっていることがよくあります。</p>"
        )


class PhotoBlock(ImageBlock):
    """Wagtail's ImageBlock, with its chooser labelled in Japanese: Wagtail
    names it after the field ("Image"), which gettext cannot reach."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.child_blocks["image"].label = _("画像ファイル")


class FigureBlock(blocks.StructBlock):
    image = PhotoBlock(label=_("写真・図"))
    caption = blocks.CharBlock(label=_("キャプション"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("画像")
        template = "blocks/figure.html"
        preview_template = "blocks/figure_preview.html"
        description = _("代替テキストとキャプション付きの写真・図。")

    def get_preview_value(self):
        """The site's newest picture, so the block picker shows a real photo
        with its caption (as bakerydemo's CaptionedImageBlock does). A site
        with no pictures yet gets a placeholder (blocks/figure_preview.html)."""
        image = get_image_model().objects.order_by("-created_at", "-pk").first()
        if image is not None:
            image.contextual_alt_text, image.decorative = image.default_alt_text, False
        return self.normalize({"image": image, "caption": _("写真の下に表示される説明文です。")})


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("タイトル"), default="こんな症状はありませんか？", max_length=80)
    items = blocks.ListBlock(blocks.CharBlock(label=_("項目"), max_length=120), label=_("項目"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("チェックリスト")
        template = "blocks/checklist.html"
        description = _("読者が自分の症状を確かめるためのチェック項目。")
        preview_value = {
            "title": "こんな症状はありませんか？",
            "items": ["膝の内側が痛くて歩きにくい", "押すと痛い場所がある", "階段の下りで痛む"],
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("手順の見出し"), max_length=120)
    text = blocks.TextBlock(label=_("説明"), required=False)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("タイトル"), required=False, max_length=80)
    steps = blocks.ListBlock(StepBlock(), label=_("手順"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("番号付きの手順")
        template = "blocks/steps.html"
        description = _("セルフケアのやり方などを番号順に。")
        preview_value = {
            "title": "太もも内側のストレッチ",
            "steps": [
                {"title": "椅子に浅く座る", "text": "背すじを伸ばし、両足を床につけます。"},
                {"title": "片脚を横に伸ばす", "text": "つま先を天井に向け、30秒キープします。"},
            ],
        }


# The themes' common box styles (SWELL's and Cocoon's キャプションボックス);
# the first three were Teate's own and stay valid.
NOTE_KINDS = [
    ("point", _("ポイント")),
    ("caution", _("注意")),
    ("info", _("補足")),
    ("check", _("チェック")),
    ("memo", _("メモ")),
]


class NoteValue(blocks.StructValue):
    @property
    def heading(self):
        """The box's own title, or else its kind's name (ポイント, 注意, 補足)."""
        return self.get("title") or dict(NOTE_KINDS).get(self.get("kind"), NOTE_KINDS[0][1])


class NoteBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=NOTE_KINDS, default="point", label=_("種類"), search_index=False)
    title = blocks.CharBlock(
        label=_("キャプション（タイトル）"), required=False, max_length=80,
        help_text=_("囲みの上に表示します。空欄なら種類の名前（ポイント、注意…）になります。"),
    )
    text = blocks.RichTextBlock(label=_("内容"), features=["bold", "italic", "link", "ul", "ol"])

    def get_searchable_content(self, value):
        """The title readers see (NoteValue.heading: the editor's, or the
        kind's name when blank), and the text."""
        return [str(value.heading), *self.child_blocks["text"].get_searchable_content(value.get("text"))]

    class Meta:
        icon = "warning"
        label = _("ボックス（ポイント・注意）")
        template = "blocks/note.html"
        value_class = NoteValue
        description = _("キャプション付きの囲み。ポイント・注意・補足・チェック・メモの5種類。")
        preview_value = {
            "kind": "caution",
            "title": "こんなときは受診を",
            "text": "<p>腫れや熱感が強いとき、夜も痛むときは医療機関を受診してください。</p>",
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("引用文"))
    source = blocks.CharBlock(label=_("出典・話した人"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("引用")
        template = "blocks/quote.html"
        # A practitioner's own words or a cited source, never a patient's
        # testimonial: 体験談 are what the advertising guidelines object to (docs/wording.md).
        description = _("院長・施術者の言葉や、ガイドライン・文献からの引用。出典を添えてください。")
        preview_value = {
            "quote": "痛みが強い日は無理に動かさず、楽な姿勢で休みましょう。しびれが続くときは、まず医療機関を受診してください。",
            "source": "院長・理学療法士 山田 太郎",
        }


class YouTubeURLField(forms.CharField):
    """Accepts what the editor pastes; refuses, in Japanese, anything that is
    not one YouTube video."""

    def validate(self, value):
        super().validate(value)
        if value:
            parse_youtube(value)


class YouTubeBlock(blocks.FieldBlock):
    """The editor types a link; the page stores {"video_id", "start"}.

    Between the form and clean() the value may still be the raw text, so the
    form can show it back next to its error.
    """

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = YouTubeURLField(required=required, help_text=help_text, max_length=500)
        super().__init__(**kwargs)

    def value_from_form(self, value):
        if not value:
            return None
        try:
            return parse_youtube(value)
        except ValueError:
            return value

    def value_for_form(self, value):
        if isinstance(value, YouTubeVideo):
            return value.watch_url
        return value or ""

    def to_python(self, value):
        """The stored {"video_id", "start"}; raises ValueError when it is not
        one an editor could have saved (the article's StreamBlock then shows
        the block as nothing: security.streams)."""
        if not value:
            return None
        video_id, start = value["video_id"], value.get("start") or 0
        if not (isinstance(video_id, str) and VIDEO_ID.fullmatch(video_id)):
            raise ValueError(f"not a YouTube video ID: {video_id!r}")
        if isinstance(start, bool) or not isinstance(start, (int, str)) or int(start) < 0:
            raise ValueError(f"not a start second: {start!r}")
        return YouTubeVideo(video_id, int(start))

    def get_prep_value(self, value):
        value = self.normalize(value)
        if isinstance(value, YouTubeVideo):
            return {"video_id": value.video_id, "start": value.start}
        return None

    def normalize(self, value):
        if isinstance(value, YouTubeVideo) or value is None:
            return value
        if isinstance(value, dict):
            return self.to_python(value)
        return self.value_from_form(value)

    class Meta:
        icon = "media"
        default = None


class VideoValue(blocks.StructValue):
    @property
    def play_label(self):
        return play_label(self.get("title", ""))

    def structured_data(self, upload_date, absolute_url=lambda url: url):
        """This video as a schema.org VideoObject (see blog.video.video_object);
        blog.meta puts it in the page's JSON-LD graph."""
        thumbnail = None
        if self.get("thumbnail"):
            thumbnail = absolute_url(self["thumbnail"].get_rendition("fill-1280x720").url)
        return video_object(
            self["video"],
            name=self["title"],
            description=self.get("caption") or "",
            upload_date=upload_date or timezone.now(),
            thumbnail=thumbnail,
        )


class VideoBlock(blocks.StructBlock):
    video = YouTubeBlock(
        label=_("YouTubeのURL"),
        help_text=_("YouTubeの共有リンクやアドレスバーのURLを貼り付けてください。「?t=90」などの開始時刻も反映されます。"),
    )
    title = blocks.CharBlock(
        label=_("動画のタイトル"),
        max_length=120,
        required=False,
        help_text=_(
            "再生ボタンの読み上げと、検索エンジン向けの情報に使います。"
            "空欄なら保存するときに「動画：記事のタイトル」が入ります。"
        ),
    )
    caption = blocks.CharBlock(label=_("キャプション"), required=False, max_length=200)
    thumbnail = ImageChooserBlock(
        label=_("サムネイル画像"),
        required=False,
        help_text=_("空欄ならYouTubeのサムネイルを表示します。"),
    )

    class Meta:
        icon = "media"
        label = _("YouTube動画")
        template = "blocks/video.html"
        value_class = VideoValue
        description = _("YouTubeの動画。読者が再生ボタンを押すまでYouTubeには接続しません。")
        preview_value = {
            "video": "https://youtu.be/M7lc1UVf-VE?t=30",
            "title": "太もも内側のストレッチ（1分）",
            "caption": "椅子に座ったままできるストレッチです。",
        }


def fill_blank_video_titles(body, article_title):
    """Give each video left without a title one made from the article's.

    A video's real title lives on YouTube, and Teate never asks it (no
    network at save time); the article's title says what the video is about.
    Returns how many were filled."""
    blank = [child for child in body if child.block_type == "video" and not (child.value.get("title") or "").strip()]
    base = _("動画：%(title)s") % {"title": article_title} if article_title else str(_("YouTube動画"))
    max_length = VideoBlock.base_blocks["title"].field.max_length
    for number, child in enumerate(blank, start=1):
        suffix = f"（{number}）" if len(blank) > 1 else ""
        child.value["title"] = base[: max_length - len(suffix)] + suffix
    return len(blank)


class ArticleBodyBlock(CheckedStreamBlockMixin, blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    checklist = ChecklistBlock()
    steps = StepsBlock()
    note = NoteBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    balloon = BalloonBlock()
    faq = FAQBlock()
    blog_card = BlogCardBlock()
    table = PriceTableBlock()
    button = ButtonBlock()
    toggle = ToggleBlock()
    timeline = TimelineBlock()

    def clean(self, value):
        value = super().clean(value)
        # Two headings with one anchor would make the table of contents jump
        # to the wrong place; tell the editor which one to rename.
        seen = {}
        errors = {}
        for i, child in enumerate(value):
            if child.block_type != "heading":
                continue
            anchor = child.value.anchor_id
            if anchor in seen:
                errors[i] = StructBlockValidationError(
                    block_errors={
                        "anchor": ValidationError(
                            _("アンカーID「%(anchor)s」が重複しています。別のIDを入力してください。")
                            % {"anchor": anchor}
                        )
                    }
                )
            seen[anchor] = i
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value
