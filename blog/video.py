"""YouTube: the one place that reads a pasted link and builds every URL we emit.

Editors paste links in many shapes; readers must only ever be sent to
YouTube's own hosts. `parse_youtube` is the single gate: the video block,
the rich-text embed finder and any future importer all go through it.
"""

import re
from typing import NamedTuple
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Exact host names only: a suffix or substring test would let
# "youtube.com.evil.example" or "notyoutube.com" through.
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
SHORT_HOSTS = {"youtu.be"}
NOCOOKIE_HOSTS = {"youtube-nocookie.com", "www.youtube-nocookie.com"}

EMBED_ORIGIN = "https://www.youtube-nocookie.com"
VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
# 90, 90s, 1m30s, 1h2m3s: the forms YouTube's own share links use.
START_TIME = re.compile(r"(?:(?P<h>\d{1,2})h)?(?:(?P<m>\d{1,4})m)?(?:(?P<s>\d{1,6})s?)?")
# Path prefixes on youtube.com that are followed by the video ID.
ID_PATHS = ("shorts", "embed", "live", "v", "e")

NOT_YOUTUBE = _("YouTubeの動画URL（youtube.com または youtu.be）か、11文字の動画IDを入力してください。")
PLAYLIST_ONLY = _("再生リストのURLです。再生リストの中の動画を開き、その動画のURLを貼り付けてください。")
BAD_ID = _("動画ID「%(id)s」が正しくありません。動画IDは英数字と「-」「_」からなる11文字です。")
BAD_START = _("開始時刻「%(start)s」を読み取れません。「90」や「1m30s」のように指定してください。")


class NotAYouTubeVideo(ValidationError, ValueError):
    """A form shows it as a field error; an importer may catch it as ValueError."""


class YouTubeVideo(NamedTuple):
    """A video and the second it starts at: what we store, and all we need."""

    video_id: str
    start: int = 0

    @property
    def embed_url(self):
        return embed_url(self.video_id, self.start, autoplay=True)

    @property
    def watch_url(self):
        return watch_url(self.video_id, self.start)

    @property
    def thumbnail_url(self):
        return thumbnail_url(self.video_id)

    def __str__(self):
        return self.watch_url


def parse_youtube(value):
    """Turn a pasted YouTube link, or a bare 11-character ID, into a YouTubeVideo.

    Raises NotAYouTubeVideo (a ValidationError and a ValueError) with a
    message for the editor when the text is not a link to one YouTube video.
    """
    text = str(value or "").strip()
    if VIDEO_ID.fullmatch(text):
        return YouTubeVideo(text)
    if not text or any(c.isspace() or ord(c) < 32 or c == "\\" for c in text):
        raise NotAYouTubeVideo(NOT_YOUTUBE, code="not_youtube")
    # Links copied from an address bar sometimes lose their scheme.
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text) and not text.startswith("//"):
        text = "https://" + text

    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise NotAYouTubeVideo(NOT_YOUTUBE, code="not_youtube") from None
    host = parts.hostname or ""
    if (
        parts.scheme.lower() not in ("http", "https")
        or parts.username is not None
        or parts.password is not None
        or port not in (None, 80, 443)
    ):
        raise NotAYouTubeVideo(NOT_YOUTUBE, code="not_youtube")

    query = parse_qs(parts.query)
    fragment = parse_qs(parts.fragment)
    segments = [s for s in parts.path.split("/") if s]

    if host in SHORT_HOSTS:
        candidate = segments[0] if len(segments) == 1 else None
    elif host in NOCOOKIE_HOSTS:
        candidate = segments[1] if len(segments) == 2 and segments[0] == "embed" else None
    elif host in YOUTUBE_HOSTS:
        if segments == ["watch"]:
            candidate = (query.get("v") or [None])[0]
        elif len(segments) == 2 and segments[0] in ID_PATHS:
            candidate = segments[1]
        else:
            candidate = None
        if candidate is None and "list" in query:
            raise NotAYouTubeVideo(PLAYLIST_ONLY, code="playlist")
    else:
        raise NotAYouTubeVideo(NOT_YOUTUBE, code="not_youtube")

    if candidate is None:
        raise NotAYouTubeVideo(NOT_YOUTUBE, code="not_youtube")
    if not VIDEO_ID.fullmatch(candidate):
        raise NotAYouTubeVideo(BAD_ID, code="bad_id", params={"id": candidate[:40]})

    raw_start = next((p[k][0] for p in (query, fragment) for k in ("t", "start") if p.get(k)), "")
    return YouTubeVideo(candidate, parse_start(raw_start))


def parse_start(raw):
    """Seconds from "90", "90s" or "1h2m3s"; 0 when there is no start time."""
    if not raw:
        return 0
    match = START_TIME.fullmatch(raw.strip().lower())
    if not match or not any(match.groupdict().values()):
        raise NotAYouTubeVideo(BAD_START, code="bad_start", params={"start": raw[:40]})
    h, m, s = (int(match[g] or 0) for g in ("h", "m", "s"))
    return h * 3600 + m * 60 + s


def embed_url(video_id, start=0, *, autoplay=False):
    """The privacy-enhanced player: no cookies until the reader plays."""
    params = {}
    if start:
        params["start"] = start
    if autoplay:
        params["autoplay"] = 1
    query = f"?{urlencode(params)}" if params else ""
    return f"{EMBED_ORIGIN}/embed/{video_id}{query}"


def watch_url(video_id, start=0):
    """The video on YouTube itself: where the facade links without JavaScript."""
    suffix = f"&t={start}s" if start else ""
    return f"https://www.youtube.com/watch?v={video_id}{suffix}"


def thumbnail_url(video_id):
    return f"https://i.ytimg.com/vi/{video_id}/hqdefault.jpg"


def play_label(title):
    """The play button's accessible name."""
    return _("動画を再生：%(title)s") % {"title": title}


def video_object(video, *, name, upload_date, description="", thumbnail=None):
    """A schema.org VideoObject for the page's JSON-LD.

    `upload_date` is when the video appeared here (the article's publication):
    we never ask YouTube, so its own upload date is unknown.
    """
    if hasattr(upload_date, "tzinfo") and timezone.is_aware(upload_date):
        upload_date = timezone.localtime(upload_date)
    return {
        "@type": "VideoObject",
        "name": str(name),
        "description": str(description or name),
        "thumbnailUrl": thumbnail or video.thumbnail_url,
        "uploadDate": upload_date.isoformat(),
        "embedUrl": embed_url(video.video_id, video.start),
    }
