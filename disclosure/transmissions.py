"""外部送信: what a reader's browser sends to other companies from this site.

Japan's Telecommunications Business Act (art. 27-12) asks a site to tell
its users which information it has their browser send to whom, and why.
The list is worked out from the site itself, not typed by hand, so it
stays true when the clinic adds its first video or enters an analytics ID
in its settings (clinic/analytics.py).
"""

from dataclasses import dataclass

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from blog.models import ArticlePage
from clinic.analytics import configured_analytics


@dataclass(frozen=True)
class Transmission:
    service: str
    recipient: str
    sent: str  # what the browser sends
    purpose: str
    when: str
    policy_url: str
    opt_out_url: str = ""  # where a reader can stop it, when the recipient offers a way


YOUTUBE = Transmission(
    service=_("YouTube（動画）"),
    recipient=_("Google LLC"),
    sent=_("IPアドレス、ブラウザやOSの種類、閲覧中のページのURL、動画を再生した場合は再生の状況（Cookie等を含む）"),
    purpose=_("記事内の動画のサムネイル画像の表示と、動画の再生のため"),
    when=_("動画のある記事を開いたとき（サムネイル画像を院が用意していない動画）と、再生ボタンを押したとき"),
    policy_url="https://policies.google.com/privacy?hl=ja",
)

# What gtag.js sends with the settings static/js/analytics.js gives it.
GOOGLE_ANALYTICS = Transmission(
    service=_("Googleアナリティクス（アクセス解析）"),
    recipient=_("Google LLC"),
    sent=_(
        "閲覧したページのURLとタイトル、直前に見ていたページのURL、IPアドレス、ブラウザやOSの種類、画面の大きさ、"
        "言語、閲覧日時、ページ内での操作（スクロールやリンクのクリック）、閲覧者を見分けるためにCookieに保存する識別子"
    ),
    purpose=_(
        "どの記事がどれだけ読まれているかを統計として把握し、記事とサイトの改善に役立てるため"
        "（Googleシグナルと広告のパーソナライズは無効にしています）"
    ),
    when=_("このサイトのページを開いたときと、ページ内で操作したとき"),
    policy_url="https://policies.google.com/technologies/partner-sites?hl=ja",
    opt_out_url="https://tools.google.com/dlpage/gaoptout?hl=ja",
)

# clinic.analytics.Service.key → what the disclosure says of it.
ANALYTICS = {"ga4": GOOGLE_ANALYTICS}


def articles_with_video():
    """Readable articles whose body has a video block: one query on the
    stored JSON, which reads `"type": "video"` on SQLite and PostgreSQL alike."""
    return (
        ArticlePage.objects.readable()
        .annotate(body_json=Cast("body", TextField()))
        .filter(body_json__contains='"type": "video"')
    )


def site_transmissions(clinic):
    """[Transmission] for what this site makes browsers send today: the
    analytics the clinic's settings switch on, then YouTube if a readable
    article has a video."""
    transmissions = [ANALYTICS[configured.service.key] for configured in configured_analytics(clinic)]
    if articles_with_video().exists():
        transmissions.append(YOUTUBE)
    return transmissions
