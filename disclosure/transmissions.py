"""外部送信: what a reader's browser sends to other companies from this site.

Japan's Telecommunications Business Act (art. 27-12) asks a site to tell
its users which information it has their browser send to whom, and why.
The list is worked out from the site itself, not typed by hand, so it
stays true when the clinic adds its first video.
"""

from dataclasses import dataclass

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from blog.models import ArticlePage


@dataclass(frozen=True)
class Transmission:
    service: str
    recipient: str
    sent: str  # what the browser sends
    purpose: str
    when: str
    policy_url: str


YOUTUBE = Transmission(
    service=_("YouTube（動画）"),
    recipient=_("Google LLC"),
    sent=_("IPアドレス、ブラウザやOSの種類、閲覧中のページのURL、動画を再生した場合は再生の状況（Cookie等を含む）"),
    purpose=_("記事内の動画のサムネイル画像の表示と、動画の再生のため"),
    when=_("動画のある記事を開いたとき（サムネイル画像を院が用意していない動画）と、再生ボタンを押したとき"),
    policy_url="https://policies.google.com/privacy?hl=ja",
)


def articles_with_video():
    """Readable articles whose body has a video block: one query on the
    stored JSON, which reads `"type": "video"` on SQLite and PostgreSQL alike."""
    return (
        ArticlePage.objects.readable()
        .annotate(body_json=Cast("body", TextField()))
        .filter(body_json__contains='"type": "video"')
    )


def site_transmissions():
    """[Transmission] for what this site makes browsers send today."""
    transmissions = []
    if articles_with_video().exists():
        transmissions.append(YOUTUBE)
    return transmissions
